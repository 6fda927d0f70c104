"""The first five minutes (issue 19, items 17-18): help texts, --date, the date warning."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import wirecoder
from wirecoder.cli import app
from wirecoder.cli_more import register

runner = CliRunner()
STORY = "Police arrest protesters\nPolice arrested 20 protesters in Nairobi on Tuesday.\n"


@pytest.fixture(scope="module")
def cli():
    register(app)
    return app


@pytest.mark.parametrize("command", [[], ["code"], ["ingest"], ["export"], ["demo"]])
def test_flags_are_shown_as_flags(cli, command):
    res = runner.invoke(cli, [*command, "--help"], terminal_width=100)
    assert res.exit_code == 0
    assert "<bool>" not in res.stdout
    assert "--help" in res.stdout


def test_code_help_names_every_input_format(cli):
    out = runner.invoke(cli, ["code", "--help"], terminal_width=100).stdout
    flat = " ".join(out.replace("│", " ").split())
    for fmt in (".txt", ".jsonl", ".html", ".parquet"):
        assert fmt in flat


def test_actor_help_describes_its_own_date(cli):
    flat = " ".join(runner.invoke(cli, ["actor", "--help"], terminal_width=100).stdout.split())
    assert "office" in flat and "anchors 'on Tuesday'" not in flat


@pytest.mark.parametrize(
    "args",
    [
        ["code", "--fast", "--date", "21/10/2015"],
        ["actor", "--date", "21/10/2015", "President Obama"],
    ],
)
def test_a_bad_date_is_a_usage_error(cli, tmp_path, args):
    p = tmp_path / "a.txt"
    p.write_text(STORY, encoding="utf-8")
    res = runner.invoke(cli, [*args, str(p)] if args[0] == "code" else args)
    assert res.exit_code == 2, res.output
    assert json.loads(res.stderr)["error"] == "E303"


def test_ingest_bad_date_is_the_same_usage_error(cli, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(STORY, encoding="utf-8")
    res = runner.invoke(
        cli, ["ingest", str(p), "--db", str(tmp_path / "s.duckdb"), "-d", "21/10/2015"]
    )
    assert res.exit_code == 2 and "E303" in res.stderr


def test_undated_articles_warn_once(cli, tmp_path):
    paths = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(STORY.replace("20", str(20 + i)), encoding="utf-8")
        paths.append(str(p))
    res = runner.invoke(cli, ["code", "--fast", *paths])
    assert res.exit_code == 0, res.output
    warnings = [json.loads(x) for x in res.stderr.splitlines() if '"warning"' in x]
    assert [w["warning"] for w in warnings] == ["W001"]
    assert "--date" in warnings[0]["message"]
    dated = runner.invoke(cli, ["code", "--fast", "--date", "2015-10-21", *paths])
    assert '"warning"' not in dated.stderr


def test_help_of_code_documents_arguments_return_and_errors():
    doc = wirecoder.code.__doc__ or ""
    for word in ("Args:", "date:", "actors:", "fast:", "Returns:", "Raises:", "InputError"):
        assert word in doc


def test_eval_without_data_says_what_the_data_is(cli, tmp_path):
    res = runner.invoke(cli, ["eval", "location", "--data", str(tmp_path / "none")])
    assert res.exit_code == 3
    assert "E501" in res.stderr and "--data" in res.stderr and "not shipped" in res.stderr


@pytest.mark.parametrize("width", [80, 160])
def test_pretty_output_reads_at_any_width(cli, tmp_path, width, monkeypatch):
    """Issue 19 item 16: at 80 columns no word is cut; a legend explains the columns."""
    monkeypatch.setenv("COLUMNS", str(width))
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    res = runner.invoke(cli, ["code", "--fast", "--pretty", str(story), "--date", "2021-03-02"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    words = " ".join(" ".join(lines).replace("│", " ").split())
    for word in ("COERCE", "arrested", "Police", "protesters", "asserted"):
        assert word in words  # whole, never folded across lines
    assert "country code and PLOVER sector" in words
