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
