"""The DuckDB event store: schema and migrations, idempotent bulk writes, exports, stats.

The names below load on first use: `wirecoder code` imports `wirecoder.store.cli` to list
its commands, and should not pay for DuckDB and pyarrow to do so."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .rows import Item
    from .schema import SCHEMA_VERSION
    from .store import BatchResult, Store

_WHERE = {"Item": ".rows", "SCHEMA_VERSION": ".schema", "BatchResult": ".store", "Store": ".store"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name], __name__), name)
    globals()[name] = value
    return value


__all__ = ["SCHEMA_VERSION", "BatchResult", "Item", "Store"]
