"""Which actors a phrase names, and which phrase fills a slot of a word."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..candidates import Candidate
from .words import LISTABLE, TIMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...actors.mentions import Mention


class PhraseActors:
    """The document, its mentions and the mention each head token stands for."""

    def __init__(
        self, doc: Doc, mentions: list[Mention], text: str, triggers: Collection[int] = ()
    ) -> None:
        """`triggers`: the tokens of the document's event triggers (an event is not a
        recipient: "agreed to a ceasefire")."""
        self.doc = doc
        self.mentions = mentions
        self.text = text
        self.triggers = set(triggers)
        self.head2m: dict[int, int] = {}
        self._referrers: dict[int, list[int]] | None = None
        for k, m in enumerate(mentions):
            for h in sorted(m.heads, key=lambda h: h != m.head):
                self.head2m.setdefault(h, k)

    def actors_of(self, tok: Token, fallback: bool = True) -> list[int]:
        """Mentions for the phrase headed by `tok`, with its coordinated phrases."""
        out: list[int] = []
        for t in sorted((tok, *tok.conjuncts, *self._dangling_conjunct(tok)), key=lambda x: x.i):
            k = self.head2m.get(t.i)
            named = self._named_list(t)
            if named:
                out.extend(named)  # "both NATO allies, Greece and Turkey": the two named
            elif k is not None:
                out.extend(self._listed_inside(k))
                out.append(k)
                out.extend(self.mentions[k].co_actors)
                out.extend(self._listed_appos(t, k))
            elif fallback:
                out.extend(self._inner_actors(t))
        seen: list[int] = []
        for k in out:
            if k not in seen:
                seen.append(k)
        return seen

    def _named_list(self, t: Token) -> list[int]:
        """The parties a plural description names in apposition: "both NATO allies, Greece
        and Turkey", "the two neighbours, India and Pakistan" (the description is no actor
        of its own, only a way of grouping them)."""
        if t.tag_ not in ("NNS", "NNPS") or t.pos_ != "NOUN":
            return []
        for c in t.children:
            if c.dep_ != "appos" or not any(g.dep_ == "conj" for g in c.children):
                continue
            listed = [self.head2m.get(x.i) for x in (c, *c.conjuncts)]
            if all(k is not None for k in listed):
                return [k for k in listed if k is not None]
        return []

    def _listed_inside(self, k: int) -> list[int]:
        """Names listed inside one mis-parsed phrase: "Arnor, Calenardhon and the evil Gondor"."""
        m = self.mentions[k]
        inside = self.doc[m.start : m.end]
        if not any(t.text == "," or t.dep_ == "cc" for t in inside):
            return []
        out = []
        for j, other in enumerate(self.mentions):
            if j == k or other.kind not in LISTABLE or not (m.start <= other.head < m.end):
                continue
            h = self.doc[other.head]
            if (
                h.dep_ in ("conj", "nmod", "appos", "compound")
                and h.i < m.head
                and other.head not in m.heads
            ):
                out.append(j)
        return out

    @staticmethod
    def _dangling_conjunct(tok: Token) -> list[Token]:
        """ "Brazil, the mighty Argentina, and Chile criticized": the parser leaves "and" on
        Brazil and makes Chile a second subject of the verb; the phrase right after the
        "and" is still Brazil's conjunct."""
        cc = [c for c in tok.children if c.dep_ == "cc"]
        if len(cc) != 1 or any(c.dep_ == "conj" for c in tok.children) or tok.head.i == tok.i:
            return []
        return [
            s
            for s in tok.head.children
            if s.dep_ == tok.dep_ and s.i > tok.i and s.left_edge.i == cc[0].i + 1
        ]

    def _listed_appos(self, t: Token, k: int) -> list[int]:
        """Countries the parser hung on a country as appositions are the rest of its list."""
        if not self.mentions[k].country_like:
            return []
        out: list[int] = []
        for c in t.children:
            j = self.head2m.get(c.i)
            if c.dep_ != "appos" or j is None or j == k or not self.mentions[j].country_like:
                continue
            if self.mentions[j].country != self.mentions[k].country:
                out.extend(self.actors_of(c, fallback=False))
        return out

    def _own(self, cand: Candidate) -> set[int]:
        """The event's sources and the mentions that stand for them ("their", "its")."""
        same = set(cand.sources)
        for k in cand.sources:
            same.update(self.mentions[k].antecedents)
        if self._referrers is None:  # built once: a scan of every mention per event is quadratic
            self._referrers = {}
            for j, m in enumerate(self.mentions):
                for a in m.antecedents:
                    self._referrers.setdefault(a, []).append(j)
        return same | {j for a in same for j in self._referrers.get(a, ())}

    def _inner_actors(self, t: Token, skip: Collection[int] = ()) -> list[int]:
        """Actors inside a non-actor phrase: "Netanyahu's suggestion", "a request from the NYT".

        skip: mentions that are the event's own actors ("welcomed *their* resumption of ties
        with X": X, not "their")."""
        found: list[int] = []
        stack = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")]
        while stack:
            c = stack.pop(0)
            if c.i in self.head2m:
                if self.head2m[c.i] not in skip:
                    found.append(self.head2m[c.i])
            elif c.dep_ == "compound":
                stack.extend(g for g in c.children if g.dep_ == "compound")
        if found:
            return found
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "with"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if g.i in self.head2m:
                        found.extend(self.actors_of(g, fallback=False))
                    elif c.lower_ == "of":
                        # "a resumption of ties with Osgiliath": one level down
                        found.extend(
                            k
                            for gg in g.children
                            if gg.dep_ == "prep" and gg.lower_ in ("with", "between")
                            for p in gg.children
                            if p.dep_ == "pobj"
                            for k in self.actors_of(p, fallback=False)
                        )
            elif c.dep_ == "prep" and c.lower_ == "between":  # "talks between X and Y"
                for g in c.children:
                    if g.dep_ == "pobj":
                        found.extend(self.actors_of(g, fallback=False))
            elif c.dep_ == "acl":  # "the proposal submitted by X", "an appeal lodged by X"
                for p in c.children:
                    if p.dep_ == "agent":
                        for g in p.children:
                            if g.dep_ == "pobj":
                                found.extend(self.actors_of(g, fallback=False))
        return [k for k in found if k not in skip]

    def slot(self, tok: Token, slot: str) -> list[Token]:
        if slot in ("dobj", "iobj", "dative"):
            deps = {"dobj": ("dobj", "obj"), "iobj": ("iobj",), "dative": ("dative",)}[slot]
            out = [c for c in tok.children if c.dep_ in deps]
            if slot == "dative":  # "give aid to X" sometimes parses "to" as dative
                for c in tok.children:
                    if c.dep_ == "dative" and c.pos_ == "ADP":
                        out = [g for g in c.children if g.dep_ == "pobj"]
            return out
        if slot.startswith("P:"):
            prep = slot[2:]
            out = []
            for c in tok.children:
                if c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ == prep:
                    # "lifted sanctions on Wednesday": a date is when, never whom
                    out.extend(
                        g
                        for g in c.children
                        if g.dep_ == "pobj"
                        and (g.ent_type_ not in TIMES or any(t.i in self.head2m for t in g.subtree))
                    )
            return out
        return []

    def targets_in_slots(
        self, tok: Token, slots: tuple[str, ...]
    ) -> tuple[list[int], list[Token], str]:
        first_heads: list[Token] = []
        for slot in slots:
            for t in self.slot(tok, slot):
                if not first_heads:
                    first_heads = [t]
                ks = self.actors_of(t)
                if ks:
                    return ks, [t], slot
        # prepositional phrases often attach to the object instead of the verb:
        # "discussed air strikes with Russia"
        if tok.pos_ in ("VERB", "AUX"):
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
                for slot in slots:
                    if slot.startswith("P:"):
                        for t in self.slot(obj, slot):
                            ks = self.actors_of(t)
                            if ks:
                                return ks, [t], slot + " (on the object)"
            # deeper inside the object: "sent supplies and personnel such as doctors to Nepal"
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
                for slot in slots:
                    if not slot.startswith("P:") or slot == "P:of":
                        continue
                    for t in obj.subtree:
                        if t.dep_ == "prep" and t.lower_ == slot[2:] and t.head.i != obj.i:
                            for g in t.children:
                                ks = self.actors_of(g) if g.dep_ == "pobj" else []
                                if ks and g.ent_type_ not in TIMES:
                                    return ks, [g], slot + " (inside the object)"
        return [], first_heads, ""


__all__ = ["PhraseActors"]
