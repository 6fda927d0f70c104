"""A record's offsets index title + "\\n" + text (README), even when the text's first line
repeats the title, as many feeds write it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.read import read_path

runner = CliRunner()

TITLE = "Rebels attack army base in Kandahar"
BODY = (
    "Rebels attack army base in Kandahar\n"
    "Taliban fighters attacked an army base in Kandahar on Tuesday, the governor said. "
    "Police arrested two of the attackers."
)


@pytest.mark.parametrize("body", [BODY, BODY.split("\n", 1)[1]])
def test_the_coded_text_is_title_newline_text(tmp_path, body):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a1", "title": TITLE, "text": body}) + "\n", encoding="utf-8")
    [art] = list(read_path(p))
    assert art.text == f"{TITLE}\n{body}"
    assert art.title == TITLE


def test_event_offsets_slice_title_plus_text(tmp_path):
    p = tmp_path / "in.jsonl"
    record = {"id": "a1", "title": TITLE, "text": BODY, "date": "2015-10-21"}
    p.write_text(json.dumps(record) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--fast"])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert events
    full = record["title"] + "\n" + record["text"]
    for ev in events:
        trig = ev["trigger"]
        assert full[trig["start"] : trig["end"]] == trig["text"]
        start = ev["sentence_start"]
        assert full[start : start + len(ev["sentence"])] == ev["sentence"]
    body_only = [ev for ev in events if ev["trigger"]["start"] > len(TITLE) * 2 + 1]
    assert any(ev["trigger"]["text"] == "arrested" for ev in body_only)


def test_a_line_break_in_the_title_keeps_the_offsets(tmp_path):
    p = tmp_path / "in.jsonl"
    title = "Rebels attack\narmy base"
    p.write_text(json.dumps({"title": title, "text": "Police arrested two men."}) + "\n")
    [art] = list(read_path(p))
    assert art.text == "Rebels attack army base\nPolice arrested two men."
    assert len(art.text) == len(title) + 1 + len("Police arrested two men.")
