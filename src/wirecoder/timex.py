"""When: the event's date, from the words of its own clause, anchored on the publication date.

"on Tuesday" in a story published Wednesday 2015-10-21 is 2015-10-20, not the day
the story ran. Relative expressions (weekdays, yesterday, last week, earlier this
month, last year) are resolved here; absolute ones ("Oct. 1", "1 October 2015")
go to dateparser, anchored on the publication date so a year-less date lands in
the right year. Durations ("for more than a year") name no single day and are
left undated. `date_text` always keeps the words the date came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .pipeline import Analysis, Resources

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}  # fmt: skip
DURATION = re.compile(
    r"^(for|over|during|throughout|within|in the (past|last|next)|the (past|last|next)|past|nearly|almost|"
    r"more than|less than|about|some|several|many|recent)\b|\b(years?|months?|weeks?|days?|hours?|decades?)\s+(ago\s+)?(long|old)\b",
    re.I,
)
PERIOD_ONLY = re.compile(
    r"^(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year|decade)s?$",
    re.I,
)


@dataclass(frozen=True)
class DateValue:
    date: str  # ISO date (first day of the period for weeks, months and years)
    precision: str  # day | week | month | year
    text: str


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def resolve_date(expr: str, anchor: date | None, future: bool = False) -> DateValue | None:
    """Normalise one date expression against the publication date (None when it names no day)."""
    text = " ".join(expr.split())
    low = text.lower().strip(" ,.")
    low = re.sub(r"^(on|in|at|since|by|from|until|earlier|later|late|early)\s+", "", low)
    low = re.sub(r"^(earlier|later)\s+", "", low)
    if (
        not low
        or (DURATION.search(text) and not re.search(r"\bago\b", low))
        or PERIOD_ONLY.match(low)
    ):
        return None
    if anchor is None:
        m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
        if m and re.fullmatch(r"(in\s+)?(1[89]\d\d|20\d\d)", low):
            return DateValue(f"{m.group(1)}-01-01", "year", text)
        return _absolute(text, None)
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight", "now"):
        return DateValue(anchor.isoformat(), "day", text)
    if low in (
        "yesterday",
        "last night",
        "yesterday morning",
        "yesterday evening",
        "yesterday afternoon",
    ):
        return DateValue((anchor - timedelta(days=1)).isoformat(), "day", text)
    if low in ("tomorrow", "tomorrow morning"):
        return DateValue((anchor + timedelta(days=1)).isoformat(), "day", text)
    m = re.fullmatch(r"(\w+) (days?|weeks?|months?|years?) ago", low)
    if m:
        n = _number(m.group(1))
        if n is not None:
            unit = m.group(2).rstrip("s")
            if unit == "day":
                return DateValue((anchor - timedelta(days=n)).isoformat(), "day", text)
            if unit == "week":
                return DateValue(_monday(anchor - timedelta(weeks=n)).isoformat(), "week", text)
            if unit == "month":
                y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
                return DateValue(date(y, mo + 1, 1).isoformat(), "month", text)
            return DateValue(date(anchor.year - n, 1, 1).isoformat(), "year", text)
    # weekdays: "Tuesday", "last Tuesday", "on Tuesday night", "next Friday"
    m = re.fullmatch(
        r"(last |next |this |this past |past )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
        r"( (morning|afternoon|evening|night))?",
        low,
    )
    if m:
        wd = WEEKDAYS.index(m.group(2))
        lead = (m.group(1) or "").strip()
        if lead == "next" or (future and lead != "last"):
            delta = (wd - anchor.weekday()) % 7 or 7
            return DateValue((anchor + timedelta(days=delta)).isoformat(), "day", text)
        delta = (anchor.weekday() - wd) % 7
        if lead == "last" and delta == 0:
            delta = 7
        return DateValue((anchor - timedelta(days=delta)).isoformat(), "day", text)
    if low in (
        "last week",
        "the previous week",
        "the week before",
        "a week ago",
        "past week",
        "the past week",
    ):
        return DateValue(_monday(anchor - timedelta(weeks=1)).isoformat(), "week", text)
    if low in ("this week", "earlier this week", "later this week"):
        return DateValue(_monday(anchor).isoformat(), "week", text)
    if low in ("next week",):
        return DateValue(_monday(anchor + timedelta(weeks=1)).isoformat(), "week", text)
    if low in ("this month", "earlier this month", "later this month", "the month"):
        return DateValue(anchor.replace(day=1).isoformat(), "month", text)
    if low in ("last month", "the previous month", "past month"):
        first = anchor.replace(day=1) - timedelta(days=1)
        return DateValue(first.replace(day=1).isoformat(), "month", text)
    if low in ("next month",):
        nxt = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        return DateValue(nxt.isoformat(), "month", text)
    if low in ("this year", "earlier this year", "later this year"):
        return DateValue(date(anchor.year, 1, 1).isoformat(), "year", text)
    if low in ("last year", "the previous year", "past year"):
        return DateValue(date(anchor.year - 1, 1, 1).isoformat(), "year", text)
    if low in ("next year",):
        return DateValue(date(anchor.year + 1, 1, 1).isoformat(), "year", text)
    m = re.fullmatch(
        r"(last |this |next )?(january|february|march|april|may|june|july|august|september|october|november|december)"
        r"( (\d{4}))?",
        low,
    )
    if m:
        mo = MONTHS[m.group(2)]
        if m.group(4):
            return DateValue(date(int(m.group(4)), mo, 1).isoformat(), "month", text)
        year = anchor.year
        lead = (m.group(1) or "").strip()
        if lead == "next" or (future and mo < anchor.month):
            year += 1 if mo <= anchor.month or lead == "next" else 0
        elif mo > anchor.month or (lead == "last" and mo >= anchor.month):
            year -= 1
        return DateValue(date(year, mo, 1).isoformat(), "month", text)
    if re.fullmatch(r"(in )?(1[89]\d\d|20\d\d)", low):
        return DateValue(f"{low[-4:]}-01-01", "year", text)
    return _absolute(text, anchor, future)


def _number(word: str) -> int | None:
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
    if word.isdigit():
        return int(word)
    return words.get(word)


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser

    return dateparser


def _absolute(text: str, anchor: date | None, future: bool = False) -> DateValue | None:
    """Day-precise dates ("Oct. 1", "October 1, 2015", "1/10/2015") via dateparser."""
    if not re.search(r"\d", text):
        return None
    from datetime import datetime

    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
        settings["PREFER_DATES_FROM"] = "future" if future else "past"
    cleaned = re.sub(r"^(on|in|at|since|by|from|until)\s+", "", text.strip(" ,."), flags=re.I)
    try:
        parsed = _dateparser().parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    d = parsed.date()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", cleaned)) and not re.fullmatch(
        r"\d{4}", cleaned
    )
    if not has_day:
        return DateValue(d.replace(day=1).isoformat(), "month", text)
    return DateValue(d.isoformat(), "day", text)


def _date_entities(sent: SpacySpan) -> list[SpacySpan]:
    return [e for e in sent.ents if e.label_ in ("DATE", "TIME")]


def _attaches_to(ent: SpacySpan, tok: Token) -> int:
    """How many steps up from the trigger to the clause the date belongs to (-1: not at all)."""
    anchor = ent.root
    gov = anchor
    for _ in range(4):  # "on Tuesday" -> prep -> verb
        if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
            break
        gov = gov.head
    cur = tok
    for steps in range(8):
        if cur.i == gov.i:
            return steps
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return -1


def event_date(tok: Token, anchor: date | None, future: bool = False) -> DateValue | None:
    """The date written in the trigger's own clause or a clause above it (nearest first)."""
    best: tuple[int, DateValue] | None = None
    for ent in _date_entities(tok.sent):
        steps = _attaches_to(ent, tok)
        if steps < 0:
            continue
        value = resolve_date(ent.text, anchor, future and steps == 0)
        if value is None:
            continue
        if best is None or steps < best[0]:
            best = (steps, value)
    return best[1] if best else None


class TimeStage:
    """Dates each event from its own words, anchored on the publication date."""

    name = "time"
    requires = ("candidates",)
    assigns = ("candidates.date",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        anchor = date.fromisoformat(analysis.article.date) if analysis.article.date else None
        for cand in analysis.candidates:
            value = event_date(doc[cand.trigger], anchor, future=cand.status == "future")
            if value is not None:
                cand.date, cand.date_text, cand.date_precision = (
                    value.date,
                    value.text,
                    value.precision,
                )
            elif anchor is not None:
                cand.date, cand.date_precision = anchor.isoformat(), "publication"


__all__ = ["DateValue", "TimeStage", "event_date", "resolve_date"]
