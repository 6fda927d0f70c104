"""Clusters in the event store: rebuilt whole (`recluster`) or grown batch by batch (`ingest`).

Why incremental adding gives the clusters a rebuild would: clusters are connected components
of links, so a new event can only join existing clusters together or open one. A batch's new
events are compared with the stored members that share a blocking key (type family, country,
week or the next one); every cluster they link to is merged with them, its id recomputed from
the earliest member, and an older member's reason replaced when a new link is better. All of
it runs on the store connection inside the caller's transaction.

When events are replaced (`recode`), the clusters that held the old events are re-clustered
from their remaining members (a component can only split), then the new events are added.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pyarrow as pa

from .core import (
    ANY_COUNTRY,
    NO_COUNTRY,
    WEEK,
    Clustering,
    Item,
    Link,
    Params,
    block_index,
    candidate_links,
    cluster_id,
    near_weeks,
    probe_keys,
    trigger_key,
    week_of,
)
from .summary import cluster_record
from .text import fingerprint, vectors

if TYPE_CHECKING:
    import duckdb

ITEMS_SQL = """
SELECT e.event_id, e.article_id, e.event_type, e.sentence, coalesce(e.date, a.date) AS day,
       e.status, e.source_country, e.target_country, e.reciprocal, e.location_name,
       e.location_country, json_extract_string(e.location, '$.feature') AS location_feature,
       a.source AS outlet_name, a.url, e.trigger_text
FROM events e JOIN articles a ON a.id = e.article_id
"""

CLUSTER_COLUMNS = (
    "cluster_id, event_type, status, date_first, date_last, source_countries, target_countries, "
    "place, place_country, n_events, n_articles, n_sources, outlets"
)


def outlet(source: str | None, url: str | None) -> str:
    """The outlet: the article's `source` field, else its URL's host without 'www.'."""
    if source and source.strip():
        return source.strip().lower()
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:
            host = ""
        return host.removeprefix("www.")
    return ""


def _countries(flat: str | None) -> frozenset[str]:
    return frozenset(c for c in (flat or "").split(";") if c)


def _item(row: dict[str, Any]) -> Item:
    day = row["day"]
    # a place is a town or a region two reports share; a country-level place (often only the
    # story's country) adds nothing the parties' countries do not already say
    country_level = row.get("location_feature") == "country"
    return Item(
        event_id=row["event_id"],
        article_id=row["article_id"],
        kind=row["event_type"],
        trigger=trigger_key(row["trigger_text"]),
        text=row["sentence"] or "",
        day=day.toordinal() if isinstance(day, date) else None,
        status=row["status"] or "asserted",
        src=_countries(row["source_country"]),
        tgt=_countries(row["target_country"]),
        reciprocal=bool(row["reciprocal"]),
        place="" if country_level else row["location_name"] or "",
        place_country="" if country_level else row["location_country"] or "",
        outlet=outlet(row["outlet_name"], row["url"]),
    )


def _ids(con: duckdb.DuckDBPyConnection, name: str, ids: Iterable[str]) -> None:
    con.register(name, pa.table({"id": pa.array(sorted(set(ids)), pa.string())}))


def load_items(
    con: duckdb.DuckDBPyConnection,
    *,
    events: Iterable[str] | None = None,
    articles: Iterable[str] | None = None,
    texts: bool = True,
) -> tuple[list[Item], dict[str, str]]:
    """Items for the given event ids or article ids (all events when neither), with their
    article texts and fingerprints (`texts=False`: neither, the caller has them)."""
    sql = ITEMS_SQL
    if events is not None:
        _ids(con, "_cl_ev", events)
        sql += " JOIN _cl_ev ON _cl_ev.id = e.event_id"
    elif articles is not None:
        _ids(con, "_cl_ev", articles)
        sql += " JOIN _cl_ev ON _cl_ev.id = e.article_id"
    try:
        items: list[Item] = []
        for batch in con.sql(sql).to_arrow_reader(65536):
            items.extend(_item(r) for r in batch.to_pylist())
    finally:
        if events is not None or articles is not None:
            con.unregister("_cl_ev")
    if not texts:
        return items, {}
    texts_of = article_texts(con, {it.article_id for it in items})
    prints = {a: fingerprint(t) for a, t in texts_of.items()}
    for it in items:
        it.fingerprint = prints.get(it.article_id, 0)
    return items, texts_of


def article_texts(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> dict[str, str]:
    _ids(con, "_cl_art", ids)
    try:
        out: dict[str, str] = {}
        rel = con.sql("SELECT a.id, a.text FROM articles a JOIN _cl_art USING (id)")
        for batch in rel.to_arrow_reader(8192):
            out.update(zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True))
        return out
    finally:
        con.unregister("_cl_art")


def _write(
    con: duckdb.DuckDBPyConnection,
    groups: Sequence[tuple[str, list[Item], list[dict[str, Any] | None]]],
) -> None:
    """Insert clusters and their members."""
    from ..store.store import utcnow

    recs = [cluster_record(cid, items, reasons) for cid, items, reasons in groups]
    now = utcnow()
    cl = (
        pa.Table.from_pylist(
            [{k: v for k, v in r.items() if k != "members"} | {"updated_at": now} for r in recs]
        )
        if recs
        else None
    )
    mem: dict[str, list[Any]] = defaultdict(list)
    for cid, items, reasons in groups:
        for it, reason in zip(items, reasons, strict=True):
            mem["cluster_id"].append(cid)
            mem["event_id"].append(it.event_id)
            mem["article_id"].append(it.article_id)
            mem["family"].append(it.family)
            mem["week"].append(it.day // WEEK if it.day is not None else -1)
            mem["day"].append(it.day)
            mem["keys"].append(it.block_keys())
            mem["outlet"].append(it.outlet)
            mem["fingerprint"].append(it.fingerprint)
            mem["reason"].append(json.dumps(reason) if reason else None)
            mem["score"].append(float(reason["score"]) if reason else None)
    if cl is None:
        return
    members = pa.table(
        {
            **{k: mem[k] for k in ("cluster_id", "event_id", "article_id", "family")},
            "week": pa.array(mem["week"], pa.int32()),
            "day": pa.array(mem["day"], pa.int32()),
            "keys": pa.array(mem["keys"], pa.list_(pa.string())),
            "outlet": mem["outlet"],
            "fingerprint": pa.array(mem["fingerprint"], pa.uint64()),
            "reason": pa.array(mem["reason"], pa.string()),
            "score": pa.array(mem["score"], pa.float64()),
        }
    )
    cl = cl.set_column(
        cl.schema.get_field_index("date_first"),
        "date_first",
        pa.compute.cast(cl.column("date_first"), pa.date32()),
    )
    cl = cl.set_column(
        cl.schema.get_field_index("date_last"),
        "date_last",
        pa.compute.cast(cl.column("date_last"), pa.date32()),
    )
    for name, table in (("clusters", cl), ("cluster_members", members)):
        con.register("_cl_new", table)
        try:
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _cl_new").fetchall()
        finally:
            con.unregister("_cl_new")


def _groups(res: Clustering) -> list[tuple[str, list[Item], list[dict[str, Any] | None]]]:
    return [
        (cid, [res.items[i] for i in idx], [res.reasons[i] for i in idx])
        for cid, idx in sorted(res.members.items())
    ]


def recluster(con: duckdb.DuckDBPyConnection, params: Params | None = None) -> dict[str, int]:
    """Rebuild every cluster from the stored events (the caller holds the transaction)."""
    items, texts = load_items(con)
    from .core import cluster

    res = cluster(items, params or Params.load(), texts)
    con.execute("DELETE FROM cluster_members").fetchall()
    con.execute("DELETE FROM clusters").fetchall()
    _write(con, _groups(res))
    multi = sum(1 for idx in res.members.values() if len(idx) > 1)
    return {"events": len(items), "clusters": len(res.members), "joined": multi}


def _stored_members(
    con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]
) -> dict[str, tuple[str, int, str, dict[str, Any] | None]]:
    """event id -> (cluster id, fingerprint, outlet, reason) of the given clusters' members."""
    _ids(con, "_cl_c", cluster_ids)
    try:
        rows = con.execute(
            "SELECT m.event_id, m.cluster_id, m.fingerprint, m.outlet, m.reason "
            "FROM cluster_members m JOIN _cl_c ON _cl_c.id = m.cluster_id"
        ).fetchall()
    finally:
        con.unregister("_cl_c")
    return {
        r[0]: (r[1], int(r[2] or 0), r[3] or "", json.loads(r[4]) if r[4] else None) for r in rows
    }


def _candidates(con: duckdb.DuckDBPyConnection, new: Sequence[Item]) -> list[str]:
    """Stored members a new item is compared with (`core.neighbours`): those sharing a
    country key in its week or the next/previous; for an item without a country, every
    member of its family there; for one with a country, also the members without one."""
    fam, key, week = [], [], []
    for it in new:
        for k in probe_keys(it):
            for ww in near_weeks(week_of(it)):
                fam.append(it.family)
                key.append(k)
                week.append(ww)
    con.register(
        "_cl_keys", pa.table({"family": fam, "key": key, "week": pa.array(week, pa.int32())})
    )
    try:
        rows = con.execute(
            "SELECT DISTINCT m.event_id FROM cluster_members m JOIN (SELECT DISTINCT * FROM "
            "_cl_keys) k ON m.family = k.family AND m.week = k.week "
            f"AND (k.key = '{ANY_COUNTRY}' OR list_contains(m.keys, k.key)) ORDER BY 1"
        ).fetchall()
    finally:
        con.unregister("_cl_keys")
    return [r[0] for r in rows]


def add_articles(
    con: duckdb.DuckDBPyConnection, article_ids: Iterable[str], params: Params | None = None
) -> int:
    """Cluster the events of newly stored articles into the stored clusters (inside the
    caller's transaction); returns how many clusters were written."""
    params = params or Params.load()
    new, texts = load_items(con, articles=article_ids)
    if not new:
        return 0
    new_ids = {it.event_id for it in new}
    cand_ids = [e for e in _candidates(con, new) if e not in new_ids]
    cand, cand_texts = load_items(con, events=cand_ids) if cand_ids else ([], {})
    texts.update(cand_texts)
    items = sorted([*new, *cand], key=Item.order)
    vec = vectors([it.text for it in items])
    from .core import article_vectors

    ctx = article_vectors(items, texts)
    links = candidate_links(items, vec, ctx, params, _new_pairs(items, new_ids))
    stored_of = _stored_members_of(con, cand_ids) if cand_ids else {}
    return _merge(con, items, links, stored_of, new_ids)


def _new_pairs(items: Sequence[Item], new_ids: set[str]) -> list[tuple[list[int], list[int]]]:
    """Each new item against its neighbours (`core.neighbours`): the pairs a rebuild would
    compare that involve a new item, grouped by block for one matrix product each."""
    index = block_index(items)
    pairs = []
    for (fam, k, week), idx in sorted(index.items()):
        if k == ANY_COUNTRY:
            continue
        fresh = [i for i in idx if items[i].event_id in new_ids]
        if not fresh:
            continue
        probe = [k, ANY_COUNTRY] if k == NO_COUNTRY else [k, NO_COUNTRY]
        near = {j for p in probe for w in near_weeks(week) for j in index.get((fam, p, w), ())}
        pairs.append((fresh, sorted(near)))
    return pairs


def _stored_members_of(
    con: duckdb.DuckDBPyConnection, event_ids: Sequence[str]
) -> dict[str, tuple[str, int, str, dict[str, Any] | None]]:
    _ids(con, "_cl_e", event_ids)
    try:
        rows = con.execute(
            "SELECT m.event_id, m.cluster_id FROM cluster_members m "
            "JOIN _cl_e ON _cl_e.id = m.event_id"
        ).fetchall()
    finally:
        con.unregister("_cl_e")
    return {r[0]: (r[1], 0, "", None) for r in rows}


def _merge(
    con: duckdb.DuckDBPyConnection,
    items: list[Item],
    links: dict[tuple[int, int], Link],
    stored: dict[str, tuple[str, int, str, dict[str, Any] | None]],
    new_ids: set[str],
) -> int:
    """Join new items to the stored clusters they link to; rewrite the clusters touched."""
    from .core import UnionFind

    uf = UnionFind(len(items))
    for i, j in sorted(links):
        uf.union(i, j)
    pos = {it.event_id: i for i, it in enumerate(items)}
    by_cluster: dict[str, list[int]] = defaultdict(list)
    for eid, (cid, *_) in stored.items():
        if eid in pos:
            by_cluster[cid].append(pos[eid])
    for idx in by_cluster.values():
        for i in idx[1:]:
            uf.union(idx[0], i)
    comp: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.event_id in new_ids:
            comp[uf.find(i)].append(i)
    best: dict[int, Link] = {}
    for k, lk in sorted(links.items()):
        for m in k:
            held = best.get(m)
            if held is None or lk.score > held.score:
                best[m] = lk
    touched: dict[int, set[str]] = defaultdict(set)
    for i, it in enumerate(items):
        if it.event_id in stored and uf.find(i) in comp:
            touched[uf.find(i)].add(stored[it.event_id][0])
    all_touched = {c for cs in touched.values() for c in cs}
    members = _stored_members(con, all_touched) if all_touched else {}
    missing = [e for e in members if e not in pos]
    extra, _ = load_items(con, events=missing, texts=False) if missing else ([], {})
    for it in extra:
        it.fingerprint = members[it.event_id][1]
    for it in items:
        if it.event_id in members and not it.fingerprint:
            it.fingerprint = members[it.event_id][1]
    extra_of = {it.event_id: it for it in extra}
    by_cid: dict[str, list[str]] = defaultdict(list)
    for eid, (c, *_) in members.items():
        by_cid[c].append(eid)
    groups = []
    for root, new_idx in comp.items():
        group: dict[str, tuple[Item, dict[str, Any] | None]] = {}
        for cid in sorted(touched.get(root, set())):
            for eid in by_cid[cid]:
                reason = members[eid][3]
                it = items[pos[eid]] if eid in pos else extra_of[eid]
                new_lk = best.get(pos[eid]) if eid in pos else None
                if new_lk is not None and (reason is None or new_lk.score > float(reason["score"])):
                    other = new_lk.b if new_lk.a == pos[eid] else new_lk.a
                    reason = new_lk.reason(items[other].event_id)
                group[eid] = (it, reason)
        for i in new_idx:
            top = best.get(i)
            group[items[i].event_id] = (
                items[i],
                top.reason(items[top.b if top.a == i else top.a].event_id) if top else None,
            )
        ordered = sorted(group.values(), key=lambda p: p[0].order())
        groups.append(
            (cluster_id(ordered[0][0].event_id), [p[0] for p in ordered], [p[1] for p in ordered])
        )
    if all_touched:
        _ids(con, "_cl_old", all_touched)
        try:
            con.execute(
                "DELETE FROM cluster_members WHERE cluster_id IN (SELECT id FROM _cl_old)"
            ).fetchall()
            con.execute(
                "DELETE FROM clusters WHERE cluster_id IN (SELECT id FROM _cl_old)"
            ).fetchall()
        finally:
            con.unregister("_cl_old")
    _write(con, sorted(groups, key=lambda g: g[0]))
    return len(groups)


def drop_articles(
    con: duckdb.DuckDBPyConnection, article_ids: Iterable[str], params: Params | None = None
) -> None:
    """Take articles' events out of their clusters (before they are re-coded): the clusters
    that held them are re-clustered from their other members."""
    from .core import cluster

    ids = sorted(set(article_ids))
    _ids(con, "_cl_a", ids)
    try:
        touched = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT cluster_id FROM cluster_members "
                "WHERE article_id IN (SELECT id FROM _cl_a)"
            ).fetchall()
        ]
    finally:
        con.unregister("_cl_a")
    if not touched:
        return
    members = _stored_members(con, touched)
    gone = set(ids)
    keep = list(members)  # the dropped articles' own events are filtered out below
    _ids(con, "_cl_old", touched)
    try:
        con.execute(
            "DELETE FROM cluster_members WHERE cluster_id IN (SELECT id FROM _cl_old)"
        ).fetchall()
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT id FROM _cl_old)").fetchall()
    finally:
        con.unregister("_cl_old")
    items, texts = load_items(con, events=keep) if keep else ([], {})
    items = [it for it in items if it.article_id not in gone]
    if items:
        _write(con, _groups(cluster(items, params or Params.load(), texts)))
