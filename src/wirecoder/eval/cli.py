"""`wirecoder eval` (filled in with the evaluation harness)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
