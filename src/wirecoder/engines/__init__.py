"""Scale-out engines: the same stages (`stages.py`) run here, in processes, or on Ray.

    local  (default) this process, or `workers` spawned processes on this machine
    ray    a Ray Data actor pool, local or on a cluster (`address`); `pip install 'wirecoder[ray]'`

An engine has one job: turn a stream of article batches into coded batches
(`Engine.code`). Reading, de-duplication and loading into the store stay in the driver.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ..errors import Codes, ConfigError
from .stages import DEFAULT_SPEC, Batch, CoderSpec

ENGINES = ("local", "ray")


class Engine(Protocol):
    name: str

    def code(self, batches: Iterator[Batch], spec: CoderSpec = DEFAULT_SPEC) -> Iterator[Batch]:
        """Coded batches for article batches; rejects pass through."""
        ...


def get_engine(
    name: str = "local",
    *,
    workers: int | None = None,
    address: str | None = None,
    staging: str | Path | None = None,
    batch_size: int = 64,
    progress: bool = False,
) -> Engine:
    """An engine by name; E303 for an unknown name or an option it cannot take."""
    if workers is not None and workers < 1:
        raise ConfigError(Codes.E303, option="--workers", detail="must be at least 1")
    if name == "local":
        if address:
            raise ConfigError(
                Codes.E303, option="--address", detail="only the ray engine joins a cluster"
            )
        from .local import LocalEngine

        return LocalEngine(workers or 1)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(
            workers,
            address=address,
            staging=staging,
            batch_size=batch_size,
            progress=progress,
        )
    raise ConfigError(
        Codes.E303,
        option="--engine",
        detail=f"unknown engine {name!r}; choose {', '.join(ENGINES)}",
    )


__all__ = ["ENGINES", "Batch", "CoderSpec", "Engine", "get_engine"]
