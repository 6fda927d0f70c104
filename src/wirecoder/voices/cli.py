"""`wirecoder analyze`: one JSON object per article with its events, quotes, framing, claims."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from ..cli import EXIT_NOTHING, EXIT_PARTIAL, ActorsOpt, DateOpt, TriggersOpt, _err, _fail

if TYPE_CHECKING:
    from ..records import Article, Rejected


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(
        inputs: Annotated[
            list[str] | None,
            typer.Argument(
                help="Files or folders, as for `code` (.txt, .jsonl/.json, .html, .parquet); "
                "'-' or nothing reads standard input."
            ),
        ] = None,
        date: DateOpt = None,
        actors: ActorsOpt = None,
        triggers: TriggersOpt = None,
        fast: Annotated[
            bool,
            typer.Option("--fast", help="Skip the learned decision over event candidates."),
        ] = False,
        any_language: Annotated[
            bool, typer.Option("--any-language", help="Skip the English check (E109).")
        ] = False,
    ) -> None:
        """Who says what: one JSON object per article on stdout.

        {article: {id, title, date, source, url}, events, quotes, framing, claims}: the events
        `code` gives, every attribution (speaker, anonymous or not, cue, content, direct or
        indirect, the chain it came through), the outlet's own framing words outside quotes,
        and claims one source makes and another denies. Bad inputs go to stderr with a coded
        reason, as for `code`.
        """
        from ..analysis import CoderConfig
        from ..coder import Coder
        from ..errors import WirecoderError
        from ..read import english_only, read_path
        from ..read._checks import option_date

        done = rejected = 0
        try:
            day = option_date(date)
            coder = Coder(CoderConfig(fast=fast), actors=actors or (), triggers=triggers or ())
            records: Iterator[Article | Rejected]
            records = (r for p in inputs or ["-"] for r in read_path(p, day))
            if not any_language:
                records = english_only(records)
            for res in coder.code_many(records, voices=True):
                if res.rejected is not None or res.voices is None:
                    rejected += 1
                    if res.rejected is not None:
                        _err({"rejected": res.rejected.origin, "code": res.rejected.code,
                              "message": res.rejected.message})  # fmt: skip
                    continue
                done += 1
                sys.stdout.write(json.dumps(res.voices.to_dict(), ensure_ascii=False) + "\n")
        except WirecoderError as err:
            raise _fail(err) from err
        if done == 0 and rejected:
            raise typer.Exit(EXIT_NOTHING)
        if rejected:
            raise typer.Exit(EXIT_PARTIAL)


__all__ = ["register"]
