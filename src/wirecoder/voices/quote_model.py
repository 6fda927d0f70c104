"""The learned check over quote candidates: a logistic model of which ones PolNeAR's
annotators would mark as attributions.

The parse rules propose candidates generously (every verb of saying with something said);
the parse cannot tell "the minister said the army attacked" from "Let's say you think" or a
telephone "called". `scripts/train_quote_check.py` (seeded) fits this model on PolNeAR's train
folder; the weights, the bias and the threshold (chosen by cross-validation on train) ship as
`models/quote_check.json` (tens of KB). Without the file every candidate is kept.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import Codes, ResourceError

if TYPE_CHECKING:
    from .quotes import QuoteFinder, _Draft

MODEL_FILE = "quote_check.json"


#: candidates the parse settles: a quotation beside its cue, "according to", a signed
#: quotation, "quoted X as saying" (a chain); the check decides the others
SETTLED = frozenset({"quote", "according", "dash"})


def checked(d: _Draft) -> bool:
    """Is the candidate one the learned check decides (not one the parse settles)? A negated
    cue ("did not mention") and a bare verb of saying (content guessed) always are."""
    from .candidates import negated

    return (d.how not in SETTLED and not d.via_toks) or negated(d.cue) or d.how.startswith("bare")


def features(finder: QuoteFinder, d: _Draft) -> list[str]:
    """What the check reads of a candidate: the cue word and its syntax, the rule that found
    the content, the speaker, the content's size and form."""
    from .candidates import negated
    from .quotes import _OPEN, words_in

    t = d.cue
    lem = t.lemma_.lower() if d.how not in ("dash", "colon_lead", "colon_quote") else d.how
    sp = d.speaker_tok
    k = finder.finder.head2m.get(sp.i) if sp is not None else None
    kind = finder.speaker_kind(sp, k) if sp is not None else "none"
    s0, e0 = d.segments[0][0], max(e for _, e in d.segments)
    n = words_in(finder.text[s0:e0])
    size = (
        "1" if n <= 1 else "2-3" if n <= 3 else "4-10" if n <= 10 else "11-30" if n <= 30 else "31+"
    )
    subj = any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    f = [
        "bias", f"lem={lem}", f"tag={t.tag_}", f"dep={t.dep_}", f"how={d.how}",
        f"lem_how={lem}|{d.how}", f"spk={kind}", f"size={size}",
        f"kind={finder._kind(d.segments)}", f"head={t.head.lemma_.lower()}|{t.dep_}",
        f"subj={subj}", f"tag_subj={t.tag_}|{subj}",
    ]  # fmt: skip
    if sp is not None:
        f += [f"spk_pos={sp.pos_}", f"spk_word={sp.lower_}" if sp.pos_ == "PRON" else "spk_np"]
    if t.sent.start == 0 or finder.text[: t.idx].count("\n") == 0:
        f.append("headline")
    if finder.text[s0:e0].lstrip()[:1] in _OPEN:
        f.append("opens_quote")
    if negated(t):  # "did not mention": PolNeAR marks some, "did not say" rarely
        f += ["neg", f"neg_lem={lem}"]
    if d.how.startswith("bare"):  # no rule found its content: what the verb governs
        f += ["bare", f"bare_dep={t.dep_}"]
        f += sorted({f"kid={c.dep_}" for c in t.children if c.dep_ != "punct"})
        f += sorted({f"prep={lem}|{c.lower_}" for c in t.children if c.dep_ in ("prep", "prt")})
    return f


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


__all__ = ["SETTLED", "QuoteCheck", "checked", "features", "load_check"]
