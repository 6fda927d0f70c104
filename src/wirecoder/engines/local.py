"""The local engine: code batches in this process, or in a pool of worker processes.

With one worker (the default) nothing is started: the model loads once in this process.
With N > 1 workers, N spawned processes each load the model once (pool initializer) and code
whole batches; the driver keeps at most 2N batches in flight, so memory stays bounded and
results are stored in input order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import TYPE_CHECKING

from ..errors import Codes, EngineError
from .stages import DEFAULT_SPEC, Batch, CoderSpec, code_table, coder_for

if TYPE_CHECKING:
    import pyarrow as pa


WARM_UP = "Warm up\nThe minister met the ambassador in the capital."


def _warm(spec: CoderSpec) -> None:
    """Pool initializer: load the model and dictionaries once per worker process."""
    coder_for(spec).code(WARM_UP)


def _code(table: pa.Table, spec: CoderSpec) -> pa.Table:
    return code_table(table, spec)


class LocalEngine:
    """Code in this process (workers=1) or in N worker processes on this machine."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)

    def code(self, batches: Iterator[Batch], spec: CoderSpec = DEFAULT_SPEC) -> Iterator[Batch]:
        """Coded batches, in input order; rejects travel through unchanged."""
        if self.workers == 1:
            for b in batches:
                yield Batch(code_table(b.table, spec) if b.table is not None else None, b.rejects)
            return
        with ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=get_context("spawn"),
            initializer=_warm,
            initargs=(spec,),
        ) as pool:
            inflight: deque[tuple[Future[pa.Table] | None, Batch]] = deque()
            for b in batches:
                fut = pool.submit(_code, b.table, spec) if b.table is not None else None
                inflight.append((fut, b))
                while len(inflight) >= 2 * self.workers:
                    yield _done(*inflight.popleft())
            while inflight:
                yield _done(*inflight.popleft())


def _done(fut: Future[pa.Table] | None, b: Batch) -> Batch:
    if fut is None:
        return Batch(None, b.rejects)
    try:
        return Batch(fut.result(), b.rejects)
    except BrokenProcessPool as exc:
        raise EngineError(
            Codes.E602, engine="local", detail=f"a worker process died ({exc})"
        ) from exc


__all__ = ["LocalEngine"]
