"""The framing gold set (issue 17 item 6): its split is fixed and complete, its rows hold labels
and offsets only, and (with ../shared) every offset still points at the words it was given for."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[1] / "src/wirecoder/eval/gold"
CATEGORIES = {"label", "doubt", "load"}


def _split() -> dict[str, tuple[str, str]]:
    lines = (GOLD / "framing_split.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["key", "split", "sha"]
    return {k: (s, sha) for k, s, sha in (line.split("\t") for line in lines[1:])}


def _rows() -> list[dict]:
    text = (GOLD / "framing.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_split_has_sixty_articles_from_every_collection_and_a_blind_third():
    split = _split()
    assert len(split) >= 60
    assert {k.split(":")[0] for k in split} == {"polnear", "insightcrime", "satp", "ecb"}
    share = sum(s == "test" for s, _ in split.values()) / len(split)
    assert 0.27 <= share <= 0.33
    assert {s for s, _ in split.values()} == {"dev", "test"}


def test_split_is_disjoint_from_the_realnews_gold_set():
    """No framing article comes from the real-news set frozen before it (whose blind split no
    one may read); the later training-only event draws may share articles: other labels."""
    lines = (GOLD / "realnews_split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    taken = {line.split("\t")[0] for line in lines}
    first_extra = (GOLD / "realnews_extra_split.tsv").read_text(encoding="utf-8").splitlines()
    taken |= {line.split("\t")[0] for line in first_extra[1:46]}  # the first extra draw: 45
    assert not taken & set(_split())


def test_every_article_is_annotated_once_with_its_digest():
    split, rows = _split(), _rows()
    assert Counter(r["key"] for r in rows) == Counter(list(split))
    for r in rows:
        assert r["sha"] == split[r["key"]][1], r["key"]


def test_spans_are_labels_and_offsets_only():
    for r in _rows():
        assert set(r) == {"key", "sha", "annotator", "spans"}
        ends = -1
        for s in r["spans"]:
            assert set(s) == {"start", "end", "category", "target", "check"}
            assert s["category"] in CATEGORIES
            assert 0 <= s["start"] < s["end"]
            assert s["start"] >= ends, f"overlapping spans in {r['key']}"
            ends = s["end"]
            # a check string, never the text: at most 30 characters
            assert 0 < len(s["check"]) <= 30
            assert s["target"] is None or (isinstance(s["target"], str) and s["target"])


def test_every_category_occurs_in_the_gold():
    found = Counter(s["category"] for r in _rows() for s in r["spans"])
    assert set(found) == CATEGORIES


@pytest.mark.shared
def test_offsets_point_at_their_check_strings_in_the_rebuilt_texts(shared):
    from wirecoder.eval.realnews_texts import read_text

    for r in _rows():
        doc = read_text(shared / "data", r["key"])
        assert doc.digest == r["sha"], r["key"]
        for s in r["spans"]:
            span = doc.text[s["start"] : s["end"]]
            assert span[:30] == s["check"], (r["key"], s)
            assert span == span.strip(), (r["key"], s)


def test_second_annotators_share_is_dev_only_and_fixed_by_key():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts/framing_select.py"
    spec = importlib.util.spec_from_file_location("framing_select", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    share = mod.second_share(20)
    split = _split()
    assert len(set(share)) == 20
    assert all(split[k][0] == "dev" for k in share)
    assert mod.second_share(20) == share and mod.second_share(5) == share[:5]


def _second_rows() -> list[dict]:
    text = (GOLD / "framing_second.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_second_annotation_covers_exactly_the_second_share_in_the_gold_format():
    """The agreement figures are only meaningful on the fixed share, annotated by someone else."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts/framing_select.py"
    spec = importlib.util.spec_from_file_location("framing_select", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows, split = _second_rows(), _split()
    assert sorted(r["key"] for r in rows) == sorted(mod.second_share(20))
    first = {r["annotator"] for r in _rows()}
    for r in rows:
        assert set(r) == {"key", "sha", "annotator", "spans"}
        assert r["sha"] == split[r["key"]][1], r["key"]
        assert r["annotator"] not in first
        ends = -1
        for s in r["spans"]:
            assert set(s) == {"start", "end", "category", "target", "check"}
            assert s["category"] in CATEGORIES and 0 <= s["start"] < s["end"]
            assert s["start"] >= ends, f"overlapping spans in {r['key']}"
            ends = s["end"]
            assert 0 < len(s["check"]) <= 30


@pytest.mark.shared
def test_second_annotations_offsets_point_at_their_check_strings(shared):
    from wirecoder.eval.realnews_texts import read_text

    for r in _second_rows():
        doc = read_text(shared / "data", r["key"])
        assert doc.digest == r["sha"], r["key"]
        for s in r["spans"]:
            span = doc.text[s["start"] : s["end"]]
            assert span[:30] == s["check"], (r["key"], s)
            assert span == span.strip(), (r["key"], s)
