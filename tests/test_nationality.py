"""Parties named only by their role take the country of the place the text puts them in:
police in Bavaria are Germany's, protesters arrested in Lahore are Pakistan's. Hand-written
sentences; the real-news judges' complaint "no country for the police" in miniature."""

from __future__ import annotations

from wirecoder.places.gazetteer import load_gazetteer


def parties(coder, text: str, date: str = "2016-05-14"):
    """(source countries, target countries) of the first event of `text`."""
    events = coder.code(text, date=date)
    assert events, text
    e = events[0]
    return [a.country for a in e.source], [a.country for a in e.target]


def test_a_place_in_the_partys_own_phrase(coder):
    src, tgt = parties(coder, "Police in Bavaria arrested three men on Tuesday.")
    assert src == ["DEU"] and tgt == ["DEU"]


def test_the_events_place_when_the_phrase_has_none(coder):
    src, tgt = parties(coder, "Police arrested three protesters in Lahore on Tuesday.")
    assert src == ["PAK"] and tgt == ["PAK"]


def test_the_events_place_beats_the_articles_country(coder):
    text = (
        "Germany's interior minister spoke in Berlin on Monday. Germany will send aid. "
        "German officials met on Monday. Police arrested three protesters in Lahore on Tuesday."
    )
    events = [e for e in coder.code(text, date="2016-05-14") if e.event_type == "COERCE"]
    assert events and [a.country for a in events[0].source] == ["PAK"]


def test_a_party_with_a_country_of_its_own_keeps_it(coder):
    src, _ = parties(coder, "French police arrested three men in Brussels on Tuesday.")
    assert src == ["FRA"]


def test_a_state_named_as_a_party_is_its_country(coder):
    src, tgt = parties(coder, "Texas sued California over the new emissions rules on Monday.")
    assert src == ["USA"] and tgt == ["USA"]


def test_a_town_under_its_own_name_beats_another_towns_old_name():
    # Amman was once Philadelphia; the US city of 1.5 million is the one a story means
    gz = load_gazetteer()
    assert gz.ranked("Philadelphia")[0].country == "USA"
    assert gz.ranked("Amman")[0].country == "JOR"


def _attackers_countries(coder, text: str) -> list[str | None]:
    """The source countries of the first attack coded from `text` (published 2016-06-03)."""
    events = [e for e in coder.code(text, date="2016-06-03") if e.event_type == "ASSAULT"]
    assert events
    return [a.country for a in events[0].source]


def test_unnamed_gunmen_act_in_the_articles_country(coder):
    # the gold codes unnamed armed actors with the country where they act; with no place in
    # their sentence that is the country the story is about
    text = (
        "Pakistan's government promised on Monday to tighten security in the city. "
        "Unidentified gunmen shot dead a shopkeeper on Sunday, police said. "
        "Pakistan's police are searching for the attackers."
    )
    assert _attackers_countries(coder, text) == ["PAK"]


def test_a_named_district_says_where_a_short_report_happens(coder):
    # no country named: "Khairpur District" alone places the story (and its attackers, whose
    # own sentence names no place) in Pakistan
    text = (
        "Two brothers were shot dead in a village of Khairpur District on June 2, reports Dawn. "
        "The attackers fled on a motorbike after they opened fire on the shop."
    )
    assert _attackers_countries(coder, text) == ["PAK"]


def test_refugees_do_not_take_the_articles_country(coder):
    text = (
        "Germany's government promised on Monday to tighten border controls. "
        "Police arrested twelve refugees at the border on Sunday. "
        "Germany's interior minister defended the arrests."
    )
    events = [e for e in coder.code(text, date="2016-06-03") if e.event_type == "COERCE"]
    assert events and [a.country for a in events[0].target] == [None]


def test_maoists_are_insurgents_where_they_act(coder):
    text = "Further, the Maoists killed a village head in Kanker District on Monday, reports The Hindu."
    events = [e for e in coder.code(text, date="2016-06-03") if e.event_type == "ASSAULT"]
    assert events and [(a.country, a.sector) for a in events[0].source] == [("IND", "REB")]


def test_the_one_country_of_a_two_sentence_report_is_its_country(coder):
    text = "Gunmen attacked an army convoy in northern Mali on Monday. Police later arrested two suspects."
    events = [e for e in coder.code(text, date="2016-06-03") if e.event_type == "COERCE"]
    assert events and [a.country for a in events[0].source] == ["MLI"]


def test_a_big_city_named_alone_says_which_country_the_story_is_about(coder):
    # no country named: Philadelphia is the US city (not Amman's ancient name) and San Antonio
    # the Texan one (not Chile's town of 90,000), so the story is about the United States
    for city in ("Philadelphia", "San Antonio"):
        text = (
            f"A woman shot two co-workers at a plant in {city} on Monday, police said. "
            f"Prosecutors in {city} charged her with murder on Tuesday."
        )
        assert coder.analyze(text, date="2011-01-10").primary_country == "USA", city
