"""`wirecoder eval`: score the coder on gold data sets and show why it misses."""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer

from ..errors import WirecoderError
from .common import Report, data_root

#: set name -> module with `evaluate(root, limit=, errors=) -> Report`
SETS: dict[str, str] = {
    "petrarch": "wirecoder.eval.petrarch",
    "cameo": "wirecoder.eval.cameo",
    "synthetic": "wirecoder.eval.synthetic",
    "factuality": "wirecoder.eval.factuality",
    "location": "wirecoder.eval.location",
    "actors": "wirecoder.eval.actors",
    "attribution": "wirecoder.eval.attribution",
    "quotes": "wirecoder.eval.quotes",
    "framing": "wirecoder.eval.framing",
    "realnews": "wirecoder.eval.realnews",
    "protest": "wirecoder.eval.protest",
    "clusters": "wirecoder.eval.clusters",
    "stories": "wirecoder.eval.stories",
    "notes": "wirecoder.eval.notes",
}
#: sets left out when none are named: `stories` codes about 800 documents on its first run,
#: `protest` about 700
SLOW = {"stories", "protest"}


def run_sets(
    names: list[str],
    root: Path,
    limit: int | None,
    errors: int,
    split: str = "dev",
    fast: bool = False,
) -> list[Report]:
    reports = []
    for name in names:
        evaluate: Callable[..., Report] = import_module(SETS[name]).evaluate
        kwargs: dict[str, object] = {"limit": limit, "errors": errors}
        params = inspect.signature(evaluate).parameters
        if "fast" in params:  # the set builds coders of its own (a fictional world's actors)
            kwargs["fast"] = fast
        elif "coder" in params:
            from ..coder import default_coder

            kwargs["coder"] = default_coder((), fast)
        if "split" in inspect.signature(evaluate).parameters:
            kwargs["split"] = split
        reports.append(evaluate(root, **kwargs))
    return reports


def print_report(rep: Report, confusion: bool) -> None:
    from rich.console import Console
    from rich.markup import escape as esc
    from rich.table import Table

    con = Console()
    con.print(f"\n[bold]{rep.name}[/bold]: {rep.n} items scored, {rep.skipped} skipped")
    for note in rep.notes:
        con.print(f"  [dim]{note}[/dim]")
    t = Table(show_header=True, header_style="bold")
    t.add_column("metric")
    t.add_column("value", justify="right")
    for k, v in rep.metrics.items():
        t.add_row(k, f"{v:.3f}")
    con.print(t)
    if rep.per_label:
        t = Table(title="per label", header_style="bold")
        for col in ("label", "P", "R", "F1", "gold", "predicted"):
            t.add_column(col, justify="right" if col != "label" else "left")
        for lab, stats in rep.per_label.items():
            t.add_row(
                lab,
                f"{stats['p']:.2f}",
                f"{stats['r']:.2f}",
                f"{stats['f1']:.2f}",
                str(int(stats["support"])),
                str(int(stats["predicted"])),
            )
        con.print(t)
    for title, rows in rep.tables.items():
        if not rows:
            continue
        t = Table(title=title, header_style="bold")
        for col in rows[0]:
            t.add_column(col, justify="right")
        for cells in rows:
            t.add_row(
                *(
                    f"{v:.0f}" if float(v).is_integer() and v > 1 else f"{v:.3f}"
                    for v in cells.values()
                )
            )
        con.print(t)
    if confusion and rep.confusion:
        labels = sorted(set(rep.confusion) | {p for row in rep.confusion.values() for p in row})
        t = Table(title="confusion (rows gold, columns predicted)", header_style="bold")
        t.add_column("gold \\ pred")
        for lab in labels:
            t.add_column(lab[:6], justify="right")
        for g in labels:
            row: dict[str, int] = dict(rep.confusion.get(g, {}))
            t.add_row(g, *[str(row.get(p, "")) for p in labels])
        con.print(t)
    for m in rep.misses:
        con.print(
            f"[red]miss[/red] {esc(m.id)}: {esc(m.text)}\n   gold: {esc(m.gold)}"
            f"\n   ours: {esc(m.predicted)}" + (f"\n   why: {esc(m.why)}" if m.why else "")
        )


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        sets: Annotated[
            list[str] | None,
            typer.Argument(
                help=f"Which gold sets: {', '.join(SETS)} (default: all but {', '.join(SLOW)})."
            ),
        ] = None,
        data: Annotated[
            Path | None,
            typer.Option(
                "--data",
                help="Folder with the gold sets (default: $WIRECODER_DATA or ../shared/data).",
            ),
        ] = None,
        limit: Annotated[
            int | None,
            typer.Option(help="Score only the first N items of each set (quick checks)."),
        ] = None,
        confusion: Annotated[
            bool, typer.Option("--confusion", help="Print the confusion matrix of event types.")
        ] = False,
        errors: Annotated[
            int,
            typer.Option(
                "--errors", help="List up to N misses per set, with the text and both codings."
            ),
        ] = 0,
        as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
        split: Annotated[
            str,
            typer.Option(
                help="dev (held back from training, the default), train, all, or test "
                "(realnews, protest and clusters: the blind split, figures without errors)."
            ),
        ] = "dev",
        fast: Annotated[
            bool, typer.Option("--fast", help="Score the coder without its learned decision.")
        ] = False,
    ) -> None:
        """Score wirecoder on gold data: precision, recall and F1 per event type, dyads, status and more.

        Sets: petrarch (PETRARCH unit tests via the CAMEO→PLOVER crosswalk; types and dyads per
        source-target record), cameo (5-class quad label and source/target spans), synthetic
        (held-back split of the synthetic PLOVER stories), factuality (status against the sign of
        token factuality labels), location (the event's place at the gold verb), actors (country
        and sector of actor strings), attribution (speaker and cue of reported speech against
        PolNeAR), realnews (the team's real-news gold: precision of asserted events, all-right
        precision, recall, status, dates, parties; docs/annotation_realnews.md), clusters
        (cross-document event coreference on ECB+ gold mentions: MUC, B3, CEAF-e, CoNLL F1
        beside a same-lemma baseline; --split test scores the frozen blind topics), stories
        (the ECB+ documents ingested as raw text: do the articles of one story share a
        cluster, do clusters join articles of one story, are sources counted right), protest
        (GLOCON's protest articles and sentences: is a protest coded where the gold says one
        happened, beside a keyword baseline; --split test scores the frozen blind articles),
        notes (180 conflict notes in ACLED's style the team wrote: macro-F1 of the main event's
        type; --split test scores the 90 kept out of every fix).
        """
        names = sets or [n for n in SETS if n not in SLOW]
        unknown = [n for n in names if n not in SETS]
        if unknown:
            sys.stderr.write(
                json.dumps(
                    {"error": "E303", "message": f"unknown set(s) {unknown}; known: {list(SETS)}"}
                )
                + "\n"
            )
            raise typer.Exit(2)
        root = data_root(data)
        try:
            reports = run_sets(names, root, limit, errors, split, fast)
        except WirecoderError as err:
            sys.stderr.write(json.dumps({"error": err.code, "message": err.detail}) + "\n")
            raise typer.Exit(3) from err
        if as_json:
            sys.stdout.write(
                json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=1) + "\n"
            )
            return
        for rep in reports:
            print_report(rep, confusion)
