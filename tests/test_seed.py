"""The seed article (../shared/seed): what must come out of it and what must not (EXPECTED.md)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def events(coder, shared):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    return coder.code(text, date="2015-10-21")


def _c(actors):
    return {a.country for a in actors}


def _s(actors):
    return {(a.country, a.sector) for a in actors}


def _find(events, etype, status="asserted", src=None, tgt=None):
    out = []
    for ev in events:
        if ev.event_type != etype or ev.status != status:
            continue
        if src and not src <= _c(ev.source):
            continue
        if tgt and not tgt <= _c(ev.target):
            continue
        out.append(ev)
    return out


def test_1_alliance_and_pmf_urge_abadi_once_reported_by_reuters(events):
    found = [
        ev
        for ev in _find(events, "REQUEST", src={"IRQ"}, tgt={"IRQ"})
        if ("IRQ", "PTY") in _s(ev.source)
    ]
    assert len(found) == 1, "headline and lead are one event"
    ev = found[0]
    assert ("IRQ", "MIL") in _s(ev.source)  # the Popular Mobilization Forces
    assert ("IRQ", "GOV") in _s(ev.target)
    assert ev.target[0].name == "Haider al-Abadi"
    assert ev.attribution.speaker is not None and ev.attribution.speaker.name == "Reuters"
    assert ev.mentions, "the lead's retelling is merged into it"


def test_2_dunford_visits_iraq_on_tuesday_in_baghdad(events):
    [ev] = _find(events, "CONSULT", src={"USA"}, tgt={"IRQ"})
    assert ev.mode == "visit"
    assert ("USA", "MIL") in _s(ev.source)
    assert (
        ev.location is not None and ev.location.name == "Baghdad" and ev.location.country == "IRQ"
    )
    assert ev.date == "2015-10-20" and ev.date_text and "Tuesday" in ev.date_text


def test_3_iraq_assures_the_united_states(events):
    assert _find(events, "AGREE", src={"IRQ"}, tgt={"USA"})


def test_4_russia_air_campaign_against_isil_in_syria(events):
    [ev] = [e for e in _find(events, "ASSAULT", src={"RUS"}, tgt={"IMG"})]
    assert ev.mode == "aerial"
    assert ev.location is not None and ev.location.country == "SYR"


def test_5_syria_requested_russian_action(events):
    found = _find(events, "REQUEST", src={"SYR"}, tgt={"RUS"})
    assert found and ("SYR", "GOV") in _s(found[0].source)


def test_6_us_led_coalition_strikes_isil_hedged(events):
    found = _find(events, "ASSAULT", src={"USA"}, tgt={"IMG"})
    assert found
    assert any(ev.hedge is not None and ev.hedge.text == "allegedly" for ev in found)


def test_requested_russian_strikes_are_never_asserted_or_placed_in_iraq(events):
    for ev in events:
        if ev.event_type == "ASSAULT" and "RUS" in _c(ev.source):
            if ev.status == "asserted":
                assert ev.sentence_index == 12, ev.sentence  # only the air campaign itself
            assert not (ev.location and ev.location.country == "IRQ")
    assert any(
        ev.event_type == "ASSAULT"
        and "RUS" in _c(ev.source)
        and ev.status in ("requested", "hypothetical")
        for ev in events
    )


def test_denials_stay_denials(events):
    for ev in events:
        both = _c(ev.source) | _c(ev.target)
        if ev.event_type == "CONSULT" and {"IRQ", "RUS"} <= both:
            assert ev.status == "negated"
        if ev.event_type == "REQUEST" and "IRQ" in _c(ev.source) and "RUS" in _c(ev.target):
            assert ev.status in ("negated", "future", "requested")
        assert "respond" not in ev.trigger.text


def test_attribution_chain_reuters_then_two_mps(events):
    quoted = [ev for ev in events if ev.sentence_index == 2]
    assert quoted
    ev = quoted[0]
    assert ev.attribution.via == ["Reuters"]
    assert (
        ev.attribution.speaker is not None
        and "members of parliament" in ev.attribution.speaker.text
    )
    dunford = [ev for ev in events if ev.event_type == "AGREE"]
    assert dunford[0].attribution.speaker.name == "Joseph Dunford"


def test_every_offset_points_at_its_evidence(events, shared):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    for ev in events:
        assert text[ev.trigger.start : ev.trigger.end] == ev.trigger.text
        for a in ev.source + ev.target:
            assert text[a.start : a.end] == a.text
        if ev.location:
            assert text[ev.location.start : ev.location.end] == ev.location.text
        assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
