from __future__ import annotations

import json
from dataclasses import replace

from wirecoder.errors import Codes
from wirecoder.records import Actor, Attribution, Event, Location, RankWeights, Span, rank_events


def _event() -> Event:
    return Event(
        article_id="a",
        sentence_index=1,
        sentence="X met Y.",
        event_type="CONSULT",
        trigger=Span("met", 2, 5),
        source=[Actor("X", 0, 1, "Xland", "XXX", "GOV")],
        target=[Actor("Y", 6, 7, None, "YYY", None)],
        reciprocal=True,
        attribution=Attribution(
            Actor("Reuters", 10, 17, "Reuters", "GBR", "JRN"), Span("said", 18, 22), ["AFP"]
        ),
        location=Location("Baghdad", "IRQ", 33.3, 44.4, 30, 37),
        date="2015-10-20",
        date_text="Tuesday",
    )


def test_event_round_trips_through_json():
    ev = _event()
    again = Event.from_dict(json.loads(json.dumps(ev.to_dict())))
    assert again.to_dict() == ev.to_dict()


def test_reciprocal_dyads_go_both_ways():
    assert sorted(_event().dyads()) == [("XXX", "YYY"), ("YYY", "XXX")]


def test_a_demand_is_recorded_as_the_speakers_request_of_the_actor():
    # "Kenya said Uganda must withdraw its troops": PLOVER's REQUEST is Kenya's, of Uganda
    ev = _event()
    ev.event_type, ev.plover_type, ev.status, ev.reciprocal = (
        "RETREAT",
        "REQUEST",
        "hypothetical",
        False,
    )
    ev.attribution = Attribution(Actor("Kenya", 0, 5, None, "KEN", None), Span("said", 6, 10))
    assert ev.demanded
    actors, recipients = ev.plover_parties()
    assert [a.country for a in actors] == ["KEN"]
    assert [a.country for a in recipients] == ["XXX"]
    assert ev.dyads(plover=True) == [("KEN", "XXX")]
    assert ev.dyads() == [("XXX", "YYY")]  # the act itself stays the actor's
    ev.plover_type = "RETREAT"  # an act reported as done is no demand
    assert not ev.demanded and ev.plover_parties()[0][0].country == "XXX"


def test_error_codes_are_unique_and_match_their_names():
    codes = [c.value.code for c in Codes]
    assert len(codes) == len(set(codes))
    assert all(c.name == c.value.code for c in Codes)


def test_a_merged_retelling_fills_in_the_phrase_the_first_telling_lacks():
    from wirecoder.events.dedup import deduplicate

    first = _event()
    first.target_span = None
    second = _event()
    second.trigger = Span("talks", 40, 45)
    second.target_span = Span("Y", 6, 7)
    merged = deduplicate([first, second])
    assert len(merged) == 1
    assert merged[0].target_span == Span("Y", 6, 7)


def test_the_headline_event_outranks_a_surer_one_further_down():
    # "Mauritania condemns violence" over the killing its third sentence reports
    headline = replace(_event(), sentence_index=0, event_type="ACCUSE", confidence=0.5)
    later = replace(_event(), sentence_index=2, event_type="ASSAULT", confidence=0.95)
    assert rank_events([later, headline])[0] is headline
    # the weights are the caller's to set: without a headline bonus the surer event leads
    flat = RankWeights(headline=0.0, lead=0.0)
    assert rank_events([later, headline], flat)[0] is later
    # background history drops below the news
    old = replace(later, historical=True, confidence=1.0)
    assert rank_events([old, later])[0] is later


def test_argument_spans_never_end_in_a_line_break(coder):
    text = "Rebels attack army base\nRebels attacked the army base\nin Kandahar on Monday."
    a = coder.analyze({"text": text, "date": "2020-10-10"})
    spans = [s for e in a.events for s in (e.source_span, e.target_span) if s is not None]
    assert spans
    for s in spans:
        assert s.text == s.text.strip()
        assert text[s.start : s.end] == s.text
