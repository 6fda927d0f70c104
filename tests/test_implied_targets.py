"""A one-sided act with no named target was done to the people or state of its place
(events/implied.py: ICEWS codes such targets as the country's citizens, and so does the
team's real-news gold). Hand-written sentences."""

from __future__ import annotations


def events(coder, text: str, kind: str):
    found = [e for e in coder.code(text, date="2016-06-03") if e.event_type == kind]
    assert found, text
    return found


def test_damage_to_property_targets_the_places_country(coder):
    text = "Maoists damaged a mobile tower in Koraput District of Odisha on Monday."
    ev = events(coder, text, "ASSAULT")[0]
    assert [a.country for a in ev.target] == ["IND"]
    a = ev.target[0]
    # the evidence is the object the text names, and the rule says the target was implied
    assert text[a.start : a.end] == a.text == "a mobile tower"
    assert a.name == "unnamed (IND)"
    assert a.rule and a.rule.startswith("implied target")
    assert ev.provenance["target"].text == "a mobile tower"


def test_a_named_target_is_kept(coder):
    ev = events(coder, "Police arrested two Maoists in Odisha on Monday.", "COERCE")[0]
    assert [a.text for a in ev.target] == ["two Maoists"]
    assert not any((a.rule or "").startswith("implied") for a in ev.target)


def test_a_meeting_implies_no_target(coder):
    ev = events(coder, "Indian officials met in New Delhi on Monday.", "CONSULT")[0]
    assert ev.target == []


def test_no_country_no_guess(coder):
    ev = events(coder, "Gunmen damaged a tower on Monday.", "ASSAULT")[0]
    assert ev.target == []


def test_a_strike_with_no_object_is_aimed_at_the_state(coder):
    text = (
        "Transport workers in Tegucigalpa went on strike on Monday to demand action on extortion."
    )
    ev = events(coder, text, "PROTEST")[0]
    assert [(a.country, a.sector, a.name) for a in ev.target] == [
        ("HND", "GOV", "government (HND)")
    ]
