"""Hostile inputs are coded rejects naming the input, and the rest of the batch goes on
(issue 19 items 1-3, 5, 6): lone surrogates, deep nesting, texts over the parser's limit, a
crash in the coder, an unreadable folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import wirecoder
from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.errors import InputError
from wirecoder.read import read_path
from wirecoder.read._checks import MAX_CHARS
from wirecoder.records import Rejected
from wirecoder.store import Store
from wirecoder.store.ingest import ingest

register(app)
runner = CliRunner()

GOOD = "Police arrested ten protesters in Paris on Monday."
NESTED = "[" * 100_000 + "]" * 100_000


def _line(text: str) -> str:
    return json.dumps({"text": text})


def _lines(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_lone_surrogate_is_a_reject_naming_the_line(tmp_path):
    bad = '{"text": "Police arrested \\ud800 ten protesters."}'
    p = _lines(tmp_path, "s.jsonl", [_line(GOOD), bad, _line("Rebels attacked a base.")])
    out = list(read_path(p))
    assert [type(r).__name__ for r in out] == ["Article", "Rejected", "Article"]
    rej = out[1]
    assert isinstance(rej, Rejected) and rej.code == "E104" and rej.origin == f"{p}:2"
    assert "U+D800" in rej.message
    # a surrogate in another field, or given through the API, is the same reject
    with pytest.raises(InputError) as err:
        wirecoder.code({"text": GOOD, "source": "Wire \ud800"})
    assert err.value.code == "E104"


def test_code_cli_keeps_going_past_a_surrogate(tmp_path):
    bad = '{"text": "Police arrested \\ud800 ten protesters."}'
    p = _lines(tmp_path, "s.jsonl", [bad, _line(GOOD)])
    res = runner.invoke(app, ["code", str(p), "--date", "2024-05-06", "--fast"])
    assert res.exit_code == 1, res.output
    assert json.loads(res.stderr.splitlines()[0])["code"] == "E104"
    assert any(json.loads(row)["event_type"] for row in res.stdout.splitlines())


def test_ingest_stores_every_article_around_a_surrogate_and_resumes(tmp_path):
    from wirecoder.examples.synthetic import synthetic_articles

    arts = synthetic_articles(30, seed=5)
    lines = [json.dumps({"id": f"a{i}", "text": a["text"]}) for i, a in enumerate(arts)]
    lines.insert(20, '{"id": "bad", "text": "Troops \\udc80 shelled the town."}')
    p = _lines(tmp_path, "feed.jsonl", lines)
    db = tmp_path / "e.duckdb"
    first = ingest([p], db, date="2024-05-06", fast=True, batch_size=8)
    assert (first.coded, first.rejected) == (30, 1), first.rejects
    again = ingest([p], db, date="2024-05-06", fast=True, batch_size=8)
    assert (again.coded, again.duplicates) == (0, 30)
    with Store(db, read_only=True) as st:
        assert st.counts()["articles"] == 30
        origins = [r[0] for r in st.con.execute("SELECT origin FROM rejects").fetchall()]
    assert f"{p}:21" in origins


@pytest.mark.parametrize("where", ["line", "json file", "text value"])
def test_deep_nesting_is_a_reject_not_a_recursion_error(tmp_path, where):
    if where == "line":
        p = _lines(tmp_path, "n.jsonl", [_line(GOOD), NESTED, _line(GOOD + " Again.")])
        bad = f"{p}:2"
    elif where == "text value":
        p = _lines(tmp_path, "n.jsonl", [_line(GOOD), '{"text": ' + NESTED + "}"])
        bad = f"{p}:2"
    else:
        p = tmp_path / "n.json"
        p.write_text(NESTED, encoding="utf-8")
        bad = str(p)
    out = list(read_path(p))
    rejected = [r for r in out if isinstance(r, Rejected)]
    assert [(r.origin, r.code) for r in rejected] == [(bad, "E105")]
    assert "nested too deeply" in rejected[0].message
    assert len(out) - len(rejected) == (0 if where == "json file" else len(out) - 1)


def test_a_deeply_nested_field_is_a_reject(tmp_path):
    deep = '{"a": ' * 5000 + '"x"' + "}" * 5000
    p = _lines(tmp_path, "d.jsonl", ['{"id": ' + deep + ', "text": "' + GOOD + '"}', _line(GOOD)])
    out = list(read_path(p))
    assert [getattr(r, "code", "ok") for r in out] == ["E105", "ok"]


def test_text_over_the_parser_limit_is_rejected_and_the_batch_goes_on(coder):
    long = (GOOD + " ") * (MAX_CHARS // len(GOOD) + 10)
    with pytest.raises(InputError) as err:
        wirecoder.code(long)
    assert err.value.code == "E115" and str(MAX_CHARS) in err.value.detail
    out = list(coder.code_many([GOOD, {"text": long, "id": "big"}, "Rebels attacked a base."]))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].rejected is not None and out[1].rejected.code == "E115"
    assert out[0].events and out[2].events


def test_a_coder_crash_on_one_article_rejects_it_and_codes_the_rest(coder, monkeypatch):
    stage = next(s for s in coder.stages if getattr(s, "name", "") == "arguments")
    original = type(stage).__call__

    def flaky(self, analysis, resources):
        if "Rebels" in analysis.article.text:
            raise ZeroDivisionError("boom")
        return original(self, analysis, resources)

    monkeypatch.setattr(type(stage), "__call__", flaky)
    out = list(coder.code_many([GOOD, "Rebels attacked a base.", GOOD + " Again."]))
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].rejected is not None and out[1].rejected.code == "E114"
    assert "ZeroDivisionError" in out[1].rejected.message


def test_a_crash_exits_5_with_a_coded_message(tmp_path, monkeypatch, capsys):
    from wirecoder import cli

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("wirecoder.coder.Coder.__init__", broken)
    p = _lines(tmp_path, "a.jsonl", [_line(GOOD)])
    monkeypatch.setattr(sys, "argv", ["wirecoder", "code", str(p)])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == cli.EXIT_CRASH == 5
    last = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
    assert last["error"] == "E901" and "simulated bug" in last["message"]


def test_an_unreadable_folder_is_a_reject(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Headline\n" + GOOD, encoding="utf-8")
    locked = tmp_path / "b"
    locked.mkdir()
    (locked / "two.txt").write_text("Headline\n" + GOOD, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Headline\n" + GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # root reads any folder, so deny this one as a user is denied it
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(read_path(tmp_path))
    rejected = [r for r in out if isinstance(r, Rejected)]
    assert [(r.origin, r.code) for r in rejected] == [(str(locked), "E116")]
    assert "Permission denied" in rejected[0].message
    assert sum(not isinstance(r, Rejected) for r in out) == 2


def test_an_engine_batch_with_a_crashing_article_rejects_it_and_codes_the_rest(coder, monkeypatch):
    from wirecoder.engines.stages import code_items
    from wirecoder.records import Article
    from wirecoder.store.rows import Item

    stage = next(s for s in coder.stages if getattr(s, "name", "") == "arguments")
    original = type(stage).__call__

    def flaky(self, analysis, resources):
        if "Rebels" in analysis.article.text:
            raise ZeroDivisionError("boom")
        return original(self, analysis, resources)

    monkeypatch.setattr(type(stage), "__call__", flaky)
    items = [Item(coder.to_article(t)) for t in (GOOD, "Rebels attacked a base.", GOOD + " Again.")]
    assert all(isinstance(it.article, Article) for it in items)
    out = code_items(coder, items)
    assert [r.ok for r in out] == [True, False, True]
    assert out[1].rejected is not None and out[1].rejected.code == "E114"
