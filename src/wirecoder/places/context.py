"""What the article says about where it is: the countries it is about, as evidence for
ambiguous names."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .gazetteer import Gazetteer, Named, Place, fold

if TYPE_CHECKING:
    from ..analysis import Analysis


def country_place(iso3: str | None) -> Place | None:
    """A country of wirecoder's table as a place."""
    from ..actors.dictionary import load_dictionary

    c = load_dictionary(()).countries.get(iso3 or "")
    if c is None:
        return None
    return Place(c.name, c.iso3, c.lat, c.lon, c.population, "country")


def article_context(
    analysis: Analysis, gz: Gazetteer, exclude: str | None = None
) -> dict[str, float]:
    """How much the article is about each country, as evidence for ambiguous names.

    The country most of the article's unambiguous towns and regions are in weighs 1; other
    such countries and countries named outright 0.6 (a country is often an actor, "the US
    embassy"); the actor stage's country of the article 0.8; any actor's country or people
    0.4. A capital named as an actor ("Tripoli said") is no evidence: it is the very name
    that may need resolving, and neither is any mention of `exclude`, the name being resolved
    ("Georgia" is no evidence that "Georgia" is the country).
    """
    doc = analysis.doc
    assert doc is not None
    skip = fold(exclude).removeprefix("the ") if exclude else None
    towns: Counter[str] = Counter()
    countries: set[str] = set()
    for ent in doc.ents:
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
    if analysis.primary_country:
        ctx[analysis.primary_country] = max(ctx.get(analysis.primary_country, 0.0), 0.8)
    for m in analysis.mentions:
        if m.country and m.kind != "capital":
            if skip is not None and skip in fold(m.text):
                continue
            ctx.setdefault(m.country, 0.4)
    return ctx


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
