"""A place as the recipient of a measure that names no actor receiving it."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..candidates import Candidate
from ..triggers import direct_object
from .subjects import Subjects
from .words import PLACE_ENTS, PLACE_PREPS, PLACE_TARGET_TYPES, POSSESSED_PLACES, REFUGE

if TYPE_CHECKING:
    from spacy.tokens import Token


class Places(Subjects):
    """Places named after "in", "into", "to" ... and the actors they stand for."""

    def _place_target(self, cand: Candidate, own: set[int]) -> None:
        """The place a measure applies to, when it names no actor receiving it."""
        if len(cand.sources) > 1:
            return  # "Turkey and Russia announced a ceasefire in Idlib": between themselves
        if cand.event_type not in PLACE_TARGET_TYPES and not self._seeks_refuge(cand):
            return
        hosts = [self.doc[i] for i in cand.tokens]
        if cand.pos == "n":
            gov, rel = self._governing_verb(self.doc[cand.trigger])
            if gov is not None and rel in ("dobj", "obj"):
                hosts.append(gov)  # "announced the deployment of 230 troops to Liberia"
        for host in hosts:
            for c in host.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    place = self._place_in(c, own, skip=cand.tokens)
                    if place is not None:
                        cand.targets, cand.target_heads = place[0], [place[1].i]
                        why = f"'{c.text} {place[1].text}'"
                        cand.why.append(f"target: the place {why} the measure applies to")
                        return

    def _seeks_refuge(self, cand: Candidate) -> bool:
        """ "Sought refuge in Bangladesh", "requested asylum in Germany": the place is asked."""
        if cand.event_type != "REQUEST":
            return False
        tok = self.doc[cand.trigger]
        words = [self.doc[i] for i in cand.tokens]
        obj = direct_object(tok) if cand.pos == "v" else None
        return any(t.lemma_.lower() in REFUGE for t in (*words, *([obj] if obj else [])))

    def _place_in(
        self, prep: Token, own: Collection[int], skip: Collection[int] = ()
    ) -> tuple[list[int], Token] | None:
        """The place a preposition names (and the actors it stands for), if it names one."""
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.i in skip or not self._names_place(pobj):
            return None
        return [k for k in self.actors_of(pobj, fallback=False) if k not in own], pobj

    def _inside_event_noun(self, n: Token, own: set[int]) -> tuple[list[int], list[Token]]:
        """The party ("of" phrase) or the place ("in" phrase) an event noun names."""
        for c in n.children:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ != "prep" or pobj is None:
                continue
            if c.lower_ == "of" and pobj.i not in self.triggers:
                return [k for k in self.actors_of(pobj) if k not in own], [pobj]
            place = self._place_in(c, own) if c.lower_ == "in" else None
            if place is not None:
                return place[0], [place[1]]
        return [], []

    def _names_place(self, t: Token) -> bool:
        """A place name, or part of one ("parts of Kashmir", "the city of Ahmedabad")."""
        if t.ent_type_ in PLACE_ENTS:
            return True
        k = self.head2m.get(t.i)
        if k is not None and self.mentions[k].kind in ("country", "capital", "entity"):
            return True
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and g.ent_type_ in PLACE_ENTS:
                    return True
            # "Ethiopia's Tigray region", "Syria's north-west"
            if c.dep_ == "poss" and t.lemma_.lower() in POSSESSED_PLACES and self._names_place(c):
                return True
        return False

    def _city(self, k: int) -> bool:
        """A mention that names a city or a region, not a state or an organisation."""
        m = self.mentions[k]
        return m.kind == "capital" or (
            m.kind == "entity" and self.doc[m.head].ent_type_ in PLACE_ENTS
        )


__all__ = ["Places"]
