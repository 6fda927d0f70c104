"""Clusters across articles at scale: rebuild 100,000 and 1,000,000 stored events, then add
10,000 new events to the 1,000,000 (issue 16: 1M <= 10 min, adding 10k <= 30 s).

    python benchmarks/bench_clusters.py [--sizes 100000 1000000] [--add 10000] [--dir /tmp]

One run, no timed assertions: prints wall and CPU times (the machine may be shared), events/s and the growth ratio 1M/100k (1.0 per
10x means linear). The events are synthetic and seeded: "real" events (a type, a day in two
years, countries, a place, six words of their own) each reported about three times, in
sentences of their core words plus noise words, four events to an article of 200 outlets.
The span stays two years at every size, so blocks grow denser with the store (the worst case
for blocking); `--constant-density` grows the span with the size instead (a store growing in
time). The 10,000 added events fall in the last week, as a day's ingest would.
Also printed: how well the clusters recover the generated events (pairwise precision and
recall), as a sanity check of the run, not a measure of accuracy on news.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from wirecoder.records import EVENT_TYPES

COUNTRIES = [
    "USA", "RUS", "CHN", "IRN", "IRQ", "SYR", "ISR", "PSE", "TUR", "UKR", "FRA", "DEU", "GBR",
    "IND", "PAK", "AFG", "SOM", "KEN", "ETH", "NGA", "EGY", "LBY", "SDN", "YEM", "SAU", "JPN",
    "PRK", "KOR", "MEX", "COL", "VEN", "BRA", "MLI", "COD", "MMR",
]  # fmt: skip
DAY0 = date(2023, 1, 1).toordinal()


def synthetic(
    n: int, seed: int, prefix: str, days: tuple[int, int] = (0, 730), no_country: float = 0.0
) -> tuple[pa.Table, pa.Table, np.ndarray]:
    """(articles, events, truth) for n events on days in `days` (day numbers from 2023-01-01);
    truth[i] is event i's generated real event; a share `no_country` of the real events
    names no country at all (no party's, no place's)."""
    rng = np.random.default_rng(seed)
    n_real = max(1, n // 3)
    r_type = rng.integers(len(EVENT_TYPES), size=n_real)
    r_day = rng.integers(*days, size=n_real)
    r_tgt = rng.integers(len(COUNTRIES), size=n_real)
    r_src = rng.integers(-len(COUNTRIES) // 2, len(COUNTRIES), size=n_real)  # < 0: unknown
    r_words = rng.integers(50_000, size=(n_real, 6))
    r_none = rng.random(n_real) < no_country
    truth = rng.integers(n_real, size=n)
    noise = rng.integers(50_000, size=(n, 4))
    sentences = [" ".join(f"w{w}" for w in (*r_words[r], *noise[i])) for i, r in enumerate(truth)]
    days = r_day[truth] + rng.integers(-1, 2, size=n)
    n_art = (n + 3) // 4
    art_ids = [f"{prefix}a{k:08d}" for k in range(n_art)]
    art_of = np.arange(n) // 4
    filler = rng.integers(50_000, size=(n_art, 30))
    texts = [" ".join(f"w{w}" for w in filler[k]) for k in range(n_art)]
    for i in range(n):
        texts[art_of[i]] += " " + sentences[i]
    now = datetime.now(UTC).replace(tzinfo=None)
    articles = pa.table(
        {
            "id": art_ids,
            "text": texts,
            "date": pa.array([date.fromordinal(DAY0 + int(d)) for d in days[::4]], pa.date32()),
            "source": [f"outlet{k % 200}" for k in range(n_art)],
            "ingested_at": pa.array([now] * n_art, pa.timestamp("us")),
        }
    )
    events = pa.table(
        {
            "event_id": [f"{prefix}e{i:08d}" for i in range(n)],
            "article_id": [art_ids[k] for k in art_of],
            "event_index": pa.array(np.arange(n) % 4, pa.int32()),
            "event_type": [EVENT_TYPES[t] for t in r_type[truth]],
            "sentence": sentences,
            "date": pa.array([date.fromordinal(DAY0 + int(d)) for d in days], pa.date32()),
            "status": ["asserted"] * n,
            "source_country": [
                COUNTRIES[s] if s >= 0 and not x else None
                for s, x in zip(r_src[truth], r_none[truth], strict=True)
            ],
            "target_country": [
                None if x else COUNTRIES[t]
                for t, x in zip(r_tgt[truth], r_none[truth], strict=True)
            ],
            "reciprocal": [False] * n,
            "location_country": [
                None if x else COUNTRIES[t]
                for t, x in zip(r_tgt[truth], r_none[truth], strict=True)
            ],
        }
    )
    return articles, events, truth


def load(con: object, articles: pa.Table, events: pa.Table) -> None:
    for name, tbl in (("articles", articles), ("events", events)):
        con.register("_b", tbl)  # type: ignore[attr-defined]
        con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _b")  # type: ignore[attr-defined]
        con.unregister("_b")  # type: ignore[attr-defined]


def pairwise(labels: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the clusters against the generated events."""

    def pairs(groups: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in groups.values())

    both = Counter((labels[e], truth[e]) for e in labels)
    tp = pairs(both)
    pred = pairs(Counter(labels.values()))
    gold = pairs(Counter(truth[e] for e in labels))
    return (tp / pred if pred else 1.0, tp / gold if gold else 1.0)


def run(size: int, add: int, folder: Path, span: int = 730, no_country: float = 0.0) -> float:
    from wirecoder.cluster.store import add_articles
    from wirecoder.store import Store

    path = folder / f"clusters_{size}.duckdb"
    path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    articles, events, truth = synthetic(
        size, seed=1, prefix="", days=(0, span), no_country=no_country
    )
    with Store(path) as st:
        load(st.con, articles, events)
        t_gen = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), time.process_time()
        res = st.recluster()
        t_full, c_full = time.perf_counter() - t0, time.process_time() - c0
        labels = dict(st.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
        ids = events.column("event_id").to_pylist()
        p, r = pairwise(labels, dict(zip(ids, truth.tolist(), strict=True)))
        print(
            f"{size:>9,} events: generated and stored in {t_gen:.1f} s; recluster {t_full:.1f} s "
            f"(CPU {c_full:.1f} s; {size / t_full:,.0f} events/s), {res['clusters']:,} clusters; "
            f"pairwise precision {p:.3f} recall {r:.3f}"
        )
        if add:
            # a day's news: the new events fall in the store's last week
            new_art, new_ev, _ = synthetic(
                add, seed=2, prefix="n", days=(span - 7, span), no_country=no_country
            )
            t0, c0 = time.perf_counter(), time.process_time()
            st.con.begin()
            load(st.con, new_art, new_ev)
            n = add_articles(st.con, new_art.column("id").to_pylist())
            st.con.commit()
            t_add, c_add = time.perf_counter() - t0, time.process_time() - c0
            print(
                f"{'':>9} adding {add:,} events ({new_art.num_rows:,} articles) to them: "
                f"{t_add:.1f} s (CPU {c_add:.1f} s), {n:,} clusters written"
            )
    path.unlink(missing_ok=True)
    return t_full


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--add", type=int, default=10_000)
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument(
        "--constant-density",
        action="store_true",
        help="the span grows with the size (730 days at the largest): blocks keep their size, "
        "as a store growing in time has",
    )
    ap.add_argument(
        "--no-country",
        type=float,
        default=0.05,
        help="share of events that name no country (compared with every country of their "
        "type family and week; 0.05 is about the share in coded ECB+ news)",
    )
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"events that name no country: {args.no_country:.0%}")
    times = {}
    for size in args.sizes:
        span = max(14, 730 * size // max(args.sizes)) if args.constant_density else 730
        print(f"{size:,} events over {span} days")
        add = args.add if size == max(args.sizes) else 0
        times[size] = run(size, add, args.dir, span, args.no_country)
    sizes = sorted(times)
    for a, b in itertools.pairwise(sizes):
        ratio = times[b] / times[a]
        print(f"growth {a:,} -> {b:,} events ({b / a:.0f}x): time x{ratio:.1f}")


if __name__ == "__main__":
    main()
