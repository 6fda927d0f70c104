"""The parties an event implies when the text names none: the agent of an arrest or a
charge, and the target of a one-sided act against what the place holds.

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

from ..records import Actor, Event, Span

if TYPE_CHECKING:
    from ..actors.mention import Mention
    from ..analysis import Analysis, Resources
    from .candidates import Candidate

#: trigger lemmas whose agent can only be the state, and the sector that acts for it
IMPLIED_AGENT: dict[str, tuple[str | None, str]] = {
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
    "remand": ("JUD", "court"),
    "acquit": ("JUD", "court"),
    "absolve": ("JUD", "court"),
    # "US citizens accused of laundering drug profits": accusers of the place, kind unknown
    "accuse": (None, "accusers"),
}
#: the event types those words carry when they are the state's act (an acquittal is the
#: court's concession)
STATE_TYPES = {"COERCE", "ACCUSE", "CONCEDE"}


def implied_agent(analysis: Analysis, cand: Candidate) -> Actor | None:
    """The police or judiciary an agentless arrest or charge implies (the accusers of the place
    for an agentless accusation), or None."""
    doc = analysis.doc
    if doc is None or cand.event_type not in STATE_TYPES or cand.sources:
        return None
    tok, lemma = doc[cand.trigger], ""
    # any word of the trigger: "taken into custody" is the police's as "arrested" is
    for i in (cand.trigger, *(i for i in cand.tokens if i != cand.trigger)):
        t = doc[i]
        for form in (t.lemma_.lower(), t.lower_.removesuffix("s").removesuffix("ed")):
            if form in IMPLIED_AGENT:
                tok, lemma = t, form
                break
        if lemma:
            break
    if not lemma or (cand.event_type == "CONCEDE" and IMPLIED_AGENT[lemma][0] != "JUD"):
        return None
    # an active verb with no subject found is a parse gap, not an agentless act
    if cand.pos == "v" and not cand.passive and doc[cand.trigger].tag_ != "VBN":
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
        rule=(
            f"implied agent: only the state can '{lemma}'; {who} of {why}→{country}"
            if sector
            else f"implied agent: who '{lemma}' is of {why}→{country}"
        ),
    )


#: one-sided acts done to someone: with no party named as their target ("Maoists damaged a
#: mobile tower", "police seized 500 kilos", "Orozco was arrested", "a strike against the
#: austerity measures"), the target is the people or the state of the place where it happened.
#: ICEWS codes such targets as the citizens of that country, and so does the team's gold
#: (docs/annotation_realnews.md). Measured on the real-news train split (stop 19, 297
#: articles): of 103 right-type records of these types with no target, the place's country was
#: the gold target's in 81, another country in 12, and the gold named no target in 10.
#: Meetings, agreements, requests, deployments and withdrawals are left alone: they are often
#: reciprocal, have no target, or are asked of someone abroad (of 30 such records, 8 had the
#: place's country as target).
IMPLIED_TARGET_TYPES = frozenset(
    {"ACCUSE", "ASSAULT", "COERCE", "PROTEST", "SANCTION", "SUPPORT", "THREATEN", "REJECT",
     "CONCEDE", "AID"}
)  # fmt: skip


def _where(event: Event, primary_country: str | None) -> tuple[str, str] | None:
    """The state whose people an implied party belongs to, and why: the event's place's
    country, else the article's; None for none, or for a code that names no state."""
    place = event.location.country if event.location is not None else None
    country = place or primary_country
    if not country or len(country) != 3 or country in ("IGO", "NGO", "IMG", "MNC"):
        return None
    return country, "the event's place" if place else "the article's country"


def _on(evidence: Span, name: str, country: str, sector: str | None, rule: str) -> Actor:
    """An implied actor, its evidence the words that imply it."""
    return Actor(text=evidence.text, start=evidence.start, end=evidence.end, name=name,
                 country=country, sector=sector, rule=rule)  # fmt: skip


#: which of the two an implied target is, where its type says: a protest or strike that names
#: no object is aimed at the state ("went on strike to demand action": PLOVER's GOV), aid
#: goes to the people (CVL); for the other types it could be either, and stays unsaid.
#: Measured on the real-news training articles (stop 33): of 15 such protests whose gold target
#: was of the place's country, 11 were GOV (the rest LEG, PTY, COP: other parts of that state);
#: both such aid records' were CVL.
IMPLIED_SECTOR = {"PROTEST": ("GOV", "government"), "AID": ("CVL", "people")}


def implied_target(event: Event, primary_country: str | None) -> Actor | None:
    """The people or state of the event's place (else of the article's country) as the
    target of a one-sided act that names no target, or None."""
    if event.target or event.reciprocal or event.event_type not in IMPLIED_TARGET_TYPES:
        return None
    where = _where(event, primary_country)
    if where is None:
        return None
    country, why = where
    evidence = event.target_span or event.trigger
    what = f"'{evidence.text}'" if event.target_span is not None else "no object named"
    if event.event_type in IMPLIED_SECTOR:
        sector, who = IMPLIED_SECTOR[event.event_type]
        rule = f"implied target: {what}; the {who} of {why}→{country} {sector}"
        return _on(evidence, f"{who} ({country})", country, sector, rule)
    rule = f"implied target: {what}; the people or state of {why}→{country}"
    return _on(evidence, f"unnamed ({country})", country, None, rule)


def implied_attacker(event: Event, primary_country: str | None) -> Actor | None:
    """PLOVER's generic unidentified actor (sector UNK: "the actor for 'two civilians were
    killed by a bomb'", manual, Sector Codes) of the event's place, else of the article's
    country, as the source of an attack whose doer the text does not name; or None.

    ACLED codes the same events "Unidentified Armed Group (country)". Without it the record has
    a victim and no source, and a count of attacks by actor loses every unclaimed bombing."""
    if event.source or event.reciprocal or event.event_type != "ASSAULT":
        return None
    where = _where(event, primary_country)
    if where is None:
        return None
    country, why = where
    rule = (
        "implied agent: an attack whose doer is not named; "
        f"PLOVER's unidentified actor of {why}→{country}"
    )
    return _on(event.trigger, f"unidentified ({country})", country, "UNK", rule)


def named_attacker(analysis: Analysis, event: Event) -> Actor | None:
    """The one armed group (a rebel or transnational militant party) the attack's sentence
    names besides its victims, as the doer of an attack the parse gave none: "killed in an
    ambush by suspected KPLT militants", "as the cadres of the CPI-Maoist triggered three
    blasts". Incident reports name who they hold responsible in the clause the parse missed;
    ACLED codes the attack to that group. None when the sentence names none or several."""
    doc = analysis.doc
    if doc is None or event.source or event.reciprocal or event.event_type != "ASSAULT":
        return None
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = span[0].sent
    victims = [(a.start, a.end) for a in event.target]
    victim_names = {a.name for a in event.target if a.name}
    victim_text = " ".join(a.text for a in event.target).lower()
    found: dict[str, Mention] = {}
    for m in analysis.mentions:
        if m.kind == "pronoun" or not sent.start_char <= m.start_char < sent.end_char:
            continue
        if m.sector != "REB" and m.country != "IMG":
            continue
        if any(m.start_char < e and s < m.end_char for s, e in victims) or (
            m.name and m.name in victim_names
        ):
            continue
        if m.text.lower() in victim_text:  # "militants of Lashkar i Jhangvi (LeJ)" ... "LeJ"
            continue
        found.setdefault(m.name or m.text.lower(), m)
    if len(found) != 1:
        return None
    actor = next(iter(found.values())).to_actor()
    actor.rule = f"named attacker: the one armed group the attack's sentence names; {actor.rule}"
    return actor


class ImpliedTargetStage:
    """Gives a one-sided act that names no target the people or state of its place, and an
    attack that names no doer the armed group its sentence names, else PLOVER's unidentified
    actor of its place. Runs after dedup, so
    that a party any telling names wins and retellings are merged on what the text says, not
    on what is implied."""

    name = "implied_target"
    requires = ("events",)
    assigns = ("events.target", "events.source")

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        for ev in analysis.events:
            attacker = named_attacker(analysis, ev) or implied_attacker(
                ev, analysis.primary_country
            )
            if attacker is not None:
                ev.source = [attacker]
                ev.provenance.setdefault("source", ev.trigger)
            actor = implied_target(ev, analysis.primary_country)
            if actor is not None:
                ev.target = [actor]
                ev.provenance.setdefault("target", ev.target_span or ev.trigger)


__all__ = [
    "IMPLIED_AGENT",
    "IMPLIED_TARGET_TYPES",
    "ImpliedTargetStage",
    "implied_agent",
    "implied_attacker",
    "implied_target",
]
