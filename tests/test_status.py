"""Status rules on hand-built parses (no model needed)."""

from __future__ import annotations

import pytest

from docs import make_doc
from wirecoder.events.status import status_of


def _tag(doc, tags: dict[int, str]):
    """Fine-grained tags where a rule reads tense ("has to" / "had to")."""
    for i, tag in tags.items():
        doc[i].tag_ = tag
    return doc


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


def test_fused_negative_auxiliary():
    # pre-tokenised text keeps "hasn't" whole: "The envoy hasn't arrived"
    doc = make_doc(
        [
            ("The", "the", "DET", "det", 1),
            ("envoy", "envoy", "NOUN", "nsubj", 3),
            ("hasn't", "hasn't", "AUX", "aux", 3),
            ("arrived", "arrive", "VERB", "ROOT", 3),
        ]
    )
    assert status_of(doc[3]).status == "negated"


def test_have_to_is_an_obligation_had_to_happened():
    # "Kenya has to withdraw" / "Kenya had to withdraw"
    for aux_tag_word, expected in (("has", "hypothetical"), ("had", "asserted")):
        doc = make_doc(
            [
                ("Kenya", "Kenya", "PROPN", "nsubj", 1),
                (aux_tag_word, "have", "VERB", "ROOT", 1),
                ("to", "to", "PART", "aux", 3),
                ("withdraw", "withdraw", "VERB", "xcomp", 1),
            ]
        )
        _tag(doc, {1: "VBZ" if aux_tag_word == "has" else "VBD"})
        assert status_of(doc[3]).status == expected, aux_tag_word


def test_would_like_to_is_a_wish_but_thanks_are_given():
    # "Oman would like to host talks" / "Oman would like to thank Qatar" / "Oman likes to host"
    def doc_for(verb, lemma, would=True):
        rows = [("Oman", "Oman", "PROPN", "nsubj", 2)]
        rows.append(
            ("would", "would", "AUX", "aux", 2)
            if would
            else ("really", "really", "ADV", "advmod", 2)
        )
        rows += [
            ("like", "like", "VERB", "ROOT", 2),
            ("to", "to", "PART", "aux", 4),
            (verb, lemma, "VERB", "xcomp", 2),
            ("Qatar", "Qatar", "PROPN", "dobj", 4),
        ]
        return make_doc(rows)

    assert status_of(doc_for("host", "host")[4]).status == "hypothetical"
    assert status_of(doc_for("host", "host")[2]).status == "asserted"  # the wish itself
    assert status_of(doc_for("thank", "thank")[4]).status == "asserted"
    assert status_of(doc_for("host", "host", would=False)[4]).status == "asserted"  # a habit


def test_told_to_is_requested_forgot_to_is_negated():
    # "The court told police to release him" / "Police forgot to release him"
    told = make_doc(
        [
            ("court", "court", "NOUN", "nsubj", 1),
            ("told", "tell", "VERB", "ROOT", 1),
            ("police", "police", "NOUN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("release", "release", "VERB", "xcomp", 1),
            ("him", "he", "PRON", "dobj", 4),
        ]
    )
    assert status_of(told[4]).status == "requested"
    forgot = make_doc(
        [
            ("Police", "police", "NOUN", "nsubj", 1),
            ("forgot", "forget", "VERB", "ROOT", 1),
            ("to", "to", "PART", "aux", 3),
            ("release", "release", "VERB", "xcomp", 1),
            ("him", "he", "PRON", "dobj", 3),
        ]
    )
    assert status_of(forgot[3]).status == "negated"


def test_misread_lemma_of_hoping():
    # "Chad is hoping to mediate": the tagger's lemma for "hoping" is "hop"
    doc = make_doc(
        [
            ("Chad", "Chad", "PROPN", "nsubj", 2),
            ("is", "be", "AUX", "aux", 2),
            ("hoping", "hop", "VERB", "ROOT", 2),
            ("to", "to", "PART", "aux", 4),
            ("mediate", "mediate", "VERB", "xcomp", 2),
        ]
    )
    assert status_of(doc[4]).status == "hypothetical"


def test_participle_on_a_noun_is_a_fact_about_it():
    # "Rebels urged Mali to free soldiers captured in raids"
    doc = make_doc(
        [
            ("Rebels", "rebel", "NOUN", "nsubj", 1),
            ("urged", "urge", "VERB", "ROOT", 1),
            ("Mali", "Mali", "PROPN", "dobj", 1),
            ("to", "to", "PART", "aux", 4),
            ("free", "free", "VERB", "xcomp", 1),
            ("soldiers", "soldier", "NOUN", "dobj", 4),
            ("captured", "capture", "VERB", "acl", 5),
            ("in", "in", "ADP", "prep", 6),
            ("raids", "raid", "NOUN", "pobj", 7),
        ]
    )
    _tag(doc, {6: "VBN"})
    assert status_of(doc[4]).status == "requested"
    assert status_of(doc[6]).status == "asserted"
    assert status_of(doc[8]).status == "asserted"


def test_about_to_is_future_talk_about_is_not():
    # "Benin is about to close the border" / "Benin talked about closing the border"
    about_to = make_doc(
        [
            ("Benin", "Benin", "PROPN", "nsubj", 1),
            ("is", "be", "AUX", "ROOT", 1),
            ("about", "about", "ADJ", "acomp", 1),
            ("to", "to", "PART", "aux", 4),
            ("close", "close", "VERB", "xcomp", 2),
            ("border", "border", "NOUN", "dobj", 4),
        ]
    )
    assert status_of(about_to[4]).status == "future"
    talked = make_doc(
        [
            ("Benin", "Benin", "PROPN", "nsubj", 1),
            ("talked", "talk", "VERB", "ROOT", 1),
            ("about", "about", "ADP", "prep", 1),
            ("closing", "close", "VERB", "pcomp", 2),
            ("border", "border", "NOUN", "dobj", 3),
        ]
    )
    assert status_of(talked[3]).status == "asserted"


def test_finite_conjunct_keeps_its_own_tense():
    # "Troops would not retreat or surrender" / "Troops did not retreat and fought on"
    def doc_for(second, lemma, tag):
        d = make_doc(
            [
                ("Troops", "troop", "NOUN", "nsubj", 3),
                ("did", "do", "AUX", "aux", 3),
                ("not", "not", "PART", "neg", 3),
                ("retreat", "retreat", "VERB", "ROOT", 3),
                ("and", "and", "CCONJ", "cc", 3),
                (second, lemma, "VERB", "conj", 3),
            ]
        )
        return _tag(d, {3: "VB", 5: tag})

    assert status_of(doc_for("surrender", "surrender", "VB")[5]).status == "negated"
    assert status_of(doc_for("fought", "fight", "VBD")[5]).status == "asserted"


def test_negative_subject_no_longer_and_neither_nor():
    # "No one was injured"
    doc = make_doc(
        [
            ("No", "no", "DET", "det", 1),
            ("one", "one", "NOUN", "nsubjpass", 3),
            ("was", "be", "AUX", "auxpass", 3),
            ("injured", "injure", "VERB", "ROOT", 3),
        ]
    )
    assert status_of(doc[3]).status == "negated"
    # "Togo no longer exports cocoa"
    doc = make_doc(
        [
            ("Togo", "Togo", "PROPN", "nsubj", 3),
            ("no", "no", "ADV", "neg", 2),
            ("longer", "long", "ADV", "advmod", 3),
            ("exports", "export", "VERB", "ROOT", 3),
            ("cocoa", "cocoa", "NOUN", "dobj", 3),
        ]
    )
    assert status_of(doc[3]).status == "negated"
    # "Seoul neither confirmed nor denied the visit"
    doc = make_doc(
        [
            ("Seoul", "Seoul", "PROPN", "nsubj", 2),
            ("neither", "neither", "CCONJ", "preconj", 2),
            ("confirmed", "confirm", "VERB", "ROOT", 2),
            ("nor", "nor", "CCONJ", "cc", 2),
            ("denied", "deny", "VERB", "conj", 2),
            ("the", "the", "DET", "det", 6),
            ("visit", "visit", "NOUN", "dobj", 4),
        ]
    )
    _tag(doc, {2: "VBD", 4: "VBD"})
    assert status_of(doc[2]).status == "negated"
    assert status_of(doc[4]).status == "negated"


def test_without_and_instead_of():
    # "Guards fired without warning" / "They talked instead of fighting"
    doc = make_doc(
        [
            ("Guards", "guard", "NOUN", "nsubj", 1),
            ("fired", "fire", "VERB", "ROOT", 1),
            ("without", "without", "ADP", "prep", 1),
            ("warning", "warn", "VERB", "pcomp", 2),
        ]
    )
    assert status_of(doc[1]).status == "asserted"
    assert status_of(doc[3]).status == "negated"
    doc = make_doc(
        [
            ("They", "they", "PRON", "nsubj", 1),
            ("talked", "talk", "VERB", "ROOT", 1),
            ("instead", "instead", "ADV", "advmod", 1),
            ("of", "of", "ADP", "prep", 2),
            ("fighting", "fight", "VERB", "pcomp", 3),
        ]
    )
    assert status_of(doc[4]).status == "negated"


def test_prevented_from_unless_not_prevented():
    # "Police (did not) prevent marchers from entering the square"
    def doc_for(negated):
        rows = [("Police", "police", "NOUN", "nsubj", 3)]
        rows += (
            [("did", "do", "AUX", "aux", 3), ("not", "not", "PART", "neg", 3)]
            if negated
            else [
                ("quickly", "quickly", "ADV", "advmod", 3),
                ("then", "then", "ADV", "advmod", 3),
            ]
        )
        rows += [
            ("prevent", "prevent", "VERB", "ROOT", 3),
            ("marchers", "marcher", "NOUN", "dobj", 3),
            ("from", "from", "ADP", "prep", 3),
            ("entering", "enter", "VERB", "pcomp", 5),
        ]
        return make_doc(rows)

    assert status_of(doc_for(False)[6]).status == "negated"
    assert status_of(doc_for(True)[6]).status == "asserted"


def test_past_ability_and_attempts_happened():
    # "Hostages were able to escape" / "Rebels tried to storm the base" / "Rebels will try to ..."
    able = make_doc(
        [
            ("Hostages", "hostage", "NOUN", "nsubj", 1),
            ("were", "be", "AUX", "ROOT", 1),
            ("able", "able", "ADJ", "acomp", 1),
            ("to", "to", "PART", "aux", 4),
            ("escape", "escape", "VERB", "xcomp", 2),
        ]
    )
    assert status_of(_tag(able, {1: "VBD"})[4]).status == "asserted"
    assert status_of(_tag(able, {1: "VB"})[4]).status == "hypothetical"

    def tried(will):
        rows = [("Rebels", "rebel", "NOUN", "nsubj", 2)]
        rows.append(
            ("will", "will", "AUX", "aux", 2) if will else ("again", "again", "ADV", "advmod", 2)
        )
        rows += [
            ("try", "try", "VERB", "ROOT", 2),
            ("to", "to", "PART", "aux", 4),
            ("storm", "storm", "VERB", "xcomp", 2),
            ("base", "base", "NOUN", "dobj", 4),
        ]
        return make_doc(rows)

    assert status_of(tried(False)[4]).status == "asserted"
    assert status_of(tried(True)[4]).status == "future"


def test_negation_passes_through_aspect_verbs():
    # "Iraq has not begun talks"
    doc = make_doc(
        [
            ("Iraq", "Iraq", "PROPN", "nsubj", 3),
            ("has", "have", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("begun", "begin", "VERB", "ROOT", 3),
            ("talks", "talk", "NOUN", "dobj", 3),
        ]
    )
    assert status_of(doc[4]).status == "negated"


def test_prenominal_participle_is_a_fact_about_its_noun():
    # "Read the attached report"
    doc = make_doc(
        [
            ("Read", "read", "VERB", "ROOT", 0),
            ("the", "the", "DET", "det", 3),
            ("attached", "attach", "VERB", "amod", 3),
            ("report", "report", "NOUN", "dobj", 0),
        ]
    )
    _tag(doc, {0: "VB", 2: "VBN"})
    assert status_of(doc[0]).status == "requested"
    assert status_of(doc[2]).status == "asserted"


def test_denied_verb_does_not_deny_its_finite_clause():
    # "Oslo did not know that troops had left" / "Oslo does not think troops left"
    def doc_for(verb, lemma, had):
        rows = [
            ("Oslo", "Oslo", "PROPN", "nsubj", 3),
            ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            (verb, lemma, "VERB", "ROOT", 3),
            ("troops", "troop", "NOUN", "nsubj", 6),
        ]
        rows.append(("had", "have", "AUX", "aux", 6) if had else ("all", "all", "ADV", "advmod", 6))
        rows.append(("left", "leave", "VERB", "ccomp", 3))
        return _tag(make_doc(rows), {5: "VBD" if had else "RB", 6: "VBN" if had else "VBD"})

    assert status_of(doc_for("know", "know", True)[6]).status == "asserted"
    assert status_of(doc_for("think", "think", False)[6]).status == "negated"
    # "Oslo did not let anyone leave": a small clause stays in the denial
    doc = make_doc(
        [
            ("Oslo", "Oslo", "PROPN", "nsubj", 3),
            ("did", "do", "AUX", "aux", 3),
            ("not", "not", "PART", "neg", 3),
            ("let", "let", "VERB", "ROOT", 3),
            ("anyone", "anyone", "PRON", "nsubj", 5),
            ("leave", "leave", "VERB", "ccomp", 3),
        ]
    )
    assert status_of(_tag(doc, {5: "VB"})[5]).status == "negated"


def test_be_to_future_versus_extraposed_and_specifying_subjects():
    # "The minister is to visit Oman" / "It is hard to say" / "The plan is to withdraw"
    def doc_for(subj, subj_lemma, pos, mid, verb):
        rows = [(subj, subj_lemma, pos, "nsubj", 1), ("is", "be", "AUX", "ROOT", 1)]
        rows.append(mid)
        rows += [("to", "to", "PART", "aux", 4), (verb, verb, "VERB", "xcomp", 1)]
        return make_doc(rows)

    minister = doc_for(
        "minister", "minister", "NOUN", ("soon", "soon", "ADV", "advmod", 1), "visit"
    )
    assert status_of(minister[4]).status == "future"
    hard = doc_for("It", "it", "PRON", ("hard", "hard", "ADJ", "acomp", 1), "say")
    assert status_of(hard[4]).status == "asserted"
    plan = doc_for("plan", "plan", "NOUN", ("now", "now", "ADV", "advmod", 1), "withdraw")
    assert status_of(plan[4]).status == "future"


def test_dropped_subject_past_is_not_a_command():
    # "Took the ferry to Bari" (a diary's dropped subject) / "Take the ferry to Bari"
    for word, expected in (("Took", "asserted"), ("Take", "requested")):
        doc = make_doc(
            [
                (word, "take", "VERB", "ROOT", 0),
                ("the", "the", "DET", "det", 2),
                ("ferry", "ferry", "NOUN", "dobj", 0),
            ]
        )
        assert status_of(_tag(doc, {0: "VB"})[0]).status == expected, word


def test_would_welcome_is_conditional_and_wh_infinitive():
    # "Cairo would welcome talks"
    doc = make_doc(
        [
            ("Cairo", "Cairo", "PROPN", "nsubj", 2),
            ("would", "would", "AUX", "aux", 2),
            ("welcome", "welcome", "VERB", "ROOT", 2),
            ("talks", "talk", "NOUN", "dobj", 2),
        ]
    )
    assert status_of(doc[2]).status == "hypothetical"
    # "Envoys discussed how to end the siege"
    doc = make_doc(
        [
            ("Envoys", "envoy", "NOUN", "nsubj", 1),
            ("discussed", "discuss", "VERB", "ROOT", 1),
            ("how", "how", "ADV", "advmod", 4),
            ("to", "to", "PART", "aux", 4),
            ("end", "end", "VERB", "xcomp", 1),
            ("the", "the", "DET", "det", 6),
            ("siege", "siege", "NOUN", "dobj", 4),
        ]
    )
    _tag(doc, {2: "WRB"})
    assert status_of(doc[1]).status == "asserted"
    assert status_of(doc[4]).status == "hypothetical"


def test_yet_to_too_to_and_neither_subject():
    # "Kabul has yet to respond"
    doc = make_doc(
        [
            ("Kabul", "Kabul", "PROPN", "nsubj", 1),
            ("has", "have", "VERB", "ROOT", 1),
            ("yet", "yet", "ADV", "advmod", 1),
            ("to", "to", "PART", "aux", 4),
            ("respond", "respond", "VERB", "xcomp", 1),
        ]
    )
    assert status_of(doc[4]).status == "negated"
    # "The garrison was too weak to resist"
    doc = make_doc(
        [
            ("garrison", "garrison", "NOUN", "nsubj", 1),
            ("was", "be", "AUX", "ROOT", 1),
            ("too", "too", "ADV", "advmod", 3),
            ("weak", "weak", "ADJ", "acomp", 1),
            ("to", "to", "PART", "aux", 5),
            ("resist", "resist", "VERB", "xcomp", 3),
        ]
    )
    assert status_of(doc[5]).status == "negated"
    # "Neither Oslo nor Rome replied"
    doc = make_doc(
        [
            ("Neither", "neither", "CCONJ", "preconj", 1),
            ("Oslo", "Oslo", "PROPN", "nsubj", 4),
            ("nor", "nor", "CCONJ", "cc", 1),
            ("Rome", "Rome", "PROPN", "conj", 1),
            ("replied", "reply", "VERB", "ROOT", 4),
        ]
    )
    assert status_of(_tag(doc, {4: "VBD"})[4]).status == "negated"


def test_conditional_covers_a_coordination_with_its_own_subject():
    # "It is unclear whether rebels fled or troops killed them"
    doc = make_doc(
        [
            ("unclear", "unclear", "ADJ", "ROOT", 0),
            ("whether", "whether", "SCONJ", "mark", 3),
            ("rebels", "rebel", "NOUN", "nsubj", 3),
            ("fled", "flee", "VERB", "ccomp", 0),
            ("or", "or", "CCONJ", "cc", 3),
            ("troops", "troop", "NOUN", "nsubj", 6),
            ("killed", "kill", "VERB", "conj", 3),
            ("them", "they", "PRON", "dobj", 6),
        ]
    )
    _tag(doc, {3: "VBD", 6: "VBD"})
    assert status_of(doc[3]).status == "hypothetical"
    assert status_of(doc[6]).status == "hypothetical"


def test_relative_pronoun_is_no_wh_infinitive():
    # "the officer whom police hope to arrest" -> hypothetical by "hope", not a question;
    # "the man whom police managed to arrest" -> asserted
    doc = make_doc(
        [
            ("man", "man", "NOUN", "ROOT", 0),
            ("whom", "whom", "PRON", "dobj", 5),
            ("police", "police", "NOUN", "nsubj", 3),
            ("managed", "manage", "VERB", "relcl", 0),
            ("to", "to", "PART", "aux", 5),
            ("arrest", "arrest", "VERB", "xcomp", 3),
        ]
    )
    _tag(doc, {1: "WP", 3: "VBD"})
    assert status_of(doc[5]).status == "asserted"


#: (what the sentence says, its rows, the token scored, the tags a rule reads, the status)
UNDONE = [
    ("the visit was cancelled: it did not happen",
     [("The", "the", "DET", "det", 1), ("visit", "visit", "NOUN", "nsubjpass", 3),
      ("was", "be", "AUX", "auxpass", 3), ("cancelled", "cancel", "VERB", "ROOT", 3)],
     1, {}, "negated"),
    ("the talks were not postponed: they were held",
     [("The", "the", "DET", "det", 1), ("talks", "talk", "NOUN", "nsubjpass", 4),
      ("were", "be", "AUX", "auxpass", 4), ("not", "not", "PART", "neg", 4),
      ("postponed", "postpone", "VERB", "ROOT", 4)],
     1, {}, "asserted"),
    ("the postponed summit is still to come",
     [("the", "the", "DET", "det", 2), ("postponed", "postpone", "VERB", "amod", 2),
      ("summit", "summit", "NOUN", "ROOT", 2)],
     2, {1: "VBN"}, "future"),
    ("unions called off the strike",
     [("Unions", "union", "NOUN", "nsubj", 1), ("called", "call", "VERB", "ROOT", 1),
      ("off", "off", "ADP", "prt", 1), ("the", "the", "DET", "det", 4),
      ("strike", "strike", "NOUN", "dobj", 1)],
     4, {}, "negated"),
]  # fmt: skip


@pytest.mark.parametrize(("why", "rows", "i", "tags", "status"), UNDONE)
def test_a_cancelled_or_postponed_event_has_not_happened(why, rows, i, tags, status):
    doc = _tag(make_doc(rows), tags)
    assert status_of(doc[i]).status == status, why


def test_a_commitment_to_doing_something_is_to_the_future():
    # "Spain is committed to leaving"
    doc = make_doc(
        [
            ("Spain", "Spain", "PROPN", "nsubjpass", 2),
            ("is", "be", "AUX", "auxpass", 2),
            ("committed", "commit", "VERB", "ROOT", 2),
            ("to", "to", "ADP", "prep", 2),
            ("leaving", "leave", "VERB", "pcomp", 3),
        ]
    )
    assert status_of(doc[4]).status == "future"
