"""One event per real action: merge the headline, the lead and later retellings.

Two events of an article are the same action when they have the same type and
status and their actors agree (one side may know more than the other: "Russian
air strikes" and "Russian air strikes on ISIL"), and their dates and places do not
contradict each other. The first telling is kept; the others are added to its
`mentions`, and what they know that it lacks (a speaker, a place, a date) fills in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, Event

if TYPE_CHECKING:
    from ..analysis import Analysis, Resources


def _ident(a: Actor) -> str:
    return a.name or f"{a.country or '?'}/{a.sector or '?'}"


def _side(actors: list[Actor]) -> frozenset[str]:
    return frozenset(_ident(a) for a in actors)


def _countries(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country for a in actors if a.country)


def _same_actor(x: Actor, y: Actor) -> bool:
    if x.name and y.name:
        return x.name == y.name
    if x.country and y.country and x.country != y.country:
        return False
    if x.sector and y.sector and x.sector != y.sector:
        return False
    # a description ("the Takfiri group") matches a name of the same kind ("ISIL")
    return bool(x.country or y.country or x.sector or y.sector)


def _compatible_side(a: list[Actor], b: list[Actor]) -> bool:
    """Every actor of the shorter side matches one of the other side."""
    if not a or not b:
        return True
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_same_actor(x, y) for y in big) for x in small)


def same_action(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or a.status != b.status:
        return False
    if not (a.source or a.target) or not (b.source or b.target):
        return False
    # at least one side must be known on both and agree
    shared = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            if not _compatible_side(x, y):
                return False
            shared = True
    if (a.reciprocal or b.reciprocal) and (
        _side(a.source) | _side(a.target) == _side(b.source) | _side(b.target)
    ):
        shared = True
    if not shared:
        return False
    if (
        a.date_text
        and b.date_text
        and a.date != b.date
        and a.date_precision == b.date_precision == "day"
    ):
        return False
    return not (a.location and b.location and a.location.country != b.location.country)


def merge(keep: Event, other: Event) -> None:
    keep.mentions.append(other.trigger)
    keep.mentions.extend(m for m in other.mentions if m not in keep.mentions)
    if len(_side(other.source)) > len(_side(keep.source)):
        keep.source = other.source
    if len(_side(other.target)) > len(_side(keep.target)):
        keep.target = other.target
    # a phrase the first telling lacks ("imposed a curfew", then "the curfew in parts of
    # Kashmir": the second knows where it applies)
    if keep.source_span is None:
        keep.source_span = other.source_span
    if keep.target_span is None:
        keep.target_span = other.target_span
    if (keep.attribution.speaker is None and other.attribution.speaker is not None) or (
        keep.attribution.speaker is not None
        and other.attribution.speaker is not None
        and keep.attribution.speaker.name is None
        and other.attribution.speaker.name is not None
    ):
        keep.attribution = other.attribution
    if keep.location is None and other.location is not None:
        keep.location = other.location
    weak = (None, "publication", "narrative")  # not the event's own words
    if (keep.date_text is None and other.date_text is not None) or (
        keep.date_precision in weak and other.date_precision not in weak
    ):
        keep.date, keep.date_text, keep.date_precision = (
            other.date,
            other.date_text,
            other.date_precision,
        )
    if keep.mode is None and other.mode is not None:
        keep.mode = other.mode
    for c in other.contexts:
        if c not in keep.contexts:
            keep.contexts.append(c)
    if keep.hedge is None and other.hedge is not None:
        keep.hedge = other.hedge
    keep.confidence = max(keep.confidence, other.confidence)


def deduplicate(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for ev in events:
        for k in kept:
            if same_action(k, ev):
                merge(k, ev)
                break
        else:
            kept.append(ev)
    return kept


class DedupStage:
    """Merges retellings of the same action within an article into one event."""

    name = "dedup"
    requires = ("events",)
    assigns = ("events.mentions",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        analysis.events = deduplicate(analysis.events)


__all__ = ["DedupStage", "deduplicate", "merge", "same_action"]
