"""Records <-> Arrow tables: what the store writes in bulk and what engines pass around.

Two table shapes cross boundaries:

- the *article batch* (`ARTICLE_SCHEMA`): articles to code, id = content hash;
- the *coded batch* (`CODED_SCHEMA`): the same columns plus the coder's verdict (events as a
  JSON array, warnings, or a reject code). Engines produce it, `Store.add_coded` and
  `Store.replace_coded` consume it. Parquet parts written by the Ray engine have this schema.

And the store's own tables get their rows from `event_tables` (events + actors), so the flat
columns are the same ones `wirecoder.to_frame` shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as _date
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..records import Article, Event, Rejected
from .voice_rows import voices_json

if TYPE_CHECKING:
    from ..coder import Coded

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("ext_id", pa.string()),
        ("text", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("origin", pa.string()),
    ]
)

CODED_SCHEMA = pa.schema(
    [
        *ARTICLE_SCHEMA,
        ("coder_version", pa.string()),
        ("events", pa.string()),  # JSON array of Event.to_dict()
        ("warnings", pa.string()),  # JSON array of {code, message}
        ("reject_code", pa.string()),
        ("reject_message", pa.string()),
        ("voices", pa.string()),  # JSON {quotes, framing, claims}; null when not asked for
    ]
)


@dataclass(frozen=True, slots=True)
class Item:
    """An article ready to code: its id is the content hash; `ext_id` is the input's own id."""

    article: Article
    ext_id: str | None = None


def article_table(items: Sequence[Item]) -> pa.Table:
    """An article batch, in bulk."""
    cols: dict[str, list[Any]] = {name: [] for name in ARTICLE_SCHEMA.names}
    for it in items:
        a = it.article
        cols["id"].append(a.id)
        cols["ext_id"].append(it.ext_id)
        cols["text"].append(a.text)
        cols["date"].append(a.date)
        cols["title"].append(a.title)
        cols["source"].append(a.source)
        cols["url"].append(a.url)
        cols["origin"].append(a.origin)
    return pa.table(cols, schema=ARTICLE_SCHEMA)


def table_items(table: pa.Table) -> list[Item]:
    """An article batch back to records (inside a worker)."""
    out = []
    for r in table.select(ARTICLE_SCHEMA.names).to_pylist():
        date = r["date"]
        if isinstance(date, _date):
            date = date.isoformat()
        art = Article(
            id=r["id"],
            text=r["text"],
            date=date,
            title=r["title"],
            source=r["source"],
            url=r["url"],
            origin=r["origin"],
        )
        out.append(Item(art, r["ext_id"]))
    return out


def coded_table(pairs: Iterable[tuple[Item, Coded]], coder_version: str) -> pa.Table:
    """The coder's verdicts as a coded batch."""
    cols: dict[str, list[Any]] = {name: [] for name in CODED_SCHEMA.names}
    for it, res in pairs:
        a = it.article
        for name, value in (
            ("id", a.id),
            ("ext_id", it.ext_id),
            ("text", a.text),
            ("date", a.date),
            ("title", a.title),
            ("source", a.source),
            ("url", a.url),
            ("origin", a.origin),
        ):
            cols[name].append(value)
        cols["coder_version"].append(coder_version)
        cols["voices"].append(voices_json(res.voices) if res.rejected is None else None)
        if res.rejected is not None:
            cols["events"].append(None)
            cols["warnings"].append(None)
            cols["reject_code"].append(res.rejected.code)
            cols["reject_message"].append(res.rejected.message)
        else:
            cols["events"].append(
                json.dumps([ev.to_dict() for ev in res.events], ensure_ascii=False)
            )
            cols["warnings"].append(json.dumps(res.warnings, ensure_ascii=False))
            cols["reject_code"].append(None)
            cols["reject_message"].append(None)
    return pa.table(cols, schema=CODED_SCHEMA)


# -- store rows ---------------------------------------------------------------------------

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("event_index", pa.int32()),
        ("sentence_index", pa.int32()),
        ("sentence_start", pa.int32()),
        ("sentence", pa.string()),
        ("event_type", pa.string()),
        ("plover_type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.list_(pa.string())),
        ("cameo", pa.string()),
        ("quad", pa.int8()),
        ("status", pa.string()),
        ("reciprocal", pa.bool_()),
        ("historical", pa.bool_()),
        ("referential", pa.bool_()),
        ("confidence", pa.float64()),
        ("source_name", pa.string()),
        ("source_country", pa.string()),
        ("source_sector", pa.string()),
        ("target_name", pa.string()),
        ("target_country", pa.string()),
        ("target_sector", pa.string()),
        ("source", pa.string()),
        ("target", pa.string()),
        ("source_span", pa.string()),
        ("target_span", pa.string()),
        ("trigger_text", pa.string()),
        ("trigger_start", pa.int32()),
        ("trigger_end", pa.int32()),
        ("hedge", pa.string()),
        ("speaker_name", pa.string()),
        ("speaker_country", pa.string()),
        ("via", pa.list_(pa.string())),
        ("attribution", pa.string()),
        ("date", pa.date32()),
        ("date_text", pa.string()),
        ("date_precision", pa.string()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("location", pa.string()),
        ("mentions", pa.string()),
        ("coder_version", pa.string()),
        ("extra", pa.string()),
    ]
)

#: `Event.to_dict()` keys that have their own columns; any other key goes to `extra`.
MAPPED_KEYS = frozenset(
    {
        "event_id", "article_id", "sentence_index", "sentence_start", "sentence", "event_type",
        "plover_type", "mode", "contexts", "cameo", "quad", "status", "reciprocal", "historical",
        "referential", "confidence", "source", "target", "source_span", "target_span", "trigger",
        "hedge", "attribution", "date", "date_text", "date_precision", "location", "mentions",
        "coder_version",
    }
)  # fmt: skip

ACTOR_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("event_id", pa.string()),
        ("event_index", pa.int32()),
        ("role", pa.string()),
        ("position", pa.int16()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("wikidata", pa.string()),
        ("rule", pa.string()),
    ]
)

_ACTOR_FIELDS = ("text", "start", "end", "name", "country", "sector", "wikidata", "rule")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _iso_date(value: str | None) -> _date | None:
    if not value:
        return None
    try:
        return _date.fromisoformat(value[:10])
    except ValueError:
        return None


def _join(values: Iterable[str | None]) -> str | None:
    """Flat multi-actor cells, as `wirecoder.frames.flat_row` writes them: unique, ';'-joined."""
    vals = [v for v in values if v]
    return ";".join(dict.fromkeys(vals)) if vals else None


def event_tables(events: Iterable[tuple[int, Event]]) -> tuple[pa.Table, pa.Table]:
    """(events, actors) tables for (position in article, event) pairs."""
    return event_rows((i, ev.to_dict()) for i, ev in events)


def event_rows(events: Iterable[tuple[int, dict[str, Any]]]) -> tuple[pa.Table, pa.Table]:
    """(events, actors) tables from `Event.to_dict()` dicts (what a coded batch carries).

    Working on the dicts spares a second `Event` round trip per event in the driver.
    """
    ev_cols: dict[str, list[Any]] = {name: [] for name in EVENT_SCHEMA.names}
    ac_cols: dict[str, list[Any]] = {name: [] for name in ACTOR_SCHEMA.names}

    def add_actor(d: dict[str, Any], idx: int, role: str, pos: int, actor: dict[str, Any]) -> None:
        ac_cols["article_id"].append(d["article_id"])
        ac_cols["event_id"].append(d["event_id"])
        ac_cols["event_index"].append(idx)
        ac_cols["role"].append(role)
        ac_cols["position"].append(pos)
        for f in _ACTOR_FIELDS:
            ac_cols[f].append(actor.get(f))

    for idx, d in events:
        loc = d.get("location") or {}
        sp = d["attribution"]["speaker"]
        src, tgt = d["source"], d["target"]
        row = {
            "event_id": d["event_id"],
            "article_id": d["article_id"],
            "event_index": idx,
            "sentence_index": d["sentence_index"],
            "sentence_start": d["sentence_start"],
            "sentence": d["sentence"],
            "event_type": d["event_type"],
            "plover_type": d.get("plover_type"),
            "mode": d["mode"],
            "contexts": d["contexts"],
            "cameo": d["cameo"],
            "quad": d["quad"],
            "status": d["status"],
            "reciprocal": d["reciprocal"],
            "historical": d.get("historical"),
            "referential": d.get("referential"),
            "confidence": d["confidence"],
            "source_name": _join(a.get("name") or a.get("text") for a in src),
            "source_country": _join(a.get("country") for a in src),
            "source_sector": _join(a.get("sector") for a in src),
            "target_name": _join(a.get("name") or a.get("text") for a in tgt),
            "target_country": _join(a.get("country") for a in tgt),
            "target_sector": _join(a.get("sector") for a in tgt),
            "source": _json(d["source"]),
            "target": _json(d["target"]),
            "source_span": _json(d.get("source_span")),
            "target_span": _json(d.get("target_span")),
            "trigger_text": d["trigger"]["text"],
            "trigger_start": d["trigger"]["start"],
            "trigger_end": d["trigger"]["end"],
            "hedge": _json(d["hedge"]),
            "speaker_name": (sp.get("name") or sp.get("text")) if sp else None,
            "speaker_country": sp.get("country") if sp else None,
            "via": d["attribution"]["via"],
            "attribution": _json(d["attribution"]),
            "date": _iso_date(d["date"]),
            "date_text": d["date_text"],
            "date_precision": d["date_precision"],
            "location_name": loc.get("name"),
            "location_country": loc.get("country"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
            "location": _json(d["location"]),
            "mentions": _json(d["mentions"]),
            "coder_version": d["coder_version"],
            "extra": _json({k: v for k, v in d.items() if k not in MAPPED_KEYS} or None),
        }
        for name, value in row.items():
            ev_cols[name].append(value)
        for role in ("source", "target"):
            for pos, actor in enumerate(d[role]):
                add_actor(d, idx, role, pos, actor)
        if sp:
            add_actor(d, idx, "speaker", 0, sp)
    return (
        pa.table(ev_cols, schema=EVENT_SCHEMA),
        pa.table(ac_cols, schema=ACTOR_SCHEMA),
    )


def _loads(value: Any) -> Any:
    if value is None or not isinstance(value, str | bytes):
        return value
    return json.loads(value)


def row_to_event(row: dict[str, Any]) -> Event:
    """A row of the events table back to the `Event` it was written from."""
    d = row.get("date")
    return Event.from_dict(
        {
            **(_loads(row.get("extra")) or {}),
            "event_id": row["event_id"],
            "article_id": row["article_id"],
            "sentence_index": row["sentence_index"],
            "sentence_start": row["sentence_start"],
            "sentence": row["sentence"],
            "event_type": row["event_type"],
            "plover_type": row.get("plover_type"),
            "mode": row["mode"],
            "contexts": row["contexts"],
            "cameo": row["cameo"],
            "quad": row["quad"],
            "source": _loads(row["source"]),
            "target": _loads(row["target"]),
            "reciprocal": row["reciprocal"],
            "historical": row.get("historical"),
            "referential": row.get("referential"),
            "status": row["status"],
            "hedge": _loads(row["hedge"]),
            "trigger": {
                "text": row["trigger_text"],
                "start": row["trigger_start"],
                "end": row["trigger_end"],
            },
            "attribution": _loads(row["attribution"]),
            "date": d.isoformat() if isinstance(d, _date) else d,
            "date_text": row["date_text"],
            "date_precision": row["date_precision"],
            "location": _loads(row["location"]),
            "confidence": row["confidence"],
            "mentions": _loads(row["mentions"]),
            "source_span": _loads(row.get("source_span")),
            "target_span": _loads(row.get("target_span")),
            "coder_version": row["coder_version"],
        }
    )


def coded_events(table: pa.Table) -> list[tuple[int, dict[str, Any]]]:
    """The events of a coded batch (as `Event.to_dict()` dicts), with their positions."""
    out: list[tuple[int, dict[str, Any]]] = []
    for raw in table.column("events").to_pylist():
        if raw:
            out.extend(enumerate(json.loads(raw)))
    return out


def coded_rejects(table: pa.Table) -> list[Rejected]:
    """Rows of a coded batch that the coder rejected."""
    out = []
    for r in table.select(["id", "origin", "reject_code", "reject_message"]).to_pylist():
        if r["reject_code"]:
            out.append(Rejected(r["origin"] or r["id"], r["reject_code"], r["reject_message"]))
    return out


__all__ = [
    "ACTOR_SCHEMA",
    "ARTICLE_SCHEMA",
    "CODED_SCHEMA",
    "EVENT_SCHEMA",
    "Item",
    "article_table",
    "coded_events",
    "coded_rejects",
    "coded_table",
    "event_rows",
    "event_tables",
    "row_to_event",
    "table_items",
]
