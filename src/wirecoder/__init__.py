"""wirecoder: auditable PLOVER event data from news text.

    >>> import wirecoder
    >>> events = wirecoder.code("Rebels attacked a police station in Kandahar.", date="2015-10-21")
    >>> wirecoder.to_frame(events)  # doctest: +SKIP

The public API is what this module exports; everything else is internal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    ConfigError,
    EngineError,
    EvalError,
    InputError,
    ResourceError,
    StoreError,
    WirecoderError,
)
from .records import (
    EVENT_TYPES,
    STATUSES,
    Actor,
    Article,
    Attribution,
    Event,
    Location,
    Rejected,
    Span,
)

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis
    from .coder import Coded, Coder
    from .store import Store
    from .store.ingest import RunSummary
    from .voices.records import Voices


def get_coder(actors: Iterable[str | Path] = (), fast: bool = False) -> Coder:
    """The process-wide coder for a set of user dictionaries (models load once).

    `fast` leaves out the learned decision over candidates (MiniLM): about twice as fast,
    less precise (see the README's figures for both modes)."""
    from .coder import default_coder

    return default_coder(tuple(str(a) for a in actors), fast)


def code(
    text: str | Article | dict[str, Any],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
    fast: bool = False,
) -> list[Event]:
    """Code one article into PLOVER events: who did what to whom, when, where.

    Args:
        text: the article. A string (its first line is the headline), an `Article`, or a dict
            with `text` and optional `id`, `date`, `title`, `source`, `url`.
        date: publication date (YYYY-MM-DD) when the article carries none; relative dates
            ("on Tuesday") are resolved from it and are null without one.
        actors: your own actor dictionaries (YAML or TSV paths); they override the built-ins.
        fast: leave out the learned decision over candidates (MiniLM): faster, less precise.

    Returns:
        One `Event` per event found, in text order, each with its status (asserted, negated,
        future, hypothetical, requested), character offsets into the coded text, and
        `to_dict()` for JSON. An article without events gives an empty list.

    Raises:
        InputError: unusable input (E102 empty, E106 no text field, E107 too large, E111 bad
            date, E113 not an object...); `code_many` returns these as rejections instead.
        ConfigError: an invalid actor dictionary (E301, E302).
        ResourceError: a broken installation (E201 spaCy model, E202 data, E205 learned model).
    """
    return get_coder(actors, fast).code(text, date)


def code_many(
    items: Iterable[str | Article | dict[str, Any] | Rejected],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
    fast: bool = False,
) -> Iterator[Coded]:
    """Code many articles in batches; yields one `Coded` (events or rejection) per input."""
    return get_coder(actors, fast).code_many(items, date)


def analyze(
    text: str | Article | dict[str, Any],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
    fast: bool = False,
) -> Voices:
    """Who says what: the article's events with its quotes, framing and disagreeing claims.

    Returns a `Voices` record: `article`, `events` (as `code` gives them), `quotes` (speaker,
    speaker_kind, cue, content, kind direct|indirect|mixed, via, event_ids), `framing` (the
    outlet's own labels, doubt markers and loaded words, with their target actor) and `claims`
    (one source asserting what another denies). `to_dict()` gives the JSON `wirecoder
    analyze` prints. Raises what `code` raises.
    """
    return get_coder(actors, fast).voices(text, date)


def analyze_internals(
    text: str | Article | dict[str, Any],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
) -> Analysis:
    """The pipeline's internals: mentions, candidate triggers (with reasons), events.

    For debugging the coder; what used to be `analyze` before it returned `Voices`."""
    return get_coder(actors).analyze(text, date)


def to_frame(events: Iterable[Event | Coded]) -> pd.DataFrame:
    """Events as a pandas DataFrame, one row per event, with flat dyad columns."""
    from .frames import events_to_frame

    return events_to_frame(events)


def ingest(paths: Iterable[str | Path], db: str | Path, **options: Any) -> RunSummary:
    """Code files (text, JSONL, HTML, Parquet, folders) into a DuckDB event store.

    Safe to repeat and to resume: stored articles (same text) are skipped. Options:
    date, engine ("local" | "ray"), workers, address, actors, triggers, batch_size, english.
    """
    from .store.ingest import ingest as run

    return run(paths, db, **options)


def recode(db: str | Path, **options: Any) -> RunSummary:
    """Re-code a store's articles with this coder, replacing their events atomically."""
    from .store.ingest import recode as run

    return run(db, **options)


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """The event store at `path` (created when opened for writing); use as a context manager."""
    from .store import Store

    return Store(path, read_only=read_only)


def clusters(
    store: Store | str | Path, where: str | None = None, *, records: bool = False
) -> pd.DataFrame | list[dict[str, Any]]:
    """A store's clusters of events across articles: one row per real-world event, with
    how many articles and independent sources report it and why each report joined."""
    from .cluster import clusters as run

    return run(store, where, records=records)


__all__ = [
    "EVENT_TYPES",
    "STATUSES",
    "Actor",
    "Article",
    "Attribution",
    "ConfigError",
    "EngineError",
    "EvalError",
    "Event",
    "InputError",
    "Location",
    "Rejected",
    "ResourceError",
    "Span",
    "StoreError",
    "WirecoderError",
    "__version__",
    "analyze",
    "analyze_internals",
    "clusters",
    "code",
    "code_many",
    "get_coder",
    "ingest",
    "open_store",
    "recode",
    "to_frame",
]


def __dir__() -> list[str]:
    """The public API only (`dir(wirecoder)`), not the names the module imports for itself."""
    return sorted(__all__)
