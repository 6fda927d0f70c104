"""Cold start: one `wirecoder code` call vs loading the spaCy model alone, in one run.

    python benchmarks/bench_cold_start.py [--repeat 3] [--fast]

Each side runs in a fresh Python process; the two alternate `--repeat` times so that a burst of
other load on a shared machine slows both, and the medians are compared. Prints both times and
their ratio (goal: <= 1.5), the same for the processes' CPU time (user + system, which other
load on the machine disturbs less than wall time), and the load average before and after. The
first `wirecoder code` after an install also fills the user's cache (gazetteer, actor
dictionary, merged MiniLM weights: seconds); the script warms it first and reports that time
separately.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

SPACY_ONLY = "from wirecoder.nlp import load_nlp; load_nlp()"
ARTICLE = "Rebels attacked a police station in Kandahar on Tuesday.\n"


def _run(args: list[str], stdin: str | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(args, input=stdin, text=True, check=True, capture_output=True, env=os.environ)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fast", action="store_true", help="time `code --fast`")
    a = ap.parse_args()
    code = [sys.executable, "-m", "wirecoder", "code", "--date", "2015-10-21"]
    if a.fast:
        code.append("--fast")
    load = os.getloadavg()[0]
    warm = _run(code, ARTICLE)[0]
    spacy_t, code_t = [], []
    for _ in range(a.repeat):
        spacy_t.append(_run([sys.executable, "-c", SPACY_ONLY]))
        code_t.append(_run(code, ARTICLE))
    print(f"load average: {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print(f"first call (may fill the cache): {warm:.2f} s")
    for k, what in ((0, "wall"), (1, "CPU")):
        s = statistics.median(x[k] for x in spacy_t)
        c = statistics.median(x[k] for x in code_t)
        runs_s = ", ".join(f"{x[k]:.2f}" for x in spacy_t)
        runs_c = ", ".join(f"{x[k]:.2f}" for x in code_t)
        print(f"{what}: python + spaCy model alone:  {s:.2f} s  (runs: {runs_s})")
        print(f"{what}: wirecoder code, one article: {c:.2f} s  (runs: {runs_c})")
        print(f"{what} ratio: {c / s:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
