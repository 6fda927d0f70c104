"""One record per cluster: what the analyst reads (issue 16, item 4).

`n_sources` counts independent sources: two reports are one source when they come from the
same outlet or when their articles are copies of one wire story (near-duplicate text, by
SimHash), so a Reuters story reprinted by forty sites counts once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from .core import Clustering, Item, UnionFind
from .text import near_copies


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def independent_sources(items: Sequence[Item]) -> int:
    """Distinct sources among the reports: same outlet or wire copies count once."""
    arts: dict[str, tuple[str, int]] = {}
    for it in items:
        arts.setdefault(it.article_id, (it.outlet, it.fingerprint))
    ids = sorted(arts)
    uf = UnionFind(len(ids))
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            (oa, fa), (ob, fb) = arts[ids[i]], arts[ids[j]]
            if (oa and oa == ob) or near_copies(fa, fb):
                uf.union(i, j)
    return len({uf.find(i) for i in range(len(ids))})


def cluster_record(
    cid: str, items: Sequence[Item], reasons: Sequence[dict[str, Any] | None]
) -> dict[str, Any]:
    """The fields of one cluster, members in canonical order (date, event id)."""
    days = [it.day for it in items if it.day is not None]
    return {
        "cluster_id": cid,
        "event_type": _most_common(it.kind for it in items),
        "status": _most_common(it.status for it in items),
        "date_first": date.fromordinal(min(days)).isoformat() if days else None,
        "date_last": date.fromordinal(max(days)).isoformat() if days else None,
        "source_countries": sorted({c for it in items for c in it.src}),
        "target_countries": sorted({c for it in items for c in it.tgt}),
        "place": _most_common(it.place for it in items),
        "place_country": _most_common(it.place_country for it in items),
        "n_events": len(items),
        "n_articles": len({it.article_id for it in items}),
        "n_sources": independent_sources(items),
        "outlets": sorted({it.outlet for it in items if it.outlet}),
        "members": [
            {"article_id": it.article_id, "event_id": it.event_id, "reason": r}
            for it, r in zip(items, reasons, strict=True)
        ],
    }


def records(res: Clustering) -> list[dict[str, Any]]:
    """Every cluster of a clustering as a record, ordered by first date then id."""
    out = []
    for cid, idx in res.members.items():
        out.append(cluster_record(cid, [res.items[i] for i in idx], [res.reasons[i] for i in idx]))
    return sorted(out, key=lambda r: (r["date_first"] or "9999", r["cluster_id"]))


__all__ = ["cluster_record", "independent_sources", "records"]
