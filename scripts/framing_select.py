"""Draw the framing gold set's articles and fix their dev / blind-test split (issue 17 item 6).

Run once, before any annotation (seeded, so anyone can check the draw):

    python scripts/framing_select.py --data ../shared/data

It writes src/wirecoder/eval/gold/framing_split.tsv (key, split, sha) and prints the file's
SHA-256. The blind test is 30% of each collection, the keys whose seeded hash ranks lowest, so
the split depends on nothing but the key. Articles of the real-news gold set are left out: its
blind articles must not be read, and a framing set disjoint from it measures something new.

    python scripts/framing_select.py --data ../shared/data --draw 2   (then --draw 3)

add later, smaller draws (each its own seed, committed before it is annotated) that append to
the same file without touching an earlier row. Draw 2: the first draw held almost no
name-calling (2 label spans in 64 articles, none in the blind third), so it samples the strata
where outlets name armed actors: PolNeAR articles whose title names an international or
security topic (by title words only, never by framing words) and SATP incident reports.
Draw 3: the blind third of draws 1-2 (24 articles, 19 spans) is too small for a stable
precision and recall, so it adds articles at random from the two collections whose outlets
speak most in their own voice (in draws 1-2, about one span per PolNeAR article and 1.5 per
InSight Crime article, against 0.3 per SATP report and 0.2 per ECB+ document).

    python scripts/framing_select.py --second 20

prints the dev articles for the second, independent annotation (framing_second.jsonl, scored
by scripts/framing_agreement.py): those whose seeded hash ranks lowest, so the share depends
on the key alone, never on what the first annotator found.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.realnews_texts import read_text

GOLD = Path(__file__).resolve().parents[1] / "src/wirecoder/eval/gold"
OUT = GOLD / "framing_split.tsv"
SEED = 20261206_17
TEST_SHARE = 0.3
#: articles per collection: political news, crime analysis, incident reports, general news
QUOTA = {"polnear": 24, "insightcrime": 14, "satp": 12, "ecb": 14}
MAX_CHARS = 3500
#: later draws: seed and articles per stratum ("polnear-intl": PolNeAR with a title in INTL)
DRAWS = {
    2: (20261206_1702, {"polnear-intl": 10, "satp": 6}),
    3: (20261206_1703, {"polnear": 12, "insightcrime": 8}),
}
#: title words of the PolNeAR stratum of draw 2 (topic, not framing, words)
INTL = ("syria", "russia", "putin", "china", "iran", "iraq", "isis", "islamic state", "war",
        "attack", "military", "korea", "israel", "refugee", "terror", "troops", "strike", "nato",
        "mexico", "cuba", "ukraine", "afghan", "bomb", "migrant", "border", "foreign", "saudi",
        "yemen", "libya", "turkey", "europe", "japan", "muslim", "isil", "paris", "brussels")  # fmt: skip


def _taken() -> set[str]:
    """Keys already in the real-news gold set (any split)."""
    out: set[str] = set()
    for name in ("realnews_split.tsv", "realnews_extra_split.tsv"):
        path = GOLD / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines()[1:]:
                out.add(line.split("\t")[0])
    return out


def _rank(key: str) -> str:
    return hashlib.sha256(f"{SEED}|{key}".encode()).hexdigest()


def candidates(root: Path, taken: set[str]) -> dict[str, list[str]]:
    """Every key of each collection that is short enough to annotate and not yet taken."""
    out: dict[str, list[str]] = {c: [] for c in QUOTA}
    for split in ("train", "dev"):
        for p in sorted((root / "attribution" / split / "text").glob("*.txt")):
            if 600 < len(p.read_text(encoding="utf-8")) <= MAX_CHARS:
                out["polnear"].append(f"polnear:{split}/{p.name}")
        for name in ("insightcrime", "satp"):
            path = root / "conflict_news" / f"{name}_{split}.tsv"
            for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if 300 < len(line.split("\t")[0]) <= MAX_CHARS:
                    out[name].append(f"{name}:{split}:{i}")
    ecb = root / "ecbplus" / "ECB+"
    for topic in sorted((p for p in ecb.iterdir() if p.is_dir()), key=lambda p: int(p.name)):
        for f in sorted(topic.glob("*ecbplus.xml")):
            out["ecb"].append(f"ecb:{topic.name}/{f.name}")
    return {c: [k for k in keys if k not in taken] for c, keys in out.items()}


def _split_rows(picks: list[str], root: Path) -> list[tuple[str, str, str]]:
    """Rank by seeded hash and put the lowest 30% in the blind test."""
    n_test = round(len(picks) * TEST_SHARE)
    ranked = sorted(picks, key=_rank)
    return [
        (key, "test" if i < n_test else "dev", read_text(root, key).digest)
        for i, key in enumerate(ranked)
    ]


def second_share(n: int) -> list[str]:
    """The n dev articles for the second annotator, by seeded hash of the key."""
    lines = OUT.read_text(encoding="utf-8").splitlines()[1:]
    dev = [line.split("\t")[0] for line in lines if line.split("\t")[1] == "dev"]
    return sorted(dev, key=lambda k: hashlib.sha256(f"second|{SEED}|{k}".encode()).hexdigest())[:n]


def later_draw(root: Path, number: int) -> None:
    """A later draw, appended to the split file; the rows of earlier draws are unchanged."""
    have = OUT.read_text(encoding="utf-8").splitlines()
    drawn = {line.split("\t")[0] for line in have[1:]}
    seed, quota = DRAWS[number]
    rng = random.Random(seed)
    pool = candidates(root, _taken() | drawn)
    pool["polnear-intl"] = [
        k
        for k in pool["polnear"]
        if any(w in (read_text(root, k).title or "").lower() for w in INTL)
    ]
    rows = []
    for stratum, n in quota.items():
        rows += _split_rows(rng.sample(pool[stratum], n), root)
    OUT.write_text("\n".join(have + ["\t".join(r) for r in sorted(rows)]) + "\n", encoding="utf-8")
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(OUT, len(have) - 1 + len(rows), "articles (", len(rows), "added ); sha256", digest)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--draw", type=int, choices=sorted(DRAWS), help="append a later draw")
    ap.add_argument("--second", type=int, metavar="N", help="print the second annotator's share")
    args = ap.parse_args()
    root = Path(args.data)
    if args.second:
        print("\n".join(second_share(args.second)))
        return
    if args.draw:
        later_draw(root, args.draw)
        return
    rng = random.Random(SEED)
    rows: list[tuple[str, str, str]] = []
    for coll, keys in candidates(root, _taken()).items():
        if coll == "ecb":
            # one document per topic, so no single story dominates
            by_topic: dict[str, list[str]] = {}
            for k in keys:
                by_topic.setdefault(k.split(":")[1].split("/")[0], []).append(k)
            topics = rng.sample(sorted(by_topic), QUOTA[coll])
            picks = [rng.choice(by_topic[t]) for t in topics]
        else:
            picks = rng.sample(keys, QUOTA[coll])
        picks = [k for k in picks if len(read_text(root, k).text) <= MAX_CHARS]
        rows += _split_rows(picks, root)
    lines = ["key\tsplit\tsha"] + ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_test = sum(r[1] == "test" for r in rows)
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()
    print(OUT, len(rows), "articles,", n_test, "test; sha256", digest)


if __name__ == "__main__":
    main()
