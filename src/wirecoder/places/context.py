"""What the article says about where it is: the countries it is about, as evidence for
ambiguous names."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..nlp import doc_ents
from .gazetteer import Gazetteer, Named, Place, fold
from .lexicon import LOC_PREPS, PLACE_NOUNS, PLACE_ONLY

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.mention import Mention
    from ..analysis import Analysis
    from ..records import Location


def country_place(iso3: str | None) -> Place | None:
    """A country of wirecoder's table as a place."""
    from ..actors.dictionary import load_dictionary

    c = load_dictionary(()).countries.get(iso3 or "")
    if c is None:
        return None
    return Place(c.name, c.iso3, c.lat, c.lon, c.population, "country")


def location_at(place: Place, start: int, end: int, text: str) -> Location:
    """An event's place: the gazetteer's entry and the words of the text that name it."""
    from ..records import Location

    return Location(
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        start=start,
        end=end,
        text=text,
        geonameid=place.geonameid,
        feature=place.feature,
    )


def country_location(iso3: str | None, evidence: Mention) -> Location | None:
    """A country-level event place whose offsets and text are the mention that shows it
    (the headline's "Angola:", the article's "Kenya")."""
    place = country_place(iso3)
    if place is None:
        return None
    return location_at(place, evidence.start_char, evidence.end_char, evidence.text)


def article_context(
    analysis: Analysis, gz: Gazetteer, exclude: str | None = None
) -> dict[str, float]:
    """How much the article is about each country, as evidence for ambiguous names.

    The article's own country (the coref stage's `primary_country`) weighs 1 and any other
    at most 0.8; without one, the country most of the article's unambiguous towns and
    regions are in weighs 1; other such countries and countries named outright 0.6 (a
    country is often an actor, "the US embassy"); any actor's country or people 0.4. A capital named as an actor ("Tripoli said") is no evidence: it is the very name
    that may need resolving, and neither is any mention of `exclude`, the name being resolved
    ("Georgia" is no evidence that "Georgia" is the country).
    """
    doc = analysis.doc
    assert doc is not None
    skip = fold(exclude).removeprefix("the ") if exclude else None
    towns: Counter[str] = Counter()
    countries: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG"):
            continue
        if skip is not None and fold(ent.text).removeprefix("the ") == skip:
            continue
        named = gz.named(ent.text)
        iso3 = _dominant(gz, named)
        if iso3 is None:
            continue
        if ent.label_ not in ("GPE", "LOC", "FAC") and not any(
            n.place.feature == "country" or n.place.population >= 100_000 for n in named
        ):
            continue  # "Beirut" tagged as a person still counts; "Obama" does not
        if all(n.place.feature == "country" for n in named):
            countries.add(iso3)
        else:
            towns[iso3] += 1
    ctx: dict[str, float] = {}
    top = max(towns.values(), default=0)
    for c, n in towns.items():
        ctx[c] = 1.0 if n == top else 0.6
    for c in countries:
        ctx[c] = max(ctx.get(c, 0.0), 0.6)
    own = own_country(analysis)
    if (
        own
        and skip is not None
        and any(p.country == own and p.feature == "country" for p in gz.lookup(skip))
    ):
        ctx[own] = max(ctx.get(own, 0.0), 0.8)  # "Georgia" is no evidence for "Georgia"
    elif own:
        # the article's country outranks every other: "the port of Cartagena" in a Colombian
        # story is Colombia's, whatever Spanish towns the story also names
        ctx = {c: min(w, 0.8) for c, w in ctx.items()}
        ctx[own] = 1.0
    for m in analysis.mentions:
        if m.country and m.kind != "capital":
            if skip is not None and skip in fold(m.text):
                continue
            ctx.setdefault(m.country, 0.4)
    return ctx


#: mention kinds that name a country through who acts, not through a place name
_ACTOR_KINDS = {"country", "demonym", "role", "org", "person"}


def own_country(analysis: Analysis) -> str | None:
    """The article's own country, as evidence for its ambiguous towns: the country its actors
    are of ("Argentina's security minister", "Argentine courts"), named twice or more and
    more often than any other; else the coref stage's `primary_country`. Towns and capitals
    do not vote: they are the names to resolve ("gangs in Seville and Madrid" are abroad)."""
    counts: Counter[str] = Counter(
        m.country
        for m in analysis.mentions
        if m.country
        and m.kind in _ACTOR_KINDS
        and not m.outlet
        and not any(r.startswith("article's country") for r in m.rule)  # coref's own guess
    )
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) < 2 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return analysis.primary_country


def _dominant(gz: Gazetteer, named: list[Named]) -> str | None:
    """The country a name stands for on its own: the only one, or one far ahead of the rest."""
    scored = sorted(
        ((gz.score(n), n.place.country) for n in named if n.place.country), reverse=True
    )
    if not scored:
        return None
    top, iso3 = scored[0]
    rival = next((s for s, c in scored[1:] if c != iso3), None)
    return iso3 if rival is None or top - rival >= 1.5 else None


#: words before a surname that make it a person's: "Mr. Kenyatta", "President Ruto"
PERSON_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "president", "premier",
     "chancellor", "minister", "secretary", "spokesman", "spokeswoman", "mp"]
)  # fmt: skip
#: verbs whose named subject is a person ("Harris said"), unless the name is a known place
#: ("Washington said": the government)
SAYING = frozenset(["say", "tell", "add", "insist", "told", "write", "tweet", "argue"])


def _in_place_slot(tok: Token) -> bool:
    """A name standing where a place stands ("in Sheikh Meskin", "the village of Daher
    Al-Hawa", "entered Zabdeen"), so that the tagger's PERSON there is no evidence of a
    person: only the article's use of the name elsewhere is."""
    head = tok.head
    if tok.dep_ == "pobj" and LOC_PREPS.get(head.lower_, 0.0) >= 0.85:
        return True  # not "marched beside Martin Luther King": the weak ones take people too
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return True
    if tok.dep_ in ("compound", "appos") and head.lemma_.lower() in PLACE_NOUNS:
        return True  # "the Chattar area", "Musa Qala, the town"
    return tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in PLACE_ONLY


def person_names(analysis: Analysis, gz: Gazetteer) -> set[str]:
    """Folded names the article uses for a person, so that no slot makes them a place.

    Evidence: a full name the tagger calls a person gives its surname ("Uhuru Kenyatta" ->
    "Kenyatta") unless the whole name is a place ("Khan Younis" misread as a person); a
    title before a name ("Mr. X", "President X"); a name that is the subject of "said" and
    is a person to the tagger or no place to the gazetteer; a person of the actor dictionary.
    """
    doc = analysis.doc
    assert doc is not None
    out: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or _in_place_slot(ent.root):
            continue  # "in the town of Musa Qala": the tagger misreads villages as people
        words = [t for t in ent if t.is_alpha or "-" in t.text or "'" in t.text]
        while words and fold(words[0].text) in PERSON_TITLES:
            words = words[1:]
        if len(words) >= 2 and not gz.named(ent.text) and words[0].text[:1].isupper():
            out.add(fold(" ".join(t.text for t in words)))
            out.add(fold(words[-1].text))
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.text == "." and tok.i > 1:
            prev = doc[tok.i - 2]
        titled = prev is not None and fold(prev.text) in PERSON_TITLES
        said = (
            tok.dep_ == "nsubj"
            and tok.head.lemma_.lower() in SAYING
            and (tok.ent_type_ in ("PERSON", "") or tok.ent_iob_ == "O")
            and not any(  # "Beirut said", "Washington said": a government, whatever the tag
                n.place.feature in ("country", "admin1", "region") or n.place.population >= 100_000
                for n in gz.named(tok.text)
                if not n.alternate
            )
            and (tok.ent_type_ == "PERSON" or not gz.named(tok.text))
        )
        if titled or said:
            out.add(fold(tok.text))
    for m in analysis.mentions:
        if m.kind == "person" and m.entry is not None and doc[m.head].pos_ == "PROPN":
            out.add(fold(doc[m.head].text))
    return out
