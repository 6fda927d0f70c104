"""The ECB+ cluster evaluation: coreference metrics on hand-checked cases, the frozen split."""

from __future__ import annotations

import pytest

from wirecoder.eval.clusters import b_cubed, ceaf_e, muc, scores, topic_split
from wirecoder.eval.common import data_root


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert scores(gold, {"a": "x", "b": "x", "c": "y"})["conll_f1"] == pytest.approx(1.0)


def test_metrics_on_a_textbook_case() -> None:
    # key {a b c} {d e}; response {a b} {c d e}
    key = [{"a", "b", "c"}, {"d", "e"}]
    resp = [{"a", "b"}, {"c", "d", "e"}]
    p, r, _ = muc(key, resp)
    assert (p, r) == pytest.approx((2 / 3, 2 / 3))
    p, r, _ = b_cubed(key, resp)
    # precision: a,b 1; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5
    assert p == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    assert r == pytest.approx((2 * 2 / 3 + 1 / 3 + 2) / 5)
    p, r, f = ceaf_e(key, resp)
    assert f == pytest.approx((2 * 2 / 5 + 2 * 2 / 5) / 2)


def test_merging_everything_is_punished() -> None:
    gold = {str(i): str(i % 5) for i in range(20)}
    lumped = scores(gold, {m: "one" for m in gold})
    assert lumped["conll_f1"] < 0.5
    assert lumped["muc_r"] == pytest.approx(1.0)


def test_blind_topics_are_frozen_apart_from_dev() -> None:
    dev, blind = topic_split("dev"), topic_split("test")
    assert not dev & blind
    assert blind == {str(t) for t in range(36, 46)}
    assert len(dev) == 33


@pytest.mark.skipif(
    not (data_root() / "ecbplus" / "ECB+").is_dir(), reason="ECB+ not on this machine"
)
def test_clusters_beat_the_same_lemma_baseline_on_dev() -> None:
    from wirecoder.eval.clusters import evaluate

    rep = evaluate(data_root(), limit=120, split="dev")
    assert rep.n > 200
    assert rep.metrics["conll_f1"] > rep.metrics["baseline_conll_f1"]
