"""`wirecoder ingest` / `recode`: every input format, idempotence, rejects, resume after kill -9."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wirecoder import __version__, get_coder
from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.examples.synthetic import synthetic_articles
from wirecoder.records import Article, content_hash
from wirecoder.store import Store
from wirecoder.store.ingest import ingest, recode

register(app)
runner = CliRunner()


def _full_text(rec: dict[str, str]) -> str:
    return f"{rec['title']}\n{rec['text']}"


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _html(rec: dict[str, str], url: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in rec["text"].split("\n"))
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{rec['title']} | The Daily Example</title>"
        f'<meta property="og:title" content="{rec["title"]}">'
        f'<meta property="og:url" content="{url}">'
        '<meta property="og:site_name" content="The Daily Example">'
        '<meta name="date" content="2021-05-06">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{rec['title']}</h1>{paras}</article>"
        "<footer>Copyright The Daily Example</footer></body></html>"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """A folder with every input format, 8 distinct articles, and a hidden file."""
    recs = synthetic_articles(8, seed=11)
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.txt").write_text(_full_text(recs[0]), encoding="utf-8")
    _write_jsonl(root / "a" / "b" / "two.jsonl", recs[1:4])
    (root / "three.html").write_text(_html(recs[4], "https://example.org/n/3"), encoding="utf-8")
    pq.write_table(
        pa.table(
            {
                "id": [r["id"] for r in recs[5:]],
                "text": [r["text"] for r in recs[5:]],
                "title": [r["title"] for r in recs[5:]],
                "date": [r["date"] for r in recs[5:]],
                "source": ["Example Wire"] * 3,
                "url": [f"https://example.org/p/{i}" for i in range(3)],
            }
        ),
        root / "four.parquet",
    )
    (root / ".hidden.txt").write_text(_full_text(recs[0]) + " (copy)", encoding="utf-8")
    return root, recs


def test_every_format_is_read_and_a_second_run_adds_nothing(tmp_path, corpus):
    root, recs = corpus
    db = tmp_path / "e.duckdb"
    first = ingest([root], db, date="2021-02-01")
    assert (first.coded, first.duplicates, first.rejected) == (8, 0, 0), first.rejects
    with Store(db, read_only=True) as st:
        counts = st.counts()
        rows = {
            r[0]: r[1:]
            for r in st.con.execute(
                "SELECT origin, ext_id, strftime(date, '%Y-%m-%d'), title, source, url, id "
                "FROM articles"
            ).fetchall()
        }
    assert counts["articles"] == 8 and counts["events"] > 8
    assert rows[str(root / "a" / "one.txt")][1] == "2021-02-01"  # --date for a dateless input
    jsonl = rows[str(root / "a" / "b" / "two.jsonl") + ":2"]
    assert jsonl[0] == recs[2]["id"] and jsonl[1] == recs[2]["date"]
    html = rows[str(root / "three.html")]
    assert html[1:5] == (
        "2021-05-06",
        recs[4]["title"],
        "The Daily Example",
        "https://example.org/n/3",
    )
    parquet = rows[str(root / "four.parquet") + ":1"]
    assert parquet[0] == recs[5]["id"] and parquet[3] == "Example Wire"
    assert parquet[5] == content_hash(_full_text(recs[5]))
    assert not any(".hidden" in origin for origin in rows)

    again = ingest([root], db)
    assert (again.coded, again.events, again.duplicates) == (0, 0, 8)
    # the same texts from standard input, through the CLI: still nothing new
    res = runner.invoke(
        app,
        ["ingest", "-", "--db", str(db), "--json"],
        input="".join(json.dumps(r) + "\n" for r in recs),
    )
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert (summary["coded"], summary["duplicates"], summary["rejected"]) == (0, 8, 0)
    with Store(db, read_only=True) as st:
        assert st.counts() == counts
        finished = st.con.execute("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL")
        assert finished.fetchall()[0][0] == 3


def test_bad_inputs_go_to_the_rejects_table_and_the_run_goes_on(tmp_path):
    good = synthetic_articles(2, seed=5)
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(_full_text(good[0]), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary" * 10)
    (d / "latin1.txt").write_bytes("Caf\xe9 news\nThe caf\xe9 opened.".encode("latin-1"))
    with (d / "huge.txt").open("wb") as f:  # > 20 MB, never read into memory
        f.truncate(21 * 1024 * 1024)
    (d / "lines.jsonl").write_text(
        json.dumps({"text": _full_text(good[1])}) + "\n{not json\n" + json.dumps({"x": 1}) + "\n",
        encoding="utf-8",
    )
    (d / "nav.html").write_text(
        "<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    (d / "french.txt").write_text(
        "Les troupes repoussent une attaque\nLes troupes somaliennes et les soldats de la paix "
        "de l'Union africaine ont repoussé lundi une attaque des militants contre une base "
        "militaire près de Mogadiscio, tuant au moins douze insurgés, a déclaré un porte-parole "
        "du gouvernement.",
        encoding="utf-8",
    )
    db = tmp_path / "e.duckdb"
    res = runner.invoke(
        app,
        ["ingest", str(d), str(tmp_path / "missing.txt"), "--db", str(db), "--json", "-q"],
    )
    assert res.exit_code == 1, res.output
    summary = json.loads(res.stdout)
    assert (summary["coded"], summary["rejected"]) == (2, 9)
    expected = {
        "empty.txt": "E102",
        "binary.txt": "E103",
        "latin1.txt": "E104",
        "huge.txt": "E107",
        "lines.jsonl:2": "E105",
        "lines.jsonl:3": "E106",
        "nav.html": "E108",
        "french.txt": "E109",
        "missing.txt": "E101",
    }
    assert summary["reject_codes"] == {
        c: list(expected.values()).count(c) for c in sorted(set(expected.values()))
    }
    with Store(db, read_only=True) as st:
        rows = st.con.execute("SELECT origin, code, message, time, run_id FROM rejects").fetchall()
    got = {Path(o).name: c for o, c, *_ in rows}
    assert got == expected
    assert all(msg.startswith(origin) and t is not None and run for origin, _, msg, t, run in rows)
    # every reject is listed on stderr with its code; the summary line ends it
    lines = res.stderr.strip().splitlines()
    assert {json.loads(line)["code"] for line in lines[:-1]} == set(expected.values())
    assert "coded 2 articles" in lines[-1] and "rejected 9" in lines[-1]
    # the same bad inputs again: reported again, recorded once
    again = runner.invoke(app, ["ingest", str(d), "--db", str(db), "-q"])
    assert again.exit_code == 1
    with Store(db, read_only=True) as st:
        assert st.counts()["rejects"] == 9


def test_exit_codes(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    db = str(tmp_path / "e.duckdb")
    assert runner.invoke(app, ["ingest", str(empty), "--db", db]).exit_code == 3
    good = tmp_path / "good.txt"
    good.write_text(_full_text(synthetic_articles(1)[0]), encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(good), "--db", db, "--date", "yesterday"])
    assert res.exit_code == 2 and "E303" in res.stderr
    res = runner.invoke(app, ["ingest", str(good), "--db", db, "--engine", "spark"])
    assert res.exit_code == 2 and "E303" in res.stderr
    assert runner.invoke(app, ["recode", "--db", str(tmp_path / "none.duckdb")]).exit_code == 3


def test_recode_replaces_events_with_the_current_coder_version(tmp_path, monkeypatch):
    recs = synthetic_articles(6, seed=3)
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, recs)
    db = tmp_path / "e.duckdb"
    monkeypatch.setattr(get_coder(), "version", "0.0.1-old")
    first = ingest([src], db, batch_size=4)
    assert first.coded == 6 and first.coder_version == "0.0.1-old"
    with Store(db, read_only=True) as st:
        old = [e.to_dict() for e in st.events()]
    assert old and {e["coder_version"] for e in old} == {"0.0.1-old"}
    monkeypatch.undo()

    res = runner.invoke(app, ["recode", "--db", str(db), "--json", "--batch-size", "4"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["coded"] == 6
    with Store(db, read_only=True) as st:
        new = [e.to_dict() for e in st.events()]
        versions = st.con.execute("SELECT DISTINCT coder_version FROM articles").fetchall()
    current = get_coder().version
    assert current.startswith(__version__ + "+")  # release + fingerprint of the shipped data
    assert versions == [(current,)]
    assert {e["coder_version"] for e in new} == {current}
    # the same coder otherwise: the same events, replaced (not added)
    assert [{**e, "coder_version": ""} for e in new] == [{**e, "coder_version": ""} for e in old]
    assert recode(db).coded == 0  # nothing stale left
    assert recode(db, all_articles=True).coded == 6


def comparable(events: list[dict]) -> list[dict]:
    """Events without actors' `rule` notes, sorted.

    The rule text can differ between processes (not within one): actors/dictionary.py's
    `role_at` walks a set of strings, so with hash randomisation "troop" or "troops" is
    named first. Every coded field is the same.
    """
    out = []
    for e in events:
        e = json.loads(json.dumps(e))
        for a in [*e["source"], *e["target"], e["attribution"]["speaker"] or {}]:
            a.pop("rule", None)
        out.append(e)
    return sorted(out, key=lambda e: (e["article_id"], e["event_id"]))


def _reader(stream, q: queue.Queue[str | None]) -> None:
    for line in stream:
        q.put(line)
    q.put(None)


def _run_until(cmd: list[str], commits: int, rng: random.Random) -> int:
    """Start an ingest; SIGKILL it a random moment after its `commits`-th batch commit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    q: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stderr, q), daemon=True).start()
    seen = 0
    try:
        while seen < commits:
            line = q.get(timeout=180)
            if line is None:
                break
            seen += "committed batch" in line
        if seen >= commits:
            threading.Event().wait(rng.uniform(0.0, 0.25))  # land anywhere in the next batches
            proc.send_signal(signal.SIGKILL)
        return proc.wait(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()


def _check_consistent(db: Path) -> int:
    """No orphan events, no duplicated article, each article has exactly its events."""
    with Store(db, read_only=True) as st:
        ((n, distinct),) = st.con.execute(
            "SELECT count(*), count(DISTINCT id) FROM articles"
        ).fetchall()
        assert n == distinct
        bad = st.con.execute(
            """
            SELECT a.id, a.n_events, count(e.event_id) FROM articles a
            LEFT JOIN events e ON e.article_id = a.id GROUP BY ALL
            HAVING a.n_events <> count(e.event_id)
            """
        ).fetchall()
        assert bad == []
        orphans = st.con.execute(
            "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchall()[0][0]
        assert orphans == 0
        return n


N_KILL = 96  # enough that a fast machine is still mid-run when the kill lands


@pytest.mark.slow
def test_resume_after_kill_9_codes_every_article_exactly_once(tmp_path):
    recs = synthetic_articles(N_KILL, seed=7)
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, recs)
    db = tmp_path / "e.duckdb"
    cmd = [sys.executable, "-m", "wirecoder", "ingest", str(src), "--db", str(db)]
    cmd += ["--batch-size", "4", "-v", "-q"]
    rng = random.Random(20240501)

    assert _run_until(cmd, 2, rng) == -signal.SIGKILL
    stored_1 = _check_consistent(db)
    assert 0 < stored_1 < N_KILL
    assert _run_until(cmd, 1, rng) == -signal.SIGKILL
    stored_2 = _check_consistent(db)
    assert stored_1 <= stored_2 < N_KILL

    done = subprocess.run([*cmd, "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["coded"] + summary["duplicates"] == N_KILL
    assert _check_consistent(db) == N_KILL
    # zero lost, zero duplicated: the store holds exactly what one clean pass codes
    articles = [
        replace(a := Article("", _full_text(r), date=r["date"]), id=a.content_hash) for r in recs
    ]
    expected = [e.to_dict() for c in get_coder().code_many(articles) for e in c.events]
    with Store(db, read_only=True) as st:
        stored = [e.to_dict() for e in st.events()]
        killed = st.con.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchall()
    assert comparable(stored) == comparable(expected)
    assert killed[0][0] == 2
