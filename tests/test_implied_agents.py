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
    attacks = [ev for ev in events if ev.event_type == "ASSAULT"]
    assert attacks
    # whoever did it is not known: PLOVER's unidentified actor of the place, not its police
    assert all([(a.country, a.sector) for a in ev.source] == [("PAK", "UNK")] for ev in attacks)


def test_an_attack_whose_doer_is_not_named_has_the_unidentified_actor_of_its_place(coder):
    text = "Two civilians were killed by a bomb in Peshawar on Monday."
    ev = first(coder, text, "ASSAULT")
    [a] = ev.source
    assert (a.name, a.country, a.sector) == ("unidentified (PAK)", "PAK", "UNK")
    assert text[a.start : a.end] == a.text == "killed" and "implied" in (a.rule or "")
    # a named doer is kept, and with no place and no country there is no guess
    named = first(coder, "Taliban fighters killed two civilians in Peshawar.", "ASSAULT")
    assert [a.sector for a in named.source] != ["UNK"] and named.source
    assert first(coder, "Two civilians were killed by a bomb on Monday.", "ASSAULT").source == []


def test_an_agentless_accusation_was_made_in_its_place_by_accusers_of_no_known_kind(coder):
    text = "Suarez, a Colombian model, is accused of recruiting minors in Cartagena, Colombia."
    ev = first(coder, text, "ACCUSE")
    assert [(a.country, a.sector) for a in ev.source] == [("COL", None)]
    assert ev.source[0].name == "accusers (COL)"
    # a named accuser is kept
    named = first(coder, "Colombian prosecutors accused Suarez of recruiting minors.", "ACCUSE")
    assert [a.text for a in named.source] == ["Colombian prosecutors"]


def test_implied_agents_never_join_two_tellings():
    from wirecoder.events.tellings import CONFLICT, SAME, UNKNOWN, actor_relation
    from wirecoder.records import Actor

    guess = Actor(text="accused", start=0, end=7, name="accusers (MEX)", country="MEX",
                  rule="implied agent: who 'accuse' is of the event's place→MEX")  # fmt: skip
    other = Actor(text="charged", start=9, end=16, name="accusers (MEX)", country="MEX",
                  rule="implied agent: who 'accuse' is of the event's place→MEX")  # fmt: skip
    named = Actor(text="Mexico", start=20, end=26, name="Mexico", country="MEX")
    assert actor_relation(guess, other) == UNKNOWN
    assert (
        actor_relation(named, Actor(text="Mexico", start=30, end=36, name="Mexico", country="MEX"))
        == SAME
    )
    usa = Actor(text="US prosecutors", start=40, end=54, country="USA", sector="JUD")
    assert actor_relation(guess, usa) == CONFLICT  # a guess may still keep two tellings apart


def test_a_story_that_names_no_country_takes_the_one_its_events_are_placed_in(coder):
    # only the arrest has a place; the charge in the next sentence has none, and no country is
    # named: the story's country is the one country its events' places are in
    text = (
        "Subryan was arrested in Queens on Friday. He was charged with manslaughter, police said."
    )
    ev = first(coder, text, "ACCUSE")
    assert [(a.country, a.sector) for a in ev.source] == [("USA", "JUD")]
    assert [a.country for a in ev.target] == ["USA"]


def test_custody_and_acquittal_imply_police_and_court(coder):
    """Any word of the trigger implies the agent ("taken into custody"), and an acquittal is
    the court's."""
    ev = first(coder, "Hiller was taken into custody in Ohio after a standoff on Monday.", "COERCE")
    assert [(a.country, a.sector) for a in ev.source] == [("USA", "COP")]
    ev = first(
        coder,
        "Mozammel Haque and Babul Sarder were acquitted in Dhaka on Monday.",
        "CONCEDE",
    )
    assert [(a.country, a.sector) for a in ev.source] == [("BGD", "JUD")]


def test_the_armed_group_the_attacks_sentence_names_is_its_doer(coder):
    """The parse missed the agent of "killed", but the sentence says who set off the blasts."""
    ev = first(
        coder,
        "A CRPF constable was killed and two troopers were injured as cadres of the Communist "
        "Party of India-Maoist triggered three land mine blasts in Dantewada District on Monday.",
        "ASSAULT",
    )
    assert [(a.country, a.sector) for a in ev.source] == [("IND", "REB")]
    assert "named attacker" in (ev.source[0].rule or "")
    # the group the victims belong to is not their attacker
    ev = first(
        coder,
        "Two militants of the Lashkar-e-Taiba (LeT) were killed and another (also from LeT) "
        "was arrested in Kupwara District on Monday.",
        "ASSAULT",
    )
    assert [a.sector for a in ev.source] == ["UNK"]
