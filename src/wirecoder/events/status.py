"""How firmly the text claims an event: asserted, negated, future, hypothetical, requested.

The status of a trigger is decided by, in order:
1. its own grammar: a negation ("has not discussed", "no talks", "never"), a
   future auxiliary ("will visit"), a modal ("could attack") or a conditional
   clause ("if ... would");
2. the words it is embedded under, nearest first: "urged X to *strike*"
   (requested), "threatened to *invade*" (hypothetical), "agreed to *withdraw*"
   (future), "refused to *meet*" (negated), "a request for air *strikes*"
   (requested). Speech verbs ("said that ...") pass the inner status through.

`status_of` works on any token, so the factuality corpora can measure it
directly, not only on triggers the lexicon knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .background import historical_cue
from .status_words import (
    ATTEMPT,
    CONDITIONAL_MARKS,
    DESIRE_WOULD,
    FUSED_NEG,
    FUTURE_AUX,
    GOVERNORS,
    HEDGES,
    HYPO_AUX,
    INF_GOVERNORS,
    INF_ONLY,
    IRREGULAR_PAST,
    LEMMA_FIXES,
    NEG_PRONOUNS,
    NEG_RAISING,
    PASS_THROUGH,
    PERFORMATIVE,
    PREP_GOVERNORS,
    SPEECH,
    TEMPORAL_PREPS,
    WOULD_INF,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..analysis import Analysis, Resources


def _lemma(tok: Token) -> str:
    low = tok.lemma_.lower()
    if low in LEMMA_FIXES and tok.lower_.startswith("hop") and not tok.lower_.startswith("hopp"):
        return LEMMA_FIXES[low]
    return low


def _is_neg(c: Token) -> bool:
    """A negation word on a clause: "not", "n't", "never", "no" (adverb), or a fused "hasn't"."""
    low = c.lower_
    if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and low in ("never", "no")):
        return True
    return c.dep_ in ("aux", "auxpass", "neg", "advmod") and (
        low in FUSED_NEG or (low.endswith("n't") and low != "n't")
    )


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


@dataclass(frozen=True)
class StatusResult:
    status: str
    cue: int | None = None  # token that decided it
    hedge: int | None = None
    reason: str = ""


def _negative_subject(tok: Token) -> Token | None:
    """ "*No one* was hurt", "*Nothing* happened", "*no* group claimed", "*none* of them left"."""
    for c in tok.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "expl"):
            continue
        if c.lower_ in NEG_PRONOUNS:
            return c
        if any(
            (d.dep_ == "det" and d.lower_ == "no")
            or (d.dep_ == "preconj" and d.lower_ == "neither")
            for d in c.children
        ):
            return c
    return None


def _no_longer(tok: Token) -> Token | None:
    """ "no longer works", "not any more": "no" on a "longer" / "more" adverb of the verb."""
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in ("longer", "more"):
            for d in c.children:
                if d.lower_ in ("no", "not", "n't"):
                    return d
    return None


def _neither_nor(tok: Token) -> Token | None:
    """ "neither confirmed nor denied": both verbs negated."""
    for c in tok.children:
        if c.lower_ == "neither" and c.dep_ in ("preconj", "cc", "det", "advmod"):
            return c
    if tok.dep_ == "conj":
        for c in tok.head.children:
            if c.dep_ == "cc" and c.lower_ == "nor" and c.i < tok.i:
                return c
    return None


def _finite(tok: Token) -> bool:
    """A clause with its own subject and tense ("that troops *had* left"), not a small clause
    ("let anyone *intimidate* him", "see them *doing* it")."""
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    if tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        return True
    return any(
        c.dep_ in ("aux", "auxpass", "mark") and c.tag_ in ("VBD", "VBZ", "VBP", "MD", "IN")
        for c in tok.children
    )


def _past_form(tok: Token) -> bool:
    """A past form the tagger read as a bare verb ("Took", "Restored" opening a sentence)."""
    low = tok.lower_
    if low in IRREGULAR_PAST:
        return True
    return len(low) > 4 and low.endswith("ed") and not low.endswith("eed") and low[-3] != "e"


def _denied(tok: Token) -> bool:
    """The word itself is negated: "did not prevent", "never failed"."""
    own = _own_markers(tok)
    return own is not None and own.status == "negated"


def _condition(tok: Token) -> Token | None:
    """The mark of a conditional clause the verb has ("if", "unless"): what it will do
    depends on it."""
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS:
                    return m
    return None


def _own_markers(tok: Token) -> StatusResult | None:
    """Negation, modal, future and conditional marked on the word's own clause."""
    neg = None
    modal = None
    for c in tok.children:
        low = c.lower_
        if _is_neg(c):
            neg = c
        elif c.dep_ in ("aux", "auxpass") and (low in FUTURE_AUX or low in HYPO_AUX):
            modal = modal or c
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.lefts:
            if c.dep_ == "det" and c.lower_ in ("no", "neither"):
                neg = c
    if neg is None and tok.pos_ in ("VERB", "AUX", "ADJ"):
        neg = _negative_subject(tok) or _no_longer(tok) or _neither_nor(tok)
    if neg is not None:
        return StatusResult("negated", neg.i, reason=f"'{neg.text}'")
    # conditional clause: "if X attacks", or a main clause with an if-clause and a modal
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            return StatusResult("hypothetical", c.i, reason=f"'{c.text}' clause")
    if modal is not None:
        low = modal.lower_
        if low in FUTURE_AUX:
            cond = _condition(tok)
            if cond is not None:  # "if the strike goes ahead, police will arrest them"
                return StatusResult("hypothetical", cond.i, reason=f"'{cond.text}' clause")
            return StatusResult("future", modal.i, reason=f"'{modal.text}'")
        if low in ("would", "'d") and tok.lemma_.lower() in DESIRE_WOULD:
            return None  # "would like to": the wish itself is real
        if low in ("would", "'d"):
            has_if = any(
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
                for c in tok.children
            )
            # "said it would visit": future in the past, unless conditional
            gov = tok.head
            if not has_if and tok.dep_ == "ccomp" and gov.lemma_.lower() in SPEECH:
                return StatusResult("future", modal.i, reason="'would' in reported speech")
        return StatusResult("hypothetical", modal.i, reason=f"'{modal.text}'")
    # "is to visit", "is set to", "are expected to"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and _infinitive(tok):
        be = tok.head
        subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and subj.lemma_.lower() in GOVERNORS and subj.pos_ == "NOUN":
            # "the plan is to *withdraw*": what the plan, demand or hope is
            st = GOVERNORS[subj.lemma_.lower()]
            return StatusResult(st, subj.i, reason=f"'{subj.text} is to'")
        if (
            subj is not None
            and subj.lower_ not in ("it", "this", "that")
            and subj.pos_ in ("PROPN", "PRON", "NOUN")
            and not any(c.dep_ in ("acomp", "attr") for c in be.children)
        ):
            # "the president is to *visit*" (not "it is hard to *say*", "my job is to *sell*")
            return StatusResult("future", be.i, reason="'be to'")
    # "how to *apply*", "what to *do*", "whether to *stay*": a question about what to do
    # (the wh-word right before "to": not a relative "whom police are seeking to *arrest*")
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and any(
        (c.tag_ in ("WRB", "WP", "WDT") or c.lower_ == "whether") and c.i == to.i - 1
        for c in tok.children
    ):
        return StatusResult("hypothetical", tok.i, reason="wh-infinitive")
    # a command is a request: "Release the prisoners!", "Please update the file"
    if (
        tok.tag_ == "VB"
        and tok.dep_ == "ROOT"
        and not _past_form(tok)  # "Took my car in twice": a diary's dropped subject, not a command
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in tok.children
        )
    ):
        return StatusResult("requested", tok.i, reason="imperative")
    if any(c.lower_ == "please" for c in tok.children) and tok.tag_ in ("VB", "VBP"):
        return StatusResult("requested", tok.i, reason="'please'")
    return None


#: verbs of hearsay whose impersonal passive hedges what follows ("is said to have ordered")
HEARSAY = {
    "say",
    "believe",
    "think",
    "allege",
    "report",
    "rumour",
    "rumor",
    "suspect",
    "understand",
}


def _hedge(tok: Token) -> int | None:
    """The outlet's own doubt on the event: "reportedly", "allegedly", "is said to"."""
    for t in (tok, tok.head):
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGES:
                return c.i
        head = t.head
        if (
            t.dep_ == "xcomp"
            and head.tag_ == "VBN"
            and head.lemma_.lower() in HEARSAY
            and any(c.dep_ == "auxpass" for c in head.children)
            and not any(c.dep_ == "agent" for c in head.children)
        ):
            return head.i
    return None


#: Verbs that call off what they are done to: "the visit was cancelled" (negated), "the
#: postponed talks" (future: still to come, as GOVERNORS has it).
UNDOING = {w: GOVERNORS.get(w, "negated") for w in (
    "cancel", "scrap", "abandon", "suspend", "halt", "shelve", "drop", "stop", "axe", "nix",
    "postpone", "delay", "defer", "reschedule")}  # fmt: skip


def _undone(verb: Token) -> str | None:
    """The status a cancelling or postponing verb gives the event it is done to."""
    if _own_markers(verb) is not None:
        return None  # "was not cancelled", "may be postponed": the verb's own status decides
    lemma = _lemma(verb)
    if lemma in ("call", "put") and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    ):
        return "negated" if lemma == "call" else "future"  # "called off", "put off"
    return UNDOING.get(lemma)


def status_of(tok: Token, max_up: int = 6) -> StatusResult:
    """The status of the event a token denotes (see module docstring)."""
    hedge = _hedge(tok)
    own = _own_markers(tok)
    if own is not None:
        return StatusResult(own.status, own.cue, hedge, own.reason)
    if tok.pos_ in ("NOUN", "PROPN"):
        # "the now-cancelled deal", "the postponed summit"
        for c in tok.lefts:
            if c.dep_ == "amod" and c.tag_ == "VBN" and UNDOING.get(_lemma(c)):
                return StatusResult(UNDOING[_lemma(c)], c.i, hedge, f"'{c.text}'")
    cur = tok
    for _ in range(max_up):
        head = cur.head
        if head.i == cur.i:
            break
        rel = cur.dep_
        hl = _lemma(head)
        if rel in ("xcomp", "advcl") and _infinitive(cur) and head.pos_ in ("VERB", "AUX"):
            # "called on Iran to release", "appealed to them to stop": the prepositional
            # object is asked to do it
            asking = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "prep"
                    and c.i < cur.i
                    and PREP_GOVERNORS.get((hl, c.lower_)) == "requested"
                ),
                None,
            )
            if asking is not None:
                return StatusResult(
                    "requested", head.i, hedge, f"under '{head.text} {asking.text}'"
                )
        if rel in ("acl", "relcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
        ):
            # an infinitive on a word that wants, fears or plans: "pressure to request" (requested)
            # (news corpora read other infinitives on nouns as facts: "the ability to cut costs")
            if hl in GOVERNORS:
                return StatusResult(GOVERNORS[hl], head.i, hedge, f"infinitive on '{head.text}'")
            break
        undone = _undone(head) if rel in ("nsubjpass", "dobj") else None
        if undone is not None:
            # "the visit was cancelled", "talks have been postponed", "called off the strike":
            # it has not happened
            return StatusResult(undone, head.i, hedge, f"called off by '{head.text}'")
        if rel in ("relcl", "appos", "parataxis", "nsubj", "nsubjpass", "csubj"):
            break
        if (
            rel in ("acl", "amod")
            and cur.tag_ in ("VBN", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in cur.children)
        ):
            # a participle describing a noun is a fact about it: "soldiers *captured* in the war",
            # "publicly *held* shares", "the *attached* file" -- whatever is planned for the noun
            break
        if rel == "advcl":
            mark = next((c for c in cur.children if c.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in CONDITIONAL_MARKS:
                return StatusResult("hypothetical", mark.i, hedge, f"'{mark.text}' clause")
            break
        if rel == "conj":
            # coordinated verbs share auxiliaries: "would not attack or invade" (a finite verb
            # has its own: "did not stop and *went* on")
            if cur.pos_ in ("VERB", "AUX"):
                inherited = _own_markers(head)
                own_clause = any(
                    c.dep_ in ("aux", "neg", "nsubj", "nsubjpass") for c in cur.children
                )
                # ... but a conditional covers the whole coordination: "whether they left or
                # police *shot* them", unless the conjunct has its own "if"
                shares = (
                    cur.tag_ not in ("VBD", "VBZ") and not own_clause
                    if inherited is None or not inherited.reason.endswith("clause")
                    else not any(c.dep_ == "mark" for c in cur.children)
                )
                if inherited is not None and shares:
                    return StatusResult(
                        inherited.status, inherited.cue, hedge, inherited.reason + " (shared)"
                    )
            cur = head
            continue
        if rel in ("xcomp", "ccomp", "advcl") and _infinitive(cur):
            yet = next((c for c in head.children if c.lower_ == "yet" and c.dep_ == "advmod"), None)
            if yet is not None and hl in ("have", "be") and rel == "xcomp":
                # "has yet to *respond*": it has not
                return StatusResult("negated", yet.i, hedge, "'yet to'")
            too = next((c for c in head.children if c.lower_ == "too" and c.dep_ == "advmod"), None)
            if (
                too is not None
                and head.pos_ == "ADJ"
                and not (cur.lemma_ == "begin" and any(c.lower_ == "with" for c in cur.children))
            ):  # (not the idiom "to begin with")
                # "too afraid to *stay*", "too weak to *fight*": they did not
                return StatusResult("negated", too.i, hedge, f"'too {head.text} to'")
        if rel in ("xcomp", "ccomp") and _infinitive(cur):
            if _lemma(cur) in PERFORMATIVE and hl in WOULD_INF | {"have", "want"}:
                break  # "I would like to thank ...": the thanks are given
            would = any(c.lower_ in ("would", "'d", "should") for c in head.children)
            if hl in INF_GOVERNORS or (hl in WOULD_INF and would):
                st = INF_GOVERNORS.get(hl, "hypothetical")
                return StatusResult(st, head.i, hedge, f"to-infinitive on '{head.text}'")
            if (
                hl == "have"
                and head.tag_ in ("VB", "VBP", "VBZ")
                and not any(c.dep_ == "dobj" for c in head.children)
                and _own_markers(head) is None
            ):
                # "has to leave" is an obligation; "had to leave" says it happened
                return StatusResult("hypothetical", head.i, hedge, f"'{head.text} to'")
        if hl in ATTEMPT and head.pos_ in ("VERB", "AUX") and rel == "xcomp":
            # "tried to storm the embassy": the attempt is the event, as real as the trying
            # ("will try to": future; "Try to ...": requested)
            outer = status_of(head, max_up)
            if outer.status == "asserted":
                return StatusResult("asserted", None, hedge, "")
            return StatusResult(
                outer.status, outer.cue, hedge, outer.reason + f" (on '{head.text}')"
            )
        if hl in NEG_RAISING and rel == "ccomp" and _denied(head):
            neg = _own_markers(head)
            assert neg is not None
            return StatusResult("negated", neg.cue, hedge, neg.reason + f" (on '{head.text}')")
        if hl in SPEECH and rel in ("ccomp", "xcomp", "advcl", "dobj"):
            break  # reported speech: the inner clause speaks for itself
        if hl == "go" and head.tag_ == "VBG" and rel == "xcomp":
            return StatusResult("future", head.i, hedge, "'going to'")
        governs = rel in (
            "xcomp",
            "ccomp",
            "acl",
            "pcomp",
            "dobj",
            "pobj",
            "prep",
            "oprd",
            "advmod",
            "amod",
            "compound",
        )
        if not governs:
            break
        status = GOVERNORS.get(hl)
        if hl in INF_ONLY and not (rel == "xcomp" and _infinitive(cur)):
            status = None  # "is about to leave", but "talked about leaving"; "due to the storm"
        if hl == "able" and head.dep_ == "acomp" and head.head.tag_ == "VBD":
            # "was able to escape" says it escaped (a past ability is an achievement);
            # "is able to", "will be able to" do not; "was not able to" is negated above it
            cur = head
            continue
        if rel == "prep":
            # a prepositional phrase is in a word's scope only as its complement: "calls *for*
            # talks", "a request *for* strikes" -- not "on a visit", "after the ruling"
            p = cur.lower_
            if (
                p == "without"
                or (p == "of" and hl == "instead")
                or (p == "than" and hl == "rather")
            ):
                # "left without *paying*", "instead of *talking*", "rather than *fight*"
                return StatusResult("negated", cur.i, hedge, f"'{cur.text}'")
            if p in TEMPORAL_PREPS:
                break
            if head.pos_ in ("VERB", "AUX"):
                status = PREP_GOVERNORS.get((hl, p))
                if status == "negated" and _denied(head):
                    cur = head  # "did not stop them from *marching*": they marched
                    continue
                if status is not None:
                    return StatusResult(status, head.i, hedge, f"under '{head.text} {cur.text}'")
                break
            if status is not None and p in ("for", "of", "on", "to"):
                return StatusResult(status, head.i, hedge, f"under '{head.text} {cur.text}'")
            if head.pos_ in ("NOUN", "PROPN") and cur.i > head.i:
                break  # an adjunct of a noun ("in protest at how ..."): its own clause decides
            cur = head
            continue
        if status == "negated" and hl in ("fail", "prevent", "stop") and _denied(head):
            status = None  # "never failed to *pay*": paid
        if status is not None:
            return StatusResult(status, head.i, hedge, f"under '{head.text}'")
        if rel in ("dobj", "pobj", "xcomp", "ccomp", "acl", "pcomp") and head.pos_ in (
            "VERB",
            "AUX",
            "NOUN",
            "ADJ",
        ):
            own_h = _own_markers(head)
            if (
                own_h is not None
                and own_h.status == "negated"
                and rel == "ccomp"
                and hl not in NEG_RAISING
                and _finite(cur)
            ):
                # a clause under a denied verb is not denied: "did not know that troops *had*
                # *left*" (but "do not think they *left*" is a denial of the leaving)
                own_h = None
            if own_h is not None and (hl not in PASS_THROUGH or own_h.status == "negated"):
                return StatusResult(
                    own_h.status, own_h.cue, hedge, own_h.reason + f" (on '{head.text}')"
                )
        if hl in PASS_THROUGH or rel in ("pobj", "prep", "compound", "amod"):
            cur = head
            continue
        cur = head
    return StatusResult("asserted", None, hedge, "")


class StatusStage:
    """Decides whether each event is asserted, negated, future, hypothetical or requested."""

    name = "status"
    requires = ("candidates",)
    assigns = ("candidates.status",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        pub_year = int(analysis.article.date[:4]) if analysis.article.date else None
        for cand in analysis.candidates:
            res = status_of(doc[cand.trigger])
            cand.status, cand.status_cue, cand.hedge = res.status, res.cue, res.hedge
            if res.reason:
                cand.why.append(f"status {res.status}: {res.reason}")
            cue = historical_cue(doc[cand.trigger], pub_year)
            if cue is not None:
                cand.historical = True
                cand.why.append(f"historical: '{doc[cue].text}'")


__all__ = ["StatusResult", "StatusStage", "historical_cue", "status_of"]
