"""Who says what: quotes, the outlet's framing, and claims that disagree (issue 17).

`voices_of` reads them off an analysed article (the parse and actor mentions the coder made
anyway), so `wirecoder.analyze` costs little more than `wirecoder.code`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .records import Claim, Framing, Quote, Stance, Voices

if TYPE_CHECKING:
    from ..analysis import Analysis


_MEDIUM = re.compile(
    r"\b(?:report|reports|agency|news|newspaper|paper|daily|times|post|journal|television|"
    r"tv|radio|channel|website|outlet|media|press|reuters|ap|afp|associated press|bbc|cnn|"
    r"xinhua|tass|ria|irna|isna|fars|tasnim|al jazeera|dawn|broadcaster)\b",
    re.IGNORECASE,
)
_CREDIT_CUES = frozenset({"said", "says", "say", "reported", "reports", "report",
                          "according to", "quoted", "quotes"})  # fmt: skip


def media_credit(q: Quote) -> bool:
    """ "..., a report said", "Reuters reported that ...": a news medium credited for facts the
    outlet retells in its own words, so their wording is the outlet's (not "Reuters noted")."""
    if q.kind == "direct" or q.speaker is None or q.cue.text.lower() not in _CREDIT_CUES:
        return False
    return bool(_MEDIUM.search(f"{q.speaker.text} {q.speaker.name or ''}"))


def voices_of(analysis: Analysis) -> Voices:
    """The article's events with its quotes, framing and disagreeing claims."""
    from .claims import find_claims
    from .framing import find_framing
    from .quotes import QuoteFinder

    art = analysis.article
    if analysis.doc is None:
        return Voices(art, list(analysis.events))
    finder = QuoteFinder(analysis)
    quotes = finder.build(art.id)
    attributed = [(s.start, s.end) for q in quotes for s in q.segments]
    credits = [q for q in quotes if media_credit(q)]
    # a paraphrase retold inside a medium's credit is the outlet's wording too
    credited = {
        q.quote_id
        for q in quotes
        if q in credits
        or (
            q.kind != "direct"
            and any(c.content.start <= q.cue.start < c.content.end for c in credits)
        )
    }
    speakers = [(s.start, s.end) for q in quotes if q.quote_id not in credited for s in q.segments]
    actors = [m.to_actor() for m in analysis.mentions if m.kind != "pronoun"]
    framing = find_framing(art.text, [*finder.marks, *speakers], attributed, actors)
    claims = find_claims(quotes, analysis.events, art.id)
    return Voices(art, list(analysis.events), quotes, framing, claims)


__all__ = ["Claim", "Framing", "Quote", "Stance", "Voices", "media_credit", "voices_of"]
