"""The learned check over quote candidates: a logistic model of which ones PolNeAR's
annotators would mark as attributions.

The parse rules propose candidates generously (every verb of saying with something said);
the parse cannot tell "the minister said the army attacked" from "Let's say you think" or a
telephone "called". `scripts/train_quote_check.py` (seeded) fits this model on PolNeAR's train
folder; the weights, the bias and the threshold (chosen by cross-validation on train) ship as
`models/quote_check.json` (a few KB). Without the file every candidate is kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import Codes, ResourceError

MODEL_FILE = "quote_check.json"


@dataclass(frozen=True)
class QuoteCheck:
    """Feature weights of a logistic model and the probability a kept candidate needs."""

    weights: dict[str, float]
    threshold: float = 0.0

    def prob(self, features: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, features: list[str]) -> bool:
        return not self.weights or self.prob(features) >= self.threshold


@lru_cache(maxsize=1)
def load_check() -> QuoteCheck:
    """The shipped model; every candidate kept when there is none (E205 when it is corrupt)."""
    ref = resources.files("wirecoder.models").joinpath(MODEL_FILE)
    if not ref.is_file():
        return QuoteCheck({})
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
        return QuoteCheck(
            {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(Codes.E205, path=str(ref), detail=str(exc)) from exc


__all__ = ["QuoteCheck", "load_check"]
