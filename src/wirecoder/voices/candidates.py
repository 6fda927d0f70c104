"""More quote candidates for the learned check to decide: forms the verb rules in
`quotes.py` do not propose.

A quotation introduced by a bare colon ("... Republican pollster Daron Shaw: \u201cHistorically
...\u201d" or a paragraph ending in ":" before a quoted paragraph) has no verb of saying;
PolNeAR marks the colon as the cue. These candidates are never settled by the parse: the
check (trained on PolNeAR train with them) keeps the ones that read like attributions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .quotes import QuoteFinder, _Draft

#: how a colon-introduced quotation is marked (a feature and the rule's name)
COLON_QUOTE = "colon_quote"


def negated(t: Token) -> bool:
    """ "did not mention", "has not said": PolNeAR still marks the cue; the check decides."""
    return any(c.dep_ == "neg" for c in t.children)


def open_question(t: Token) -> bool:
    """ "did not say whether troops would leave": a negated cue over an embedded question
    asserts nothing, so it is no candidate at all."""
    return negated(t) and any(
        c.dep_ in ("ccomp", "advcl")
        and any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in c.children)
        for c in t.children
    )


def colon_quotes(finder: QuoteFinder, drafts: list[_Draft]) -> list[_Draft]:
    """A colon closing a clause, then a quotation on its line or opening the next paragraph:
    the quotation is the content, the noun just before the colon (else the clause's subject)
    the speaker. Quotations some other candidate already holds are left to it."""
    from .quotes import _Draft

    text = finder.text
    used = [s for d in drafts for s in d.segments]
    taken = {d.cue.i for d in drafts}
    starts = {s: (s, e) for s, e in finder.marks}
    out: list[_Draft] = []
    for t in finder.doc:
        if t.text != ":" or t.i in taken or t.i == 0:
            continue
        if any(s < t.idx < e for s, e in finder.marks):
            continue
        at = t.idx + 1
        rest = text[at:]
        gap = len(rest) - len(rest.lstrip())
        if rest[:gap].count("\n") > 2:
            continue
        mark = starts.get(at + gap)
        if mark is None or any(s <= mark[0] < e for s, e in used):
            continue
        prev = finder.doc[t.i - 1]
        if prev.lemma_.lower() in finder_cue_verbs():
            continue  # "said:" is the verb rule's
        speaker = prev if prev.pos_ in ("PROPN", "NOUN", "PRON") else None
        if speaker is None:
            root = t.sent.root
            speaker = finder.finder.subject_of(root) if root.i < t.i else None
        cue = Span(":", t.idx, t.idx + 1)
        out.append(_Draft(t, cue, [mark], speaker, how=COLON_QUOTE))
    return out


def finder_cue_verbs() -> frozenset[str]:
    """The verbs of saying the verb rules own (a colon after one is their lead-in)."""
    from .quotes import CUE_VERBS

    return CUE_VERBS


#: prepositions whose object is what a bare cue was about ("argued against", "warned about")
_ABOUT = frozenset({"about", "on", "for", "against", "of", "to", "with", "over", "at", "upon"})


def _minus(head: Token, t: Token) -> list[Token]:
    inner = {x.i for x in t.subtree}
    return [x for x in head.subtree if x.i not in inner]


def bare_content(finder: QuoteFinder, t: Token) -> tuple[tuple[int, int] | None, str]:
    """What a verb of saying the rules gave no content to is most likely about, and where it
    was found (a feature): the noun a participle or a relative clause describes ("a
    self-described socialist", "a fact he mentions"), the object and its "as" phrase
    ("described him as volatile", "said so"), a preposition's object ("warned about"), a
    passive subject ("the letter was posted"), the clause an "as"/"than" clause hangs on,
    else the words after the cue in its clause."""
    from .quotes import _extent

    kids = list(t.children)
    if t.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in kids):
        return _extent(list(t.subtree)), "relcl_wh"  # "which he described as his home"
    if t.dep_ in ("amod", "acl", "relcl") and t.head.i != t.i:
        return _extent(_minus(t.head, t)), t.dep_
    obj = [c for c in kids if c.dep_ in ("dobj", "dative", "oprd", "attr", "ccomp", "xcomp")]
    obj += [c for c in kids if c.dep_ == "prep" and c.lower_ == "as"]
    if obj:
        return _extent([x for c in obj for x in c.subtree]), "obj"
    about = [g for c in kids if c.dep_ == "prep" and c.lower_ in _ABOUT
             for g in c.children if g.dep_ in ("pobj", "pcomp")]  # fmt: skip
    if about:
        return _extent([x for c in about for x in c.subtree]), "prep"
    passive = [c for c in kids if c.dep_ in ("nsubjpass", "csubjpass")]
    if passive:
        return _extent([x for c in passive for x in c.subtree]), "passive"
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in kids):
        return _extent(_minus(t.head, t)), "as"
    right = [c for c in kids if c.i > t.i and c.dep_ not in ("punct", "cc", "conj")]
    said = [c for c in right if c.dep_ not in ("prep", "advcl", "npadvmod")]  # "said so"
    that = [x for c in right for x in c.subtree if x.dep_ in ("acl", "ccomp") and x.i > c.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in x.children)]  # fmt: skip
    if said or that:  # "said in a statement that ...": the that-clause
        return _extent([x for c in said or that[:1] for x in c.subtree]), "right"
    if right:
        return _extent([x for c in right for x in c.subtree]), "right"
    return None, "none"


def bare_verbs(finder: QuoteFinder, drafts: list[_Draft]) -> list[_Draft]:
    """Verbs of saying no rule found content for ("has called for X to be hit", "said so",
    "described him as volatile", "a fact he mentions"): PolNeAR marks many of them, so each
    is a candidate with its likeliest content, always decided by the learned check."""
    from .quotes import CUE_VERBS, _Draft, _is_cue_verb

    taken = {d.cue.i for d in drafts}
    out: list[_Draft] = []
    for t in finder.doc:
        if t.i in taken or t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in CUE_VERBS:
            continue
        if any(s < t.idx < e for s, e in finder.marks) or open_question(t):
            continue
        lem = t.lemma_.lower()
        if lem == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" for c in t.children):
            continue  # "quoted X as saying": the inner "saying" is the cue
        seg, src = bare_content(finder, t)
        if seg is None or seg[1] <= seg[0]:
            continue
        speaker, via = finder._speaker(t)
        how = f"bare_{src}" if _is_cue_verb(t) else f"bare_{src}_odd"
        cue = Span(t.text, t.idx, t.idx + len(t))
        out.append(_Draft(t, cue, [seg], speaker, via, how=how))
    return out


__all__ = ["COLON_QUOTE", "bare_content", "bare_verbs", "colon_quotes", "negated", "open_question"]
