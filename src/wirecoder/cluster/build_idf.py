"""Build `data/idf.npy`: the IDF of each hashed word, from real and synthetic news texts.

    PYTHONPATH=src python -m wirecoder.cluster.build_idf [--data ../shared/data]

Documents: the conflict-news train files (InSight Crime, SATP) and the synthetic PLOVER
stories, in file order (no sampling, so no seed is needed; the same files give the same
table). Not ECB+, so the cluster evaluation measures a weighting it was not built from.
Smoothed IDF, log((1 + N) / (1 + df)) + 1, scaled so the commonest word weighs about 1 and
an unseen word the most; float16, 128 KB.
"""

from __future__ import annotations

import argparse
import csv
import sys

import numpy as np

from ..eval.common import data_root
from .text import IDF_BUCKETS, IDF_PATH, token_id, tokens


def documents(root: str | None) -> list[str]:
    base = data_root(root)
    docs: list[str] = []
    csv.field_size_limit(sys.maxsize)
    for name in ("insightcrime_train.tsv", "satp_train.tsv"):
        with (base / "conflict_news" / name).open(encoding="utf-8") as f:
            docs.extend(line.split("\t", 1)[0] for line in f)
    with (base / "synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv").open(
        encoding="utf-8"
    ) as f:
        docs.extend(row["text"] for row in csv.DictReader(f))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    docs = documents(args.data)
    df = np.zeros(IDF_BUCKETS, np.int64)
    for d in docs:
        ids = np.unique(np.asarray([token_id(w) for w in tokens(d)] or [0], np.int64))
        df[ids] += 1
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    idf /= float(idf.min())
    np.save(IDF_PATH, idf.astype(np.float16))
    print(f"{len(docs)} documents; idf {idf.min():.2f}..{idf.max():.2f} -> {IDF_PATH}")


if __name__ == "__main__":
    main()
