"""Protest events against the GLOCON gold sample (Hürriyetoğlu et al.): does wirecoder see them?

GLOCON labels news articles (and the sentences of some of them) 1 when they report a
protest or other contentious event that happened or is happening: demonstrations,
strikes, blockades, riots, clashes, political violence. Planned protests and topics
without an event are 0. The labels are not PLOVER, so two readings of wirecoder's
output are scored:

- ``protest``: some PLOVER PROTEST event that the text asserts (history included);
- ``contentious``: a PROTEST, or an ASSAULT or COERCE (riots, clashes, attacks),
  asserted.

Articles are coded whole (no date: the sample has none). Sentences are scored inside
their article: its labelled sentences are joined in order, coded once, and a sentence
is positive when an event's trigger or one of its retellings lies in it. Beside
wirecoder, a keyword baseline scored by the same code says what a word list gets.

The split is fixed by article url in ``data/glocon_split.tsv`` (frozen before any
tuning); ``--split test`` is the blind part and lists no errors.
"""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..records import Event
from .common import PRF, Miss, Report, find_files, read_jsonl

#: event types each reading counts
READINGS: dict[str, frozenset[str]] = {
    "protest": frozenset({"PROTEST"}),
    "contentious": frozenset({"PROTEST", "ASSAULT", "COERCE"}),
}
#: the baseline: words a protest analyst would search for first
KEYWORDS = re.compile(
    r"\b(protest\w*|demonstrat\w*|march(?:ed|es|ers)?|rall(?:y|ies|ied)|strike[sr]?|striking|"
    r"riot\w*|sit-in\w*|boycott\w*|picket\w*|blockad\w*|clash\w*|unrest)\b",
    re.IGNORECASE,
)


def load_split() -> dict[str, str]:
    """url -> 'dev' or 'test', as frozen in the package."""
    text = resources.files("wirecoder.eval").joinpath("data/glocon_split.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            url, split = line.split("\t")
            out[url] = split
    return out


def counted(ev: Event, reading: str) -> bool:
    """Does this record count as a protest (or contentious) event under `reading`?"""
    return ev.event_type in READINGS[reading] and ev.status == "asserted"


def _spans(ev: Event) -> list[tuple[int, int]]:
    return [(ev.trigger.start, ev.trigger.end)] + [(m.start, m.end) for m in ev.mentions]


def _summary(events: list[Event], reading: str) -> str:
    got = [e for e in events if counted(e, reading)]
    return "; ".join(f"{e.event_type} '{e.trigger.text}'" for e in got[:4]) or "(none)"


def _articles(root: Path, split: str, limit: int | None) -> list[dict[str, Any]]:
    files = find_files(root, "glocon_protest", ["**/document/*.json"], "protest")
    splits = load_split()
    rows = [r for f in files for _, r in read_jsonl(f)]
    rows = [r for r in rows if split == "all" or splits.get(r["url"], "dev") == split]
    return rows[:limit] if limit else rows


def _sentences(root: Path, keep: set[str]) -> dict[str, list[dict[str, Any]]]:
    files = find_files(root, "glocon_protest", ["**/sentence/*.json"], "protest")
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for f in files:
        for _, r in read_jsonl(f):
            if r["url"] in keep:
                by_doc.setdefault(r["url"], []).append(r)
    for rows in by_doc.values():
        rows.sort(key=lambda r: int(r["sent_num"]))
    return by_doc


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    """Article- and sentence-level precision, recall and F1 of protest events (GLOCON)."""
    from ..coder import Coder

    coder = coder or Coder()
    show = split != "test"
    rep = Report(f"protest ({split})")
    docs = _articles(root, split, limit)
    counts = PRF()  # one label per reading: an article is a protest or not
    for art in docs:
        label = int(art["label"])
        if label not in (0, 1):  # 2: the annotators could not decide
            rep.skipped += 1
            continue
        events = coder.analyze({"id": art["url"], "text": art["text"]}).events
        rep.n += 1
        gold = label == 1
        for reading in READINGS:
            pred = any(counted(e, reading) for e in events)
            counts.add([reading] * gold, [reading] * pred)
            if show and reading == "protest" and pred != gold and len(rep.misses) < errors:
                rep.misses.append(
                    Miss(art["url"], art["text"][:300], f"label {label}", _summary(events, reading))
                )
        counts.add(["keywords"] * gold, ["keywords"] * bool(KEYWORDS.search(art["text"])))
    sent = PRF()
    n_sent = 0
    for url, rows in _sentences(root, {a["url"] for a in docs}).items():
        text, bounds = "", []
        for r in rows:
            start = len(text) + (1 if text else 0)
            text = f"{text} {r['sentence']}" if text else r["sentence"]
            bounds.append((start, len(text)))
        events = coder.analyze({"id": url, "text": text}).events
        for r, (a, b) in zip(rows, bounds, strict=True):
            if int(r["label"]) not in (0, 1):
                continue
            n_sent += 1
            gold = int(r["label"]) == 1
            for reading in READINGS:
                hit = [
                    e
                    for e in events
                    if counted(e, reading) and any(a <= s < b for s, _ in _spans(e))
                ]
                sent.add([reading] * gold, [reading] * bool(hit))
                if (
                    show
                    and reading == "protest"
                    and bool(hit) != gold
                    and len(rep.misses) < 2 * errors
                ):
                    rep.misses.append(
                        Miss(
                            f"{url}#{r['sent_num']}",
                            r["sentence"][:300],
                            f"label {r['label']}",
                            _summary(hit, reading),
                        )
                    )
            sent.add(["keywords"] * gold, ["keywords"] * bool(KEYWORDS.search(r["sentence"])))
    for name, c in (("article", counts), ("sentence", sent)):
        stats = c.per_label()
        for reading in (*READINGS, "keywords"):
            got = stats.get(reading, {"p": 0.0, "r": 0.0, "f1": 0.0})
            rep.metrics[f"{name}_{reading}_p"] = got["p"]
            rep.metrics[f"{name}_{reading}_r"] = got["r"]
            rep.metrics[f"{name}_{reading}_f1"] = got["f1"]
    pos = Counter(int(a["label"]) for a in docs)
    rep.notes.append(
        f"{rep.n} articles ({pos[1]} protest, {pos[0]} none, {pos[2]} undecided and skipped); "
        f"{n_sent} labelled sentences; 'keywords' is a word-list baseline scored the same way"
    )
    if not show:
        rep.notes.append("blind test split: figures only, no errors listed")
    return rep


__all__ = ["KEYWORDS", "READINGS", "counted", "evaluate", "load_split"]
