"""Event store: bulk load of 1,000,000 synthetic events, and a dyad-by-month query on them.

    python benchmarks/bench_store.py [--events 1000000] [--db /tmp/bench.duckdb]

Measures, in one run:
1. bulk load: ready Arrow tables (events + one actors row per source and target) into a
   fresh store through `Store.write_events` (one transaction): events/s, target >= 50,000;
2. the dyad-by-month query on the flat columns (ms, target < 1 s), cold then warm, and the
   exact-dyad version over the actors table;
3. for scale, the Python side a real ingest adds in the driver: coded-batch event JSON ->
   Arrow rows (`rows.event_rows`), on ~100,000 real coded events, in events/s.

The synthetic events are generated column-wise (numpy), not coded: this measures the store.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

COUNTRIES = [
    "USA", "RUS", "CHN", "IRN", "IRQ", "SYR", "ISR", "PSE", "TUR", "UKR", "FRA", "DEU", "GBR",
    "IND", "PAK", "AFG", "SOM", "KEN", "ETH", "NGA", "EGY", "LBY", "SDN", "YEM", "SAU", "JPN",
    "PRK", "KOR", "MEX", "COL", "VEN", "BRA", "IGO", "UNO", "NGO",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "COP", "CVL", "OPP", "BUS", "MED", "JUD", "LEG"]


def synthetic_tables(n: int, seed: int = 0) -> tuple[pa.Table, pa.Table]:
    """(events, actors) Arrow tables shaped like the store's, n events, ~2n actor rows."""
    from wirecoder.records import EVENT_TYPES, QUAD
    from wirecoder.store.rows import ACTOR_SCHEMA, EVENT_SCHEMA

    rng = np.random.default_rng(seed)
    per_article = 3
    art = np.arange(n) // per_article
    idx = (np.arange(n) % per_article).astype(np.int32)
    article_id = pa.array([f"{a:016x}" for a in art])
    event_id = pa.array([f"{i * 2654435761 % 2**64:016x}" for i in range(n)])
    types = np.array(EVENT_TYPES)[rng.integers(0, len(EVENT_TYPES), n)]
    src = np.array(COUNTRIES)[rng.zipf(1.6, n) % len(COUNTRIES)]
    tgt = np.array(COUNTRIES)[rng.zipf(1.6, n) % len(COUNTRIES)]
    no_tgt = rng.random(n) < 0.3
    ssec = np.array(SECTORS)[rng.integers(0, len(SECTORS), n)]
    tsec = np.array(SECTORS)[rng.integers(0, len(SECTORS), n)]
    days = (date(2020, 1, 1) - date(1970, 1, 1)).days + rng.integers(0, 5 * 365, n)
    conf = np.round(rng.uniform(0.3, 0.95, n), 2)
    tstart = rng.integers(0, 2000, n).astype(np.int32)

    def actor_json(c: str, s: str, k: int) -> str:
        return json.dumps(
            [{"text": f"{c} {s}", "start": k, "end": k + 7, "country": c, "sector": s}]
        )

    cache: dict[tuple[str, str], str] = {}

    def aj(c: str, s: str) -> str:
        key = (c, s)
        if key not in cache:
            cache[key] = actor_json(c, s, 0)
        return cache[key]

    src_json = [aj(c, s) for c, s in zip(src.tolist(), ssec.tolist(), strict=True)]
    tgt_json = [
        None if nt else aj(c, s)
        for c, s, nt in zip(tgt.tolist(), tsec.tolist(), no_tgt.tolist(), strict=True)
    ]
    tgt_country = pa.array(np.where(no_tgt, None, tgt).tolist(), pa.string())
    cols = {
        "event_id": event_id,
        "article_id": article_id,
        "event_index": pa.array(idx),
        "sentence_index": pa.array(idx),
        "sentence_start": pa.array((idx * 180).astype(np.int32)),
        "sentence": pa.array(["Officials said the two sides met on Monday."] * n),
        "event_type": pa.array(types.tolist()),
        "plover_type": pa.array(types.tolist()),
        "quad": pa.array([QUAD[t] for t in types.tolist()], pa.int8()),
        "cameo": pa.array(["04"] * n),
        "status": pa.array(["asserted"] * n),
        "reciprocal": pa.array(rng.random(n) < 0.1),
        "historical": pa.array(np.zeros(n, bool)),
        "referential": pa.array(np.zeros(n, bool)),
        "confidence": pa.array(conf),
        "source_country": pa.array(src.tolist()),
        "source_sector": pa.array(ssec.tolist()),
        "target_country": tgt_country,
        "source": pa.array(src_json),
        "target": pa.array(tgt_json, pa.string()),
        "trigger_text": pa.array(["met"] * n),
        "trigger_start": pa.array(tstart),
        "trigger_end": pa.array(tstart + 3),
        "attribution": pa.array(['{"speaker": null, "cue": null, "via": []}'] * n),
        "date": pa.array(days.astype("int32"), pa.date32()),
        "date_precision": pa.array(["day"] * n),
        "mentions": pa.array(["[]"] * n),
        "coder_version": pa.array(["0.1.0"] * n),
    }
    events = pa.table(
        {f.name: cols[f.name] if f.name in cols else pa.nulls(n, f.type) for f in EVENT_SCHEMA},
        schema=EVENT_SCHEMA,
    )
    has_t = ~no_tgt
    role = ["source"] * n + ["target"] * int(has_t.sum())
    ac = {
        "article_id": pa.concat_arrays([article_id, article_id.filter(pa.array(has_t))]),
        "event_id": pa.concat_arrays([event_id, event_id.filter(pa.array(has_t))]),
        "event_index": pa.array(np.concatenate([idx, idx[has_t]])),
        "role": pa.array(role),
        "position": pa.array(np.zeros(len(role), np.int16)),
        "country": pa.array(np.concatenate([src, tgt[has_t]]).tolist()),
        "sector": pa.array(np.concatenate([ssec, tsec[has_t]]).tolist()),
    }
    m = len(role)
    actors = pa.table(
        {f.name: ac[f.name] if f.name in ac else pa.nulls(m, f.type) for f in ACTOR_SCHEMA},
        schema=ACTOR_SCHEMA,
    )
    return events, actors


DYAD_MONTH = """
SELECT source_country, target_country, date_trunc('month', date) AS month, count(*) AS n
FROM events
WHERE source_country IS NOT NULL AND target_country IS NOT NULL
GROUP BY ALL ORDER BY month, n DESC
"""

DYAD_MONTH_EXACT = """
WITH s AS (SELECT article_id, event_index, country FROM actors WHERE role = 'source'),
     t AS (SELECT article_id, event_index, country FROM actors WHERE role = 'target')
SELECT s.country AS source, t.country AS target, date_trunc('month', e.date) AS month,
       count(*) AS n
FROM events e
JOIN s ON s.article_id = e.article_id AND s.event_index = e.event_index
JOIN t ON t.article_id = e.article_id AND t.event_index = e.event_index
GROUP BY ALL ORDER BY month, n DESC
"""


def timed_query(con, sql: str) -> tuple[float, int]:
    t = time.perf_counter()
    rows = con.execute(sql).fetchall()
    return (time.perf_counter() - t) * 1000, len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()

    from wirecoder.store import Store

    n = args.events
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    t = time.perf_counter()
    events, actors = synthetic_tables(n)
    print(
        f"generated {n:,} events and {actors.num_rows:,} actor rows in {time.perf_counter() - t:.1f} s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        with Store(path) as st:
            t = time.perf_counter()
            st.write_events(events, actors)
            load = time.perf_counter() - t
            st.con.execute("CHECKPOINT").fetchall()
            total = time.perf_counter() - t
            print(
                f"bulk load: {n / load:,.0f} events/s ({load:.2f} s, with {actors.num_rows:,} "
                f"actor rows; {n / total:,.0f} events/s including the checkpoint to disk)"
                f"  target >= 50,000"
            )
            size = Path(path).stat().st_size / 1e6
            print(f"store size on disk: {size:.0f} MB")
        with Store(path, read_only=True) as st:
            cold, rows = timed_query(st.con, DYAD_MONTH)
            warm = min(timed_query(st.con, DYAD_MONTH)[0] for _ in range(3))
            print(
                f"dyad-by-month query (flat columns): {cold:.0f} ms cold, {warm:.0f} ms warm, "
                f"{rows:,} rows  target < 1000 ms"
            )
            cold_x, rows_x = timed_query(st.con, DYAD_MONTH_EXACT)
            warm_x = min(timed_query(st.con, DYAD_MONTH_EXACT)[0] for _ in range(3))
            print(
                f"dyad-by-month query (actors table, exact dyads): {cold_x:.0f} ms cold, "
                f"{warm_x:.0f} ms warm, {rows_x:,} rows"
            )

    # the Python side of a real ingest: a coded batch's event JSON -> Arrow rows
    from wirecoder.coder import Coder
    from wirecoder.examples.synthetic import synthetic_articles
    from wirecoder.store.rows import coded_events, event_rows

    coder = Coder()
    per_article = [
        json.dumps([e.to_dict() for e in c.events])
        for c in coder.code_many(synthetic_articles(60, seed=2))
        if c.events
    ]
    coded = pa.table({"events": [per_article[i % len(per_article)] for i in range(30_000)]})
    t = time.perf_counter()
    tables = event_rows(coded_events(coded))
    conv = time.perf_counter() - t
    k = tables[0].num_rows
    print(
        f"coded-batch JSON -> Arrow rows (real events, the driver's share of an ingest): "
        f"{k / conv:,.0f} events/s ({k:,} events)"
    )


if __name__ == "__main__":
    main()
