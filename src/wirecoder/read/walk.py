"""Directories: every file below, recursively, in a stable order.

Order is sorted by path so that two runs over the same tree see articles in the same order
(reproducible progress, reproducible reject lists). Hidden files and folders (".git",
".DS_Store") are skipped; symbolic links to folders are not followed, so a link loop cannot
make a run endless.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path


def walk_files(
    root: str | Path, on_error: Callable[[OSError], None] | None = None
) -> Iterator[Path]:
    """Files under `root` (recursively, sorted, hidden ones skipped). `on_error` hears of each
    folder that cannot be listed (its `filename` is the folder), before the files after it."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


__all__ = ["walk_files"]
