"""The DuckDB event store: schema and migrations, idempotent bulk writes, exports, stats."""

from .rows import Item
from .schema import SCHEMA_VERSION
from .store import BatchResult, Store

__all__ = ["SCHEMA_VERSION", "BatchResult", "Item", "Store"]
