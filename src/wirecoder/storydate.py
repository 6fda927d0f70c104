"""The story's own dates: a dateline standing in for a missing publication date, and the day
the story gives its news, for events whose clause names none.

A careful coder dates an event from its own clause first (`timex.event_date`). When the
clause names no date, the story usually does: "Riots ... engulfed Athens on Wednesday" in the
lede dates "tear gas drifted ... as rioters hurled stones" two sentences on, and the headline
over it. The story's first such day is the `narrative` date; only when the story gives none does the
event take the publication date (precision `publication`). An event whose clause has a date
expression that names no single day ("for more than a year", "since Oct. 1") keeps the
publication date: its words say it is no one day's event.

Articles without a publication date often carry one in a dateline ("FEB. 4, 2009",
"Updated 5 / 5 / 2010 1:41 PM", "FOR IMMEDIATE RELEASE July 13, 2009"): it anchors the
relative dates ("on Wednesday") as a publication date would.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .timex import (
    _CLOCK,
    MONTHS,
    SPEECH,
    DateValue,
    _date_entities,
    _future_clause,
    _governor,
    _preposition,
    event_date,
    on_path,
    resolve_date,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .analysis import Analysis, Resources

#: how far into the body a dateline may stand (characters)
DATELINE_WINDOW = 300
#: statuses of events that happened (or did not) on the story's day
TOLD = {"asserted", "negated"}

_MON = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINES = (
    # "July 13, 2009", "FEB. 4,2009", "Friday, June 24,2005"
    (re.compile(_MON + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b", re.I), "mdy"),
    # "13 July 2009"
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+(\d{4})\b", re.I), "dmy"),
    # "2009-07-13"
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
    # "5 / 5 / 2010", "7/13/2009" (month first)
    (re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b"), "us"),
)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(n for m, n in MONTHS.items() if m.startswith(word[:3]))


def dateline(text: str, headline_end: int = -1) -> date | None:
    """The first full date near the top of the body (a dateline), or None."""
    start = headline_end + 1 if headline_end >= 0 else 0
    window = text[start : start + DATELINE_WINDOW]
    found: list[tuple[int, date]] = []
    for pattern, kind in _DATELINES:
        m = pattern.search(window)
        if m is None:
            continue
        try:
            if kind == "mdy":
                d = date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
            elif kind == "dmy":
                d = date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
            elif kind == "iso":
                d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            else:
                a, b = int(m.group(1)), int(m.group(2))
                month, day = (a, b) if a <= 12 else (b, a)
                d = date(int(m.group(3)), month, day)
        except (ValueError, StopIteration):
            continue
        found.append((m.start(), d))
    return min(found)[1] if found else None


def narrative_date(
    doc: Doc, anchor: date | None, headline_end: int = -1, text: str | None = None
) -> tuple[DateValue, int] | None:
    """The day the story gives its news, and the sentence it is in.

    The first day-precise date of the body that dates a happening, not a saying ("a police
    sergeant said Wednesday") nor something still to come, and is not after the publication
    date. (Only the lede's first three sentences: real-news train 0.727, dev 0.429; the whole
    body: 0.818 and 0.571.)
    """
    body = [s for s in doc.sents if s.start_char > headline_end and s.text.strip()]
    for sent in body:
        for ent in _date_entities(sent):
            if _CLOCK.match(ent.text.strip()):
                continue
            gov = _governor(ent)
            if gov.lemma_.lower() in SPEECH:
                continue
            tense = _future_clause(gov)
            if tense:
                continue
            value = resolve_date(ent.text, anchor, tense, _preposition(ent))
            if value is None or value.precision != "day":
                continue
            if anchor is not None and value.date > anchor.isoformat():
                continue
            if text is not None:
                value = DateValue(value.date, value.precision, text[ent.start_char : ent.end_char])
            return value, sent.start_char
    return None


class TimeStage:
    """Dates each event from its own words, else the story's day, else the publication date."""

    name = "time"
    requires = ("candidates",)
    assigns = ("candidates.date",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        text = analysis.article.text
        headline_end = text.find("\n") if analysis.article.title else -1
        if analysis.article.date:
            anchor: date | None = date.fromisoformat(analysis.article.date)
        else:
            anchor = dateline(text, headline_end)
        story: tuple[DateValue, int] | None = None
        story_done = False
        for cand in analysis.candidates:
            tok = doc[cand.trigger]
            value = event_date(tok, anchor, cand.status == "future", text, headline_end)
            if value is not None:
                cand.date, cand.date_text, cand.date_precision = (
                    value.date,
                    value.text,
                    value.precision,
                )
                continue
            if cand.status in TOLD and not on_path(tok):
                if not story_done:
                    story, story_done = narrative_date(doc, anchor, headline_end, text), True
                if story is not None and story[1] != tok.sent.start_char:
                    cand.date, cand.date_text, cand.date_precision = (
                        story[0].date,
                        story[0].text,
                        "narrative",
                    )
                    continue
            if anchor is not None:
                cand.date, cand.date_precision = anchor.isoformat(), "publication"


__all__ = ["TimeStage", "dateline", "narrative_date"]
