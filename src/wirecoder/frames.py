"""Events as flat tables (pandas) for analysis and export."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .records import Event

if TYPE_CHECKING:
    import pandas as pd

    from .coder import Coded

COLUMNS = [
    "event_id", "article_id", "sentence_index", "event_type", "mode", "quad", "cameo", "status",
    "hedge", "source_name", "source_country", "source_sector", "target_name", "target_country",
    "target_sector",
    "reciprocal", "trigger", "date", "date_text", "date_precision", "location_name", "location_country",
    "lat", "lon", "speaker", "via", "contexts", "confidence", "sentence", "coder_version",
    "killed", "injured",
]  # fmt: skip


def _join(values: Iterable[str | None]) -> str | None:
    vals = [v for v in values if v]
    return ";".join(dict.fromkeys(vals)) if vals else None


def flat_row(ev: Event) -> dict[str, Any]:
    """One event as a flat row: multi-actor sides are ';'-joined."""
    return {
        "event_id": ev.event_id,
        "article_id": ev.article_id,
        "sentence_index": ev.sentence_index,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "quad": ev.quad,
        "cameo": ev.cameo,
        "status": ev.status,
        "hedge": ev.hedge.text if ev.hedge else None,  # "reportedly": the outlet's own doubt
        "source_name": _join(a.name or a.text for a in ev.source),
        "source_country": _join(a.country for a in ev.source),
        "source_sector": _join(a.sector for a in ev.source),
        "target_name": _join(a.name or a.text for a in ev.target),
        "target_country": _join(a.country for a in ev.target),
        "target_sector": _join(a.sector for a in ev.target),
        "reciprocal": ev.reciprocal,
        "trigger": ev.trigger.text,
        "date": ev.date,
        "date_text": ev.date_text,
        "date_precision": ev.date_precision,
        "location_name": ev.location.name if ev.location else None,
        "location_country": ev.location.country if ev.location else None,
        "lat": ev.location.lat if ev.location else None,
        "lon": ev.location.lon if ev.location else None,
        "speaker": (ev.attribution.speaker.name or ev.attribution.speaker.text)
        if ev.attribution.speaker
        else None,
        "via": ";".join(ev.attribution.via) or None,
        "contexts": ";".join(ev.contexts) or None,
        "confidence": ev.confidence,
        "sentence": ev.sentence,
        "coder_version": ev.coder_version,
        "killed": ev.killed,  # one incident's casualty counts, as the text gives them
        "injured": ev.injured,
    }


def _events(items: Iterable[Event | Coded]) -> Iterable[Event]:
    for item in items:
        if isinstance(item, Event):
            yield item
        else:
            yield from item.events


def events_to_frame(items: Iterable[Event | Coded]) -> pd.DataFrame:
    import pandas as pd

    rows = [flat_row(ev) for ev in _events(items)]
    return pd.DataFrame(rows, columns=COLUMNS)


def event_json(ev: Event) -> str:
    return json.dumps(ev.to_dict(), ensure_ascii=False)


__all__ = ["COLUMNS", "event_json", "events_to_frame", "flat_row"]
