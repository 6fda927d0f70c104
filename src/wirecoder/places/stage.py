"""The place an event happened, which is not every place its sentence names.

"Speaking from Berlin, Obama hoped for peace in Homs": a statement in Berlin,
fighting in Homs. So a place counts for an event only through the grammar:

1. a locative phrase on the trigger ("attacked ... in Mosul", "air strikes in Syria");
2. the destination of a visit ("a trip to Baghdad", "visited Iraq");
3. a locative phrase on the clause that carries a nominal trigger, or on its recipient
   ("the camp near Tikrit");
4. a place-name modifier of the trigger ("the Kabul bombing");
5. failing those, a country named in the sentence by an actor who is neither side
   of the event ("at the request of the Syrian government, Russia is striking ISIL").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Location
from .gazetteer import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..events.candidates import Candidate
    from ..pipeline import Analysis, Resources
    from .gazetteer import Gazetteer

LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "into", "throughout",
             "within", "on", "off", "from", "along", "over"}  # fmt: skip
DEST_PREPS = {"to"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}


class PlaceFinder:
    def __init__(self, doc: Doc, text: str, gz: Gazetteer, context: set[str]) -> None:
        self.doc = doc
        self.text = text
        self.gz = gz
        self.context = context

    def _place_np(self, tok: Token) -> tuple[Place, int, int] | None:
        """A gazetteer place for the noun phrase headed by `tok` (name span in chars)."""
        cands: list[tuple[int, int]] = []
        if tok.ent_type_ in PLACE_ENTS:
            for ent in tok.doc.ents:
                if ent.start <= tok.i < ent.end:
                    cands.append((ent.start, ent.end))
                    break
        left = [c for c in tok.lefts if c.dep_ == "compound"]
        start = left[0].i if left else tok.i
        cands.append((start, tok.i + 1))
        cands.append((tok.i, tok.i + 1))
        for s, e in cands:
            span = self.doc[s:e]
            words = span.text
            if words.lower().startswith("the "):
                words = words[4:]
            place = self.gz.best(words, self.context)
            if place is not None and (
                tok.pos_ == "PROPN" or place.feature == "country" or tok.ent_type_ in PLACE_ENTS
            ):
                return place, span.start_char, span.end_char
        # "the city of Mosul", "the province of Anbar"
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
                    return self._place_np(pobj)
        return None

    def _pp_place(self, tok: Token, preps: set[str]) -> tuple[Place, int, int] | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        hit = self._place_np(g)
                        if hit is not None:
                            return hit
            if c.dep_ == "npadvmod" and c.ent_type_ in PLACE_ENTS:
                hit = self._place_np(c)
                if hit is not None:
                    return hit
        return None

    def locate(self, cand: Candidate, analysis: Analysis) -> tuple[Place, int, int] | None:
        tok = self.doc[cand.trigger]
        hit = self._pp_place(tok, LOC_PREPS - {"from"})
        if hit:
            return hit
        if cand.event_type == "CONSULT" and cand.mode in ("visit", None):
            hit = self._pp_place(tok, DEST_PREPS)
            if hit is None and cand.pos == "v":
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    hit = self._place_np(obj)
            if hit:
                return hit
        for c in tok.children:  # "the Kabul bombing"
            if c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS:
                hit = self._place_np(c)
                if hit:
                    return hit
        # the recipient's own place: "attacked a camp near Tikrit"
        for h in cand.target_heads:
            hit = self._pp_place(self.doc[h], LOC_PREPS - {"from", "on"})
            if hit:
                return hit
        # the clause that carries the noun, and clauses the trigger is coordinated with
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i or cur.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX", "NOUN"):
                hit = self._pp_place(cur, LOC_PREPS - {"from", "on"})
                if hit:
                    return hit
        return None


class PlaceStage:
    """Resolves where each event happened against the offline gazetteer."""

    name = "place"
    requires = ("candidates", "mentions")
    assigns = ("candidates.location",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        if not analysis.candidates:
            return
        context = {m.country for m in analysis.mentions if m.country}
        if analysis.primary_country:
            context.add(analysis.primary_country)
        finder = PlaceFinder(doc, analysis.article.text, resources.gazetteer, context)
        for cand in analysis.candidates:
            hit = finder.locate(cand, analysis)
            if hit is None:
                hit = _bystander_country(cand, analysis)
            if hit is None:
                continue
            place, s, e = hit
            cand.location = Location(
                name=place.name,
                country=place.country,
                lat=place.lat,
                lon=place.lon,
                start=s,
                end=e,
                text=analysis.article.text[s:e],
                geonameid=place.geonameid,
                feature=place.feature,
            )


def _bystander_country(cand: Candidate, analysis: Analysis) -> tuple[Place, int, int] | None:
    """Rule 5: a third country named in the same sentence by an actor outside the dyad."""
    doc = analysis.doc
    assert doc is not None
    if (
        cand.event_type not in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST")
        or cand.status != "asserted"
    ):
        return None
    sent = doc[cand.trigger].sent
    sides = {analysis.mentions[k].country for k in cand.sources + cand.targets}
    found: list[tuple[int, int, str]] = []
    for m in analysis.mentions:
        if (
            sent.start <= m.head < sent.end
            and m.country
            and m.country not in sides
            and m.kind in ("country", "demonym", "role")
            and m.sector in ("GOV", None, "CVL")
        ):
            found.append((m.start_char, m.end_char, m.country))
    countries = {c for _, _, c in found}
    if len(countries) != 1:
        return None
    iso3 = countries.pop()
    c = analysis_country(analysis, iso3)
    if c is None:
        return None
    s, e, _ = found[0]
    return c, s, e


def analysis_country(analysis: Analysis, iso3: str) -> Place | None:
    from ..actors.dictionary import load_dictionary

    c = load_dictionary(()).countries.get(iso3)
    if c is None:
        return None
    return Place(c.name, c.iso3, c.lat, c.lon, c.population, "country")


__all__ = ["PlaceFinder", "PlaceStage"]


def locate_token(analysis: Analysis, token_index: int, gz: Gazetteer) -> Location | None:
    """The location of the event at any token (a trigger or not), by the rules above."""
    doc = analysis.doc
    assert doc is not None
    context = {m.country for m in analysis.mentions if m.country}
    finder = PlaceFinder(doc, analysis.article.text, gz, context)
    tok = doc[token_index]
    hit = finder._pp_place(tok, LOC_PREPS - {"from"})
    if hit is None:
        for c in tok.children:
            if c.dep_ == "compound" and c.ent_type_ in PLACE_ENTS:
                hit = finder._place_np(c)
                if hit:
                    break
    if hit is None:
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i or cur.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX", "NOUN"):
                hit = finder._pp_place(cur, LOC_PREPS - {"from", "on"})
                if hit:
                    break
    if hit is None:
        return None
    place, s, e = hit
    return Location(
        place.name, place.country, place.lat, place.lon, s, e, analysis.article.text[s:e]
    )
