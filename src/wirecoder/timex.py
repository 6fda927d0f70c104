"""When: the event's date, from the words of its own clause, anchored on the publication date.

"on Tuesday" in a story published Wednesday 2015-10-21 is 2015-10-20, not the day
the story ran. Relative expressions (weekdays, yesterday, last week, earlier this
month, last year) are resolved here; absolute ones ("Oct. 1", "1 October 2015")
go to dateparser, anchored on the publication date so a year-less date lands in
the right year. Durations ("for more than a year"), boundaries ("since Oct. 1",
"until Friday"), decades and times of day name no single day and are left undated.
`date_text` always keeps the words the date came from, as written.

A date belongs to the clause it modifies: the event's own clause first, then the
clauses above it. A date on a speech verb ("police said on Tuesday that ...") dates
the report; it dates the reported event only when nothing nearer does, and not when
the report puts the event before the saying ("had attacked"). The tense of the
date's clause says whether a weekday is the coming or the last one ("will meet on
Friday", "met on Monday"); headlines tell the past in the present tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .nlp import span_ents

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

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


def resolve_date(
    expr: str, anchor: date | None, future: bool | None = False, prep: str | None = None
) -> DateValue | None:
    """Normalise one date expression against the publication date (None when it names no day).

    `future` says the clause speaks of what is still to come ("will meet on Friday": the
    coming Friday), False that it tells the past, None that its tense says neither (a date
    without a year is then the nearest one); `prep` is the preposition before the expression,
    when the parser left it outside ("since Oct. 1" is where a period starts, not the day of
    the event). "From October 2012 to October 2013" is a span: its start, precision `span`.
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
        elif mo > anchor.month or (lead == "last" and mo >= anchor.month):
            year -= 1
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


_CLOCK_AFTER = {"gmt", "utc", "hours", "hrs", "hr", "ist", "pst", "est", "cet"}


_OPEN_TITLE = re.compile(r"(?:“|\"|''|‘)((?:[A-Z][\w.'’-]*\s+){0,5})$")
_CLOSE_TITLE = re.compile(r"^[,.!?]?\s*(?:”|\"|''|’)")


def _in_title(e: SpacySpan) -> bool:
    """A date word inside a quoted title: a show ('ABC's “This Week”', '“Fox News Sunday”')."""
    doc = e.doc  # a few tokens either side (doc.text would copy the whole article)
    before = _OPEN_TITLE.search(doc[max(0, e.start - 8) : e.start].text_with_ws)
    return (
        before is not None
        and e.text[:1].isupper()
        and _CLOSE_TITLE.match(doc[e.end : e.end + 3].text) is not None
    )


def _date_entities(sent: SpacySpan, skip: tuple[int, int] | None = None) -> list[SpacySpan]:
    """DATE and TIME entities, but no clock time read as a year ("1750 GMT"), number alone
    ("Subryan, 23,"), length ("a 15-year veteran"), quoted title ('“Fox News Sunday”') nor
    the page's own date line (`skip`: it dates the page, no event)."""
    out = []
    for e in span_ents(sent):
        if e.label_ not in ("DATE", "TIME") or BARE_NUMBER.fullmatch(e.text.strip()):
            continue
        if MEASURE.fullmatch(_LEAD.sub("", e.text.strip())):
            continue  # a length that describes a thing ("a 15-year veteran"), no time of it
        if skip is not None and e.start_char < skip[1] and skip[0] < e.end_char:
            continue
        if _in_title(e):
            continue
        nxt = e.doc[e.end] if e.end < len(e.doc) else None
        if (
            re.fullmatch(r"[0-2]\d[0-5]\d", e.text)
            and nxt is not None
            and nxt.lower_ in _CLOCK_AFTER
        ):
            continue
        out.append(e)
    return out


#: verbs of saying: a date on them is the day of the saying
SPEECH = {
    "say", "tell", "report", "state", "add", "note", "claim", "announce", "insist", "confirm",
    "reveal", "declare", "write", "explain", "stress", "assert", "allege", "argue", "warn",
    "acknowledge", "admit", "deny", "quote", "cite", "disclose", "indicate", "tweet", "post",
}  # fmt: skip
_CLOCK = re.compile(
    r"^(at |around |about |near |by |before |after )?((\d{1,2}([:.]\d\d)?|[0-2]\d[0-5]\d)\s*(a\.?m\.?|p\.?m\.?|gmt|utc|"
    r"hours?|hrs|local time)|noon|midnight|dawn|dusk|nightfall|daybreak|sunset|sunrise)"
    r"(\s*\(.*\))?$",
    re.I,
)


def _governor(ent: SpacySpan) -> Token:
    """The word the date modifies: the verb of its clause, or the noun it sits on; for an
    opening participle, the clause it opens ("Speaking ... on Monday, the minister accused";
    "Arraigned on Sept. 15, Subryan was ordered held"; not "Before leaving on Friday")."""
    gov = ent.root
    for _ in range(4):  # "on Tuesday" -> prep -> verb; "Tuesday's attack" -> attack
        if gov.head.i == gov.i or (
            gov.i != ent.root.i
            and gov.pos_ in ("VERB", "AUX", "NOUN")
            and gov.ent_type_ not in ("DATE", "TIME")  # "Monday afternoon" -> arrested
        ):
            break
        gov = gov.head
    gov = _lift(gov)
    verb = gov.head
    if (
        gov.dep_ in ("nsubj", "nsubjpass")
        and gov.i < ent.start
        and ent.end <= verb.i
        and verb.pos_ in ("VERB", "AUX")
        and all(t.pos_ in ("ADV", "AUX", "PART") for t in ent.doc[ent.end : verb.i])
    ):
        return verb  # "The mayor on Tuesday rejected": the day of the verb, not the mayor's
    return gov


def _lift(gov: Token) -> Token:
    """The clause an opening participle belongs to ("Speaking ..., the minister accused")."""
    if (
        gov.dep_ == "advcl"
        and gov.tag_ in ("VBN", "VBG")
        and gov.i < gov.head.i
        and gov.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in gov.children)
    ):
        return gov.head
    return gov


def _preposition(ent: SpacySpan) -> str | None:
    """The preposition the parser left outside the date ("since" in "since Oct. 1")."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep":
        return head.lower_
    if ent.start > ent.sent.start:
        prev = ent.doc[ent.start - 1]
        if prev.pos_ == "ADP" or prev.lower_ in BOUNDARY:
            return prev.lower_
    return None


#: words that put an occasion named by a noun ahead ("his upcoming speech in March")
_AHEAD = {"upcoming", "planned", "scheduled", "forthcoming", "proposed", "next", "coming"}
#: heads an infinitive looks ahead from ("plans to meet", "is due to be sentenced")
_LOOK_AHEAD = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "go", "be"}


def _future_clause(gov: Token, headline: bool = False) -> bool | None:
    """Does the clause of `gov` speak of the future? None when its tense says nothing.

    Headlines tell the past in the present ("Police Arrest Two Journalists On Monday") and
    the future with "to" ("Leaders To Meet On Friday"). "Is to be sentenced" looks ahead; a
    present passive ("when he is sentenced May 7") says neither; a noun looks ahead under
    "ahead of" or "upcoming" ("ahead of his speech in March").
    """
    if gov.pos_ in ("NOUN", "PROPN"):
        if any(c.lower_ in _AHEAD for c in gov.children if c.dep_ == "amod"):
            return True
        head = gov.head
        if head.lower_ == "of" and head.head.lower_ == "ahead":
            return True
        return None
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    auxes = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
    if headline:
        if auxes & {"will", "to"} and gov.tag_ == "VB":
            return True
        return False if gov.tag_ in ("VBZ", "VBP", "VBD", "VBN") else None
    if auxes & {"will", "shall", "'ll", "wo", "would"}:
        return True
    if (
        "to" in auxes
        and (gov.tag_ == "VB" or "be" in auxes)
        and gov.head.lemma_.lower() in _LOOK_AHEAD
        and gov.dep_ in ("xcomp", "acl", "ccomp")
    ):
        return True  # "plans to meet", "is to be sentenced"
    if auxes & {"had", "has", "have", "did", "was", "were"} or gov.tag_ == "VBD":
        return False
    if gov.tag_ == "VBN":
        present = {"is", "are", "am", "'s", "'re", "be", "being", "been"}
        return None if auxes & present else False
    if gov.tag_ == "VBG" and auxes & {"is", "are", "am", "'s", "'re"}:
        return True  # "is meeting on Friday"
    if gov.tag_ in ("VBZ", "VBP") and gov.lemma_ != "be":
        return True  # "The council meets Friday"
    return None


def _at_occasion(clause: Token) -> bool:
    """ "A rally where he pledged his support" shares the rally's day; "the village where
    militants killed 20" (a place, not an occasion) does not share the visit's."""
    return clause.head.lemma_.lower() in OCCASIONS and any(
        c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in clause.children
    )


def _path(ent: SpacySpan, tok: Token) -> tuple[int, bool] | None:
    """Steps up from the trigger to the date's clause, and whether a speech verb is crossed.

    A date belongs to the clause it modifies and to the clauses below it, never to the
    clauses above or beside it: "X said on Tuesday that rebels attacked" dates the saying,
    and the attack only for want of a date of its own. A relative clause is no clause below
    it ("arrested on Tuesday the man who attacked the guards"), unless it tells what was done
    at a dated occasion ("at a rally where he pledged his support") or on the date itself
    ("on Monday, when gunmen stormed the hotel").
    """
    gov = _governor(ent)
    occasion = _occasion_verb(gov)
    cur = tok
    speech = False
    for steps in range(8):
        if cur.i == gov.i or (occasion is not None and cur.i == occasion.i):
            return steps, speech
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_.lower() in SPEECH:
            speech = True
        if cur.dep_ == "relcl" and ent.start <= cur.head.i < ent.end:
            return steps + 1, speech  # "on Monday, when gunmen stormed the hotel"
        if cur.dep_ == "relcl" and not _at_occasion(cur):
            break
        if cur.dep_ == "csubj" and steps > 0:
            break
        cur = cur.head
    return None


#: occasions a date on which dates what is done at them ("in a May 4 letter", "at a news
#: conference Tuesday", "in a statement released Nov. 10")
OCCASIONS = {
    "statement", "letter", "announcement", "interview", "speech", "address", "remarks",
    "conference", "briefing", "meeting", "rally", "debate", "hearing", "session", "summit",
    "ceremony", "release", "post", "tweet", "message", "memo", "call", "appearance", "op-ed",
}  # fmt: skip


def _occasion_verb(gov: Token) -> Token | None:
    """The verb an occasion carrying the date hangs on: "urged" in "In a statement released
    Nov. 10, the White House urged ..." (what is said in the statement is said that day)."""
    cur = gov
    if cur.pos_ in ("VERB", "AUX") and cur.dep_ == "acl":
        cur = cur.head
    if (
        cur.lemma_.lower() in OCCASIONS
        and cur.dep_ == "pobj"
        and cur.head.lower_ in ("in", "at", "during")
        and cur.head.head.pos_ in ("VERB", "AUX")
    ):
        return _lift(cur.head.head)
    return None


def _before_speech(tok: Token) -> bool:
    """ "...said rebels had attacked": the past perfect puts the event before the saying."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX"):
            return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in cur.children)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def on_path(tok: Token, skip: tuple[int, int] | None = None) -> bool:
    """Does a date expression modify the event's clause, even one that names no single day
    ("for more than a year", "since Oct. 1")? Such an event is dated by its own words or not
    at all, never by the story's day. A time within a day ("just over two hours", "through
    the afternoon") leaves the day to the story."""
    return any(
        _path(ent, tok) is not None
        for ent in _date_entities(tok.sent, skip)
        if ent.label_ != "TIME" and not _CLOCK.match(ent.text.strip())
    )


def event_date(
    tok: Token,
    anchor: date | None,
    future: bool = False,
    text: str | None = None,
    headline_end: int = -1,
    skip: tuple[int, int] | None = None,
) -> DateValue | None:
    """The date written in the trigger's own clause or a clause above it (nearest first).

    `future` is the event's status; the tense of the clause a date sits in decides when it
    says more ("met on Monday" is past whatever the status). A date on a speech verb dates
    the reported event only when nothing nearer does, and not when the report puts the event
    before the saying ("police said on Tuesday the men had attacked the post"). `text` is
    the article as written: `date_text` keeps its words, not the parser's copy (whose
    headline may have been lower-cased); `headline_end` is where its headline line ends;
    `skip` is the span of the page's own date line, which dates no event.
    """
    best: tuple[int, DateValue] | None = None
    for ent in _date_entities(tok.sent, skip):
        if _CLOCK.match(ent.text.strip()):
            continue  # "at 3 p.m.": a time of day names no day
        found = _path(ent, tok)
        if found is None:
            continue
        steps, speech = found
        if speech and _before_speech(tok):
            continue
        tense = _future_clause(_governor(ent), ent.start_char < headline_end)
        ahead = tense if tense is not None else (True if future and steps == 0 else None)
        value = resolve_date(ent.text, anchor, ahead, _preposition(ent))
        if value is None:
            continue
        if text is not None:
            value = DateValue(value.date, value.precision, text[ent.start_char : ent.end_char])
        if best is None or steps < best[0]:
            best = (steps, value)
    return best[1] if best else None


__all__ = ["BOUNDARY", "SPEECH", "DateValue", "event_date", "on_path", "resolve_date"]
