"""`wirecoder ingest | recode | query | export | stats`: thin commands over the store API.

Exit codes are those of `wirecoder/cli.py`: 0 done, 1 some inputs rejected, 2 usage (bad
option, bad SQL), 3 nothing done (every input rejected, store missing), 4 installation broken.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..cli import (
    EXIT_NOTHING,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ActorsOpt,
    DateOpt,
    TriggersOpt,
    _err,
    _fail,
)
from ..errors import Codes, ConfigError, WirecoderError

if TYPE_CHECKING:
    from .ingest import RunSummary

DbOpt = Annotated[Path, typer.Option("--db", help="The event store (a DuckDB file).")]
EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        "-e",
        help="local (this machine; --workers processes) or ray (a Ray actor pool; "
        "needs pip install 'wirecoder[ray]').",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        help="Coding workers: processes (local, default 1) or Ray actors (ray, default: CPUs).",
    ),
]
AddressOpt = Annotated[
    str | None,
    typer.Option(
        "--address",
        help="Ray cluster to join (ray://host:10001 or host:6379); default: start one here.",
    ),
]
StagingOpt = Annotated[
    Path | None,
    typer.Option(
        "--staging",
        help="Ray engine: folder for Parquet shards and parts; on a cluster, one every node "
        "can reach. Default: a temporary folder.",
    ),
]
BatchOpt = Annotated[
    int,
    typer.Option("--batch-size", help="Articles per batch; each batch is one transaction."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log each committed batch on stderr.")
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
FastOpt = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="Skip the learned decision (MiniLM) over event candidates: faster, less precise.",
    ),
]


def _exit(err: WirecoderError) -> typer.Exit:
    if err.code == "E403":  # bad SQL is a usage error
        _err({"error": err.code, "message": err.detail})
        return typer.Exit(EXIT_USAGE)
    return _fail(err)


def _logging(verbose: bool) -> None:
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        logger = logging.getLogger("wirecoder")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


class _Bar:
    """A rich progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.progress: Any = None
        self.task: Any = None
        if not (enabled and sys.stderr.isatty()):
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task(label, total=None, info="")
        self.progress.start()

    def __call__(self, s: RunSummary) -> None:
        if self.progress is None:
            return
        done = s.read if s.command == "ingest" else s.coded + s.rejected
        info = (
            f"{s.coded} coded · {s.duplicates} duplicates · {s.rejected} rejected"
            f" · {s.rate:.1f} articles/s"
        )
        self.progress.update(self.task, completed=done, total=s.total, info=info)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _report(summary: RunSummary, as_json: bool) -> None:
    for r in summary.rejects:
        _err({"rejected": r.origin, "code": r.code, "message": r.message})
    more = summary.rejected - len(summary.rejects)
    if more > 0:
        sys.stderr.write(f"... and {more} more rejects (see the rejects table)\n")
    sys.stderr.write(summary.line() + "\n")
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")


def _exit_code(summary: RunSummary) -> None:
    if summary.rejected and summary.coded == 0 and summary.duplicates == 0:
        raise typer.Exit(EXIT_NOTHING)
    if summary.rejected:
        raise typer.Exit(EXIT_PARTIAL)


def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (recursively): .txt (headline first), .jsonl/.json, "
            ".html, .parquet (a text column); '-' reads standard input."
        ),
    ],
    db: DbOpt,
    date: DateOpt = None,
    engine: EngineOpt = "local",
    workers: WorkersOpt = None,
    address: AddressOpt = None,
    staging: StagingOpt = None,
    actors: ActorsOpt = None,
    triggers: TriggersOpt = None,
    batch_size: BatchOpt = 64,
    any_language: Annotated[
        bool, typer.Option("--any-language", help="Skip the English check (E109).")
    ] = False,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
    fast: FastOpt = False,
) -> None:
    """Code articles into the event store. Safe to repeat and to resume after a crash.

    An article already stored (same text) is skipped; bad inputs are recorded in the rejects
    table with a coded reason and the run goes on.
    """
    from .ingest import ingest as run

    _logging(verbose)
    bar = _Bar("ingest", not quiet)
    try:
        summary = run(
            inputs,
            db,
            date=date,
            engine=engine,
            workers=workers,
            address=address,
            staging=staging,
            actors=actors or (),
            triggers=triggers or (),
            batch_size=batch_size,
            english=not any_language,
            progress=bar,
            engine_progress=not quiet,
            fast=fast,
        )
    except WirecoderError as err:
        raise _exit(err) from err
    finally:
        bar.stop()
    _report(summary, as_json)
    _exit_code(summary)


def recode(
    db: DbOpt,
    all_articles: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Re-code every article, not only those coded by another wirecoder version "
            "(use after changing --actors or --triggers files).",
        ),
    ] = False,
    engine: EngineOpt = "local",
    workers: WorkersOpt = None,
    address: AddressOpt = None,
    staging: StagingOpt = None,
    actors: ActorsOpt = None,
    triggers: TriggersOpt = None,
    batch_size: BatchOpt = 64,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = False,
    quiet: QuietOpt = False,
    fast: FastOpt = False,
) -> None:
    """Re-code stored articles with this wirecoder; each batch's events are replaced atomically."""
    from .ingest import recode as run

    _logging(verbose)
    bar = _Bar("recode", not quiet)
    try:
        summary = run(
            db,
            all_articles=all_articles,
            engine=engine,
            workers=workers,
            address=address,
            staging=staging,
            actors=actors or (),
            triggers=triggers or (),
            batch_size=batch_size,
            progress=bar,
            engine_progress=not quiet,
            fast=fast,
        )
    except WirecoderError as err:
        raise _exit(err) from err
    finally:
        bar.stop()
    _report(summary, as_json)
    _exit_code(summary)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def query(
    sql: Annotated[str, typer.Argument(help="SQL over articles, events, actors, rejects, runs.")],
    db: DbOpt,
    csv: Annotated[bool, typer.Option("--csv", help="CSV with a header instead of JSONL.")] = False,
    allow_files: Annotated[
        bool,
        typer.Option(
            "--allow-files",
            help="Let the SQL read and write files outside the store (read_csv, COPY ... TO "
            "'out.csv', ATTACH). Off by default: a query sees the store only.",
        ),
    ] = False,
) -> None:
    """Run read-only SQL on the store; one JSON object per row on stdout (or CSV).

    The SQL sees the store only: no file reads or writes, no other database, no extensions,
    unless --allow-files.
    """
    import csv as csvmod

    from . import Store

    try:
        with Store(db, read_only=True) as store:
            if not allow_files:
                store.confine()
            if not csv:
                for rec in store.records(sql):
                    line = json.dumps(rec, default=_jsonable, ensure_ascii=False)
                    sys.stdout.write(line + "\n")
                return
            cur = store.query(sql)
            writer = csvmod.writer(sys.stdout)
            writer.writerow([d[0] for d in cur.description or []])
            while rows := cur.fetchmany(2048):
                writer.writerows(["" if v is None else v for v in row] for row in rows)
    except WirecoderError as err:
        raise _exit(err) from err


def export(
    db: DbOpt,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="parquet | csv | plover-json | gdelt-tsv (one row per dyad)."
        ),
    ] = "plover-json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file (default: stdout).")
    ] = None,
    where: Annotated[
        str | None,
        typer.Option("--where", help='SQL condition on events (alias e), e.g. "e.quad = 4".'),
    ] = None,
    include_history: Annotated[
        bool,
        typer.Option(
            "--include-history",
            help="Also export events flagged historical: earlier events an article recounts "
            "as background (left out of CSV, PLOVER JSON and GDELT TSV by default; Parquet "
            "always holds them).",
        ),
    ] = False,
    all_statuses: Annotated[
        bool,
        typer.Option(
            "--all-statuses",
            help="Also export negated, hypothetical and requested actions ('did not attack', "
            "'could attack', 'urged to withdraw'), which PLOVER does not record as events. "
            "Promises and threats are exported by default, as AGREE, CONCEDE or THREATEN.",
        ),
    ] = False,
    per: Annotated[
        str,
        typer.Option(
            "--per",
            help="event (one row per event, the default) or cluster (one row per real-world "
            "event: reports across articles joined; --where then applies to clusters, alias c).",
        ),
    ] = "event",
) -> None:
    """Export the store's events: Parquet, CSV, PLOVER JSON (JSONL) or GDELT-style TSV."""
    from . import Store
    from .export import export as run_events

    def run(store: Store, fmt: str, out: Any, **kw: Any) -> int:
        if per == "cluster":
            from ..cluster.api import export_clusters

            return export_clusters(store, fmt, out, kw["where"])
        if per != "event":
            raise ConfigError(Codes.E303, option="--per", detail="event or cluster")
        return run_events(store, fmt, out, **kw)

    try:
        if fmt == "parquet" and output is None and sys.stdout.isatty():
            raise ConfigError(
                Codes.E303, option="--format parquet", detail="binary output; use -o FILE"
            )
        with Store(db, read_only=True) as store:
            if output is None:
                n = run(
                    store,
                    fmt,
                    sys.stdout.buffer,
                    where=where,
                    include_history=include_history,
                    all_statuses=all_statuses,
                )
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as f:
                    n = run(
                        store,
                        fmt,
                        f,
                        where=where,
                        include_history=include_history,
                        all_statuses=all_statuses,
                    )
    except WirecoderError as err:
        raise _exit(err) from err
    sys.stderr.write(f"exported {n} rows ({fmt}) from {db}\n")


def stats(
    db: DbOpt,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also draw the counts to this PNG file.")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many country pairs to list.")] = 15,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of tables.")] = False,
) -> None:
    """Counts by event type, country pair and month (and a PNG chart with --png)."""
    from . import Store
    from .stats import _plural, plot_stats, store_stats

    try:
        with Store(db, read_only=True) as store:
            st = store_stats(store, top=top)
    except WirecoderError as err:
        raise _exit(err) from err
    if png is not None:
        plot_stats(st, png)
        sys.stderr.write(f"chart written to {png}\n")
    if as_json:
        sys.stdout.write(json.dumps(st, default=_jsonable) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    con = Console()
    c = st["counts"]
    con.print(
        f"[bold]{db}[/bold]: {_plural(c['articles'], 'article')}, "
        f"{_plural(c['events'], 'event')}, {_plural(c['actors'], 'actor mention')}, "
        f"{_plural(c['rejects'], 'reject')}"
    )
    for title, key, heads in (
        ("by type", "by_type", ("type", "events")),
        ("by country pair (both sides known)", "by_dyad", ("source", "target", "events")),
        (f"by {st['time_bin']}", "by_time", (st["time_bin"], "events")),
        ("by status", "by_status", ("status", "events")),
        ("rejects", "rejects_by_code", ("code", "inputs")),
        ("framing by outlet", "framing_by_source", ("outlet", "category", "spans", "articles")),
        ("framing by target", "framing_by_target", ("target", "country", "category", "spans")),
    ):
        if not st[key]:
            continue
        t = Table(title=title, header_style="bold")
        for h in heads:
            right = h in ("events", "inputs", "spans", "articles")
            t.add_column(h, justify="right" if right else "left")
        for row in st[key]:
            t.add_row(*[str(v) for v in row])
        con.print(t)
        if key == "by_dyad" and st["one_sided"]:
            con.print(f"{_plural(st['one_sided'], 'event')} with a side of no known country")


def register(app: typer.Typer) -> None:
    """Add the store commands to the `wirecoder` app."""
    for fn in (ingest, recode, query, export, stats):
        app.command()(fn)


__all__ = ["register"]
