"""The JSON API over a read-only store: checked parameters in, plain dicts out.

Every query is a fixed SQL text; a filter only chooses which fixed condition is added, and
every value a user sends is bound as a parameter, never spliced into the SQL.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..records import STATUSES
from ..store import Store
from ..store.stats import store_stats

#: PLOVER quad classes, by the number stored in `events.quad`.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
#: The largest offset SQL takes (a BIGINT); a larger one was a 500 from the database.
MAX_OFFSET = 2**63 - 1
#: Events listed per map dot; the dot's size still counts them all.
PLACE_EVENTS = 50
#: Map dots sent at most (the busiest places first), so a huge store still draws quickly.
MAX_PLACES = 5000

_TYPE = re.compile(r"^[A-Z][A-Z_]{1,31}$")
_COUNTRY = re.compile(r"^[A-Z0-9]{2,4}$")
_ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
_FILTERS = ("type", "country", "status", "q")


class BadParameter(ValueError):
    """A query parameter the API refuses; becomes a 400 naming it and why."""

    def __init__(self, parameter: str, reason: str, value: str | None = None) -> None:
        super().__init__(f"{parameter}: {reason}")
        self.parameter = parameter
        self.reason = reason
        self.value = value

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "error": "bad parameter",
            "parameter": self.parameter,
            "reason": self.reason,
        }
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass(frozen=True)
class Filters:
    """The event filters shared by the list and the map, already checked."""

    type: str | None = None
    country: str | None = None
    status: str | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause from fixed conditions, and the values to bind to it."""
        parts: list[str] = []
        params: list[Any] = []
        if self.type:
            parts.append("(e.event_type = ? OR e.plover_type = ?)")
            params += [self.type, self.type]
        if self.country:
            parts.append(
                "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
                "AND x.event_index = e.event_index AND x.role IN ('source', 'target') "
                "AND x.country = ?)"
            )
            params.append(self.country)
        if self.status:
            parts.append("e.status = ?")
            params.append(self.status)
        if self.q:
            parts.append("strpos(lower(e.sentence), lower(?)) > 0")
            params.append(self.q)
        return ("WHERE " + " AND ".join(parts)) if parts else "", params


def _one(query: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = query.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise BadParameter(name, "given more than once")
    value = values[0].strip()
    return value or None


def _int(
    query: Mapping[str, Sequence[str]], name: str, default: int, lo: int, hi: int | None
) -> int:
    raw = _one(query, name)
    if raw is None:
        return default
    bound = f"between {lo} and {hi}" if hi is not None else f"at least {lo}"
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, f"must be an integer {bound}", raw) from None
    if value < lo or (hi is not None and value > hi):
        raise BadParameter(name, f"must be an integer {bound}", raw)
    return value


def check_params(query: Mapping[str, Sequence[str]], allowed: Sequence[str]) -> None:
    """Refuse parameters this endpoint does not know: a typo should not pass silently."""
    for name in query:
        if name not in allowed:
            raise BadParameter(name, f"unknown parameter; this endpoint takes {', '.join(allowed)}")


def parse_filters(query: Mapping[str, Sequence[str]]) -> Filters:
    """Checked filters: type and country upper-cased, status one of the coder's statuses."""
    kind = _one(query, "type")
    if kind is not None:
        kind = kind.upper()
        if not _TYPE.match(kind):
            raise BadParameter("type", "must be a PLOVER event type such as ASSAULT", kind)
    country = _one(query, "country")
    if country is not None:
        country = country.upper()
        if not _COUNTRY.match(country):
            raise BadParameter("country", "must be a country code such as KEN or IGO", country)
    status = _one(query, "status")
    if status is not None:
        status = status.lower()
        if status not in STATUSES:
            raise BadParameter("status", f"must be one of {', '.join(STATUSES)}", status)
    q = _one(query, "q")
    if q is not None and len(q) > 200:
        raise BadParameter("q", "must be at most 200 characters")
    return Filters(kind, country, status, q)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows as dicts; JSON columns decoded, dates as ISO strings."""
    return [{k: _plain(v) for k, v in rec.items()} for rec in store.records(sql, params)]


def _event(rec: dict[str, Any]) -> dict[str, Any]:
    rec["quad_class"] = QUAD_CLASSES.get(rec.get("quad") or 0)
    return rec


_EVENT_COLUMNS = (
    "e.*, a.title AS article_title, strftime(a.date, '%Y-%m-%d') AS article_date, "
    "a.source AS article_source"
)


def list_events(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/events`: a page of filtered events, newest first, and how many match in all."""
    check_params(query, (*_FILTERS, "limit", "offset"))
    filters = parse_filters(query)
    limit = _int(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = _int(query, "offset", 0, 0, MAX_OFFSET)
    where, params = filters.where()
    total = store.con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
    rows = _rows(
        store,
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id {where} "
        "ORDER BY coalesce(e.date, a.date) DESC NULLS LAST, e.article_id, e.event_index "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "total": int(total[0]) if total else 0,
        "limit": limit,
        "offset": offset,
        "filters": {k: v for k, v in vars(filters).items() if v is not None},
        "events": [_event(r) for r in rows],
    }


def places(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/places`: located events grouped by place and quad class, for the map."""
    check_params(query, _FILTERS)
    filters = parse_filters(query)
    where, params = filters.where()
    located = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
    where = f"{where} AND {located}" if where else f"WHERE {located}"
    rows = _rows(
        store,
        f"""
        SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon, e.quad AS quad,
               mode(e.location_name) AS name, mode(e.location_country) AS country,
               count(*) AS n,
               list({{'event_id': e.event_id, 'article_id': e.article_id,
                      'event_index': e.event_index,
                      'type': coalesce(e.plover_type, e.event_type), 'status': e.status}}
                    ORDER BY e.article_id, e.event_index)[1:{PLACE_EVENTS}] AS events
        FROM events e {where}
        GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?
        """,
        [*params, MAX_PLACES + 1],
    )
    for r in rows:
        r["quad_class"] = QUAD_CLASSES.get(r.get("quad") or 0)
    return {
        "filters": {k: v for k, v in vars(filters).items() if v is not None},
        "truncated": len(rows) > MAX_PLACES,
        "places": rows[:MAX_PLACES],
    }


def stats(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/stats`: the counts of `wirecoder stats`, plus counts by quad class."""
    check_params(query, ("top",))
    top = _int(query, "top", 15, 1, 100)
    out = store_stats(store, top=top)
    by_quad = store.con.execute(
        "SELECT quad, count(*) AS n FROM events GROUP BY 1 ORDER BY 1 NULLS LAST"
    ).fetchall()
    out["by_quad"] = [[q, QUAD_CLASSES.get(q or 0), n] for q, n in by_quad]
    return out


def article(store: Store, article_id: str, query: Mapping[str, Sequence[str]]) -> dict | None:
    """`/api/articles/<id>`: the article text and its events, with every character offset.

    Offsets count Unicode code points of `text` (Python string indices). None if unknown.
    """
    check_params(query, ())
    if not _ARTICLE_ID.match(article_id):
        raise BadParameter("id", "must be an article id (letters, digits, _ . : -)", article_id)
    found = _rows(
        store,
        "SELECT id, title, strftime(date, '%Y-%m-%d') AS date, source, url, text, "
        "coder_version, n_events FROM articles WHERE id = ?",
        [article_id],
    )
    if not found:
        return None
    art = found[0]
    art["events"] = [
        _event(r)
        for r in _rows(
            store,
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.article_id = ? ORDER BY e.event_index",
            [article_id],
        )
    ]
    art.update(voices(store, article_id))
    return art


def voices(store: Store, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """An article's quotes, framing and claims (issue 17), for the article view."""
    quotes = _rows(
        store,
        "SELECT quote_id, speaker_text, speaker_name, speaker_kind, anonymous, cue_text, "
        "cue_start, cue_end, content_text, content_start, content_end, kind, via, event_ids "
        "FROM quotes WHERE article_id = ? ORDER BY quote_index",
        [article_id],
    )
    framing = _rows(
        store,
        'SELECT text, start, "end", category, target_text, target_name FROM framing '
        "WHERE article_id = ? ORDER BY framing_index",
        [article_id],
    )
    claims = _rows(
        store, "SELECT claim_id, topic, event_ids, stances FROM claims WHERE article_id = ?",
        [article_id],
    )  # fmt: skip
    for c in claims:
        if isinstance(c["stances"], str):
            c["stances"] = json.loads(c["stances"])
        c["stances"] = c["stances"] or []
    return {"quotes": quotes, "framing": framing, "claims": claims}


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "QUAD_CLASSES",
    "BadParameter",
    "Filters",
    "article",
    "list_events",
    "parse_filters",
    "places",
    "stats",
    "voices",
]
