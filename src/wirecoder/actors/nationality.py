"""Whose police, whose civilians: the country of a party the text names only by its role.

"Police in Bavaria arrested three men" names no country, yet every coder of the sentence
writes DEU for both parties: unnamed domestic actors (police, protesters, civilians, the
army) belong to the country where the event happened. ICEWS and ACLED code them so, and the
team's real-news gold does too. The coref stage gives such actors the article's country
before any event is known; this stage, run once the events have places, corrects that
guess with the event's own place, which is closer evidence:

1. a place in the party's own phrase ("police in Bavaria", "residents of Aleppo");
2. the place of the event the party takes part in, when the place is in one country;
3. otherwise the article's country stays (coref) or the party stays uncoded.

An article that names no country clearly enough for coref ("... killed in Khumasa area in
Kurram Agency, reports Dawn") often has events whose places the place stage could resolve. When
all of them are in one country, that is the story's country: the parties left without one get it
as they would have from coref, and so do the implied agents and targets of later stages.

Parties the text gives a country (a name, a demonym, a possessor) are never changed, nor are
roles that are often foreign (refugees, migrants: roles.tsv `nocountry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .coref import ARMED, ARTICLE_RULE, DOMESTIC, NONSTATE, follow_antecedents, give_article_country
from .mention import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..analysis import Analysis, Resources

#: prepositions that place a group: "police in Bavaria", "residents of Aleppo", "troops from Chad"
_PLACING = {"in", "of", "from", "across", "throughout"}


def unplaced(m: Mention) -> bool:
    """A party with no country of its own: a domestic role, an unnamed armed group, or a
    person the lists do not know, whose country is missing or only the article's guess.
    Unnamed gunmen, militants and suspects take the country where they act: the event's place
    when it has one, else the article's country coref gave them."""
    if m.kind in ("person", "pronoun") and (m.person or m.kind == "person"):
        ok = m.sector in (None, *DOMESTIC, *ARMED)
    elif m.kind in ("role", "pronoun", "other"):
        ok = m.sector in DOMESTIC or m.sector in ARMED
    else:
        ok = False
    return ok and (m.country is None or (bool(m.rule) and m.rule[-1].startswith(ARTICLE_RULE)))


def phrase_country(m: Mention, mentions: list[Mention], doc: Doc) -> Mention | None:
    """The place mention inside a party's own phrase ("police in Bavaria"), if it has a
    country: a prepositional phrase on the party's head, or its object's compound."""
    by_head = {x.head: x for x in mentions}
    for prep in doc[m.head].rights:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACING:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            place = by_head.get(obj.i)
            if (
                place is not None
                and place.country
                and place.kind in ("entity", "country", "capital")
            ):
                return place
    return None


def assign(analysis: Analysis) -> None:
    """Give each unplaced party the country of its phrase's place or its event's place."""
    doc = analysis.doc
    assert doc is not None
    mentions = analysis.mentions
    decided: set[int] = set()
    for i, m in enumerate(mentions):
        if not unplaced(m):
            continue
        place = phrase_country(m, mentions, doc)
        if place is not None and place.country != m.country:
            m.country = place.country
            m.rule.append(f"'{place.text}' in its phrase→{place.country}")
            decided.add(i)
    for cand in analysis.candidates:
        loc = cand.location
        if loc is None or not loc.country:
            continue
        for i in (*cand.sources, *cand.targets):
            if i in decided or not 0 <= i < len(mentions):
                continue
            m = mentions[i]
            if not unplaced(m) or m.country == loc.country:
                continue
            m.country = loc.country
            m.rule.append(f"event's place '{loc.name}'→{loc.country}")
            decided.add(i)
    follow_antecedents(mentions)


def country_of_events(analysis: Analysis) -> str | None:
    """The one country every resolved event place of the article is in, or None."""
    found = {
        c.location.country
        for c in analysis.candidates
        if not c.dropped and c.location is not None and c.location.country
    }
    found = {c for c in found if len(c) == 3 and c not in NONSTATE}
    return found.pop() if len(found) == 1 else None


class NationalityStage:
    """Fills the country of role-only parties from the place of their phrase or event."""

    name = "nationality"
    requires = ("candidates.location", "mentions")
    assigns = ("mentions.country", "primary_country")

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        if not analysis.candidates:
            return
        assign(analysis)
        if analysis.primary_country is None:
            country = country_of_events(analysis)
            if country is not None:
                analysis.primary_country = country
                give_article_country(analysis.mentions, country, " (from its events' places)")


__all__ = ["NationalityStage", "assign", "country_of_events", "phrase_country", "unplaced"]
