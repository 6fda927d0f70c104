"""The API's parameters, in one table: the handlers parse with it and /api/openapi.json is
written from it, so the description cannot drift from what the server accepts.

Every parameter is a `Param` (name, JSON-schema type, description, parser); every endpoint an
`Endpoint` naming the parameters it takes. `Endpoint.parse` refuses a parameter the endpoint
does not know, one given twice, or a value its parser refuses, each as a `BadParameter` (400).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records import STATUSES

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
#: The largest offset SQL takes (a BIGINT); a larger one was a 500 from the database.
MAX_OFFSET = 2**63 - 1

#: Export formats of /api/export, by the name the API takes: (store format, content type,
#: file suffix).
EXPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "csv": ("csv", "text/csv; charset=utf-8", "csv"),
    "plover": ("plover-json", "application/x-ndjson; charset=utf-8", "jsonl"),
    "gdelt": ("gdelt-tsv", "text/tab-separated-values; charset=utf-8", "tsv"),
}

_TYPE = re.compile(r"^[A-Z][A-Z_]{1,31}$")
_COUNTRY = re.compile(r"^[A-Z0-9]{2,4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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
            "code": "E303",  # errors.Codes.E303: an invalid option
            "parameter": self.parameter,
            "reason": self.reason,
        }
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass(frozen=True)
class Param:
    """One query parameter: its JSON schema, what it means, and how its text is checked."""

    name: str
    schema: dict[str, Any]
    doc: str
    parse: Callable[[str, str], Any]  # (name, stripped non-empty text) -> value
    default: Any = None
    required: bool = False


def _pattern(regex: re.Pattern[str], reason: str, upper: bool = False) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        value = raw.upper() if upper else raw
        if not regex.match(value):
            raise BadParameter(name, reason, value)
        return value

    return parse


def _choice(choices: Sequence[str], lower: bool = True) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        value = raw.lower() if lower else raw
        if value not in choices:
            raise BadParameter(name, f"must be one of {', '.join(choices)}", value)
        return value

    return parse


def _text(limit: int) -> Callable[[str, str], str]:
    def parse(name: str, raw: str) -> str:
        if len(raw) > limit:
            raise BadParameter(name, f"must be at most {limit} characters")
        return raw

    return parse


def _integer(lo: int, hi: int | None) -> Callable[[str, str], int]:
    bound = f"between {lo} and {hi}" if hi is not None else f"at least {lo}"

    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise BadParameter(name, f"must be an integer {bound}", raw) from None
        if value < lo or (hi is not None and value > hi):
            raise BadParameter(name, f"must be an integer {bound}", raw)
        return value

    return parse


def _fraction(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise BadParameter(name, "must be a number between 0 and 1", raw)
    return value


def _day(name: str, raw: str) -> date:
    try:
        if not _DATE.match(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(name, "must be a date YYYY-MM-DD", raw) from None


_COUNTRY_PARSE = _pattern(_COUNTRY, "must be a country code such as KEN or IGO", upper=True)
_STR = {"type": "string"}
_CODE = {"type": "string", "pattern": "^[A-Za-z0-9]{2,4}$", "example": "SOM"}

#: The event filters, shared by every endpoint that selects events.
FILTERS: tuple[Param, ...] = (
    Param(
        "type",
        {**_STR, "example": "ASSAULT"},
        "PLOVER event type (the PLOVER reading, as /api/stats counts it); any case.",
        _pattern(_TYPE, "must be a PLOVER event type such as ASSAULT", upper=True),
    ),
    Param(
        "country",
        _CODE,
        "Country code of a source or target actor (ISO 3166 alpha-3, or IGO, UNO, ...).",
        _COUNTRY_PARSE,
    ),
    Param(
        "source_country",
        _CODE,
        "Country code of a source actor (the first side of a dyad).",
        _COUNTRY_PARSE,
    ),
    Param(
        "target_country",
        _CODE,
        "Country code of a target actor (the second side of a dyad).",
        _COUNTRY_PARSE,
    ),
    Param(
        "status",
        {**_STR, "enum": list(STATUSES)},
        "The event's status.",
        _choice(STATUSES),
    ),
    Param("q", _STR, "Words the sentence contains (case does not matter).", _text(200)),
    Param(
        "actor",
        _STR,
        "Part of a source or target actor's name or text (case does not matter).",
        _text(100),
    ),
    Param("outlet", _STR, "The article's source (publisher), exactly.", _text(200)),
    Param(
        "date_from",
        {**_STR, "format": "date"},
        "Events on or after this day (the event's date, else the article's).",
        _day,
    ),
    Param(
        "date_to",
        {**_STR, "format": "date"},
        "Events on or before this day (the event's date, else the article's).",
        _day,
    ),
    Param(
        "min_confidence",
        {"type": "number", "minimum": 0, "maximum": 1},
        "Events whose confidence is at least this.",
        _fraction,
    ),
)
FILTER_NAMES: tuple[str, ...] = tuple(p.name for p in FILTERS)

LIMIT = Param(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
    "Events per page.",
    _integer(1, MAX_LIMIT),
    DEFAULT_LIMIT,
)
OFFSET = Param(
    "offset",
    {"type": "integer", "minimum": 0, "default": 0},
    "Events to skip (paging).",
    _integer(0, MAX_OFFSET),
    0,
)
TOP = Param(
    "top",
    {"type": "integer", "minimum": 1, "maximum": 100, "default": 15},
    "Rows in the top lists (country pairs).",
    _integer(1, 100),
    15,
)
FORMAT = Param(
    "format",
    {**_STR, "enum": list(EXPORT_FORMATS)},
    "csv (flat columns), plover (PLOVER JSON, one record a line) or gdelt (dyadic TSV).",
    _choice(tuple(EXPORT_FORMATS)),
    required=True,
)


@dataclass(frozen=True)
class Endpoint:
    """One GET endpoint: where it is, what it answers, which parameters it takes."""

    path: str
    summary: str
    params: tuple[Param, ...]
    content: str = "application/json"
    path_params: tuple[tuple[str, str], ...] = ()  # (name, description)
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)

    def parse(self, query: Mapping[str, Sequence[str]]) -> dict[str, Any]:
        """Checked values by name (defaults filled in); BadParameter for anything else."""
        allowed = self.names()
        for name in query:
            if name not in allowed:
                takes = ", ".join(allowed) if allowed else "no parameters"
                raise BadParameter(name, f"unknown parameter; this endpoint takes {takes}")
        out: dict[str, Any] = {}
        for p in self.params:
            values = query.get(p.name)
            if values and len(values) > 1:
                raise BadParameter(p.name, "given more than once")
            raw = values[0].strip() if values else ""
            if not raw:
                if p.required:
                    raise BadParameter(p.name, "is required")
                out[p.name] = p.default
                continue
            out[p.name] = p.parse(p.name, raw)
        if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
            raise BadParameter("date_to", "must not be before date_from", str(out["date_to"]))
        return out


ENDPOINTS: dict[str, Endpoint] = {
    e.path: e
    for e in (
        Endpoint(
            "/api/events",
            "A page of the filtered events, newest first, and how many match in all.",
            (*FILTERS, LIMIT, OFFSET),
        ),
        Endpoint(
            "/api/places",
            "Located events of the filter grouped by place, for the map: counts by quad "
            "class and the first events of each place.",
            FILTERS,
        ),
        Endpoint(
            "/api/facets",
            "Counts of the filter for the page's lists: by type, status, country, outlet, "
            "top country pairs, and a time series by quad class. Each list is counted "
            "without its own filter, so its other choices still show.",
            (*FILTERS, TOP),
        ),
        Endpoint(
            "/api/export",
            "Exactly the filtered events as a download, streamed.",
            (FORMAT, *FILTERS),
            content="text/csv",
            extra={"formats": {k: v[1] for k, v in EXPORT_FORMATS.items()}},
        ),
        Endpoint(
            "/api/stats",
            "The counts of `wirecoder stats` over the whole store, plus counts by quad class.",
            (TOP,),
        ),
        Endpoint(
            "/api/articles/{id}",
            "One article's text and its events, with every character offset (Unicode code "
            "points of `text`).",
            (),
            path_params=(("id", "The article's id (the content hash of its text)."),),
        ),
        Endpoint(
            "/api/clusters/{id}",
            "One cluster (one real-world event reported by one or more articles): the fields "
            "of `wirecoder clusters --json` and its reports, each with its article's title, "
            "outlet and date, the event and its trigger, and the reason it joined (fields "
            "matched, similarity).",
            (),
            path_params=(("id", "The cluster's id (c and 15 hex digits), as events carry it."),),
        ),
        Endpoint("/api/openapi.json", "This description of the API.", ()),
    )
}


def openapi(version: str) -> dict[str, Any]:
    """An OpenAPI 3.1 description of every endpoint and parameter, from `ENDPOINTS`."""
    paths: dict[str, Any] = {}
    for ep in ENDPOINTS.values():
        parameters = [
            {"name": name, "in": "path", "required": True, "description": doc, "schema": _STR}
            for name, doc in ep.path_params
        ]
        parameters += [
            {
                "name": p.name,
                "in": "query",
                "required": p.required,
                "description": p.doc,
                "schema": p.schema,
            }
            for p in ep.params
        ]
        content: dict[str, Any]
        if ep.path == "/api/export":
            content = {ctype.split(";")[0]: {} for ctype in ep.extra["formats"].values()}
        else:
            content = {ep.content: {"schema": {"type": "object"}}}
        responses: dict[str, Any] = {"200": {"description": "OK", "content": content}}
        if ep.params or ep.path_params:
            responses["400"] = {
                "description": "A parameter is refused: `parameter` names it, `reason` says why."
            }
        if ep.path_params:
            what = ep.path.split("/")[2].rstrip("s")  # articles -> article
            responses["404"] = {"description": f"No such {what}."}
        paths[ep.path] = {
            "get": {"summary": ep.summary, "parameters": parameters, "responses": responses}
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "wirecoder serve",
            "version": version,
            "description": "Read-only JSON API over a wirecoder event store (GET and HEAD only).",
        },
        "paths": paths,
    }


__all__ = [
    "DEFAULT_LIMIT",
    "ENDPOINTS",
    "EXPORT_FORMATS",
    "FILTERS",
    "FILTER_NAMES",
    "MAX_LIMIT",
    "BadParameter",
    "Endpoint",
    "Param",
    "openapi",
]
