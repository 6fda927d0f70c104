"""The story's own dates: a dateline standing in for a missing publication date, and the day
the story gives its news, for events whose clause names none.

A careful coder dates an event from its own clause first (`eventdate.event_date`). When the
clause names no date, the story usually does: "Riots ... engulfed Athens on Wednesday" in the
lede dates "tear gas drifted ... as rioters hurled stones" two sentences on, and the headline
over it. The story's first such day is the `narrative` date; only when the story gives none does the
event take the publication date (precision `publication`). An event that is a thing said (an
accusation, a demand, a promise) takes the story's first day, a saying's day included
("Schiff told Capital Download on Wednesday"), whatever its status: "would support" is said
on a day, though what it promises is to come. An event whose clause has a date
expression that names no single day ("for more than a year", "since Oct. 1") keeps the
publication date: its words say it is no one day's event.

Articles without a publication date often carry one in a dateline ("FEB. 4, 2009",
"Updated 5 / 5 / 2010 1:41 PM", "FOR IMMEDIATE RELEASE July 13, 2009", "Date Published:
Tuesday, November 15,2011" at the foot): it anchors the relative dates ("on Wednesday") as a
publication date would. Set apart from the prose, it dates the page, never an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .eventdate import (
    _CLOCK,
    SPEECH,
    _date_entities,
    _future_clause,
    _governor,
    _preposition,
    event_date,
    on_path,
)
from .timex import MONTHS, DateValue, latest_year, resolve_date

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .analysis import Analysis, Resources

#: how far into the body a dateline may stand (characters)
DATELINE_WINDOW = 300
#: statuses of events that happened (or did not) on the story's day
TOLD = {"asserted", "negated"}
#: PLOVER types whose event is a thing said: the day the story's words were said dates them
VERBAL = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}

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


#: "5 / 5 / 10" with a two-digit year: a date only after a label ("First Posted: 10 / 25 / 11")
_US_SHORT = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{2})\b(?!\s*/)")
#: words that say a page date follows ("Date Published:", "First Posted:", "Updated")
_LABEL = re.compile(
    r"\b(date\s+published|published(\s+on)?|first\s+posted|posted(\s+on)?|last\s+updated|"
    r"updated(\s+on)?|release\s+date|for\s+immediate\s+release|dated)\s*:?\s*$",
    re.I,
)
_WEEKDAY_BEFORE = re.compile(
    r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*$|\b(mon|tue|wed|thu|fri|sat|sun)\.?,?\s*$",
    re.I,
)
_CLOCK_NEXT = re.compile(r"^\s*\d{1,2}[:.]\d\d\b")


@dataclass(frozen=True)
class Stamp:
    """A date the page carries (a dateline, a "Date Published:" line): the day and its span.

    `apart` says it stands apart from the prose (after a label, before a clock time, on a
    line of its own or between two sentences): it dates the page, never an event.
    """

    day: date
    start: int
    end: int
    apart: bool


def _parse(m: re.Match[str], kind: str) -> date | None:
    try:
        if kind == "mdy":
            return date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        if kind == "dmy":
            return date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        if kind == "iso":
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if kind == "us2":
            year += 2000 if year < 50 else 1900
        month, day = (a, b) if a <= 12 else (b, a)
        return date(year, month, day)
    except (ValueError, StopIteration):
        return None


def _dates_in(text: str, start: int, end: int, short: bool = False) -> list[tuple[int, int, date]]:
    """Every full date written between `start` and `end`, in text order."""
    found = []
    patterns = [*_DATELINES, (_US_SHORT, "us2")] if short else list(_DATELINES)
    for pattern, kind in patterns:
        for m in pattern.finditer(text, start, end):
            d = _parse(m, kind)
            if d is not None:
                found.append((m.start(), m.end(), d))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[tuple[int, int, date]] = []
    for f in found:  # "5 / 5 / 2010" is not also "5 / 5 / 20"
        if not out or f[0] >= out[-1][1]:
            out.append(f)
    return out


def _before(text: str, start: int) -> str:
    """The words before a date, without a weekday that opens it ("Tuesday, November 15")."""
    head = text[max(0, start - 60) : start]
    return _WEEKDAY_BEFORE.sub("", head)


def page_stamp(text: str, headline_end: int = -1) -> Stamp | None:
    """The page's own date: a labelled one anywhere ("Date Published: Tuesday, November
    15,2011" at the foot, "First Posted: 10 / 25 / 11"), else the first full date near the
    top of the body (a dateline), else one in the headline ("... DA SAYS SEPTEMBER 19,2013")."""
    for s, e, d in _dates_in(text, 0, len(text), short=True):
        if _LABEL.search(_before(text, s)):
            return Stamp(d, s, e, True)
    body = headline_end + 1 if headline_end >= 0 else 0
    found = _dates_in(text, body, body + DATELINE_WINDOW)
    if not found and headline_end > 0:
        found = _dates_in(text, 0, headline_end)[-1:]
    if not found:
        return None
    s, e, d = found[0]
    before = _before(text, s).rstrip(" \t")
    apart = bool(_CLOCK_NEXT.match(text[e : e + 12])) or not before or before[-1] in ".!?\n"
    return Stamp(d, s, e, apart)


def dateline(text: str, headline_end: int = -1) -> date | None:
    """The page's own date (see `page_stamp`), which anchors an article without one."""
    stamp = page_stamp(text, headline_end)
    return stamp.day if stamp else None


def narrative_date(
    doc: Doc,
    anchor: date | None,
    headline_end: int = -1,
    text: str | None = None,
    skip: tuple[int, int] | None = None,
    saying: bool = False,
) -> tuple[DateValue, int] | None:
    """The day the story gives its news, and the sentence it is in.

    The first day-precise date of the body that dates a happening, not a saying ("a police
    sergeant said Wednesday") nor something still to come, and is not after the publication
    date. (Only the lede's first three sentences: real-news train 0.727, dev 0.429; the whole
    body: 0.818 and 0.571.) With `saying`, a saying counts too ("Schiff told Capital Download
    on Wednesday"): the story's first day, for an event that is a thing said. (An undated
    article's `undated_floor` is not used here: a story's first day guessed from the latest
    year it names dated ECB+ pages years off and kept their reports apart in clusters.)
    """
    body = [s for s in doc.sents if s.start_char > headline_end and s.text.strip()]
    for sent in body:
        for ent in _date_entities(sent, skip):
            if _CLOCK.match(ent.text.strip()):
                continue
            gov = _governor(ent)
            if gov.lemma_.lower() in SPEECH and not saying:
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


def undated_floor(doc: Doc | None, text: str) -> date | None:
    """The earliest day an undated article's own news can be on: its latest year (the latest
    it names), from the last day it writes out in full in that year for a thing done, not to
    come ("first franchise attack that occurred on December 23, 2011" puts "on January 31"
    in 2012), else from that year's first day. Reports write the year of what is past and
    leave it out of what is current."""
    year = latest_year(text)
    if year is None:
        return None
    floor = date(year, 1, 1)
    if doc is None:
        return floor
    for ent in doc.ents:
        if ent.label_ != "DATE" or str(year) not in ent.text:
            continue
        value = resolve_date(ent.text, None)
        if value is None or value.precision != "day" or _future_clause(_governor(ent)):
            continue
        day = date.fromisoformat(value.date)
        if day.year == year and day > floor:
            floor = day
    return floor


@dataclass(frozen=True)
class _Page:
    """What dates an article as a whole: its anchor, its page date line, its headline's end."""

    anchor: date | None
    skip: tuple[int, int] | None
    headline_end: int
    floor: date | None = None  # without an anchor: `undated_floor`


def _page(analysis: Analysis) -> _Page:
    text = analysis.article.text
    headline_end = text.find("\n") if analysis.article.title else -1
    stamp = page_stamp(text, headline_end)
    skip = (stamp.start, stamp.end) if stamp is not None and stamp.apart else None
    if analysis.article.date:
        anchor: date | None = date.fromisoformat(analysis.article.date)
    else:
        anchor = stamp.day if stamp is not None else None
    floor = undated_floor(analysis.doc, text) if anchor is None else None
    return _Page(anchor, skip, headline_end, floor)


def page_anchor(analysis: Analysis) -> date | None:
    """What dates the article as a whole: its publication date, else its page's date line."""
    return _page(analysis).anchor


#: precisions that do not come from the event's own words
FROM_STORY = (None, "narrative", "publication")


def date_from_story(analysis: Analysis, page: _Page | None = None) -> None:
    """Date each candidate whose own words name no day from the story, else the publication.

    Run again once the learned decision has retyped candidates: a thing said is dated by the
    story's first day of a saying too, a deed only by a day something was done.
    """
    doc = analysis.doc
    assert doc is not None
    page = page or _page(analysis)
    text = analysis.article.text
    stories: dict[bool, tuple[DateValue, int] | None] = {}

    def story(saying: bool) -> tuple[DateValue, int] | None:
        if saying not in stories:
            stories[saying] = narrative_date(
                doc, page.anchor, page.headline_end, text, page.skip, saying
            )
        return stories[saying]

    for cand in analysis.candidates:
        if cand.date_precision not in FROM_STORY:
            continue
        cand.date = cand.date_text = cand.date_precision = None
        tok = doc[cand.trigger]
        said = cand.event_type in VERBAL
        if (said or cand.status in TOLD) and not on_path(tok, page.skip):
            # a thing said takes the story's first day, said or done; a deed, the first
            # day something was done
            found = [f for f in (story(said), story(False)) if f and f[1] != tok.sent.start_char]
            if found:
                cand.date, cand.date_text, cand.date_precision = (
                    found[0][0].date,
                    found[0][0].text,
                    "narrative",
                )
                continue
        if page.anchor is not None:
            cand.date, cand.date_precision = page.anchor.isoformat(), "publication"


class TimeStage:
    """Dates each event from its own words, else the story's day, else the publication date."""

    name = "time"
    requires = ("candidates",)
    assigns = ("candidates.date",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        text = analysis.article.text
        page = _page(analysis)
        for cand in analysis.candidates:
            value = event_date(
                doc[cand.trigger],
                page.anchor,
                cand.status == "future",
                text,
                page.headline_end,
                page.skip,
                page.floor,
            )
            if value is None:
                cand.date = cand.date_text = cand.date_precision = None
            else:
                cand.date, cand.date_text, cand.date_precision = (
                    value.date,
                    value.text,
                    value.precision,
                )
        date_from_story(analysis, page)


__all__ = [
    "Stamp",
    "TimeStage",
    "date_from_story",
    "dateline",
    "narrative_date",
    "page_anchor",
    "page_stamp",
]
