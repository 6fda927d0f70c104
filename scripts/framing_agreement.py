"""Agreement between two independent framing annotations (issue 17 item 6).

    python scripts/framing_agreement.py [--a GOLD] [--b SECOND] [--data ../shared/data] [--json]

Defaults: the team's framing.jsonl (annotator A) against framing_second.jsonl (annotator B), on
the articles both annotated. Reports what tells whether the guide (docs/annotation_framing.md)
is clear enough to measure an extractor against:

- span F1, exact (same start and end) and overlap (one-to-one pairs of overlapping spans),
  each also requiring the same category, and overlap F1 per category;
- category agreement: the share of overlap-matched pairs with the same category, and how
  often the two targets agree (case-blind; both null counts as agreeing);
- Cohen's kappa on tokens: every token of every shared article labelled none / label / doubt /
  load by each annotator (needs the texts, rebuilt from --data as the gold offsets index them).

F1 is symmetric, so which file is A does not matter. Bad input ends with a coded error
(E501 missing file, E502 malformed row or a text digest that differs between the two files).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.errors import Codes, EvalError, WirecoderError

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "src/wirecoder/eval/gold"
CATEGORIES = ("label", "doubt", "load")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Span = tuple[int, int, str, str | None]


def load(path: Path) -> dict[str, tuple[str, list[Span]]]:
    """An annotation file as {key: (sha, spans)}; E501 when absent, E502 on a malformed row."""
    if not path.exists():
        raise EvalError(Codes.E501, name="framing", path=path)
    out: dict[str, tuple[str, list[Span]]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            spans = [
                (int(s["start"]), int(s["end"]), str(s["category"]), s.get("target"))
                for s in row["spans"]
            ]
            key, sha = str(row["key"]), str(row["sha"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise EvalError(Codes.E502, path=f"{path}:{n}", detail=repr(exc)) from None
        for s in spans:
            if s[2] not in CATEGORIES or not 0 <= s[0] < s[1]:
                raise EvalError(Codes.E502, path=f"{path}:{n}", detail=f"bad span {s}")
        if key in out:
            raise EvalError(Codes.E502, path=f"{path}:{n}", detail=f"{key} annotated twice")
        out[key] = (sha, spans)
    return out


def _f1(matched: int, n_a: int, n_b: int) -> float:
    """F1 of two annotators: 2 * matched / (|A| + |B|); 1.0 when both found nothing."""
    return 1.0 if n_a + n_b == 0 else 2 * matched / (n_a + n_b)


def overlap_pairs(a: list[Span], b: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping spans, the largest overlaps paired first."""
    cands = sorted(
        (
            (min(x[1], y[1]) - max(x[0], y[0]), i, j)
            for i, x in enumerate(a)
            for j, y in enumerate(b)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for size, i, j in cands:
        if size <= 0:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((a[i], b[j]))
    return pairs


def tokens(text: str) -> list[tuple[int, int]]:
    """Token character ranges (words and punctuation marks), the unit of kappa."""
    return [m.span() for m in _TOKEN.finditer(text)]


def token_labels(toks: list[tuple[int, int]], spans: list[Span]) -> list[str]:
    """Each token's category: that of a span it overlaps, else 'none'."""
    out = []
    for ts, te in toks:
        cat = "none"
        for s, e, c, _ in spans:
            if s < te and ts < e:
                cat = c
                break
        out.append(cat)
    return out


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two equal-length label sequences (1.0 when both are constant and equal)."""
    n = len(a)
    if n == 0:
        return 1.0
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def _same_target(x: str | None, y: str | None) -> bool:
    norm = lambda t: None if t is None else " ".join(t.lower().split())  # noqa: E731
    return norm(x) == norm(y)


def agreement(
    a: dict[str, tuple[str, list[Span]]],
    b: dict[str, tuple[str, list[Span]]],
    text_of: Callable[[str], str] | None = None,
) -> dict[str, object]:
    """The agreement figures on the articles both files annotate (see the module docstring)."""
    keys = sorted(set(a) & set(b))
    for k in keys:
        if a[k][0] != b[k][0]:
            raise EvalError(Codes.E502, path=k, detail=f"text digest {a[k][0]} vs {b[k][0]}")
    n_a = n_b = exact = exact_cat = 0
    pairs: list[tuple[Span, Span]] = []
    per_cat = {c: [0, 0, 0] for c in CATEGORIES}  # matched, in A, in B
    seq_a: list[str] = []
    seq_b: list[str] = []
    for k in keys:
        sa, sb = a[k][1], b[k][1]
        n_a += len(sa)
        n_b += len(sb)
        pos_b = {(s, e): c for s, e, c, _ in sb}
        exact += sum((s, e) in pos_b for s, e, _, _ in sa)
        exact_cat += sum(pos_b.get((s, e)) == c for s, e, c, _ in sa)
        kp = overlap_pairs(sa, sb)
        pairs += kp
        for c in CATEGORIES:
            per_cat[c][0] += sum(x[2] == y[2] == c for x, y in kp)
            per_cat[c][1] += sum(x[2] == c for x in sa)
            per_cat[c][2] += sum(y[2] == c for y in sb)
        if text_of is not None:
            toks = tokens(text_of(k))
            seq_a += token_labels(toks, sa)
            seq_b += token_labels(toks, sb)
    same_cat = sum(x[2] == y[2] for x, y in pairs)
    result: dict[str, object] = {
        "articles": len(keys),
        "spans_a": n_a,
        "spans_b": n_b,
        "exact_f1": round(_f1(exact, n_a, n_b), 3),
        "exact_f1_with_category": round(_f1(exact_cat, n_a, n_b), 3),
        "overlap_f1": round(_f1(len(pairs), n_a, n_b), 3),
        "overlap_f1_with_category": round(_f1(same_cat, n_a, n_b), 3),
        "overlap_f1_per_category": {c: round(_f1(*v), 3) for c, v in per_cat.items()},
        "category_agreement": round(same_cat / len(pairs), 3) if pairs else None,
        "target_agreement": (
            round(sum(_same_target(x[3], y[3]) for x, y in pairs) / len(pairs), 3)
            if pairs
            else None
        ),
        "category_confusion": {
            f"{x}/{y}": n for (x, y), n in sorted(Counter((p[2], q[2]) for p, q in pairs).items())
        },
    }
    if text_of is not None:
        result["tokens"] = len(seq_a)
        result["token_kappa"] = round(cohen_kappa(seq_a, seq_b), 3)
    return result


def _print(result: dict[str, object], lines: Iterable[str] = ()) -> None:
    for line in lines:
        print(line)
    for k, v in result.items():
        print(f"{k:28s} {v}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--a", type=Path, default=GOLD / "framing.jsonl")
    ap.add_argument("--b", type=Path, default=GOLD / "framing_second.jsonl")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = ap.parse_args(argv)
    try:
        a, b = load(args.a), load(args.b)
        text_of: Callable[[str], str] | None = None
        if args.data.is_dir():
            from wirecoder.eval.realnews_texts import read_text

            def text_of(key: str) -> str:
                return read_text(args.data, key).text

        result = agreement(a, b, text_of)
    except WirecoderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        note = [] if text_of else [f"(no texts at {args.data}: token kappa left out)"]
        _print(result, [f"A = {args.a.name}, B = {args.b.name}", *note])
    return 0


if __name__ == "__main__":
    sys.exit(main())
