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
import json
from collections import Counter
from importlib import resources
from pathlib import Path

from ..coder import Coder
from ..errors import Codes, EvalError
from .common import PRF, Miss, Report, confuse, describe, find_files

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


def evaluate(
    root: Path, limit: int | None = None, errors: int = 0, coder: Coder | None = None
) -> Report:
    crosswalk = load_crosswalk(root)
    files = find_files(root, "petrarch_unit_tests", ["*.jsonl"], "petrarch_unit_tests")
    coder = coder or Coder(actors=[world_dictionary()])
    rep = Report("petrarch")
    types, dyads = PRF(), PRF()
    records = []
    for f in files:
        for lineno, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise EvalError(Codes.E502, path=f"{f}:{lineno}", detail=exc.msg) from exc
    if limit:
        records = records[:limit]
    for rec in records:
        codings = rec.get("codings") or []
        if any("error" in c for c in codings):
            rep.skipped += 1
            continue
        gold: list[tuple[str, str | None, str | None]] = []
        unmappable = False
        for c in codings:
            if "eventcode" not in c:
                continue
            ev = to_plover(c["eventcode"], crosswalk)
            if ev is None:
                unmappable = True
                break
            gold.append((ev, _country(c["sourcecode"]), _country(c["targetcode"])))
        if unmappable:
            rep.skipped += 1
            continue
        date = rec.get("date")
        date = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        events = coder.code(rec["text"], date=date)
        rep.n += 1
        pred_types = [e.event_type for e in events]
        gold_types = [g[0] for g in gold]
        types.add(gold_types, pred_types)
        pred_dyads = [(e.event_type, s, t) for e in events for s, t in e.dyads()]
        dyads.add(gold, pred_dyads, label=lambda x: x[0])
        g_main = gold_types[0] if gold_types else "none"
        p_main = pred_types[0] if pred_types else "none"
        confuse(rep.confusion, g_main, p_main)
        if errors and (Counter(gold_types) != Counter(pred_types)) and len(rep.misses) < errors:
            rep.misses.append(
                Miss(
                    rec.get("id", "?"),
                    rec["text"],
                    "; ".join(f"{g[0]} {g[1]}->{g[2]}" for g in gold) or "(no events)",
                    "; ".join(describe(e) for e in events) or "(no events)",
                )
            )
    p, r, f = types.micro()
    dp, dr, df = dyads.micro()
    rep.metrics = {
        "type_p": p,
        "type_r": r,
        "type_f1": f,
        "dyad_p": dp,
        "dyad_r": dr,
        "dyad_f1": df,
    }
    rep.per_label = types.per_label()
    rep.notes.append(
        f"{rep.skipped} records skipped (codes outside the CAMEO→PLOVER crosswalk, or error records)"
    )
    return rep


__all__ = ["evaluate", "load_crosswalk", "to_plover", "world_dictionary"]
