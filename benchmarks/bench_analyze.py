"""Cost of `wirecoder analyze` (events + quotes, framing, claims) over `wirecoder code`.

    python benchmarks/bench_analyze.py [--n 200] [--fast] [--source auto|synthetic|polnear]

Codes the same articles both ways, chunk by chunk in alternation (so a burst of load on a
shared machine slows both; which goes first alternates too), and prints articles/s for each and their ratio (issue 17's target:
analyze costs no more than 1.2x code). Articles: PolNeAR dev (quote-rich political news, read
in place from ../shared/data) when present, else wirecoder's synthetic examples. Nothing is
asserted: it is a measurement.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "attribution" / "dev" / "text"


def load_articles(n: int, source: str) -> tuple[list[dict[str, str]], str]:
    if source == "polnear" or (source == "auto" and POLNEAR.is_dir()):
        files = sorted(POLNEAR.glob("*.txt"))
        return [
            {"id": f"p{i}", "text": files[i % len(files)].read_text(encoding="utf-8")}
            for i in range(n)
        ], "PolNeAR dev"
    from wirecoder.examples.synthetic import synthetic_articles

    recs = synthetic_articles(n, seed=3)
    return [{"id": f"s{i}", "text": f"{r['title']}\n{r['text']}"} for i, r in enumerate(recs)], (
        "synthetic"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--source", default="auto", choices=("auto", "synthetic", "polnear"))
    ap.add_argument("--chunk", type=int, default=20)
    args = ap.parse_args()
    from wirecoder.coder import default_coder

    arts, source = load_articles(args.n, args.source)
    coder = default_coder((), args.fast)
    list(coder.code_many(arts[:4], voices=True))  # warm up: models load once
    t_code = t_analyze = 0.0
    n_quotes = n_framing = n_claims = 0
    for k, i in enumerate(range(0, len(arts), args.chunk)):
        chunk = arts[i : i + args.chunk]
        # which runs first alternates, so neither always finds the other's caches warm
        for voices in (False, True) if k % 2 == 0 else (True, False):
            t0 = time.perf_counter()
            for res in coder.code_many(chunk, voices=voices):
                if res.voices is not None:
                    n_quotes += len(res.voices.quotes)
                    n_framing += len(res.voices.framing)
                    n_claims += len(res.voices.claims)
            if voices:
                t_analyze += time.perf_counter() - t0
            else:
                t_code += time.perf_counter() - t0
    n = len(arts)
    print(f"{n} articles ({source}){' --fast' if args.fast else ''}")
    print(f"code     {n / t_code:7.1f} articles/s")
    print(f"analyze  {n / t_analyze:7.1f} articles/s  ({n_quotes} quotes, {n_framing} framing "
          f"spans, {n_claims} claims)")  # fmt: skip
    print(f"analyze / code time: {t_analyze / t_code:.2f}x (target <= 1.2x)")


if __name__ == "__main__":
    main()
