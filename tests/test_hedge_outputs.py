"""The outlet's own hedge ("reportedly", "allegedly", "is said to") reaches every output:
`wirecoder code` JSONL, the store, the CSV / PLOVER JSON / GDELT TSV exports and the web API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.analysis import CoderConfig
from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.coder import Coder
from wirecoder.store import Store
from wirecoder.store.export import export
from wirecoder.store.ingest import ingest

register(app)
runner = CliRunner()

STORY = (
    "Militants reportedly attack army post\n"
    "Militants reportedly attacked an army post in Kandahar on Tuesday, the governor of the "
    "province said. Afghan police allegedly arrested two journalists in Kabul last week, and "
    "the editor of their newspaper said that the two had done nothing wrong."
)


@pytest.fixture(scope="module")
def fast() -> Coder:
    return Coder(CoderConfig(fast=True))


def test_the_hedge_word_is_found(fast):
    events = fast.code(STORY, date="2015-10-21")
    hedges = {ev.trigger.text: ev.hedge.text if ev.hedge else None for ev in events}
    assert hedges.get("attack") == "reportedly" or hedges.get("attacked") == "reportedly"
    assert hedges.get("arrested") == "allegedly"
    (ev,) = fast.code("Rebels are said to have attacked a convoy near Kunduz.", date="2015-10-21")
    assert ev.hedge is not None and ev.hedge.text == "said"
    (ev,) = fast.code("Rebels attacked a convoy near Kunduz.", date="2015-10-21")
    assert ev.hedge is None


def test_code_jsonl_keeps_the_hedge_with_its_offsets(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    res = runner.invoke(app, ["code", str(src), "--date", "2015-10-21", "--fast"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    hedged = [r["hedge"] for r in rows if r.get("hedge")]
    assert {h["text"] for h in hedged} >= {"reportedly", "allegedly"}
    for h in hedged:
        assert STORY[h["start"] : h["end"]] == h["text"]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hedge")
    src = root / "in.jsonl"
    src.write_text(json.dumps({"id": "h1", "text": STORY, "date": "2015-10-21"}) + "\n")
    path = root / "e.duckdb"
    assert ingest([src], path, fast=True).coded == 1
    return path


def _export(db: Path, fmt: str) -> str:
    out = io.BytesIO()
    with Store(db, read_only=True) as st:
        export(st, fmt, out)
    return out.getvalue().decode("utf-8")


def test_the_store_and_every_export_keep_the_hedge(db):
    with Store(db, read_only=True) as st:
        assert {e.hedge.text for e in st.events() if e.hedge} >= {"reportedly", "allegedly"}
    rows = list(csv.DictReader(io.StringIO(_export(db, "csv"))))
    assert {r["hedge"] for r in rows} >= {"reportedly", "allegedly"}
    plover = [json.loads(line) for line in _export(db, "plover-json").splitlines()]
    assert {(p["wirecoder"]["hedge"] or {}).get("text") for p in plover} >= {
        "reportedly",
        "allegedly",
    }
    tsv = list(csv.DictReader(io.StringIO(_export(db, "gdelt-tsv")), delimiter="\t"))
    assert {r["Hedge"] for r in tsv} >= {"reportedly", "allegedly"}


def test_the_web_api_serves_the_hedge(db):
    from wirecoder.serve.api import list_events

    with Store(db, read_only=True) as st:
        page = list_events(st, {})
    hedges = {(e["hedge"] or {}).get("text") for e in page["events"]}
    assert {"reportedly", "allegedly"} <= hedges
