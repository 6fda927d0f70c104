"""When: the event's date, from the words of its own clause, anchored on the publication date.

"on Tuesday" in a story published Wednesday 2015-10-21 is 2015-10-20, not the day
the story ran. Relative expressions (weekdays, yesterday, last week, earlier this
month, last year) are resolved here; absolute ones ("Oct. 1", "1 October 2015")
go to dateparser, anchored on the publication date so a year-less date lands in
the right year. Durations ("for more than a year"), boundaries ("since Oct. 1",
"until Friday"), decades and times of day name no single day and are left undated.
`date_text` always keeps the words the date came from, as written.

Which clause a date belongs to, and so which event it dates, is `eventdate`'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}  # fmt: skip
DURATION = re.compile(
    r"^(for|over|during|throughout|within|in the (past|last|next)|the (past|last|next)|"
    r"past(?! (monday|tuesday|wednesday|thursday|friday|saturday|sunday))|nearly|almost|"
    r"more than|less than|about|some|several|many|recent)\b|\b(years?|months?|weeks?|days?|hours?|decades?)\s+(ago\s+)?(long|old)\b",
    re.I,
)
#: a number alone, which the tagger may take for a date: an age ("Smith, 23,"), a share
BARE_NUMBER = re.compile(r"\d{1,3}")
#: a length written as one word: "a 15-year veteran", "a 24-hour strike", "two-year-old"
MEASURE = re.compile(r"(an? )?[\w.]+-(year|month|week|day|hour|minute|second)s?(-old|-long)?", re.I)
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


_LEAD = re.compile(
    r"^(on|in|at|during|from|of|late|early|earlier|later|mid|around|about|the|as of)[\s-]+", re.I
)
#: words before a date that make it a boundary, not the event's day ("since Oct. 1")
BOUNDARY = {"since", "until", "till", "by", "before", "after", "through", "throughout", "between"}
_WEEKDAY = re.compile(
    r"(last |next |this |this past |past |this coming |coming )?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"( (morning|afternoon|evening|night|overnight))?"
)


def latest_year(text: str) -> int | None:
    """The latest year an undated article names ("in 2016"): the nearest it says to its own
    time (a year to come it names is seldom later than the next)."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
#: a date that names its month, but no year and nothing relative ("on January 13")
_MONTH_NAMED = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(last|next|this|coming|past|previous|ago|yesterday|today)\b", re.I)


def resolve_date(
    expr: str,
    anchor: date | None,
    future: bool | None = False,
    prep: str | None = None,
    floor: date | None = None,
) -> DateValue | None:
    """Normalise one date expression against the publication date (None when it names no day).

    `future` says the clause speaks of what is still to come ("will meet on Friday": the
    coming Friday), False that it tells the past, None that its tense says neither (a date
    without a year is then the nearest one); `prep` is the preposition before the expression,
    when the parser left it outside ("since Oct. 1" is where a period starts, not the day of
    the event). "From October 2012 to October 2013" is a span: its start, precision `span`.
    `floor`: without a publication date, the earliest day the article's own news can be on
    (`storydate.undated_floor`): a date that names its month but no year is its first
    occurrence from there ("on January 13" in an incident report that names 2017); nothing
    relative is resolved against it.
    """
    text = " ".join(expr.split())
    span = _span(text, anchor, prep)
    if span is not None:
        return span
    low = text.lower().strip(" ,.")
    first = low.split(" ", 1)[0] if low else ""
    if (prep or "").lower() in BOUNDARY or first in BOUNDARY:
        return None
    if not low or (DURATION.search(text) and not re.search(r"\bago\b", low)):
        return None
    prev = None
    while prev != low:  # "late on Sunday", "early in the morning of Tuesday"
        prev = low
        low = _LEAD.sub("", low).strip()
    if not low or PERIOD_ONLY.match(low) or re.fullmatch(r"(\d{4}s|\d0s|'\d0s)", low):
        return None  # "two weeks", "the 1990s"
    if BARE_NUMBER.fullmatch(low) or MEASURE.fullmatch(low):
        return None  # a number alone names no day, nor a length ("a 15-year veteran")
    if anchor is None:
        if re.fullmatch(r"(1[89]\d\d|20\d\d)", low):
            return DateValue(f"{low}-01-01", "year", text)
        if not re.search(r"\b(1[89]\d\d|20\d\d)\b", low):
            if floor is not None and _MONTH_NAMED.search(low) and not _RELATIVE.search(low):
                return resolve_date(expr, floor, True, prep)
            return None  # "Nov. 10" with no publication date: no year to put it in
        return _absolute(text, None)
    if low in ("today", "this morning", "this afternoon", "this evening", "tonight", "now",
               "earlier today", "later today", "earlier in the day"):  # fmt: skip
        return DateValue(anchor.isoformat(), "day", text)
    if low in ("yesterday", "last night", "yesterday morning", "yesterday evening",
               "yesterday afternoon", "day before", "previous day", "overnight", "last evening"):  # fmt: skip
        return DateValue((anchor - timedelta(days=1)).isoformat(), "day", text)
    if low in ("tomorrow", "tomorrow morning", "tomorrow evening", "tomorrow night"):
        return DateValue((anchor + timedelta(days=1)).isoformat(), "day", text)
    if low in ("day before yesterday",):
        return DateValue((anchor - timedelta(days=2)).isoformat(), "day", text)
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
    # weekdays: "Tuesday", "last Tuesday", "Tuesday night", "next Friday", "this Friday"
    m = _WEEKDAY.fullmatch(low)
    if m:
        return DateValue(
            _weekday(anchor, WEEKDAYS.index(m.group(2)), m.group(1), bool(future)), "day", text
        )
    if low in ("last week", "previous week", "week before", "a week ago", "past week"):
        return DateValue(_monday(anchor - timedelta(weeks=1)).isoformat(), "week", text)
    if low in ("this week", "earlier this week", "later this week", "week"):
        return DateValue(_monday(anchor).isoformat(), "week", text)
    if low in ("next week", "coming week", "following week"):
        return DateValue(_monday(anchor + timedelta(weeks=1)).isoformat(), "week", text)
    if low in ("this month", "earlier this month", "later this month", "month"):
        return DateValue(anchor.replace(day=1).isoformat(), "month", text)
    if low in ("last month", "previous month", "past month"):
        first_day = anchor.replace(day=1) - timedelta(days=1)
        return DateValue(first_day.replace(day=1).isoformat(), "month", text)
    if low in ("next month", "coming month"):
        nxt = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        return DateValue(nxt.isoformat(), "month", text)
    if low in ("this year", "earlier this year", "later this year", "year"):
        return DateValue(date(anchor.year, 1, 1).isoformat(), "year", text)
    if low in ("last year", "previous year", "past year"):
        return DateValue(date(anchor.year - 1, 1, 1).isoformat(), "year", text)
    if low in ("next year", "coming year"):
        return DateValue(date(anchor.year + 1, 1, 1).isoformat(), "year", text)
    m = re.fullmatch(
        r"(last |this |next )?(january|february|march|april|may|june|july|august|september|october|november|december)"
        r"(,? (\d{4}))?",
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
        elif (mo > anchor.month and not (future and lead != "last")) or (
            lead == "last" and mo >= anchor.month
        ):
            year -= 1  # (a month still to come this year is this year's: "will vote in March")
        return DateValue(date(year, mo, 1).isoformat(), "month", text)
    if re.fullmatch(r"(1[89]\d\d|20\d\d)", low):
        return DateValue(f"{low}-01-01", "year", text)
    return _absolute(text, anchor, future)


def _weekday(anchor: date, wd: int, lead: str | None, future: bool) -> str:
    """The day a weekday name points at, seen from the publication date.

    News names the days of the week around the story: a bare weekday is the last one on
    or before the publication day, or the next one on or after it when the clause speaks of
    the future. The publication's own weekday is the publication day (AP style writes
    "Wednesday" for "today"); "last" and "next" step a full week from it.
    """
    lead = (lead or "").strip()
    ahead = (wd - anchor.weekday()) % 7
    behind = (anchor.weekday() - wd) % 7
    if lead == "next":
        return (anchor + timedelta(days=ahead or 7)).isoformat()
    if lead in ("this coming", "coming"):
        return (anchor + timedelta(days=ahead)).isoformat()
    if lead in ("last", "this past", "past"):
        return (anchor - timedelta(days=behind or 7)).isoformat()
    if lead == "this":  # the day of the current week, Monday to Sunday
        return (_monday(anchor) + timedelta(days=wd)).isoformat()
    if future:
        return (anchor + timedelta(days=ahead)).isoformat()
    return (anchor - timedelta(days=behind)).isoformat()


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


def _absolute(text: str, anchor: date | None, future: bool | None = False) -> DateValue | None:
    """Day-precise dates ("Oct. 1", "October 1, 2015", "1/10/2015") via dateparser.

    A date written without its year is put in the year around the publication date that its
    weekday fits ("Thursday, Nov. 10"), else the coming one for the future, the last one for
    the past, and the nearest when the tense says neither ("is to be sentenced Nov. 8" in a
    September story is this November, not last).
    """
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
    # "April 21 and 22", "21-22 April": a span of days starts on its first
    cleaned = re.sub(
        r"(?<![\d/.-])\b(\d{1,2})(st|nd|rd|th)?\s*(?:and|-|–|to|through)\s*\d{1,2}(st|nd|rd|th)?\b(?![/.-]\d)",
        r"\1",
        cleaned,
        flags=re.I,
    )
    cleaned = re.sub(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", r"\1/\2/\3", cleaned)
    try:
        parsed = _dateparser().parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    d = parsed.date()
    has_year = bool(re.search(r"\b\d{4}\b", cleaned))
    if anchor is not None and not has_year:
        if abs(d.year - anchor.year) > 1:
            return None  # a year read from a day number ("April 21 and 22" as the year 22)
        d = _year_for(d, anchor, future, _named_weekday(cleaned))
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", cleaned)) and not re.fullmatch(
        r"\d{4}", cleaned
    )
    if not has_day:
        return DateValue(d.replace(day=1).isoformat(), "month", text)
    return DateValue(d.isoformat(), "day", text)


def _named_weekday(text: str) -> int | None:
    m = re.search(r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?", text, re.I)
    if m is None:
        return None
    return [w[:3] for w in WEEKDAYS].index(m.group(1).lower()[:3])


def _year_for(d: date, anchor: date, future: bool | None, weekday: int | None) -> date:
    """The year a year-less day falls in, seen from the publication date (see `_absolute`)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(d.replace(year=year))
        except ValueError:  # 29 February
            continue
    fits = [o for o in options if weekday is not None and o.weekday() == weekday]
    if len(fits) == 1:
        return fits[0]
    ahead = [o for o in options if o >= anchor]
    behind = [o for o in options if o <= anchor]
    if future and ahead:
        return ahead[0]
    if future is False and behind:
        return behind[-1]
    return min(options, key=lambda o: (abs((o - anchor).days), o > anchor))


#: "from October 2012 to October 2013", "between 2010 and 2014": both ends written in full
_SPAN = re.compile(
    r"^(?:(from|between)\s+)?(?P<a>.+?)\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b|-|–)\s*(?P<b>.+)$",
    re.I,
)
_MONTH_OR_YEAR = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+\d{4})?|\d{4})$",
    re.I,
)


def _span(text: str, anchor: date | None, prep: str | None) -> DateValue | None:
    """A period written with both its ends: dated by its start, precision `span`."""
    m = _SPAN.match(text.strip(" ,."))
    if m is None:
        return None
    lead = (m.group(1) or prep or "").lower()
    if "and" in text.lower().split() and lead != "between":
        return None  # "April 21 and 22"
    a, b = m.group("a").strip(" ,"), m.group("b").strip(" ,.")
    if not (_MONTH_OR_YEAR.match(a) and _MONTH_OR_YEAR.match(b)):
        return None
    year = re.search(r"\b\d{4}\b", b)
    if not re.search(r"\b\d{4}\b", a) and year:
        a = f"{a} {year.group(0)}"  # "from October to December 2013"
    start = resolve_date(a, anchor, False)
    if start is None:
        return None
    return DateValue(start.date, "span", text)


__all__ = ["BOUNDARY", "DateValue", "resolve_date"]
