"""The sentence classifier's model (event_classifier.json): logistic regressions over words.

Trained by scripts/train_classifier.py; the stage that uses it is `events/classifier.py`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

MODEL_FILE = "event_classifier.json"
_TOKEN = re.compile(r"[a-z][a-z'-]+")


def features(text: str) -> list[str]:
    """Bag of lower-cased words and word pairs: the classifier's whole view of a sentence."""
    words = _TOKEN.findall(text.lower())
    return words + [f"{a}_{b}" for a, b in pairwise(words)]


@dataclass
class Head:
    """One multinomial logistic regression: labels, bias, and weights per feature."""

    labels: list[str]
    bias: np.ndarray
    weights: dict[str, np.ndarray]

    def predict_proba(self, text: str) -> dict[str, float]:
        feats = set(features(text))
        scores = self.bias.copy()
        if feats:
            norm = math.sqrt(len(feats))
            for f in feats:
                w = self.weights.get(f)
                if w is not None:
                    scores += w / norm
        scores -= scores.max()
        p = np.exp(scores)
        p /= p.sum()
        return dict(zip(self.labels, (float(x) for x in p), strict=True))


@dataclass
class EventClassifier:
    """Sentence and lead classifiers trained by scripts/train_classifier.py (shipped as JSON).

    `type`: P(PLOVER type | headline and lead); `quad`: P(quad class 0-4 | sentence).
    """

    heads: dict[str, Head]

    def predict_proba(self, text: str, head: str = "type") -> dict[str, float]:
        return self.heads[head].predict_proba(text)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventClassifier:
        heads = {}
        for name, h in data["heads"].items():
            heads[name] = Head(
                labels=list(h["labels"]),
                bias=np.asarray(h["bias"], dtype=np.float64),
                weights={k: np.asarray(v, dtype=np.float64) for k, v in h["weights"].items()},
            )
        return cls(heads)


@lru_cache(maxsize=1)
def load_classifier() -> EventClassifier | None:
    """The shipped classifier, or None when the package was built without one."""
    try:
        text = resources.files("wirecoder.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return EventClassifier.from_json(json.loads(text))


__all__ = ["EventClassifier", "Head", "features", "load_classifier"]
