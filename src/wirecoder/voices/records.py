"""Typed records of who says what: quotes, the outlet's framing, claims that disagree.

Plain data (no spaCy objects) so they pickle, serialise to JSON and load back unchanged, like
the event records they point at by `event_id`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ..records import Actor, Article, Event, Span

SpeakerKind = Literal["named", "anonymous", "institution", "unresolved"]
QuoteKind = Literal["direct", "indirect", "mixed"]
FramingCategory = Literal["label", "doubt", "load"]


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(**d) if d else None


@dataclass(slots=True)
class Quote:
    """One attribution: who (speaker) says (cue) what (content), through whom (via)."""

    quote_id: str
    speaker: Actor | None
    speaker_kind: SpeakerKind
    cue: Span
    content: Span  # from the first character of the content to the last
    kind: QuoteKind
    via: list[str] = field(default_factory=list)  # outermost intermediary first
    event_ids: list[str] = field(default_factory=list)
    anonymous: bool = False
    segments: list[Span] = field(default_factory=list)  # content pieces (a quote cut by "he said")
    continued: bool = False  # a quotation that goes on after its cue's sentence, no new cue

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_kind": self.speaker_kind,
            "anonymous": self.anonymous,
            "cue": asdict(self.cue),
            "content": asdict(self.content),
            "segments": [asdict(s) for s in self.segments],
            "kind": self.kind,
            "via": list(self.via),
            "event_ids": list(self.event_ids),
            "continued": self.continued,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            quote_id=d["quote_id"],
            speaker=Actor.from_dict(d["speaker"]) if d.get("speaker") else None,
            speaker_kind=d.get("speaker_kind") or "unresolved",
            cue=Span(**d["cue"]),
            content=Span(**d["content"]),
            kind=d.get("kind") or "indirect",
            via=list(d.get("via") or []),
            event_ids=list(d.get("event_ids") or []),
            anonymous=bool(d.get("anonymous")),
            segments=[Span(**s) for s in d.get("segments") or []],
            continued=bool(d.get("continued")),
        )

    @property
    def speaker_name(self) -> str | None:
        """The speaker as a reader would name them (the resolved name, else the words)."""
        if self.speaker is None:
            return None
        return self.speaker.name or self.speaker.text


@dataclass(slots=True)
class Framing:
    """Words in the outlet's own voice (outside every quote) that label, cast doubt or load."""

    text: str
    start: int
    end: int
    category: FramingCategory
    target: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "target": self.target.to_dict() if self.target else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Framing:
        t = d.get("target")
        return cls(d["text"], int(d["start"]), int(d["end"]), d["category"], _target(t))


def _target(t: dict[str, Any] | None) -> Actor | None:
    return Actor.from_dict(t) if t else None


@dataclass(slots=True)
class Stance:
    """One source's position on a claim: what it says happened (status) and where."""

    speaker: str | None
    status: str  # asserted | negated | ... (the event status as that source gives it)
    quote: str  # quote_id
    quote_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Claim:
    """Sources that disagree about one event: one asserts, another denies or contradicts."""

    claim_id: str
    event_ids: list[str]
    stances: list[Stance]
    topic: str = ""  # the event type both sides speak of

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "event_ids": list(self.event_ids),
            "topic": self.topic,
            "stances": [s.to_dict() for s in self.stances],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(
            d["claim_id"],
            list(d.get("event_ids") or []),
            [Stance(**s) for s in d.get("stances") or []],
            d.get("topic") or "",
        )


@dataclass(slots=True)
class Voices:
    """`wirecoder.analyze`: one article's events with its quotes, framing and claims."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "source": a.source,
                "url": a.url,
            },
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "framing": [f.to_dict() for f in self.framing],
            "claims": [c.to_dict() for c in self.claims],
        }


__all__ = ["Claim", "Framing", "Quote", "Stance", "Voices"]
