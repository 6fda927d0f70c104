"""wirecoder's own example article (the demo): always-on end-to-end checks."""

from __future__ import annotations

import pytest

DATE = "2021-03-03"  # a Wednesday


@pytest.fixture(scope="module")
def events(coder, example_text):
    return coder.code(example_text, date=DATE)


def _has(events, etype, status="asserted", src=None, tgt=None):
    for ev in events:
        if ev.event_type != etype or ev.status != status:
            continue
        if src and src not in {(a.country, a.sector) for a in ev.source}:
            continue
        if tgt and tgt not in {(a.country, a.sector) for a in ev.target}:
            continue
        return ev
    return None


def test_the_attack_is_one_event_dated_monday(events):
    attacks = [
        ev
        for ev in events
        if ev.event_type == "ASSAULT"
        and ("SOM", "REB") in {(a.country, a.sector) for a in ev.source}
    ]
    assert len(attacks) == 1
    assert attacks[0].date == "2021-03-01"
    assert attacks[0].location is not None and attacks[0].location.name == "Mogadishu"


def test_counterattack_by_troops_and_peacekeepers(events):
    ev = _has(events, "ASSAULT", src=("SOM", "MIL"))
    assert ev is not None and {a.sector for a in ev.target} == {"REB"}
    assert ev.attribution.speaker is not None and "spokesman" in ev.attribution.speaker.text


def test_police_arrests_attributed_to_the_accusation(events):
    assert _has(events, "ACCUSE", tgt=("SOM", "COP"))
    assert _has(events, "COERCE", src=("SOM", "COP"), tgt=("SOM", "JRN"))


def test_statuses(events):
    assert _has(events, "CONSULT", status="negated", src=("SOM", "GOV"), tgt=("SOM", "REB"))
    assert _has(events, "MOBILIZE", status="hypothetical", src=("ETH", "GOV"))
    assert _has(events, "AGREE", src=("KEN", "GOV"))
    pledge = [
        ev
        for ev in events
        if ev.status == "future" and ("KEN", "GOV") in {(a.country, a.sector) for a in ev.source}
    ]
    assert pledge and pledge[0].date == "2021-03-02"  # "told reporters ... on Tuesday"
