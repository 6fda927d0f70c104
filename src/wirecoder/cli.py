"""The `wirecoder` command: a thin shell over the Python API.

Exit codes (the same for every command):
  0  everything asked for was done
  1  partial: some inputs were rejected (they are listed on stderr), the rest were coded
  2  usage or configuration error (bad option, unreadable dictionary)
  3  nothing could be done: every input was rejected, or the store/data set is missing
  4  wirecoder itself is broken (model or shipped data missing)
  5  wirecoder crashed (a bug): the traceback, then error E901, on stderr
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .errors import (
    Codes,
    ConfigError,
    EngineError,
    EvalError,
    InputError,
    ResourceError,
    StoreError,
    WirecoderError,
    warning,
)

if TYPE_CHECKING:
    from .records import Article, Rejected

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING, EXIT_BROKEN, EXIT_CRASH = 0, 1, 2, 3, 4, 5


class _Flags:
    """Show on/off options as flags: typer labels them `<bool>`, as if they took a value
    (`--pretty <bool>`)."""

    params: list[Any]

    def _plain_flags(self) -> None:
        for param in self.params:
            if getattr(param, "is_flag", False):
                param.metavar = ""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
        return option


class _Command(_Flags, typer.core.TyperCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain_flags()


class _Group(_Flags, typer.core.TyperGroup):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain_flags()


class _App(typer.Typer):
    """Every command, wherever it is registered, shows its flags as flags."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", _Command)
        return super().command(*args, **kwargs)


app = _App(
    cls=_Group,
    name="wirecoder",
    help="Auditable PLOVER event data from news text: who did what to whom, when, where, "
    "according to whom, and how firmly the text claims it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # paragraphs reflow to the terminal's width (docstring line breaks are not kept)
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        from ._version import __version__

        typer.echo(f"wirecoder {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Auditable PLOVER event data from news text: who did what to whom, when, where,
    according to whom, and how firmly the text claims it."""


DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="Publication date (YYYY-MM-DD) for inputs that carry none; anchors 'on Tuesday'. "
        "Without one, such dates are null (a warning says so once).",
    ),
]
ActorDateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="The date (YYYY-MM-DD) the strings are from: picks who held an office then "
        "('the Iraqi defense minister' in 2015). Default: today's office holders.",
    ),
]
TriggersOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--triggers",
        "-t",
        help="Your own trigger words (the format of wirecoder's events/data/triggers.txt); "
        "they replace the built-in entries for the same word. Repeatable.",
    ),
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        "-a",
        help="Your own actor dictionary (YAML or TSV); overrides the built-ins. Repeatable.",
    ),
]


def _err(obj: dict[str, Any]) -> None:
    sys.stderr.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _fail(err: WirecoderError) -> typer.Exit:
    _err({"error": err.code, "message": err.detail})
    if isinstance(err, ResourceError):
        return typer.Exit(EXIT_BROKEN)
    if isinstance(err, ConfigError):
        return typer.Exit(EXIT_USAGE)
    if isinstance(err, StoreError | EvalError | EngineError | InputError):
        return typer.Exit(EXIT_NOTHING)
    return typer.Exit(EXIT_BROKEN)


@app.command()
def code(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files or folders to code: .txt (headline on the first line), .jsonl/.json "
            "(one article per line or object: id, text, optional date, title, source, url), "
            ".html (the page's main text), .parquet (a text column). '-' or nothing reads "
            "standard input (any of these formats)."
        ),
    ] = None,
    date: DateOpt = None,
    actors: ActorsOpt = None,
    triggers: TriggersOpt = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="Keep only events with this status (asserted, negated, future, "
            "hypothetical, requested). Repeatable. Default: all, each record says which.",
        ),
    ] = None,
    min_confidence: Annotated[
        float, typer.Option(help="Drop events below this confidence (0-1).")
    ] = 0.0,
    pretty: Annotated[
        bool, typer.Option("--pretty", help="A readable table instead of JSONL.")
    ] = False,
    fast: Annotated[
        bool,
        typer.Option(
            "--fast",
            help="Skip the learned decision (MiniLM) over event candidates: faster, less "
            "precise; the rules and wirecoder's own lexicon decide alone.",
        ),
    ] = False,
    any_language: Annotated[
        bool,
        typer.Option(
            "--any-language", help="Skip the English check (E109), as `ingest --any-language`."
        ),
    ] = False,
) -> None:
    """Code articles into PLOVER events: one JSON object per event on stdout.

    Bad inputs (empty, binary, not UTF-8, unreadable JSON lines) are reported on stderr with a
    coded reason; the other articles are still coded and the exit code is 1.
    """
    from .coder import Coder
    from .read import english_only, read_path
    from .read._checks import option_date

    paths = inputs or ["-"]
    warned = False
    try:
        from .analysis import CoderConfig

        date = option_date(date)
        coder = Coder(CoderConfig(fast=fast), actors=actors or (), triggers=triggers or ())
        records: Iterator[Article | Rejected]
        records = (r for p in paths for r in read_path(p, date))
        if not any_language:
            records = english_only(records)
        coded = rejected = 0
        rows = []
        for res in coder.code_many(records):
            if res.rejected is not None:
                rejected += 1
                _err(
                    {
                        "rejected": res.rejected.origin,
                        "code": res.rejected.code,
                        "message": res.rejected.message,
                    }
                )
                continue
            coded += 1
            if (
                not warned
                and res.article is not None
                and res.article.date is None
                and any(ev.date is None for ev in res.events)
            ):
                warned = True  # once per run: the same advice for every undated article
                w = warning(Codes.W001, input=res.article.origin or res.article.id)
                _err({"warning": w["code"], "message": w["message"]})
            for ev in res.events:
                if status and ev.status not in status:
                    continue
                if ev.confidence < min_confidence:
                    continue
                if pretty:
                    rows.append(ev)
                else:
                    sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        if pretty:
            _print_table(rows)
    except WirecoderError as err:
        raise _fail(err) from err
    if coded == 0 and rejected:
        raise typer.Exit(EXIT_NOTHING)
    if rejected:
        raise typer.Exit(EXIT_PARTIAL)


_LEGEND = (
    "(SOM MIL): the actor's country code and PLOVER sector, ? where unknown. status: asserted "
    "(stated as fact), negated, future, hypothetical or requested, with the outlet's hedge in "
    "brackets. ⇄: reciprocal. sent: the sentence, 0 for the headline. according to: the "
    "speaker, after the outlets or people the words came through. JSONL (without --pretty) "
    "holds every field with its character offsets."
)


_COLUMNS = ("sent", "type", "mode", "status", "source", "target", "trigger", "date", "place",
            "according to")  # fmt: skip


def _side(actors: list[Any]) -> str:
    return ", ".join(
        f"{a.name or a.text} ({a.country or '?'} {a.sector or ''})".replace(" )", ")")
        for a in actors
    )


def _fields(ev: Any) -> dict[str, str]:
    """One event as the short strings a reader scans: the same for the table and the cards."""
    sp = ev.attribution.speaker
    who = (sp.name or sp.text) if sp else ""
    if ev.attribution.via:
        who = " → ".join([*ev.attribution.via, who] if who else ev.attribution.via)
    return {
        "sent": str(ev.sentence_index),
        "type": ev.event_type + (" ⇄" if ev.reciprocal else ""),
        "mode": ev.mode or "",
        "status": ev.status + (f" ({ev.hedge.text})" if ev.hedge else ""),
        "source": _side(ev.source),
        "target": _side(ev.target),
        "trigger": ev.trigger.text,
        "date": (ev.date or "") + (f" ({ev.date_text})" if ev.date_text else ""),
        "place": ev.location.name if ev.location else "",
        "according to": who,
    }


def _print_table(events: list[Any]) -> None:
    """A table on a wide terminal; on a narrow one (under 120 columns) one block per event,
    so no cell is cut mid-word. A legend says what the columns hold."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    rows = [_fields(ev) for ev in events]
    if console.width >= 120:
        table = Table(show_lines=False, header_style="bold")
        for col in _COLUMNS:
            table.add_column(col, overflow="fold")
        for row in rows:
            table.add_row(*row.values())
        console.print(table)
    else:
        for n, row in enumerate(rows, 1):
            head = f"[bold]{n}. {row['type']}[/bold]"
            head += f" {row['mode']}" if row["mode"] else ""
            head += f", {row['status']}, sentence {row['sent']}, trigger “{row['trigger']}”"
            console.print(head)
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="dim", no_wrap=True, min_width=15)
            grid.add_column(ratio=1)
            for key in ("source", "target", "date", "place", "according to"):
                if row[key]:
                    grid.add_row(f"   {key}", row[key])
            console.print(grid)
    word = "event" if len(rows) == 1 else "events"
    console.print(f"[dim]{len(rows)} {word}. {_LEGEND}[/dim]")


@app.command()
def actor(
    texts: Annotated[
        list[str],
        typer.Argument(help='Actor strings, e.g. "Iraqi Defense Minister Khaled al-Obeidi".'),
    ],
    date: ActorDateOpt = None,
    actors: ActorsOpt = None,
) -> None:
    """Show how actor strings resolve (name, country, sector, Wikidata id) and why."""
    from .actors.strings import resolve_string
    from .coder import Coder
    from .read._checks import option_date

    try:
        date = option_date(date)
        coder = Coder(actors=actors or ())
        for text in texts:
            m = resolve_string(text, coder.resources, date)
            out: dict[str, Any] = {
                "text": text,
                "name": None,
                "country": None,
                "sector": None,
                "wikidata": None,
            }
            if m is not None:
                out.update(
                    name=m.name,
                    country=m.country,
                    sector=m.sector,
                    wikidata=m.wikidata,
                    matched=m.text,
                    rule="; ".join(m.rule) or None,
                )
            else:
                out["rule"] = "unresolved: no known name, role word or named entity"
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    except WirecoderError as err:
        raise _fail(err) from err


@app.command()
def demo(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Print the events as JSONL instead of a table.")
    ] = False,
) -> None:
    """Code the built-in example article (wirecoder's own text) and show the events."""
    from importlib import resources

    from .coder import Coder

    text = (
        resources.files("wirecoder.examples")
        .joinpath("example_article.txt")
        .read_text(encoding="utf-8")
    )
    try:
        events = Coder().code(text, date=EXAMPLE_DATE)
    except WirecoderError as err:
        raise _fail(err) from err
    if jsonl:
        for ev in events:
            sys.stdout.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
        return
    from rich.console import Console

    Console().print(f"[bold]{text.splitlines()[0]}[/bold]  (published {EXAMPLE_DATE})")
    _print_table(events)


EXAMPLE_DATE = "2021-03-03"


def main() -> None:
    """Entry point: register the commands that live in other modules, then run."""
    import os

    # OpenMP threads (PyTorch's, under MiniLM) wait for work asleep rather than spinning: on a
    # busy machine a spinning thread takes the core the working one needs, and one sentence
    # took 0.5 s instead of 0.02 s. The same threads split the same work, so the numbers are
    # the same. Set before anything loads OpenMP; the user's own setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from .cli_more import register

    register(app)
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - a bug: say so, and never exit 1 ("some rejected")
        import traceback

        from .errors import Codes

        traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}"
        _err({"error": "E901", "message": Codes.E901.value.template.format(detail=detail)})
        raise SystemExit(EXIT_CRASH) from None


if __name__ == "__main__":  # pragma: no cover
    main()
