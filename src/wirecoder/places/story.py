"""The place of an event whose own sentence names none: where the story puts it.

"Police on March 24 cordoned off a building in Sylhet ... The Police arrested six cadres.":
the arrest has no place in its sentence, yet the report has said where it is. A reader (and
ACLED, and the team's real-news gold) gives it the place of the story. The place comes from
the nearest event before it (or in its sentence) that has one, else, for a headline or a lead
that runs ahead of its details ("Nicaragua Charges Man ..." before "the criminal court in
Managua said"), from the first event after it that has one; never from background history,
and never a place in a country none of the event's named parties belongs to.
`provenance["location"]` names the telling it came from, so the record says it was
inherited, and from where.

Deeds inherited first (stop 20: place country right 0.51 -> 0.70 on the real-news training
articles, among events whose gold names a place). Statements inherit too since stop 27: the
gold places them where the story is (a court's charge, a governor's promise, a candidate's
attack on a rival), and a later place serves an event with none before it. On the 457
training articles place country right went 0.685 -> 0.736 (right 252 -> 271, wrong
18 -> 23); on the 158 the decision model never saw, 0.695 -> 0.742.

An event left without a place in an article about one country (the coref stage's
`primary_country`: the only country it names, or one named in several sentences clearly ahead
of the next) happened in that country, unless one of its own parties is of another state: a
country-level place, as GDELT and ICEWS give an event whose town the text does not name. Its
offsets and `text` are the article's best evidence for that country (its own name first, before
a party only given the article's country), and its feature is "country", so a map or a filter
can tell it from a named town.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Event

if TYPE_CHECKING:
    from ..actors.mention import Mention
    from ..analysis import Analysis, Resources


def _placed(ev: Event) -> bool:
    return ev.location is not None and bool(ev.location.country)


def inherit_places(events: list[Event]) -> int:
    """Give each event without a place the story's place (see the module docstring).
    Returns how many events took one."""
    donors = sorted(
        (e for e in events if _placed(e) and not e.historical and not e.referential),
        key=lambda e: (e.sentence_index, e.trigger.start),
    )
    given = 0
    for ev in events:
        if ev.location is not None or ev.historical or ev.referential:
            continue  # a place of its own, even one of no known country, is the text's word
        countries: set[str] = {a.country for a in ev.source + ev.target if a.country}

        def fits(d: Event, countries: set[str] = countries) -> bool:
            return d.location is not None and (not countries or d.location.country in countries)

        before = (d for d in reversed(donors) if d.sentence_index <= ev.sentence_index)
        after = (d for d in donors if d.sentence_index > ev.sentence_index)
        donor = next((d for d in before if fits(d)), None) or next(
            (d for d in after if fits(d)), None
        )
        if donor is None or donor.location is None:
            continue
        ev.location = replace(donor.location)
        ev.provenance["location"] = donor.trigger
        given += 1
    return given


#: mentions that show a story's country, best first: the country named ("Kenya"), its people
#: ("Kenyan"), its capital, then a name the dictionary places there ("Uhuru Kenyatta")
_COUNTRY_EVIDENCE = ("country", "demonym", "capital", "org", "entity", "person")


def _evidence(analysis: Analysis, country: str) -> Mention | None:
    """The mention that best shows the article is about `country`: a name of the country
    itself before a party the article's country was given to ("Kenya" before "the police")."""
    from ..actors.coref import ARTICLE_RULE

    found = [
        m
        for m in analysis.mentions
        if m.country == country and m.kind in _COUNTRY_EVIDENCE and not m.outlet
    ]
    return min(
        found,
        key=lambda m: (
            any(ARTICLE_RULE in r for r in m.rule),
            _COUNTRY_EVIDENCE.index(m.kind),
            m.start,
        ),
        default=None,
    )


def place_in_story_country(events: list[Event], analysis: Analysis) -> int:
    """Give each event still without a place the country the article is about (see the
    module docstring). Returns how many events took it."""
    from ..actors.dictionary import NONSTATE
    from .context import country_location

    country = analysis.primary_country
    evidence = _evidence(analysis, country) if country else None
    location = country_location(country, evidence) if evidence is not None else None
    if location is None:
        return 0
    given = 0
    for ev in events:
        if ev.location is not None or ev.historical or ev.referential:
            continue
        states = {a.country for a in ev.source + ev.target if a.country not in NONSTATE}
        if states - {country, None}:
            continue  # a party of another state: the story's country need not be the place
        ev.location = replace(location)
        given += 1
    return given


class StoryPlaceStage:
    """Gives events without a place of their own the place the story gives (after dedup,
    so that a place any telling names wins first)."""

    name = "story_place"
    requires = ("events", "mentions")  # and `primary_country`, when a stage gave one
    assigns = ("events.location",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        inherit_places(analysis.events)
        place_in_story_country(analysis.events, analysis)


__all__ = ["StoryPlaceStage", "inherit_places", "place_in_story_country"]
