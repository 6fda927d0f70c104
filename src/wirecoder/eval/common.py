"""Shared pieces of the evaluation harness: data discovery, counts, reports."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Codes, EvalError
from ..records import Event

DATA_ENV = "WIRECODER_DATA"


def data_root(explicit: str | Path | None = None) -> Path:
    """Where the gold sets live: --data, $WIRECODER_DATA, or ../shared/data next to the checkout."""
    if explicit:
        return Path(explicit)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    here = Path(__file__).resolve()
    for base in (Path.cwd(), *Path.cwd().parents[:2], *here.parents):
        cand = base / "shared" / "data"
        if cand.is_dir():
            return cand
        cand = base.parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return Path.cwd() / "../shared/data"


def find_files(root: Path, folder: str, patterns: Iterable[str], name: str) -> list[Path]:
    """Gold files by pattern inside a set's folder (robust to renamed held-out copies)."""
    base = root / folder
    if not base.is_dir():
        raise EvalError(Codes.E501, name=name, path=base)
    files: list[Path] = []
    for pat in patterns:
        files.extend(sorted(base.glob(pat)))
    if not files:
        raise EvalError(Codes.E501, name=name, path=base)
    return files


def read_jsonl(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) for each non-blank line; a line that is not JSON stops the set with
    E502 naming the file and line, so a damaged gold file is never scored in part."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(Codes.E502, path=where, detail=exc.msg) from exc


@dataclass
class PRF:
    """Precision/recall/F1 counts, per label and overall (micro)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(
        self, gold: Iterable[Any], pred: Iterable[Any], label: Callable[[Any], str] = str
    ) -> None:
        g, p = Counter(gold), Counter(pred)
        for item in set(g) | set(p):
            hit = min(g[item], p[item])
            lab = label(item)
            self.tp[lab] += hit
            self.fp[lab] += p[item] - hit
            self.fn[lab] += g[item] - hit

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def per_label(self) -> dict[str, dict[str, float]]:
        labels = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        out = {}
        for lab in labels:
            p, r, f = self._prf(self.tp[lab], self.fp[lab], self.fn[lab])
            out[lab] = {
                "p": p,
                "r": r,
                "f1": f,
                "support": self.tp[lab] + self.fn[lab],
                "predicted": self.tp[lab] + self.fp[lab],
            }
        return out


@dataclass
class Miss:
    """One error a person can read: the text, what gold says, what wirecoder said."""

    id: str
    text: str
    gold: str
    predicted: str
    why: str = ""


@dataclass
class Report:
    name: str
    n: int = 0
    skipped: int = 0
    metrics: dict[str, float] = field(default_factory=dict)
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: named tables of rows (column -> value), e.g. the figures at each confidence cut-off
    tables: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "n": self.n,
            "skipped": self.skipped,
            "metrics": {k: round(v, 4) for k, v in self.metrics.items()},
            "per_label": {
                k: {kk: round(vv, 4) for kk, vv in v.items()} for k, v in self.per_label.items()
            },
            "confusion": {k: dict(v) for k, v in self.confusion.items()},
            "misses": [m.__dict__ for m in self.misses],
            "notes": self.notes,
            "tables": {
                k: [{c: round(v, 4) for c, v in row.items()} for row in rows]
                for k, rows in self.tables.items()
            },
        }


def confuse(table: dict[str, Counter[str]], gold: str, pred: str) -> None:
    table.setdefault(gold, Counter())[pred] += 1


def main_event(events: list[Event]) -> Event | None:
    """The event an article is mainly about (see `records.rank_events`)."""
    from ..records import rank_events

    ranked = rank_events(events)
    return ranked[0] if ranked else None


def describe(ev: Event | None) -> str:
    if ev is None:
        return "(no event)"
    src = ",".join(a.country or a.text for a in ev.source) or "-"
    tgt = ",".join(a.country or a.text for a in ev.target) or "-"
    kind = ev.event_type
    if ev.plover_type and ev.plover_type != ev.event_type:
        kind += f"(={ev.plover_type})"
    return (
        f"{kind}{'/' + ev.mode if ev.mode else ''} {src}->{tgt} [{ev.status}] '{ev.trigger.text}'"
    )


__all__ = [
    "PRF",
    "Miss",
    "Report",
    "confuse",
    "data_root",
    "describe",
    "find_files",
    "main_event",
    "read_jsonl",
]
