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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy as np

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
        _write_atomically(
            path,
            name,
            ".pickle",
            lambda f: pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL),
        )
    except (OSError, pickle.PicklingError) as exc:
        log.info("cannot write cache %s (%s)", path, exc)
    return value


def _write_atomically(path: Path, name: str, suffix: str, write: Callable[[Any], None]) -> None:
    """`write(file)` to a temporary file beside `path`, then rename it into place (a reader sees
    the old file or the whole new one, never half of one) and drop `name`'s other entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for old in path.parent.glob(f"{name}-*{suffix}"):
        if old != path:
            old.unlink(missing_ok=True)


def cached_arrays(
    name: str,
    key: str,
    build: Callable[[], Mapping[str, np.ndarray]],
    check: Callable[[Mapping[str, np.ndarray]], bool] = lambda _: True,
) -> dict[str, np.ndarray]:
    """`build()`'s float32 arrays, memory-mapped from `<cache>/<name>-<key>.npy` when it is there.

    One .npy file whose single record has a field per array, so `np.load(mmap_mode="r")` maps
    them all without reading them: a cold start pays only for the pages it touches, and
    processes share them. The arrays read from the cache are read-only. An entry that cannot
    be read or fails `check` is built again; write failures are logged, never raised."""
    import numpy as np

    path = cache_dir() / f"{name}-{key}.npy"
    if path.is_file():
        try:
            record = np.load(path, mmap_mode="r", allow_pickle=False)
            if record.dtype.names is None or record.shape != (1,):
                raise ValueError("not a record of arrays")
            arrays = {n: np.asarray(record[n][0]) for n in record.dtype.names}
            if check(arrays):
                return arrays
            log.warning("cache entry %s does not fit; rebuilding", path)
        except (OSError, ValueError, EOFError) as exc:  # damaged or foreign: build again
            log.warning("cache entry %s unreadable (%s); rebuilding", path, exc)
    built = {n: np.ascontiguousarray(a, dtype=np.float32) for n, a in build().items()}
    try:
        layout = np.dtype([(n, np.float32, a.shape) for n, a in built.items()])
        record = np.zeros(1, dtype=layout)
        for n, a in built.items():
            record[n][0] = a
        _write_atomically(path, name, ".npy", lambda f: np.save(f, record, allow_pickle=False))
    except (OSError, ValueError) as exc:
        log.info("cannot write cache %s (%s)", path, exc)
    return built


__all__ = ["cache_dir", "cached_arrays", "cached_pickle"]
