"""Tune the joining decision's text weights on the ECB+ dev topics; writes `data/params.json`.

    PYTHONPATH=src python -m wirecoder.cluster.tune_params [--data ../shared/data]

Only the dev topics (eval/data/ecbplus_split.tsv) are read; the blind topics are never loaded.
A grid, no randomness: every link is scored once with the loosest settings, and each setting
of the grid keeps the links it would accept. The field bonuses (actors, place, wire copy) are
set by hand: ECB+ gives no PLOVER fields to tune them on.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import asdict, replace

from ..eval.clusters import load, mention_items, scores
from ..eval.common import data_root
from .core import DATA, Item, Params, article_vectors, assemble, candidate_links
from .text import vectors

GRID = {
    "threshold": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2],
    "w_context": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0],
    "sim_floor": [0.0, 0.05, 0.1, 0.2, 0.3],
}

TIE = 0.002


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    mentions, texts = load(data_root(args.data), "dev")
    gold = {f"{m.doc}:{m.m_id}": m.chain for m in mentions}
    items = sorted(mention_items(mentions), key=Item.order)
    loose = replace(Params(), threshold=-1.0, sim_floor=-1.0, w_context=0.0, same_article=True)
    vec = vectors([it.text for it in items])
    ctx = article_vectors(items, texts)
    links = candidate_links(items, vec, ctx, loose)
    ctx_of = {k: ctx.pair(*k) for k in links}
    results: list[tuple[float, dict[str, float]]] = []
    for th, wc, fl in itertools.product(*GRID.values()):
        kept = {
            k: lk
            for k, lk in links.items()
            if lk.similarity >= fl and lk.similarity + wc * ctx_of[k] >= th
        }
        res = assemble(items, kept)
        f = scores(gold, res.labels())["conll_f1"]
        print(f"threshold={th} w_context={wc} sim_floor={fl}: CoNLL F1 {f:.4f}")
        results.append((f, {"threshold": th, "w_context": wc, "sim_floor": fl}))
    # the surface is flat near its top: of the settings within TIE of the best, take the one
    # that leans least on the article's text (then the lowest threshold and floor)
    top = max(f for f, _ in results)
    near = [r for r in results if r[0] >= top - TIE]
    best = min(near, key=lambda r: (r[1]["w_context"], r[1]["threshold"], r[1]["sim_floor"]))
    cfg = best[1]
    params = replace(
        Params(),
        threshold=cfg["threshold"],
        w_context=cfg["w_context"],
        sim_floor=cfg["sim_floor"],
    )
    out = {k: v for k, v in asdict(params).items() if k != "same_article"}
    (DATA / "params.json").write_text(json.dumps(out, indent=1) + "\n")
    print(f"best dev CoNLL F1 {best[0]:.4f} with {best[1]}; written to {DATA / 'params.json'}")


if __name__ == "__main__":
    main()
