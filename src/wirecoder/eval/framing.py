"""`wirecoder eval framing`: the outlet-voice framing extractor against the team's gold set.

The gold (`eval/gold/framing.jsonl`, guide docs/annotation_framing.md) holds, per article, the
spans where the outlet itself labels, casts doubt or loads, with their category; its split file
(`framing_split.tsv`) fixes a dev and a blind test part. Texts are rebuilt from ../shared/data
by key (`realnews_texts`), their hash checked. Without the gold file the set is skipped with a
note (it is labelled in parallel with the extractor).

Scores: a predicted span matches a gold span when they overlap (one-to-one); precision, recall
and F1 without and with the category, per category, and exact-offset F1. On the test split no
error is listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..errors import Codes, EvalError
from ..voices.records import Framing
from .common import Miss, Report, read_jsonl
from .realnews_texts import RealText, read_text

GOLD_DIR = Path(__file__).resolve().parent / "gold"
Gold = tuple[int, int, str]


def load_gold(
    split: str, gold_dir: Path = GOLD_DIR, shas: dict[str, str] | None = None
) -> list[tuple[str, list[Gold]]] | None:
    """(key, [(start, end, category)]) for the articles of `split`; None without a gold file.
    `shas` is filled with each article's text hash, when the gold gives one."""
    shas = {} if shas is None else shas
    path, split_path = gold_dir / "framing.jsonl", gold_dir / "framing_split.tsv"
    if not path.is_file() or not split_path.is_file():
        return None
    lines = split_path.read_text(encoding="utf-8").splitlines()
    splits = {ln.split("\t")[0]: ln.split("\t")[1] for ln in lines[1:] if ln.strip()}
    out: list[tuple[str, list[Gold]]] = []
    for where, rec in read_jsonl(path):
        if not isinstance(rec, dict) or "key" not in rec or not isinstance(rec.get("spans"), list):
            raise EvalError(Codes.E502, path=where, detail="needs 'key' and a 'spans' list")
        if split != "all" and splits.get(rec["key"]) != split:
            continue
        try:
            spans = [(int(s["start"]), int(s["end"]), str(s["category"])) for s in rec["spans"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise EvalError(Codes.E502, path=where, detail=f"bad span ({exc})") from exc
        out.append((rec["key"], spans))
        shas[rec["key"]] = str(rec.get("sha") or "")
    return out


def _match(pred: list[Framing], gold: list[Gold], same_category: bool) -> int:
    used: set[int] = set()
    hits = 0
    for f in pred:
        for j, (s, e, cat) in enumerate(gold):
            if j in used or not (f.start < e and s < f.end):
                continue
            if same_category and cat != f.category:
                continue
            used.add(j)
            hits += 1
            break
    return hits


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    pairs: Iterable[tuple[RealText, list[Gold], list[Framing]]], errors: int = 0,
    name: str = "framing",
) -> Report:  # fmt: skip
    """The report for articles with gold spans and predicted framing."""
    rep = Report(name)
    c: dict[str, int] = {}

    def add(k: str, n: int) -> None:
        c[k] = c.get(k, 0) + n

    for doc, gold, pred in pairs:
        rep.n += 1
        add("pred", len(pred))
        add("gold", len(gold))
        add("span", _match(pred, gold, False))
        add("cat", _match(pred, gold, True))
        add("exact", sum(any((f.start, f.end) == (s, e) for s, e, _ in gold) for f in pred))
        for cat in ("label", "doubt", "load"):
            pc = [f for f in pred if f.category == cat]
            gc = [x for x in gold if x[2] == cat]
            add(f"pred_{cat}", len(pc))
            add(f"gold_{cat}", len(gc))
            add(f"tp_{cat}", _match(pc, gc, True))
        if errors and len(rep.misses) < errors:
            for f in pred:
                if not any(f.start < e and s < f.end for s, e, _ in gold):
                    rep.misses.append(Miss(f"{doc.key}@{f.start}", _around(doc.text, f.start,
                                      f.end), "(no framing)", f"{f.category} {f.text!r}"))  # fmt: skip
            for s, e, cat in gold:
                if not any(f.start < e and s < f.end for f in pred):
                    rep.misses.append(Miss(f"{doc.key}@{s}", _around(doc.text, s, e),
                                           f"{cat} {doc.text[s:e]!r}", "(not found)"))  # fmt: skip
    g = c.get
    for key, tp in (("span", "span"), ("category", "cat"), ("exact", "exact")):
        p, r, f1 = _prf(g(tp, 0), g("pred", 0), g("gold", 0))
        rep.metrics.update({f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f1})
    for cat in ("label", "doubt", "load"):
        p, r, f1 = _prf(g(f"tp_{cat}", 0), g(f"pred_{cat}", 0), g(f"gold_{cat}", 0))
        rep.per_label[cat] = {"p": p, "r": r, "f1": f1, "support": g(f"gold_{cat}", 0),
                              "predicted": g(f"pred_{cat}", 0)}  # fmt: skip
    rep.misses = rep.misses[:errors]
    rep.notes.append(
        f"{rep.n} articles, {g('gold', 0)} gold spans, {g('pred', 0)} predicted; overlap "
        f"matches {g('span', 0)} ({g('cat', 0)} with the same category), exact {g('exact', 0)}"
    )
    return rep


def _around(text: str, s: int, e: int, width: int = 80) -> str:
    a = max(0, s - width)
    return " ".join((text[a:s] + "[" + text[s:e] + "]" + text[e : e + width]).split())


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
    gold_dir: Path = GOLD_DIR,
) -> Report:
    """Framing on the gold set's `split` (dev, test or all); skipped when there is no gold."""
    shas: dict[str, str] = {}
    gold = load_gold(split, gold_dir, shas)
    if gold is None:
        rep = Report(f"framing ({split})")
        rep.notes.append(
            f"no framing gold in {gold_dir} (framing.jsonl, framing_split.tsv): skipped"
        )
        return rep
    if limit:
        gold = gold[:limit]
    if split == "test":
        errors = 0  # the blind split gives figures only
    docs = [read_text(root, key) for key, _ in gold]
    for d in docs:
        if shas.get(d.key) and shas[d.key] != d.digest:
            raise EvalError(Codes.E502, path=str(gold_dir / "framing.jsonl"),
                            detail=f"{d.key}: the text changed since it was labelled")  # fmt: skip
    coder = coder or Coder()
    items: list[dict[str, Any]] = [{"id": d.key, "text": d.text, "date": d.date} for d in docs]
    coded = coder.code_many(items, voices=True)
    rows = []
    for d, (_key, spans), res in zip(docs, gold, coded, strict=True):
        pred = res.voices.framing if res.voices is not None else []
        rows.append((d, spans, pred))
    return score(rows, errors, f"framing ({split})")


__all__ = ["evaluate", "load_gold", "score"]
