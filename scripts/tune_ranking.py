"""Measure the headline and lead weights of `records.RankWeights` on the training stories.

The synthetic eval scores the main event of each story, the first of `rank_events`. Its
confidence blends the rules with the classifier's headline-and-lead type head, which was
trained on these very stories: scored in-sample, the classifier knows every template, so
any weight looks best that trusts it. Here each story is coded by a type head trained
without its template (four folds grouped by headline template, as `wirecoder eval` splits
dev from train), which is how the classifier meets new text. The script prints accuracy of
the main event for a grid of weights; it changes nothing.

    python scripts/tune_ranking.py [--data ../shared/data]

Needs scikit-learn (pip install -e '.[dev]'); takes about five minutes on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_classifier import fit, lead

from wirecoder.coder import Coder
from wirecoder.eval.common import data_root
from wirecoder.eval.splits import in_dev
from wirecoder.eval.synthetic import article_text
from wirecoder.eval.synthetic import load as load_synthetic
from wirecoder.models.classifier import EventClassifier, load_classifier
from wirecoder.records import Event, RankWeights, rank_events

HEADLINE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
LEAD = (0.0, 0.1, 0.2, 0.3)


def out_of_fold_events(rows: list[dict[str, str]]) -> list[list[Event]]:
    """Each story's events, coded with a type head that never saw the story's template."""
    shipped = load_classifier()
    if shipped is None:
        raise SystemExit("no shipped classifier: run scripts/train_classifier.py first")
    titles = [r.get("title", "") for r in rows]
    events: list[list[Event]] = [[] for _ in rows]
    folds = GroupKFold(n_splits=4).split(np.arange(len(rows)), groups=titles)
    for k, (train, held) in enumerate(folds):
        with contextlib.redirect_stderr(io.StringIO()):
            head = fit(
                [lead(article_text(rows[i])) for i in train],
                [rows[i]["label"] for i in train],
                "type",
                (3.0,),
            )
        fold = EventClassifier.from_json({"heads": {"type": head}})
        coder = Coder()
        # the fold's type head, the shipped quad head (trained on the CAMEO sentences)
        coder.resources.__dict__["classifier"] = EventClassifier(
            {"type": fold.heads["type"], "quad": shipped.heads["quad"]}
        )
        coded = coder.code_many({"text": article_text(rows[i])} for i in held)
        for i, c in zip(held, coded, strict=True):
            events[i] = c.events
        print(f"fold {k + 1}/4: {len(held)} stories coded", file=sys.stderr)
    return events


def accuracy(rows: list[dict[str, str]], events: list[list[Event]], w: RankWeights) -> float:
    ok = 0
    for r, evs in zip(rows, events, strict=True):
        ranked = rank_events(evs, w)
        ok += bool(ranked) and (ranked[0].plover_type or ranked[0].event_type) == r["label"]
    return ok / len(rows)


def main() -> int:
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    rows = [r for r in load_synthetic(data_root(args.data)) if not in_dev(r.get("title", ""))]
    events = out_of_fold_events(rows)
    now = RankWeights()
    print(f"main-event accuracy on {len(rows)} training stories, out-of-fold classifier")
    print("headline \\ lead " + " ".join(f"{x:>6}" for x in LEAD))
    best = (0.0, now)
    for h in HEADLINE:
        cells = []
        for ld in LEAD:
            w = replace(now, headline=h, lead=ld)
            a = accuracy(rows, events, w)
            best = max(best, (a, w), key=lambda x: x[0])
            cells.append(f"{a:.4f}" + ("*" if (h, ld) == (now.headline, now.lead) else " "))
        print(f"{h:>15} " + " ".join(cells))
    print(f"current (*): {accuracy(rows, events, now):.4f}; best: {best[0]:.4f} at "
          f"headline={best[1].headline}, lead={best[1].lead}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
