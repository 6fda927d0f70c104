"""Cold start: one `wirecoder code` call vs loading the spaCy model alone, in one run.

    python benchmarks/bench_cold_start.py [--repeat 3] [--fast]

Each side runs in a fresh Python process; the two alternate `--repeat` times so that a burst of
other load on a shared machine slows both, and the medians are compared. Prints both times and
their ratio (goal: <= 1.5). The first `wirecoder code` after an install also builds the
gazetteer cache (seconds); the script warms it first and reports that time separately.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

SPACY_ONLY = "from wirecoder.nlp import load_nlp; load_nlp()"
ARTICLE = "Rebels attacked a police station in Kandahar on Tuesday.\n"


def _run(args: list[str], stdin: str | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(args, input=stdin, text=True, check=True, capture_output=True, env=os.environ)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fast", action="store_true", help="time `code --fast`")
    a = ap.parse_args()
    code = [sys.executable, "-m", "wirecoder", "code", "--date", "2015-10-21"]
    if a.fast:
        code.append("--fast")
    warm = _run(code, ARTICLE)
    spacy_t, code_t = [], []
    for _ in range(a.repeat):
        spacy_t.append(_run([sys.executable, "-c", SPACY_ONLY]))
        code_t.append(_run(code, ARTICLE))
    s, c = statistics.median(spacy_t), statistics.median(code_t)
    print(f"first call (may build the gazetteer cache): {warm:.2f} s")
    print(
        f"python + spaCy model alone:  {s:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in spacy_t)})"
    )
    print(
        f"wirecoder code, one article: {c:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in code_t)})"
    )
    print(f"ratio: {c / s:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
