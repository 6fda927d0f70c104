"""Draw more real-news articles for TRAINING the learned decision (never for dev or test).

The frozen split (realnews_split.tsv, its hash in the README) stays as it is. This draws N
further articles from the same collections, none of them already in the split and, for ECB+,
none from a topic any blind-test article comes from (ECB+ topics retell one event), and writes
src/wirecoder/eval/gold/realnews_extra_split.tsv (same columns; split "train"). Seeded.

    python scripts/realnews_select_extra.py --data ../shared/data [--n 45]
    python scripts/realnews_select_extra.py --data ../shared/data --draw 2 --n 100
    python scripts/realnews_select_extra.py --data ../shared/data --draw 4 --n 30 --only polnear --domestic

PolNeAR articles are drawn from international news unless --domestic (US campaign and
policy coverage, where most candidates are no event: what the decision must learn to drop).

A later draw (its own seed) appends N more articles and leaves every earlier row as it is.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.realnews_texts import read_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_select import INTL  # the same words that mark international news

GOLD = Path(__file__).resolve().parents[1] / "src/wirecoder/eval/gold"
OUT = GOLD / "realnews_extra_split.tsv"
SEED = 20261207


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--n", type=int, default=45)
    ap.add_argument("--draw", type=int, default=1, help="1 writes the file; 2, 3, ... append")
    ap.add_argument("--only", choices=["ecb", "polnear", "satp", "insightcrime"])
    ap.add_argument(
        "--domestic", action="store_true", help="PolNeAR: any topic, not only international"
    )
    args = ap.parse_args()
    root = Path(args.data)
    rng = random.Random(SEED if args.draw == 1 else SEED + args.draw)
    earlier: list[str] = []
    if args.draw > 1:
        earlier = OUT.read_text(encoding="utf-8").splitlines()[1:]
    with (GOLD / "realnews_split.tsv").open(encoding="utf-8") as fh:
        frozen = {r["key"]: r for r in csv.DictReader(fh, delimiter="\t")}
    test_topics = {
        k.split(":")[1].split("/")[0]
        for k, r in frozen.items()
        if r["split"] == "test" and k.startswith("ecb:")
    }
    share = {"ecb": 0.25, "polnear": 0.3, "satp": 0.25, "insightcrime": 0.2}
    if args.only:
        share = {args.only: 1.0}
    pools: dict[str, list[str]] = {c: [] for c in ("ecb", "polnear", "satp", "insightcrime")}
    ecb = root / "ecbplus" / "ECB+"
    for topic in sorted(ecb.iterdir(), key=lambda p: p.name):
        if topic.name in test_topics or not topic.is_dir():
            continue
        pools["ecb"] += [f"ecb:{topic.name}/{p.name}" for p in sorted(topic.glob("*ecbplus.xml"))]
    for name in ("satp", "insightcrime"):
        for split in ("train", "dev"):
            lines = (root / "conflict_news" / f"{name}_{split}.tsv").read_text(encoding="utf-8")
            for i, line in enumerate(lines.splitlines(), 1):
                if 200 < len(line.split("\t")[0]) < 3000:
                    pools[name].append(f"{name}:{split}:{i}")
    for split in ("train", "dev"):
        for p in sorted((root / "attribution" / split / "text").glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            intl = any(w in text.split("\n", 1)[0].lower() for w in INTL)
            if len(text) <= 3500 and (intl or args.domestic):
                pools["polnear"].append(f"polnear:{split}/{p.name}")  # international news
    rows = []
    for coll, frac in share.items():
        taken = {line.split("\t")[0] for line in earlier}
        keys = [k for k in pools[coll] if k not in frozen and k not in taken]
        for key in sorted(rng.sample(keys, min(len(keys), round(args.n * frac)))):
            rows.append(f"{key}\t{coll}\ttrain\t{read_text(root, key).digest}\t0")
    OUT.write_text(
        "key\tcollection\tsplit\tdigest\tdouble\n" + "\n".join(earlier + rows) + "\n",
        encoding="utf-8",
    )
    print(OUT, len(rows), "articles")


if __name__ == "__main__":
    main()
