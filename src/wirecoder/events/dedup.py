"""One record per real action within an article: the headline, the lead and later retellings
of one action, and the words of one incident, become one event.

News tells its main event several times ("Putin summit" / "the meeting in Helsinki" / "their
talks"), and one attack in several clauses ("gunmen opened fire ... one person was killed ...
two were injured"). Two tellings are one action when nothing in them disagrees and something
joins them:

- they never disagree: the same type and status, parties that are the same or where one side
  knows less (a name and a description of its kind; "the bureau" and "the FBI"; an unknown
  side: see `tellings`), dates that overlap at their precision (a 2019 charge is not a 2016
  accusation), places in one country; the weapons of one attack ("hurled a grenade ...
  opened fire") and its named victims ("shot Steinberg" / "fired at Riva") do not disagree;
- something joins them: a party both name (for statements, within a few sentences or with the
  headline or lead: a thing said twice far apart is said twice); or the headline and the lead,
  or the body's first telling of the headline's type; or the clauses of one incident (the same
  or the next sentence; a harm with no agent up to three sentences from its attack, whoever its
  victims); or a definite retelling ("the meeting", "the attack") that names no party of its
  own. A sentence that says "another", "separately" or "earlier" of the event's own words,
  of its clause, of an incident or of a time ("a previous arrest", "Separately, ...", "in
  another attack", "the previous day") tells another event; said of a person ("another
  militant was killed") it does not.
- one exception to "never disagree": the lead retelling the first sentence's action in the
  same word ("Italy Arrests Barrio 18 Members" / "Italian police arrested 15 members") is that
  action even when the two parses give other parties; the lead's full sentence gives them.

The first telling is kept; the others are listed in its `mentions`. Each field keeps the
best-evidenced value any telling gives (named actors over descriptions, a stated date over the
publication date, a city over a country) and `provenance` says whose trigger it came from.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..records import QUAD, Actor, Event
from .casualties import casualties, harm
from .tellings import (
    CONFLICT,
    OPENER_NOUNS,
    SAME,
    actor_relation,
    another,
    incident_parties,
    names_match,
    parties,
    setting_opener,
    side_relation,
    trigger_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..analysis import Analysis, Resources

#: dates that are not the event's own words: the story's date, or the narrative's
WEAK_DATES = (None, "publication", "narrative")
#: how far (in sentences) the clauses of one incident lie apart
INCIDENT_WINDOW = 1
#: how far a harm with no agent of its own ("two were injured") lies from its attack
HARM_WINDOW = 3
#: types whose clauses tell one incident ("opened fire", "was killed", "were injured")
INCIDENT_TYPES = frozenset({"ASSAULT"})
#: the modes of a weapon attack: its killed and wounded are the same incident (an abduction
#: or a sexual assault in the same raid is an act of its own)
ATTACK_MODES = frozenset(
    {None, "firearms", "explosives", "aerial", "heavy-weapons", "primitive", "unconventional",
     "massacre"}
)  # fmt: skip
#: how far apart two statements naming the same parties may lie and still be one statement,
#: unless one is the headline or the lead (the story's main event, retold throughout). Saying
#: is repeated ("Trump accused ..." twice is two accusations); a material act (an arrest, an
#: attack) with the same parties is retold, and counts once wherever it is told again.
SAME_WINDOW = 3
VERBAL_QUADS = (1, 3)
#: the words of a harm done (a killing is not the abduction before it)
HARM_WORDS = re.compile(r"\b(kill|die|died|dead|death|murder|slay|slain|injur|wound|hurt)", re.I)
#: determiners of a definite retelling: "the meeting", "their talks", "this attack"
DEFINITE = frozenset({"the", "this", "that", "these", "those", "their", "its", "his", "her"})
#: how specific a place is: a city beats a region beats a country
_PLACE_RANK = {"city": 3, "admin1": 2, "region": 1, "country": 0}
#: how many earlier records of its type an event is compared with (the latest, and those of the
#: headline and lead), and how many tellings of a record: coding work stays linear in the length
#: of the article, and an article rarely tells more distinct events of one type than this
MAX_GROUPS = 6
MAX_TELLINGS = 4
#: the fields `provenance` follows
TRACKED = ("source", "target", "date", "location", "attribution", "mode", "killed", "injured")


def _range(ev: Event) -> tuple[date, date] | None:
    """The days an event's own date covers, or None for no date of its own."""
    if ev.date_precision in WEAK_DATES or not ev.date:
        return None
    try:
        d = date.fromisoformat(str(ev.date)[:10])
    except ValueError:
        return None
    if ev.date_precision == "week":
        return d, d + timedelta(days=6)
    if ev.date_precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if ev.date_precision == "year":
        return d.replace(month=1, day=1), d.replace(month=12, day=31)
    if ev.date_precision == "day":
        return d, d
    return None  # a span ("from October 2012 to October 2013"): dated by its start only


def dates_agree(a: Event, b: Event) -> bool:
    """False when both give a date of their own and the two cannot be the same day."""
    if a.date_precision in WEAK_DATES or b.date_precision in WEAK_DATES:
        return True
    ra, rb = _range(a), _range(b)
    return ra is None or rb is None or (ra[0] <= rb[1] and rb[0] <= ra[1])


#: places that are points: two of them by different names are two settings
POINTS = frozenset({"city", "locality"})


def places_agree(a: Event, b: Event) -> bool:
    """False when both are placed and in different countries, or in two different towns
    ("a bombing in Guffa" on Tuesday, "the attack on Yida camp" on Thursday) unless one
    telling's sentence names the other's town too (a lead "in Chittagong and Dhaka cities"
    sums up the paragraph "In Dhaka city, ...")."""
    la, lb = a.location, b.location
    if not (la and lb):
        return True
    if la.country and lb.country and la.country != lb.country:
        return False
    if la.feature in POINTS and lb.feature in POINTS:
        na, nb = la.name.casefold(), lb.name.casefold()
        return (
            na in nb
            or nb in na
            or nb in (a.sentence or "").casefold()
            or na in (b.sentence or "").casefold()
        )
    return True


def modes_agree(a: Event, b: Event) -> bool:
    """The same mode, one unknown, or two weapons of one attack ("hurled a grenade",
    "opened fire")."""
    ma, mb = a.mode, b.mode
    if ma == mb:
        return True
    if a.event_type in INCIDENT_TYPES and {ma, mb} <= ATTACK_MODES:
        return True  # "hurled a grenade ... opened fire": the weapons of one attack
    if a.event_type in INCIDENT_TYPES:
        # an abduction or a sexual assault in a raid is an act of its own, not its killing
        plain = b if mb is None else a if ma is None else None
        return plain is not None and HARM_WORDS.search(plain.trigger.text) is None
    return ma is None or mb is None


def same_setting(a: Event, b: Event, distance: int) -> bool:
    """Told on the same day (a date of their own, to the day) or, close by, at the same place
    finer than a country ("sentenced ... in Texas on Aug. 9" / "was sentenced on Aug. 9")."""
    if a.date_precision == b.date_precision == "day" and _range(a) == _range(b) is not None:
        return True
    la, lb = a.location, b.location
    return bool(
        distance <= SAME_WINDOW
        and la
        and lb
        and la.name == lb.name
        and (la.feature or "country") != "country"
    )


def _setting_agrees(a: Event, b: Event) -> bool:
    """Type, status, mode, date and place do not disagree."""
    return (
        a.event_type == b.event_type
        and a.status == b.status
        and modes_agree(a, b)
        and dates_agree(a, b)
        and places_agree(a, b)
    )


def compatible(a: Event, b: Event, victims: bool = True) -> bool:
    """Nothing in the two tellings disagrees: type, status, mode, parties, date and place.
    Without `victims`, targets are not compared (one attack harms many: "a constable was
    killed and six civilians were injured")."""
    if not _setting_agrees(a, b):
        return False
    if victims:
        return parties(a, b) != CONFLICT
    return side_relation(a.source, b.source) != CONFLICT


def same_action(a: Event, b: Event) -> bool:
    """Whether `b` retells `a` on the evidence of the two records alone: compatible, and a
    party both name (the rule for tellings far apart, without the article's wording)."""
    return compatible(a, b) and parties(a, b) == SAME


@dataclass
class _Group:
    """A kept record, its tellings and the sentences they sit in (sorted)."""

    event: Event
    sentences: list[int] = field(default_factory=list)
    members: list[Event] = field(default_factory=list)

    def add(self, ev: Event) -> None:
        bisect.insort(self.sentences, ev.sentence_index)
        self.members.append(ev)

    def distance(self, ev: Event) -> int:
        i = bisect.bisect_left(self.sentences, ev.sentence_index)
        near = self.sentences[max(0, i - 1) : i + 1]
        return min(abs(near[0] - ev.sentence_index), abs(near[-1] - ev.sentence_index))

    def tellings(self) -> list[Event]:
        """The record and its latest tellings (a bounded number: see MAX_TELLINGS)."""
        return [self.event, *self.members[1:][-MAX_TELLINGS:]]


def _span(ev: Event, doc: Doc | None) -> Span | None:
    """The event's trigger in the parse (None without one)."""
    if doc is None:
        return None
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _definite(ev: Event, doc: Doc | None) -> bool:
    """A retelling by a definite noun ("the meeting", "their talks") or one named as the
    object of another event ("condemned the attack")."""
    if ev.referential:
        return True
    span = _span(ev, doc)
    if span is None:
        return False
    head = span.root
    return head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children
    )


def _harm_only(ev: Event, doc: Doc | None) -> bool:
    """A harm told without its agent: "one person was killed", "two were injured"."""
    span = None if ev.source else _span(ev, doc)
    return span is not None and any(harm(t) for t in span)


#: the words of an opening place that name no place of their own ("in Dhaka city": "dhaka")
OPENER_GENERIC = OPENER_NOUNS | {"the", "of", "in"}


def _new_setting(tellings: list[Event], ev: Event, doc: Doc | None) -> bool:
    """`ev`'s sentence opens on a place none of the tellings was placed in or names (a lead
    that says "in Chittagong and Dhaka cities" sums up the paragraphs that open on each)."""
    opener = setting_opener(ev, doc)
    if opener is None:
        return False
    words = [w for w in opener.split() if w not in OPENER_GENERIC]
    for m in tellings:
        name = (m.location.name or "").lower() if m.location else ""
        if name and (name in opener or opener in name):
            return False
        said = m.sentence.lower()
        if words and all(w in said for w in words):
            return False
    return True


def _lemma(ev: Event, doc: Doc | None) -> str | None:
    span = _span(ev, doc)
    return span.root.lemma_.lower() if span is not None else None


#: the sentences of a lead under the first sentence (a headline, or an incident report's lead)
LEAD = (1, 2)


def _headline_retold(group: _Group, ev: Event, doc: Doc | None) -> bool:
    """The lead retells the first sentence's action in the same word ("Italy Arrests Barrio
    18 Members" / "Italian police arrested 15 suspected members"): one action, whatever
    parties the two parses gave (a headline's parse is the weaker), never a new incident."""
    if set(group.sentences) != {0} or ev.sentence_index not in LEAD:
        return False
    lemma = _lemma(ev, doc)
    return lemma is not None and lemma == _lemma(group.event, doc)


def joins(
    group: _Group,
    ev: Event,
    doc: Doc | None = None,
    first: bool = False,
    other: str | None = "?",
) -> bool:
    """Whether `ev` is one more telling of the group's action (see the module's docstring).
    `first`: the group is the only one of its type so far; `other`: what `another` says of
    `ev` (worked out here when not given)."""
    keep = group.event
    if keep.status != ev.status or not modes_agree(keep, ev):
        return False  # (cheap checks first: most records are no match)
    if other == "?":
        other = another(ev, doc, trigger_tokens([ev], doc) if doc is not None else None)
    # a word about the whole sentence says nothing between two tellings in that sentence
    if other == "own" or (other == "clause" and ev.sentence_index not in group.sentences):
        return False
    d = group.distance(ev)
    tellings = group.tellings()
    for m in tellings:
        if not _setting_agrees(m, ev):
            return False
    if ev.sentence_index not in group.sentences and _new_setting(tellings, ev, doc):
        return False  # "In Chittagong District, ...": the round-up's next incident
    if (
        keep.event_type in INCIDENT_TYPES
        and {keep.mode, ev.mode} <= ATTACK_MODES
        and d <= HARM_WINDOW
        and _harm_only(ev, doc)
        and all(side_relation(m.source, ev.source) != CONFLICT for m in tellings)
    ):
        return True  # a harm of the attack: "one person was killed", "two were injured"
    incident = keep.event_type in INCIDENT_TYPES and {keep.mode, ev.mode} <= ATTACK_MODES
    rels = [incident_parties(m, ev) if incident else parties(m, ev) for m in tellings]
    if CONFLICT in rels:
        return _headline_retold(group, ev, doc)
    if SAME in rels:
        verbal = QUAD.get(keep.event_type) in VERBAL_QUADS and keep.event_type != "SANCTION"
        return not verbal or d <= SAME_WINDOW or group.sentences[0] <= 1 or _definite(ev, doc)
    if same_setting(keep, ev, d):
        return True  # the same day, or the same place close by
    if group.sentences[-1] == 0 and (ev.sentence_index == 1 or first):
        return True  # the headline and the lead, or the body's first telling of its type
    if incident and d <= INCIDENT_WINDOW:
        return True  # the clauses of one incident
    return not (ev.source or ev.target) and _definite(ev, doc)


def _init_provenance(ev: Event) -> None:
    for name in TRACKED:
        value = getattr(ev, name)
        if name == "attribution":
            value = ev.attribution.speaker
        if value and name not in ev.provenance:
            ev.provenance[name] = ev.trigger


def _identities(side: list[Actor]) -> int:
    return len({a.name or f"{a.country or '?'}/{a.sector or '?'}" for a in side})


def _better_side(keep: list[Actor], other: list[Actor]) -> bool:
    """The other telling's side is better evidenced: it names more distinct parties."""
    return _identities(other) > _identities(keep)


def _take(keep: Event, other: Event, name: str) -> None:
    keep.provenance[name] = other.provenance.get(name, other.trigger)


def merge(keep: Event, other: Event) -> None:
    """Add `other` to `keep` as a mention; each field keeps the better-evidenced value."""
    _init_provenance(keep)
    _init_provenance(other)
    keep.mentions.append(other.trigger)
    keep.mentions.extend(m for m in other.mentions if m not in keep.mentions)
    # where the first sentence and the lead disagree on a party, the lead's full sentence is
    # the better parse (joins lets them merge only when the lead retells it in the same word)
    lead = keep.sentence_index == 0 and other.sentence_index in LEAD
    if _better_side(keep.source, other.source) or (
        lead and other.source and side_relation(keep.source, other.source) == CONFLICT
    ):
        keep.source = other.source
        _take(keep, other, "source")
    if _better_side(keep.target, other.target) or (
        lead and other.target and side_relation(keep.target, other.target) == CONFLICT
    ):
        keep.target = other.target
        _take(keep, other, "target")
    # a phrase the first telling lacks ("imposed a curfew", then "the curfew in parts of
    # Kashmir": the second knows where it applies)
    if keep.source_span is None:
        keep.source_span = other.source_span
    if keep.target_span is None:
        keep.target_span = other.target_span
    ks, os_ = keep.attribution.speaker, other.attribution.speaker
    if (ks is None and os_ is not None) or (
        ks is not None and os_ is not None and ks.name is None and os_.name is not None
    ):
        keep.attribution = other.attribution
        _take(keep, other, "attribution")
    kl, ol = keep.location, other.location
    if ol is not None and (
        kl is None or _PLACE_RANK.get(ol.feature or "", 0) > _PLACE_RANK.get(kl.feature or "", 0)
    ):
        keep.location = ol
        _take(keep, other, "location")
    if (keep.date_text is None and other.date_text is not None) or (
        keep.date_precision in WEAK_DATES and other.date_precision not in WEAK_DATES
    ):
        keep.date, keep.date_text, keep.date_precision = (
            other.date,
            other.date_text,
            other.date_precision,
        )
        _take(keep, other, "date")
    if keep.mode is None and other.mode is not None:
        keep.mode = other.mode
        _take(keep, other, "mode")
    for c in other.contexts:
        if c not in keep.contexts:
            keep.contexts.append(c)
    if keep.hedge is None and other.hedge is not None:
        keep.hedge = other.hedge
    # the first telling says whether the event is the article's news or its background: a
    # later retelling of a background event seldom repeats its date or its "in 2012" (stop 32:
    # "news outranks history" let such retellings make references news; on 160 training
    # articles the model never saw, type precision 0.684 -> 0.700 at equal news recall)
    keep.confidence = max(keep.confidence, other.confidence)


def _names_party(group: _Group, ev: Event) -> bool:
    return any(parties(m, ev) == SAME for m in group.tellings())


def deduplicate(events: list[Event], doc: Doc | None = None) -> list[Event]:
    """The article's events with every retelling merged into its first telling."""
    groups: list[_Group] = []
    triggers = trigger_tokens(events, doc) if doc is not None else None
    by_type: dict[str, list[_Group]] = {}
    heads: dict[str, list[_Group]] = {}  # the records the headline or the lead began
    for ev in events:
        kinds = by_type.setdefault(ev.event_type, [])
        near = kinds[-MAX_GROUPS:]
        near = [g for g in heads.get(ev.event_type, []) if g not in near] + near
        other = another(ev, doc, triggers)
        fits = [g for g in near if joins(g, ev, doc, first=len(kinds) == 1, other=other)]
        if fits:
            # a shared party first, then the nearest telling
            best = min(fits, key=lambda g: (not _names_party(g, ev), g.distance(ev)))
            merge(best.event, ev)
            best.add(ev)
        else:
            group = _Group(ev, [ev.sentence_index], [ev])
            groups.append(group)
            kinds.append(group)
            if ev.sentence_index <= 1:
                heads.setdefault(ev.event_type, []).append(group)
    return [g.event for g in groups]


def _spans(ev: Event) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in (ev.trigger, *ev.mentions)]


def add_casualties(events: list[Event], doc: Doc) -> None:
    """Each ASSAULT record's casualty counts from the words of its incident."""
    # every event's trigger tokens: a record's own are exempt inside `casualties`, so the
    # union of all is "the other events' triggers" for each record
    triggers: set[int] = set()
    for ev in events:
        for start, end in _spans(ev):
            span = doc.char_span(start, end, alignment_mode="expand")
            triggers.update(t.i for t in span or ())
    for ev in events:
        if ev.event_type != "ASSAULT":
            continue
        killed, injured = casualties(doc, _spans(ev), triggers)
        for name, value in (("killed", killed), ("injured", injured)):
            if value is not None:
                setattr(ev, name, value)
                ev.provenance.setdefault(name, ev.trigger)


class DedupStage:
    """Merges retellings of one action, and the clauses of one incident, into one event."""

    name = "dedup"
    requires = ("events",)
    assigns = ("events.mentions",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        events = deduplicate(analysis.events, analysis.doc)
        for ev in events:
            _init_provenance(ev)
        if analysis.doc is not None:
            add_casualties(events, analysis.doc)
        analysis.events = events


__all__ = [
    "DedupStage",
    "actor_relation",
    "add_casualties",
    "compatible",
    "dates_agree",
    "deduplicate",
    "merge",
    "names_match",
    "same_action",
]
