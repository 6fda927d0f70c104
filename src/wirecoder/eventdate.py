"""Which event a date dates: the clause it modifies, then the clauses above it.

A date belongs to the clause it modifies: the event's own clause first, then the
clauses above it. A date on a speech verb ("police said on Tuesday that ...") dates
the report; it dates the reported event only when nothing nearer does, and not when
the report puts the event before the saying ("had attacked"). The tense of the
date's clause says whether a weekday is the coming or the last one ("will meet on
Friday", "met on Monday"); headlines tell the past in the present tense. `timex`
resolves the words once the clause is known.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .nlp import span_ents
from .timex import _LEAD, BARE_NUMBER, BOUNDARY, MEASURE, DateValue, resolve_date

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

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
    floor: date | None = None,
) -> DateValue | None:
    """The date written in the trigger's own clause or a clause above it (nearest first).

    `future` is the event's status; the tense of the clause a date sits in decides when it
    says more ("met on Monday" is past whatever the status). A date on a speech verb dates
    the reported event only when nothing nearer does, and not when the report puts the event
    before the saying ("police said on Tuesday the men had attacked the post"). `text` is
    the article as written: `date_text` keeps its words, not the parser's copy (whose
    headline may have been lower-cased); `headline_end` is where its headline line ends;
    `skip` is the span of the page's own date line, which dates no event; `floor`, for an
    article without an anchor, the earliest day its news can be on (`timex.resolve_date`).
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
        value = resolve_date(ent.text, anchor, ahead, _preposition(ent), floor)
        if value is None:
            continue
        if text is not None:
            value = DateValue(value.date, value.precision, text[ent.start_char : ent.end_char])
        if best is None or steps < best[0]:
            best = (steps, value)
    return best[1] if best else None


__all__ = ["SPEECH", "event_date", "on_path"]
