"""Sentence boundaries: every event, its parties and its evidence are read within one sentence,
so a wrong cut loses the subject ("US | Ambassador John Smith accused ...")."""

from __future__ import annotations

import pytest

from wirecoder.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a paragraph's first word is not a sentence of its own
        (
            "US envoy warns Iran\n\nUS Ambassador John Smith accused Iran of arming militias.",
            ["US envoy warns Iran", "US Ambassador John Smith accused Iran of arming militias."],
        ),
        # headline and lead starting alike (issue 19 item 13)
        (
            "Armenia and Azerbaijan agree to ceasefire\nArmenia and Azerbaijan agreed on Monday.",
            [
                "Armenia and Azerbaijan agree to ceasefire",
                "Armenia and Azerbaijan agreed on Monday.",
            ],
        ),
        # titles written short do not end the sentence
        (
            "Title\nCpl. John Doe was shot by Sgt. Max Payne. Atty. Gen. Eric Holder spoke.",
            ["Title", "Cpl. John Doe was shot by Sgt. Max Payne.", "Atty. Gen. Eric Holder spoke."],
        ),
        # real ends stay ends
        (
            "He met Gen. Smith. Then he left.\nYes. It was over.",
            ["He met Gen. Smith.", "Then he left.", "Yes.", "It was over."],
        ),
    ],
)
def test_sentences_are_cut_where_a_reader_cuts_them(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_the_subject_of_a_paragraph_keeps_its_country(coder):
    text = "US envoy warns Iran\n\nUS Ambassador John Smith accused Iran of arming militias."
    events = [e for e in coder.code(text, date="2015-03-02") if e.event_type == "ACCUSE"]
    assert events and events[0].source[0].country == "USA"
    assert events[0].source[0].text == "US Ambassador John Smith"


@pytest.mark.parametrize(
    "text, name",
    [
        # the small model tags neither lone surname (it even reads "Lopez" as an adjective)
        (
            "Police arrested Jose Lopez in Miami on Friday. Lopez has been charged with murder.",
            "Lopez",
        ),
        (
            "Texas Sen. John Whitmire visited the prison. Whitmire questioned why guards "
            "stopped searching visitors.",
            "Whitmire",
        ),
    ],
)
def test_a_surname_alone_is_the_person_named_in_full(nlp, text, name):
    doc = nlp(text)
    alone = [t for t in doc if t.text == name][-1]
    assert alone.ent_type_ == "PERSON" and alone.pos_ == "PROPN"


def test_a_surname_no_full_name_explains_is_left_alone(nlp):
    doc = nlp("Whitmire questioned why guards stopped searching visitors.")
    assert doc[0].ent_type_ == ""


def test_an_event_told_with_the_surname_alone_has_its_party(coder):
    text = (
        "Police arrested Jose Lopez in Miami on Friday.\n\n"
        "Lopez has been charged with murder, prosecutors said."
    )
    charged = [e for e in coder.code(text, date="2013-04-11") if e.trigger.text == "charged"]
    assert charged and [a.text for a in charged[0].target] == ["Lopez"]
    assert charged[0].target[0].country == "USA"
