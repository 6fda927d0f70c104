"""The Ray engine: shards -> Ray Data actor pool -> Parquet parts -> the store.

    driver: read, check, skip stored  ->  staging/in/shard-*.parquet
    Ray:    read_parquet -> map_batches(RayCoder, ActorPoolStrategy(size=workers))
            -> write_parquet(staging/out)
    driver: Parquet parts -> Store.add_coded (same transactions, same idempotency)

`RayCoder` is a callable class, so each actor builds the coder (spaCy model, dictionaries,
gazetteer) once and codes many batches with it. The code stage is `stages.code_table`, the
same function the local engine calls.

On one machine Ray is started here (`ray.init(num_cpus=..., include_dashboard=False)`, bound
to 127.0.0.1) and stopped at the end. With `address` it joins a running cluster; then the
staging folder must be one every node can read and write (a shared filesystem), and every
node needs the same wirecoder installed (`pip install 'wirecoder[ray]'`).

Actors get fractional CPUs (`num_cpus` below 1 when actors would fill the machine): Ray Data
also needs CPU slots for its read and write tasks, and an actor pool that reserves every CPU
waits forever for them.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Codes, ConfigError, EngineError
from .stages import DEFAULT_SPEC, Batch, CoderSpec, code_table, coder_for

if TYPE_CHECKING:
    import pyarrow as pa

log = logging.getLogger("wirecoder.ingest")

SHARD_ROWS = 256  # articles per input shard: enough blocks to keep every actor busy


class RayCoder:
    """Ray Data UDF: one coder per actor, loaded in the constructor, reused for every batch."""

    def __init__(self, spec: CoderSpec) -> None:
        from .local import WARM_UP

        self.spec = spec
        coder_for(spec).code(WARM_UP)

    def __call__(self, batch: pa.Table) -> pa.Table:
        return code_table(batch, self.spec)


def ray_available() -> bool:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def _quiet_ray_env() -> None:
    # keep a local cluster on 127.0.0.1 and never phone home
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_DEDUP_LOGS", "0")


def _cluster_token_auth() -> None:
    """Joining a cluster: send its token when we have one (Ray >= 2.5x enables token auth
    on `ray start`, but a connecting driver only uses it with RAY_AUTH_MODE=token)."""
    if "RAY_AUTH_MODE" in os.environ:
        return
    has_token = os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH")
    if has_token or (Path.home() / ".ray" / "auth_token").is_file():
        os.environ["RAY_AUTH_MODE"] = "token"


class RayEngine:
    """Code batches on a Ray cluster (a local one by default)."""

    name = "ray"

    def __init__(
        self,
        workers: int | None = None,
        *,
        address: str | None = None,
        staging: str | Path | None = None,
        batch_size: int = 64,
        num_cpus: int | None = None,
        progress: bool = False,
    ) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(Codes.E303, option="--workers", detail="must be at least 1")
        self.workers = workers
        self.address = address
        self.staging = Path(staging) if staging else None
        self.batch_size = batch_size
        self.num_cpus = num_cpus or os.cpu_count() or 1
        self.progress = progress
        self.stats: dict[str, Any] = {}

    # -- Ray lifecycle ----------------------------------------------------------------------
    def _start(self) -> bool:
        """Connect to (or start) Ray; True when this engine started it and must stop it."""
        _quiet_ray_env()
        if not ray_available():
            raise EngineError(
                Codes.E601, engine="ray", detail="install it with: pip install 'wirecoder[ray]'"
            )
        import ray

        if ray.is_initialized():
            return False
        common: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
        try:
            if self.address:
                _cluster_token_auth()
                ray.init(address=self.address, **common)
            else:
                # address="local": always a new instance here, never a stray cluster found
                # through RAY_ADDRESS or a `ray start` left running on this machine
                ray.init(address="local", num_cpus=self.num_cpus, include_dashboard=False, **common)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise EngineError(Codes.E602, engine="ray", detail=str(exc).splitlines()[0]) from exc
        return True

    def _plan(self) -> tuple[int, float]:
        """(actors, CPUs reserved per actor) for the cluster we are on."""
        import ray

        total = float(ray.cluster_resources().get("CPU", self.num_cpus))
        workers = self.workers or max(1, int(total))
        per_actor = min(1.0, max(0.1, (total - 1.0) / workers)) if total > 1 else 0.5 / workers
        return workers, round(per_actor, 3)

    # -- the engine -------------------------------------------------------------------------
    def code(self, batches: Iterator[Batch], spec: CoderSpec = DEFAULT_SPEC) -> Iterator[Batch]:
        """Write shards, code them on Ray, then yield the coded Parquet parts as batches."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.staging:
            self.staging.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix="wirecoder-ray-", dir=self.staging))
        in_dir, out_dir = root / "in", root / "out"
        in_dir.mkdir()
        try:
            sent = 0
            rejects = []
            buf: list[pa.Table] = []
            buffered = 0
            shards = 0

            def write_shard() -> None:
                nonlocal buf, buffered, shards
                pq.write_table(pa.concat_tables(buf), in_dir / f"shard-{shards:06d}.parquet")
                shards += 1
                buf, buffered = [], 0

            for b in batches:
                rejects.extend(b.rejects)
                if b.table is not None and b.table.num_rows:
                    buf.append(b.table)
                    buffered += b.table.num_rows
                    sent += b.table.num_rows
                    if buffered >= SHARD_ROWS:
                        write_shard()
            if buf:
                write_shard()
            if rejects:
                yield Batch(None, rejects)  # stored now; they need no coding
            if not sent:
                return
            self._run(in_dir, out_dir, shards, sent, spec)
            got = 0
            for part in sorted(out_dir.glob("*.parquet")):
                pf = pq.ParquetFile(part)
                for rb in pf.iter_batches(batch_size=self.batch_size):
                    got += rb.num_rows
                    yield Batch(pa.Table.from_batches([rb]))
            if got != sent:
                raise EngineError(Codes.E603, engine="ray", sent=sent, got=got)
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def _run(self, in_dir: Path, out_dir: Path, shards: int, rows: int, spec: CoderSpec) -> None:
        started = self._start()
        import ray
        import ray.data
        from ray.exceptions import RayError

        try:
            workers, per_actor = self._plan()
            log.info(
                "ray: %d shards, %d actors x %.2f CPU, cluster %s",
                shards,
                workers,
                per_actor,
                ray.cluster_resources().get("CPU"),
            )
            self.stats = {"workers": workers, "cpus_per_actor": per_actor, "shards": shards}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # Ray Data's own deprecations and tips
                ctx = ray.data.DataContext.get_current()
                ctx.enable_progress_bars = self.progress and sys.stderr.isatty()
                ctx.print_on_execution_start = False
                for name in ("ray", "ray.data"):
                    logging.getLogger(name).setLevel(logging.ERROR)
                ds = ray.data.read_parquet(
                    str(in_dir), override_num_blocks=max(shards, blocks_for(rows, workers))
                )
                ds = ds.map_batches(
                    RayCoder,
                    fn_constructor_kwargs={"spec": spec},
                    batch_size=self.batch_size,
                    batch_format="pyarrow",
                    compute=ray.data.ActorPoolStrategy(size=workers),
                    num_cpus=per_actor,
                )
                ds.write_parquet(str(out_dir))
        except RayError as exc:
            raise EngineError(Codes.E602, engine="ray", detail=str(exc).splitlines()[0]) from exc
        finally:
            if started:
                ray.shutdown()


def blocks_for(rows: int, workers: int) -> int:
    """How many read blocks keep `workers` actors busy for `rows` articles."""
    return max(1, min(math.ceil(rows / 16), 4 * workers))


__all__ = ["RayCoder", "RayEngine", "ray_available"]
