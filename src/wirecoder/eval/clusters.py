"""`wirecoder eval clusters`: cross-document event coreference on ECB+ (issue 16).

The gold event mentions (ACTION_* and NEG_* tags in the sentences ECB+ marks as annotated for
coreference) are clustered by the same code that clusters stored events
(`wirecoder.cluster.core`): an item per mention with the trigger's lemma as its type, its
sentence as evidence and its document as the article. Mentions of one lemma form a block; the
decision joins two when their sentences and documents are similar enough. No gold topic is
given to either system: all documents of a split are clustered together, as a news store
would be. The baseline, run by the same metric code, joins every two mentions of one lemma.

Metrics: MUC, B-cubed and CEAF-e F1 and their mean, CoNLL F1, singletons included. Topics
are split in `eval/data/ecbplus_split.tsv` (frozen before tuning): `--split dev` (topics
1-35) or `--split test` (the blind topics 36-45).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import Codes, EvalError
from .common import Miss, Report

if TYPE_CHECKING:
    from ..cluster.core import Item

SPLIT_FILE = Path(__file__).with_name("data") / "ecbplus_split.tsv"


@dataclass
class Mention:
    doc: str
    m_id: str
    topic: str
    tokens: tuple[str, ...]
    sentence: str
    chain: str
    lemma: str = ""


def topic_split(split: str) -> set[str]:
    """Topics of a split: dev, test (blind) or all."""
    want = {"test": "blind", "blind": "blind", "dev": "dev"}.get(split)
    out = set()
    for line in SPLIT_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topic, part = line.split("\t")
        if want is None or part == want:
            out.add(topic)
    return out


def _selected(root: Path) -> set[tuple[str, str]]:
    path = root / "ECBplus_coreference_sentences.csv"
    out = set()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.add((f"{row['Topic']}_{row['File']}", row["Sentence Number"]))
    return out


def read_doc(path: Path, selected: set[tuple[str, str]]) -> tuple[list[Mention], str]:
    """Gold event mentions of one ECB+ document (selected sentences only), and its text."""
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        raise EvalError(Codes.E502, path=path, detail=str(exc)) from exc
    doc = path.stem  # 1_10ecb
    topic = doc.split("_")[0]
    tok: dict[str, tuple[str, str]] = {}
    sents: dict[str, list[str]] = defaultdict(list)
    for t in tree.getroot().iter("token"):
        sid = t.get("sentence", "0")
        tok[t.get("t_id", "")] = (t.text or "", sid)
        sents[sid].append(t.text or "")
    chain_of: dict[str, str] = {}
    for rel in tree.getroot().iter():
        if rel.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        tgt = rel.find("target")
        chain = rel.get("note") or f"{doc}:{tgt.get('m_id') if tgt is not None else ''}"
        if rel.tag == "INTRA_DOC_COREF":
            chain = f"{doc}:{tgt.get('m_id') if tgt is not None else rel.get('r_id')}"
        for src in rel.findall("source"):
            chain_of[src.get("m_id", "")] = chain
    mentions = []
    markables = tree.getroot().find("Markables")
    for m in markables if markables is not None else []:
        if not (m.tag.startswith("ACTION") or m.tag.startswith("NEG")):
            continue
        anchors = [a.get("t_id", "") for a in m.findall("token_anchor")]
        if not anchors or anchors[0] not in tok:
            continue
        sid = tok[anchors[0]][1]
        if (doc, sid) not in selected:
            continue
        mid = m.get("m_id", "")
        mentions.append(
            Mention(
                doc=doc,
                m_id=mid,
                topic=topic,
                tokens=tuple(tok[a][0] for a in anchors if a in tok),
                sentence=" ".join(sents[sid]),
                chain=chain_of.get(mid, f"{doc}:{mid}:single"),
            )
        )
    skip_first = doc.endswith("plus")  # sentence 0 of an ECB+ text is its URL
    text = " ".join(" ".join(w) for s, w in sents.items() if not (skip_first and s == "0"))
    return mentions, text


def _lemmatize(mentions: Sequence[Mention]) -> None:
    """Each mention's lemma: spaCy's lemma of the mention's words, lower-cased."""
    from ..nlp import load_nlp

    nlp = load_nlp()
    cache: dict[tuple[str, ...], str] = {}
    for m in mentions:
        if m.tokens not in cache:
            doc = nlp(" ".join(m.tokens))
            cache[m.tokens] = " ".join(t.lemma_.lower() for t in doc if not t.is_punct)
        m.lemma = cache[m.tokens] or " ".join(m.tokens).lower()


def load(root: Path, split: str, limit: int | None = None) -> tuple[list[Mention], dict[str, str]]:
    base = root / "ecbplus"
    if not (base / "ECB+").is_dir():
        raise EvalError(Codes.E501, name="ecbplus", path=base)
    selected = _selected(base)
    topics = topic_split(split)
    mentions: list[Mention] = []
    texts: dict[str, str] = {}
    for tdir in sorted((base / "ECB+").iterdir(), key=lambda p: p.name):
        if tdir.name not in topics:
            continue
        for path in sorted(tdir.glob("*.xml")):
            ms, text = read_doc(path, selected)
            mentions.extend(ms)
            texts[path.stem] = text
    if limit:
        docs = sorted(texts)[:limit]
        mentions = [m for m in mentions if m.doc in docs]
    _lemmatize(mentions)
    return mentions, texts


# -- metrics ---------------------------------------------------------------------------------
def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    def score(a: list[set[str]], b: list[set[str]]) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, resp), score(resp, key)
    return p, r, _f(p, r)


def b_cubed(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    def score(a: list[set[str]], b: list[set[str]]) -> float:
        where = {m: c for c in b for m in c}
        tot = sum(len(c) for c in a)
        s = sum(len(c & where.get(m, {m})) / len(c) for c in a for m in c)
        return s / tot if tot else 0.0

    r, p = score(key, resp), score(resp, key)
    return p, r, _f(p, r)


def ceaf_e(key: list[set[str]], resp: list[set[str]]) -> tuple[float, float, float]:
    from scipy.optimize import linear_sum_assignment

    sim = np.zeros((len(key), len(resp)))
    where = defaultdict(list)
    for j, c in enumerate(resp):
        for m in c:
            where[m].append(j)
    for i, k in enumerate(key):
        for j in {j for m in k for j in where[m]}:
            sim[i, j] = 2 * len(k & resp[j]) / (len(k) + len(resp[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p = total / len(resp) if resp else 0.0
    r = total / len(key) if key else 0.0
    return p, r, _f(p, r)


def scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """MUC, B3, CEAF-e (P, R, F1) and CoNLL F1 of a predicted labelling against gold."""

    def groups(lab: dict[str, str]) -> list[set[str]]:
        g: dict[str, set[str]] = defaultdict(set)
        for m, c in lab.items():
            g[c].add(m)
        return [g[k] for k in sorted(g)]

    key, resp = groups(gold), groups(pred)
    out: dict[str, float] = {}
    f1s = []
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = fn(key, resp)
        out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
        f1s.append(f)
    out["conll_f1"] = sum(f1s) / 3
    return out


def same_lemma(mentions: Iterable[Mention]) -> dict[str, str]:
    """The baseline: one cluster per lemma."""
    return {f"{m.doc}:{m.m_id}": m.lemma for m in mentions}


def mention_items(mentions: Sequence[Mention]) -> list[Item]:
    """The clustering's items for ECB+ gold mentions: the lemma is the kind and the trigger."""
    from ..cluster.core import Item

    return [
        Item(
            event_id=f"{m.doc}:{m.m_id}",
            article_id=m.doc,
            kind=m.lemma,
            trigger=m.lemma,
            text=m.sentence,
        )
        for m in mentions
    ]


def ours(mentions: Sequence[Mention], texts: dict[str, str]) -> dict[str, str]:
    """Clusters from `wirecoder.cluster.core`, with within-document links allowed."""
    from dataclasses import replace

    from ..cluster.core import Params, cluster

    res = cluster(mention_items(mentions), replace(Params.load(), same_article=True), texts)
    return res.labels()


def evaluate(root: Path, limit: int | None = None, errors: int = 0, split: str = "dev") -> Report:
    mentions, texts = load(root, split, limit)
    gold = {f"{m.doc}:{m.m_id}": m.chain for m in mentions}
    pred = ours(mentions, texts)
    base = scores(gold, same_lemma(mentions))
    mine = scores(gold, pred)
    rep = Report(name=f"clusters (ECB+ {split})", n=len(mentions))
    rep.metrics = {k: v for k, v in mine.items()}
    rep.metrics.update({f"baseline_{k}": v for k, v in base.items() if k.endswith("f1")})
    # for reference, the baseline most papers report: same lemma within each gold topic (an
    # oracle split of the documents that a news store does not have)
    topic_lemma = {f"{m.doc}:{m.m_id}": f"{m.topic}|{m.lemma}" for m in mentions}
    rep.metrics["lemma_in_gold_topic_conll_f1"] = scores(gold, topic_lemma)["conll_f1"]
    rep.notes.append(
        f"{len(texts)} documents, {len(set(gold.values()))} gold chains; baseline: one cluster "
        "per lemma over the whole split (no gold topics), scored by the same code"
    )
    if errors:
        by_m = {f"{m.doc}:{m.m_id}": m for m in mentions}
        shown = 0
        for mid in sorted(gold):
            if shown >= errors:
                break
            same_pred = [o for o in gold if o != mid and pred[o] == pred[mid]]
            wrong = [o for o in same_pred if gold[o] != gold[mid]]
            if wrong:
                m, o = by_m[mid], by_m[wrong[0]]
                rep.misses.append(
                    Miss(
                        id=mid,
                        text=m.sentence,
                        gold=f"{m.chain} ({' '.join(m.tokens)})",
                        predicted=f"joined {o.doc}:{o.m_id} ({' '.join(o.tokens)}): {o.sentence}",
                    )
                )
                shown += 1
    return rep


__all__ = ["b_cubed", "ceaf_e", "evaluate", "muc", "same_lemma", "scores", "topic_split"]
