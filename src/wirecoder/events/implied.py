"""The agent an arrest or a charge implies when the text names none.

"LaCalamita was arrested Monday", "Subryan has been charged with manslaughter", "the
investigation led to the arrest of four people": no one is named as the actor, yet only the
state arrests, detains, jails and charges. ICEWS codes such events with the police or the
judiciary of the country where they happened, and the team's real-news gold does too
(docs/annotation_realnews.md). Without it the record has a target and no source, and a reader
cannot tell a state arrest from a kidnapping.

The implied actor points at the trigger as its evidence (the word that implies it), says so in
its rule, and takes the event's place's country, else the article's country; with neither, no
actor is implied (a guess of the country would be worse than a blank).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from ..analysis import Analysis
    from .candidates import Candidate

#: trigger lemmas whose agent can only be the state, and the sector that acts for it
IMPLIED_AGENT: dict[str, tuple[str, str]] = {
    # police
    "arrest": ("COP", "police"),
    "detain": ("COP", "police"),
    "detention": ("COP", "police"),
    "apprehend": ("COP", "police"),
    "nab": ("COP", "police"),
    "jail": ("COP", "police"),
    "imprison": ("COP", "police"),
    "custody": ("COP", "police"),
    # prosecutors and courts
    "charge": ("JUD", "prosecutors"),
    "indict": ("JUD", "prosecutors"),
    "indictment": ("JUD", "prosecutors"),
    "prosecute": ("JUD", "prosecutors"),
    "convict": ("JUD", "court"),
    "sentence": ("JUD", "court"),
}
#: the event types those words carry when they are the state's act
STATE_TYPES = {"COERCE", "ACCUSE"}


def implied_agent(analysis: Analysis, cand: Candidate) -> Actor | None:
    """The police or judiciary an agentless arrest or charge implies, or None."""
    doc = analysis.doc
    if doc is None or cand.event_type not in STATE_TYPES or cand.sources:
        return None
    tok = doc[cand.trigger]
    lemma = tok.lemma_.lower()
    if lemma not in IMPLIED_AGENT:
        lemma = tok.lower_.removesuffix("s").removesuffix("ed")
    if lemma not in IMPLIED_AGENT:
        return None
    # an active verb with no subject found is a parse gap, not an agentless act
    if cand.pos == "v" and not cand.passive and tok.tag_ != "VBN":
        return None
    place = cand.location.country if cand.location is not None else None
    country = place or analysis.primary_country
    if not country:
        return None
    sector, who = IMPLIED_AGENT[lemma]
    why = "the event's place" if place else "the article's country"
    return Actor(
        text=tok.text,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        name=f"{who} ({country})",
        country=country,
        sector=sector,
        rule=f"implied agent: only the state can '{lemma}'; {who} of {why}→{country}",
    )


__all__ = ["IMPLIED_AGENT", "implied_agent"]
