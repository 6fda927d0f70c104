"""Ingest throughput: local engine vs Ray with 2 workers, on the same 10,000 articles.

    python benchmarks/bench_ingest.py [--n 10000] [--workers 2] [--no-local-pool]

Each run ingests the same JSONL file (written to a temp folder from
`wirecoder.examples.synthetic`) into a fresh store:

1. local engine, 1 worker (the default: one process);
2. ray engine, `--workers` actors (Ray started here, 127.0.0.1 only);
3. local engine, `--workers` worker processes (for reference; skip with --no-local-pool);
4. ray on 24 articles, to measure Ray's fixed cost (start, actors loading the model).

For every run it prints wall time, articles/s, and measured CPU: seconds used by this
process tree (driver, Ray's raylet/GCS/workers, pool workers) grouped by process name, and
how busy all cores of the machine were (so other load on a shared machine shows up). The
ratio local/Ray is the speed-up; when it is below 1.5 the figures below it say where the
time went.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

TICK = os.sysconf("SC_CLK_TCK")


def _system_busy() -> tuple[float, float]:
    """(busy, total) CPU ticks of the whole machine since boot."""
    with open("/proc/stat") as f:
        vals = [float(v) for v in f.readline().split()[1:]]
    idle = vals[3] + vals[4]
    return sum(vals) - idle, sum(vals)


class TreeCPU:
    """CPU seconds of a process tree (including processes that exit), sampled from /proc."""

    def __init__(self, root: int, engine: str, every: float = 0.5) -> None:
        self.root = root
        self.engine = engine
        self.every = every
        self.seen: dict[int, tuple[str, float]] = {}
        self.start_self = self._proc(root)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _proc(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            return (float(parts[11]) + float(parts[12])) / TICK
        except (OSError, IndexError):
            return 0.0

    def _sample(self) -> None:
        parent: dict[int, int] = {}
        info: dict[int, tuple[str, float]] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as f:
                    raw = f.read()
            except OSError:
                continue
            name = raw[raw.find("(") + 1 : raw.rfind(")")]
            parts = raw.rsplit(")", 1)[1].split()
            parent[int(d)] = int(parts[1])
            info[int(d)] = (name, (float(parts[11]) + float(parts[12])) / TICK)
        for pid, (name, cpu) in info.items():
            p, hops = pid, 0
            while p in parent and p != self.root and hops < 20:
                p, hops = parent[p], hops + 1
            if p == self.root and pid != self.root:
                old = self.seen.get(pid)
                self.seen[pid] = (name, max(cpu, old[1] if old else 0.0))

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    def __enter__(self) -> TreeCPU:
        self.busy0 = _system_busy()
        self.t0 = time.perf_counter()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()
        self.wall = time.perf_counter() - self.t0
        busy1 = _system_busy()
        ncpu = os.cpu_count() or 1
        self.machine_busy = (busy1[0] - self.busy0[0]) / max(1.0, busy1[1] - self.busy0[1])
        self.machine_cpu_s = self.machine_busy * ncpu * self.wall
        self.driver_s = self._proc(self.root) - self.start_self

    def by_name(self) -> dict[str, float]:
        """CPU-s by role: driver, coding workers, Ray's services and Data tasks."""
        out: dict[str, float] = defaultdict(float)
        out["driver"] = self.driver_s
        for name, cpu in self.seen.values():
            if "MapWorker" in name or "MapBatches" in name or name.startswith("python"):
                # Ray actors, or local pool workers (plain python processes)
                key = (
                    "coding workers" if "Map" in name or self.engine == "local" else "ray services"
                )
            else:
                key = "ray services"  # raylet, gcs_server, read/write tasks, dashboard agents
            out[key] += cpu
        return dict(out)


def run(label: str, paths: list[Path], db: Path, **options: Any) -> dict[str, Any]:
    import wirecoder

    load = os.getloadavg()[0]
    with TreeCPU(os.getpid(), options.get("engine", "local")) as cpu:
        summary = wirecoder.ingest(paths, db, **options)
    ours = sum(cpu.by_name().values())
    res = {
        "label": label,
        "wall": cpu.wall,
        "coded": summary.coded,
        "events": summary.events,
        "rate": summary.coded / cpu.wall,
        "cpu": cpu.by_name(),
        "ours_cpu_s": ours,
        "machine_cpu_s": cpu.machine_cpu_s,
        "machine_busy": cpu.machine_busy,
        "load_before": load,
    }
    print(
        f"{label:26s} {cpu.wall:7.1f} s  {res['rate']:6.1f} articles/s  "
        f"({summary.coded} articles, {summary.events} events; load avg before {load:.1f})"
    )
    parts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(res["cpu"].items(), key=lambda kv: -kv[1]))
    print(
        f"{'':26s} CPU-s ours {ours:.0f} [{parts}]; all cores {100 * cpu.machine_busy:.0f}% busy, "
        f"{max(0.0, cpu.machine_cpu_s - ours):.0f} CPU-s by other processes"
    )
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--no-local-pool", action="store_true")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()

    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import wirecoder
    from wirecoder.examples.synthetic import synthetic_articles

    print(f"{os.cpu_count()} CPUs; {args.n} articles; batch size {args.batch_size}")
    wirecoder.get_coder().code("Warm up\nThe minister met the ambassador.")  # driver's model
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src = d / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for r in synthetic_articles(args.n, seed=42):
                f.write(json.dumps(r) + "\n")
        small = d / "small.jsonl"
        with small.open("w", encoding="utf-8") as f:
            for r in synthetic_articles(24, seed=43):
                f.write(json.dumps(r) + "\n")
        bs = args.batch_size
        results = [run("local, 1 process", [src], d / "local.duckdb", batch_size=bs)]
        results.append(
            run(
                f"ray, {args.workers} actors",
                [src],
                d / "ray.duckdb",
                engine="ray",
                workers=args.workers,
                batch_size=bs,
            )
        )
        if not args.no_local_pool:
            results.append(
                run(
                    f"local, {args.workers} processes",
                    [src],
                    d / "pool.duckdb",
                    workers=args.workers,
                    batch_size=bs,
                )
            )
        fixed = run(
            "ray, 24 articles (fixed)",
            [small],
            d / "small.duckdb",
            engine="ray",
            workers=args.workers,
            batch_size=bs,
        )
        results.append(fixed)

    local, ray_run = results[0], results[1]
    speedup = local["wall"] / ray_run["wall"]
    print(
        f"\nspeed-up Ray ({args.workers} workers) vs local (1 process): {speedup:.2f}x  (target >= 1.5)"
    )
    if not args.no_local_pool:
        pool = results[2]
        print(
            f"speed-up local ({args.workers} processes) vs local (1 process): {local['wall'] / pool['wall']:.2f}x"
        )
    print(
        f"Ray fixed cost (start, {args.workers} actors load the model, shards, shutdown): "
        f"{fixed['wall']:.0f} s (24 articles)"
    )
    if ray_run["wall"] > fixed["wall"]:
        steady = (args.n - 24) / (ray_run["wall"] - fixed["wall"])
        print(
            f"Ray beyond its fixed cost: {steady:.1f} articles/s = "
            f"{steady / local['rate']:.2f}x local"
        )
    ncpu = os.cpu_count() or 1
    if speedup < 1.5:
        cpu = ray_run["cpu"]
        coding = cpu.get("coding workers", 0.0)
        other = max(0.0, ray_run["machine_cpu_s"] - ray_run["ours_cpu_s"])
        budget = ncpu * ray_run["wall"]
        print("why not >= 1.5x (measured in the Ray run):")
        print(
            f"  - the machine had {budget:.0f} CPU-s ({ncpu} cores x {ray_run['wall']:.0f} s); "
            f"coding used {coding:.0f} ({100 * coding / budget:.0f}%)"
        )
        print(
            f"  - the driver (reading, de-duplication, DuckDB loads) used "
            f"{cpu.get('driver', 0):.0f} CPU-s and Ray's services and Data tasks "
            f"{cpu.get('ray services', 0):.0f}, on the same {ncpu} cores"
        )
        print(
            f"  - other processes on this machine used {other:.0f} CPU-s "
            f"(load average {ray_run['load_before']:.1f} before the run)"
        )
        print(
            f"  - Ray's fixed cost was {fixed['wall']:.0f} s of the {ray_run['wall']:.0f} s; "
            f"per coding CPU-s, Ray coded {args.n / max(1.0, coding):.1f} articles vs "
            f"{args.n / max(1.0, local['ours_cpu_s']):.1f} locally (model loading included)"
        )
    # what the CPU each run needed implies for a machine with no other load
    ideal_local = local["ours_cpu_s"]  # one process: CPU-bound on one core
    ideal_ray = max(
        ray_run["ours_cpu_s"] / ncpu, ray_run["cpu"].get("coding workers", 0) / args.workers
    )
    print(
        f"CPU-bound projection without other load: local {ideal_local:.0f} s, Ray "
        f">= {ideal_ray:.0f} s -> at most {ideal_local / max(1.0, ideal_ray):.2f}x"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
