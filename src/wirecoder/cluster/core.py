"""Which events from different articles report one real event: blocking, pairwise decision,
connected components, stable ids.

Why it is built this way:

- *Scales*: events are compared only inside blocks that share a type family, a country (of a
  party or of the place) and a week (each week is compared with itself and the next one), and
  a block's evidence texts are compared with one matrix product. An event that names no
  country could be of any: it is compared with every event of its family in its week and
  those either side. Work grows with the sum of squared block sizes (plus the country-less
  events times their family's week), which stays near linear as a store grows in time.
- *Auditable*: a link is joined only when nothing contradicts it (a type outside the family, a
  date gap, parties from different countries, places in different countries, negated against
  not negated) and the evidence is strong enough; every member keeps its best link: which
  fields matched and the similarity. Without a date on both sides nothing rules out the same
  kind of event in another year, so such a pair needs more (`undated_margin`) unless both
  reports name the action with one word (`trigger`).
- *Deterministic*: clusters are the connected components of the links, the decision is
  symmetric, items are put in one canonical order (date, event id) before anything is
  computed, and similarities are rounded, so the same events in any order give the same
  clusters. A cluster's id is a hash of its earliest member's event id, so adding reports of
  the same event keeps the id unless an earlier report joins.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from .text import COPY_BITS, context_vectors, near_copies, vectors

DATA = Path(__file__).with_name("data")
WEEK = 7
NO_COUNTRY = "-"  # the blocking key of a report that names no country
ANY_COUNTRY = "*"  # the key under which every report with a country is also filed
NO_DAY = 10**9  # sorts after every real day


@dataclass(frozen=True)
class Params:
    """The joining decision's weights; `data/params.json` holds the tuned ones."""

    threshold: float = 0.5  # score needed to join two reports
    sim_floor: float = 0.2  # evidence-sentence similarity below which nothing joins
    w_context: float = 0.3  # weight of the article-text similarity
    bonus_actor: float = 0.1  # per side (source, target) whose countries match
    bonus_place: float = 0.1  # same place name (0.05 for the same place country)
    bonus_copy: float = 0.3  # the two articles are copies of one wire story
    max_gap: int = 3  # days between two reports' event dates
    undated_margin: float = 0.4  # more score needed when a date is unknown and the words differ
    same_article: bool = False  # ECB+: within-document coreference is scored as well

    @classmethod
    def load(cls, path: Path | None = None) -> Params:
        p = path or DATA / "params.json"
        if not p.exists():
            return cls()
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in json.loads(p.read_text()).items() if k in known})


@dataclass(slots=True)
class Item:
    """One event as the clustering sees it."""

    event_id: str
    article_id: str
    kind: str  # event type (ECB+: the trigger's lemma)
    text: str = ""  # evidence: the event's sentence
    day: int | None = None  # event date as a day number (date.toordinal())
    status: str = "asserted"
    src: frozenset[str] = frozenset()  # source countries
    tgt: frozenset[str] = frozenset()
    reciprocal: bool = False
    place: str = ""
    place_country: str = ""
    outlet: str = ""
    fingerprint: int = 0  # SimHash of the article text
    trigger: str = ""  # the action's word, folded by `trigger_key` (ECB+: the lemma)
    family: str = field(default="")

    def __post_init__(self) -> None:
        if not self.family:
            self.family = family_of(self.kind)

    def block_keys(self) -> list[str]:
        """Country blocking keys: each party's and the place's country, or '-' for none."""
        ks = sorted(self.src | self.tgt | ({self.place_country} if self.place_country else set()))
        return ks or [NO_COUNTRY]

    def order(self) -> tuple[int, str]:
        return (self.day if self.day is not None else NO_DAY, self.event_id)


_SUFFIXES = ("ings", "ing", "ed", "es", "s", "e")


def trigger_key(text: str | None) -> str:
    """The trigger's first word, lower-cased, common inflections cut ("offered", "offers" ->
    "offer"; "charged", "charges" -> "charg"), so two outlets' words for one action meet."""
    words = (text or "").lower().split()
    if not words:
        return ""
    w = words[0].strip(".,;:!?\"'()")
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    out: dict[str, str] = {}
    path = DATA / "compatible.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        types = line.split("\t")
        for t in types:
            out[t.strip()] = "+".join(sorted(x.strip() for x in types))
    return out


def family_of(kind: str) -> str:
    """The blocking family of an event type: its compatible types share one."""
    return _families().get(kind, kind)


@dataclass(frozen=True)
class Link:
    """Why two reports were joined."""

    a: int
    b: int
    score: float
    similarity: float
    fields: tuple[str, ...]

    def reason(self, other_event_id: str) -> dict[str, object]:
        return {
            "with": other_event_id,
            "fields": list(self.fields),
            "similarity": self.similarity,
            "score": self.score,
        }


def _side(x: frozenset[str], y: frozenset[str]) -> str | None:
    """'match', 'clash' or None (a side unknown in one report)."""
    if not x or not y:
        return None
    return "match" if x & y else "clash"


def decide(
    a: Item, b: Item, sim: float, ctx: float, params: Params, ia: int = 0, ib: int = 1
) -> Link | None:
    """Join two reports, or not (symmetric in a and b); `sim` and `ctx` are the similarity
    of their sentences and of their articles."""
    if a.article_id == b.article_id and not params.same_article:
        return None
    if a.family != b.family or (a.status == "negated") != (b.status == "negated"):
        return None
    if sim < params.sim_floor:
        return None
    fields = ["type" if a.kind == b.kind else "compatible_type"]
    bonus = 0.0
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > params.max_gap:
            return None
        fields.append("date")
    if a.reciprocal or b.reciprocal:
        sides = [_side(a.src | a.tgt, b.src | b.tgt)]
    else:
        sides = [_side(a.src, b.src), _side(a.tgt, b.tgt)]
    if "clash" in sides:
        return None
    for name, s in zip(("source_country", "target_country"), sides, strict=False):
        if s == "match":
            fields.append(name)
            bonus += params.bonus_actor
    if a.place_country and b.place_country:
        if a.place_country != b.place_country:
            return None
        if a.place and a.place == b.place:
            fields.append("place")
            bonus += params.bonus_place
        else:
            fields.append("place_country")
            bonus += params.bonus_place / 2
    if a.article_id != b.article_id and near_copies(a.fingerprint, b.fingerprint):
        fields.append("wire_copy")
        bonus += params.bonus_copy
    score = round(sim + params.w_context * ctx + bonus, 4)
    need = params.threshold
    if a.trigger and a.trigger == b.trigger:
        fields.append("trigger")
    elif a.day is None or b.day is None:
        need += params.undated_margin
    if score < need:
        return None
    return Link(ia, ib, score, round(sim, 4), tuple(fields))


def week_of(it: Item) -> int:
    """The item's week number (-1 when undated)."""
    return it.day // WEEK if it.day is not None else -1


def near_weeks(week: int) -> tuple[int, ...]:
    """The weeks a report is compared with: its own and those either side (undated: -1)."""
    return (week - 1, week, week + 1) if week >= 0 else (-1,)


BlockIndex = dict[tuple[str, str, int], list[int]]


def block_index(items: Sequence[Item]) -> BlockIndex:
    """(family, country key, week) -> indices of the items in that block; a report with a
    country is also filed under the wildcard key '*' of its family and week, once."""
    groups: BlockIndex = defaultdict(list)
    for i, it in enumerate(items):
        week = week_of(it)
        keys = it.block_keys()
        for k in keys:
            groups[(it.family, k, week)].append(i)
        if keys != [NO_COUNTRY]:
            groups[(it.family, ANY_COUNTRY, week)].append(i)
    return groups


def probe_keys(it: Item) -> list[str]:
    """The keys a report looks up: a report without a country every report of its family
    (the wildcard), a report with one its countries' and the country-less ones'."""
    keys = it.block_keys()
    return [ANY_COUNTRY, NO_COUNTRY] if keys == [NO_COUNTRY] else [*keys, NO_COUNTRY]


def neighbours(it: Item, index: BlockIndex) -> set[int]:
    """Indices of the items a report is compared with (`probe_keys`) in its week or those
    either side."""
    weeks = near_weeks(week_of(it))
    return {j for k in probe_keys(it) for w in weeks for j in index.get((it.family, k, w), ())}


def _blocks(items: Sequence[Item]) -> list[tuple[list[int], list[int]]]:
    """(left, right) index lists to compare: each (family, country, week) block with itself
    (right empty) and with the next week's block; the reports without a country against
    the reports with one of their family, in their week and those either side."""
    groups = block_index(items)
    out: list[tuple[list[int], list[int]]] = []
    for (fam, k, week), idx in sorted(groups.items()):
        if k == ANY_COUNTRY:
            continue
        out.append((idx, []))
        nxt = groups.get((fam, k, week + 1)) if week >= 0 else None
        if nxt:
            out.append((idx, nxt))
        if k == NO_COUNTRY:
            near = sorted(
                j for w in near_weeks(week) for j in groups.get((fam, ANY_COUNTRY, w), ())
            )
            if near:
                out.append((idx, near))
    return out


CHUNK = 2048


def candidate_links(
    items: Sequence[Item],
    vec: np.ndarray,
    ctx: ContextVectors,
    params: Params,
    pairs: Iterable[tuple[list[int], list[int]]] | None = None,
) -> dict[tuple[int, int], Link]:
    """Every link the decision accepts among the blocks' pairs, keyed (i, j) with i < j.

    A block's pairs are screened in NumPy first with bounds the decision cannot beat (the
    sentence floor, the date gap, and the score with every field bonus granted), so only
    pairs that may join reach the per-pair decision; the screen never drops a link."""
    links: dict[tuple[int, int], Link] = {}
    days = np.asarray([it.day if it.day is not None else -NO_DAY for it in items], np.int64)
    prints = np.asarray([it.fingerprint for it in items], np.uint64)
    fields_max = 2 * params.bonus_actor + params.bonus_place
    for left, right in pairs if pairs is not None else _blocks(items):
        other = right or left
        for s in range(0, len(left), CHUNK):
            rows = left[s : s + CHUNK]
            sims = vec[rows] @ vec[other].T
            csim = ctx.block(rows, other)
            copy = (
                np.bitwise_count(prints[rows][:, None] ^ prints[other][None, :]) <= COPY_BITS
            ) & (prints[rows][:, None] != 0)
            d_r, d_o = days[rows][:, None], days[other][None, :]
            undated = (d_r == -NO_DAY) | (d_o == -NO_DAY)
            ok = (
                (sims >= params.sim_floor)
                & (undated | (np.abs(d_r - d_o) <= params.max_gap))
                & (
                    sims + params.w_context * csim + fields_max + params.bonus_copy * copy
                    >= params.threshold - 1e-4
                )
            )
            ii, jj = np.nonzero(ok)
            for r, c in zip(ii.tolist(), jj.tolist(), strict=True):
                i, j = rows[r], other[c]
                if i >= j if not right else i == j:
                    continue
                key = (i, j) if i < j else (j, i)
                if key in links:
                    continue
                a, b = items[key[0]], items[key[1]]
                link = decide(a, b, float(sims[r, c]), float(csim[r, c]), params, key[0], key[1])
                if link is not None:
                    links[key] = link
    return links


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_id(earliest_event_id: str) -> str:
    """A cluster's stable id: a content hash of its earliest member's event id."""
    return "c" + hashlib.sha1(earliest_event_id.encode("utf-8")).hexdigest()[:15]


@dataclass
class Clustering:
    """Clusters of items: member indices per cluster id, and each member's reason."""

    items: list[Item]
    members: dict[str, list[int]]
    reasons: dict[int, dict[str, object] | None]
    links: dict[tuple[int, int], Link]

    def labels(self) -> dict[str, str]:
        """event id -> cluster id."""
        return {self.items[i].event_id: cid for cid, idx in self.members.items() for i in idx}


class ContextVectors:
    """Per item, the vector of its article's text; one row per article, not per item."""

    def __init__(self, mat: np.ndarray, index: np.ndarray) -> None:
        self.mat, self.index = mat, index

    def block(self, rows: Sequence[int], other: Sequence[int]) -> np.ndarray:
        """Similarities of the articles of items `rows` x items `other`."""
        a = self.mat[self.index[np.asarray(rows, np.int64)]]
        return a @ self.mat[self.index[np.asarray(other, np.int64)]].T

    def pair(self, i: int, j: int) -> float:
        """Similarity of item i's article and item j's."""
        return float(self.mat[self.index[i]] @ self.mat[self.index[j]])


def article_vectors(items: Sequence[Item], texts: dict[str, str]) -> ContextVectors:
    """Each item's context vector: its article's text (zeros when unknown)."""
    ids = sorted({it.article_id for it in items})
    pos = {a: i for i, a in enumerate(ids)}
    index = np.asarray([pos[it.article_id] for it in items], np.int64)
    return ContextVectors(context_vectors([texts.get(a, "") for a in ids]), index)


def cluster(
    items: Iterable[Item],
    params: Params | None = None,
    article_texts: dict[str, str] | None = None,
) -> Clustering:
    """Cluster items (any order in, the same clusters out)."""
    params = params or Params.load()
    ordered = sorted(items, key=Item.order)
    vec = vectors([it.text for it in ordered])
    ctx = article_vectors(ordered, article_texts or {})
    links = candidate_links(ordered, vec, ctx, params)
    return assemble(ordered, links)


def assemble(ordered: list[Item], links: dict[tuple[int, int], Link]) -> Clustering:
    """Connected components of the links, ids from earliest members, each member's best link."""
    uf = UnionFind(len(ordered))
    for i, j in sorted(links):
        uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        groups[uf.find(i)].append(i)
    best: dict[int, Link] = {}
    for (i, j), link in sorted(links.items()):
        for m in (i, j):
            held = best.get(m)
            if held is None or link.score > held.score:
                best[m] = link
    members = {cluster_id(ordered[idx[0]].event_id): idx for idx in groups.values()}
    reasons: dict[int, dict[str, object] | None] = {}
    for i in range(len(ordered)):
        top = best.get(i)
        reasons[i] = top.reason(ordered[top.b if top.a == i else top.a].event_id) if top else None
    return Clustering(ordered, members, reasons, links)


__all__ = [
    "Clustering",
    "Item",
    "Link",
    "Params",
    "cluster",
    "cluster_id",
    "decide",
    "family_of",
    "trigger_key",
]
