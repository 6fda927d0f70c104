"""Commands that live next to the code they drive; each area registers its own."""

from __future__ import annotations

from importlib import import_module

import typer

#: Modules with a `register(app)` function, in the order their commands appear in --help.
COMMAND_MODULES = (
    "wirecoder.voices.cli",
    "wirecoder.eval.cli",
    "wirecoder.store.cli",
    "wirecoder.cluster.cli",
    "wirecoder.serve.cli",
)


def register(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        import_module(name).register(app)
