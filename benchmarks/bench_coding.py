"""Coding throughput: wirecoder vs the bare spaCy model on the same articles.

    python benchmarks/bench_coding.py [--n 1000] [--source auto|synthetic|shared] [--fast]

Prints articles/s for `nlp.pipe` alone (the model wirecoder loads, `wirecoder.nlp.load_nlp()`,
with none of wirecoder's stages) and for `Coder.code_many` (parse + every stage), their ratio
(targets: >= 0.3 with the learned decision, the default; >= 0.7 with `--fast`, without it), and
where the stages spend their time. The two sides alternate chunk by chunk
(50 articles), so a burst of other load on a shared machine slows both, not one.

Articles: `wirecoder.examples.synthetic` (written for wirecoder) by default, or with
`--source shared` the synthetic PLOVER stories in ../shared/data when that folder exists
(read in place, never copied).
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from collections import defaultdict
from pathlib import Path

SHARED_CSV = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "synthetic_plover"
    / "gpt_synthetic_events_2023-10-19_19.csv"
)


def load_articles(n: int, source: str) -> tuple[list[dict[str, str]], str]:
    if source == "shared" or (source == "auto" and SHARED_CSV.is_file()):
        with SHARED_CSV.open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if (r.get("text") or "").strip()]
        out = []
        for i in range(n):
            r = rows[i % len(rows)]
            suffix = f" ({i // len(rows)})" if i >= len(rows) else ""
            out.append({"title": (r.get("title") or "").strip() + suffix, "text": r["text"]})
        return out, f"../shared synthetic_plover stories ({SHARED_CSV.name})"
    from wirecoder.examples.synthetic import synthetic_articles

    return synthetic_articles(n, seed=1), "wirecoder.examples.synthetic (template articles)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--source", choices=("auto", "synthetic", "shared"), default="auto")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--fast", action="store_true", help="without the learned decision")
    args = ap.parse_args()

    from wirecoder.analysis import CoderConfig
    from wirecoder.coder import Coder
    from wirecoder.nlp import MODEL_NAME, load_nlp
    from wirecoder.read import make_article

    records, where = load_articles(args.n, args.source)
    articles = [
        make_article(r["text"], title=r.get("title") or None, date="2021-03-03") for r in records
    ]
    texts = [a.text for a in articles]
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {chars / len(texts):.0f} characters on average, from {where}")
    print(f"model {MODEL_NAME}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")

    coder = Coder(CoderConfig(fast=args.fast))
    nlp = load_nlp()
    print(f"mode: {'--fast (no learned decision)' if args.fast else 'default (learned decision)'}")
    # warm both (model, dictionaries, gazetteer, classifier load once)
    list(coder.code_many(articles[:20]))
    list(nlp.pipe(texts[:20], batch_size=coder.config.batch_size))

    # time each stage by wrapping it (a stage with `pipe` sees a whole batch at once)
    stage_time: dict[str, float] = defaultdict(float)

    class Timed:
        def __init__(self, stage):
            self.stage, self.name = stage, stage.name
            if hasattr(stage, "pipe"):
                self.pipe = self._pipe

        def __call__(self, analysis, resources):
            t = time.perf_counter()
            self.stage(analysis, resources)
            stage_time[self.name] += time.perf_counter() - t

        def _pipe(self, analyses, resources):
            t = time.perf_counter()
            self.stage.pipe(analyses, resources)
            stage_time[self.name] += time.perf_counter() - t

    coder.stages = [Timed(stage) for stage in coder.stages]  # type: ignore[misc]

    # Interleave: each chunk of articles is parsed bare and coded in turn (order alternating),
    # so a burst of other load on a shared machine slows both sides, not one.
    chunk = 50
    t_bare = t_full = 0.0
    cpu_full = 0.0  # CPU time of this process: unaffected by other load, unlike wall time
    events = 0
    for r in range(args.rounds):
        for k, i in enumerate(range(0, len(texts), chunk)):
            arts, txts = articles[i : i + chunk], texts[i : i + chunk]
            for side in ("bare", "full") if (k + r) % 2 == 0 else ("full", "bare"):
                t = time.perf_counter()
                if side == "bare":
                    for _doc in nlp.pipe(txts, batch_size=coder.config.batch_size):
                        pass
                    t_bare += time.perf_counter() - t
                else:
                    c0 = time.process_time()
                    events += sum(len(c.events) for c in coder.code_many(arts))
                    t_full += time.perf_counter() - t
                    cpu_full += time.process_time() - c0
    n = len(texts) * args.rounds
    rate_bare, rate_full = n / t_bare, n / t_full
    ratio = rate_full / rate_bare
    print(f"bare nlp.pipe        {rate_bare:7.1f} articles/s  ({t_bare:.1f} s for {n} articles)")
    print(f"wirecoder code_many  {rate_full:7.1f} articles/s  ({t_full:.1f} s for {n} articles)")
    print(
        f"ratio wirecoder / bare model: {ratio:.2f}  (target >= {0.7 if args.fast else 0.3:.2f})  "
        f"{events // args.rounds} events per pass"
    )
    per_article = cpu_full / n
    print(
        f"wirecoder CPU time: {1000 * per_article:.1f} ms per article, "
        f"{chars / len(texts) / per_article:,.0f} characters per CPU-second"
    )
    total = sum(stage_time.values())
    parse = t_full - total
    print(
        f"inside wirecoder: parse {parse:.1f} s, stages {total:.1f} s "
        f"(stages are {100 * total / t_full:.0f}% of coding time; the ratio they imply: "
        f"{parse / t_full:.2f})"
    )
    for name, secs in sorted(stage_time.items(), key=lambda kv: -kv[1]):
        print(f"  {name:12s} {secs:6.2f} s  {100 * secs / t_full:5.1f}%")


if __name__ == "__main__":
    main()
