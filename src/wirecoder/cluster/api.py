"""Reading clusters from the store: records, a DataFrame, and exports one row per cluster."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO, TYPE_CHECKING, Any

from ..errors import Codes, ConfigError, StoreError

if TYPE_CHECKING:
    import pandas as pd

    from ..store import Store

FIELDS = (
    "cluster_id",
    "event_type",
    "status",
    "date_first",
    "date_last",
    "source_countries",
    "target_countries",
    "place",
    "place_country",
    "n_events",
    "n_articles",
    "n_sources",
    "outlets",
)
CHUNK = 1000


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, date | datetime) else v


def iter_clusters(store: Store, where: str | None = None) -> Iterator[dict[str, Any]]:
    """One record per cluster (fields as `wirecoder clusters --json`), members in order of
    date; `where` is an SQL condition on the clusters table (alias c)."""
    import duckdb

    sql = (
        f"SELECT {', '.join('c.' + f for f in FIELDS)} FROM clusters c "
        f"{'WHERE (' + where + ')' if where else ''} "
        "ORDER BY c.date_first NULLS LAST, c.cluster_id"
    )
    try:
        cur = store.con.cursor()
        cur.execute(sql)
    except duckdb.Error as exc:
        raise StoreError(Codes.E403, detail=str(exc).strip()) from exc
    member_cur = store.con.cursor()
    while rows := cur.fetchmany(CHUNK):
        recs = [dict(zip(FIELDS, (_iso(v) for v in row), strict=True)) for row in rows]
        ids = [r["cluster_id"] for r in recs]
        members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        for cid, aid, eid, reason in member_cur.execute(
            "SELECT cluster_id, article_id, event_id, reason FROM cluster_members "
            "WHERE list_contains(?, cluster_id) ORDER BY cluster_id, day NULLS LAST, event_id",
            [ids],
        ).fetchall():
            members[cid].append(
                {
                    "article_id": aid,
                    "event_id": eid,
                    "reason": json.loads(reason) if reason else None,
                }
            )
        for r in recs:
            r["members"] = members[r["cluster_id"]]
            yield r


def clusters_frame(store: Store, where: str | None = None) -> pd.DataFrame:
    """Clusters as a DataFrame, one row per cluster (members as a list of dicts)."""
    import pandas as pd

    return pd.DataFrame.from_records(
        list(iter_clusters(store, where)), columns=[*FIELDS, "members"]
    )


FORMATS = ("parquet", "csv", "plover-json", "gdelt-tsv")


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    """A cluster as one flat row: lists ';'-joined, member event ids ';'-joined."""
    out = {k: ";".join(v) if isinstance(v, list) else v for k, v in rec.items() if k != "members"}
    out["event_ids"] = ";".join(m["event_id"] for m in rec["members"])
    out["article_ids"] = ";".join(sorted({m["article_id"] for m in rec["members"]}))
    return out


def export_clusters(store: Store, fmt: str, out: IO[bytes], where: str | None = None) -> int:
    """Write one row per cluster in `fmt`; returns clusters written. PLOVER JSON lines hold
    the full record with members and reasons; Parquet keeps lists and members as JSON text;
    CSV and TSV are flat."""
    if fmt not in FORMATS:
        raise ConfigError(Codes.E404, fmt=fmt, known=", ".join(FORMATS))
    n = 0
    if fmt == "plover-json":
        for rec in iter_clusters(store, where):
            out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = []
        for rec in iter_clusters(store, where):
            rows.append(rec | {"members": json.dumps(rec["members"], ensure_ascii=False)})
        table = pa.Table.from_pylist(rows) if rows else pa.table({f: [] for f in FIELDS})
        pq.write_table(table, out, compression="zstd")
        return len(rows)
    import csv
    import io

    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, delimiter="\t" if fmt == "gdelt-tsv" else ",")
    header = [*FIELDS, "event_ids", "article_ids"]
    writer.writerow(header)
    for rec in iter_clusters(store, where):
        flat = _flat(rec)
        writer.writerow(["" if flat[h] is None else flat[h] for h in header])
        n += 1
    text.flush()
    text.detach()
    return n


__all__ = ["FIELDS", "clusters_frame", "export_clusters", "iter_clusters"]
