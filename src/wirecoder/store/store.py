"""`Store`: the DuckDB event store. Bulk writes, one transaction per batch.

Why the guarantees hold:

- *Idempotent*: an article's id is the content hash of its text, `articles.id` is a primary
  key, and `add_coded` drops ids already stored inside the same transaction that inserts.
- *Resumable after kill -9*: an article row and its events are committed together or not at
  all; DuckDB's write-ahead log replays committed transactions on the next open. A restarted
  run skips the stored hashes and codes the rest, so every article ends up coded once.
- *Atomic recode*: `replace_coded` deletes and re-inserts a batch's events in one
  transaction; a reader (or a crash) sees the old events or the new ones, never a mix.

Writes go through Arrow tables registered with DuckDB (`INSERT ... SELECT`), never row by row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..errors import Codes, StoreError
from ..records import Event, Rejected
from .rows import (
    ARTICLE_SCHEMA,
    coded_events,
    coded_rejects,
    event_rows,
    row_to_event,
)
from .schema import MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE
from .voice_rows import VOICE_TABLES, voice_rows

if TYPE_CHECKING:
    import duckdb


def _exec(con: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> None:
    """Run a statement to completion (DuckDB wants results drained before unregister)."""
    con.execute(sql, params).fetchall()


def utcnow() -> datetime:
    """Naive UTC (DuckDB TIMESTAMP); every time in the store is UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class BatchResult:
    """What one committed batch changed."""

    stored: int = 0  # articles added (ingest) or re-coded (recode)
    events: int = 0
    duplicates: int = 0
    rejected: int = 0


REJECT_SCHEMA = pa.schema(
    [
        ("origin", pa.string()),
        ("code", pa.string()),
        ("message", pa.string()),
        ("time", pa.timestamp("us")),
        ("run_id", pa.string()),
    ]
)


class Store:
    """An event store file. Open for writing (creates and migrates) or read-only."""

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True) -> None:
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        if (read_only or not create) and not self.path.exists():
            raise StoreError(Codes.E401, path=self.path, detail="no such file")
        try:
            self.con: duckdb.DuckDBPyConnection = duckdb.connect(
                str(self.path), read_only=read_only
            )
        except duckdb.Error as exc:
            raise StoreError(Codes.E401, path=self.path, detail=str(exc).splitlines()[0]) from exc
        try:
            self._check_schema()
        except BaseException:
            self.con.close()
            raise

    # -- lifecycle --------------------------------------------------------------------------
    def _found_version(self) -> int:
        has = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchall()[0]
        if not has or not has[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
        return int(row[0] or 0) if row else 0

    def _check_schema(self) -> None:
        import duckdb

        try:
            found = self._found_version()
        except duckdb.Error as exc:
            raise StoreError(Codes.E401, path=self.path, detail=str(exc).splitlines()[0]) from exc
        if found > SCHEMA_VERSION:
            raise StoreError(Codes.E402, path=self.path, found=found, known=SCHEMA_VERSION)
        if found == SCHEMA_VERSION:
            return
        if self.read_only:
            # an older store: migrate it once with a short write connection, then read
            self.con.close()
            Store(self.path).close()
            self.con = duckdb.connect(str(self.path), read_only=True)
            return
        self._migrate(found)

    def _migrate(self, found: int) -> None:
        con = self.con
        _exec(con, VERSION_TABLE)
        for m in MIGRATIONS:
            if m.version <= found:
                continue
            con.begin()
            try:
                for sql in m.statements:
                    _exec(con, sql)
                _exec(
                    con,
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    [m.version, m.description, utcnow()],
                )
                con.commit()
            except BaseException:
                con.rollback()
                raise

    @property
    def schema_version(self) -> int:
        return self._found_version()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- helpers ----------------------------------------------------------------------------
    def _insert(self, table: str, data: pa.Table) -> None:
        if data.num_rows == 0:
            return
        name = f"_new_{table}"
        self.con.register(name, data)
        try:
            _exec(self.con, f"INSERT INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            self.con.unregister(name)

    def _ids_table(self, ids: Sequence[str]) -> pa.Table:
        return pa.table({"id": pa.array(list(ids), pa.string())})

    def _known(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        self.con.register("_ids", self._ids_table(ids))
        try:
            rows = self.con.execute("SELECT a.id FROM articles a JOIN _ids USING (id)").fetchall()
        finally:
            self.con.unregister("_ids")
        return {r[0] for r in rows}

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids (content hashes) are stored already."""
        return self._known(ids)

    def _reject_table(self, rejects: Sequence[Rejected], run_id: str | None) -> pa.Table:
        now = utcnow()
        return pa.table(
            {
                "origin": [r.origin for r in rejects],
                "code": [r.code for r in rejects],
                "message": [r.message for r in rejects],
                "time": [now] * len(rejects),
                "run_id": [run_id] * len(rejects),
            },
            schema=REJECT_SCHEMA,
        )

    def _add_rejects(self, rejects: Sequence[Rejected], run_id: str | None) -> int:
        """Insert rejects not recorded before (same origin and code); returns how many."""
        if not rejects:
            return 0
        self.con.register("_rej", self._reject_table(rejects, run_id))
        try:
            before = self._count("rejects")
            _exec(
                self.con,
                """
                INSERT INTO rejects
                SELECT DISTINCT ON (origin, code) r.* FROM _rej r
                WHERE NOT EXISTS (
                    SELECT 1 FROM rejects x WHERE x.origin = r.origin AND x.code = r.code
                )
                """,
            )
            return self._count("rejects") - before
        finally:
            self.con.unregister("_rej")

    def _count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
        return int(row[0]) if row else 0

    def _transaction(self) -> _Tx:
        return _Tx(self.con, self.path)

    # -- writes -----------------------------------------------------------------------------
    def add_rejects(self, rejects: Sequence[Rejected], run_id: str | None = None) -> int:
        """Record inputs that could not be read (one transaction)."""
        with self._transaction():
            return self._add_rejects(rejects, run_id)

    def add_coded(
        self,
        coded: pa.Table | None,
        rejects: Sequence[Rejected] = (),
        run_id: str | None = None,
    ) -> BatchResult:
        """Store a coded batch: new articles with their events, and rejects, in one transaction.

        Articles already stored (same content hash) are skipped and counted as duplicates.
        """
        res = BatchResult()
        with self._transaction():
            if coded is not None and coded.num_rows:
                failed = coded_rejects(coded)
                ok = coded.filter(coded.column("reject_code").is_null())
                ids = ok.column("id").to_pylist()
                known = self._known(ids)
                # one row per id, first wins (a batch may repeat a text)
                keep, seen = [], set(known)
                for i, aid in enumerate(ids):
                    if aid not in seen:
                        seen.add(aid)
                        keep.append(i)
                res.duplicates = len(ids) - len(keep)
                ok = ok.take(pa.array(keep, pa.int64()))
                events, actors = event_rows(coded_events(ok))
                now = utcnow()
                self._insert("articles", _articles_for_store(ok, now))
                self._insert("events", events)
                self._insert("actors", actors)
                self._insert_voices(ok)
                if events.num_rows:
                    from ..cluster.store import add_articles

                    add_articles(self.con, ok.column("id").to_pylist())
                res.stored = ok.num_rows
                res.events = events.num_rows
                rejects = [*rejects, *failed]
            res.rejected = len(rejects)
            self._add_rejects(rejects, run_id)
        return res

    def replace_coded(self, coded: pa.Table, run_id: str | None = None) -> BatchResult:
        """Replace stored articles' events with a re-coded batch, atomically (recode).

        An article the coder now rejects keeps its old events; the reject is recorded.
        """
        res = BatchResult()
        failed = coded_rejects(coded)
        ok = coded.filter(coded.column("reject_code").is_null())
        events, actors = event_rows(coded_events(ok))
        upd = _articles_for_store(ok, utcnow()).select(
            ["id", "coder_version", "coded_at", "n_events", "warnings"]
        )
        with self._transaction():
            from ..cluster.store import add_articles, drop_articles

            ids = upd.column("id").to_pylist()
            drop_articles(self.con, ids)
            self.con.register("_upd", upd)
            try:
                _exec(self.con, "DELETE FROM events WHERE article_id IN (SELECT id FROM _upd)")
                _exec(self.con, "DELETE FROM actors WHERE article_id IN (SELECT id FROM _upd)")
                for table in VOICE_TABLES:
                    _exec(
                        self.con, f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _upd)"
                    )
                self._insert("events", events)
                self._insert("actors", actors)
                self._insert_voices(ok)
                _exec(
                    self.con,
                    """
                    UPDATE articles SET coder_version = u.coder_version, coded_at = u.coded_at,
                        n_events = u.n_events, warnings = u.warnings
                    FROM _upd u WHERE articles.id = u.id
                    """,
                )
            finally:
                self.con.unregister("_upd")
            add_articles(self.con, ids)
            self._add_rejects(failed, run_id)
        res.stored = ok.num_rows
        res.events = events.num_rows
        res.rejected = len(failed)
        return res

    def _insert_voices(self, ok: pa.Table) -> None:
        for table, rows in zip(VOICE_TABLES, voice_rows(ok), strict=True):
            self._insert(table, rows)

    def write_events(self, events: pa.Table, actors: pa.Table | None = None) -> None:
        """Bulk-append ready-made event (and actor) tables in one transaction."""
        with self._transaction():
            self._insert("events", events)
            if actors is not None:
                self._insert("actors", actors)

    def recluster(self) -> dict[str, int]:
        """Rebuild every cluster of events across articles (one transaction)."""
        from ..cluster.store import recluster

        with self._transaction():
            return recluster(self.con)

    def start_run(self, command: str, engine: str, coder_version: str) -> str:
        run_id = uuid.uuid4().hex[:12]
        _exec(
            self.con,
            "INSERT INTO runs (run_id, command, engine, coder_version, started_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [run_id, command, engine, coder_version, utcnow()],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, coded: int, events: int, duplicates: int, rejected: int
    ) -> None:
        _exec(
            self.con,
            "UPDATE runs SET finished_at = ?, coded = ?, events = ?, duplicates = ?, "
            "rejected = ? WHERE run_id = ?",
            [utcnow(), coded, events, duplicates, rejected, run_id],
        )

    # -- reads ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self._count(t) for t in ("articles", "events", "actors", "rejects")}

    def article_ids(self, stale_for: str | None = None) -> list[str]:
        """Stored article ids, in ingest order; only those not coded by `stale_for` if given."""
        if stale_for is None:
            rows = self.con.execute("SELECT id FROM articles ORDER BY ingested_at, id")
        else:
            rows = self.con.execute(
                "SELECT id FROM articles WHERE coder_version IS DISTINCT FROM ? "
                "ORDER BY ingested_at, id",
                [stale_for],
            )
        return [r[0] for r in rows.fetchall()]

    def article_table(self, ids: Sequence[str]) -> pa.Table:
        """Stored articles as an article batch (the input of a coder)."""
        self.con.register("_ids", self._ids_table(ids))
        try:
            tbl = self.con.sql(
                "SELECT a.id, a.ext_id, a.text, strftime(a.date, '%Y-%m-%d') AS date, a.title, "
                "a.source, a.url, a.origin FROM articles a JOIN _ids USING (id) ORDER BY a.id"
            ).to_arrow_table()
        finally:
            self.con.unregister("_ids")
        return tbl.cast(ARTICLE_SCHEMA)

    def iter_event_rows(
        self, sql: str = "SELECT * FROM events ORDER BY article_id, event_index", rows: int = 8192
    ) -> Iterator[dict[str, Any]]:
        """Rows of a query over the events table, streamed in record batches."""
        reader = self.con.sql(sql).to_arrow_reader(rows)
        for batch in reader:
            yield from batch.to_pylist()

    def events(self, article_id: str | None = None) -> list[Event]:
        """Stored events as `Event` records (all, or one article's in order)."""
        if article_id is None:
            return [row_to_event(r) for r in self.iter_event_rows()]
        rel = self.con.sql(
            "SELECT * FROM events WHERE article_id = ? ORDER BY event_index", params=[article_id]
        )
        return [row_to_event(r) for r in rel.to_arrow_table().to_pylist()]

    def cursor(self) -> Store:
        """Another handle on this open store with a connection of its own (DuckDB's cursor):
        one thread's queries run beside another's instead of taking turns."""
        other = object.__new__(Store)
        other.path, other.read_only = self.path, self.read_only
        other.con = self.con.cursor()
        return other

    def confine(self) -> None:
        """No access outside this store for the SQL that follows, and no way to undo that:
        a user's query cannot read or list files (`read_csv`, `glob`), write them (`COPY ...
        TO`), attach another store or install and load extensions (DuckDB's
        `enable_external_access = false` under `lock_configuration`)."""

        def setting(name: str) -> object:
            row = self.con.execute(f"SELECT current_setting('{name}')").fetchone()
            return row[0] if row else None

        # DuckDB shares one database per file within a process: another handle may have
        # confined it already (then nothing can be set, nor needs to be)
        if setting("lock_configuration"):
            if not setting("enable_external_access"):
                return
            raise StoreError(
                Codes.E403, detail="the store's configuration is locked open by another handle"
            )
        for setting_sql in (
            "autoinstall_known_extensions = false",
            "autoload_known_extensions = false",
            "enable_external_access = false",
            "lock_configuration = true",
        ):
            self.con.execute(f"SET {setting_sql}")

    def query(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        """Run SQL (with bound `params`); the cursor's result streams. Errors become E403."""
        import duckdb

        try:
            return self.con.execute(sql, list(params) if params is not None else None)
        except duckdb.Error as exc:
            raise StoreError(Codes.E403, detail=str(exc).strip()) from exc

    def records(self, sql: str, params: Sequence[Any] | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts with JSON columns decoded, streamed: what `wirecoder query` prints and
        the web API serves."""
        import json

        cur = self.query(sql, params)
        desc = cur.description or []
        cols = [d[0] for d in desc]
        json_cols = {i for i, d in enumerate(desc) if str(d[1]).upper() == "JSON"}
        while rows := cur.fetchmany(2048):
            for row in rows:
                yield {
                    col: json.loads(v) if i in json_cols and isinstance(v, str) else v
                    for i, (col, v) in enumerate(zip(cols, row, strict=True))
                }


class _Tx:
    """BEGIN ... COMMIT, or ROLLBACK on any exception (including KeyboardInterrupt)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path) -> None:
        self.con = con
        self.path = path

    def __enter__(self) -> None:
        self.con.begin()

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        import duckdb

        if exc_type is None:
            try:
                self.con.commit()
            except duckdb.Error as err:
                raise StoreError(
                    Codes.E405, path=self.path, detail=str(err).splitlines()[0]
                ) from err
            return
        self.con.rollback()
        if isinstance(exc, duckdb.Error):
            raise StoreError(Codes.E405, path=self.path, detail=str(exc).splitlines()[0]) from exc


def _articles_for_store(ok: pa.Table, now: datetime) -> pa.Table:
    """Coded batch rows -> articles table rows (dates parsed, counts and times added)."""
    import json

    import pyarrow.compute as pc

    n_events = [len(json.loads(e)) if e else 0 for e in ok.column("events").to_pylist()]
    date = pc.cast(
        pc.strptime(ok.column("date"), format="%Y-%m-%d", unit="s", error_is_null=True),
        pa.date32(),
    )
    return pa.table(
        {
            "id": ok.column("id"),
            "ext_id": ok.column("ext_id"),
            "text": ok.column("text"),
            "date": date,
            "title": ok.column("title"),
            "source": ok.column("source"),
            "url": ok.column("url"),
            "origin": ok.column("origin"),
            "ingested_at": pa.array([now] * ok.num_rows, pa.timestamp("us")),
            "coder_version": ok.column("coder_version"),
            "coded_at": pa.array([now] * ok.num_rows, pa.timestamp("us")),
            "n_events": pa.array(n_events, pa.int32()),
            "warnings": ok.column("warnings"),
        }
    )


__all__ = ["BatchResult", "Store", "utcnow"]
