"""Draw the real-news gold set's articles and fix their train / dev / blind-test split.

Run once, before any annotation or model work (seeded, so it can be checked):

    python scripts/realnews_select.py --data ../shared/data

It writes src/wirecoder/eval/gold/realnews_split.tsv (key, collection, split, digest,
double) and prints the file's SHA-256, which the README records: a changed split is
visible. 20% of each collection is the blind test; 20 train/dev articles are marked
for a second, independent annotation (agreement).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.realnews_texts import read_text

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/eval/gold/realnews_split.tsv"
SEED = 20261206
#: ECB+ topics whose seminal events PLOVER codes (arrests, attacks, charges, riots, bombings,
#: decisions of governments) and a few whose stories have none (negatives)
ECB_EVENT_TOPICS = [3, 8, 9, 11, 12, 16, 18, 19, 22, 24, 26, 32, 33, 34, 35, 36, 41, 45]
ECB_OTHER_TOPICS = [1, 4, 7, 30, 37, 43]
INTL = ("syria", "russia", "putin", "china", "iran", "iraq", "isis", "islamic state", "war",
        "attack", "military", "korea", "israel", "refugee", "terror", "troops", "strike", "nato",
        "mexico", "cuba", "ukraine", "afghan", "bomb", "migrant", "border", "foreign", "saudi",
        "yemen", "libya", "turkey", "europe", "japan")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    args = ap.parse_args()
    root = Path(args.data)
    rng = random.Random(SEED)
    picks: list[str] = []

    ecb = root / "ecbplus" / "ECB+"
    for topics, per, keep in ((ECB_EVENT_TOPICS, 2, 29), (ECB_OTHER_TOPICS, 1, 6)):
        drawn = []
        for t in topics:
            files = sorted(p.name for p in (ecb / str(t)).glob("*ecbplus.xml"))
            drawn += [f"ecb:{t}/{f}" for f in rng.sample(files, per)]
        picks += rng.sample(drawn, keep)

    for name, n, maxlen in (("satp", 20, 3000), ("insightcrime", 15, 3000)):
        keys = []
        for split in ("train", "dev"):
            lines = (root / "conflict_news" / f"{name}_{split}.tsv").read_text(encoding="utf-8")
            for i, line in enumerate(lines.splitlines(), 1):
                if 200 < len(line.split("\t")[0]) < maxlen:
                    keys.append(f"{name}:{split}:{i}")
        picks += rng.sample(keys, n)

    intl, other = [], []
    for split in ("train", "dev"):
        for p in sorted((root / "attribution" / split / "text").glob("*.txt")):
            if len(p.read_text(encoding="utf-8")) > 3500:
                continue
            title = p.read_text(encoding="utf-8").split("\n", 1)[0].lower()
            (intl if any(w in title for w in INTL) else other).append(f"polnear:{split}/{p.name}")
    picks += rng.sample(intl, 15) + rng.sample(other, 20)

    rows = []
    by_coll: dict[str, list[str]] = {}
    for key in picks:
        by_coll.setdefault(key.split(":")[0], []).append(key)
    for coll, keys in by_coll.items():
        keys = sorted(keys)
        rng.shuffle(keys)
        n_test = round(len(keys) * 0.2)
        n_dev = round(len(keys) * 0.2)
        for i, key in enumerate(keys):
            split = "test" if i < n_test else "dev" if i < n_test + n_dev else "train"
            rows.append([key, coll, split])
    nontest = [r for r in rows if r[2] != "test"]
    double = {r[0] for r in rng.sample(nontest, 20)}
    lines = ["key\tcollection\tsplit\tdigest\tdouble"]
    for key, coll, split in sorted(rows):
        digest = read_text(root, key).digest
        lines.append(f"{key}\t{coll}\t{split}\t{digest}\t{int(key in double)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(OUT, len(rows), "articles; sha256", hashlib.sha256(OUT.read_bytes()).hexdigest())


if __name__ == "__main__":
    main()
