"""Clusters in the store: ingest adds to them, recluster rebuilds them the same, the CLI and
the Python API show them, and a store of the previous schema is migrated."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import wirecoder
from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.cluster.disputes import disputes
from wirecoder.coder import Coded
from wirecoder.records import Actor, Article, Event, Location, Span
from wirecoder.store import SCHEMA_VERSION, Item, Store
from wirecoder.store.rows import coded_table

register(app)

WIRE = (
    "Gunmen stormed a police station in Kandahar on Tuesday, killing three officers and "
    "wounding five others before fleeing on motorcycles, provincial officials said. The "
    "Taliban claimed responsibility for the attack in a statement sent to reporters."
)
OWN = (
    "Militants attacked a police post in Kandahar overnight. Three policemen died in the "
    "assault on the police station, a spokesman for the governor said."
)
SUMMIT = (
    "Kenya and Uganda sign rail deal\nThe presidents of Kenya and Uganda signed a trade "
    "agreement on railway links in Nairobi on Tuesday."
)


def _event(aid: str, sent: str, etype: str, date: str, country: str, place: str) -> Event:
    i = sent.find(" ")
    return Event(
        article_id=aid,
        sentence_index=0,
        sentence=sent,
        event_type=etype,
        trigger=Span(sent[:i], 0, i),
        target=[Actor("police", 0, 6, country=country, sector="COP")],
        date=date,
        date_precision="day",
        location=Location(place, country, None, None, 0, 1),
        event_id=f"{aid[:6]}-{etype}",
    )


def _coded(text: str, source: str | None, url: str | None, events: list[tuple]) -> tuple:
    aid = Article("", text).content_hash
    art = Article(id=aid, text=text, date="2024-05-01", source=source, url=url, origin="t")
    evs = [_event(aid, *e) for e in events]
    return Item(art), Coded(art, evs)


def batches() -> list[tuple]:
    attack = ("Gunmen stormed a police station in Kandahar, killing three officers.",)
    a = ("ASSAULT", "2024-04-30", "AFG", "Kandahar")
    return [
        _coded(WIRE, None, "https://www.site-one.com/a", [(*attack, *a)]),
        _coded("Kabul (AP) - " + WIRE, "Daily Star", None, [(*attack, *a)]),
        _coded(OWN, "BBC", None, [("Militants attacked a Kandahar police post.", *a)]),
        _coded(
            SUMMIT,
            "Nation",
            None,
            [(SUMMIT.splitlines()[1], "AGREE", "2024-04-30", "KEN", "Nairobi")],
        ),
        _coded(
            WIRE + " Kandahar police said.",
            None,
            None,
            [(*attack, "ASSAULT", "2024-03-01", "AFG", "Kandahar")],
        ),  # two months before
    ]


def _store(path: Path, order: list[int]) -> None:
    pairs = batches()
    with Store(path) as st:
        for i in order:  # one batch per article: clusters grow incrementally
            st.add_coded(coded_table([pairs[i]], "test"))


def _clusters(path: Path) -> list[dict]:
    with Store(path, read_only=True) as st:
        return wirecoder.clusters(st, records=True)  # type: ignore[return-value]


def test_ingest_clusters_reports_and_counts_sources(tmp_path: Path) -> None:
    _store(tmp_path / "s.duckdb", [0, 1, 2, 3, 4])
    recs = _clusters(tmp_path / "s.duckdb")
    assert sorted(r["n_events"] for r in recs) == [1, 1, 3]
    big = next(r for r in recs if r["n_events"] == 3)
    # the AP copy of the wire story is not an independent source; the BBC's report is
    assert (big["n_articles"], big["n_sources"]) == (3, 2)
    assert big["event_type"] == "ASSAULT" and big["target_countries"] == ["AFG"]
    assert big["outlets"] == ["bbc", "daily star", "site-one.com"]
    assert big["date_first"] == big["date_last"] == "2024-04-30"
    joined = [m for m in big["members"] if m["reason"]]
    assert len(joined) == 3
    assert all("similarity" in m["reason"] and "type" in m["reason"]["fields"] for m in joined)


def test_any_ingest_order_and_recluster_give_the_same_clusters(tmp_path: Path) -> None:
    _store(tmp_path / "a.duckdb", [0, 1, 2, 3, 4])
    first = _clusters(tmp_path / "a.duckdb")
    rng = random.Random(3)
    for k in range(3):
        order = [0, 1, 2, 3, 4]
        rng.shuffle(order)
        _store(tmp_path / f"b{k}.duckdb", order)
        assert _clusters(tmp_path / f"b{k}.duckdb") == first, order
    with Store(tmp_path / "a.duckdb") as st:
        st.recluster()
    assert _clusters(tmp_path / "a.duckdb") == first
    with Store(tmp_path / "one.duckdb") as st:  # all in one batch
        st.add_coded(coded_table(batches()[::-1], "test"))
    assert _clusters(tmp_path / "one.duckdb") == first


def test_recode_keeps_clusters_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    _store(path, [0, 1, 2, 3, 4])
    before = _clusters(path)
    with Store(path) as st:
        st.replace_coded(coded_table([batches()[1]], "test"))
    assert _clusters(path) == before


def test_cli_clusters_json_fields_and_where(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    _store(path, [0, 1, 2, 3, 4])
    runner = CliRunner()
    res = runner.invoke(app, ["clusters", "--db", str(path), "--json"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(recs) == 3
    want = {
        "cluster_id",
        "event_type",
        "status",
        "date_first",
        "date_last",
        "source_countries",
        "target_countries",
        "place",
        "n_events",
        "n_articles",
        "n_sources",
        "members",
    }
    assert all(want <= set(r) for r in recs)
    assert all(set(m) == {"article_id", "event_id", "reason"} for r in recs for m in r["members"])
    res = runner.invoke(
        app, ["clusters", "--db", str(path), "--json", "--where", "c.n_sources > 1"]
    )
    assert [json.loads(x)["n_sources"] for x in res.stdout.splitlines()] == [2]
    res = runner.invoke(app, ["clusters", "--db", str(path), "--where", "no_such_column"])
    assert res.exit_code == 2 and "E403" in res.output
    assert runner.invoke(app, ["recluster", "--db", str(path)]).exit_code == 0
    res = runner.invoke(app, ["recluster", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code != 0 and "E401" in res.output


@pytest.mark.parametrize("fmt", ["csv", "gdelt-tsv", "plover-json", "parquet"])
def test_export_per_cluster_writes_one_row_per_cluster(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "s.duckdb"
    _store(path, [0, 1, 2, 3, 4])
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app, ["export", "--db", str(path), "--per", "cluster", "-f", fmt, "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 3
    elif fmt == "plover-json":
        assert len(out.read_text().splitlines()) == 3
    else:
        assert len(out.read_text().splitlines()) == 4  # header and three clusters


def test_store_of_the_previous_schema_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    from wirecoder.store.schema import MIGRATIONS, VERSION_TABLE

    con = duckdb.connect(str(path))
    con.execute(VERSION_TABLE)
    for sql in MIGRATIONS[0].statements:
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (1, 'old', now())")
    con.close()
    with Store(path) as st:
        assert st.schema_version == SCHEMA_VERSION >= 2
        st.add_coded(coded_table(batches()[:2], "test"))
    recs = _clusters(path)
    assert [r["n_events"] for r in recs] == [2]


def test_python_api_gives_a_frame(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    _store(path, [0, 1, 2, 3, 4])
    df = wirecoder.clusters(path)
    assert len(df) == 3 and {"cluster_id", "n_sources", "members"} <= set(df.columns)
    buf = io.BytesIO()
    from wirecoder.cluster.api import export_clusters

    with Store(path, read_only=True) as st:
        assert export_clusters(st, "plover-json", buf) == 3


def test_a_denial_in_another_article_is_a_dispute_of_the_cluster(tmp_path: Path) -> None:
    # a denial never joins the reports of the deed, yet a reader wants to see that one outlet
    # reports a raid another outlet's source denies
    path = tmp_path / "s.duckdb"
    pairs = batches()[:2]
    denial = "The Taliban denied storming a police station in Kandahar."
    item, coded = _coded(
        "Kandahar: " + denial, "Dawn", None, [(denial, "ASSAULT", "2024-04-30", "AFG", "Kandahar")]
    )
    coded.events[0].status = "negated"
    unrelated = "Police denied beating protesters in Nairobi."
    item2, coded2 = _coded(
        unrelated, "Nation", None, [(unrelated, "ASSAULT", "2024-04-30", "KEN", "Nairobi")]
    )
    coded2.events[0].status = "negated"
    with Store(path) as st:
        st.add_coded(coded_table([*pairs, (item, coded), (item2, coded2)], "test"))
    with Store(path, read_only=True) as st:
        found = disputes(st)
        reported = {m["event_id"] for r in wirecoder.clusters(st, records=True) for m in r["members"]
                    if len(r["members"]) == 2}  # fmt: skip
    assert len(found) == 1
    rec = found[0]
    statuses = [s["status"] for s in rec["stances"]]
    assert statuses.count("negated") == 1 and statuses.count("asserted") == 2
    assert set(rec["event_ids"][:2]) == reported  # the cluster's two reports, then the denial
    assert rec["stances"][-1]["outlet"] == "dawn" and "similarity" in rec["stances"][-1]
    result = CliRunner().invoke(app, ["clusters", "--db", str(path), "--disputes"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["cluster_id"] for x in result.output.splitlines()] == [rec["cluster_id"]]


def test_a_country_level_place_is_no_evidence_that_two_reports_meet(tmp_path: Path) -> None:
    """Two reports of the Kandahar attack join on their town; placed only in Afghanistan (the
    story's country every event of an Afghan story may take) they join on their words and
    parties, and the country is not counted as a place they share."""

    def fields(place: str, feature: str | None) -> set[str]:
        pairs = batches()[:2]
        for _, coded in pairs:
            for ev in coded.events:
                ev.location = Location(place, "AFG", None, None, 0, 1, feature=feature)
        path = tmp_path / f"{place}.duckdb"
        with Store(path) as st:
            st.add_coded(coded_table(pairs, "test"))
        joined = [c for c in _clusters(path) if c["n_articles"] == 2]
        assert joined, _clusters(path)
        return {f for m in joined[0]["members"] if m["reason"] for f in m["reason"]["fields"]}

    assert "place" in fields("Kandahar", "city")
    assert not {"place", "place_country"} & fields("Afghanistan", "country")


def test_a_report_that_names_no_country_meets_the_reports_that_do(tmp_path: Path) -> None:
    """A report whose parties and place have no country ("militants attacked a police post")
    could be of any country, so it is compared with every report of its type family and
    week: it joins the Kandahar reports whether it is stored first, last or rebuilt."""

    def build(name: str, order: list[int]) -> list[dict]:
        pairs = batches()[:3]
        for ev in pairs[2][1].events:
            ev.target = [Actor("police", 0, 6, sector="COP")]
            ev.location = None
        path = tmp_path / f"{name}.duckdb"
        with Store(path) as st:
            for i in order:
                st.add_coded(coded_table([pairs[i]], "test"))
        return _clusters(path)

    first = build("last", [0, 1, 2])
    assert [r["n_articles"] for r in first] == [3]
    assert {m["reason"]["with"] for m in first[0]["members"] if m["reason"]}
    assert build("first", [2, 1, 0]) == first
    with Store(tmp_path / "last.duckdb") as st:
        st.recluster()
    assert _clusters(tmp_path / "last.duckdb") == first
