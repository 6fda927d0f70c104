"""Clusters: one record per real-world event, joining reports from different articles.

    >>> import wirecoder
    >>> with wirecoder.open_store("events.duckdb", read_only=True) as st:  # doctest: +SKIP
    ...     df = wirecoder.clusters(st)       # one row per cluster, members with reasons

`core` decides which events join, `summary` makes the records, `store` keeps the store's
`clusters` and `cluster_members` tables up to date, `api` reads and exports them, and
`disputes` finds clusters another article denies.
`build_idf` and `tune_params` (run as modules) build the two shipped data files.

"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..store import Store


def clusters(
    store: Store | str | Path, where: str | None = None, *, records: bool = False
) -> pd.DataFrame | list[dict[str, Any]]:
    """The store's clusters: a DataFrame (or, with `records`, a list of dicts), one per
    cluster; `where` is an SQL condition on the clusters table (alias c)."""
    from ..store import Store
    from .api import clusters_frame, iter_clusters

    if isinstance(store, Store):
        return list(iter_clusters(store, where)) if records else clusters_frame(store, where)
    with Store(store, read_only=True) as st:
        return list(iter_clusters(st, where)) if records else clusters_frame(st, where)


def disputes(store: Store | str | Path) -> list[dict[str, Any]]:
    """Clusters another article denies: each with its reports and the denials that match
    it (`cluster_id`, `event_type`, `event_ids`, `stances`); see `cluster.disputes`."""
    from ..store import Store
    from .disputes import disputes as find

    if isinstance(store, Store):
        return find(store)
    with Store(store, read_only=True) as st:
        return find(st)


__all__ = ["clusters", "disputes"]
