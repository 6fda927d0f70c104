"""Claims that disagree: one source asserts something, another denies or contradicts it.

"MPs said an official request for Russian air strikes was relayed to Abadi" and "Abadi's
spokesman said he has not discussed air strikes with Russia" speak of the same matter with
opposite signs. A denial is a quote whose cue denies ("denied", "rejected", "dismissed") or
whose content holds a negated event; what it denies is the other speaker's quote that shares
the most content words with it (the nearest one on a tie). Both become stances of one claim,
with the events their quotes hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Event, content_hash
from .records import Claim, Quote, Stance

DENY_CUES = frozenset({"deny", "denied", "denies", "denying", "reject", "rejected", "rejects",
                       "dismiss", "dismissed", "dismisses", "refute", "refuted", "refutes",
                       "contradict", "contradicted", "dispute", "disputed", "disputes"})  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")
_STOP = frozenset({
    "the", "that", "this", "with", "from", "have", "has", "had", "was", "were", "been", "being",
    "will", "would", "could", "should", "not", "and", "but", "for", "any", "all", "they",
    "their", "them", "his", "her", "its", "she", "him", "who", "which", "what", "when", "there",
    "said", "says", "told", "also", "last", "week", "time", "same", "only", "more", "than",
    "into", "over", "about", "officially", "official", "because", "even", "such", "other",
})  # fmt: skip
#: content words two quotes must share to speak of the same matter
MIN_SHARED = 2


def keywords(text: str) -> set[str]:
    """Content words cut to a stem of five letters ("Russia", "Russian" -> "russi")."""
    out = set()
    for w in _WORD.findall(text):
        w = w.lower().strip("'\u2019-")
        if len(w) >= 3 and w not in _STOP:
            out.add(w[:5])
    return out


def _events_in(q: Quote, events: Sequence[Event]) -> list[Event]:
    ids = set(q.event_ids)
    return [e for e in events if e.event_id in ids]


def _denies(q: Quote, events: Sequence[Event]) -> bool:
    if q.cue.text.lower() in DENY_CUES or q.cue.text.lower().split()[0] in DENY_CUES:
        return True
    return any(e.status == "negated" for e in _events_in(q, events))


def _nested(a: Quote, b: Quote) -> bool:
    return (a.content.start <= b.cue.start < a.content.end) or (
        b.content.start <= a.cue.start < b.content.end
    )


def _same_speaker(a: Quote, b: Quote) -> bool:
    na, nb = a.speaker_name, b.speaker_name
    if na is None or nb is None:
        return False
    return na.lower() == nb.lower() or bool(keywords(na) & keywords(nb) - {"spoke", "offic"})


def find_claims(quotes: Sequence[Quote], events: Sequence[Event], article_id: str) -> list[Claim]:
    """One claim per denial that has an asserting quote from another source to answer."""
    claims: list[Claim] = []
    words = {q.quote_id: keywords(q.content.text) for q in quotes}
    for b in quotes:
        if b.speaker is None or not _denies(b, events):
            continue
        best: tuple[int, int, Quote] | None = None
        for a in quotes:
            if a is b or a.speaker is None or _nested(a, b) or _same_speaker(a, b):
                continue
            a_events = _events_in(a, events)
            if a_events and all(e.status == "negated" for e in a_events):
                continue  # two denials do not disagree
            shared = len(words[a.quote_id] & words[b.quote_id])
            if shared < MIN_SHARED:
                continue
            key = (shared, -abs(a.cue.start - b.cue.start), a)
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            continue
        a = best[2]
        a_events, b_events = _events_in(a, events), _events_in(b, events)
        a_status = a_events[0].status if a_events else "asserted"
        ids = [e.event_id for e in a_events + b_events if e.event_id]
        denied = [e for e in b_events if e.status == "negated"] or b_events or a_events
        topic = denied[0].event_type if denied else ""
        claims.append(
            Claim(
                claim_id=f"{article_id}-c{content_hash(a.quote_id + b.quote_id)[:8]}",
                event_ids=list(dict.fromkeys(ids)),
                stances=[
                    Stance(a.speaker_name, a_status, a.quote_id, a.content.text),
                    Stance(b.speaker_name, "negated", b.quote_id, b.content.text),
                ],
                topic=topic,
            )
        )
    return claims


__all__ = ["find_claims", "keywords"]
