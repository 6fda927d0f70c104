"""Event locations: where did the event at a given verb happen?

Each gold record is one sentence with a VERB span (the event) and zero or more
LOCATION spans (where it happened; most often none). wirecoder parses the sentence,
then asks the place rules (`places.stage.locate_token`) for the location of the
event at the gold verb, whether or not the verb is one of its own triggers, so the
figure measures the place rules rather than the trigger lexicon.

A prediction is correct when its span overlaps a gold LOCATION span, or when gold
has none and wirecoder predicts none. "has a location" precision and recall say
whether misses come from placing events that have no place or from missing places.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..errors import Codes, EvalError
from .common import Miss, Report, find_files, read_jsonl
from .splits import in_dev


@dataclass(frozen=True)
class Item:
    """One gold sentence: the event's verb and the places it happened (character offsets)."""

    id: str
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]
    source: str = ""


def _offsets(row: dict[str, Any], span: dict[str, Any]) -> tuple[int, int] | None:
    """A span's character offsets, trusting token indices over character offsets.

    Some sources' character offsets are shifted (they count from a differently
    stripped text) while their token indices, and the `text` field when present,
    agree with the sentence; so the token offsets win and `text` arbitrates.
    """
    text: str = row["text"]
    toks = row.get("tokens") or []
    cands: list[tuple[int, int]] = []
    ts, te = span.get("token_start"), span.get("token_end")
    if isinstance(ts, int) and isinstance(te, int) and 0 <= ts <= te < len(toks):
        cands.append((int(toks[ts]["start"]), int(toks[te]["end"])))
    if isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
        cands.append((int(span["start"]), int(span["end"])))
    want = span.get("text")
    if want:
        for s, e in cands:
            if text[s:e] == want:
                return s, e
        at = text.find(want)
        if at >= 0:
            return at, at + len(want)
    for s, e in cands:
        if 0 <= s < e <= len(text) and text[s:e].strip():
            return s, e
    return None


def parse_row(row: dict[str, Any], where: str) -> Item | None:
    """A gold record as an `Item` (None when it has no usable verb span)."""
    text = row.get("text")
    spans = row.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        raise EvalError(Codes.E502, path=where, detail="needs 'text' and 'spans'")
    verbs = [o for s in spans if s.get("label") == "VERB" and (o := _offsets(row, s))]
    locs = [o for s in spans if s.get("label") == "LOCATION" and (o := _offsets(row, s))]
    if not verbs or not text.strip():
        return None
    return Item(
        str(row.get("_id") or where), text, verbs[0], tuple(locs), str(row.get("source") or "")
    )


def load(root: Path) -> tuple[list[Item], int]:
    """Gold items and the number of records skipped for having no usable verb."""
    items: list[Item] = []
    skipped = 0
    for f in find_files(root, "event_location", ["*.jsonl"], "event_location"):
        for where, row in read_jsonl(f):
            item = parse_row(row, where)
            if item is None:
                skipped += 1
            else:
                items.append(item)
    return items, skipped


def verb_token(doc: Any, span: tuple[int, int]) -> int | None:
    """The token of the parse that carries the gold verb span (its verb, else its last word)."""
    s, e = span
    toks = [t for t in doc if t.idx < e and t.idx + len(t) > s]
    if not toks:
        return None
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX", "NOUN")]
    return (verbs[-1] if verbs else toks[-1]).i


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    """Accuracy of the event's location on the `split` ("dev", "train" or "all") sentences."""
    from ..places.stage import locate_token

    items, skipped = load(root)
    items = [it for it in items if split == "all" or in_dev(it.text) == (split == "dev")]
    if limit:
        items = items[:limit]
    coder = coder or Coder()
    rep = Report(f"location ({split})", skipped=skipped)
    correct = tp = fp = fn = 0
    by_source: Counter[str] = Counter()
    right_by_source: Counter[str] = Counter()
    resolved = 0
    for it in items:
        # a sentence of an article's body, not a headline: a first empty line says so, and
        # keeps the reader from sentence-casing a capitalised sentence (offsets shift by one)
        analysis = coder.analyze({"text": "\n" + it.text})
        assert analysis.doc is not None
        tok = verb_token(analysis.doc, (it.verb[0] + 1, it.verb[1] + 1))
        if tok is None:
            rep.skipped += 1
            continue
        loc = locate_token(analysis, tok, coder.resources.gazetteer)
        pred = (loc.start - 1, loc.end - 1) if loc is not None else None
        gold = it.locations
        rep.n += 1
        by_source[it.source] += 1
        if pred is None:
            ok = not gold
            fn += bool(gold)
        else:
            ok = any(_overlaps(pred, g) for g in gold)
            if gold:
                tp += 1
            else:
                fp += 1
            resolved += loc is not None and loc.country is not None
        correct += ok
        right_by_source[it.source] += ok
        if errors and not ok and len(rep.misses) < errors:
            v0, v1 = it.verb
            rep.misses.append(
                Miss(
                    it.id,
                    it.text.strip(),
                    " | ".join(it.text[s:e] for s, e in gold) or "(none)",
                    f"{loc.text} -> {loc.name}, {loc.country}" if loc else "(none)",
                    why=f"event: {it.text[v0:v1]!r}",
                )
            )
    has_p = tp / (tp + fp) if tp + fp else 0.0
    has_r = tp / (tp + fn) if tp + fn else 0.0
    rep.metrics = {
        "accuracy": correct / rep.n if rep.n else 0.0,
        "has_location_p": has_p,
        "has_location_r": has_r,
        "has_location_f1": 2 * has_p * has_r / (has_p + has_r) if has_p + has_r else 0.0,
        "predicted_with_country": resolved / (tp + fp) if tp + fp else 0.0,
    }
    rep.notes.append(
        "accuracy by source: "
        + ", ".join(
            f"{src or '?'} {right_by_source[src] / n:.2f} ({n})"
            for src, n in by_source.most_common()
        )
    )
    return rep


__all__ = ["Item", "evaluate", "load", "parse_row", "verb_token"]
