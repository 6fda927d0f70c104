"""Who acts and who is acted on, read from the parse of sentences written for these tests:
agents of event nouns, passives (with and without their auxiliary), and whom an answer answers."""

from __future__ import annotations


def _one(coder, text, etype, trigger=None):
    evs = [
        e
        for e in coder.code(text, date="2022-04-06")
        if e.event_type == etype and (trigger is None or e.trigger.text == trigger)
    ]
    assert len(evs) == 1, [(e.event_type, e.trigger.text) for e in evs]
    return evs[0]


def test_the_by_agent_of_an_event_noun_acts_even_when_hung_on_its_patient(coder):
    text = "The arrest of the opposition leader by Kenyan police sparked protests."
    ev = _one(coder, text, "COERCE")
    assert [a.country for a in ev.source] == ["KEN"]
    assert ev.source_span is not None and ev.source_span.text == "Kenyan police"
    assert ev.target_span is not None and ev.target_span.text == "the opposition leader"


def test_a_possessor_acts_when_an_of_phrase_names_the_patient(coder):
    ev = _one(coder, "Russian forces continued their siege of Mariupol.", "COERCE")
    assert [a.country for a in ev.source] == ["RUS"]
    assert ev.target_span is not None and ev.target_span.text == "Mariupol"


def test_a_verb_that_only_carries_a_siege_names_who_besieges_whom(coder):
    ev = _one(coder, "Somali security forces laid siege to the town of Kismayo.", "COERCE")
    assert [a.country for a in ev.source] == ["SOM"]
    assert ev.target_span is not None and "Kismayo" in ev.target_span.text


def test_a_headline_passive_without_its_auxiliary_is_done_to_its_subject(coder):
    ev = _one(coder, "Kenyan Opposition Leader Accused Of Fraud", "ACCUSE")
    assert ev.source == [] and ev.source_span is None
    assert [a.country for a in ev.target] == ["KEN"]


def test_a_verb_that_charges_no_one_keeps_its_subject_as_actor(coder):
    # "complained of" has the shape of "accused of", but its subject complains
    ev = _one(coder, "Kenyan nurses complained of unpaid wages.", "ACCUSE")
    assert [a.country for a in ev.source] == ["KEN"]
    assert ev.target == []


def test_the_one_asked_in_a_passive_is_who_is_to_act(coder):
    ev = _one(coder, "The Kenyan minister was asked by a congressman to resign.", "RETREAT")
    assert ev.status == "requested"
    assert ev.source_span is not None and ev.source_span.text == "The Kenyan minister"


def test_a_refusal_answers_the_request_made_in_the_sentence_before(coder):
    text = "Kenya asked Uganda to hand over the suspects. Uganda refused."
    ev = _one(coder, text, "REJECT")
    assert [a.country for a in ev.source] == ["UGA"]
    assert [a.country for a in ev.target] == ["KEN"]
    text = "Kenya asked Uganda to hand over the suspects. Ugandan officials rejected the request."
    ev = _one(coder, text, "REJECT")
    assert [a.country for a in ev.target] == ["KEN"]


def test_a_refusal_by_someone_not_asked_answers_no_one(coder):
    text = "Kenya asked Uganda to hand over the suspects. Tanzania refused."
    ev = _one(coder, text, "REJECT")
    assert ev.target == []


def test_a_plural_description_with_a_named_list_stands_for_the_names(coder):
    text = "The United States urged both NATO allies, Greece and Turkey, to avoid a confrontation."
    ev = _one(coder, text, "REQUEST")
    assert sorted(a.country for a in ev.target) == ["GRC", "TUR"]


def test_an_event_noun_in_a_circumstance_is_not_done_by_the_clause_subject(coder):
    text = "Hundreds of Somali families fled during the bombing of Kismayo."
    evs = [e for e in coder.code(text, date="2022-04-06") if e.event_type == "ASSAULT"]
    for ev in evs:
        assert ev.source_span is None or "families" not in ev.source_span.text


def test_who_dies_undergoes_the_harm_and_is_not_its_actor(coder):
    text = "Three bank workers died after rioters set their bank on fire in Athens."
    ev = _one(coder, text, "ASSAULT", trigger="died")
    assert ev.source_span is None or "workers" not in ev.source_span.text
    assert ev.target_span is not None and ev.target_span.text == "Three bank workers"


def test_a_refusal_is_one_record_what_it_refuses_its_mode(coder):
    """One refusal, one record: "refused to sign a trade deal" is no negated deal beside it."""
    text = "President Viktor Yanukovych refused to sign a trade deal with the European Union."
    evs = coder.code(text, date="2013-12-01")
    assert [(e.event_type, e.status) for e in evs] == [("REJECT", "asserted")]
    assert evs[0].mode == "assist" and [a.country for a in evs[0].target] == ["EUR"]
    # a refusal said as a negated will stays the negated act, read as REJECT
    evs = coder.code("The government will not negotiate with the rebels.", date="2013-12-01")
    assert [(e.event_type, e.plover_type, e.status) for e in evs] == [
        ("CONSULT", "REJECT", "negated")
    ]
