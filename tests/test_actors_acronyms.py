"""Acronyms an article spells out: the article's definition beats the dictionary's reading of
the letters, for the defining phrase and for the later mentions."""

from __future__ import annotations

import pytest

from wirecoder.actors.acronyms import long_form
from wirecoder.actors.strings import resolve_string


def test_a_spelled_out_acronym_is_no_apposition_naming_another_body(coder):
    a = coder.analyze(
        "India's National Security Adviser (NSA) Ajit Doval arrived in Beijing on Monday.\n"
        "The NSA met Chinese officials on Tuesday.",
        date="2019-05-01",
    )
    first = next(m for m in a.mentions if m.text.startswith("India's National"))
    later = next(m for m in a.mentions if m.text == "The NSA")
    assert (first.country, first.sector) == ("IND", "GOV")
    # the US National Security Agency is what the letters alone would be
    assert (later.country, later.sector) == ("IND", "GOV")
    assert any("acronym defined as 'National Security Adviser'" in r for r in later.rule)


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("National Security Adviser (NSA) Ajit Doval", "IND", "GOV"),
        ("the Federal Bureau of Investigation (FBI)", "USA", "COP"),
        # a long form the lists lack takes what its letters are known as
        ("Pakistan Muslim League-Nawaz (PML-N)", "PAK", "PTY"),
    ],
)
def test_a_spelled_out_acronym_in_an_actor_string(coder, text, country, sector):
    m = resolve_string(text, coder.resources, "2019-05-01")
    assert m is not None and (m.country, m.sector) == (country, sector)
    assert m.text == text  # the letters stay in the mention's words


def test_an_acronym_the_article_does_not_define_keeps_its_dictionary_reading(coder):
    a = coder.analyze("The NSA collected phone records, officials said.", date="2014-01-01")
    nsa = next(m for m in a.mentions if m.text == "The NSA")
    assert nsa.country == "USA"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the Pakistan Tehreek-e-Insaf (PTI) won", "Pakistan Tehreek-e-Insaf"),
        ("the Armed Forces of the Philippines (AFP) said", "Armed Forces of the Philippines"),
        ("Pakistan Muslim League-Nawaz (PML-N) leaders", "Pakistan Muslim League-Nawaz"),
        ("Jamaat-ul-Mujahideen Bangladesh (JMB) cadres", "Jamaat-ul-Mujahideen Bangladesh"),
        ("the ministry (NSA) said", None),  # the letters spell nothing before them
        ("a statement (AFP) said", None),
    ],
)
def test_long_forms_are_the_capitalised_words_the_letters_spell(coder, text, words):
    doc = coder.resources.nlp(text)
    i = next(t.i for t in doc if t.text == "(") + 1
    span = long_form(doc, i)
    assert (doc[span[0] : span[1]].text if span else None) == words
