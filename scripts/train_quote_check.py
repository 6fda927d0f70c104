"""Train the learned check over quote candidates (src/wirecoder/models/quote_check.json).

Seeded; needs scikit-learn (the `train` extra) and ../shared/data:

    python scripts/train_quote_check.py [--data ../shared/data] [--fast]

Examples are the candidates `wirecoder.voices.quotes` proposes on PolNeAR's *train* folder
(the dev folder is `eval quotes`' and is not read here) that the parse does not settle (a
quotation beside its cue, "according to", a chain are kept whatever the model says, unless
the cue is negated), each labelled 1 when its cue overlaps a cue the annotators marked, else
0 (candidates in spans PolNeAR set aside are left out). A logistic regression (L2) over the candidate's features (`QuoteFinder.features`) is fitted;
its regularisation and the probability threshold are chosen by 5-fold cross-validation over
articles on train, maximising the F1 of cues with a verb of saying as `eval quotes` counts
them (each gold cue found once: a second candidate on it is wrong). Only the non-zero weights are written, rounded.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SEED = 17
OUT = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "models" / "quote_check.json"


def _overlap(a: tuple[int, int], segs: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in segs)


def examples(articles: Sequence[Any], analyses: Sequence[Any]) -> list[dict[str, Any]]:
    """One row per candidate: its article, features, label, and the speech cues it hits."""
    from wirecoder.voices.quote_model import checked
    from wirecoder.voices.quotes import QuoteFinder

    rows: list[dict[str, Any]] = []
    for k, (art, an) in enumerate(zip(articles, analyses, strict=True)):
        finder = QuoteFinder(an)
        speech = [g.cue for g in art.attributions if g.speech]
        cues = [s for g in art.attributions for s in g.cue]
        for d in finder.drafts():
            span = (d.cue_span.start, d.cue_span.end)
            if _overlap(span, art.ignored):
                continue
            hits = [f"{k}:{j}" for j, segs in enumerate(speech) if _overlap(span, segs)]
            row: dict[str, Any] = {"article": k, "label": int(_overlap(span, cues)), "hits": hits}
            if not checked(d):  # kept whatever the model says: counted as kept
                row["settled"] = 1
            else:
                row["features"] = finder.features(d)
            rows.append(row)
        rows.append({"article": k, "gold_speech": len(speech)})
    return rows


def _f1(rows: list[dict[str, Any]], probs: list[float], threshold: float, n_gold: int,
        settled: Sequence[dict[str, Any]] = ()) -> float:  # fmt: skip
    """Cue F1 as `eval quotes` counts it: a gold cue is found once; a second candidate on it
    and one on no cue at all are wrong, one on a cue of another kind (believe) is neither."""
    found: set[str] = set()
    hits = fp = 0
    kept = [*settled, *(r for r, p in zip(rows, probs, strict=True) if p >= threshold)]
    for r in kept:
        if r["hits"]:
            hits += 1
            new = next((h for h in r["hits"] if h not in found), None)
            if new is not None:  # one-to-one, as eval quotes matches
                found.add(new)
        elif not r["label"]:
            fp += 1
    tp = min(len(found), n_gold)
    fp += hits - tp
    return 2 * tp / (2 * tp + fp + (n_gold - tp)) if tp else 0.0


def fit(rows: list[dict[str, Any]], seed: int = SEED) -> dict[str, Any]:
    """Cross-validated C and threshold, then the model refitted on every train article."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    cands = [r for r in rows if "features" in r]
    n_gold = sum(r["gold_speech"] for r in rows if "gold_speech" in r)
    settled = [r for r in rows if r.get("settled")]
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"]} for r in cands])
    y = np.array([r["label"] for r in cands])
    arts = sorted({r["article"] for r in cands})
    random.Random(seed).shuffle(arts)
    fold = {a: i % 5 for i, a in enumerate(arts)}
    folds = np.array([fold[r["article"]] for r in cands])
    best: tuple[float, float, float] = (-1.0, 1.0, 0.5)
    for c in (0.1, 0.3, 1.0, 3.0):
        probs = np.zeros(len(cands))
        for k in range(5):
            tr, te = folds != k, folds == k
            m = LogisticRegression(C=c, max_iter=2000).fit(x[tr], y[tr])
            probs[te] = m.predict_proba(x[te])[:, 1]
        for th in np.arange(0.05, 0.8, 0.025):
            f = _f1(cands, list(probs), float(th), n_gold, settled)
            if f > best[0]:
                best = (f, c, float(th))
    f1, c, th = best
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    weights = {"bias": float(model.intercept_[0])}
    for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True):
        if abs(w) >= 0.05:  # a small file; smaller weights change no decision of note
            weights[str(name)] = weights.get(str(name), 0.0) + float(w)
    kept_all = _f1(cands, [1.0] * len(cands), 0.5, n_gold, settled)
    return {
        "weights": {k: round(v, 3) for k, v in sorted(weights.items())},
        "threshold": round(th, 3),
        "trained_on": "PolNeAR train",
        "cv": {"C": c, "cue_f1_speech": round(f1, 4), "cue_f1_keep_all": round(kept_all, 4),
               "candidates": len(cands), "positives": int(y.sum()), "gold_speech": n_gold},
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from wirecoder.coder import default_coder
    from wirecoder.eval.attribution import load
    from wirecoder.eval.common import data_root

    articles, _ = load(data_root(args.data), "train")
    coder = default_coder((), True)  # the check reads the parse and the mentions only
    analyses = list(coder.analyze_many({"id": a.name, "text": a.text} for a in articles))
    out = fit(examples(articles, analyses))
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["cv"]), f"threshold {out['threshold']}", f"-> {args.out}")


if __name__ == "__main__":
    main()
