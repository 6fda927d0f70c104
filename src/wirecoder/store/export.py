"""Exports from the store: Parquet, CSV, PLOVER JSON and a GDELT-style dyadic TSV.

All four stream in record batches, so exporting a store larger than memory works.

- `parquet`: every events column (JSON columns as JSON text) plus the article's date, title,
  publisher and URL; the lossless one.
- `csv`: the flat columns of `wirecoder.to_frame` (`hedge`: the outlet's "reportedly"), plus
  publication date, publisher and URL.
- `plover-json`: one JSON object per line shaped like the event records in the PLOVER manual
  (chapter "Data Fields": id, date, actor, recipient, event, mode, context, event_loc, ...);
  wirecoder's own fields (status, attribution, offsets) sit under `wirecoder`. Following the
  manual, a reciprocal event lists all its parties as `actor` and no `recipient`.
- `gdelt-tsv`: the dyadic layout GDELT and ICEWS users know: one row per source–target pair
  (compound sides expand to every pair), reciprocal events in both directions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import IO, Any

from ..errors import Codes, ConfigError, StoreError
from ..records import Actor, Event
from .rows import row_to_event
from .store import Store

FORMATS = ("parquet", "csv", "plover-json", "gdelt-tsv")

_BASE = """
SELECT e.*, a.date AS publication_date, a.title AS article_title, a.source AS publisher,
       a.url AS article_url, a.coded_at AS coded_at
FROM events e JOIN articles a ON a.id = e.article_id
{where}
ORDER BY e.article_id, e.event_index
"""

_FLAT = """
SELECT e.event_id, e.article_id, e.sentence_index, e.event_type, e.plover_type, e.mode, e.quad,
       e.cameo, e.status, json_extract_string(e.hedge, '$.text') AS hedge, e.source_name,
       e.source_country, e.source_sector, e.target_name,
       e.target_country, e.target_sector, e.reciprocal, e.trigger_text AS trigger, e.date,
       e.date_text, e.date_precision, e.location_name, e.location_country, e.lat, e.lon,
       e.speaker_name AS speaker, NULLIF(array_to_string(e.via, ';'), '') AS via,
       NULLIF(array_to_string(e.contexts, ';'), '') AS contexts, e.confidence, e.sentence,
       e.coder_version, a.date AS publication_date, a.source AS publisher, a.url,
       TRY_CAST(json_extract(e.extra, '$.killed') AS INTEGER) AS killed,
       TRY_CAST(json_extract(e.extra, '$.injured') AS INTEGER) AS injured
FROM events e JOIN articles a ON a.id = e.article_id
{where}
ORDER BY e.article_id, e.event_index
"""

CODEBOOK = "plover-0.8"


def _where(where: str | None) -> str:
    return f"WHERE ({where})" if where else ""


def _reader(store: Store, sql: str, rows: int = 8192, params: Sequence[Any] = ()) -> Any:
    import duckdb

    try:
        return store.con.sql(sql, params=list(params) or None).to_arrow_reader(rows)
    except duckdb.Error as exc:
        raise StoreError(Codes.E403, detail=str(exc).strip()) from exc


#: what the event-data exports leave out unless asked: background history the article
#: recounts ("the 2012 attack"), which is not the article's news
NEWS_ONLY = "NOT coalesce(e.historical, false)"
#: ... and what PLOVER would not record as an event: a denied, possible or requested action.
#: A promise or a threat is recorded, as the statement PLOVER reads it (`plover_type`: "will
#: meet" is AGREE, "could strike" THREATEN).
PLOVER_RECORDED = "(e.status = 'asserted' OR coalesce(e.plover_type, e.event_type) <> e.event_type)"


def export(
    store: Store,
    fmt: str,
    out: IO[bytes],
    *,
    where: str | None = None,
    include_history: bool = False,
    all_statuses: bool = False,
) -> int:
    """Write the store's events to a binary stream in `fmt`; returns rows written.

    CSV, PLOVER JSON and GDELT TSV hold what an event data set records: the articles' news
    (events flagged `historical`, references to earlier events, are left out unless
    `include_history`) and only events PLOVER would record (asserted ones, and promises or
    threats as the statements they are; negated, hypothetical and requested actions are left
    out unless `all_statuses`). Parquet is lossless and always holds every event.
    """
    if fmt not in FORMATS:
        raise ConfigError(Codes.E404, fmt=fmt, known=", ".join(FORMATS))
    if fmt != "parquet" and not include_history:
        where = f"({where}) AND {NEWS_ONLY}" if where else NEWS_ONLY
    if fmt != "parquet" and not all_statuses:
        where = f"({where}) AND {PLOVER_RECORDED}" if where else PLOVER_RECORDED
    if fmt == "parquet":
        return _parquet(store, out, where)
    if fmt == "csv":
        return _csv(store, out, where)
    writer = _plover_lines if fmt == "plover-json" else _gdelt_lines
    n = 0
    for line in writer(_rows(store, where)):
        out.write(line.encode("utf-8"))
        n += 1
    return n - (1 if fmt == "gdelt-tsv" else 0)  # the header is not a row


def export_chunks(
    store: Store,
    fmt: str,
    *,
    where: str | None = None,
    params: Sequence[Any] = (),
    include_history: bool = False,
    chunk: int = 1 << 16,
) -> Iterator[bytes]:
    """The CSV, PLOVER JSON or GDELT TSV export as a stream of byte chunks (for a web
    response): the same rows as `export`, a batch at a time. `where` may hold `?` placeholders
    bound to `params` (a web filter's values are never spliced into the SQL)."""
    import io

    if fmt not in FORMATS or fmt == "parquet":
        raise ConfigError(Codes.E404, fmt=fmt, known="csv, plover-json, gdelt-tsv")
    if not include_history:
        where = f"({where}) AND {NEWS_ONLY}" if where else NEWS_ONLY
    if fmt == "csv":
        import pyarrow.csv as pcsv

        reader = _reader(store, _FLAT.format(where=_where(where)), params=params)
        buf = io.BytesIO()
        with pcsv.CSVWriter(buf, reader.schema) as w:  # writes the header at once
            for batch in reader:
                w.write_batch(batch)
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        if buf.getvalue():  # the header of an empty export
            yield buf.getvalue()
        return
    writer = _plover_lines if fmt == "plover-json" else _gdelt_lines
    parts: list[str] = []
    size = 0
    for line in writer(_rows(store, where, params)):
        parts.append(line)
        size += len(line)
        if size >= chunk:
            yield "".join(parts).encode("utf-8")
            parts, size = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")


def _parquet(store: Store, out: IO[bytes], where: str | None) -> int:
    import pyarrow.parquet as pq

    reader = _reader(store, _BASE.format(where=_where(where)))
    n = 0
    with pq.ParquetWriter(out, reader.schema, compression="zstd") as w:
        for batch in reader:
            w.write_batch(batch)
            n += batch.num_rows
    return n


def _csv(store: Store, out: IO[bytes], where: str | None) -> int:
    import pyarrow.csv as pcsv

    reader = _reader(store, _FLAT.format(where=_where(where)))
    n = 0
    with pcsv.CSVWriter(out, reader.schema) as w:
        for batch in reader:
            w.write_batch(batch)
            n += batch.num_rows
    return n


def _rows(
    store: Store, where: str | None, params: Sequence[Any] = ()
) -> Iterator[tuple[Event, dict[str, Any]]]:
    for batch in _reader(store, _BASE.format(where=_where(where)), params=params):
        for row in batch.to_pylist():
            yield row_to_event(row), row


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return None if value is None else str(value)


def _day(value: Any) -> str | None:
    """YYYY-MM-DD of a date, datetime or ISO string."""
    text = _iso(value)
    return text[:10] if text else None


# -- PLOVER JSON --------------------------------------------------------------------------


def _entity(a: Actor) -> dict[str, Any]:
    """The manual's entity object (code, sector, entity_text, identifier_*), plus offsets."""
    obj = {
        "code": a.country,
        "sector": a.sector,
        "entity_text": a.text,
        "identifier_id": a.wikidata,
        "identifier_text": a.name,
        "start": a.start,
        "end": a.end,
    }
    return {k: v for k, v in obj.items() if v is not None}


_RESOLUTION = {"country": 1, "admin1": 2, "city": 4}


def plover_record(ev: Event, article: dict[str, Any] | None = None) -> dict[str, Any]:
    """One event as a PLOVER JSON record (manual v0.8, "Data Fields")."""
    article = article or {}
    actors, recipients = ev.plover_parties()  # "X said Y must go": X asks Y
    if ev.reciprocal and not ev.demanded:
        actors, recipients = [*ev.source, *ev.target], []
    loc = ev.location
    event_loc = None
    if loc is not None:
        event_loc = {
            "extracted_place": loc.text,
            "resolved_place": loc.name,
            "geonameid": loc.geonameid,
            "lat": loc.lat,
            "lon": loc.lon,
            "country_code": loc.country,
            "resolution": _RESOLUTION.get(loc.feature or ""),
        }
        event_loc = {k: v for k, v in event_loc.items() if v is not None}
    coder = f"wirecoder {ev.coder_version}".strip()
    return {
        "id": ev.event_id,
        "has_event": True,
        "date": ev.date,
        "actor": [_entity(a) for a in actors],
        "recipient": [_entity(a) for a in recipients],
        "event": [ev.plover_type or ev.event_type],
        "mode": [ev.mode] if ev.mode else [],
        "context": list(ev.contexts),
        "event_loc": event_loc,
        # the manual's ASSAULT fields ("dead", "injured"); present only when the text counts
        **{k: v for k, v in (("dead", ev.killed), ("injured", ev.injured)) if v is not None},
        "event_text": [ev.trigger.text],
        "quad_code": ev.quad,
        "text": ev.sentence,
        "text_info": {
            "sequence": ev.sentence_index,
            "start": ev.sentence_start,
            "end": ev.sentence_start + len(ev.sentence),
        },
        "cite_info": {
            k: v
            for k, v in {
                "citation": ev.article_id,
                "url": article.get("article_url"),
                "title": article.get("article_title"),
                "publication": article.get("publisher"),
                "language": "en",
                "coder": coder,
                "codebook": CODEBOOK,
            }.items()
            if v is not None
        },
        "coder": coder,
        "coded_date": _day(article.get("coded_at")),
        "wirecoder": {
            "article_id": ev.article_id,
            "event_type": ev.event_type,
            "status": ev.status,
            "reciprocal": ev.reciprocal,
            "historical": ev.historical,
            "referential": ev.referential,
            "cameo": ev.cameo,
            "confidence": round(ev.confidence, 4),
            "date_text": ev.date_text,
            "date_precision": ev.date_precision,
            "publication_date": _iso(article.get("publication_date")),
            "trigger": ev.to_dict()["trigger"],
            "hedge": ev.to_dict()["hedge"],
            "attribution": ev.attribution.to_dict(),
            "source": [a.to_dict() for a in ev.source],
            "target": [a.to_dict() for a in ev.target],
            "mentions": [m["text"] for m in ev.to_dict()["mentions"]],
            "provenance": ev.to_dict()["provenance"],
        },
    }


def _plover_lines(rows: Iterator[tuple[Event, dict[str, Any]]]) -> Iterator[str]:
    for ev, row in rows:
        yield json.dumps(plover_record(ev, row), ensure_ascii=False) + "\n"


# -- GDELT-style dyadic TSV ---------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "NumMentions",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PloverEvent", "PloverMode", "PloverContexts", "Status", "Reciprocal", "Reversed",
    "Confidence", "ArticleID", "SentenceIndex", "TriggerText", "Hedge",
)  # fmt: skip

_GEO_TYPE = {"country": 1, "admin1": 2, "city": 4}


def dyad_pairs(ev: Event) -> list[tuple[Actor | None, Actor | None, bool]]:
    """(source actor, target actor, reversed) rows; the same pairs as `Event.dyads()`."""
    srcs: list[Actor | None] = list(ev.source) or [None]
    tgts: list[Actor | None] = list(ev.target) or [None]
    if ev.reciprocal and not ev.target and len(ev.source) > 1:
        # "X and Y met": every ordered pair of the parties
        return [
            (s, t, i > j)
            for i, s in enumerate(ev.source)
            for j, t in enumerate(ev.source)
            if i != j
        ]
    if ev.reciprocal and not ev.target:
        return [(srcs[0], srcs[0], False)]  # "two rival gangs clashed": one party, both sides
    pairs = [(s, t, False) for s in srcs for t in tgts]
    if ev.reciprocal:
        pairs += [(t, s, True) for s, t, _ in pairs]
    return pairs


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def gdelt_rows(ev: Event, article: dict[str, Any] | None = None) -> list[list[str]]:
    """The TSV rows of one event (strings, in `GDELT_COLUMNS` order)."""
    article = article or {}
    day = ev.date or _iso(article.get("publication_date"))
    sqldate = day.replace("-", "") if day else ""
    frac = ""
    if day:
        d = date.fromisoformat(day[:10])
        frac = f"{d.year + (d.timetuple().tm_yday - 1) / 365.25:.4f}"
    added = (_day(article.get("coded_at")) or "").replace("-", "")
    loc = ev.location
    out = []
    for s, t, rev in dyad_pairs(ev):
        row = [
            ev.event_id,
            sqldate,
            sqldate[:6],
            sqldate[:4],
            frac,
            s.code if s else "",
            (s.name or s.text) if s else "",
            s.country if s else "",
            s.sector if s else "",
            t.code if t else "",
            (t.name or t.text) if t else "",
            t.country if t else "",
            t.sector if t else "",
            ev.sentence_index <= 1,
            ev.cameo,
            ev.cameo,
            (ev.cameo or "")[:2],
            ev.quad,
            1 + len(ev.mentions),
            _GEO_TYPE.get(loc.feature or "") if loc else None,
            loc.name if loc else None,
            loc.country if loc else None,
            loc.lat if loc else None,
            loc.lon if loc else None,
            loc.geonameid if loc else None,
            added,
            article.get("article_url"),
            ev.plover_type or ev.event_type,
            ev.mode,
            ";".join(ev.contexts),
            ev.status,
            ev.reciprocal,
            rev,
            round(ev.confidence, 4),
            ev.article_id,
            ev.sentence_index,
            ev.trigger.text,
            ev.hedge.text if ev.hedge else None,
        ]
        out.append([_cell(v) for v in row])
    return out


def _gdelt_lines(rows: Iterator[tuple[Event, dict[str, Any]]]) -> Iterator[str]:
    yield "\t".join(GDELT_COLUMNS) + "\n"
    for ev, row in rows:
        for cells in gdelt_rows(ev, row):
            yield "\t".join(cells) + "\n"


__all__ = [
    "FORMATS",
    "GDELT_COLUMNS",
    "dyad_pairs",
    "export",
    "export_chunks",
    "gdelt_rows",
    "plover_record",
]
