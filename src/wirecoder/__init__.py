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

__version__ = "0.1.0"

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

    from .coder import Coded, Coder
    from .pipeline import Analysis


def get_coder(actors: Iterable[str | Path] = ()) -> Coder:
    """The process-wide coder for a set of user dictionaries (models load once)."""
    from .coder import default_coder

    return default_coder(tuple(str(a) for a in actors))


def code(
    text: str | Article | dict[str, Any],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
) -> list[Event]:
    """Code one article (headline on the first line) into PLOVER events."""
    return get_coder(actors).code(text, date)


def code_many(
    items: Iterable[str | Article | dict[str, Any] | Rejected],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
) -> Iterator[Coded]:
    """Code many articles in batches; yields one `Coded` (events or rejection) per input."""
    return get_coder(actors).code_many(items, date)


def analyze(
    text: str | Article | dict[str, Any],
    date: str | None = None,
    *,
    actors: Iterable[str | Path] = (),
) -> Analysis:
    """Everything the pipeline found: mentions, candidate triggers (with reasons), events."""
    return get_coder(actors).analyze(text, date)


def to_frame(events: Iterable[Event | Coded]) -> pd.DataFrame:
    """Events as a pandas DataFrame, one row per event, with flat dyad columns."""
    from .frames import events_to_frame

    return events_to_frame(events)


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
    "code",
    "code_many",
    "get_coder",
    "to_frame",
]
