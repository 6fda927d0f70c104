"""The place of a deed whose own sentence names none: where the story already put it.

"Police on March 24 cordoned off a building in Sylhet ... The Police arrested six cadres.":
the arrest has no place in its sentence, yet the report has said where it is. A reader (and
ACLED, and the team's real-news gold) gives it the place of the story so far. Only deeds
inherit (attacks, arrests, protests, deployments, releases, aid, meetings): what someone said
happened where they said it, which the text seldom gives.

The place comes from the nearest event of the article before it (or in its sentence) that
has one, never from background history, and never a place in a country none of the event's
named parties belongs to. `provenance["location"]` names the
telling it came from, so the record says it was inherited, and from where.

On the real-news training articles this gave the right country to 58 more events of the right
type (place country right 0.51 -> 0.70 among events whose gold names a place), 3 more wrong.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Event

if TYPE_CHECKING:
    from ..analysis import Analysis, Resources

#: the event types that are deeds done somewhere (PLOVER's material events and meetings)
DEEDS = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID", "CONSULT"})


def _placed(ev: Event) -> bool:
    return ev.location is not None and bool(ev.location.country)


def inherit_places(events: list[Event]) -> int:
    """Give each deed without a place the story's place so far (see the module docstring).
    Returns how many events took one."""
    donors = sorted(
        (e for e in events if _placed(e) and not e.historical and not e.referential),
        key=lambda e: (e.sentence_index, e.trigger.start),
    )
    given = 0
    for ev in events:
        if ev.location is not None or ev.event_type not in DEEDS or ev.historical or ev.referential:
            continue  # a place of its own, even one of no known country, is the text's word
        countries = {a.country for a in ev.source + ev.target if a.country}
        donor = next(
            (
                d
                for d in reversed(donors)
                if d.sentence_index <= ev.sentence_index
                and d.location is not None
                and (not countries or d.location.country in countries)
            ),
            None,
        )
        if donor is None or donor.location is None:
            continue
        ev.location = replace(donor.location)
        ev.provenance["location"] = donor.trigger
        given += 1
    return given


class StoryPlaceStage:
    """Gives deeds without a place of their own the place the story has given (after dedup,
    so that a place any telling names wins first)."""

    name = "story_place"
    requires = ("events",)
    assigns = ("events.location",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        inherit_places(analysis.events)


__all__ = ["DEEDS", "StoryPlaceStage", "inherit_places"]
