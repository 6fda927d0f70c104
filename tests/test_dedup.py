"""One record per real action within an article: retellings and the clauses of one incident
merge; events that differ in date, parties, type or mode never do."""

from __future__ import annotations

import json

import pytest

from wirecoder.events.dedup import deduplicate, names_match
from wirecoder.records import Actor, Event, Location, Span


def _actor(name=None, country=None, sector=None) -> Actor:
    return Actor(
        text=name or sector or "x", start=0, end=1, name=name, country=country, sector=sector
    )


def _ev(start: int, etype: str = "ACCUSE", sentence: int = 0, **kw) -> Event:
    return Event(
        article_id="a",
        sentence_index=sentence,
        sentence=kw.pop("text", "some sentence"),
        event_type=etype,
        trigger=Span("t", start, start + 1),
        **kw,
    )


def test_names_match_a_short_form_but_not_another_person():
    assert names_match("Steinberg", "Alan Steinberg")
    assert not names_match("Abadi", "Obeidi")


def test_a_retelling_with_the_same_party_is_one_record_whose_fields_say_where_they_came_from():
    usa, rus = _actor("Barack Obama", "USA", "GOV"), _actor("Vladimir Putin", "RUS", "GOV")
    head = _ev(0, "CONSULT", 0, source=[_actor("Obama")], target=[rus])
    lead = _ev(50, "CONSULT", 1, source=[usa], target=[rus], date="2018-07-16",
               date_text="Monday", date_precision="day")  # fmt: skip
    merged = deduplicate([head, lead])
    assert len(merged) == 1
    rec = merged[0]
    assert rec.trigger.start == 0 and [m.start for m in rec.mentions] == [50]
    assert rec.date == "2018-07-16"  # the lead's own date over none
    assert rec.provenance["date"].start == 50
    assert rec.provenance["target"].start == 0
    # new keys only: the record still loads from and dumps to JSON
    back = Event.from_dict(json.loads(json.dumps(rec.to_dict())))
    assert back.provenance == rec.provenance and back.mentions == rec.mentions


def test_a_definite_retelling_without_parties_joins_the_action_it_names(coder):
    text = "Trump met Putin in Helsinki. Reporters waited outside. The meeting lasted two hours."
    doc = coder.resources.nlp(text)
    meet = _ev(text.index("met"), "CONSULT", 0, source=[_actor("Donald Trump", "USA", "GOV")],
               target=[_actor("Vladimir Putin", "RUS", "GOV")])  # fmt: skip
    meet.trigger = Span("met", text.index("met"), text.index("met") + 3)
    later = _ev(text.index("meeting"), "CONSULT", 2)
    later.trigger = Span("meeting", text.index("meeting"), text.index("meeting") + 7)
    assert len(deduplicate([meet, later], doc)) == 1


@pytest.mark.parametrize(
    "change",
    [
        {"date": "2016-05-01", "date_text": "2016", "date_precision": "year"},  # 2016 vs 2019
        {"status": "negated"},
        {"event_type": "REQUEST"},
        {"target": [_actor("Pat McCrory", "USA", "GOV")]},  # another person charged
        {"location": Location("Paris", "FRA", None, None, 0, 1)},
    ],
)
def test_events_that_differ_in_date_status_type_party_or_place_stay_apart(change):
    base = dict(source=[_actor(None, "USA", "JUD")], target=[_actor("Loretta Lynch", "USA", "GOV")],
                location=Location("Washington", "USA", None, None, 0, 1))  # fmt: skip
    charge = _ev(0, "ACCUSE", 1, date="2019-03-01", date_text="2019", date_precision="year", **base)
    same = _ev(90, "ACCUSE", 2, **base)
    assert len(deduplicate([charge, same])) == 1  # the same charge retold
    other = _ev(90, "ACCUSE", 2, **base)
    for k, v in change.items():
        setattr(other, k, v)
    charge = _ev(0, "ACCUSE", 1, date="2019-03-01", date_text="2019", date_precision="year", **base)
    assert len(deduplicate([charge, other])) == 2


def test_a_word_of_another_event_keeps_it_apart():
    a = _ev(0, "ASSAULT", 3, source=[_actor(None, "PAK", "REB")])
    b = _ev(90, "ASSAULT", 4, text="In another attack, two soldiers were killed.")
    assert len(deduplicate([a, b])) == 2


def test_statements_far_apart_are_two_statements_but_a_material_act_is_retold():
    src, tgt = [_actor("Donald Trump", "USA")], [_actor("Hillary Clinton", "USA")]
    early = _ev(0, "ACCUSE", 4, source=src, target=tgt)
    late = _ev(90, "ACCUSE", 20, source=src, target=tgt)
    assert len(deduplicate([early, late])) == 2
    jeffs = [_actor("Warren Jeffs", "USA", "REL")]
    arrest, again = _ev(0, "COERCE", 8, target=jeffs), _ev(90, "COERCE", 30, target=jeffs)
    assert len(deduplicate([arrest, again])) == 1


def test_the_clauses_of_one_attack_are_one_assault_with_its_casualties(coder):
    text = (
        "Gunmen attack market in Peshawar\n"
        "Gunmen opened fire on a crowded market in Peshawar on Monday. "
        "One person was killed and two were injured, police said."
    )
    events = [e for e in coder.code({"text": text, "date": "2020-03-03"}) if e.status == "asserted"]
    assaults = [e for e in events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    rec = assaults[0]
    assert "killed" in {m.text for m in rec.mentions}
    assert (rec.killed, rec.injured) == (1, 2)
    # the counts come from the casualty clauses, and the record says so
    assert rec.provenance["killed"].text in ("killed", rec.trigger.text)


def test_two_attacks_in_two_places_stay_two_events(coder):
    text = (
        "Gunmen killed three soldiers in Kabul on Monday. "
        "In a separate attack, a bomb killed five people in Kandahar on Tuesday."
    )
    assaults = [
        e for e in coder.code({"text": text, "date": "2020-03-04"}) if e.event_type == "ASSAULT"
    ]
    assert len(assaults) == 2
    assert sorted(e.killed or 0 for e in assaults) == [3, 5]


def test_a_round_up_of_incidents_by_place_keeps_one_record_per_incident(coder):
    # incident reports (SATP, ACLED notes) open each incident on its place; a bomb that
    # "exploded" is PLOVER's `explosives`, not a suicide attack (CAMEO 183 is both)
    text = (
        "Militants killed two policemen in an ambush in Kupwara District on Monday. "
        "In Sopore town, a grenade exploded near a bus stand, injuring three civilians. "
        "In Anantnag District, a bomb exploded at a market, injuring four people."
    )
    assaults = [
        e for e in coder.code({"text": text, "date": "2020-03-04"}) if e.event_type == "ASSAULT"
    ]
    assert len(assaults) == 3
    assert sorted(e.injured or 0 for e in assaults) == [0, 3, 4]
    assert [e.mode for e in assaults[1:]] == ["explosives", "explosives"]


def test_a_place_the_lead_names_opens_a_retelling_not_a_new_incident(coder):
    text = (
        "Party cadres attacked police in Chittagong and Dhaka cities on Monday, injuring 19 "
        "people. In Dhaka city, ten people were injured in attacks by the cadres."
    )
    events = coder.code({"text": text, "date": "2020-03-04"})
    assert events and all(e.sentence_index == 0 for e in events)
    assert "injured" in {m.text for e in events for m in e.mentions}


def test_casualty_counts_reach_the_store_and_the_exports(tmp_path):
    import csv
    import io

    from wirecoder.store.export import export
    from wirecoder.store.ingest import ingest
    from wirecoder.store.store import Store

    src = tmp_path / "in.jsonl"
    text = (
        "Gunmen attack market in Peshawar\n"
        "Gunmen opened fire on a crowded market in Peshawar on Monday. "
        "One person was killed and two were injured, police said."
    )
    src.write_text(json.dumps({"id": "a1", "text": text, "date": "2020-03-03"}) + "\n")
    db = tmp_path / "e.duckdb"
    assert ingest([src], db).coded == 1
    with Store(db, read_only=True) as st:
        stored = [e for e in st.events() if e.event_type == "ASSAULT"]
        assert [(e.killed, e.injured) for e in stored] == [(1, 2)]
        assert stored[0].provenance  # the field map survives the store
        out = io.BytesIO()
        export(st, "csv", out)
        rows = [
            r
            for r in csv.DictReader(io.StringIO(out.getvalue().decode()))
            if r["event_type"] == "ASSAULT"
        ]
        assert (rows[0]["killed"], rows[0]["injured"]) == ("1", "2")
        out = io.BytesIO()
        export(st, "plover-json", out)
        recs = [json.loads(x) for x in out.getvalue().decode().splitlines()]
        attack = next(r for r in recs if r["event"] == ["ASSAULT"])
        assert (attack["dead"], attack["injured"]) == (1, 2)
        assert "killed" in attack["wirecoder"]["mentions"]


def test_an_abduction_is_not_the_killing_that_followed_but_is_its_own_other_words():
    victims = [_actor("Sukra Pahan"), _actor("Balram Singh")]
    abduct = _ev(0, "ASSAULT", 0, target=victims, mode="abduct")
    abduct.trigger = Span("abducted", 0, 8)
    killed = _ev(30, "ASSAULT", 0, target=victims)
    killed.trigger = Span("killed", 30, 36)
    assert len(deduplicate([abduct, killed])) == 2
    shields = _ev(50, "ASSAULT", 0, target=victims)
    shields.trigger = Span("human shields", 50, 63)
    assert len(deduplicate([abduct, shields])) == 1


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The death toll rose to 12, officials said.", 12, None),
        ("The attack left 12 dead and 30 wounded.", 12, 30),
        ("At least three policemen and two militants were killed.", 5, None),
        ("Ten others, including five soldiers and a woman, were wounded.", None, 10),
        ("Dozens were hurt.", None, None),  # no number given: none guessed
    ],
)
def test_casualty_counts_are_the_numbers_the_text_gives(coder, sentence, killed, injured):
    from wirecoder.events.casualties import casualties

    doc = coder.resources.nlp(sentence)
    assert casualties(doc, [(0, len(sentence))], set()) == (killed, injured)


def _assaults(coder, text: str) -> list[Event]:
    """The ASSAULT records coded from `text`, published 2020-05-16."""
    return [
        e for e in coder.code({"text": text, "date": "2020-05-16"}) if e.event_type == "ASSAULT"
    ]


def test_one_attack_told_in_three_clauses_is_one_record_and_a_separate_attack_another(coder):
    text = (
        "Militants attack police convoy in Quetta\n"
        "Unidentified militants hurled a grenade at a police convoy in Quetta on Monday. "
        "The assailants then opened fire on the policemen, police said. "
        "In a separate attack, gunmen killed three soldiers in Turbat on Tuesday."
    )
    assaults = _assaults(coder, text)
    assert len(assaults) == 2
    quetta, turbat = sorted(assaults, key=lambda e: e.trigger.start)
    # the grenade and the firing are the weapons of one attack, its militants "the assailants"
    assert {"hurled", "opened fire"} <= {m.text for m in quetta.mentions}
    assert turbat.killed == 3 and quetta.killed is None
    assert turbat.trigger.start > text.index("separate")


def test_another_said_of_a_person_does_not_make_another_event(coder):
    text = (
        "Gunmen kill two in Karachi\n"
        "Two men were shot dead by unidentified armed assailants in Karachi on May 15. "
        "Another man was injured in the attack, police said."
    )
    assaults = _assaults(coder, text)
    assert len(assaults) == 1
    assert (assaults[0].killed, assaults[0].injured) == (2, 1)


@pytest.mark.parametrize(
    ("sentence", "trigger", "verdict"),
    [
        ("Another militant was killed in the clash.", "killed", None),  # said of a person
        ("A man who was fired four days earlier walked in and shot his manager.", "shot", None),
        ("In another attack, two soldiers were killed.", "killed", "clause"),
        ("Separately, police arrested two men in Lahore.", "arrested", "own"),
        ("Separately, police said two men were arrested in Lahore.", "arrested", "clause"),
        ("He was on probation for a previous arrest.", "arrest", "own"),
        ("She described a shooting that took place the previous day.", "shooting", "clause"),
    ],
)
def test_another_tells_whether_the_word_is_said_of_the_event(coder, sentence, trigger, verdict):
    from wirecoder.events.tellings import another

    doc = coder.resources.nlp(sentence)
    ev = _ev(sentence.index(trigger), "ASSAULT", 0, text=sentence)
    ev.trigger = Span(trigger, sentence.index(trigger), sentence.index(trigger) + len(trigger))
    assert another(ev, doc) == verdict


def test_one_party_coded_with_two_kindred_sectors_is_no_conflict_but_no_evidence_either():
    from wirecoder.events.tellings import CONFLICT, UNKNOWN, actor_relation

    fbi, bureau = _actor(None, "USA", "COP"), _actor(None, "USA", "GOV")
    assert actor_relation(fbi, bureau) == UNKNOWN  # "the FBI" / "the bureau"
    assert actor_relation(_actor(None, "PAK", "UAF"), _actor(None, "PAK", "REB")) == UNKNOWN
    assert actor_relation(_actor(None, "USA", "CVL"), _actor(None, "USA", "LAB")) == UNKNOWN
    assert actor_relation(_actor(None, "PAK", "COP"), _actor(None, "PAK", "REB")) == CONFLICT
    assert actor_relation(_actor(None, "USA", "COP"), _actor(None, "USA", "CVL")) == CONFLICT
    # far apart, statements by kindred parties are two statements: kinship joins nothing
    early = _ev(0, "ACCUSE", 4, source=[fbi], mode="investigate")
    late = _ev(90, "ACCUSE", 9, source=[bureau], mode="investigate")
    assert len(deduplicate([early, late])) == 2


def test_the_weapons_and_named_victims_of_one_attack_join_but_other_victims_do_not():
    gunman = [_actor("Joseph LaCalamita", "USA", "CVL")]
    grenade = _ev(0, "ASSAULT", 2, source=gunman, target=[_actor("Alan Steinberg", "USA")],
                  mode="explosives")  # fmt: skip
    fire = _ev(60, "ASSAULT", 3, source=[_actor("LaCalamita", "USA")],
               target=[_actor("Paul Riva", "USA")], mode="firearms")  # fmt: skip
    assert len(deduplicate([grenade, fire])) == 1
    officers = _ev(90, "ASSAULT", 3, source=[_actor("LaCalamita", "USA")],
                   target=[_actor(None, "USA", "COP")], mode="firearms")  # fmt: skip
    coworkers = _ev(0, "ASSAULT", 2, source=gunman, target=[_actor(None, "USA", "LAB")])
    assert len(deduplicate([coworkers, officers])) == 2


def _told(text: str, word: str, etype: str, sentence: int, **kw) -> Event:
    start = text.index(word)
    ev = _ev(start, etype, sentence, **kw)
    ev.trigger = Span(word, start, start + len(word))
    return ev


def test_a_lead_retelling_the_headline_in_its_word_is_one_record_with_the_leads_parties(coder):
    text = (
        "Arrests Show Arrival of Barrio 18 Gang in Italy\n"
        "Italian police arrested 15 suspected Barrio 18 members in Milan."
    )
    doc = coder.analyze(text).doc  # the coder parses a title-case headline in sentence case
    gang = _actor("Barrio 18", "SLV", "CRM")
    # the headline's parse guessed the police of the gang's country
    head = _told(text, "Arrests", "COERCE", 0, source=[_actor(None, "SLV", "COP")], target=[gang])
    lead = _told(text, "arrested", "COERCE", 1, source=[_actor(None, "ITA", "COP")], target=[gang])
    merged = deduplicate([head, lead], doc)
    assert len(merged) == 1
    assert [a.country for a in merged[0].source] == ["ITA"]


def test_a_lead_telling_another_act_of_the_type_with_other_parties_stays_apart(coder):
    text = (
        "Police Seize Guns in Raid on Gang House\n"
        "Customs officers arrested six smugglers at the border."
    )
    doc = coder.analyze(text).doc  # the coder parses a title-case headline in sentence case
    head = _told(text, "Seize", "COERCE", 0, source=[_actor(None, "USA", "COP")],
                 target=[_actor("a gang", "USA", "CRM")])  # fmt: skip
    lead = _told(text, "arrested", "COERCE", 1, source=[_actor(None, "MEX", "COP")],
                 target=[_actor("six smugglers", "MEX", "CRM")])  # fmt: skip
    assert len(deduplicate([head, lead], doc)) == 2


def test_a_background_event_retold_later_stays_background(coder):
    """The first telling dates the 2011 attack; "That attack killed 21 people" retells it
    without the date, and the record must not become the article's news."""
    text = (
        "Gunmen attack hotel in Kabul\n"
        "Taliban gunmen attacked a hotel in Kabul on Monday, killing five guards, police said. "
        "The militants had attacked the same hotel on June 28, 2011. That attack killed 21 people."
    )
    evs = [e for e in coder.code(text, date="2016-05-03") if e.event_type == "ASSAULT"]
    old = [e for e in evs if e.date == "2011-06-28"]
    assert old and old[0].historical
    assert [m.text for m in old[0].mentions] == ["attack", "killed"]
    news = [e for e in evs if not e.historical]
    assert news and news[0].date == "2016-05-02"


def test_attacks_on_two_towns_are_two_events(coder):
    text = (
        "Sudanese warplanes bombed the town of Guffa in South Sudan on Tuesday, killing two "
        "people. The attack on the Yida refugee camp in South Sudan wounded five refugees."
    )
    events = [e for e in coder.code(text, date="2011-11-11") if e.event_type == "ASSAULT"]
    assert sorted(e.location.name for e in events if e.location) == ["Guffa", "Yida"]
