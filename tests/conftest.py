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
