"""The stages every engine runs: read -> check -> batch (skip stored) -> code -> load.

Engines differ only in *where* `code_table` runs (this process, a process pool, a Ray actor
pool); reading, de-duplication and loading are these functions in the driver, so the local
and Ray engines produce the same store from the same input.

    read_stage      paths -> Article | Rejected              (wirecoder.read.read_path)
    check_stage     English check; id := content hash        -> Item | Rejected
    batch_stage     drop hashes already stored or seen       -> Batch(article table, rejects)
    code_table      article table -> coded table              (in the engine's workers)
    Store.add_coded coded table -> articles + events, one transaction per batch
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..read import ReadResult, english_only, read_path
from ..records import Rejected
from ..store.rows import Item, article_table, coded_table, table_items

if TYPE_CHECKING:
    import pyarrow as pa

    from ..coder import Coded, Coder
    from ..store import Store


@dataclass
class Batch:
    """A unit of work: an article (or coded) table, and rejects that travel with it."""

    table: pa.Table | None
    rejects: list[Rejected] = field(default_factory=list)


def read_stage(paths: Iterable[str], date: object = None) -> Iterator[ReadResult]:
    """Every article (or rejection) in every input, in order."""
    for p in paths:
        yield from read_path(p, date)


def check_stage(results: Iterable[ReadResult], english: bool = True) -> Iterator[Item | Rejected]:
    """Reject non-English text (E109); give each article its content hash as id."""
    for r in english_only(results) if english else results:
        if isinstance(r, Rejected):
            yield r
            continue
        h = r.content_hash
        yield Item(replace(r, id=h), None if r.id == h else r.id)


def batch_stage(
    items: Iterable[Item | Rejected],
    store: Store,
    batch_size: int,
    on_read: Callable[[int, int], None] | None = None,
) -> Iterator[Batch]:
    """Batches of articles not stored yet and not seen earlier in this run.

    `on_read(read, duplicates)` is told how many articles each batch read and skipped.
    """
    seen: set[str] = set()
    pending: list[Item] = []
    rejects: list[Rejected] = []
    read = 0

    def flush() -> Iterator[Batch]:
        nonlocal pending, rejects, read
        known = store.known_ids([it.article.id for it in pending])
        fresh = [it for it in pending if it.article.id not in known]
        if on_read:
            on_read(read, len(pending) - len(fresh))
        if fresh or rejects:
            yield Batch(article_table(fresh) if fresh else None, rejects)
        pending, rejects, read = [], [], 0

    for it in items:
        if isinstance(it, Rejected):
            rejects.append(it)
        else:
            read += 1
            aid = it.article.id
            if aid in seen:
                continue
            seen.add(aid)
            pending.append(it)
        if len(pending) >= batch_size or len(rejects) >= batch_size:
            yield from flush()
    if pending or rejects or read:
        yield from flush()


def code_items(coder: Coder, items: Sequence[Item]) -> list[Coded]:
    """Code a batch, with its quotes, framing and claims for the store. `Coder.code_many`
    itself turns an article that crashes the parser or a stage into its rejection (E114), so
    the run goes on without a fallback here."""
    return list(coder.code_many([it.article for it in items], voices=True))


@dataclass(frozen=True)
class CoderSpec:
    """What a worker needs to build the same coder as the driver: the user's files."""

    actors: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    fast: bool = False  # without the learned decision


DEFAULT_SPEC = CoderSpec()


def coder_for(spec: CoderSpec) -> Coder:
    """The process-wide coder for a spec (the model loads once per process)."""
    from ..coder import default_coder

    if not spec.triggers:
        # shared with wirecoder.code()
        return default_coder(tuple(str(a) for a in spec.actors), spec.fast)
    return _coder_with_triggers(spec)


@lru_cache(maxsize=4)
def _coder_with_triggers(spec: CoderSpec) -> Coder:
    from ..analysis import CoderConfig
    from ..coder import Coder

    return Coder(CoderConfig(fast=spec.fast), actors=spec.actors, triggers=spec.triggers)


def code_table(table: pa.Table, spec: CoderSpec | None = None) -> pa.Table:
    """The code stage: an article table in, a coded table out. Runs in engine workers."""
    coder = coder_for(spec or DEFAULT_SPEC)
    items = table_items(table)
    return coded_table(zip(items, code_items(coder, items), strict=True), coder.version)


__all__ = [
    "DEFAULT_SPEC",
    "Batch",
    "CoderSpec",
    "batch_stage",
    "check_stage",
    "code_items",
    "code_table",
    "coder_for",
    "read_stage",
]
