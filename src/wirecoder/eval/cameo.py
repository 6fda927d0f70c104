"""CAMEO news sentences: 5-class label and source/target spans.

The label is PLOVER's quad class of the sentence's main event (1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict),
or 0 when wirecoder codes no event (the set's 0 is "neutral/statement"). The set
is labelled from CAMEO codes, so where CAMEO's own classes decide differently
the CAMEO root the event carries is used: statements and appeals (01, 02) are 0,
and an easing actually carried out (CONCEDE with CAMEO 08, "yield") is material
cooperation.
Spans: token-overlap F1 between the gold source (target) phrases and the main
event's source (target) phrases, over sentences that have gold spans. Where the gold
names the parties of a reciprocal event ("X met Y") without a direction, they are
scored against both of the event's sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..records import QUAD, Event
from .common import PRF, Miss, Report, confuse, describe, find_files, main_event, read_jsonl
from .splits import in_dev

#: runs of ASCII letters and digits, and every other letter alone: the gold spans come split
#: that way ("P é rez", "K ı r ı kkale"), so "Pérez" must be too
_TOK = re.compile(r"[A-Za-z0-9_]+|[^\W_A-Za-z0-9]")


def tokens(texts: Iterable[str]) -> list[str]:
    return [t.lower() for text in texts for t in _TOK.findall(text)]


def overlap_f1(gold: list[str], pred: list[str]) -> float:
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    from collections import Counter

    common = sum((Counter(gold) & Counter(pred)).values())
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(gold)
    return 2 * p * r / (p + r)


def sentence_class(events: list[Event]) -> int:
    ev = main_event(events)
    if ev is None or ev.cameo in ("01", "02") or ev.referential:
        return 0  # CAMEO statements and appeals (and events only spoken about) are this set's 0
    kind = ev.plover_type or ev.event_type
    if kind == "CONCEDE" and ev.status == "asserted" and ev.cameo == "08":
        return 2  # an easing carried out is CAMEO's "yield" (08), material cooperation there
    return QUAD.get(kind, 0)


def arg_texts(ev: Event | None, side: str) -> list[str]:
    """The phrases of the record's source or target, as PLOVER reads the statement: in
    "X said Y must mediate", X (the speaker) asks Y (the event's source)."""
    if ev is None:
        return []
    if ev.demanded and ev.attribution.speaker is not None:
        if side == "source":
            return [ev.attribution.speaker.text]
        side = "source"
    span = ev.source_span if side == "source" else ev.target_span
    if span is not None:
        return [span.text]
    return [a.text for a in (ev.source if side == "source" else ev.target)]


def load(root: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for f in find_files(root, "cameo_sentences", ["*.jsonl"], "cameo_sentences"):
        rows.extend(r for _, r in read_jsonl(f))
    return rows


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    rows = [r for r in load(root) if split == "all" or in_dev(r["text"]) == (split == "dev")]
    if limit:
        rows = rows[:limit]
    coder = coder or Coder()
    rep = Report(f"cameo ({split})")
    classes = PRF()
    correct = 0
    src_f1: list[float] = []
    tgt_f1: list[float] = []
    for r, coded in zip(rows, coder.code_many({"text": r["text"]} for r in rows), strict=True):
        events = coded.events
        gold = int(r["pentaclass"])
        pred = sentence_class(events)
        rep.n += 1
        correct += gold == pred
        classes.add([str(gold)], [str(pred)])
        confuse(rep.confusion, str(gold), str(pred))
        ev = main_event(events)
        if "source" in r:
            gs = r.get("source") or []
            gt = r.get("target") or []
            ps = arg_texts(ev, "source")
            if r.get("reciprocal"):
                # both parties, no direction: whichever side the event put each on
                gs = gs + r["reciprocal"]
                ps = ps + [t for t in arg_texts(ev, "target") if t not in ps]
            src_f1.append(overlap_f1(tokens(gs), tokens(ps)))
            if gt:
                tgt_f1.append(overlap_f1(tokens(gt), tokens(arg_texts(ev, "target"))))
        if errors and gold != pred and len(rep.misses) < errors:
            rep.misses.append(Miss(str(rep.n), r["text"], str(gold), f"{pred}: {describe(ev)}"))
    rep.metrics = {
        "class5_accuracy": correct / rep.n if rep.n else 0.0,
        "source_span_f1": sum(src_f1) / len(src_f1) if src_f1 else 0.0,
        "target_span_f1": sum(tgt_f1) / len(tgt_f1) if tgt_f1 else 0.0,
    }
    rep.metrics["span_f1"] = (rep.metrics["source_span_f1"] + rep.metrics["target_span_f1"]) / 2
    rep.per_label = classes.per_label()
    return rep


__all__ = ["evaluate", "overlap_f1", "sentence_class"]
