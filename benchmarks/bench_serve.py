"""`wirecoder serve` under load: 16 clients against 127.0.0.1 (this machine only).

    python benchmarks/bench_serve.py [--articles 2000] [--clients 16] [--requests 3000]
                                     [--db /tmp/bench_serve.duckdb] [--events 1000000]
                                     [--mix page|cycle] [--cache both|on|off]

Ingests `--articles` synthetic articles (`wirecoder.examples.synthetic`, `--fast`) into the
store unless it exists, starts `python -m wirecoder serve` on a free loopback port in its own
process, and sends `--requests` GETs from `--clients` threads, each on one kept-alive
connection. The requests are the page's (`--mix page`, the default): readers one after
another open the page (the stats line, then a view: a page of events, the map's places and
the facets at once), change filters chosen from the store's own types, countries, statuses,
months and words, page with Next/Previous (the page asks places and facets again), and open
articles and their clusters; `--mix cycle` is the first benchmark's fixed cycle, four in five
a page of events. With `--cache both` (the default) the same requests are sent twice, to a
server started with `--no-cache` and to one keeping its answers, so the cached figure is
never the only one. Prints requests/s, errors, latency percentiles, the server's CPU per
request and the load average, from this one run (target: 0 errors, p50 <= 100 ms with 16
clients on 2,000 articles). Printed, never asserted. Bounded: a fixed number of requests,
each with a 60 s timeout, and the server is stopped at the end.

`--events N` then copies the coded articles (new ids, dates shifted a day per copy, up to two
years) until the store holds about N events, for the page's target: `/api/events` p50 <= 100 ms
on 1,000,000 events. Latency is also printed per endpoint.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode


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
    """The endpoint a URL asks ("/api/articles/<id>" for any article, and so for clusters)."""
    path = url.split("?")[0].split(" ")[0]
    for kind in ("articles", "clusters"):
        if path.startswith(f"/api/{kind}/"):
            return f"/api/{kind}/<id>"
    return path


def cycle_urls(db: Path) -> list[str]:
    """The first benchmark's mix: a fixed cycle over the endpoints, four in five a page of
    events (kept to compare with the figures measured with it)."""
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


#: Words a reader types in the page's text boxes (`q`: the sentence; `actor`: a name).
WORDS = (
    "police",
    "troops",
    "minister",
    "attack",
    "ceasefire",
    "rights",
    "sanctions",
    "talks",
    "protest",
    "aid",
    "election",
    "rebels",
)
ACTORS = (
    "Kenya",
    "police",
    "al-Shabaab",
    "United Nations",
    "Ethiopia",
    "rights",
    "China",
    "leaders",
    "government",
    "France",
)


class _PageStore:
    """What the simulated reader can choose from, read once from the store, and the counts
    that decide how far it can page."""

    def __init__(self, db: Path) -> None:
        import duckdb

        self.con = duckdb.connect(str(db), read_only=True)
        q = lambda sql: [r[0] for r in self.con.execute(sql).fetchall()]  # noqa: E731
        self.types = q("SELECT coalesce(plover_type, event_type) FROM events "
                       "GROUP BY 1 ORDER BY count(*) DESC, 1")  # fmt: skip
        self.statuses = q("SELECT status FROM events WHERE status IS NOT NULL "
                          "GROUP BY 1 ORDER BY count(*) DESC, 1")  # fmt: skip
        self.countries = q(
            "SELECT c FROM (SELECT unnest(string_split(concat_ws(';', source_country, "
            "target_country), ';')) AS c FROM events) WHERE c <> '' "
            "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 25"
        )
        self.outlets = q("SELECT source FROM articles WHERE source IS NOT NULL "
                         "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10")  # fmt: skip
        self.months = q("SELECT DISTINCT strftime(date_trunc('month', coalesce(e.date, a.date)), "
                        "'%Y-%m-%d') AS m FROM events e JOIN articles a ON a.id = e.article_id "
                        "WHERE m IS NOT NULL ORDER BY 1")  # fmt: skip

    def close(self) -> None:
        self.con.close()

    def _where(self, f: dict[str, str]) -> tuple[str, list[object]]:
        parts, params = ["TRUE"], []  # type: list[str], list[object]
        has = "list_contains(string_split(e.{}_country, ';'), ?)"
        conds = {
            "type": ("coalesce(e.plover_type, e.event_type) = ?", 1),
            "status": ("e.status = ?", 1),
            "country": (f"({has.format('source')} OR {has.format('target')})", 2),
            "source_country": (has.format("source"), 1),
            "target_country": (has.format("target"), 1),
            "outlet": ("a.source = ?", 1),
            "q": ("strpos(lower(e.sentence), lower(?)) > 0", 1),
            "actor": (
                "strpos(lower(concat_ws(' ', e.source_name, e.target_name)), lower(?)) > 0",
                1,
            ),
            "date_from": ("coalesce(e.date, a.date) >= CAST(? AS DATE)", 1),
            "date_to": ("coalesce(e.date, a.date) <= CAST(? AS DATE)", 1),
            "min_confidence": ("e.confidence >= CAST(? AS DOUBLE)", 1),
        }
        for k, v in f.items():
            sql, n = conds[k]
            parts.append(sql)
            params += [v] * n
        return " AND ".join(parts), params

    def matching(self, f: dict[str, str], seed: int) -> tuple[int, list[str]]:
        """(about how many events the filter keeps, a few of their article ids)."""
        where, params = self._where(f)
        base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
        total = self.con.execute(f"SELECT count(*) {base}", params).fetchall()[0][0]
        ids = self.con.execute(
            f"SELECT DISTINCT e.article_id, hash(e.article_id || ?) AS h {base} ORDER BY h LIMIT 3",
            [str(seed), *params],
        ).fetchall()
        return int(total), [r[0] for r in ids]

    def clusters(self, article_id: str) -> list[str]:
        """Clusters of the article's events that other articles report too."""
        return [r[0] for r in self.con.execute(
            "SELECT DISTINCT m.cluster_id FROM cluster_members m JOIN clusters c USING (cluster_id) "
            "WHERE m.article_id = ? AND c.n_articles > 1 ORDER BY 1", [article_id]).fetchall()]  # fmt: skip


def _change(rng: random.Random, store: _PageStore, f: dict[str, str]) -> dict[str, str]:
    """One filter change as a reader makes it: set or replace one filter, or clear one."""
    f = dict(f)
    if f and rng.random() < 0.25:
        del f[rng.choice(sorted(f))]
        return f
    pick = rng.random()
    if pick < 0.25:
        f["type"] = rng.choice(store.types[:8] if rng.random() < 0.8 else store.types)
    elif pick < 0.45:
        f["country"] = rng.choice(store.countries[:10] if rng.random() < 0.7 else store.countries)
    elif pick < 0.55:
        f["status"] = rng.choice(store.statuses)
    elif pick < 0.65 and store.months:
        i = rng.randrange(len(store.months))
        j = min(len(store.months) - 1, i + rng.choice((0, 0, 1, 2)))
        last = date.fromisoformat(store.months[j])
        f["date_from"] = store.months[i]
        f["date_to"] = (last.replace(day=28) + timedelta(days=4)).replace(day=1).isoformat()
        f["date_to"] = (date.fromisoformat(f["date_to"]) - timedelta(days=1)).isoformat()
    elif pick < 0.72:
        f["q"] = rng.choice(WORDS)
    elif pick < 0.78:
        f["actor"] = rng.choice(ACTORS)
    elif pick < 0.84:
        f["min_confidence"] = rng.choice(("0.5", "0.6", "0.7"))
    elif pick < 0.90 and store.outlets:
        f["outlet"] = rng.choice(store.outlets)
    elif pick < 0.95:
        f["source_country"] = rng.choice(store.countries[:10])
    else:
        f["target_country"] = rng.choice(store.countries[:10])
    return f


def page_urls(db: Path, n: int, seed: int = 7) -> list[str]:
    """`n` requests in the order readers of the page make them (each reader one after
    another): opening the page asks the stats line and a view; a view is the three requests
    the page sends at once (a page of events, the map's places, the facets), for every filter
    change and every Next/Previous; opening an event asks its article, and a report count its
    cluster. Filters are chosen from the store's own types, countries, statuses, months,
    outlets and words, so the mix holds popular and rare filters, varied offsets, and the
    repeats real readers make (paging asks the same places and facets again)."""
    rng = random.Random(seed)
    store = _PageStore(db)
    out: list[str] = []

    def view(f: dict[str, str], offset: int) -> None:
        qs = urlencode(f)
        out.append("/api/events?" + urlencode({**f, "limit": 100, "offset": offset}))
        out.extend(f"{p}?{qs}" if qs else p for p in ("/api/places", "/api/facets"))

    try:
        while len(out) < n:
            reader = len(out)
            out.append("/api/stats")
            f: dict[str, str] = {}
            if rng.random() < 0.3:  # a bookmarked view
                f = _change(rng, store, _change(rng, store, {}))
            offset = 0
            for _ in range(rng.randint(2, 8)):
                view(f, offset)
                total, ids = store.matching(f, reader)
                act = rng.random()
                if act < 0.45 or total == 0:
                    f, offset = _change(rng, store, f), 0
                elif act < 0.65 and offset + 100 < total:
                    offset += 100
                elif act < 0.70 and offset >= 100:
                    offset -= 100
                else:
                    for aid in ids[: rng.randint(1, 3)]:
                        out.append(f"/api/articles/{aid}")
                        found = store.clusters(aid)
                        if found and rng.random() < 0.3:
                            out.append(f"/api/clusters/{found[0]}")
    finally:
        store.close()
    return out[:n]


def _cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user + system; Linux /proc, else 0)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(db: Path, todo: list[str], clients: int, server_args: list[str]) -> dict[str, object]:
    """Start `wirecoder serve` on `db` and send `todo` from `clients` kept-alive connections;
    latencies overall and by endpoint, errors, requests/s and the load average around it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirecoder", "serve", "--db", str(db), "--port", "0", "-q",
         *server_args],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )  # fmt: skip
    load_before = os.getloadavg()
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        port = int(re.search(r":(\d+)/", line).group(1))  # type: ignore[union-attr]
        latencies: list[float] = []
        by_path: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        counter = iter(range(len(todo)))

        def client() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for i in counter:
                url = todo[i]
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

        threads = [threading.Thread(target=client) for _ in range(clients)]
        cpu0 = _cpu_seconds(proc.pid)
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        cpu = _cpu_seconds(proc.pid) - cpu0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return {
        "latencies": latencies,
        "by_path": by_path,
        "errors": errors,
        "wall": wall,
        "cpu": cpu,
        "load": (load_before, os.getloadavg()),
    }


def report(label: str, got: dict[str, object], clients: int) -> None:
    """Print one run: requests/s, errors, percentiles overall and by endpoint."""
    ms = sorted(x * 1000 for x in got["latencies"])  # type: ignore[attr-defined]
    pct = statistics.quantiles(ms, n=100)
    (a1, _, _), (b1, _, _) = got["load"]  # type: ignore[misc]
    print(
        f"{label}: {len(ms)} requests, {clients} clients: {len(ms) / got['wall']:.0f} requests/s, "
        f"{len(got['errors'])} errors; latency p50 {pct[49]:.0f} ms, p90 {pct[89]:.0f} ms, "
        f"p99 {pct[98]:.0f} ms, max {ms[-1]:.0f} ms; server CPU {got['cpu'] * 1000 / len(ms):.1f} ms "
        f"a request (load average {a1:.1f} before, {b1:.1f} after)",
        flush=True,
    )  # type: ignore[str-bytes-safe]
    for path, lat in sorted(got["by_path"].items()):  # type: ignore[attr-defined]
        got_ms = sorted(x * 1000 for x in lat)
        print(f"  {path}: {len(got_ms)} requests, p50 {got_ms[len(got_ms) // 2]:.0f} ms, "
              f"p90 {got_ms[int(len(got_ms) * 0.9)]:.0f} ms")  # fmt: skip
    for e in got["errors"][:5]:  # type: ignore[index]
        print("error:", e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_serve.duckdb"))
    ap.add_argument("--events", type=int, default=0, help="copy the store up to this many events")
    ap.add_argument(
        "--mix",
        choices=("page", "cycle"),
        default="page",
        help="page: readers of the page (default); cycle: the first benchmark's fixed cycle",
    )
    ap.add_argument(
        "--cache",
        choices=("both", "on", "off"),
        default="both",
        help="the server's response cache: both (a run without it, then one with it), on "
        "(the server's default; also for a server that has no cache) or off (--no-cache)",
    )
    args = ap.parse_args()

    if not args.db.exists():
        build_store(args.db, args.articles)
    if args.events:
        replicate(args.db, args.events)
    if args.mix == "page":
        todo = page_urls(args.db, args.requests)
    else:
        cycle = cycle_urls(args.db)
        todo = [cycle[i % len(cycle)] for i in range(args.requests)]
    kinds = {endpoint(u): 0 for u in todo}
    for u in todo:
        kinds[endpoint(u)] += 1
    print(
        f"mix {args.mix}: {len(todo)} requests, {len(set(todo))} distinct URLs; "
        + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
        flush=True,
    )
    runs = {"both": [("no cache", ["--no-cache"]), ("cache", [])],
            "on": [("server default", [])], "off": [("no cache", ["--no-cache"])]}  # fmt: skip
    for label, server_args in runs[args.cache]:
        report(label, load(args.db, todo, args.clients, server_args), args.clients)


if __name__ == "__main__":
    main()
