"""Clusters for the page (issue 16 item 4, issue 18 item 6): which cluster an event is in and
how many articles and outlets report it, and one cluster's reports with why each joined.

Read straight from the store's `clusters` and `cluster_members` tables with fixed SQL and
bound values, like the rest of the API.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..cluster.api import FIELDS
from ..store import Store
from .params import ENDPOINTS, BadParameter

#: A cluster id as `cluster.core.cluster_id` makes it: "c" and 15 hex digits.
CLUSTER_ID = re.compile(r"^c[0-9a-f]{15}$")


def with_clusters(store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events with their `cluster_id` and the cluster's `n_articles` and `n_sources` (None
    when the event is in no cluster): one look-up for a page of events."""
    ids = sorted({e["event_id"] for e in events if e.get("event_id")})
    found: dict[str, tuple[str, int, int]] = {}
    if ids:
        for eid, cid, n_art, n_src in store.con.execute(
            "SELECT m.event_id, m.cluster_id, c.n_articles, c.n_sources "
            "FROM cluster_members m JOIN clusters c ON c.cluster_id = m.cluster_id "
            "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        ).fetchall():
            found[eid] = (cid, n_art, n_src)
    for e in events:
        cid, n_art, n_src = found.get(e.get("event_id") or "", (None, None, None))
        e.update(cluster_id=cid, cluster_n_articles=n_art, cluster_n_sources=n_src)
    return events


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def cluster(
    store: Store, cluster_id: str, query: Mapping[str, Sequence[str]]
) -> dict[str, Any] | None:
    """`/api/clusters/<id>`: the cluster's record (the fields of `wirecoder clusters --json`)
    and its reports: article, title, outlet, date, event, trigger and the reason it joined
    (fields matched, similarity). None if there is no such cluster; BadParameter if the id
    cannot be one."""
    ENDPOINTS["/api/clusters/{id}"].parse(query)
    if not CLUSTER_ID.match(cluster_id):
        raise BadParameter("id", "must be a cluster id: c and 15 hex digits", cluster_id[:64])
    found = store.con.execute(
        f"SELECT {', '.join(FIELDS)} FROM clusters WHERE cluster_id = ?", [cluster_id]
    ).fetchall()
    if not found:
        return None
    rec: dict[str, Any] = {k: _iso(v) for k, v in zip(FIELDS, found[0], strict=True)}
    members = store.con.execute(
        """
        SELECT m.article_id, m.event_id, e.event_index, a.title, a.source, m.outlet,
               strftime(coalesce(e.date, a.date), '%Y-%m-%d') AS day,
               coalesce(e.plover_type, e.event_type), e.status, e.trigger_text, m.reason
        FROM cluster_members m
        LEFT JOIN events e ON e.event_id = m.event_id AND e.article_id = m.article_id
        LEFT JOIN articles a ON a.id = m.article_id
        WHERE m.cluster_id = ?
        ORDER BY m.day NULLS LAST, m.event_id
        """,
        [cluster_id],
    ).fetchall()
    keys = (
        "article_id",
        "event_id",
        "event_index",
        "title",
        "source",
        "outlet",
        "date",
        "type",
        "status",
        "trigger",
        "reason",
    )
    rec["members"] = []
    for row in members:
        m = dict(zip(keys, row, strict=True))
        m["reason"] = json.loads(m["reason"]) if isinstance(m["reason"], str) else m["reason"]
        rec["members"].append(m)
    return rec


__all__ = ["CLUSTER_ID", "cluster", "with_clusters"]
