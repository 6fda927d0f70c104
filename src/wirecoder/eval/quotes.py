"""`wirecoder eval quotes`: every attribution wirecoder finds against PolNeAR's.

`eval attribution` checks the speaker of events; this set checks the quotes themselves, one
record per attribution, whether or not it holds an event:

- content: a predicted quote matches a gold attribution when their content characters
  overlap (one-to-one, largest overlap first); exact F1 asks for the same first and last
  character (quotation marks and outer punctuation aside);
- cue: a predicted cue matches a gold cue when they overlap (one-to-one);
- speaker: of the cue-matched pairs, the speaker is right when it overlaps the gold Source or
  names the same words (ours "Hillary Clinton", gold "Clinton"; a pronoun resolved to the
  name). Precision counts quotes with a speaker, recall gold attributions with a Source.

Headline figures count the gold attributions with a cue of saying or writing (as `eval
attribution` does); a predicted quote that matches a gold attribution of another kind (know,
believe, polls show) is neither right nor wrong there. The `_all` figures count every gold
attribution. Spans PolNeAR set aside (Discard, Discuss) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..coder import Coder
from ..voices.quotes import find_quotes
from ..voices.records import Quote
from .attribution import GoldArticle, GoldAttribution, _words, load
from .common import Miss, Report

Seg = tuple[int, int]
_TRIM = " \t\n,.;:\"'\u201c\u201d\u2018\u2019"


def _overlap(a: Iterable[Seg], b: Iterable[Seg]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _trimmed(text: str, s: int, e: int) -> Seg:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    return s, e


def _match(pairs: list[tuple[int, int, int]]) -> dict[int, int]:
    """One-to-one matching of (score, pred, gold) triples, best score first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for _sc, p, g in sorted(pairs, reverse=True):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            out[p] = g
    return out


def _f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _same_speaker(q: Quote, g: GoldAttribution) -> bool:
    sp = q.speaker
    if sp is None or not g.source:
        return False
    if _overlap([(sp.start, sp.end)], g.source):
        return True
    return bool(_words(f"{sp.text} {sp.name or ''}") & _words(g.source_text))


class _Counts:
    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def __getitem__(self, key: str) -> int:
        return self.c.get(key, 0)


def score_article(
    art: GoldArticle, quotes: list[Quote], counts: _Counts, suffix: str, speech_only: bool
) -> list[Miss]:
    """Add one article's counts under `suffix`; the misses (gold not found, quotes wrong)."""
    golds = [g for g in art.attributions if g.speech or not speech_only]
    others = [g for g in art.attributions if not g.speech] if speech_only else []
    preds = [
        q
        for q in quotes
        if not any(s <= q.cue.start < e for s, e in art.ignored)
        and not any(_overlap([(q.cue.start, q.cue.end)], g.cue) for g in others)
    ]
    segs = [[(s.start, s.end) for s in q.segments] or [(q.content.start, q.content.end)]
            for q in preds]  # fmt: skip
    content = _match([
        (_overlap(segs[i], g.content), i, j)
        for i in range(len(preds)) for j, g in enumerate(golds)
        if _overlap(segs[i], g.content)
    ])  # fmt: skip
    cue = _match([
        (_overlap([(q.cue.start, q.cue.end)], g.cue), i, j)
        for i, q in enumerate(preds) for j, g in enumerate(golds)
        if _overlap([(q.cue.start, q.cue.end)], g.cue)
    ])  # fmt: skip
    exact = 0
    for i, j in content.items():
        g = golds[j]
        gs = _trimmed(art.text, g.content[0][0], g.content[-1][1])
        ps = _trimmed(art.text, segs[i][0][0], segs[i][-1][1])
        exact += gs == ps
    right_speaker = sum(_same_speaker(preds[i], golds[j]) for i, j in cue.items())
    counts.add("pred" + suffix, len(preds))
    counts.add("gold" + suffix, len(golds))
    counts.add("content" + suffix, len(content))
    counts.add("exact" + suffix, exact)
    counts.add("cue" + suffix, len(cue))
    counts.add("pred_speaker" + suffix, sum(q.speaker is not None for q in preds))
    counts.add("gold_source" + suffix, sum(bool(g.source) for g in golds))
    counts.add("speaker" + suffix, right_speaker)
    misses: list[Miss] = []
    found = set(content.values())
    for j, g in enumerate(golds):
        if j not in found:
            s, e = g.content[0][0], g.content[-1][1]
            misses.append(Miss(f"{art.name}@{s}", _cut(art.text[s:e]), _gold(g), "(not found)"))
    for i, q in enumerate(preds):
        if i not in content:
            misses.append(
                Miss(f"{art.name}@{q.content.start}", _cut(q.content.text), "(no gold)", _ours(q))
            )
        elif i in cue and not _same_speaker(q, golds[cue[i]]) and golds[cue[i]].source:
            g = golds[cue[i]]
            misses.append(
                Miss(
                    f"{art.name}@{q.cue.start}",
                    _cut(q.content.text),
                    _gold(g),
                    _ours(q),
                    "wrong speaker",
                )
            )
    return misses


def _cut(s: str, n: int = 200) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def _gold(g: GoldAttribution) -> str:
    return f"source {' '.join(g.source_text.split()) or '-'!r}, cue {g.cue_text!r}"


def _ours(q: Quote) -> str:
    who = q.speaker.text if q.speaker else "-"
    return f"speaker {who!r} ({q.speaker_kind}), cue {q.cue.text!r}, {q.kind}"


def score(pairs: Iterable[tuple[GoldArticle, list[Quote]]], errors: int = 0,
          name: str = "quotes") -> Report:  # fmt: skip
    """The report: quotes found for each gold article."""
    rep = Report(name)
    counts = _Counts()
    misses: list[Miss] = []
    n_art = 0
    for art, quotes in pairs:
        n_art += 1
        misses += score_article(art, quotes, counts, "", True)
        score_article(art, quotes, counts, "_all", False)
    rep.n = counts["gold"]
    for suffix in ("", "_all"):
        for key, tp, npred, ngold in (
            ("content_overlap", "content", "pred", "gold"),
            ("content_exact", "exact", "pred", "gold"),
            ("cue", "cue", "pred", "gold"),
            ("speaker", "speaker", "pred_speaker", "gold_source"),
        ):
            p, r, f = _f1(counts[tp + suffix], counts[npred + suffix], counts[ngold + suffix])
            rep.metrics[f"{key}_f1{suffix}"] = f
            if not suffix:
                rep.metrics[f"{key}_p"] = p
                rep.metrics[f"{key}_r"] = r
    rep.notes.append(
        f"{n_art} articles, {counts['gold']} gold attributions with a cue of saying or writing "
        f"({counts['gold_all']} in all), {counts['pred']} quotes scored against them "
        f"({counts['pred_all']} in all); content matched {counts['content']}, exact "
        f"{counts['exact']}, cues {counts['cue']}, speakers {counts['speaker']}"
    )
    rep.misses = misses[:errors] if errors else []
    return rep


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    """Quotes on PolNeAR's `split` folder ("dev", "train" or "all")."""
    articles, skipped = load(root, split)
    if limit:
        articles = articles[:limit]
    coder = coder or Coder()
    analyses = coder.analyze_many({"id": a.name, "text": a.text} for a in articles)
    rep = score(
        ((a, find_quotes(an)) for a, an in zip(articles, analyses, strict=True)),
        errors,
        f"quotes ({split})",
    )
    rep.skipped += skipped
    return rep


__all__ = ["evaluate", "score", "score_article"]
