"""The place an event happened, which is not every place its sentence names.

"Speaking from Berlin, Obama condemned the fighting in Homs": a statement in Berlin,
fighting in Homs. A place counts for an event only through the grammar, and the rules
say which paths count, strongest first:

1. a locative phrase on the event word ("killed in Mosul", "air strikes near Raqqa",
   "clashed with rebels in three villages of Idlib province"); "to" and "into" only for
   movement and visits ("flew to Baghdad", "a trip to Baghdad"); "on" and "against" only
   for attacks ("air strikes on Aleppo"), never for talks *on* Syria;
2. the object of a verb that acts on a place ("captured Palmyra", "visited Iraq",
   "Baghdad was shelled"), and a place-name modifier of an event noun ("the Kabul bombing");
3. a locative phrase that the parser hung on an argument ("killed 21 civilians in Chlef
   province", "killed by snipers in the village of Mallouh"), but not under verbs of saying
   and judging ("condemned the fighting in Homs": the fighting's place, not the statement's);
4. the clause the event word belongs to: the verb that carries an event noun ("carried out
   an attack in Kirkuk"), the verb an event is coordinated with or subordinate to, and a
   participle that frames the clause ("Speaking from Berlin, Obama condemned ...");
5. a locative phrase fronted before the sentence's subject ("In Nablus, police said ..."),
   which frames everything the sentence says;
6. the country whose government asked for the event ("at the request of the Syrian
   government, Russia is striking ISIL").

Each path has a weight (`Found.rule` says which); the heaviest wins. Never a place inside
an organisation's name ("Islamic State in Iraq and the Levant"), never
a place the event only talks about, never the place a speech verb was uttered in for the
events its words report. Within one phrase the most specific name wins: "a market of the
Zafaraniyah neighbourhood in southern Baghdad" happened in Zafaraniyah.

A name the gazetteer does not know ("the village of Garubula") is still the place: it is
kept with its words, the country of the named place around it (or of the article), and no
point on the map (`feature` "locality").
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from typing import TYPE_CHECKING

from ..records import Location
from .context import article_context, country_place, location_at, own_country
from .gazetteer import Gazetteer, Place, fold, load_gazetteer
from .lexicon import (
    ADMIN1_UNITS,
    FACILITIES,
    MISTAGGED,
    NEAR,
    PLACE_NOUNS,
    SPECIFIC,
    names_a_kind,
)
from .names import Found, Toponym
from .paths import PathFinder

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..analysis import Analysis, Resources
    from ..events.candidates import Candidate


class PlaceFinder(PathFinder):
    """The place rules over one parsed article (see the module docstring)."""

    def resolve(self, top: Toponym) -> Place:
        """The likeliest place for a name, in the light of the places around it."""
        if top.places:
            return top.places[0]
        ctx: dict[str, float] = dict(self.context_for(top.text))
        for iso3 in self._containers(top):
            ctx[iso3] = 2.0
        ranked = self.gz.ranked(top.text, ctx)
        unit = "" if not top.unit else "admin1" if top.unit in ADMIN1_UNITS else "district"
        if ranked and self._foreign_village(ranked[0], ctx, self._alternate(top.text, ranked[0])):
            ranked = []  # "Safi tehsil" in a Pakistani report is no Moroccan town
        if ranked:
            place = ranked[0]
            if unit and place.feature == "city":
                # "Satkania sub-district": the unit under its own name, at its town's point
                return Place(_name(top.text), place.country, place.lat, place.lon, 0, unit)
            return place
        country = (
            next(iter(self._containers(top)), None)
            or self._sentence_country(top)
            or self._article_country()
        )
        feature = "facility" if top.facility else unit or "locality"
        return Place(_name(top.text), country, None, None, 0, feature)

    def _foreign_village(
        self, place: Place, ctx: Mapping[str, float], alternate: bool = False
    ) -> bool:
        """A small town abroad that nothing in the article points to, in a story of another
        country: local reports name their own villages, and a namesake abroad is a guess. So is
        a town of any size abroad known by the name only as one of its others (the "Yida"
        refugee camp in a Sudanese story is no "Yida", a Chinese name of Jeddah)."""
        if place.feature != "city" or place.country in ctx:
            return False
        if place.population >= 100_000 and not alternate:
            return False
        own = self._article_country()
        return own is not None and own != place.country

    def _alternate(self, name: str, place: Place) -> bool:
        """Is `name` only another name of `place`, not its own?"""
        hits = [n for n in self.gz.named(name) if n.place == place]
        return bool(hits) and all(n.alternate for n in hits)

    def context_for(self, name: str) -> Mapping[str, float]:
        """The article's countries as evidence for `name`, leaving out that name's own mentions."""
        if self._given is not None:
            return self._given
        key = fold(name)
        if key not in self._contexts:
            self._contexts[key] = article_context(self.analysis, self.gz, exclude=name)
        return self._contexts[key]

    def _containers(self, top: Toponym) -> list[str]:
        """Countries of the named places that contain this one in its sentence."""
        out: list[str] = []
        tok = self.doc[top.head]
        seen = set(range(top.start, top.end))
        # what follows it ("Musa Qala in Helmand province", "Tripoli, Lebanon") and possessors
        # ("Iraq's Nineveh province"), not the owner of a building ("the USA embassy in London")
        near = [t for t in tok.subtree if t.i >= top.end or t.dep_ == "poss"]
        # and the phrase it hangs in ("the Raman district of Yala province")
        cur = tok
        for _ in range(3):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                break
            near.extend(
                t
                for t in cur.subtree
                if t.i not in seen and t not in near and (t.i >= top.end or t.dep_ == "poss")
            )
        for t in near:
            ent = self.ent_of.get(t.i)
            if ent is not None and ent.label_ in ("GPE", "LOC") and t.i == ent.root.i:
                name = ent.text
            elif (
                (ent is None or ent.label_ in MISTAGGED or ent.label_ == "ORG")
                and t.pos_ == "PROPN"
                and t.dep_ == "pobj"
                and self._well_known(self.gz.lookup(t.text))
            ):
                # "in northern Aleppo" with Aleppo not tagged a place; "in Karachi of Sindh"
                # tagged an organisation
                name = t.text
            else:
                continue
            ranked = self.gz.ranked(name, self.context_for(name))
            if ranked and ranked[0].country and ranked[0].country not in out:
                out.append(ranked[0].country)
        return out

    def _sentence_country(self, top: Toponym) -> str | None:
        """The one country of the other known towns in the name's sentence ("hurled at Magam
        in Budgam District": Budgam is unknown, Magam is a town of India)."""
        sent = self.doc[top.head].sent
        found: set[str] = set()
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "LOC", "ORG"):
                continue
            cuts = [t.i for t in ent if t.pos_ == "ADP"]
            bounds = [ent.start, *cuts, ent.end]
            for lo, hi in pairwise(bounds):
                piece = self.doc[lo + (lo in cuts) : hi]
                if not piece or (piece.start < top.end and top.start < piece.end):
                    continue
                if piece.root.pos_ != "PROPN":
                    continue
                if names_a_kind([t.text for t in piece]):
                    continue  # "Superintendent of Police": no town of Police
                places = self.gz.lookup(piece.text)
                if places and (ent.label_ != "ORG" or len(cuts) or self._well_known(places)):
                    ranked = self.gz.ranked(piece.text, self.context_for(piece.text))
                    if ranked and ranked[0].country:
                        found.add(ranked[0].country)
        return next(iter(found)) if len(found) == 1 else None

    def _article_country(self) -> str | None:
        own = own_country(self.analysis)
        if own:
            return own
        strong = [c for c, w in self.context_for("").items() if w >= 1.0]
        return strong[0] if len(strong) == 1 else None

    def best(self, v: Token, cand: Candidate | None = None) -> Found | None:
        """The place of the event at `v`: the strongest path, then the most specific name."""
        found = self.found(v, cand)
        if not found:
            return None

        def key(f: Found) -> tuple[float, int]:
            place = self.resolve(f.toponym)
            f.toponym.places = [place]
            s = f.weight + SPECIFIC.get(place.feature, 0.0)
            if f.toponym.relative:
                s -= 0.3
            return (s, -abs(f.toponym.start - v.i))

        top = max(found, key=key)
        if top.toponym.places and top.toponym.places[0].feature == "facility":
            town = self._site_town(top)
            if town is not None:
                return town
        return top

    def _site_town(self, f: Found) -> Found | None:
        """ "outside the Al-Midan Theater in Haifa", "near New York's Plaza Hotel": what happens
        near a building named with its town happens in the town (but "stormed the Kindi
        Hospital in Aleppo", "at the Al-Quds Hospital" are at the building)."""
        site = self.doc[f.toponym.head]
        sites = [site]
        if site.dep_ == "compound" and site.head.lower_ in FACILITIES:
            sites.append(site.head)  # "the Rio Rosas bar in Chihuahua"
        up = sites[-1]
        while up.dep_ == "appos" and up.head.i != up.i:
            up = up.head  # "near the holiest shrine, the Tooth Relic Temple in Kandy"
        if not (up.dep_ == "pobj" and up.head.lower_ in NEAR):
            return None
        names = [c for x in sites for c in x.children if c.dep_ == "poss"]
        names += [
            g
            for x in sites
            for c in x.children
            if c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i >= f.toponym.end
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for g in names:
            name = self.toponym(g, 2)
            if name is None:
                continue
            place = self.resolve(name)
            if place.feature in ("city", "locality", "district") and place.country:
                name.places = [place]
                return Found(name, f.weight, "town of the site")
        return None

    def location(self, v: Token, cand: Candidate | None = None) -> Location | None:
        f = self.best(v, cand)
        if f is None:
            return None
        top = f.toponym
        place = top.places[0] if top.places else self.resolve(top)
        return location_at(
            place, top.start_char, top.end_char, self.text[top.start_char : top.end_char]
        )

    def locate(self, cand: Candidate, analysis: Analysis) -> Location | None:
        """The location of a trigger candidate."""
        return self.location(self.doc[cand.trigger], cand)


def _name(words: str) -> str:
    w = words.strip()
    return w[4:] if w.lower().startswith("the ") else w


def locate_token(
    analysis: Analysis,
    token_index: int,
    gazetteer: Gazetteer | None = None,
    *,
    context: Mapping[str, float] | None = None,
    candidate: Candidate | None = None,
) -> Location | None:
    """Where the event at token `token_index` happened (any word, a trigger or not)."""
    assert analysis.doc is not None
    finder = PlaceFinder(analysis, gazetteer or load_gazetteer(), context)
    return finder.location(analysis.doc[token_index], candidate)


class PlaceStage:
    """Resolves where each event happened against the offline gazetteer."""

    name = "place"
    requires = ("candidates", "mentions")
    assigns = ("candidates.location",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        if not analysis.candidates:
            return
        finder = PlaceFinder(analysis, resources.gazetteer)
        for cand in analysis.candidates:
            cand.location = finder.locate(cand, analysis)


__all__ = [
    "PLACE_NOUNS",
    "Found",
    "PlaceFinder",
    "PlaceStage",
    "Toponym",
    "article_context",
    "country_place",
    "fold",
    "locate_token",
]
