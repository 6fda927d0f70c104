"""The JSON API over a read-only store: checked parameters in, plain dicts out.

Every query is a fixed SQL text; a filter only chooses which fixed condition is added, and
every value a user sends is bound as a parameter, never spliced into the SQL. Parameters are
parsed with the table in `params`, which also writes /api/openapi.json.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from .._version import __version__
from ..store import Store
from ..store.export import export_chunks
from ..store.stats import store_stats
from .params import (
    DEFAULT_LIMIT,
    ENDPOINTS,
    EXPORT_FORMATS,
    MAX_LIMIT,
    BadParameter,
)
from .params import openapi as _openapi

#: PLOVER quad classes, by the number stored in `events.quad`.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

#: Events listed per map place; the place's counts still count them all.
PLACE_EVENTS = 50
#: Map places sent at most (the busiest first), so a huge store still draws quickly.
MAX_PLACES = 5000
#: Outlets listed in the facets at most (the busiest first).
MAX_OUTLETS = 100

_ARTICLE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
_DAY = "coalesce(e.date, a.date)"  # an event's day: its own date, else its article's
_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"

#: Names of codes that are not countries (CAMEO's international actors).
NONSTATE_NAMES = {
    "IGO": "intergovernmental organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "non-governmental organization",
    "IMG": "international militant group",
    "MNC": "multinational corporation",
}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country and international-actor names by code, for the page's country picker."""
    out = dict(NONSTATE_NAMES)
    text = resources.files("wirecoder.actors.data").joinpath("countries.tsv").read_text("utf-8")
    for row in csv.DictReader(text.splitlines(), delimiter="\t"):
        out.setdefault(row["iso3"], row["name"])
    return out


@dataclass(frozen=True)
class Filters:
    """The event filters shared by the list, the map, the facets and the export, checked."""

    type: str | None = None
    country: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    status: str | None = None
    q: str | None = None
    actor: str | None = None
    outlet: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_confidence: float | None = None

    @classmethod
    def of(cls, args: Mapping[str, Any]) -> Filters:
        return cls(**{f.name: args.get(f.name) for f in fields(cls)})

    def public(self) -> dict[str, Any]:
        """The filters in force, as the API echoes them."""
        return {k: _plain(v) for k, v in vars(self).items() if v is not None}

    def conditions(self, without: Sequence[str] = ()) -> tuple[str, list[Any]]:
        """Fixed SQL conditions joined by AND (over `events e` and `articles a`), and the
        values to bind to them; filters named in `without` are left out (a facet's own)."""
        parts: list[str] = []
        params: list[Any] = []

        def add(name: str, sql: str, *values: Any) -> None:
            if getattr(self, name) is not None and name not in without:
                parts.append(sql)
                params.extend(values)

        add("type", "coalesce(e.plover_type, e.event_type) = ?", self.type)
        add("country", _actor_in("('source', 'target')", "x.country = ?"), self.country)
        add("source_country", _actor_in("('source')", "x.country = ?"), self.source_country)
        add("target_country", _actor_in("('target')", "x.country = ?"), self.target_country)
        add("status", "e.status = ?", self.status)
        add("q", "strpos(lower(e.sentence), lower(?)) > 0", self.q)
        add(
            "actor",
            _actor_in(
                "('source', 'target')",
                "strpos(lower(coalesce(x.name, '') || ' ' || coalesce(x.text, '')), lower(?)) > 0",
            ),
            self.actor,
        )
        add("outlet", "a.source = ?", self.outlet)
        add("date_from", f"{_DAY} >= ?", self.date_from)
        add("date_to", f"{_DAY} <= ?", self.date_to)
        add("min_confidence", "e.confidence >= ?", self.min_confidence)
        return " AND ".join(parts), params

    def where(self, without: Sequence[str] = (), also: str = "") -> tuple[str, list[Any]]:
        """A WHERE clause (empty when nothing filters), `also` added as a fixed condition."""
        sql, params = self.conditions(without)
        parts = [p for p in (sql, also) if p]
        return ("WHERE " + " AND ".join(parts)) if parts else "", params


def _actor_in(roles: str, condition: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
        f"AND x.event_index = e.event_index AND x.role IN {roles} AND {condition})"
    )


def parse_filters(query: Mapping[str, Sequence[str]]) -> Filters:
    """Checked filters from a query (type and country upper-cased, status a known one)."""
    return Filters.of(ENDPOINTS["/api/places"].parse(query))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _rows(store: Store, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows as dicts; JSON columns decoded, dates as ISO strings."""
    return [{k: _plain(v) for k, v in rec.items()} for rec in store.records(sql, params)]


def _pairs(store: Store, sql: str, params: Sequence[Any]) -> list[list[Any]]:
    return [[_plain(v) for v in r] for r in store.con.execute(sql, list(params)).fetchall()]


def _event(rec: dict[str, Any]) -> dict[str, Any]:
    rec["quad_class"] = QUAD_CLASSES.get(rec.get("quad") or 0)
    return rec


_EVENT_COLUMNS = (
    "e.*, a.title AS article_title, strftime(a.date, '%Y-%m-%d') AS article_date, "
    "a.source AS article_source"
)


def list_events(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/events`: a page of filtered events, newest first, and how many match in all."""
    args = ENDPOINTS["/api/events"].parse(query)
    filters = Filters.of(args)
    where, params = filters.where()
    total = store.con.execute(f"SELECT count(*) {_FROM} {where}", params).fetchone()
    rows = _rows(
        store,
        f"SELECT {_EVENT_COLUMNS} {_FROM} {where} "
        f"ORDER BY {_DAY} DESC NULLS LAST, e.article_id, e.event_index LIMIT ? OFFSET ?",
        [*params, args["limit"], args["offset"]],
    )
    return {
        "total": int(total[0]) if total else 0,
        "limit": args["limit"],
        "offset": args["offset"],
        "filters": filters.public(),
        "events": [_event(r) for r in rows],
    }


#: What a map place is: a town, a first-level region, or a country's centroid.
_PLACE_KINDS = {"city": "town", "admin1": "region", "country": "country centroid"}


def places(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/places`: located events grouped by place (one dot a place), with counts by quad
    class, what the place is (town, region, country centroid) and its first events."""
    filters = Filters.of(ENDPOINTS["/api/places"].parse(query))
    where, params = filters.where(also="e.lat IS NOT NULL AND e.lon IS NOT NULL")
    rows = _rows(
        store,
        f"""
        SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon,
               mode(e.location_name) AS name, mode(e.location_country) AS country,
               mode(json_extract_string(e.location, '$.feature')) AS feature,
               count(*) AS n,
               [count_if(e.quad = 1), count_if(e.quad = 2), count_if(e.quad = 3),
                count_if(e.quad = 4), count_if(e.quad IS NULL OR e.quad NOT IN (1, 2, 3, 4))]
                   AS by_quad,
               list({{'article_id': e.article_id, 'event_index': e.event_index,
                      'type': coalesce(e.plover_type, e.event_type), 'status': e.status,
                      'quad': e.quad, 'date': strftime({_DAY}, '%Y-%m-%d'),
                      'source': e.source_name, 'target': e.target_name,
                      'trigger': e.trigger_text}}
                    ORDER BY {_DAY} DESC NULLS LAST, e.article_id, e.event_index
               )[1:{PLACE_EVENTS}] AS events
        {_FROM} {where}
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
        """,
        [*params, MAX_PLACES + 1],
    )
    for r in rows:
        counts = r["by_quad"]
        r["by_quad"] = {str(q): counts[q - 1] for q in QUAD_CLASSES if counts[q - 1]}
        if counts[4]:
            r["by_quad"]["0"] = counts[4]
        # the dot's colour: its commonest quad class (the lower number on a tie)
        r["quad"] = (
            max(QUAD_CLASSES, key=lambda q: (counts[q - 1], -q)) if any(counts[:4]) else None
        )
        r["quad_class"] = QUAD_CLASSES.get(r["quad"] or 0)
        r["kind"] = _PLACE_KINDS.get(r.get("feature") or "", "place")
    return {
        "filters": filters.public(),
        "truncated": len(rows) > MAX_PLACES,
        "places": rows[:MAX_PLACES],
    }


def _bin(first: date | None, last: date | None) -> str:
    """Day, week or month bins, by the span the series covers (a few dozen bins)."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    return "day" if days <= 92 else "week" if days <= 3 * 365 else "month"


_DYADS = """
WITH f AS (SELECT e.article_id, e.event_index {from_} {where}),
     s AS (SELECT DISTINCT article_id, event_index, country FROM actors WHERE role = 'source'),
     t AS (SELECT DISTINCT article_id, event_index, country FROM actors WHERE role = 'target')
SELECT s.country AS source, t.country AS target, count(*) AS n
FROM f
JOIN s ON s.article_id = f.article_id AND s.event_index = f.event_index
JOIN t ON t.article_id = f.article_id AND t.event_index = f.event_index
WHERE s.country IS NOT NULL AND t.country IS NOT NULL
GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
"""


def facets(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/facets`: the filter's counts by type, status, country, outlet and country pair,
    and its time series by quad class. Each list is counted without its own filter, so a
    chosen type still shows the other types' counts."""
    args = ENDPOINTS["/api/facets"].parse(query)
    f = Filters.of(args)

    def grouped(expr: str, without: Sequence[str], also: str = "", limit: int = 1000) -> list:
        where, params = f.where(without, also)
        return _pairs(
            store,
            f"SELECT {expr} AS k, count(*) AS n {_FROM} {where} GROUP BY 1 "
            "ORDER BY n DESC, 1 LIMIT ?",
            [*params, limit],
        )

    where, params = f.where(("country",))
    countries = _pairs(
        store,
        f"""
        SELECT country, count(*) AS n FROM (
            SELECT DISTINCT x.country, x.article_id, x.event_index
            FROM actors x JOIN events e
              ON e.article_id = x.article_id AND e.event_index = x.event_index
            JOIN articles a ON a.id = e.article_id
            {where} {"AND" if where else "WHERE"} x.role IN ('source', 'target')
              AND x.country IS NOT NULL)
        GROUP BY 1 ORDER BY n DESC, 1
        """,
        params,
    )
    names = country_names()
    where, params = f.where(("source_country", "target_country"))
    dyads = _pairs(store, _DYADS.format(from_=_FROM, where=where), [*params, args["top"]])

    where, params = f.where(("date_from", "date_to"), also=f"{_DAY} IS NOT NULL")
    span = store.con.execute(f"SELECT min({_DAY}), max({_DAY}) {_FROM} {where}", params)
    first, last = span.fetchone() or (None, None)
    unit = _bin(first, last)
    series = _pairs(
        store,
        f"SELECT strftime(date_trunc('{unit}', {_DAY}), '%Y-%m-%d') AS b, "
        f"coalesce(e.quad, 0) AS q, count(*) AS n {_FROM} {where} GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    return {
        "filters": f.public(),
        "types": grouped("coalesce(e.plover_type, e.event_type)", ("type",)),
        "statuses": grouped("e.status", ("status",)),
        "outlets": grouped("a.source", ("outlet",), "a.source IS NOT NULL", MAX_OUTLETS),
        "countries": [[c, names.get(c, c), n] for c, n in countries],
        "dyads": [[s, names.get(s, s), t, names.get(t, t), n] for s, t, n in dyads],
        "series": {
            "bin": unit,
            "first": _plain(first),
            "last": _plain(last),
            "rows": series,  # [bin start, quad (0: none), events]
        },
    }


def export(store: Store, query: Mapping[str, Sequence[str]]) -> tuple[str, str, Iterator[bytes]]:
    """`/api/export`: (content type, file name, body chunks) of exactly the filtered events.

    Every event the list shows is exported, background history included, so the file and
    the page count the same events (GDELT TSV has a row per source-target pair).
    """
    args = ENDPOINTS["/api/export"].parse(query)
    fmt, ctype, suffix = EXPORT_FORMATS[args["format"]]
    conditions, params = Filters.of(args).conditions()
    chunks = export_chunks(
        store, fmt, where=conditions or None, params=params, include_history=True
    )
    return ctype, f"wirecoder-events.{suffix}", chunks


def stats(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/stats`: the counts of `wirecoder stats`, plus counts by quad class."""
    top = ENDPOINTS["/api/stats"].parse(query)["top"]
    out = store_stats(store, top=top)
    by_quad = store.con.execute(
        "SELECT quad, count(*) AS n FROM events GROUP BY 1 ORDER BY 1 NULLS LAST"
    ).fetchall()
    out["by_quad"] = [[q, QUAD_CLASSES.get(q or 0), n] for q, n in by_quad]
    return out


def openapi(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/openapi.json`: every endpoint and parameter, from the table the handlers use."""
    ENDPOINTS["/api/openapi.json"].parse(query)
    return _openapi(__version__)


def article(store: Store, article_id: str, query: Mapping[str, Sequence[str]]) -> dict | None:
    """`/api/articles/<id>`: the article text and its events, with every character offset.

    Offsets count Unicode code points of `text` (Python string indices). None if unknown.
    """
    ENDPOINTS["/api/articles/{id}"].parse(query)
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
            f"SELECT {_EVENT_COLUMNS} {_FROM} WHERE e.article_id = ? ORDER BY e.event_index",
            [article_id],
        )
    ]
    return art


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "QUAD_CLASSES",
    "BadParameter",
    "Filters",
    "article",
    "country_names",
    "export",
    "facets",
    "list_events",
    "openapi",
    "parse_filters",
    "places",
    "stats",
]
