from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason="../shared (development data) is not present")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def coder():
    from wirecoder.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def example_text() -> str:
    from importlib import resources

    return (
        resources.files("wirecoder.examples")
        .joinpath("example_article.txt")
        .read_text(encoding="utf-8")
    )


#: Outlets the page-store fixture gives its articles, in turn.
PAGE_OUTLETS = ("Daily Nation", "Reuters", "BBC", "Al Jazeera")


@pytest.fixture(scope="session")
def page_store(tmp_path_factory, example_text) -> Path:
    """A store for the web page's tests: the example article and 40 synthetic ones over ten
    months, from four outlets, coded fast (a few seconds)."""
    import json

    from wirecoder.examples.synthetic import synthetic_articles
    from wirecoder.store.ingest import ingest

    root = tmp_path_factory.mktemp("page_store")
    src = root / "articles.jsonl"
    with src.open("w", encoding="utf-8") as f:
        example = {"id": "example", "title": example_text.splitlines()[0], "date": "2021-03-03"}
        example["text"], example["source"] = example_text, "Daily Nation"
        f.write(json.dumps(example) + "\n")
        for i, art in enumerate(synthetic_articles(40, seed=3)):
            f.write(json.dumps({**art, "source": PAGE_OUTLETS[i % len(PAGE_OUTLETS)]}) + "\n")
    path = root / "events.duckdb"
    summary = ingest([src], path, fast=True)
    assert summary.coded == 41
    return path


@pytest.fixture(scope="session")
def cluster_store(tmp_path_factory) -> Path:
    """A store where three articles (two outlets' wire copies and the BBC's own report)
    report one attack, beside two single reports: `test_clusters_store.batches`."""
    from test_clusters_store import batches
    from wirecoder.store import Store
    from wirecoder.store.rows import coded_table

    path = tmp_path_factory.mktemp("cluster_store") / "events.duckdb"
    with Store(path) as st:
        for pair in batches():
            st.add_coded(coded_table([pair], "test"))
    return path
