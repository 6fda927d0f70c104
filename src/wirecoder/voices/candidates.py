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


__all__ = ["COLON_QUOTE", "colon_quotes", "negated", "open_question"]
