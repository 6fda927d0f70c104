"""The JSON API over a read-only store: checked parameters in, plain dicts out.

Every query is a fixed SQL text; a filter only chooses which fixed condition is added, and
every value a user sends is bound as a parameter, never spliced into the SQL. Parameters are
parsed with the table in `params`, which also writes /api/openapi.json.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from .._version import __version__
from ..store import Store
from ..store.export import export_chunks
from ..store.stats import store_stats
from .clusters import cluster, with_clusters
from .params import (
    DEFAULT_LIMIT,
    ENDPOINTS,
    EXPORT_FORMATS,
    FILTER_NAMES,
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
_HAS = "list_contains(string_split(e.{}_country, ';'), ?)"  # a side has an actor of a country

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
    #: whether some undated event has a dated article: only then must a date filter look at
    #: the articles (not a filter; set by `of` from the store)
    article_dates: bool = field(default=True, repr=False)

    @classmethod
    def of(cls, args: Mapping[str, Any], store: Store | None = None) -> Filters:
        """The filters among `args`; with the store, date filters skip the articles when no
        undated event could take its article's date."""
        values = {f.name: args.get(f.name) for f in fields(cls) if f.name in FILTER_NAMES}
        article_dates = True
        if store is not None and (values["date_from"] or values["date_to"]):
            article_dates = _article_dates(store)
        return cls(**values, article_dates=article_dates)

    def public(self) -> dict[str, Any]:
        """The filters in force, as the API echoes them."""
        return {k: _plain(getattr(self, k)) for k in FILTER_NAMES if getattr(self, k) is not None}

    def conditions(self, without: Sequence[str] = ()) -> tuple[str, list[Any]]:
        """Fixed SQL conditions joined by AND over `events e` alone, and the values to bind to
        them; filters named in `without` are left out (a facet's own)."""
        parts: list[str] = []
        params: list[Any] = []

        def add(name: str, sql: str, *values: Any) -> None:
            if getattr(self, name) is not None and name not in without:
                parts.append(sql)
                params.extend(values)

        add("type", "coalesce(e.plover_type, e.event_type) = ?", self.type)
        # the flat country columns hold each side's actors' countries, unique, ';'-joined:
        # the same sets as the actors table, read without a join
        add("country", f"({_HAS.format('source')} OR {_HAS.format('target')})", *[self.country] * 2)
        add("source_country", _HAS.format("source"), self.source_country)
        add("target_country", _HAS.format("target"), self.target_country)
        add("status", "e.status = ?", self.status)
        add("q", "strpos(lower(e.sentence), lower(?)) > 0", self.q)
        add(
            "actor",
            "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
            "AND x.event_index = e.event_index AND x.role IN ('source', 'target') AND "
            "strpos(lower(coalesce(x.name, '') || ' ' || coalesce(x.text, '')), lower(?)) > 0)",
            self.actor,
        )
        # the article's columns through a semi-join on the few articles that match, so no
        # query over the events has to join every article
        add("outlet", "e.article_id IN (SELECT id FROM articles WHERE source = ?)", self.outlet)
        for name, op in (("date_from", ">="), ("date_to", "<=")):
            if not self.article_dates:
                add(name, f"e.date {op} ?", getattr(self, name))
                continue
            add(
                name,
                f"(e.date {op} ? OR (e.date IS NULL AND e.article_id IN "
                f"(SELECT id FROM articles WHERE date {op} ?)))",
                *[getattr(self, name)] * 2,
            )
        add("min_confidence", "e.confidence >= ?", self.min_confidence)
        return " AND ".join(parts), params

    def where(self, without: Sequence[str] = (), also: str = "") -> tuple[str, list[Any]]:
        """A WHERE clause (empty when nothing filters), `also` added as a fixed condition."""
        sql, params = self.conditions(without)
        parts = [p for p in (sql, also) if p]
        return ("WHERE " + " AND ".join(parts)) if parts else "", params


def _article_dates(store: Store) -> bool:
    """Whether an undated event belongs to a dated article (its day is the article's)."""
    # (fetchall: a result left half-read would block the cursor's next query)
    undated = store.con.execute("SELECT EXISTS (SELECT 1 FROM events WHERE date IS NULL)")
    if not undated.fetchall()[0][0]:
        return False  # the common case, read from the column's statistics: no join
    found = store.con.execute(
        f"SELECT EXISTS (SELECT 1 {_FROM} WHERE e.date IS NULL AND a.date IS NOT NULL)"
    ).fetchall()
    return bool(found[0][0])


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
    filters = Filters.of(args, store)
    where, params = filters.where()
    total = int(
        store.con.execute(f"SELECT count(*) FROM events e {where}", params).fetchall()[0][0]
    )
    rows: list[dict[str, Any]] = []
    if args["offset"] < total:
        keys = _page_keys(store, filters, args["limit"], args["offset"])
        found_rows = {
            r.pop("_r"): r
            for r in _rows(
                store,
                "SELECT e.*, e.rowid AS _r FROM events e "
                "WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))",
                [keys],
            )
        }
        rows = _with_articles(store, [found_rows[k] for k in keys if k in found_rows])
    return {
        "total": total,
        "limit": args["limit"],
        "offset": args["offset"],
        "filters": filters.public(),
        "events": [_event(r) for r in with_clusters(store, rows)],
    }


def _with_articles(store: Store, recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows with their article's title, date and source (as `_EVENT_COLUMNS` gives):
    one look-up of a page's few articles, not a join of every article."""
    ids = sorted({r["article_id"] for r in recs})
    found = {
        i: (t, d, src)
        for i, t, d, src in store.con.execute(
            "SELECT id, title, strftime(date, '%Y-%m-%d'), source FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall()
    }
    for rec in recs:
        title, day, source = found.get(rec["article_id"], (None, None, None))
        rec.update(article_title=title, article_date=day, article_source=source)
    return recs


def _page_keys(store: Store, filters: Filters, limit: int, offset: int) -> list[int]:
    """Row ids of one page of the filter, newest first by the event's day (its date, else its
    article's). Dated and undated events are ranked apart and merged: the dated ones need no
    join with the articles, so a page of a million events costs a top-N, not a join."""
    cond, params = filters.conditions()
    extra = f"AND {cond}" if cond else ""
    k = offset + limit
    found = store.con.execute(
        f"""
        WITH d AS (SELECT e.rowid AS r, e.date AS day, e.article_id AS aid, e.event_index AS ix
                   FROM events e WHERE e.date IS NOT NULL {extra}
                   ORDER BY day DESC, aid, ix LIMIT ?),
             u AS (SELECT e.rowid AS r, a.date AS day, e.article_id AS aid, e.event_index AS ix
                   {_FROM} WHERE e.date IS NULL {extra}
                   ORDER BY day DESC NULLS LAST, aid, ix LIMIT ?)
        SELECT r FROM (SELECT * FROM d UNION ALL SELECT * FROM u)
        ORDER BY day DESC NULLS LAST, aid, ix LIMIT ? OFFSET ?
        """,
        [*params, k, *params, k, limit, offset],
    ).fetchall()
    return [int(r[0]) for r in found]


#: What a map place is: a town, a first-level region, or a country's centroid.
_PLACE_KINDS = {"city": "town", "admin1": "region", "country": "country centroid"}


def places(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/places`: located events grouped by place (one dot a place), with counts by quad
    class, what the place is (town, region, country centroid) and its latest events."""
    filters = Filters.of(ENDPOINTS["/api/places"].parse(query), store)
    where, params = filters.where(also="e.lat IS NOT NULL AND e.lon IS NOT NULL")
    rows = _rows(
        store,
        f"""
        SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon,
               mode(e.location_name) AS name, mode(e.location_country) AS country,
               any_value(e.location) AS location, count(*) AS n,
               [count_if(e.quad = 1), count_if(e.quad = 2), count_if(e.quad = 3),
                count_if(e.quad = 4), count_if(e.quad IS NULL OR e.quad NOT IN (1, 2, 3, 4))]
                   AS by_quad,
               max({{'d': e.date, 'a': e.article_id, 'i': e.event_index, 'r': e.rowid}},
                   {PLACE_EVENTS}) AS latest
        FROM events e {where}
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
        """,
        [*params, MAX_PLACES + 1],
    )[: MAX_PLACES + 1]
    wanted = [k["r"] for r in rows[:MAX_PLACES] for k in r["latest"]]
    listed = {
        rec.pop("r"): rec
        for rec in _rows(
            store,
            "SELECT e.rowid AS r, e.event_id, e.article_id, e.event_index, "
            "coalesce(e.plover_type, e.event_type) AS type, e.status, e.quad, "
            "strftime(e.date, '%Y-%m-%d') AS date, e.source_name AS source, "
            "e.target_name AS target, e.trigger_text AS trigger "
            "FROM events e WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))",
            [wanted],
        )
    }
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
        loc = r.pop("location")
        loc = json.loads(loc) if isinstance(loc, str) else loc or {}
        r["feature"] = loc.get("feature")
        r["kind"] = _PLACE_KINDS.get(r["feature"] or "", "place")
        r["events"] = [listed[k["r"]] for k in r.pop("latest") if k["r"] in listed]
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


def _sides(
    store: Store, where: str, params: Sequence[Any]
) -> list[tuple[list[str], list[str], int]]:
    """Events counted by their (source countries, target countries): few distinct pairs of
    cells however many events, so country and dyad counts need no scan of the actors."""
    found = store.con.execute(
        f"SELECT e.source_country, e.target_country, count(*) FROM events e {where} GROUP BY 1, 2",
        list(params),
    ).fetchall()
    split = lambda cell: [c for c in (cell or "").split(";") if c]  # noqa: E731
    return [(split(s), split(t), int(n)) for s, t, n in found]


def _dated(filters: Filters, without: Sequence[str]) -> tuple[str, list[Any]]:
    """(day, quad) of the filter's events with a day: their date, else their article's."""
    cond, params = filters.conditions(without)
    extra = f"AND {cond}" if cond else ""
    sql = (
        "SELECT e.date AS day, coalesce(e.quad, 0) AS q FROM events e "
        f"WHERE e.date IS NOT NULL {extra} UNION ALL "
        f"SELECT a.date AS day, coalesce(e.quad, 0) AS q {_FROM} "
        f"WHERE e.date IS NULL AND a.date IS NOT NULL {extra}"
    )
    return sql, [*params, *params]


def facets(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/facets`: the filter's counts by type, status, country, outlet and country pair,
    and its time series by quad class. Each list is counted without its own filter, so a
    chosen type still shows the other types' counts."""
    args = ENDPOINTS["/api/facets"].parse(query)
    f = Filters.of(args, store)

    def grouped(expr: str, without: Sequence[str], join: bool = False, limit: int = 1000) -> list:
        where, params = f.where(without, also=f"{expr} IS NOT NULL")
        source = _FROM if join else "FROM events e"
        return _pairs(
            store,
            f"SELECT {expr} AS k, count(*) AS n {source} {where} GROUP BY 1 "
            "ORDER BY n DESC, 1 LIMIT ?",
            [*params, limit],
        )

    by_country: Counter[str] = Counter()
    for src, tgt, n in _sides(store, *f.where(("country",))):
        for c in set(src) | set(tgt):
            by_country[c] += n
    by_dyad: Counter[tuple[str, str]] = Counter()
    for src, tgt, n in _sides(store, *f.where(("source_country", "target_country"))):
        for s in src:
            for t in tgt:
                by_dyad[(s, t)] += n
    names = country_names()
    dyads = sorted(by_dyad.items(), key=lambda kv: (-kv[1], kv[0]))[: args["top"]]

    days, params = _dated(f, ("date_from", "date_to"))
    first, last = store.con.execute(f"SELECT min(day), max(day) FROM ({days})", params).fetchall()[
        0
    ]
    unit = _bin(first, last)
    series = _pairs(
        store,
        f"SELECT strftime(date_trunc('{unit}', day), '%Y-%m-%d') AS b, q, count(*) AS n "
        f"FROM ({days}) GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    return {
        "filters": f.public(),
        "types": grouped("coalesce(e.plover_type, e.event_type)", ("type",)),
        "statuses": grouped("e.status", ("status",)),
        "outlets": grouped("a.source", ("outlet",), join=True, limit=MAX_OUTLETS),
        "countries": [
            [c, names.get(c, c), n]
            for c, n in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "dyads": [[s, names.get(s, s), t, names.get(t, t), n] for (s, t), n in dyads],
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
    conditions, params = Filters.of(args, store).conditions()
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
        for r in with_clusters(
            store,
            _rows(
                store,
                f"SELECT {_EVENT_COLUMNS} {_FROM} WHERE e.article_id = ? ORDER BY e.event_index",
                [article_id],
            ),
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
    "cluster",
    "country_names",
    "export",
    "facets",
    "list_events",
    "openapi",
    "parse_filters",
    "places",
    "stats",
    "voices",
]
