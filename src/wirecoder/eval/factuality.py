"""Status against token-level factuality (UW, UDS-IH2, MEANTIME; -3 did not happen ... +3 happened).

For every annotated event word, wirecoder's status rule (`events.status.status_of`)
runs on the sentence's parse. The score the issue asks for compares the *sign*:
asserted counts as positive; negated, future, hypothetical and requested as negative
(not, or not yet, a fact). Gold labels of exactly 0 are left out of that score. A
three-way score (asserted / negated / other, with |label| < 1 as "other") is reported
too, to show which statuses the rules confuse.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..coder import Coder
from ..events.status import status_of
from .common import Miss, Report, confuse, find_files, read_jsonl


def _band(label: float) -> str:
    if label >= 1:
        return "asserted"
    if label <= -1:
        return "negated"
    return "other"


def _ours3(status: str) -> str:
    return status if status in ("asserted", "negated") else "other"


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    from spacy.tokens import Doc

    files = find_files(root, "factuality", [f"*/{split}.jsonl"], "factuality")
    coder = coder or Coder()
    nlp = coder.resources.nlp
    rep = Report("factuality")
    sign_ok = sign_n = band_ok = band_n = 0
    per_corpus: Counter[str] = Counter()
    per_corpus_ok: Counter[str] = Counter()
    for f in files:
        corpus = f.parent.name
        rows = [r for _, r in read_jsonl(f)]
        if limit:
            rows = rows[:limit]
        docs = nlp.pipe((Doc(nlp.vocab, words=r["text"].split(" ")) for r in rows), batch_size=64)
        for r, doc in zip(rows, docs, strict=True):
            for t in r["targets"]:
                i = t["span1"][0]
                if i >= len(doc):
                    rep.skipped += 1
                    continue
                label = float(t["label"])
                res = status_of(doc[i])
                rep.n += 1
                confuse(rep.confusion, _band(label), _ours3(res.status))
                band_n += 1
                band_ok += _band(label) == _ours3(res.status)
                if label == 0:
                    continue
                sign_n += 1
                ok = (label > 0) == (res.status == "asserted")
                sign_ok += ok
                per_corpus[corpus] += 1
                per_corpus_ok[corpus] += ok
                if not ok and errors and len(rep.misses) < errors:
                    rep.misses.append(
                        Miss(
                            f"{corpus}:{r.get('idx', '?')}",
                            r["text"],
                            f"'{t['span_text']}' {label:+.2f}",
                            res.status,
                            res.reason,
                        )
                    )
    rep.metrics = {
        "status_sign_accuracy": sign_ok / sign_n if sign_n else 0.0,
        "status_3way_accuracy": band_ok / band_n if band_n else 0.0,
    }
    for c in per_corpus:
        rep.metrics[f"sign_accuracy_{c}"] = per_corpus_ok[c] / per_corpus[c]
    return rep


__all__ = ["evaluate"]
