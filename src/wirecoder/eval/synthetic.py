"""Synthetic PLOVER stories (machine-written; one event type per story), held-back split.

The article is the story's headline (its prompt's first line) and its text. The
predicted type is the article's main event; no event counts as a miss. Stories are
split by headline template (`splits.in_dev(title)`), and the classifier is trained
only on the other split, so these figures are on templates it never saw.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..coder import Coder
from .common import PRF, Miss, Report, confuse, describe, find_files, main_event
from .splits import in_dev


def load(root: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for f in find_files(root, "synthetic_plover", ["*.csv"], "synthetic_plover"):
        with f.open(encoding="utf-8", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    return rows


def article_text(row: dict[str, str]) -> str:
    headline = (row.get("prompt") or row.get("title") or "").split("\n")[0].strip()
    return f"{headline}\n{row['text'].strip()}" if headline else row["text"].strip()


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    rows = [
        r for r in load(root) if split == "all" or in_dev(r.get("title", "")) == (split == "dev")
    ]
    if limit:
        rows = rows[:limit]
    coder = coder or Coder()
    rep = Report(f"synthetic ({split})")
    prf = PRF()
    modes_ok = modes_n = 0
    covered = 0
    for r, coded in zip(
        rows, coder.code_many({"text": article_text(r)} for r in rows), strict=True
    ):
        gold = r["label"]
        ev = main_event(coded.events)
        pred = (ev.plover_type or ev.event_type) if ev is not None else None
        rep.n += 1
        covered += any((e.plover_type or e.event_type) == gold for e in coded.events)
        prf.add([gold], [pred] if pred else [])
        confuse(rep.confusion, gold, pred or "none")
        if r.get("mode") and pred == gold:
            modes_n += 1
            modes_ok += (ev.mode or "").lower() == r["mode"].lower() if ev else 0
        if errors and pred != gold and len(rep.misses) < errors:
            rep.misses.append(Miss(r.get("title", ""), article_text(r)[:300], gold, describe(ev)))
    p, rr, f = prf.micro()
    rep.metrics = {"type_p": p, "type_r": rr, "type_f1": f}
    if rep.n:
        # the most any choice of main event could reach: stories with an event of the gold type
        rep.metrics["gold_type_among_events"] = covered / rep.n
    if modes_n:
        rep.metrics["mode_accuracy_when_type_right"] = modes_ok / modes_n
    rep.per_label = prf.per_label()
    return rep


__all__ = ["article_text", "evaluate", "load"]
