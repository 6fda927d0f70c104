"""scripts/framing_agreement.py: the agreement figures between two framing annotators are the
ones a reviewer would compute by hand, and bad input ends with a coded error."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from wirecoder.errors import EvalError

_PATH = Path(__file__).resolve().parents[1] / "scripts/framing_agreement.py"
_spec = importlib.util.spec_from_file_location("framing_agreement", _PATH)
assert _spec and _spec.loader
fa = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fa)

TEXT = "The Takfiri group, so-called Islamic State, allegedly attacked the brutal regime."


def _span(word: str, category: str, target: str | None = None, shift: int = 0):
    start = TEXT.index(word) + shift
    return (start, start + len(word), category, target)


def _doc(*spans):
    return {"k1": ("abc", list(spans))}


def test_identical_annotations_agree_fully():
    a = _doc(_span("Takfiri", "label", "ISIL"), _span("so-called", "doubt", "ISIL"))
    r = fa.agreement(a, a, lambda k: TEXT)
    assert r["exact_f1"] == r["overlap_f1"] == r["overlap_f1_with_category"] == 1.0
    assert r["token_kappa"] == 1.0
    assert r["category_agreement"] == r["target_agreement"] == 1.0


def test_a_shifted_boundary_is_an_overlap_match_but_no_exact_match():
    a = _doc(_span("brutal regime", "load"))
    b = _doc(_span("brutal", "load"))
    r = fa.agreement(a, b)
    assert r["exact_f1"] == 0.0
    assert r["overlap_f1"] == 1.0
    assert "token_kappa" not in r  # no texts given


def test_a_different_category_counts_against_category_agreement_only():
    a = _doc(_span("regime", "label", "the government"), _span("allegedly", "doubt"))
    b = _doc(_span("regime", "load", "The  Government"), _span("Takfiri", "label"))
    r = fa.agreement(a, b)
    # one pair matches by position (regime), of 2 + 2 spans
    assert r["exact_f1"] == r["overlap_f1"] == 0.5
    assert r["overlap_f1_with_category"] == 0.0
    assert r["category_agreement"] == 0.0
    assert r["category_confusion"] == {"label/load": 1}
    assert r["target_agreement"] == 1.0  # case and spacing do not matter
    assert r["overlap_f1_per_category"]["doubt"] == 0.0


def test_token_kappa_matches_a_hand_computation():
    # tokens "a b c d": A marks b, B marks b and c -> po = 3/4, pe = (3*2 + 1*2)/16, kappa 0.5
    text = "a b c d"
    a = {"k": ("x", [(2, 3, "label", None)])}
    b = {"k": ("x", [(2, 5, "label", None)])}
    assert fa.agreement(a, b, lambda k: text)["token_kappa"] == 0.5


def test_only_articles_both_annotated_are_compared():
    a = {"k1": ("x", [(0, 3, "load", None)]), "k2": ("y", [(0, 3, "load", None)])}
    b = {"k1": ("x", [(0, 3, "load", None)])}
    r = fa.agreement(a, b)
    assert r["articles"] == 1 and r["exact_f1"] == 1.0


def test_two_empty_annotations_agree():
    r = fa.agreement({"k": ("x", [])}, {"k": ("x", [])}, lambda k: TEXT)
    assert r["overlap_f1"] == 1.0 and r["token_kappa"] == 1.0


def test_a_changed_text_digest_is_an_error():
    with pytest.raises(EvalError) as err:
        fa.agreement({"k": ("x", [])}, {"k": ("y", [])})
    assert err.value.code == "E502"


def test_bad_files_give_coded_errors_without_traceback(tmp_path, capsys):
    good = tmp_path / "a.jsonl"
    good.write_text(json.dumps({"key": "k", "sha": "x", "spans": []}) + "\n")
    bad = tmp_path / "b.jsonl"
    bad.write_text(json.dumps({"key": "k", "sha": "x", "spans": [{"start": 5, "end": 2}]}) + "\n")
    assert fa.main(["--a", str(good), "--b", str(bad), "--data", str(tmp_path / "none")]) == 2
    assert "E502" in capsys.readouterr().err
    assert fa.main(["--a", str(good), "--b", str(tmp_path / "missing.jsonl")]) == 2
    assert "E501" in capsys.readouterr().err
    nodata = ["--data", str(tmp_path / "none")]
    assert fa.main(["--a", str(good), "--b", str(good), "--json", *nodata]) == 0
    assert json.loads(capsys.readouterr().out)["overlap_f1"] == 1.0
