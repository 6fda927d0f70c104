"""Engines run the same stages: local (in-process or worker processes) and Ray agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_ingest import comparable
from wirecoder.engines import get_engine
from wirecoder.engines.ray_engine import ray_available
from wirecoder.errors import ConfigError
from wirecoder.examples.synthetic import synthetic_articles
from wirecoder.store import Store
from wirecoder.store.ingest import ingest


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """Seven articles and one bad line, in one JSONL file."""
    p = tmp_path_factory.mktemp("engines") / "in.jsonl"
    lines = [json.dumps(r) for r in synthetic_articles(7, seed=31)]
    lines.insert(3, "{broken")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def local_events(source, tmp_path_factory) -> list[dict]:
    db = tmp_path_factory.mktemp("local") / "e.duckdb"
    s = ingest([source], db, batch_size=3)
    assert (s.coded, s.rejected) == (7, 1)
    with Store(db, read_only=True) as st:
        return [e.to_dict() for e in st.events()]


def test_engine_options_are_checked():
    with pytest.raises(ConfigError):
        get_engine("spark")
    with pytest.raises(ConfigError):
        get_engine("local", address="ray://127.0.0.1:10001")
    with pytest.raises(ConfigError):
        get_engine("local", workers=0)
    assert get_engine("local").name == "local"


@pytest.mark.slow
def test_local_worker_processes_match_in_process(source, local_events, tmp_path):
    db = tmp_path / "e.duckdb"
    s = ingest([source], db, workers=2, batch_size=2)
    assert (s.coded, s.rejected) == (7, 1)
    with Store(db, read_only=True) as st:
        assert comparable([e.to_dict() for e in st.events()]) == comparable(local_events)


@pytest.mark.ray
@pytest.mark.slow
@pytest.mark.skipif(
    not ray_available(), reason="ray is not installed (pip install 'wirecoder[ray]')"
)
def test_ray_engine_gives_the_same_events_as_local(source, local_events, tmp_path):
    db = tmp_path / "e.duckdb"
    s = ingest([source], db, engine="ray", workers=2, batch_size=3, staging=tmp_path / "stage")
    assert (s.coded, s.rejected, s.engine) == (7, 1, "ray")
    with Store(db, read_only=True) as st:
        ray_events = [e.to_dict() for e in st.events()]
        rejects = st.con.execute("SELECT origin, code FROM rejects").fetchall()
    assert comparable(ray_events) == comparable(local_events)
    assert rejects == [(f"{source}:4", "E105")]
    assert not any((tmp_path / "stage").iterdir())  # shards and parts cleaned up
    # idempotent: a second run finds nothing new (and needs no cluster to say so)
    again = ingest([source], db, engine="ray", workers=2)
    assert (again.coded, again.duplicates) == (0, 7)
