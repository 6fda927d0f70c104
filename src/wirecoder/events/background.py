"""Background, not news: events an article recounts from before its own story (PLOVER's
'historical'; the real-news gold's references). Two kinds of evidence: the words around the
trigger ("five years after crowds trashed the embassy", "in the 1980s") and a date the event's
own clause gives, well before publication. Flagged events are kept, and left out of the default
event-data exports.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..storydate import page_anchor
from ..timex import latest_year

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..analysis import Analysis
    from .candidates import Candidate


TIME_UNITS = {"year", "decade", "month", "century"}
BACKGROUND_MARKS = {"after", "before", "since", "when", "until", "as"}


def _time_span(t: Token) -> bool:
    """'five years', 'two decades': a number of years, months or decades."""
    return t.lemma_.lower() in TIME_UNITS and any(
        n.dep_ == "nummod" or n.pos_ == "NUM" for n in t.children
    )


def historical_cue(tok: Token, pub_year: int | None = None) -> int | None:
    """A token showing the event is background history, not news: "five years after crowds
    *trashed* its embassy", "in the 1980s, Iran *opened* its borders" (PLOVER's 'historical')."""
    cur = tok
    for _ in range(6):
        marks = [c for c in cur.children if c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS]
        spans = [c for c in cur.children if _time_span(c)]
        spans += [g for m in marks for g in m.children if _time_span(g)]
        if marks and spans:
            return spans[0].i
        for c in cur.children:
            if _time_span(c) and any(g.lower_ == "ago" for g in c.children):
                return c.i
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ == "DATE":
                    text = pobj.text
                    if text.endswith("s") and text[:-1].isdigit():  # "the 1980s"
                        return pobj.i
                    if text.isdigit() and len(text) == 4 and pub_year and int(text) < pub_year - 1:
                        return pobj.i
        if cur.dep_ in ("pcomp", "pobj", "prep") or cur.pos_ in ("NOUN", "PROPN"):
            cur = cur.head
            continue
        break
    return None


#: an event its own words date this many days before publication is background, not news:
#: in the real-news gold (train and dev) no new event is, while 35 of 122 references are
BACKGROUND_DAYS = 30


def _period_end(value: str, precision: str) -> date | None:
    """The last day of the period an event date names (its year, month, week or day)."""
    try:
        d = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if precision == "year":
        return date(d.year, 12, 31)
    if precision == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(days=1)
    if precision == "week":
        return d + timedelta(days=6)
    return d


def dated_background(
    analysis: Analysis, cand: Candidate, latest: int | None = None, anchor: str | None = None
) -> bool:
    """Whether the event's own clause dates it well before the article ("shot two co-workers
    in September" in a November story about the trial): a reference to an earlier event.
    `anchor`: the page's own date line, which dates an article without a publication date as
    that date would. With neither, `latest`, the latest year the text names: an event its
    words put two years or more before it is background ("US Congress halted all military aid
    to Guatemala in 1990" in an analysis that names 2016)."""
    if not cand.date:
        return False
    if cand.date_precision not in ("day", "week", "month", "year"):
        return False  # the story's day or the publication date: no date of its own
    end = _period_end(cand.date, cand.date_precision)
    if end is None:
        return False
    published = analysis.article.date or anchor
    if not published:
        return latest is not None and end.year < latest - 1
    gap = (date.fromisoformat(published[:10]) - end).days
    return gap > BACKGROUND_DAYS


def _undated_anchor(analysis: Analysis) -> tuple[str | None, int | None]:
    """What dates the article (`storydate.page_anchor`), else the latest year it names."""
    anchor = page_anchor(analysis)
    if anchor is not None:
        return anchor.isoformat(), None
    return None, latest_year(analysis.article.text)


def flag_background(analyses: list[Analysis]) -> None:
    for analysis in analyses:
        anchor, latest = _undated_anchor(analysis)
        for cand in analysis.candidates:
            if (
                not cand.dropped
                and not cand.historical
                and dated_background(analysis, cand, latest, anchor)
            ):
                cand.historical = True
                cand.why.append(f"historical: dated {cand.date}, before the article's news")


__all__ = ["BACKGROUND_DAYS", "dated_background", "flag_background", "historical_cue"]
