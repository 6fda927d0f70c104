"""`wirecoder serve` under load: 16 clients against 127.0.0.1 (this machine only).

    python benchmarks/bench_serve.py [--articles 2000] [--clients 16] [--requests 3000]
                                     [--db /tmp/bench_serve.duckdb] [--events 1000000]

Ingests `--articles` synthetic articles (`wirecoder.examples.synthetic`, `--fast`) into the
store unless it exists, starts `python -m wirecoder serve` on a free loopback port in its own
process, and sends `--requests` GETs from `--clients` threads, each on one kept-alive
connection, cycling through the API's endpoints (events pages and filters, stats, places,
articles). Prints requests/s, errors and latency percentiles from this one run (target: 0
errors, p50 <= 100 ms with 16 clients on 2,000 articles). Printed, never asserted. Bounded: a
fixed number of requests, each with a 60 s timeout, and the server is stopped at the end.

`--events N` then copies the coded articles (new ids, dates shifted a day per copy, up to two
years) until the store holds about N events, for the page's target: `/api/events` p50 <= 100 ms
on 1,000,000 events. Latency is also printed per endpoint.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path


def build_store(db: Path, n: int) -> None:
    from wirecoder.examples.synthetic import synthetic_articles
    from wirecoder.store.ingest import ingest

    src = db.with_suffix(".jsonl")
    with src.open("w", encoding="utf-8") as f:
        for a in synthetic_articles(n, seed=7):
            f.write(json.dumps(a) + "\n")
    t0 = time.perf_counter()
    summary = ingest([src], db, fast=True)
    print(f"store: {summary.coded} articles, {summary.events} events "
          f"({time.perf_counter() - t0:.0f} s to ingest)", flush=True)  # fmt: skip


def replicate(db: Path, events: int) -> None:
    """Copy the store's articles, events and actors until it holds about `events` events."""
    import duckdb

    con = duckdb.connect(str(db))
    have = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    copies = max(0, -(-events // max(1, have)) - 1)
    if copies == 0:
        con.close()
        return
    t0 = time.perf_counter()
    con.execute(f"CREATE TEMP TABLE k AS SELECT range AS i FROM range(1, {copies + 1})")
    con.execute(
        "INSERT INTO articles SELECT a.* REPLACE (a.id || '-' || k.i AS id, "
        "a.date + CAST(k.i % 730 AS INTEGER) AS date) FROM articles a, k"
    )
    con.execute(
        "INSERT INTO events SELECT e.* REPLACE (e.article_id || '-' || k.i AS article_id, "
        "e.event_id || '-' || k.i AS event_id, e.date + CAST(k.i % 730 AS INTEGER) AS date) "
        "FROM events e, k"
    )
    con.execute(
        "INSERT INTO actors SELECT x.* REPLACE (x.article_id || '-' || k.i AS article_id, "
        "x.event_id || '-' || k.i AS event_id) FROM actors x, k"
    )
    n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.close()
    print(f"store copied {copies} times: {n} events ({time.perf_counter() - t0:.0f} s)", flush=True)


def endpoint(url: str) -> str:
    """The endpoint a URL asks ("/api/articles/<id>" for any article)."""
    path = url.split("?")[0].split(" ")[0]
    return "/api/articles/<id>" if path.startswith("/api/articles/") else path


def urls(db: Path) -> list[str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id LIMIT 50").fetchall()]
    types = [r[0] for r in con.execute("SELECT DISTINCT event_type FROM events").fetchall()]
    con.close()
    out = []
    for k in range(50):
        out += [
            f"/api/events?limit=100&offset={k * 20}",
            f"/api/events?type={types[k % len(types)]}",
            "/api/events?q=police&status=asserted&limit=50",
            f"/api/articles/{ids[k % len(ids)]}",
            f"/api/events?country=SOM&limit=100&offset={k * 100}",
        ]
        if k % 5 == 0:
            out += ["/api/stats", "/api/places?status=asserted", "/api/facets?type=ASSAULT"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_serve.duckdb"))
    ap.add_argument("--events", type=int, default=0, help="copy the store up to this many events")
    args = ap.parse_args()

    if not args.db.exists():
        build_store(args.db, args.articles)
    if args.events:
        replicate(args.db, args.events)
    todo = urls(args.db)
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirecoder", "serve", "--db", str(args.db), "--port", "0", "-q"],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        port = int(re.search(r":(\d+)/", line).group(1))  # type: ignore[union-attr]
        latencies: list[float] = []
        by_path: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        counter = iter(range(args.requests))

        def client() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for i in counter:
                url = todo[i % len(todo)]
                t0 = time.perf_counter()
                try:
                    conn.request("GET", url)
                    res = conn.getresponse()
                    res.read()
                    ok = res.status == 200
                    if res.getheader("Connection", "").lower() == "close" or res.version == 10:
                        conn.close()
                except (OSError, http.client.HTTPException) as exc:
                    ok = False
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    url += f" ({type(exc).__name__})"
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    by_path.setdefault(endpoint(url), []).append(dt)
                    if not ok:
                        errors.append(url)
            conn.close()

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    ms = sorted(x * 1000 for x in latencies)
    pct = statistics.quantiles(ms, n=100)
    print(
        f"{len(ms)} requests, {args.clients} clients: {len(ms) / wall:.0f} requests/s, "
        f"{len(errors)} errors; latency p50 {pct[49]:.0f} ms, p90 {pct[89]:.0f} ms, "
        f"p99 {pct[98]:.0f} ms, max {ms[-1]:.0f} ms"
    )
    for path, got in sorted(by_path.items()):
        got_ms = sorted(x * 1000 for x in got)
        print(f"  {path}: {len(got_ms)} requests, p50 {got_ms[len(got_ms) // 2]:.0f} ms, "
              f"p90 {got_ms[int(len(got_ms) * 0.9)]:.0f} ms")  # fmt: skip
    for e in errors[:5]:
        print("error:", e)


if __name__ == "__main__":
    main()
