"""An arrest or a charge with no named actor was done by the state: the police or judiciary
of the country where it happened, as ICEWS and the team's real-news gold code it
(events/implied.py). Hand-written sentences."""

from __future__ import annotations


def first(coder, text: str, kind: str):
    events = [e for e in coder.code(text, date="2016-06-03") if e.event_type == kind]
    assert events, text
    return events[0]


def test_an_agentless_arrest_is_the_police_of_its_place(coder):
    text = "Hank Rhon was arrested in Tijuana earlier this month."
    ev = first(coder, text, "COERCE")
    assert [(a.country, a.sector) for a in ev.source] == [("MEX", "COP")]
    # its evidence is the word that implies it, and the rule says it was implied
    a = ev.source[0]
    assert text[a.start : a.end] == a.text == "arrested"
    assert a.rule and "implied" in a.rule


def test_a_charge_is_the_judiciary_of_the_articles_country(coder):
    text = (
        "Mexico's president spoke about crime on Saturday. The former mayor was charged with "
        "possession of illegal weapons on Friday. Mexico's government declined to comment."
    )
    ev = first(coder, text, "ACCUSE")
    assert [(a.country, a.sector) for a in ev.source] == [("MEX", "JUD")]


def test_a_named_agent_is_kept(coder):
    ev = first(coder, "Three suspects were arrested by soldiers in Lagos on Monday.", "COERCE")
    assert [a.sector for a in ev.source] == ["MIL"]


def test_no_country_no_guess(coder):
    ev = first(coder, "Three suspects were arrested on Monday.", "COERCE")
    assert ev.source == []


def test_a_kidnapping_implies_no_state_agent(coder):
    events = coder.code("Two engineers were abducted in Peshawar on Monday.", date="2016-06-03")
    assert all(not ev.source for ev in events if ev.event_type == "ASSAULT")
