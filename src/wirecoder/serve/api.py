"""The JSON API over a read-only store: checked parameters in, plain dicts out.

Every query is a fixed SQL text; a filter only chooses which fixed condition is added, and
every value a user sends is bound as a parameter, never spliced into the SQL. Parameters are
parsed with the table in `params`, which also writes /api/openapi.json.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from .._version import __version__
from ..store import Store
from ..store.export import export_chunks
from ..store.stats import store_stats
from .clusters import cluster
from .params import (
    DEFAULT_LIMIT,
    ENDPOINTS,
    EXPORT_FORMATS,
    FILTER_NAMES,
    MAX_LIMIT,
    BadParameter,
)
from .params import openapi as _openapi
from .sql import QUAD_CLASSES, article_text, events_page, places_json

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


def _body(head: dict[str, Any], name: str, raw: str) -> bytes:
    """A JSON object: `head` encoded here, then `name` with the JSON text `raw` as written
    (a page of rows is never decoded only to be encoded again)."""
    text = json.dumps(head, ensure_ascii=False, default=str)[:-1]  # head is never empty
    return f"{text}, {json.dumps(name)}: {raw}}}".encode()


def events_body(store: Store, query: Mapping[str, Sequence[str]]) -> bytes:
    """`/api/events` as the server sends it (see `list_events`)."""
    args = ENDPOINTS["/api/events"].parse(query)
    filters = Filters.of(args, store)
    total, rows = events_page(store, *filters.conditions(), args["limit"], args["offset"])
    head = {
        "total": total,
        "limit": args["limit"],
        "offset": args["offset"],
        "filters": filters.public(),
    }
    return _body(head, "events", rows)


def list_events(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/events`: a page of filtered events, newest first, and how many match in all.
    Each event has every events column (JSON decoded), its article's title, date and source,
    its cluster and the cluster's counts, and its quad class."""
    out: dict[str, Any] = json.loads(events_body(store, query))
    return out


def places_body(store: Store, query: Mapping[str, Sequence[str]]) -> bytes:
    """`/api/places` as the server sends it (see `places`)."""
    filters = Filters.of(ENDPOINTS["/api/places"].parse(query), store)
    truncated, rows = places_json(store, *filters.conditions())
    return _body({"filters": filters.public(), "truncated": truncated}, "places", rows)


def places(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/places`: located events grouped by place (one dot a place), with counts by quad
    class, what the place is (town, region, country centroid) and its latest events;
    `truncated` when there were more than MAX_PLACES places (the busiest are sent)."""
    out: dict[str, Any] = json.loads(places_body(store, query))
    return out


def _bin(first: date | None, last: date | None) -> str:
    """Day, week or month bins, by the span the series covers (a few dozen bins)."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    return "day" if days <= 92 else "week" if days <= 3 * 365 else "month"


def _cells(cell: str | None) -> list[str]:
    """A flat country column's codes: 'SOM;IGO' -> [SOM, IGO]; none -> []."""
    return [c for c in (cell or "").split(";") if c]


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


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())  # DuckDB's date_trunc('week'): the Monday


_TRUNC = {"day": lambda d: d, "week": _week, "month": lambda d: d.replace(day=1)}


def facets(store: Store, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """`/api/facets`: the filter's counts by type, status, country, outlet and country pair,
    and its time series by quad class. Each list is counted without its own filter, so a
    chosen type still shows the other types' counts.

    One statement: each list is a branch of a UNION ALL (a branch is a plain GROUP BY, so
    the statement costs little to plan); the series comes back by day and is binned here."""
    args = ENDPOINTS["/api/facets"].parse(query)
    f = Filters.of(args, store)
    branches: list[str] = []
    params: list[Any] = []

    def branch(kind: str, a: str, b: str, source: str, without: Sequence[str], also: str = "",
               limit: int | None = None) -> None:  # fmt: skip
        where, values = f.where(without, also=also)
        top = "ORDER BY n DESC, a LIMIT ?" if limit is not None else ""
        branches.append(
            f"(SELECT '{kind}' AS kind, {a} AS a, {b} AS b, count(*) AS n {source} {where} "
            f"GROUP BY 1, 2, 3 {top})"
        )
        params.extend([*values, *([limit] if limit is not None else [])])

    events = "FROM events e"
    branch("type", "coalesce(e.plover_type, e.event_type)", "NULL", events, ("type",),
           "coalesce(e.plover_type, e.event_type) IS NOT NULL", 1000)  # fmt: skip
    branch("status", "e.status", "NULL", events, ("status",), "e.status IS NOT NULL", 1000)
    branch("outlet", "a.source", "NULL", _FROM, ("outlet",), "a.source IS NOT NULL", MAX_OUTLETS)
    # country and dyad counts from the few distinct (source, target) country cells
    branch("country", "e.source_country", "e.target_country", events, ("country",))
    branch("dyad", "e.source_country", "e.target_country", events,
           ("source_country", "target_country"))  # fmt: skip
    # the series: (day, quad) of the events with a day, their date, else their article's
    days, day_params = _dated(f, ("date_from", "date_to"))
    branches.append(
        "(SELECT 'day' AS kind, CAST(day AS VARCHAR) AS a, CAST(q AS VARCHAR) AS b, "
        f"count(*) AS n FROM ({days}) GROUP BY 1, 2, 3)"
    )
    params.extend(day_params)
    rows = store.con.execute(" UNION ALL ".join(branches), params).fetchall()

    lists: dict[str, list[tuple[Any, Any, int]]] = defaultdict(list)
    for kind, a, b, n in rows:
        lists[kind].append((a, b, int(n)))
    by_country: Counter[str] = Counter()
    for src, tgt, n in lists["country"]:
        for c in set(_cells(src)) | set(_cells(tgt)):
            by_country[c] += n
    by_dyad: Counter[tuple[str, str]] = Counter()
    for src, tgt, n in lists["dyad"]:
        for s in _cells(src):
            for t in _cells(tgt):
                by_dyad[(s, t)] += n
    names = country_names()
    dyads = sorted(by_dyad.items(), key=lambda kv: (-kv[1], kv[0]))[: args["top"]]
    per_day = [(date.fromisoformat(a), int(b), n) for a, b, n in lists["day"]]
    first = min((d for d, _, _ in per_day), default=None)
    last = max((d for d, _, _ in per_day), default=None)
    unit = _bin(first, last)
    series: Counter[tuple[str, int]] = Counter()
    for day, q, n in per_day:
        series[(_TRUNC[unit](day).isoformat(), q)] += n

    def counted(kind: str) -> list[list[Any]]:
        return [[a, n] for a, _, n in sorted(lists[kind], key=lambda r: (-r[2], r[0]))]

    return {
        "filters": f.public(),
        "types": counted("type"),
        "statuses": counted("status"),
        "outlets": counted("outlet"),
        "countries": [
            [c, names.get(c, c), n]
            for c, n in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "dyads": [[s, names.get(s, s), t, names.get(t, t), n] for (s, t), n in dyads],
        "series": {
            "bin": unit,
            "first": _plain(first),
            "last": _plain(last),
            # [bin start, quad (0: none), events]
            "rows": [[b, q, n] for (b, q), n in sorted(series.items())],
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


def article_body(store: Store, article_id: str, query: Mapping[str, Sequence[str]]) -> bytes | None:
    """`/api/articles/<id>` as the server sends it (see `article`); None if unknown."""
    ENDPOINTS["/api/articles/{id}"].parse(query)
    if not _ARTICLE_ID.match(article_id):
        raise BadParameter("id", "must be an article id (letters, digits, _ . : -)", article_id)
    found = article_text(store, article_id)
    return None if found is None else found.encode()


def article(store: Store, article_id: str, query: Mapping[str, Sequence[str]]) -> dict | None:
    """`/api/articles/<id>`: the article text and its events, with every character offset,
    and its quotes, framing and claims. None if unknown.

    Offsets count Unicode code points of `text` (Python string indices)."""
    found = article_body(store, article_id, query)
    return None if found is None else json.loads(found)


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
    "article_body",
    "cluster",
    "country_names",
    "events_body",
    "export",
    "facets",
    "list_events",
    "openapi",
    "parse_filters",
    "places",
    "places_body",
    "stats",
    "voices",
]
