"""Small typed records: what crosses stage, process and storage boundaries.

Records hold plain data only (no spaCy objects), so they pickle, serialise to
JSON and load back unchanged. Field names are a public contract: later
versions add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: PLOVER quad classes (manual v0.8, table "Quad categories in PLOVER").
QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "SANCTION": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

STATUSES: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "requested")
Status = Literal["asserted", "negated", "future", "hypothetical", "requested"]


#: PLOVER codes a statement about a future or possible action as the statement itself
#: (manual v0.8, "Auxiliary modes"): a promised meeting is AGREE, a promised ceasefire is
#: CONCEDE, a possible attack or sanction is THREATEN.
_INTENT = {
    "CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "AGREE": "AGREE",
    "RETREAT": "CONCEDE", "CONCEDE": "CONCEDE",
    "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN", "THREATEN": "THREATEN",
}  # fmt: skip


def plover_reading(event_type: str, status: str, own_statement: bool = True) -> str:
    """The PLOVER category of an event given its status ("will meet" -> AGREE)."""
    if status in ("future", "hypothetical") and own_statement:
        if event_type == "PROTEST" and status == "hypothetical":
            return "THREATEN"
        return _INTENT.get(event_type, event_type)
    return event_type


@dataclass(frozen=True, slots=True)
class RankWeights:
    """What each cue adds to an event's confidence when an article's events are ranked.

    `scripts/tune_ranking.py` measures them on the training stories with the classifier's
    out-of-fold confidences, since on new text the classifier has not seen the stories either.
    """

    headline: float = 0.7
    lead: float = 0.3  # the first sentence after the headline
    asserted: float = 0.1  # stated as fact, or read as PLOVER's intent ("will meet": AGREE)
    per_party: float = 0.05  # for a source, and for a target
    historical: float = -0.3
    referential: float = -0.2


def rank_events(events: list[Event], weights: RankWeights | None = None) -> list[Event]:
    """An article's events, most central first: news puts the main event in the headline and
    the lead, states it as fact, and names who did it to whom."""
    w = weights or RankWeights()

    def score(ie: tuple[int, Event]) -> tuple[float, int]:
        i, ev = ie
        s = ev.confidence
        s += {0: w.headline, 1: w.lead}.get(ev.sentence_index, 0.0)
        s += w.asserted if ev.status == "asserted" or ev.plover_type != ev.event_type else 0.0
        s += w.per_party * (bool(ev.source) + bool(ev.target))
        s += w.historical if ev.historical else 0.0
        s += w.referential if ev.referential else 0.0
        return s, -i

    return [ev for _, ev in sorted(enumerate(events), key=score, reverse=True)]


def content_hash(text: str) -> str:
    """A stable id for a text: the same words always get the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of evidence: its words and character offsets into the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One news report. `text` starts with the headline line when there is one."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # where it came from: "path:line", "stdin", ...

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    """An actor mention resolved to PLOVER codes. `rule` says how it was resolved."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]

    @property
    def code(self) -> str:
        """A CAMEO-style code, e.g. 'IRQGOV', for quick reading and TSV export."""
        return (self.country or "---") + (self.sector or "")


@dataclass(slots=True)
class Attribution:
    """Who the text says is the source of the claim, and through whom it reached us."""

    speaker: Actor | None = None
    cue: Span | None = None
    via: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": asdict(self.cue) if self.cue else None,
            "via": list(self.via),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Attribution:
        data = data or {}
        sp = data.get("speaker")
        cue = data.get("cue")
        return cls(
            speaker=Actor.from_dict(sp) if sp else None,
            cue=Span(**cue) if cue else None,
            via=list(data.get("via") or []),
        )


@dataclass(slots=True)
class Location:
    """Where the event happened, resolved against the offline gazetteer."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    start: int
    end: int
    text: str | None = None
    geonameid: int | None = None
    feature: str | None = None  # country | admin1 | city | region

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Location | None:
        if not data:
            return None
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(slots=True)
class Event:
    """One PLOVER event with the evidence for every field."""

    article_id: str
    sentence_index: int
    sentence: str
    event_type: str
    trigger: Span
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    status: str = "asserted"
    attribution: Attribution = field(default_factory=Attribution)
    date: str | None = None
    date_text: str | None = None
    location: Location | None = None
    # additions beyond the first contract
    event_id: str = ""
    reciprocal: bool = False
    historical: bool = False  # PLOVER's auxiliary mode: background history, not news
    referential: bool = False  # named as the object of another event ("condemned the attack")
    hedge: Span | None = None
    confidence: float = 0.0
    date_precision: str | None = None  # day | week | month | year
    quad: int | None = None
    sentence_start: int = 0
    mentions: list[Span] = field(default_factory=list)  # other triggers merged into this event
    plover_type: str = ""  # the category PLOVER's conventions record for this statement (see below)
    source_span: Span | None = None  # the whole source argument phrase, actor or not
    target_span: Span | None = None  # the whole target argument phrase ("the proposal")
    coder_version: str = ""
    # one incident's casualty counts as the text gives them (PLOVER's `dead` and `injured`)
    killed: int | None = None
    injured: int | None = None
    # which telling gave each field of a merged record: field name -> that telling's trigger
    provenance: dict[str, Span] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence_start": self.sentence_start,
            "sentence": self.sentence,
            "event_type": self.event_type,
            "plover_type": self.plover_type or self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "quad": self.quad,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "reciprocal": self.reciprocal,
            "status": self.status,
            "historical": self.historical,
            "referential": self.referential,
            "hedge": asdict(self.hedge) if self.hedge else None,
            "trigger": asdict(self.trigger),
            "attribution": self.attribution.to_dict(),
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "confidence": round(self.confidence, 4),
            "mentions": [asdict(m) for m in self.mentions],
            "source_span": asdict(self.source_span) if self.source_span else None,
            "target_span": asdict(self.target_span) if self.target_span else None,
            "coder_version": self.coder_version,
            "killed": self.killed,
            "injured": self.injured,
            "provenance": {k: asdict(v) for k, v in self.provenance.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            event_id=d.get("event_id") or "",
            article_id=d["article_id"],
            sentence_index=int(d["sentence_index"]),
            sentence_start=int(d.get("sentence_start") or 0),
            sentence=d["sentence"],
            event_type=d["event_type"],
            plover_type=d.get("plover_type") or d["event_type"],
            mode=d.get("mode"),
            contexts=list(d.get("contexts") or []),
            cameo=d.get("cameo"),
            quad=d.get("quad"),
            source=[Actor.from_dict(a) for a in d.get("source") or []],
            target=[Actor.from_dict(a) for a in d.get("target") or []],
            reciprocal=bool(d.get("reciprocal")),
            historical=bool(d.get("historical")),
            referential=bool(d.get("referential")),
            status=d.get("status") or "asserted",
            hedge=Span(**d["hedge"]) if d.get("hedge") else None,
            trigger=Span(**d["trigger"]),
            attribution=Attribution.from_dict(d.get("attribution")),
            date=d.get("date"),
            date_text=d.get("date_text"),
            date_precision=d.get("date_precision"),
            location=Location.from_dict(d.get("location")),
            confidence=float(d.get("confidence") or 0.0),
            mentions=[Span(**m) for m in d.get("mentions") or []],
            source_span=Span(**d["source_span"]) if d.get("source_span") else None,
            target_span=Span(**d["target_span"]) if d.get("target_span") else None,
            coder_version=d.get("coder_version") or "",
            killed=_count(d.get("killed")),
            injured=_count(d.get("injured")),
            provenance={k: Span(**v) for k, v in (d.get("provenance") or {}).items()},
        )

    @property
    def demanded(self) -> bool:
        """ "X said Y must withdraw": PLOVER records X's demand of Y (REQUEST), not Y's act."""
        return (
            self.plover_type == "REQUEST"
            and self.event_type != "REQUEST"
            and self.attribution.speaker is not None
        )

    def plover_parties(self) -> tuple[list[Actor], list[Actor]]:
        """(actors, recipients) of the statement PLOVER records (see `plover_type`): the
        speaker and the one asked when it is a demand, else the event's own source and target."""
        if self.demanded and self.attribution.speaker is not None:
            return [self.attribution.speaker], list(self.source)
        return list(self.source), list(self.target)

    def dyads(self, plover: bool = False) -> list[tuple[str | None, str | None]]:
        """(source country, target country) pairs, both ways for reciprocal events; with
        `plover`, those of the statement PLOVER records ("X said Y must go": X -> Y)."""
        if plover and self.demanded:
            actors, recipients = self.plover_parties()
            asked = [r.country for r in recipients] or [None]
            return [(a.country, r) for a in actors for r in asked]
        srcs = [a.country for a in self.source] or [None]
        tgts = [a.country for a in self.target] or [None]
        if self.reciprocal and not self.target and len(srcs) > 1:
            # "X and Y met": one event, every ordered pair of its parties
            return [(s, t) for i, s in enumerate(srcs) for j, t in enumerate(srcs) if i != j]
        if self.reciprocal and not self.target:
            return [(srcs[0], srcs[0])]  # "two rival gangs clashed": one party on both sides
        pairs = [(s, t) for s in srcs for t in tgts]
        if self.reciprocal:
            pairs += [(t, s) for s, t in pairs]
        return pairs


def _count(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be coded, with the coded reason."""

    origin: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


__all__ = [
    "EVENT_TYPES",
    "QUAD",
    "STATUSES",
    "Actor",
    "Article",
    "Attribution",
    "Event",
    "Location",
    "RankWeights",
    "Rejected",
    "Span",
    "content_hash",
    "plover_reading",
    "rank_events",
]
