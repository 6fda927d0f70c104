"""`wirecoder recluster | clusters`: build and read the store's clusters of events."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import WirecoderError


def recluster(
    db: Annotated[Path, typer.Option("--db", help="The event store (a DuckDB file).")],
) -> None:
    """Rebuild the clusters of events across articles (after a model change or an upgrade)."""
    from ..store import Store
    from ..store.cli import _exit

    try:
        with Store(db, create=False) as store:
            res = store.recluster()
    except WirecoderError as err:
        raise _exit(err) from err
    sys.stderr.write(
        f"{res['events']} events in {res['clusters']} clusters "
        f"({res['joined']} join more than one event) in {db}\n"
    )


def clusters(
    db: Annotated[Path, typer.Option("--db", help="The event store (a DuckDB file).")],
    where: Annotated[
        str | None,
        typer.Option(
            "--where",
            help='SQL condition on clusters (alias c), e.g. "c.n_sources >= 3 AND '
            "c.event_type = 'ASSAULT'\".",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="One JSON object per cluster, with members and reasons."),
    ] = False,
    disputes: Annotated[
        bool,
        typer.Option(
            "--disputes",
            help="Instead, one JSON object per cluster another article denies: its reports "
            "and the denials, with why each denial was paired.",
        ),
    ] = False,
) -> None:
    """List clusters: one real-world event each, with how many articles and independent
    sources report it (wire copies and one outlet count once)."""
    from ..store import Store
    from ..store.cli import _exit
    from .api import iter_clusters

    try:
        with Store(db, read_only=True) as store:
            store.confine()
            if disputes:
                from .disputes import disputes as find_disputes

                for rec in find_disputes(store):
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                return
            if as_json:
                for rec in iter_clusters(store, where):
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                return
            _table(list(iter_clusters(store, where)))
    except WirecoderError as err:
        raise _exit(err) from err


def _table(recs: list[dict[str, object]]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(header_style="bold")
    for col in (
        "cluster",
        "type",
        "status",
        "dates",
        "parties",
        "place",
        "events",
        "articles",
        "sources",
    ):
        t.add_column(col, justify="right" if col in ("events", "articles", "sources") else "left")
    for r in recs:
        src = ",".join(r["source_countries"]) or "-"  # type: ignore[arg-type]
        tgt = ",".join(r["target_countries"]) or "-"  # type: ignore[arg-type]
        dates = f"{r['date_first'] or '?'}" + (
            f"..{r['date_last']}" if r["date_last"] != r["date_first"] else ""
        )
        t.add_row(
            str(r["cluster_id"]),
            str(r["event_type"]),
            str(r["status"]),
            dates,
            f"{src}->{tgt}",
            str(r["place"] or ""),
            str(r["n_events"]),
            str(r["n_articles"]),
            str(r["n_sources"]),
        )
    Console().print(t)


def register(app: typer.Typer) -> None:
    """Add the cluster commands to the `wirecoder` app."""
    for fn in (recluster, clusters):
        app.command()(fn)


__all__ = ["register"]
