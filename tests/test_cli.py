from __future__ import annotations

import json

from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.cli_more import register

register(app)
runner = CliRunner()


def test_code_file_prints_jsonl(tmp_path, example_text):
    p = tmp_path / "a.txt"
    p.write_text(example_text, encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--date", "2021-03-03"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and all(r["event_type"] and r["trigger"]["text"] for r in rows)
    assert {r["status"] for r in rows} >= {"asserted", "negated"}


def test_code_stdin_and_status_filter(example_text):
    res = runner.invoke(app, ["code", "-", "--status", "asserted"], input=example_text)
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows and {r["status"] for r in rows} == {"asserted"}


def test_bad_inputs_are_reported_and_the_rest_coded(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(
        "Police arrest protesters\nPolice arrested 20 protesters in Nairobi on Monday.\n",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x00\x01\x02")
    res = runner.invoke(app, ["code", str(empty), str(good), str(binary), "--date", "2020-02-05"])
    assert res.exit_code == 1
    assert any(json.loads(line)["event_type"] == "COERCE" for line in res.stdout.splitlines())
    errors = [json.loads(line) for line in res.stderr.splitlines()]
    assert {e["code"] for e in errors} == {"E102", "E103"}
    assert any(str(empty) in e["message"] for e in errors)


def test_all_bad_inputs_exit_3(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["code", str(empty)])
    assert res.exit_code == 3


def test_actor_command_explains():
    res = runner.invoke(
        app,
        ["actor", "Iraqi Defense Minister Khaled al-Obeidi", "American warplanes", "the Kremlin"],
    )
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["country"], r["sector"]) for r in rows] == [
        ("IRQ", "GOV"),
        ("USA", "MIL"),
        ("RUS", "GOV"),
    ]
    assert all(r["rule"] for r in rows)


def test_bad_dictionary_exits_2(tmp_path):
    f = tmp_path / "d.yaml"
    f.write_text("- pattern: X\n  sector: NOPE\n  name: X\n", encoding="utf-8")
    res = runner.invoke(app, ["actor", "X", "--actors", str(f)])
    assert res.exit_code == 2


def test_help_explains_every_command():
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for cmd in ("code", "actor", "demo"):
        assert cmd in res.stdout


def test_version_and_a_public_api_without_helpers():
    import wirecoder

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"wirecoder {wirecoder.__version__}"
    names = dir(wirecoder)
    assert "code" in names and "ingest" in names
    assert not {"Any", "Path", "TYPE_CHECKING", "Iterable"} & set(names)
