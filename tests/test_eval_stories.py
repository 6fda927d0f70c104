"""`eval stories`: the multi-outlet check, scored on hand-built clusters and run end to end on
a tiny hand-built ECB+ folder (raw text in, the store's clusters out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import EvalError
from wirecoder.eval.stories import (
    copies,
    detokenize,
    documents,
    evaluate,
    group_of,
    read_document,
    realnews_blind,
    score,
)


def _rec(cid: str, arts: list[str], n_sources: int) -> dict:
    return {
        "cluster_id": cid,
        "n_sources": n_sources,
        "members": [{"article_id": a, "event_id": f"{a}-{i}"} for i, a in enumerate(arts)],
    }


GROUP = {"a1": "1", "a2": "1", "a3": "1", "b1": "1+", "b2": "1+", "c1": "2"}
OUTLET = {"a1": "latimes.com", "a2": "latimes.com", "a3": "", "b1": "bbc.co.uk", "b2": ""}


def test_a_story_whose_articles_share_a_cluster_counts_and_a_lone_article_does_not() -> None:
    res = score([_rec("x", ["a1", "a2"], 1)], GROUP, OUTLET)
    # groups of two articles or more: 1 and 1+; only 1 shares a cluster (c1 is alone)
    assert res.metrics["groups"] == 2
    assert res.metrics["groups_shared"] == pytest.approx(0.5)
    assert res.unshared == ["1+"]
    # two of group 1's three articles: at least half of them
    assert res.metrics["groups_half"] == pytest.approx(0.5)
    assert res.metrics["group_coverage"] == pytest.approx((2 / 3 + 0) / 2)


def test_links_are_counted_per_pair_of_events_of_different_articles() -> None:
    # a1 twice, a2 once, b1 once: event pairs across articles a1-a2 2, a1-b1 2, a2-b1 1;
    # the two events of a1 are one article and no cross-article link
    recs = [_rec("x", ["a1", "a1", "a2", "b1"], 3), _rec("y", ["b1", "b2"], 2)]
    res = score(recs, GROUP, OUTLET)
    assert res.metrics["cross_article_links"] == 2 + 2 + 1 + 1
    assert res.metrics["link_precision"] == pytest.approx((2 + 1) / 6)
    # distinct article pairs: a1-a2, a1-b1, a2-b1, b1-b2: two of one group
    assert res.metrics["article_link_precision"] == pytest.approx(2 / 4)
    assert {(a, b) for _, a, b in res.wrong} == {("a1", "b1"), ("a2", "b1")}
    assert res.metrics["groups_shared"] == pytest.approx(1.0)


def test_sources_are_outlets_and_an_article_without_one_is_its_own() -> None:
    # x: latimes twice + bbc = 2 sources; y: bbc + unknown = 2; z: a3 + b2, both unknown = 2
    recs = [
        _rec("x", ["a1", "a2", "b1"], 2),
        _rec("y", ["b1", "b2"], 1),  # counted low
        _rec("z", ["a3", "b2"], 3),  # counted high
    ]
    res = score(recs, GROUP, OUTLET)
    assert res.metrics["sources_right"] == pytest.approx(1 / 3)
    assert res.metrics["sources_merged"] == pytest.approx(1 / 3)
    assert res.metrics["sources_split"] == pytest.approx(1 / 3)
    # b1 and b2 are copies of one text: one source, so y is right
    res = score(recs, GROUP, OUTLET, lambda a, b: {a, b} == {"b1", "b2"})
    assert res.metrics["sources_right"] == pytest.approx(2 / 3)


def test_copies_are_told_by_shared_word_shingles() -> None:
    story = (
        "Gunmen stormed a police station in Kandahar on Tuesday, killing three officers and "
        "wounding five others before fleeing on motorcycles, provincial officials said."
    )
    same = copies(
        {
            "wire": story,
            "reprint": "KABUL (Reuters) - " + story + " More follows.",
            "own": "Militants attacked a police post in Kandahar; three policemen died.",
        }
    )
    assert same("wire", "reprint") and same("reprint", "wire")
    assert not same("wire", "own")
    assert not same("wire", "missing")


def test_single_article_clusters_and_unknown_articles_are_ignored() -> None:
    res = score([_rec("x", ["a1", "a1"], 1), _rec("y", ["a2", "zz"], 1)], GROUP, OUTLET)
    assert res.metrics["multi_article_clusters"] == 0
    assert res.metrics["groups_shared"] == 0.0


def test_tokens_are_joined_back_as_a_page_shows_them() -> None:
    text = "`` We 're here , '' the 33 - year - old ( a U.S. citizen ) said ."
    words = text.split(" ")
    assert detokenize(words) == '"We\'re here," the 33-year-old (a U.S. citizen) said.'
    assert group_of("12_3ecbplus") == "12+"
    assert group_of("12_3ecb") == "12"


def _xml(path: Path, sentences: list[str]) -> None:
    toks, n = [], 0
    for s, sent in enumerate(sentences):
        for w in sent.split():
            n += 1
            w = w.replace("&", "&amp;").replace("<", "&lt;")
            toks.append(f'<token t_id="{n}" sentence="{s}" number="{n}">{w}</token>')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<Document doc_name="{path.name}">{"".join(toks)}<Markables/></Document>',
        encoding="utf-8",
    )


ATTACK = [
    "Gunmen stormed a police station in Kandahar on Tuesday , killing three officers , "
    "provincial officials said .",
    "Militants attacked a police station in Kandahar on Tuesday , killing three policemen "
    "in the assault , a spokesman for the governor said .",
]
DEAL = [
    "The presidents of Kenya and Uganda signed a trade agreement on railway links in "
    "Nairobi on Tuesday .",
    "Kenya and Uganda signed a railway trade agreement in Nairobi on Tuesday , the two "
    "presidents said .",
]


@pytest.fixture
def ecb_root(tmp_path: Path) -> Path:
    base = tmp_path / "data" / "ecbplus" / "ECB+" / "1"
    for i, sent in enumerate(ATTACK, 1):
        _xml(base / f"1_{i}ecb.xml", ["Police station attacked", "May 3 , 2011", sent])
    for i, sent in enumerate(DEAL, 1):
        url = f"http : / / www . outlet{i} . com / news / {i}"
        _xml(base / f"1_{i}ecbplus.xml", [url, "Rail deal signed", "June 7 , 2011", sent])
    return tmp_path / "data"


def test_documents_read_as_raw_text_with_their_url(ecb_root: Path) -> None:
    docs = {d.id: d for d in documents(ecb_root, "dev")}
    assert set(docs) == {"1_1ecb", "1_2ecb", "1_1ecbplus", "1_2ecbplus"}
    plus = docs["1_1ecbplus"]
    assert plus.url == "http://www.outlet1.com/news/1"
    assert plus.text.startswith("Rail deal signed\nJune 7, 2011\nThe presidents")
    assert plus.group == "1+" and docs["1_2ecb"].group == "1"
    assert documents(ecb_root, "test") == []


def test_end_to_end_two_stories_of_two_outlets_each(
    ecb_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIRECODER_STORIES_CACHE", str(tmp_path / "cache"))
    rep = evaluate(ecb_root, split="dev", fast=True)
    assert rep.n == 4 and rep.skipped == 0
    assert rep.metrics["groups"] == 2
    assert rep.metrics["groups_shared"] == pytest.approx(1.0)
    assert rep.metrics["link_precision"] == pytest.approx(1.0)
    assert rep.metrics["sources_right"] == pytest.approx(1.0)
    # the coded store is cached: a second run codes nothing and scores the same
    assert len(list((tmp_path / "cache").glob("stories-*.duckdb"))) == 1
    assert evaluate(ecb_root, split="dev", fast=True).metrics == rep.metrics


def test_a_missing_corpus_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError) as exc:
        documents(tmp_path, "dev")
    assert exc.value.code == "E501"


def test_read_document_keeps_the_url_out_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "3_1ecbplus.xml"
    _xml(path, ["http : / / bbc . co . uk / a", "Title here", "Body ."])
    doc = read_document(path)
    assert doc.url == "http://bbc.co.uk/a" and doc.text == "Title here\nBody."


def test_blind_articles_of_the_realnews_gold_are_known_and_never_shown() -> None:
    hidden = realnews_blind()
    assert "1_21ecbplus" in hidden  # a blind-test article of eval realnews (realnews_split.tsv)
    assert "11_2ecbplus" not in hidden  # a training one
