"""scripts/train_quote_check.py picks the check's threshold by cue F1 counted as `eval quotes`
counts it: a gold cue found twice is found once, and the second candidate on it is wrong."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "scripts/train_quote_check.py"
_spec = importlib.util.spec_from_file_location("train_quote_check", _PATH)
assert _spec and _spec.loader
tq = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tq)


def _row(hits: list[str], label: int = 1) -> dict:
    return {"article": 0, "label": label, "hits": hits, "features": ["bias"]}


def test_two_candidates_on_one_gold_cue_count_once():
    # gold: 2 speech cues; kept: two candidates on cue 0:0 and one on no cue at all
    rows = [_row(["0:0"]), _row(["0:0"]), _row([], label=0)]
    f1 = tq._f1(rows, [0.9, 0.9, 0.9], 0.5, n_gold=2)
    tp, fp, fn = 1, 2, 1
    assert abs(f1 - 2 * tp / (2 * tp + fp + fn)) < 1e-9


def test_a_candidate_on_a_cue_of_another_kind_is_neither_right_nor_wrong():
    settled = [{"article": 0, "label": 1, "hits": ["0:0"], "settled": 1}]
    rows = [_row([], label=1), _row(["0:1"])]  # "believes" (label 1, no speech hit), a true cue
    assert tq._f1(rows, [0.9, 0.2], 0.5, n_gold=2, settled=settled) == 2 * 1 / (2 * 1 + 0 + 1)
    assert tq._f1(rows, [0.9, 0.9], 0.5, n_gold=2, settled=settled) == 1.0
