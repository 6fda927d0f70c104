"""A small on-disk cache under the user's cache folder, for data that is slow to build.

Entries are keyed by a content hash of their inputs, so a new wirecoder or new data never reads
a stale entry; an unwritable folder or a damaged entry only means building again.
The folder: `$WIRECODER_CACHE_DIR`, else `$XDG_CACHE_HOME/wirecoder`, else `~/.cache/wirecoder`
(`%LOCALAPPDATA%\\wirecoder\\cache` on Windows).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger("wirecoder.cache")
#: What unpickling a truncated, damaged or foreign file raises.
_DAMAGED = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    IndexError,
    KeyError,
    TypeError,
    ValueError,
)


def cache_dir() -> Path:
    """Where wirecoder keeps what it builds once per installation."""
    env = os.environ.get("WIRECODER_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "wirecoder" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirecoder"


def cached_pickle(name: str, key: str, build: Callable[[], T]) -> T:
    """`build()`'s result, read from `<cache>/<name>-<key>.pickle` when it is there.

    Write failures are logged, never raised: the cache saves time, it is not needed."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        pass
    else:
        enabled = gc.isenabled()
        gc.disable()  # many small objects: the collector would run dozens of times for nothing
        try:
            return pickle.loads(data)
        except _DAMAGED as exc:  # a damaged or foreign file: build again
            log.warning("cache entry %s unreadable (%s); rebuilding", path, exc)
        finally:
            if enabled:
                gc.enable()
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("cannot write cache %s (%s)", path, exc)
    return value


__all__ = ["cache_dir", "cached_pickle"]
