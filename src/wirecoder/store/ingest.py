"""`ingest` and `recode`: files into the event store, and stored articles re-coded.

    >>> summary = wirecoder.ingest(["news/"], "events.duckdb", date="2024-05-01")  # doctest: +SKIP
    >>> summary.coded, summary.duplicates, summary.rejected                         # doctest: +SKIP

Both are safe to run again: an article already stored (same content hash) is skipped, and a
run killed at any point resumes where its last committed batch ended.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engines import get_engine
from ..engines.stages import (
    Batch,
    CoderSpec,
    batch_stage,
    check_stage,
    coder_for,
    read_stage,
)
from ..errors import Codes, ConfigError, InputError
from ..read._checks import check_date
from ..records import Rejected
from .rows import coded_rejects
from .store import BatchResult, Store

log = logging.getLogger("wirecoder.ingest")

#: Rejections kept in a summary for display; the rejects table has all of them.
REJECT_SAMPLE = 50


@dataclass
class RunSummary:
    """What a run did. `coded` articles were stored with their events (or re-coded)."""

    command: str
    engine: str
    db: str
    run_id: str = ""
    coder_version: str = ""
    read: int = 0
    coded: int = 0
    events: int = 0
    duplicates: int = 0
    rejected: int = 0
    total: int | None = None  # known up front for recode
    reject_codes: Counter[str] = field(default_factory=Counter)
    rejects: list[Rejected] = field(default_factory=list)
    seconds: float = 0.0
    batches: int = 0

    def add(self, res: BatchResult, rejects: Iterable[Rejected] = ()) -> None:
        self.batches += 1
        self.coded += res.stored
        self.events += res.events
        self.duplicates += res.duplicates
        self.rejected += res.rejected
        for r in rejects:
            self.reject_codes[r.code] += 1
            if len(self.rejects) < REJECT_SAMPLE:
                self.rejects.append(r)

    @property
    def rate(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "command": self.command,
            "db": self.db,
            "engine": self.engine,
            "run_id": self.run_id,
            "coder_version": self.coder_version,
            "coded": self.coded,
            "events": self.events,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "reject_codes": dict(sorted(self.reject_codes.items())),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 2),
        }

    def line(self) -> str:
        """One human sentence for stderr."""
        codes = ", ".join(f"{c} ×{n}" for c, n in sorted(self.reject_codes.items()))
        verb = "re-coded" if self.command == "recode" else "coded"
        parts = [
            f"{verb} {self.coded} articles ({self.events} events)",
            f"skipped {self.duplicates} duplicates",
            f"rejected {self.rejected}" + (f" ({codes})" if codes else ""),
        ]
        return f"{'; '.join(parts)} in {self.seconds:.1f} s [{self.engine}] → {self.db}"


Progress = Callable[[RunSummary], None]


def _options(date: object, batch_size: int) -> str | None:
    if batch_size < 1:
        raise ConfigError(Codes.E303, option="--batch-size", detail="must be at least 1")
    try:
        return check_date(date, "--date")
    except InputError as err:
        raise ConfigError(Codes.E303, option="--date", detail=err.detail) from err


def _spec(
    actors: Sequence[str | Path], triggers: Sequence[str | Path], fast: bool = False
) -> tuple[CoderSpec, str]:
    """The coder spec and the version this run writes; user files are checked now (E3xx)."""
    spec = CoderSpec(tuple(str(a) for a in actors), tuple(str(t) for t in triggers), fast)
    coder = coder_for(spec)
    _ = coder.resources.actors
    return spec, coder.version


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    date: object = None,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    staging: str | Path | None = None,
    actors: Sequence[str | Path] = (),
    triggers: Sequence[str | Path] = (),
    batch_size: int = 64,
    english: bool = True,
    progress: Progress | None = None,
    engine_progress: bool = False,
    fast: bool = False,
) -> RunSummary:
    """Read, code and store articles; skip those stored already; record rejects.

    Each batch of `batch_size` articles is committed with its events in one transaction.
    """
    day = _options(date, batch_size)
    eng = get_engine(
        engine,
        workers=workers,
        address=address,
        staging=staging,
        batch_size=batch_size,
        progress=engine_progress,
    )
    summary = RunSummary("ingest", eng.name, str(db))
    spec, summary.coder_version = _spec(actors, triggers, fast)
    t0 = time.perf_counter()
    with Store(db) as store:
        summary.run_id = store.start_run("ingest", eng.name, summary.coder_version)

        def on_read(read: int, dups: int) -> None:
            summary.read += read
            summary.duplicates += dups
            if progress:
                progress(summary)

        items = check_stage(read_stage([str(p) for p in paths], day), english)
        batches = batch_stage(items, store, batch_size, on_read)
        for out in eng.code(batches, spec):
            res = store.add_coded(out.table, out.rejects, summary.run_id)
            failed = coded_rejects(out.table) if out.table is not None else []
            summary.add(res, [*out.rejects, *failed])
            summary.seconds = time.perf_counter() - t0
            log.info(
                "committed batch %d: +%d articles, +%d events, %d duplicates, %d rejected",
                summary.batches,
                res.stored,
                res.events,
                res.duplicates,
                res.rejected,
            )
            if progress:
                progress(summary)
        summary.seconds = time.perf_counter() - t0
        store.finish_run(
            summary.run_id,
            coded=summary.coded,
            events=summary.events,
            duplicates=summary.duplicates,
            rejected=summary.rejected,
        )
    return summary


def _chunks(ids: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def recode(
    db: str | Path,
    *,
    all_articles: bool = False,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    staging: str | Path | None = None,
    actors: Sequence[str | Path] = (),
    triggers: Sequence[str | Path] = (),
    batch_size: int = 64,
    progress: Progress | None = None,
    engine_progress: bool = False,
    fast: bool = False,
) -> RunSummary:
    """Re-code stored articles with the current coder; replace each batch's events atomically.

    By default only articles coded by another coder version; `all_articles` re-codes every
    one (e.g. after changing your actor dictionaries, which does not change the version).
    """
    _options(None, batch_size)
    eng = get_engine(
        engine,
        workers=workers,
        address=address,
        staging=staging,
        batch_size=batch_size,
        progress=engine_progress,
    )
    summary = RunSummary("recode", eng.name, str(db))
    spec, summary.coder_version = _spec(actors, triggers, fast)
    t0 = time.perf_counter()
    with Store(db, create=False) as store:
        ids = store.article_ids(None if all_articles else summary.coder_version)
        summary.total = len(ids)
        summary.run_id = store.start_run("recode", eng.name, summary.coder_version)
        batches = (Batch(store.article_table(chunk)) for chunk in _chunks(ids, batch_size))
        for out in eng.code(batches, spec):
            if out.table is None:
                continue
            res = store.replace_coded(out.table, summary.run_id)
            summary.read += out.table.num_rows
            summary.add(res, coded_rejects(out.table))
            summary.seconds = time.perf_counter() - t0
            log.info(
                "committed batch %d: %d articles re-coded, %d events",
                summary.batches,
                res.stored,
                res.events,
            )
            if progress:
                progress(summary)
        summary.seconds = time.perf_counter() - t0
        store.finish_run(
            summary.run_id,
            coded=summary.coded,
            events=summary.events,
            duplicates=0,
            rejected=summary.rejected,
        )
    return summary


__all__ = ["RunSummary", "ingest", "recode"]
