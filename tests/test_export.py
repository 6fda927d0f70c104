"""Exports parse back (Parquet, CSV, PLOVER JSON, GDELT TSV); query and stats commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.examples.synthetic import synthetic_articles
from wirecoder.frames import COLUMNS
from wirecoder.records import EVENT_TYPES
from wirecoder.store import Store
from wirecoder.store.export import GDELT_COLUMNS, dyad_pairs
from wirecoder.store.ingest import ingest

register(app)
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, list]:
    d = tmp_path_factory.mktemp("export")
    src = d / "in.jsonl"
    src.write_text(
        "".join(json.dumps(r) + "\n" for r in synthetic_articles(14, seed=21)), encoding="utf-8"
    )
    db = d / "e.duckdb"
    assert ingest([src], db).coded == 14
    with Store(db, read_only=True) as st:
        events = st.events()
    assert any(e.reciprocal for e in events) and any(e.location for e in events)
    return db, events


def _recorded(e) -> bool:
    """What the event-data exports hold by default: the news, as PLOVER records it."""
    reading = e.plover_type or e.event_type
    return not e.historical and (e.status == "asserted" or reading != e.event_type)


def _export(db: Path, fmt: str, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    res = runner.invoke(app, ["export", "--db", str(db), "-f", fmt, "-o", str(out), *extra])
    assert res.exit_code == 0, res.output
    return out


def test_parquet_export_has_every_event_and_column(store, tmp_path):
    db, events = store
    table = pq.read_table(_export(db, "parquet", tmp_path))
    assert table.num_rows == len(events)
    assert sorted(table.column("event_id").to_pylist()) == sorted(e.event_id for e in events)
    for col in (
        "source",
        "target",
        "attribution",
        "source_country",
        "publication_date",
        "coder_version",
    ):
        assert col in table.column_names
    first = table.slice(0, 1).to_pylist()[0]
    assert isinstance(json.loads(first["source"]), list)


def test_csv_export_has_the_flat_columns(store, tmp_path):
    db, events = store
    events = [e for e in events if _recorded(e)]
    with _export(db, "csv", tmp_path).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(events)
    assert set(COLUMNS) - {"trigger"} <= set(rows[0]) and "trigger" in rows[0]
    by_id = {e.event_id: e for e in events}
    for row in rows:
        ev = by_id[row["event_id"]]
        assert row["event_type"] == ev.event_type and row["trigger"] == ev.trigger.text


def test_plover_json_export_follows_the_manual(store, tmp_path):
    db, events = store
    lines = _export(db, "plover-json", tmp_path).read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines]
    events = [e for e in events if _recorded(e)]
    assert len(recs) == len(events)
    by_id = {e.event_id: e for e in events}
    for rec in recs:
        # the required fields of the PLOVER JSON table
        assert {"id", "date", "actor", "event"} <= set(rec)
        assert rec["event"][0] in EVENT_TYPES and rec["quad_code"] in (1, 2, 3, 4)
        ev = by_id[rec["id"]]
        if ev.reciprocal and not ev.demanded:  # manual: all parties are actors, no recipient
            assert rec["recipient"] == []
            assert len(rec["actor"]) == len(ev.source) + len(ev.target)
        else:
            recipients = ev.plover_parties()[1]
            assert [a["entity_text"] for a in rec["recipient"]] == [a.text for a in recipients]
        assert rec["text_info"]["end"] - rec["text_info"]["start"] == len(ev.sentence)
        assert rec["cite_info"]["codebook"].startswith("plover")
    with_loc = [r for r in recs if r["event_loc"]]
    assert with_loc and all("lat" in r["event_loc"] for r in with_loc)


def test_gdelt_tsv_has_one_row_per_dyad_both_ways_for_reciprocal(store, tmp_path):
    db, events = store
    text = _export(db, "gdelt-tsv", tmp_path).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    body = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows[1:]]
    events = [e for e in events if _recorded(e)]
    assert len(body) == sum(len(ev.dyads()) for ev in events)
    for ev in events:
        mine = [
            (r["Actor1CountryCode"] or None, r["Actor2CountryCode"] or None)
            for r in body
            if r["GLOBALEVENTID"] == ev.event_id
        ]
        assert mine == ev.dyads()
        assert len(dyad_pairs(ev)) == len(ev.dyads())
    recip = [r for r in body if r["Reciprocal"] == "1"]
    assert recip and {r["Reversed"] for r in recip} == {"0", "1"}
    assert all(r["SQLDATE"].isdigit() and len(r["SQLDATE"]) == 8 for r in body)


def test_exports_hold_what_plover_records_unless_all_statuses(store, tmp_path):
    db, events = store
    left_out = [e for e in events if not _recorded(e)]
    assert any(e.status in ("negated", "hypothetical", "requested") for e in left_out)
    with _export(db, "csv", tmp_path).open(encoding="utf-8", newline="") as f:
        ids = {r["event_id"] for r in csv.DictReader(f)}
    assert ids == {e.event_id for e in events if _recorded(e)}
    with _export(db, "csv", tmp_path, "--all-statuses").open(encoding="utf-8", newline="") as f:
        ids = {r["event_id"] for r in csv.DictReader(f)}
    assert ids == {e.event_id for e in events if not e.historical}


def test_gdelt_codes_agree_with_the_plover_reading(store, tmp_path):
    """A threatened attack is THREATEN with CAMEO root 13 and quad 3, never root 19 / quad 4."""
    from wirecoder.events.lexicon import CAMEO_ROOT
    from wirecoder.records import QUAD

    db, events = store
    coded = {e.event_id: e.event_type for e in events}
    text = _export(db, "gdelt-tsv", tmp_path, "--all-statuses").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))[1:]
    body = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows]
    read_anew = [r for r in body if r["PloverEvent"] != coded[r["GLOBALEVENTID"]]]
    assert read_anew  # the synthetic stories hold promises and threats
    for r in body:
        assert r["QuadClass"] == str(QUAD[r["PloverEvent"]])
    for r in read_anew:
        assert r["EventRootCode"] == CAMEO_ROOT[r["PloverEvent"]]


def test_export_to_stdout_and_where_filter(store):
    db, events = store
    res = runner.invoke(
        app, ["export", "--db", str(db), "-f", "plover-json", "--where", "e.quad = 4"]
    )
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(recs) == sum(e.quad == 4 and _recorded(e) for e in events) > 0
    bad = runner.invoke(app, ["export", "--db", str(db), "-f", "xml"])
    assert bad.exit_code == 2 and "E404" in bad.stderr


def test_query_prints_jsonl_or_csv(store):
    db, events = store
    res = runner.invoke(
        app,
        [
            "query",
            "SELECT event_type, count(*) AS n, min(date) AS first, any_value(source) AS src "
            "FROM events GROUP BY 1 ORDER BY 1",
            "--db",
            str(db),
        ],
    )
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert sum(r["n"] for r in rows) == len(events)
    assert isinstance(rows[0]["src"], list)  # JSON columns come back as JSON
    assert len(rows[0]["first"]) == 10
    res = runner.invoke(
        app, ["query", "SELECT count(*) AS n FROM articles", "--db", str(db), "--csv"]
    )
    assert res.stdout.splitlines() == ["n", "14"]
    res = runner.invoke(app, ["query", "DELETE FROM events", "--db", str(db)])
    assert res.exit_code == 2 and "E403" in res.stderr
    res = runner.invoke(app, ["query", "SELECT 1", "--db", str(db) + ".missing"])
    assert res.exit_code == 3 and "E401" in res.stderr


def test_stats_counts_and_png(store, tmp_path):
    db, events = store
    png = tmp_path / "stats.png"
    res = runner.invoke(app, ["stats", "--db", str(db), "--json", "--png", str(png)])
    assert res.exit_code == 0, res.output
    st = json.loads(res.stdout)
    assert st["counts"]["events"] == len(events)
    assert sum(n for _, n in st["by_type"]) == len(events)
    assert sum(n for _, n in st["by_month"]) == len(events)
    assert st["by_dyad"] and all(len(row) == 3 for row in st["by_dyad"])
    # pairs name two known countries; events with a side unknown are counted apart
    assert all(s and t and s != "-" and t != "-" for s, t, _ in st["by_dyad"])
    two_sided = {
        e.event_id
        for e in events
        if any(a.country for a in e.source) and any(a.country for a in e.target)
    }
    assert st["one_sided"] == len(events) - len(two_sided) > 0
    # the synthetic stories span weeks, not years: finer bins than months, never one dot
    assert st["time_bin"] in ("day", "week") and len(st["by_time"]) > len(st["by_month"]) >= 1
    assert sum(n for _, n in st["by_time"]) == len(events)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = runner.invoke(app, ["stats", "--db", str(db)])
    assert table.exit_code == 0 and "by type" in table.stdout
    assert " 1 rejects" not in table.stdout and "0 rejects" in table.stdout


def test_plover_json_records_a_demand_as_the_speakers_request(coder):
    from wirecoder.store.export import plover_record

    text = "Kenya's foreign minister said Uganda must withdraw its troops from the border."
    ev = next(e for e in coder.code(text, date="2022-04-06") if e.event_type == "RETREAT")
    rec = plover_record(ev)
    assert rec["event"] == ["REQUEST"]
    assert [a["code"] for a in rec["actor"]] == ["KEN"]
    assert [a["code"] for a in rec["recipient"]] == ["UGA"]


def test_background_history_stays_out_of_event_data_unless_asked(store, tmp_path):
    db, events = store
    con_db = tmp_path / "hist.duckdb"
    import shutil

    shutil.copy(db, con_db)
    first = events[0].event_id
    import duckdb

    con = duckdb.connect(str(con_db))
    con.execute("UPDATE events SET historical = true WHERE event_id = ?", [first])
    con.close()
    rows = list(csv.DictReader(_export(con_db, "csv", tmp_path).open(encoding="utf-8")))
    assert first not in {r["event_id"] for r in rows}
    assert len(rows) == sum(_recorded(e) for e in events[1:])
    out = _export(con_db, "csv", tmp_path, "--include-history", "--all-statuses")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(events)
    assert first in {r["event_id"] for r in rows}
    assert pq.read_table(_export(con_db, "parquet", tmp_path)).num_rows == len(events)
