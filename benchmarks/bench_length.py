"""Coding time against article length: is it linear?

    python benchmarks/bench_length.py [--sizes 100000,400000] [--fast] [--profile]

Builds one long article per size from `wirecoder.examples.synthetic` paragraphs (no outside
text), codes each once with the same warmed-up coder, and prints seconds, seconds per 100k
characters, and each size's time over the smallest one's. Linear coding means the ratio follows
the size ratio (target: a 400k-character article at most 4.5x a 100k one). One run, printed,
never asserted: the machine is shared and times vary. `--profile` prints the top functions of
the largest size (cProfile, cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time


def long_text(chars: int) -> str:
    """A headline and paragraphs from distinct synthetic stories until `chars` is reached."""
    from wirecoder.examples.synthetic import synthetic_articles

    parts = ["Officials report a long week of events across several countries"]
    size = len(parts[0])
    n = 0
    while size < chars:
        for art in synthetic_articles(200, seed=n + 1):
            body = art["text"].split("\n", 1)[-1].replace("\n", "\n\n")
            parts.append(body)
            size += len(body) + 2
            if size >= chars:
                break
        n += 1
    return "\n\n".join(parts)[:chars].rsplit(" ", 1)[0] + "."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="100000,400000", help="comma-separated character counts")
    ap.add_argument("--fast", action="store_true", help="without the learned decision")
    ap.add_argument("--profile", action="store_true", help="profile the largest size")
    args = ap.parse_args()

    from wirecoder.analysis import CoderConfig
    from wirecoder.coder import Coder

    coder = Coder(CoderConfig(fast=args.fast))
    coder.code(long_text(3000), date="2024-05-01")  # load every model before timing
    sizes = [int(s) for s in args.sizes.split(",")]
    times: list[float] = []
    for k, size in enumerate(sizes):
        text = long_text(size)
        prof = cProfile.Profile() if args.profile and k == len(sizes) - 1 else None
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        events = coder.code(text, date="2024-05-01")
        if prof:
            prof.disable()
        dt = time.perf_counter() - t0
        times.append(dt)
        print(
            f"{len(text):>9,} chars  {dt:8.1f} s  {dt / len(text) * 1e5:6.2f} s/100k  "
            f"{len(events):>6} events  x{dt / times[0]:.2f} of the smallest "
            f"(size x{len(text) / len(long_text(sizes[0])):.1f})",
            flush=True,
        )
        if prof:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
