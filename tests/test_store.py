"""The DuckDB store: schema and migrations, lossless event rows, idempotent and atomic writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wirecoder.coder import Coded
from wirecoder.errors import StoreError
from wirecoder.frames import flat_row
from wirecoder.records import Article, Rejected
from wirecoder.store import SCHEMA_VERSION, Item, Store
from wirecoder.store import rows as rows_mod
from wirecoder.store.rows import coded_table, event_tables


@pytest.fixture(scope="module")
def coded(coder, example_text):
    """The example article and a second one, coded, with their content hashes as ids."""
    texts = [
        example_text,
        "Kenya and Ethiopia hold talks\nKenya and Ethiopia held talks in Nairobi on Monday "
        "about border security, officials said.",
    ]
    items = [
        Item(Article(id=Article("", t).content_hash, text=t, date="2021-03-03", origin=f"t{i}"))
        for i, t in enumerate(texts)
    ]
    results = list(coder.code_many([it.article for it in items]))
    assert all(r.events for r in results)
    return items, results, coded_table(zip(items, results, strict=True), coder.version)


def test_new_store_has_schema_version_and_tables(tmp_path):
    with Store(tmp_path / "s.duckdb") as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.counts() == {"articles": 0, "events": 0, "actors": 0, "rejects": 0}
        tables = {r[0] for r in st.con.execute("SHOW TABLES").fetchall()}
        assert {"articles", "events", "actors", "rejects", "runs", "schema_version"} <= tables


def test_store_from_a_newer_wirecoder_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        st.con.execute("INSERT INTO schema_version VALUES (999, 'future', now())").fetchall()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.code == "E402"


def test_missing_store_for_reading_is_e401(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(tmp_path / "nope.duckdb", read_only=True)
    assert err.value.code == "E401"
    not_db = tmp_path / "text.duckdb"
    not_db.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        Store(not_db)
    assert err.value.code == "E401"


def test_events_round_trip_through_the_store(tmp_path, coded):
    items, results, table = coded
    with Store(tmp_path / "s.duckdb") as st:
        res = st.add_coded(table)
        assert res.stored == 2 and res.events == sum(len(r.events) for r in results)
        for it, r in zip(items, results, strict=True):
            assert [e.to_dict() for e in st.events(it.article.id)] == [
                e.to_dict() for e in r.events
            ]
        # flat columns are the ones wirecoder.to_frame shows, for SQL
        flat = {
            r["event_id"]: r
            for r in st.con.sql(
                "SELECT event_id, source_name, source_country, source_sector, target_name, "
                "target_country, target_sector, speaker_name AS speaker, trigger_text AS trigger, "
                "location_name, lat, lon, coder_version FROM events"
            )
            .to_arrow_table()
            .to_pylist()
        }
        for r in results:
            for ev in r.events:
                want = flat_row(ev)
                assert {k: want[k] for k in flat[ev.event_id]} == flat[ev.event_id]
        # one actors row per actor mention
        n_actors = sum(
            len(e.source) + len(e.target) + (e.attribution.speaker is not None)
            for r in results
            for e in r.events
        )
        assert st.counts()["actors"] == n_actors


def test_fields_without_a_column_survive_in_extra(tmp_path, coded, monkeypatch):
    """An Event field newer than the schema is kept (in `extra`) and read back."""
    items, results, table = coded
    monkeypatch.setattr(rows_mod, "MAPPED_KEYS", rows_mod.MAPPED_KEYS - {"status", "date_text"})
    events, _ = event_tables((i, e) for i, e in enumerate(results[0].events))
    assert all('"status"' in x for x in events.column("extra").to_pylist())
    with Store(tmp_path / "s.duckdb") as st:
        st.add_coded(table)
        assert [e.to_dict() for e in st.events(items[0].article.id)] == [
            e.to_dict() for e in results[0].events
        ]


def test_adding_the_same_batch_twice_adds_nothing(tmp_path, coded):
    _, _, table = coded
    with Store(tmp_path / "s.duckdb") as st:
        first = st.add_coded(table, [Rejected("x.txt", "E102", "x.txt: empty")])
        before = st.counts()
        again = st.add_coded(table, [Rejected("x.txt", "E102", "x.txt: empty")])
        assert (again.stored, again.events, again.duplicates) == (0, 0, 2)
        assert st.counts() == before
        assert first.stored == 2 and before["rejects"] == 1


def test_a_failed_batch_leaves_nothing_behind(tmp_path, coded, monkeypatch):
    _, _, table = coded
    with Store(tmp_path / "s.duckdb") as st:
        real = Store._insert

        def failing(self, name, data):
            if name == "actors":
                raise KeyboardInterrupt  # as if killed between two inserts
            return real(self, name, data)

        monkeypatch.setattr(Store, "_insert", failing)
        with pytest.raises(KeyboardInterrupt):
            st.add_coded(table)
        monkeypatch.setattr(Store, "_insert", real)
        assert st.counts() == {"articles": 0, "events": 0, "actors": 0, "rejects": 0}
        assert st.add_coded(table).stored == 2


def test_replace_coded_swaps_events_atomically(tmp_path, coded, monkeypatch):
    items, results, table = coded
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        st.add_coded(table)
        before = [e.to_dict() for e in st.events()]
        bumped = [
            Coded(r.article, [replace(e, coder_version="9.9.9") for e in r.events]) for r in results
        ]
        newer = coded_table(zip(items, bumped, strict=True), "9.9.9")
        # a crash after the deletes: nothing changes
        real = Store._insert

        def failing(self, name, data):
            if name == "actors":
                raise RuntimeError("disk full")
            return real(self, name, data)

        monkeypatch.setattr(Store, "_insert", failing)
        with pytest.raises(RuntimeError):
            st.replace_coded(newer)
        monkeypatch.setattr(Store, "_insert", real)
        assert [e.to_dict() for e in st.events()] == before
        # and when it succeeds, the events are replaced, not added
        res = st.replace_coded(newer)
        assert res.stored == 2
        after = [e.to_dict() for e in st.events()]
        assert len(after) == len(before) == st.counts()["events"]
        assert {e["coder_version"] for e in after} == {"9.9.9"}
        assert [{**e, "coder_version": ""} for e in after] == [
            {**e, "coder_version": ""} for e in before
        ]
        versions = st.con.execute("SELECT DISTINCT coder_version FROM articles").fetchall()
        assert versions == [("9.9.9",)]


def test_bulk_write_of_event_tables(tmp_path, coded):
    _, results, _ = coded
    events, actors = event_tables((i, e) for i, e in enumerate(results[0].events))
    with Store(tmp_path / "s.duckdb") as st:
        st.write_events(events, actors)
        assert st.counts()["events"] == events.num_rows
        assert st.counts()["actors"] == actors.num_rows
