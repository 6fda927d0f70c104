"""How the learned decision's drop threshold trades precision for recall, end to end.

Runs the coder up to the decision once over gold articles, then applies a model file with each
drop threshold (its other thresholds as stored) and scores like `eval realnews`. Use it on
articles the model did not learn from: the dev split, or training-only articles drawn after the
model was trained (`--keys`). The blind test split is refused.

    python scripts/decide_drop_scan.py --model src/wirecoder/models/decide.npz --split dev
    python scripts/decide_drop_scan.py --model M.npz --split train --keys new_keys.txt
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_decide import _live, _type_values, coder_before_decision

from wirecoder.eval.realnews import load_gold, score
from wirecoder.eval.realnews_texts import read_text
from wirecoder.events.decide import Thresholds, apply, candidate_item
from wirecoder.events.dedup import DedupStage
from wirecoder.models.decider import read_decider
from wirecoder.pipeline import Analysis
from wirecoder.records_stage import RecordStage


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--keys", type=Path, help="only these article keys (one per line)")
    ap.add_argument("--drops", default="0.5,0.6,0.7,0.8,0.9,0.95,0.98,0.99,1.01")
    ap.add_argument("--drop-by", default="", help="own thresholds for some types: TYPE=P,...")
    ap.add_argument("--refs", default="", help="also scan these reference thresholds (comma list)")
    ap.add_argument(
        "--broads", default="", help="also scan these broad-candidate thresholds (comma list)"
    )
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data"
    )
    ap.add_argument(
        "--unasserted",
        default="",
        help="also scan these thresholds for future, hypothetical and requested "
        "candidates (comma list)",
    )
    args = ap.parse_args()
    docs = load_gold(args.split)
    if args.keys:
        keys = set(args.keys.read_text(encoding="utf-8").split())
        docs = [d for d in docs if d.key in keys]
    with args.model.open("rb") as fh:
        dec = read_decider(fh, str(args.model))
    th0 = Thresholds.from_meta(dec.meta)
    print(f"{len(docs)} articles; stored thresholds {th0}")
    pre = coder_before_decision()
    items = []
    for d in docs:
        t = read_text(args.data, d.key)
        items.append({"id": d.key, "text": t.text, "date": t.date})
    cached = []
    for d, an in zip(docs, pre.analyze_many(items), strict=True):
        live = _live(an)
        cached.append((d, an, live, dec.predict([candidate_item(an, c) for c in live])))
    by_type = tuple(sorted(_type_values(args.drop_by).items()))
    broads = [float(x) for x in args.broads.split(",") if x] or [th0.broad]
    refs = [float(x) for x in args.refs.split(",") if x] or [th0.reference]
    unasserted = [float(x) for x in args.unasserted.split(",") if x] or [th0.unasserted]
    grid = [
        (float(x), b, r, u)
        for x in args.drops.split(",")
        for b in broads
        for r in refs
        for u in unasserted
    ]
    for drop, broad, ref, unas in grid:
        th = Thresholds(drop, broad, th0.retype, ref, th0.confirm, by_type, unas)
        pairs = []
        for d, an, live, probs in cached:
            cands = copy.deepcopy(an.candidates)
            by_id = {id(c): i for i, c in enumerate(an.candidates)}
            for c, row in zip(live, probs, strict=True):
                apply(cands[by_id[id(c)]], dict(zip(dec.labels, map(float, row), strict=True)), th)
            a2 = Analysis(article=an.article, doc=an.doc, mentions=an.mentions, candidates=cands,
                          primary_country=an.primary_country)  # fmt: skip
            RecordStage()(a2, pre.resources)
            DedupStage()(a2, pre.resources)
            pairs.append((d, a2))
        m = score(pairs, "scan", show=False).metrics
        p, r = m["type_precision"], m["recall_type"]
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"drop {drop:.2f} broad {broad:.2f} reference {ref:.2f} unasserted {unas:.2f}: "
            f"F1 {f:.3f}  type precision {p:.3f}  recall {r:.3f}  "
            f"all-right {m['all_right_precision']:.3f}  news recall {m['recall_type_news']:.3f}  "
            f"asserted {m['asserted_events']:.0f}  all records' type precision "
            f"{m['record_type_precision']:.3f}  unasserted {m['unasserted_events']:.0f} "
            f"({m['unasserted_precision']:.3f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
