"""PETRARCH's unit-test records, mapped from CAMEO to PLOVER.

Each record is one sentence with PETRARCH's expected codings (source, target,
CAMEO event code). Codes map to PLOVER with the CAMEO→PLOVER crosswalk that ships
with the PLOVER manual (in the data folder, not in wirecoder). Records whose codes
the crosswalk does not cover (PETRARCH's test-only 9xx/8xx codes, CAMEO 01 and 02)
are skipped and counted; "no events" records stay in: anything coded there is a
false positive. The fictional actors (Gondor, Arnor, ...) come from
`eval/data/petrarch_world.yaml`, loaded like a user dictionary.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from ..coder import Coder
from .common import PRF, Miss, Report, confuse, describe, find_files, read_jsonl

#: CAMEO country codes in the tests that differ from ISO alpha-3.
CAMEO_TO_ISO = {"KUW": "KWT", "NZE": "NZL", "ZBW": "ZWE", "RHO": "ZWE", "---": None, "": None}


def load_crosswalk(root: Path) -> dict[str, str]:
    files = find_files(root, "plover", ["cameo2plover*.csv"], "plover crosswalk")
    table: dict[str, str] = {}
    with files[0].open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("cameo") or "").strip()
            ev = (row.get("plover_event") or "").strip()
            if code and ev:
                table[code] = ev
    return table


def load_details(root: Path) -> dict[str, tuple[str | None, list[str]]]:
    """CAMEO code -> (PLOVER mode, PLOVER contexts), where the crosswalk gives them."""
    files = find_files(root, "plover", ["cameo2plover*.csv"], "plover crosswalk")
    table: dict[str, tuple[str | None, list[str]]] = {}
    with files[0].open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("cameo") or "").strip()
            mode = (row.get("mode") or "").strip().lower() or None
            ctx = [
                c.strip().lower()
                for c in (row.get("context") or "").replace(";", ",").split(",")
                if c.strip()
            ]
            if code:
                table[code] = (mode, ctx)
    return table


def to_plover(code: str, crosswalk: dict[str, str]) -> str | None:
    for k in (code, code[:3], code[:2]):
        if k in crosswalk:
            return crosswalk[k]
    return None


def _country(code: str) -> str | None:
    c = code[:3]
    return CAMEO_TO_ISO.get(c, c) if c not in ("---", "###", "") else None


def world_dictionary() -> Path:
    return Path(str(resources.files("wirecoder.eval").joinpath("data/petrarch_world.yaml")))


def world_verbs() -> Path:
    return Path(str(resources.files("wirecoder.eval").joinpath("data/petrarch_world_verbs.txt")))


Gold = list[tuple[str, str | None, str | None]]


def load_records(
    root: Path, crosswalk: dict[str, str], limit: int | None
) -> tuple[list[tuple[dict[str, Any], Gold]], int]:
    """(record, gold codings) pairs, and how many records were skipped."""
    files = find_files(root, "petrarch_unit_tests", ["*.jsonl"], "petrarch_unit_tests")
    records: list[dict[str, Any]] = []
    for f in files:
        records.extend(r for _, r in read_jsonl(f))
    if limit:
        records = records[:limit]
    out: list[tuple[dict[str, Any], Gold]] = []
    skipped = 0
    for rec in records:
        codings = rec.get("codings") or []
        if any("error" in c for c in codings):
            skipped += 1
            continue
        gold: Gold = []
        for c in codings:
            if "eventcode" not in c:
                continue
            ev = to_plover(c["eventcode"], crosswalk)
            if ev is None:
                gold = []
                break
            gold.append((ev, _country(c["sourcecode"]), _country(c["targetcode"])))
            rec.setdefault("_codes", []).append((ev, c["eventcode"]))
        else:
            out.append((rec, gold))
            continue
        skipped += 1
    return out, skipped


def _records(dyads: Gold) -> str:
    return "; ".join(f"{k} {s}->{t}" for k, s, t in sorted(dyads, key=str)) or "(no events)"


def _score(
    coder: Coder,
    items: list[tuple[dict[str, Any], Gold]],
    rep: Report | None,
    errors: int,
    literal: bool = False,
    details: dict[str, tuple[str | None, list[str]]] | None = None,
) -> tuple[PRF, PRF, PRF, PRF]:
    """(types per event, types per record, dyads, country pairs).

    literal: compare the trigger's own type (a dictionary that codes verb patterns as such,
    like PETRARCH's test dictionary); otherwise PLOVER's reading ("will meet" is AGREE)."""
    types, records, dyads, pairs = PRF(), PRF(), PRF(), PRF()
    details = details or {}
    for rec, gold in items:
        date = rec.get("date")
        date = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        # PETRARCH codes the news in a sentence, not its background history
        # and codes verbs: event nouns named as another event's object are not coded
        events = [
            e
            for e in coder.code(rec["text"], date=date)
            if not (e.historical or e.referential) and (e.source or e.target)
        ]
        kind = [e.event_type if literal else (e.plover_type or e.event_type) for e in events]
        pred_types = kind
        gold_types = [g[0] for g in gold]
        types.add(gold_types, pred_types)
        pred_dyads = [
            (k, s, t)
            for k, e in zip(kind, events, strict=True)
            for s, t in e.dyads(plover=not literal)
        ]
        # PETRARCH writes one record per source-target pair ("A and B met" is two records),
        # so its gold counts types per pair; wirecoder's events are counted the same way here
        records.add(gold_types, [d[0] for d in pred_dyads])
        dyads.add(gold, pred_dyads, label=lambda x: x[0])
        pairs.add([g[1:] for g in gold], [d[1:] for d in pred_dyads], label=lambda x: "pair")
        if rep is None:
            continue
        rep.n += 1
        # mode and context, for gold codes whose crosswalk entry names them
        for ev_type, code in rec.get("_codes", []):
            mode, ctx = next((details[k] for k in (code, code[:3]) if k in details), (None, []))
            match = next((e for k, e in zip(kind, events, strict=True) if k == ev_type), None)
            if match is None:
                continue
            if mode:
                rep.metrics["_mode_n"] = rep.metrics.get("_mode_n", 0) + 1
                rep.metrics["_mode_ok"] = rep.metrics.get("_mode_ok", 0) + (
                    (match.mode or "") == mode
                )
            if ctx:
                rep.metrics["_ctx_n"] = rep.metrics.get("_ctx_n", 0) + 1
                rep.metrics["_ctx_ok"] = rep.metrics.get("_ctx_ok", 0) + bool(
                    set(ctx) & set(match.contexts)
                )
        confuse(
            rep.confusion,
            gold_types[0] if gold_types else "none",
            pred_types[0] if pred_types else "none",
        )
        # a miss is what the scores count: a record (type, source, target) one side lacks;
        # "A and B met" as one event with both dyads is not a miss
        wrong = Counter(gold) != Counter(pred_dyads)
        if errors and wrong and len(rep.misses) < errors:
            rep.misses.append(
                Miss(
                    rec.get("id", "?"),
                    rec["text"],
                    _records(gold),
                    "; ".join(describe(e) for e in events) or "(no events)",
                    why="records: " + _records(pred_dyads),
                )
            )
    return types, records, dyads, pairs


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    fast: bool = False,
) -> Report:
    """PETRARCH's unit tests, coded with the fictional world's actor dictionary (Arnor, Gondor)."""
    from ..analysis import CoderConfig

    crosswalk = load_crosswalk(root)
    items, skipped = load_records(root, crosswalk, limit)
    rep = Report("petrarch")
    rep.skipped = skipped
    own = coder or Coder(CoderConfig(fast=fast), actors=[world_dictionary()])
    types, records, dyads, pairs = _score(own, items, rep, errors, details=load_details(root))
    counts = {k: rep.metrics.pop(k, 0) for k in ("_mode_n", "_mode_ok", "_ctx_n", "_ctx_ok")}
    test = Coder(CoderConfig(fast=fast), actors=[world_dictionary()], triggers=[world_verbs()])
    # the misses that remain once the test world's own verb codes are known say most about
    # the parse; list them after wirecoder's own-lexicon misses
    t_rep = Report("petrarch (test dictionary)") if errors else None
    t_types, t_records, t_dyads, _ = _score(test, items, t_rep, errors, details={}, literal=True)
    if t_rep is not None:
        rep.misses += [replace(m, id=f"{m.id} (test dictionary)") for m in t_rep.misses]
    rep.metrics = {
        "type_f1": records.micro()[2],
        "type_p": records.micro()[0],
        "type_r": records.micro()[1],
        "type_f1_per_event": types.micro()[2],
        "dyad_f1": dyads.micro()[2],
        "actor_pair_f1": pairs.micro()[2],
        "type_f1_with_test_dictionary": t_records.micro()[2],
        "type_f1_per_event_with_test_dictionary": t_types.micro()[2],
        "dyad_f1_with_test_dictionary": t_dyads.micro()[2],
    }
    if counts["_mode_n"]:
        rep.metrics["mode_accuracy"] = counts["_mode_ok"] / counts["_mode_n"]
    if counts["_ctx_n"]:
        rep.metrics["context_accuracy"] = counts["_ctx_ok"] / counts["_ctx_n"]
    rep.notes.append(
        f"mode/context accuracy: events of the gold type whose CAMEO code names a mode "
        f"({int(counts['_mode_n'])}) or a context ({int(counts['_ctx_n'])}) in the crosswalk"
    )
    rep.per_label = records.per_label()
    rep.notes += [
        f"{rep.skipped} records skipped (codes outside the CAMEO→PLOVER crosswalk, or error records)",
        "type/dyad: wirecoder's own lexicon; *_with_test_dictionary: plus the verb codes of "
        "PETRARCH's test world (eval/data/petrarch_world_verbs.txt), the way PETRARCH runs these tests",
        "actor_pair_f1: source and target countries, whatever the event type",
        "type_f1 counts one record per source-target pair, as PETRARCH writes them and as the "
        "gold lists them; type_f1_per_event counts each wirecoder event once",
    ]
    return rep


__all__ = ["evaluate", "load_crosswalk", "to_plover", "world_dictionary", "world_verbs"]
