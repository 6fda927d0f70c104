"""Protest events: the words reporters use for them, the learned decision's confirmation of
weak cues, and `wirecoder eval protest` on an invented GLOCON-style folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.coder import Coder, default_coder
from wirecoder.eval.protest import KEYWORDS, evaluate, load_split


def _types(coder: Coder, text: str) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.status, e.trigger.text) for e in coder.code(text, date="2016-05-02")]


@pytest.mark.parametrize(
    ("text", "word", "mode"),
    [
        ("The Left parties called a bandh in Kerala on Tuesday.", "bandh", "strike"),
        ("Farmers staged a dharna outside the collectorate in Salem on Monday.", "dharna", "demo"),
        (
            "Residents barricaded roads with burning tyres in Soweto on Monday.",
            "barricaded",
            "obstruct",
        ),
        ("Thousands of students took to the streets of Dhaka on Sunday.", "took", "demo"),
    ],
)
def test_protest_words_of_south_asian_and_african_reporting(coder, text, word, mode):
    events = coder.code(text, date="2016-05-02")
    protest = [e for e in events if e.event_type == "PROTEST"]
    assert protest, events
    assert protest[0].trigger.text.startswith(word)
    assert protest[0].mode == mode


def test_a_market_rally_and_a_court_sitting_are_no_protest(coder):
    for text in (
        "Stocks rallied in Tokyo on Monday after the central bank cut rates.",
        "Wall Street shares pulled back on Thursday a day after a broad rally.",
        "The High Court in Johannesburg, sitting in Palm Ridge, sentenced two men on Friday.",
    ):
        assert not any(t == "PROTEST" for t, _, _ in _types(coder, text)), text
    # the political rally stays
    rally = _types(
        coder, "Thousands of protesters rallied outside parliament in Pretoria on Monday."
    )
    assert ("PROTEST", "asserted", "rallied") in rally


def test_weak_cue_with_one_party_needs_the_learned_decision(coder):
    text = "Women of all races and ages from all corners of the country marched to the Union Buildings in Pretoria."
    marched = [e for e in coder.code(text) if e.trigger.text == "marched"]
    assert marched and marched[0].event_type == "PROTEST"
    cand = next(c for c in coder.analyze(text).candidates if c.event_type == "PROTEST")
    assert any("confirmed by the learned decision" in why for why in cand.why)
    # without the model (--fast) a weak cue still needs a party on both sides
    fast = default_coder((), True)
    assert not [e for e in fast.code(text) if e.trigger.text == "marched"]


def test_staged_is_read_as_stage_so_the_protest_has_its_actor(coder):
    events = coder.code("Students staged a protest in Chennai on Monday.", date="2016-05-02")
    protest = next(e for e in events if e.event_type == "PROTEST")
    assert [a.text for a in protest.source] == ["Students"]
    fined = coder.code("The court fined Google 2 billion euros on Monday.", date="2016-05-02")
    assert [(e.event_type, [a.text for a in e.target]) for e in fined] == [("SANCTION", ["Google"])]


def test_split_is_frozen_and_covers_both_parts():
    split = load_split()
    assert len(split) == 1050
    assert {"dev", "test"} == set(split.values())
    assert 0.25 < sum(v == "test" for v in split.values()) / len(split) < 0.35


def test_keyword_baseline_reads_words_not_substrings():
    assert KEYWORDS.search("Workers went on strike")
    assert not KEYWORDS.search("a marching band")
    assert not KEYWORDS.search("a strikingly large crowd")


def _glocon(tmp: Path, split: dict[str, str]) -> Path:
    """An invented GLOCON-style folder whose urls are real dev-split urls (so the split keeps them)."""
    dev = [u for u, s in split.items() if s == "dev"][:3]
    docs = [
        {"id": "a", "url": dev[0], "label": 1,
         "text": "Miners strike in Rustenburg. Thousands of miners went on strike at the platinum mine in Rustenburg on Monday."},
        {"id": "b", "url": dev[1], "label": 0,
         "text": "Rand firms. The rand firmed against the dollar on Tuesday as investors bought South African bonds."},
        {"id": "c", "url": dev[2], "label": 2, "text": "Undecided article."},
    ]  # fmt: skip
    sents = [
        {"id": "a_1", "url": dev[0], "sent_num": 1, "sentence": "Miners strike in Rustenburg.", "label": 1, "last": False},
        {"id": "a_2", "url": dev[0], "sent_num": 2, "label": 1, "last": True,
         "sentence": "Thousands of miners went on strike at the platinum mine in Rustenburg on Monday."},
    ]  # fmt: skip
    root = tmp / "data"
    (root / "glocon_protest" / "sample" / "document").mkdir(parents=True)
    (root / "glocon_protest" / "sample" / "sentence").mkdir(parents=True)
    (root / "glocon_protest/sample/document/x.json").write_text("\n".join(map(json.dumps, docs)))
    (root / "glocon_protest/sample/sentence/x.json").write_text("\n".join(map(json.dumps, sents)))
    return root


def test_eval_protest_scores_articles_and_sentences(coder, tmp_path):
    root = _glocon(tmp_path, load_split())
    rep = evaluate(root, coder=coder, errors=5)
    assert rep.n == 2 and rep.skipped == 1  # label 2 is left out
    assert rep.metrics["article_protest_p"] == 1.0
    assert rep.metrics["article_protest_r"] == 1.0
    assert rep.metrics["sentence_protest_r"] > 0
    assert rep.metrics["article_keywords_r"] == 1.0
    blind = evaluate(root, coder=coder, split="test")
    assert blind.n == 0 and not blind.misses


@pytest.mark.shared
def test_eval_protest_runs_on_the_sample(coder, shared):
    rep = evaluate(shared / "data", coder=coder, limit=20)
    assert rep.n + rep.skipped == 20
    assert 0.0 <= rep.metrics["article_protest_f1"] <= 1.0


def test_a_protest_cue_done_by_protesters_needs_no_target(coder):
    text = "Around 40 protesters physically blocked the main entrances of the building on Thursday."
    blocked = [e for e in coder.code(text) if e.trigger.text == "blocked"]
    assert blocked and blocked[0].event_type == "PROTEST"
    assert [a.text for a in blocked[0].source] == ["Around 40 protesters"]
    # a blockade by others is no protest of theirs without the model's word for it
    fast = default_coder((), True)
    assert not [
        e for e in fast.code("Trucks blocked the road on Thursday.") if e.event_type == "PROTEST"
    ]


def test_a_sure_protest_with_no_party_or_place_takes_the_story(coder):
    text = (
        "Kenyan President Uhuru Kenyatta addressed the Kenyan parliament on Monday. "
        "A riot broke out hours later."
    )
    riot = [e for e in coder.code(text, date="2016-05-02") if e.event_type == "PROTEST"]
    assert riot and riot[0].trigger.text == "riot"
    assert [a.country for a in riot[0].target] == ["KEN"]  # the people of the story's country
    # --fast has no model to be sure: nothing is kept without a party or a place
    fast = default_coder((), True)
    assert not [e for e in fast.code(text, date="2016-05-02") if e.event_type == "PROTEST"]
    # told again with its parties, the bare telling is a retelling, not a second riot
    told = "Kenyan students rioted in Nairobi on Monday. " + text
    assert len([e for e in coder.code(told, date="2016-05-02") if e.event_type == "PROTEST"]) == 1
