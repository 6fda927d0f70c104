"""Train wirecoder's event classifier and write src/wirecoder/models/event_classifier.json.

Two heads over the same word and word-pair features:
  type  16 PLOVER event types, from the synthetic PLOVER stories (headline and first
        sentence; the headline template decides the label);
  quad  PLOVER quad class 0-4 (0 = no coded event), from the CAMEO sentence set.
Only the training split is used (`wirecoder.eval.splits.in_dev` is False); the dev split is
what `wirecoder eval` reports. Only the strongest features are kept, so the shipped file stays small.

    python scripts/train_classifier.py [--data ../shared/data]

Needs scikit-learn (pip install -e '.[dev]').
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_score

from wirecoder.eval.cameo import load as load_cameo
from wirecoder.eval.common import data_root
from wirecoder.eval.splits import in_dev
from wirecoder.eval.synthetic import article_text
from wirecoder.eval.synthetic import load as load_synthetic
from wirecoder.models.classifier import features

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/models/event_classifier.json"
_SENT = re.compile(r"(?<=[.!?])\s+")
MAX_FEATURES = 6000


def lead(text: str) -> str:
    """Headline and first sentence: where a news story states its event."""
    head, _, body = text.partition("\n")
    first = _SENT.split(body.strip(), maxsplit=1)[0] if body.strip() else ""
    return f"{head}\n{first}"


def fit(
    texts: list[str],
    labels: list[str],
    name: str,
    c_grid: tuple[float, ...],
    groups: list[str] | None = None,
) -> dict[str, object]:
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1.0 for f in features(t)} for t in texts])
    # l2-normalise rows, as the runtime does
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    from scipy.sparse import diags

    X = diags(1.0 / norms) @ X
    best = None
    for c in c_grid:
        clf = LogisticRegression(C=c, max_iter=2000)
        cv = GroupKFold(n_splits=4) if groups else 4
        score = cross_val_score(clf, X, labels, cv=cv, groups=groups).mean()
        print(f"  {name}: C={c} cross-validated accuracy {score:.3f}", file=sys.stderr)
        if best is None or score > best[0]:
            best = (score, c)
    assert best is not None
    clf = LogisticRegression(C=best[1], max_iter=3000).fit(X, labels)
    names = vec.get_feature_names_out()
    weights: dict[str, list[float]] = {}
    coef = clf.coef_.T  # (features, labels)
    if coef.shape[1] == 1:  # binary: sklearn keeps one column
        coef = np.hstack([-coef, coef])
    # keep the features that matter most (the shipped file stays small; the few dropped
    # features each moved scores by little)
    strength = np.abs(coef).max(axis=1)
    keep = np.argsort(-strength)[:MAX_FEATURES]
    for j in sorted(keep):
        weights[str(names[j])] = [round(float(x), 3) for x in coef[j]]
    bias = (
        clf.intercept_
        if len(clf.classes_) > 2
        else np.array([-clf.intercept_[0], clf.intercept_[0]])
    )
    print(f"  {name}: C={best[1]}, {len(weights)} of {len(names)} features kept", file=sys.stderr)
    return {
        "labels": [str(c) for c in clf.classes_],
        "bias": [round(float(b), 4) for b in bias],
        "weights": weights,
        "cv_accuracy": round(best[0], 4),
        "n_train": len(texts),
    }


def main() -> int:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    root = data_root(args.data)
    syn = [r for r in load_synthetic(root) if not in_dev(r.get("title", ""))]
    cam = [r for r in load_cameo(root) if not in_dev(r["text"])]
    print(
        f"training on {len(syn)} synthetic stories and {len(cam)} CAMEO sentences", file=sys.stderr
    )
    model = {
        "format": 1,
        "features": "lower-cased words and word pairs (wirecoder.events.classifier.features)",
        "heads": {
            "type": fit(
                [lead(article_text(r)) for r in syn],
                [r["label"] for r in syn],
                "type",
                (1.0, 3.0, 10.0),
                groups=[r.get("title", "") for r in syn],
            ),
            "quad": fit(
                [r["text"] for r in cam],
                [str(r["pentaclass"]) for r in cam],
                "quad",
                (1.0, 3.0, 10.0),
            ),
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
