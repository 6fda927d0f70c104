"""Who an event is done to: argument slots on short texts written for these tests (model-based)."""

from __future__ import annotations

import pytest


def _one(coder, text, etype):
    evs = [e for e in coder.code(text, date="2022-04-06") if e.event_type == etype]
    assert len(evs) == 1, [(e.event_type, e.trigger.text) for e in evs]
    return evs[0]


def test_a_date_in_a_target_slot_is_never_the_target(coder):
    ev = _one(coder, "The Ghanaian government on Thursday lifted a curfew in the north.", "CONCEDE")
    assert ev.target_span is None or "Thursday" not in ev.target_span.text
    assert ev.date == "2022-03-31"


def test_the_object_named_in_the_trigger_carries_the_target(coder):
    ev = _one(coder, "Kenya lifted its blockade of Somalia on Monday.", "CONCEDE")
    assert [a.country for a in ev.target] == ["SOM"]
    assert ev.target_span is not None and ev.target_span.text == "Somalia"
    ev = _one(coder, "The African Union lifted sanctions imposed on Mali in 2021.", "CONCEDE")
    assert [a.country for a in ev.target] == ["MLI"]


def test_a_statement_urging_someone_is_its_issuer_urging(coder):
    ev = _one(
        coder,
        "The Norwegian Refugee Council issued a statement urging Chad to reopen the border.",
        "REQUEST",
    )
    assert [a.name for a in ev.source] and ev.source_span is not None
    assert ev.source_span.text == "The Norwegian Refugee Council"
    assert [a.country for a in ev.target] == ["TCD"]


def test_a_parade_supporting_someone_is_not_its_boycotters_support(coder):
    evs = coder.code("Two unions boycotted the parade supporting the mayor.", date="2022-04-06")
    for ev in evs:
        if ev.event_type == "SUPPORT":
            assert ev.source_span is None or "unions" not in ev.source_span.text


def test_argument_spans_leave_out_time_words_and_stay_contiguous(coder):
    ev = _one(coder, "Hours earlier Maduro expelled the Colombian ambassador.", "SANCTION")
    assert ev.source_span is not None and ev.source_span.text == "Maduro"
    text = (
        "Chile and Peru have signed a fishing accord, the two countries announced on "
        "Friday, promising to share patrol data."
    )
    for ev in coder.code(text, date="2022-04-06"):
        if ev.source_span is not None:
            assert "announced" not in ev.source_span.text, ev.source_span


def test_a_recipient_deep_inside_the_object_is_the_target(coder):
    ev = _one(
        coder,
        "Norway and Iceland have sent medical supplies and staff such as nurses to Malawi.",
        "AID",
    )
    assert [a.country for a in ev.target] == ["MWI"]


def test_a_target_span_leaves_out_a_describing_apposition_but_keeps_a_name(coder):
    ev = _one(coder, "Hezbollah threatened to shell Haifa, a port city, on Monday.", "ASSAULT")
    assert ev.target_span is not None and ev.target_span.text == "Haifa"
    ev = _one(
        coder, "The EU will hold talks with the Egyptian president, Ali Hassan, in May.", "CONSULT"
    )
    assert (
        ev.target_span is not None and ev.target_span.text == "the Egyptian president, Ali Hassan"
    )


def test_a_pronoun_in_a_reported_clause_is_spanned_as_the_speaker(coder):
    ev = _one(coder, "The Zapata Front has said it will release the two engineers.", "RETREAT")
    assert ev.source_span is not None and ev.source_span.text == "The Zapata Front"


def test_a_source_span_ends_before_including(coder):
    ev = _one(
        coder,
        "Rebel groups, including the Southern Brigade, shelled the airport on Monday.",
        "ASSAULT",
    )
    assert ev.source_span is not None and ev.source_span.text == "Rebel groups"


def test_out_on_strike_is_a_protest_by_the_subject(coder):
    ev = _one(coder, "Most Kenyan nurses are out on strike over unpaid wages.", "PROTEST")
    assert [a.country for a in ev.source] == ["KEN"]


def test_a_round_of_exercises_and_a_passive_agent_name_who_cooperates(coder):
    ev = _one(
        coder,
        "Kenya and Tanzania began a new round of joint military exercises near Tanga.",
        "COOPERATE",
    )
    assert sorted(ev.dyads()) == [("KEN", "TZA"), ("TZA", "KEN")]
    ev = _one(
        coder, "The joint drill was staged by Kenyan marines and Tanzanian troops.", "COOPERATE"
    )
    assert {a.country for a in ev.source} == {"KEN", "TZA"}


def test_a_role_shared_by_listed_countries_makes_each_an_actor(coder):
    ev = _one(coder, "The foreign ministers of Chile and Peru met in Lima on Monday.", "CONSULT")
    assert sorted(a.country for a in ev.source) == ["CHL", "PER"]
    assert all(a.sector == "GOV" for a in ev.source)
    assert ev.reciprocal
    assert sorted(ev.dyads()) == [("CHL", "PER"), ("PER", "CHL")]


def test_a_list_the_parser_reads_as_appositions_keeps_every_country(coder):
    ev = _one(
        coder,
        "Brazil, the mighty Argentina, and Chile criticized Venezuela on Friday.",
        "ACCUSE",
    )
    assert sorted(a.country for a in ev.source) == ["ARG", "BRA", "CHL"]
    assert [a.country for a in ev.target] == ["VEN"]


def test_a_bare_conjunct_shares_the_nationality_of_the_first_part(coder):
    ev = _one(coder, "The Danish media and government criticized Russia.", "ACCUSE")
    assert [(a.country, a.sector) for a in ev.source] == [("DNK", "JRN"), ("DNK", "GOV")]
    # a conjunct with its own words keeps them
    ev = _one(coder, "Danish unions and the British government criticized Russia.", "ACCUSE")
    assert [a.country for a in ev.source] == ["DNK", "GBR"]


def test_spans_leave_out_a_trailing_date_and_the_charge_but_close_a_parenthesis(coder):
    ev = _one(coder, "Kenyan police on Sunday arrested two Somali traders in Garissa.", "COERCE")
    assert ev.source_span is not None and ev.source_span.text == "Kenyan police"
    text = "Human Rights Watch (HRW) accused the Ethiopian army of torturing detainees in Tigray."
    ev = _one(coder, text, "ACCUSE")
    assert ev.source_span is not None and ev.source_span.text == "Human Rights Watch (HRW)"
    assert ev.target_span is not None and ev.target_span.text == "the Ethiopian army"


def test_welcoming_their_own_renewed_ties_is_aimed_at_the_other_party(coder):
    text = "Chile and Peru welcomed their resumption of diplomatic ties with Venezuela."
    ev = _one(coder, text, "SUPPORT")
    assert {a.country for a in ev.source} == {"CHL", "PER"}
    assert [a.country for a in ev.target] == ["VEN"]


#: (text, event type, side, the span wirecoder must give): phrases found from the sentence's
#: structure, each a phenomenon of its own (comments say which)
SPANS = [
    # a measure with no recipient is aimed at the place it applies to
    ("Sri Lankan police imposed a curfew in parts of Jaffna after the riots.", "COERCE",
     "target", "parts of Jaffna"),
    # ... without the clause describing the place
    ("Kenyan police imposed a curfew in parts of the city of Mombasa, where gangs clashed.",
     "COERCE", "target", "parts of the city of Mombasa"),
    # aid for a region no state stands for goes to the region
    ("Japan gave 30 million dollars to fight the locust plague in the Horn of Africa.", "AID",
     "target", "the Horn of Africa"),
    # a recipient that names no known actor keeps its phrase
    ("Two nuclear inspectors were expelled from Eritrea.", "SANCTION", "target",
     "Two nuclear inspectors"),
    ("Britain cut military aid to regional allies by 20 percent.", "SANCTION", "target",
     "regional allies"),
    # a letter threatening someone is aimed at its addressee
    ("The Brazilian president sent a letter to the head of the World Bank threatening to "
     "withdraw from the fund.", "THREATEN", "target", "the head of the World Bank"),
    # whoever claims responsibility for an attack carried it out
    ("The Jundallah group claimed responsibility for the bombing of a police station.",
     "ASSAULT", "source", "The Jundallah group"),
    # a clause that names the actor stays in the span
    ("The rockets fired by the Chadian army struck a fuel depot near the border.", "ASSAULT",
     "source", "The rockets fired by the Chadian army"),
    # what is agreed to is not whom, but may say where or whom
    ("The rebels agreed to a ceasefire in Tripoli.", "AGREE", "target", "Tripoli"),
    ("The mayor conceded to the demands of the truck drivers.", "CONCEDE", "target",
     "the truck drivers"),
    # a word that names the actor inside the event's noun phrase: the phrase acts
    ("Chadian air strikes hit a rebel camp near the border.", "ASSAULT", "source",
     "Chadian air strikes"),
    # a reason the parser hangs on an actor is not part of it
    ("Turkish officials shared evidence with Oman and other states over the spy's death.",
     "COOPERATE", "target", "Oman and other states"),
    # whoever uses people as shields or hostages acts, on those used
    ("Militants of the Lord's Resistance Army held dozens of villagers as human shields in "
     "Gulu.", "ASSAULT", "target", "dozens of villagers"),
    ("The rebels used the villagers of Kitgum as human shields.", "ASSAULT", "source",
     "The rebels"),
    # what an event noun did names whom it did it to
    ("Chadian air strikes hit a fuel depot.", "ASSAULT", "target", "a fuel depot"),
    # who resigns a post leaves whoever the post is of
    ("Gerhard Lenz resigned as president of Austria on Friday.", "RETREAT", "target",
     "Austria"),
    # who calls off a visit was to make it
    ("The Kenyan foreign minister has cancelled a planned visit to Somalia.", "CONSULT",
     "source", "The Kenyan foreign minister"),
    # refuge or asylum is asked of the place where it is sought
    ("Hundreds of Eritrean families have sought refuge in Ethiopia's Tigray region.",
     "REQUEST", "target", "Ethiopia's Tigray region"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "etype", "side", "expected"), SPANS)
def test_argument_phrases_come_from_the_sentence_structure(coder, text, etype, side, expected):
    ev = _one(coder, text, etype)
    span = ev.source_span if side == "source" else ev.target_span
    assert span is not None and span.text == expected


def test_an_agreement_to_lift_is_aimed_at_whom_the_lifting_is_named_or_not(coder):
    evs = coder.code("Canada agreed to lift sanctions against the junta.", date="2022-04-06")
    agreed = next(e for e in evs if e.trigger.text == "agreed")
    assert agreed.event_type == "CONCEDE" and agreed.status == "asserted"
    assert agreed.target_span is not None and agreed.target_span.text == "the junta"


def test_the_announcer_of_a_deployment_sends_the_troops_to_the_place():
    # the argument rules, without the learned decision: the model retrained this stop retypes
    # this deployment as AID (a known miss, README "The learned decision"); the slots are the
    # rules' job
    from wirecoder.coder import default_coder

    rules = default_coder(fast=True)
    ev = _one(rules, "Canada announced the deployment of 150 troops to Latvia.", "MOBILIZE")
    assert [a.country for a in ev.source] == ["CAN"]
    assert [a.country for a in ev.target] == ["LVA"]


def test_a_ceasefire_two_sides_announce_is_not_aimed_at_its_place(coder):
    evs = coder.code(
        "Armenia and Azerbaijan announced a ceasefire in Nagorno-Karabakh.", date="2022-04-06"
    )
    assert evs
    for ev in evs:
        assert ev.target_span is None or "Karabakh" not in ev.target_span.text


def test_an_agreed_event_is_not_the_recipient(coder):
    evs = coder.code("Peru and Ecuador agreed to a ceasefire.", date="2022-04-06")
    assert evs
    assert all(ev.target_span is None or "ceasefire" not in ev.target_span.text for ev in evs)


def test_the_one_a_demand_is_made_of_is_the_subject_of_the_demanded_clause(coder):
    ev = _one(
        coder, "Venezuela repeated its demand that Colombia withdraw its ambassador.", "REQUEST"
    )
    assert [a.country for a in ev.source] == ["VEN"]
    assert [a.country for a in ev.target] == ["COL"]


def test_asking_whether_is_a_question_not_a_demand_made_of_someone(coder):
    evs = coder.code(
        "When asked whether Peru would send troops, the minister said no.", date="2022-04-06"
    )
    for ev in evs:
        if ev.event_type == "REQUEST":
            assert [a.country for a in ev.target] != ["PER"]


def test_no_one_is_the_source_when_no_group_claims_an_attack(coder):
    evs = coder.code("No group has claimed responsibility for the bombing.", date="2022-04-06")
    assert all(ev.source_span is None or "group" not in ev.source_span.text for ev in evs)


def test_a_sentence_the_parser_leaves_without_a_verb_keeps_its_actor(coder):
    # the small model reads "carried" as a participle modifying "force"
    text = (
        "The Iraqi air force carried out three air strikes in western Mosul, killing "
        "dozens of fighters, according to military statements."
    )
    evs = [e for e in coder.code(text, date="2022-04-06") if e.event_type == "ASSAULT"]
    assert evs and all([a.country for a in ev.source] == ["IRQ"] for ev in evs)


def test_people_killed_in_an_attack_were_killed_by_its_attacker(coder):
    text = (
        "At least 12 people were killed and 30 wounded on Monday after a Taliban car bomb "
        "struck a bus in Kabul."
    )
    evs = [e for e in coder.code(text, date="2022-04-06") if e.event_type == "ASSAULT"]
    killed = [e for e in evs if e.trigger.text == "killed"]
    assert killed and killed[0].source_span is not None
    assert "Taliban" in killed[0].source_span.text


def test_a_call_for_an_act_against_someone_is_aimed_at_them(coder):
    # "called for the impeachment of X": X, inside the object after the particle
    ev = _one(
        coder,
        "Senator Ward called for the impeachment of Attorney General Loretta Lynch on Monday.",
        "REQUEST",
    )
    assert [a.name for a in ev.target] and "Lynch" in ev.target[0].text
    ev = _one(
        coder,
        "The opposition called for the resignation of Prime Minister Nawaz Sharif on Monday.",
        "REQUEST",
    )
    assert [a.country for a in ev.target] == ["PAK"]


def test_coordinated_participles_share_their_by_phrase(coder):
    # "were abducted and killed by X": X did both
    ev = _one(
        coder,
        "Two policemen were shot and wounded by gunmen in Quetta, Pakistan, on Monday.",
        "ASSAULT",
    )
    assert [a.sector for a in ev.source] == ["UAF"]
    assert [a.sector for a in ev.target] == ["COP"]
