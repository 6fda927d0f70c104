"""Turn annotators' files into the real-news gold set (labels and offsets only), and measure agreement.

Annotators write one JSON file per article (docs/annotation_realnews.md) into a folder of
their own, quoting triggers, actors and places with an `anchor` (a few words around the
trigger that occur once in the text). This script finds every quote in the text rebuilt from
../shared/data, replaces it by character offsets, and writes

    src/wirecoder/eval/gold/realnews_gold.jsonl     first annotation of every article
    src/wirecoder/eval/gold/realnews_second.jsonl   second, independent annotation of 20

    python scripts/realnews_gold.py --check DIR            # report quotes that cannot be found
    python scripts/realnews_gold.py --build DIR1 [DIR2 ...] [--second DIR]
    python scripts/realnews_gold.py --agreement
    python scripts/realnews_gold.py --build-extra DIR [DIR ...]   # training-only articles
    python scripts/realnews_gold.py --second-extra DIR [DIR ...]  # their second annotations

`--agreement` compares the frozen split's 20 double-annotated articles, and the training-only
articles annotated twice (src/wirecoder/eval/gold/realnews_extra_second.jsonl) on their own.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.realnews_texts import read_text
from wirecoder.records import EVENT_TYPES, STATUSES

GOLD = Path(__file__).resolve().parents[1] / "src/wirecoder/eval/gold"
SPLIT = GOLD / "realnews_split.tsv"
DATA = Path(__file__).resolve().parents[2] / "shared/data"


EXTRA = (
    GOLD / "realnews_extra_split.tsv"
)  # more training articles (scripts/realnews_select_extra.py)


def split_rows(extra: bool = True) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for path in (SPLIT, EXTRA) if extra else (SPLIT,):
        if path.is_file():
            with path.open(encoding="utf-8") as fh:
                rows.update({r["key"]: r for r in csv.DictReader(fh, delimiter="\t")})
    return rows


def safe_name(key: str) -> str:
    return key.replace(":", "__").replace("/", "_")


class Problem(Exception):
    pass


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def locate_trigger(text: str, trigger: str, anchor: str | None) -> tuple[int, int]:
    """Offsets of `trigger` inside the one occurrence of `anchor` (or of trigger itself)."""
    if not trigger:
        raise Problem("empty trigger")
    if anchor:
        hits = _find_all(text, anchor)
        if not hits:
            low = _find_all(text.lower(), anchor.lower())
            if len(low) == 1:
                hits = low
        if len(hits) != 1:
            raise Problem(f"anchor {anchor!r} found {len(hits)} times (must be once)")
        inner = text[hits[0] : hits[0] + len(anchor)].lower().find(trigger.lower())
        if inner < 0:
            raise Problem(f"trigger {trigger!r} not inside anchor {anchor!r}")
        start = hits[0] + inner
        return start, start + len(trigger)
    hits = _find_all(text, trigger)
    if len(hits) != 1:
        raise Problem(f"trigger {trigger!r} found {len(hits)} times and no anchor given")
    return hits[0], hits[0] + len(trigger)


def locate_near(text: str, quote: str | None, near: int) -> list[int] | None:
    """The occurrence of `quote` nearest to offset `near` (actors and places)."""
    if not quote:
        return None
    hits = _find_all(text, quote) or _find_all(text.lower(), quote.lower())
    if not hits:
        raise Problem(f"{quote!r} not in the text")
    best = min(hits, key=lambda h: abs(h - near))
    return [best, best + len(quote)]


def convert(raw: dict[str, Any], root: Path, rows: dict[str, dict[str, str]]) -> dict[str, Any]:
    key = raw.get("key")
    if key not in rows:
        raise Problem(f"unknown key {key!r}")
    doc = read_text(root, key)
    if doc.digest != rows[key]["digest"]:
        raise Problem(f"text of {key} changed (digest {doc.digest} != {rows[key]['digest']})")
    events = []
    for n, ev in enumerate(raw.get("events") or [], 1):
        try:
            etype = ev.get("type")
            if etype not in EVENT_TYPES:
                raise Problem(f"type {etype!r} is not a PLOVER type")
            status = ev.get("status", "asserted")
            if status not in STATUSES:
                raise Problem(f"status {status!r}")
            kind = ev.get("kind", "new")
            if kind not in ("new", "reference"):
                raise Problem(f"kind {kind!r}")
            start, end = locate_trigger(text := doc.text, ev.get("trigger", ""), ev.get("anchor"))
            mentions = []
            for m in ev.get("mentions") or []:
                mentions.append(list(locate_trigger(text, m.get("trigger", ""), m.get("anchor"))))

            def actors(items: Any, start: int = start) -> list[dict[str, Any]]:
                out = []
                for a in items or []:
                    out.append({
                        "span": locate_near(text, a.get("text"), start),
                        "country": a.get("country") or None,
                        "sector": a.get("sector") or None,
                    })  # fmt: skip
                return out

            place = ev.get("place")
            events.append({
                "trigger": [start, end],
                "mentions": mentions,
                "type": etype,
                "mode": ev.get("mode") or None,
                "source": actors(ev.get("source")),
                "target": actors(ev.get("target")),
                "reciprocal": bool(ev.get("reciprocal", False)),
                "status": status,
                "kind": kind,
                "date": ev.get("date") or None,
                "place": None if not place else {
                    "span": locate_near(text, place.get("text"), start),
                    "country": place.get("country") or None,
                },
                "hedge": bool(ev.get("hedge", False)),
            })  # fmt: skip
        except Problem as exc:
            raise Problem(f"{key} event {n}: {exc}") from exc
    events.sort(key=lambda e: e["trigger"])
    return {"key": key, "digest": doc.digest, "annotator": raw.get("annotator"), "events": events}


def load_dir(
    folder: Path, root: Path, rows: dict[str, dict[str, str]]
) -> tuple[dict[str, Any], list[str]]:
    out: dict[str, Any] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            rec = convert(raw, root, rows)
            out[rec["key"]] = rec
        except (Problem, json.JSONDecodeError, AttributeError, TypeError) as exc:
            problems.append(f"{path.name}: {exc}")
    return out, problems


def _overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _countries(actors: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(a["country"] for a in actors if a.get("country"))


def pair_events(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy pairs of events whose triggers (or mentions) overlap."""
    pairs, used = [], set()
    for i, a in enumerate(first):
        spans_a = [a["trigger"], *a["mentions"]]
        for j, b in enumerate(second):
            if j in used:
                continue
            spans_b = [b["trigger"], *b["mentions"]]
            if any(_overlap(x, y) for x in spans_a for y in spans_b):
                pairs.append((i, j))
                used.add(j)
                break
    return pairs


def agreement(gold: dict[str, Any], second: dict[str, Any]) -> dict[str, float]:
    n_a = n_b = n_pair = same_type = same_dyad = same_status = 0
    conf: Counter[tuple[str, str]] = Counter()
    for key, rec_b in second.items():
        rec_a = gold.get(key)
        if rec_a is None:
            continue
        ev_a = [e for e in rec_a["events"] if e["kind"] == "new"]
        ev_b = [e for e in rec_b["events"] if e["kind"] == "new"]
        n_a += len(ev_a)
        n_b += len(ev_b)
        for i, j in pair_events(ev_a, ev_b):
            a, b = ev_a[i], ev_b[j]
            n_pair += 1
            conf[(a["type"], b["type"])] += 1
            same_type += a["type"] == b["type"]
            same_status += a["status"] == b["status"]
            same_dyad += (
                a["type"] == b["type"]
                and _countries(a["source"]) == _countries(b["source"])
                and _countries(a["target"]) == _countries(b["target"])
            )
    total = sum(conf.values())
    po = sum(v for (x, y), v in conf.items() if x == y) / total if total else 0.0
    pa, pb = Counter(), Counter()
    for (x, y), v in conf.items():
        pa[x] += v
        pb[y] += v
    pe = sum(pa[t] * pb[t] for t in pa) / (total * total) if total else 0.0
    p = n_pair / n_b if n_b else 0.0
    r = n_pair / n_a if n_a else 0.0
    return {
        "articles": float(sum(1 for k in second if k in gold)),
        "events_first": float(n_a),
        "events_second": float(n_b),
        "event_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "type_agreement": same_type / n_pair if n_pair else 0.0,
        "type_kappa": (po - pe) / (1 - pe) if pe < 1 else 1.0,
        "dyad_agreement": same_dyad / n_pair if n_pair else 0.0,
        "status_agreement": same_status / n_pair if n_pair else 0.0,
    }


def write_jsonl(path: Path, records: dict[str, Any]) -> None:
    lines = [json.dumps(records[k], sort_keys=True) for k in sorted(records)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path: Path) -> dict[str, Any]:
    return {
        r["key"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--check", type=Path)
    ap.add_argument("--build", type=Path, nargs="*")
    ap.add_argument("--second", type=Path)
    ap.add_argument("--agreement", action="store_true")
    ap.add_argument(
        "--build-extra", type=Path, nargs="*", help="folders with the extra training articles"
    )
    ap.add_argument(
        "--second-extra",
        type=Path,
        nargs="*",
        help="folders with second, independent annotations of extra training articles",
    )
    args = ap.parse_args()
    root = Path(args.data)
    rows = split_rows()
    if args.check:
        recs, problems = load_dir(args.check, root, rows)
        print(f"{len(recs)} files convert, {len(problems)} problems")
        for p in problems:
            print("  ", p)
        sys.exit(1 if problems else 0)
    if args.build:
        gold: dict[str, Any] = {}
        for folder in args.build:
            recs, problems = load_dir(folder, root, rows)
            for p in problems:
                print("problem:", p)
            for k, v in recs.items():
                gold.setdefault(k, v)
        missing = sorted(set(split_rows(extra=False)) - set(gold))
        print(
            f"{len(gold)} articles, {sum(len(r['events']) for r in gold.values())} events; missing {missing}"
        )
        write_jsonl(GOLD / "realnews_gold.jsonl", gold)
        if args.second:
            recs, problems = load_dir(args.second, root, rows)
            for p in problems:
                print("problem (second):", p)
            write_jsonl(GOLD / "realnews_second.jsonl", recs)
    if args.build_extra:
        extra_keys = set(split_rows()) - set(split_rows(extra=False))
        extra: dict[str, Any] = {}
        if (GOLD / "realnews_extra.jsonl").is_file():  # earlier draws stay as annotated
            extra.update(read_jsonl(GOLD / "realnews_extra.jsonl"))
        for folder in args.build_extra:
            recs, problems = load_dir(folder, root, rows)
            for p in problems:
                print("problem:", p)
            for k, v in recs.items():
                if k in extra_keys:
                    extra.setdefault(k, v)
        n_events = sum(len(r["events"]) for r in extra.values())
        print(
            f"extra: {len(extra)} articles, {n_events} events; missing {sorted(extra_keys - set(extra))}"
        )
        write_jsonl(GOLD / "realnews_extra.jsonl", extra)
    if args.second_extra:
        extra_keys = set(split_rows()) - set(split_rows(extra=False))
        path = GOLD / "realnews_extra_second.jsonl"
        second_extra: dict[str, Any] = read_jsonl(path) if path.is_file() else {}
        for folder in args.second_extra:
            recs, problems = load_dir(folder, root, rows)
            for p in problems:
                print("problem (second):", p)
            second_extra.update({k: v for k, v in recs.items() if k in extra_keys})
        write_jsonl(path, second_extra)
        print(f"extra, second annotation: {len(second_extra)} articles")
    if args.agreement:
        pairs = [("frozen split", "realnews_gold.jsonl", "realnews_second.jsonl")]
        if (GOLD / "realnews_extra_second.jsonl").is_file():
            pairs.append(("training-only", "realnews_extra.jsonl", "realnews_extra_second.jsonl"))
        for name, first_file, second_file in pairs:
            print(f"-- {name}")
            first_recs = read_jsonl(GOLD / first_file)
            second_recs = read_jsonl(GOLD / second_file)
            for k, v in agreement(first_recs, second_recs).items():
                print(f"{k:18s} {v:.3f}")


if __name__ == "__main__":
    main()
