"""`wirecoder eval realnews`: wirecoder against the team's real-news gold set.

The gold (src/wirecoder/eval/gold/realnews_gold.jsonl, made by the team under
docs/annotation_realnews.md) holds every event a careful PLOVER coder records in 105 real
articles, as labels and character offsets into texts rebuilt from ../shared/data. A system
event matches a gold event when their triggers (or any retelling of either) overlap.

Figures (each over the split's articles):

- `type_precision`: of wirecoder's asserted events that are news (not flagged historical),
  the share that are a gold event of the same type (an event the gold does not have is wrong);
- `all_right_precision`: the same, also right in status and in both parties' countries;
- `recall_type`, `recall`: of the gold's new events, the share found with the right type, and
  with the right type and both parties;
- `recall_type_news`: the share found with the right type by a record not flagged historical
  (the default exports leave historical records out, so for a user of those exports an event
  flagged as background is not found);
- `status_accuracy`, `date_accuracy`: on matched events of the right type (dates where the
  gold gives one);
- `place_accuracy`, `place_wrong`: on matched events of the right type whose gold says in
  which country it happened, the share given that country, and the share given another (the
  rest have no place);
- `source_accuracy`, `target_accuracy`: parties' countries on matched events of the right type;
  `source_code_accuracy`, `target_code_accuracy`: country and sector both (the actor's code);
- `target_unwanted`: of those events whose gold has no target, the share given one anyway
  (`target_accuracy` counts them right: this says what that leniency hides);
- `duplicates`: the share of wirecoder's records that retell a gold event another record
  already matched (one real event, two records);
- `wrong_merges`: the share of wirecoder's records whose tellings (trigger and `mentions`)
  touch two or more gold events (two real events, one record);
- `record_type_precision`: of all records not flagged historical, whatever their status (what
  the default exports hold), the share that are a gold event of the same type;
  `unasserted_precision` the same for the negated, future, hypothetical and requested ones
  (`unasserted_events` of them): the gold records those too, when a careful coder would;
- `candidate_coverage`: the share of gold events whose trigger some lexicon candidate covers,
  kept or not (what the learned decision can at best find).

A table gives the same figures for the records a user keeps with `--min-confidence` at each
cut-off (type and all-right precision of asserted news, recall by a news record of the right
type, and with both parties): the price of precision in recall, measured.

Party countries are right when the gold names none, or when wirecoder names one of the gold's.
`--errors N` lists events of a wrong type, events of the right type with a wrong party, and
gold events not found. The blind test split is scored like the others but never listed:
`--errors` shows dev (or train) only.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Codes, EvalError
from .common import Miss, Report, confuse
from .realnews_texts import read_text

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..coder import Coder
    from ..records import Event

GOLD_PACKAGE = "wirecoder.eval.gold"


@dataclass
class GoldDoc:
    key: str
    split: str
    digest: str
    events: list[dict[str, Any]]


def load_gold(split: str) -> list[GoldDoc]:
    """The gold articles of `split` (train, dev, test or all), in key order."""
    base = resources.files(GOLD_PACKAGE)
    try:
        table = base.joinpath("realnews_split.tsv").read_text(encoding="utf-8")
        lines = base.joinpath("realnews_gold.jsonl").read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise EvalError(Codes.E501, name="realnews", path=GOLD_PACKAGE) from exc
    splits = {r["key"]: r["split"] for r in csv.DictReader(table.splitlines(), delimiter="\t")}
    if split in ("train", "all"):
        # more training articles, drawn after the split was frozen (never dev or test)
        extra = base.joinpath("realnews_extra_split.tsv")
        if extra.is_file() and base.joinpath("realnews_extra.jsonl").is_file():
            rows = csv.DictReader(extra.read_text(encoding="utf-8").splitlines(), delimiter="\t")
            splits.update({r["key"]: "train" for r in rows})
            lines += base.joinpath("realnews_extra.jsonl").read_text(encoding="utf-8").splitlines()
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(Codes.E502, path=f"realnews_gold.jsonl:{n}", detail=exc.msg) from exc
        s = splits.get(rec["key"])
        if s is None:
            raise EvalError(Codes.E502, path=f"realnews_gold.jsonl:{n}", detail="key not in split")
        if split in (s, "all"):
            out.append(GoldDoc(rec["key"], s, rec["digest"], rec["events"]))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_spans(g: dict[str, Any]) -> list[tuple[int, int]]:
    return [tuple(g["trigger"]), *(tuple(m) for m in g.get("mentions") or [])]


def event_spans(ev: Event) -> list[tuple[int, int]]:
    spans = [(ev.trigger.start, ev.trigger.end)]
    for m in ev.mentions or []:
        start, end = getattr(m, "start", None), getattr(m, "end", None)
        if start is None and isinstance(m, dict):
            start, end = m.get("start"), m.get("end")
        if start is not None and end is not None:
            spans.append((int(start), int(end)))
    return spans


def match(events: list[Event], gold: list[dict[str, Any]]) -> list[int | None]:
    """For each system event, the index of the gold event it tells, or None.

    A system event tells a gold event when their triggers (or retellings) overlap, or, failing
    that, when it has the gold event's type and a gold trigger lies in its sentence (coders
    pick different words of one clause: "Held For Trial" / "Accused ... Killer").
    """
    out: list[int | None] = []
    for ev in events:
        spans = event_spans(ev)
        hit = None
        for gi, g in enumerate(gold):
            if any(_overlap(a, b) for a in spans for b in gold_spans(g)):
                hit = gi
                break
        if hit is None and ev.sentence:
            sent = (ev.sentence_start, ev.sentence_start + len(ev.sentence))
            for gi, g in enumerate(gold):
                if g["type"] == ev.event_type and any(_overlap(sent, b) for b in gold_spans(g)):
                    hit = gi
                    break
        out.append(hit)
    return out


def merged_wrongly(ev: Event, gold: list[dict[str, Any]]) -> bool:
    """The record's tellings touch two different gold events: it merged two real events."""
    spans = event_spans(ev)
    told = {
        gi for gi, g in enumerate(gold) if any(_overlap(a, b) for a in spans for b in gold_spans(g))
    }
    return len(told) > 1


def parties_right(actors: list[Any], gold: list[dict[str, Any]]) -> bool:
    """Right when the gold names no country, or wirecoder names one of the gold's; a gold
    non-state armed group (IMG) is also matched by a rebel actor of the country it fights in."""
    want = {a["country"] for a in gold if a.get("country")}
    if not want:
        return True
    if want & {a.country for a in actors if a.country}:
        return True
    return "IMG" in want and any(a.sector == "REB" for a in actors)


def codes_right(actors: list[Any], gold: list[dict[str, Any]]) -> bool:
    """Country and sector both right, as a PLOVER code names an actor ("PAK GOV"): right when
    the gold names no party, or when one of wirecoder's actors has the country and sector of
    one of the gold's (a gold party without a sector is matched by its country; a gold
    non-state armed group, IMG, by a rebel actor of any country, as `parties_right` does)."""
    want = [(a.get("country"), a.get("sector")) for a in gold if a.get("country")]
    if not want:
        return True
    have = {(a.country, a.sector) for a in actors if a.country}
    for country, sector in want:
        if country == "IMG" and any(a.sector == (sector or "REB") for a in actors):
            return True
        if (country, sector) in have if sector else country in {h[0] for h in have}:
            return True
    return False


def date_right(ev: Event, gold_date: str) -> bool:
    return bool(ev.date) and str(ev.date).startswith(gold_date)


def covered(analysis: Analysis, g: dict[str, Any]) -> bool:
    doc = analysis.doc
    if doc is None or not analysis.candidates:
        return False
    spans = gold_spans(g)
    for cand in analysis.candidates:
        for i in cand.tokens:
            t = doc[i]
            if any(_overlap((t.idx, t.idx + len(t.text)), s) for s in spans):
                return True
    return False


def score(
    pairs: list[tuple[GoldDoc, Analysis]], name: str, errors: int = 0, show: bool = True
) -> Report:
    rep = Report(name=name)
    c: Counter[str] = Counter()
    cuts: list[_Scored] = []
    for n_doc, (doc, analysis) in enumerate(pairs):
        gold = [g for g in doc.events]
        new_gold = [i for i, g in enumerate(gold) if g["kind"] == "new"]
        events = analysis.events
        hits = match(events, gold)
        seen: set[int] = set()
        found_type: set[int] = set()
        found_news: set[int] = set()
        found_all: set[int] = set()
        for ev, gi in zip(events, hits, strict=True):
            g = gold[gi] if gi is not None else None
            if gi is not None and gi in seen:
                c["duplicates"] += 1
            c["records"] += 1
            c["wrong_merges"] += merged_wrongly(ev, gold)
            if gi is not None:
                seen.add(gi)
            news = ev.status == "asserted" and not ev.historical
            right_type = g is not None and g["kind"] == "new" and g["type"] == ev.event_type
            both = (
                right_type
                and g is not None
                and parties_right(ev.source, g["source"])
                and parties_right(ev.target, g["target"])
            )
            key = (n_doc, gi) if gi is not None else None
            cuts.append(
                _Scored(
                    ev.confidence,
                    news,
                    right_type,
                    bool(both and g is not None and g["status"] == "asserted"),
                    key if right_type and not ev.historical else None,
                    key if both else None,
                )
            )
            if not ev.historical:
                # what a user of the default exports reads, whatever the status
                c["kept"] += 1
                c["kept_right_type"] += right_type
                if ev.status != "asserted":
                    c["unasserted"] += 1
                    c["unasserted_right_type"] += right_type
            if news:
                c["asserted"] += 1
                c["asserted_right_type"] += right_type
                c["asserted_all_right"] += both and g is not None and g["status"] == "asserted"
                if g is None or g["kind"] == "reference":
                    c["asserted_no_event" if g is None else "asserted_reference"] += 1
            if g is not None:
                confuse(
                    rep.confusion, g["type"] if g["kind"] == "new" else "REFERENCE", ev.event_type
                )
            if right_type and g is not None and gi is not None:
                found_type.add(gi)
                if not ev.historical:
                    found_news.add(gi)
                if both:
                    found_all.add(gi)
                c["matched"] += 1
                c["status_right"] += ev.status == g["status"]
                c["source_right"] += parties_right(ev.source, g["source"])
                c["target_right"] += parties_right(ev.target, g["target"])
                c["source_code_right"] += codes_right(ev.source, g["source"])
                c["target_code_right"] += codes_right(ev.target, g["target"])
                if not g["target"]:
                    c["no_gold_target"] += 1
                    c["target_unwanted"] += bool(ev.target)
                if g.get("date"):
                    c["dated"] += 1
                    c["date_right"] += date_right(ev, g["date"])
                place = g.get("place") or {}
                if place.get("country"):
                    here = ev.location.country if ev.location else None
                    c["placed"] += 1
                    c["place_right"] += here == place["country"]
                    c["place_wrong"] += bool(here) and here != place["country"]
                if show and not both and len(rep.misses) < errors:
                    rep.misses.append(_miss(doc, ev, g))  # right type, a party wrong
            elif show and len(rep.misses) < errors and (news or g is not None):
                rep.misses.append(_miss(doc, ev, g))
        c["gold_new"] += len(new_gold)
        c["recall_type"] += len(found_type & set(new_gold))
        c["recall_type_news"] += len(found_news & set(new_gold))
        c["recall_all"] += len(found_all & set(new_gold))
        for i in new_gold:
            c["covered"] += covered(analysis, gold[i])
            if show and i not in found_type and len(rep.misses) < errors:
                g = gold[i]
                rep.misses.append(
                    Miss(doc.key, f"chars {g['trigger']}", _gold_str(g), "(not found)")
                )
    rep.n = len(pairs)

    def ratio(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 0.0

    rep.metrics = {
        "type_precision": ratio("asserted_right_type", "asserted"),
        "all_right_precision": ratio("asserted_all_right", "asserted"),
        "recall_type": ratio("recall_type", "gold_new"),
        "recall_type_news": ratio("recall_type_news", "gold_new"),
        "recall": ratio("recall_all", "gold_new"),
        "status_accuracy": ratio("status_right", "matched"),
        "date_accuracy": ratio("date_right", "dated"),
        "place_accuracy": ratio("place_right", "placed"),
        "place_wrong": ratio("place_wrong", "placed"),
        "source_accuracy": ratio("source_right", "matched"),
        "target_accuracy": ratio("target_right", "matched"),
        "source_code_accuracy": ratio("source_code_right", "matched"),
        "target_code_accuracy": ratio("target_code_right", "matched"),
        "target_unwanted": ratio("target_unwanted", "no_gold_target"),
        "duplicates": ratio("duplicates", "records"),
        "wrong_merges": ratio("wrong_merges", "records"),
        "candidate_coverage": ratio("covered", "gold_new"),
        "asserted_events": float(c["asserted"]),
        "asserted_no_event": ratio("asserted_no_event", "asserted"),
        "asserted_reference": ratio("asserted_reference", "asserted"),
        "gold_events": float(c["gold_new"]),
        "record_type_precision": ratio("kept_right_type", "kept"),
        "unasserted_precision": ratio("unasserted_right_type", "unasserted"),
        "unasserted_events": float(c["unasserted"]),
    }
    rep.tables["by minimum confidence (--min-confidence)"] = confidence_table(cuts, c["gold_new"])
    return rep


#: the cut-offs `confidence_table` reports
CONFIDENCE_CUTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class _Scored:
    """One record as scored: its confidence, whether it counts as news, whether it is right,
    and the gold event it finds (by a news record, and with both parties), if any."""

    confidence: float
    news: bool
    right_type: bool
    all_right: bool
    finds: tuple[int, int] | None
    finds_all: tuple[int, int] | None


def confidence_table(records: list[_Scored], gold_new: int) -> list[dict[str, float]]:
    """Precision and recall of the records a user keeps with `--min-confidence` at each cut:
    what a threshold buys and what it costs, measured rather than guessed."""
    rows = []
    for cut in CONFIDENCE_CUTS:
        kept = [r for r in records if r.confidence >= cut]
        news = [r for r in kept if r.news]
        found = {r.finds for r in kept if r.finds is not None}
        found_all = {r.finds_all for r in kept if r.finds_all is not None}
        rows.append(
            {
                "min_conf": cut,
                "asserted": float(len(news)),
                "type_P": sum(r.right_type for r in news) / len(news) if news else 0.0,
                "all_right_P": sum(r.all_right for r in news) / len(news) if news else 0.0,
                "recall_news": len(found) / gold_new if gold_new else 0.0,
                "recall": len(found_all) / gold_new if gold_new else 0.0,
            }
        )
    return rows


def _gold_str(g: dict[str, Any] | None) -> str:
    if g is None:
        return "(no event)"
    src = ",".join(a.get("country") or "?" for a in g["source"]) or "-"
    tgt = ",".join(a.get("country") or "?" for a in g["target"]) or "-"
    return f"{g['type']}{'/' + g['mode'] if g.get('mode') else ''} {src}->{tgt} [{g['status']}, {g['kind']}]"


def _miss(doc: GoldDoc, ev: Event, g: dict[str, Any] | None) -> Miss:
    from .common import describe

    return Miss(doc.key, ev.sentence[:200], _gold_str(g), describe(ev))


def analyses(root: Path, docs: list[GoldDoc], coder: Coder) -> list[tuple[GoldDoc, Analysis]]:
    out = []
    for doc in docs:
        text = read_text(root, doc.key)
        if text.digest != doc.digest:
            raise EvalError(Codes.E502, path=doc.key, detail="the source text has changed")
        out.append((doc, coder.analyze({"id": doc.key, "text": text.text, "date": text.date})))
    return out


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    """Score on the real-news gold `split` (dev by default; `test` is the blind split)."""
    from ..coder import Coder

    docs = load_gold(split)
    if limit:
        docs = docs[:limit]
    coder = coder or Coder()
    rep = score(analyses(root, docs, coder), f"realnews ({split})", errors, show=split != "test")
    if split == "test":
        rep.notes.append("blind test split: figures only, no errors listed")
    return rep


__all__ = ["GoldDoc", "analyses", "evaluate", "load_gold", "match", "merged_wrongly", "score"]
