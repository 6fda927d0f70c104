"""Status rules on hand-built parses (no model needed)."""

from __future__ import annotations

from docs import make_doc
from wirecoder.events.status import status_of


def test_negation_on_the_verb():
    # "Abadi has not discussed strikes"
    doc = make_doc(
        [
            ("Abadi", "Abadi", "PROPN", "nsubj", 3),
            ("has", "have", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("discussed", "discuss", "VERB", "ROOT", 3),
            ("strikes", "strike", "NOUN", "dobj", 3),
        ]
    )
    assert status_of(doc[3]).status == "negated"
    # the strikes were only a topic of (non-)discussion: not asserted
    assert status_of(doc[4]).status != "asserted"


def test_future_auxiliary():
    # "Russia will attack"
    doc = make_doc(
        [
            ("Russia", "Russia", "PROPN", "nsubj", 2),
            ("will", "will", "AUX", "aux", 2),
            ("attack", "attack", "VERB", "ROOT", 2),
        ]
    )
    assert status_of(doc[2]).status == "future"


def test_requested_under_control_verb():
    # "MPs urged Abadi to request strikes"
    doc = make_doc(
        [
            ("MPs", "mp", "NOUN", "nsubj", 1),
            ("urged", "urge", "VERB", "ROOT", 1),
            ("Abadi", "Abadi", "PROPN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("request", "request", "VERB", "xcomp", 1),
            ("strikes", "strike", "NOUN", "dobj", 4),
        ]
    )
    assert status_of(doc[1]).status == "asserted"
    assert status_of(doc[4]).status == "requested"
    assert status_of(doc[5]).status == "requested"


def test_conditional_is_hypothetical():
    # "If talks fail , Ethiopia could deploy troops"
    doc = make_doc(
        [
            ("If", "if", "SCONJ", "mark", 2),
            ("talks", "talk", "NOUN", "nsubj", 2),
            ("fail", "fail", "VERB", "advcl", 6),
            (",", ",", "PUNCT", "punct", 6),
            ("Ethiopia", "Ethiopia", "PROPN", "nsubj", 6),
            ("could", "could", "AUX", "aux", 6),
            ("deploy", "deploy", "VERB", "ROOT", 6),
            ("troops", "troop", "NOUN", "dobj", 6),
        ]
    )
    assert status_of(doc[6]).status == "hypothetical"
    assert status_of(doc[2]).status == "hypothetical"


def test_reported_speech_passes_inner_status_through():
    # "officials said rebels attacked the town"
    doc = make_doc(
        [
            ("officials", "official", "NOUN", "nsubj", 1),
            ("said", "say", "VERB", "ROOT", 1),
            ("rebels", "rebel", "NOUN", "nsubj", 3),
            ("attacked", "attack", "VERB", "ccomp", 1),
            ("the", "the", "DET", "det", 5),
            ("town", "town", "NOUN", "dobj", 3),
        ]
    )
    assert status_of(doc[3]).status == "asserted"


def test_refuse_negates_the_embedded_event_and_hedge_is_kept():
    # "Iraq refused to meet" / "a coalition allegedly targeting ISIL"
    doc = make_doc(
        [
            ("Iraq", "Iraq", "PROPN", "nsubj", 1),
            ("refused", "refuse", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("meet", "meet", "VERB", "xcomp", 1),
        ]
    )
    assert status_of(doc[3]).status == "negated"
    doc2 = make_doc(
        [
            ("coalition", "coalition", "NOUN", "ROOT", 0),
            ("allegedly", "allegedly", "ADV", "advmod", 2),
            ("targeting", "target", "VERB", "acl", 0),
            ("ISIL", "ISIL", "PROPN", "dobj", 2),
        ]
    )
    res = status_of(doc2[2])
    assert res.status == "asserted" and res.hedge == 1
