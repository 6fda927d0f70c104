"""Whom a refusal or an acceptance answers, when the sentence does not say.

"Iran asked Iraq to release the prisoners. Iraq refused." A reader knows Iraq refused Iran:
an answer with no recipient of its own answers the request made of the one answering, in its
own sentence (before it) or in the two before. "Rejected the request", "accepted it" name
the request without its maker: the same holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .phrases import PhraseActors

#: events that answer a request
ANSWERS = {"REJECT", "AGREE", "CONCEDE"}
#: words that name the request answered without saying whose it is
ANSWERED = {"request", "demand", "call", "offer", "proposal", "invitation", "appeal", "plea",
            "ultimatum", "order", "it", "this", "that", "them"}  # fmt: skip
#: how many sentences back the request may be
LOOKBACK = 2


def answer_recipients(finder: PhraseActors, candidates: list[Candidate]) -> None:
    """Give each answer with no recipient the maker of the request it answers."""
    doc = finder.doc
    sent_of = {t.i: k for k, s in enumerate(doc.sents) for t in s}
    requests = [c for c in candidates if c.event_type == "REQUEST" and c.sources and c.targets]
    for cand in candidates:
        if cand.event_type not in ANSWERS or cand.targets or not cand.sources:
            continue
        tok = doc[cand.trigger]
        if not _unanswered(cand, tok):
            continue
        here = sent_of[cand.trigger]
        asked = _answerer(finder, cand)
        before = [
            r
            for r in requests
            if r.trigger < cand.trigger and here - LOOKBACK <= sent_of[r.trigger] <= here
        ]
        for req in sorted(before, key=lambda r: r.trigger, reverse=True):
            if not any(_same(finder, k, a) for k in req.targets for a in asked):
                continue
            makers = [k for k in req.sources if k not in asked]
            if makers:
                cand.targets = makers
                cand.target_heads = [finder.mentions[makers[0]].head]
                cand.why.append(f"target: who made the request '{doc[req.trigger].text}'")
            break


def _unanswered(cand: Candidate, tok: Token) -> bool:
    """The answer names no recipient: no object naming someone, no clause saying what is
    refused ("refused to release X" is aimed at X), or only the request itself."""
    if cand.pos == "v" and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    if not cand.target_heads:
        return True
    head = tok.doc[cand.target_heads[0]]
    return head.lemma_.lower() in ANSWERED or head.lower_ in ANSWERED


def _answerer(finder: PhraseActors, cand: Candidate) -> set[int]:
    """The answering actors and the mentions that stand for them."""
    out = set(cand.sources)
    for k in cand.sources:
        out.update(finder.mentions[k].antecedents)
    return out


def _same(finder: PhraseActors, a: int, b: int) -> bool:
    """Two mentions of one actor: the same mention, one standing for the other, or one name."""
    if a == b:
        return True
    ma, mb = finder.mentions[a], finder.mentions[b]
    if a in mb.antecedents or b in ma.antecedents:
        return True
    if ma.name and ma.name == mb.name:
        return True
    return bool(ma.country) and (ma.country, ma.sector) == (mb.country, mb.sector)


__all__ = ["answer_recipients"]
