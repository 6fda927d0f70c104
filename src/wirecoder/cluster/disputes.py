"""Reports that disagree across articles: one outlet's event asserted, another's denied.

A cluster never joins a negated report with asserted ones (a denial is not another report
of the deed), so the disagreement the voices issue asks for across articles is found here:
each negated event is compared, by the clustering's own decision with its status set aside,
with the asserted events of other articles in its blocks (same family of types, a shared
country, the same or next week). A match is a dispute: the asserted report's cluster, the
denial, and why they were paired. Read-only; run on demand (`wirecoder clusters --disputes`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .core import Item, Params, article_vectors, block_index, decide, neighbours, vectors
from .store import load_items

if TYPE_CHECKING:
    from ..store import Store


def disputes(store: Store, params: Params | None = None) -> list[dict[str, Any]]:
    """One record per asserted cluster that another article denies: `cluster_id`,
    `event_type`, `event_ids` (the cluster's reports, then the denials) and `stances`
    (`article_id`, `event_id`, `outlet`, `status`, `sentence`, and for a denial the
    `similarity` and matched `fields` that paired it)."""
    params = params or Params.load()
    con = store.con
    items, texts = load_items(con)
    if not any(it.status == "negated" for it in items):
        return []
    items.sort(key=Item.order)
    vec = vectors([it.text for it in items])
    ctx = article_vectors(items, texts)
    blocks = block_index(items)
    cluster_of = dict(con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    found: dict[str, dict[str, Any]] = {}
    for i, neg in enumerate(items):
        if neg.status != "negated":
            continue
        as_asserted = replace(neg, status="asserted")
        best: tuple[float, int, Any] | None = None
        for j in sorted(neighbours(neg, blocks)):
            other = items[j]
            if other.status == "negated" or other.article_id == neg.article_id:
                continue
            sim = float(vec[i] @ vec[j])
            link = decide(as_asserted, other, sim, ctx.pair(i, j), params, i, j)
            if link is not None and (best is None or link.score > best[0]):
                best = (link.score, j, link)
        if best is None:
            continue
        _, j, link = best
        cid = cluster_of.get(items[j].event_id, items[j].event_id)
        rec = found.setdefault(cid, {"cluster_id": cid, "event_type": items[j].kind,
                                     "event_ids": [], "stances": []})  # fmt: skip
        if not rec["stances"]:
            for m in items:
                if cluster_of.get(m.event_id) == cid and m.status != "negated":
                    rec["event_ids"].append(m.event_id)
                    rec["stances"].append(_stance(m))
        rec["event_ids"].append(neg.event_id)
        rec["stances"].append(
            {**_stance(neg), "similarity": round(link.similarity, 4), "fields": list(link.fields)}
        )
    return [found[k] for k in sorted(found)]


def _stance(it: Item) -> dict[str, Any]:
    return {"article_id": it.article_id, "event_id": it.event_id, "outlet": it.outlet,
            "status": it.status, "sentence": it.text}  # fmt: skip


__all__ = ["disputes"]
