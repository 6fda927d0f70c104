"""How two tellings of an action compare: whether their parties are the same, unknown or in
conflict, and whether a sentence says its event is another than one told before.

Parties are compared by name first (a short form is the same person), then by their codes: two
countries conflict; two sectors conflict unless one party is often coded with both by
different words ("the bureau" GOV / "the FBI" COP; "armed men" UAF / "militants" REB; "the
woman" CVL / "the employee" LAB), which leaves the relation unknown, never the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..records import Actor, Event

SAME, UNKNOWN, CONFLICT = 1, 0, -1
#: a word that says the sentence tells a different event of the same kind
ANOTHER = re.compile(r"\b(another|separate(ly)?|second|earlier|previous(ly)?)\b", re.I)
#: nouns that name an incident: "another" or "a separate" before them tells another event ("in
#: another attack", "a separate incident"), before a person it does not ("another militant")
INCIDENT_NOUNS = frozenset(
    {"incident", "attack", "case", "blast", "explosion", "shooting", "raid", "operation",
     "strike", "clash", "encounter", "ambush", "bombing", "killing", "arrest", "event",
     "episode", "occasion", "assault", "firing", "one"}
)  # fmt: skip
#: "the previous day", "a week earlier": another time, so another event
TIME_NOUNS = frozenset({"day", "night", "week", "month", "year", "morning", "evening", "time"})
#: sectors one party is coded with by different words (see `sectors_kin`): every two of a
#: family, and a hub with each of its kin
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI"})
HUB_KIN = {
    "UAF": frozenset({"REB", "CRM", "MIL", "COP", "SPY"}),  # unidentified armed men
    "CVL": frozenset({"LAB", "BUS", "EDU", "MED", "REF", "JRN", "REL"}),  # a person
}


def _kin_table() -> dict[str, frozenset[str]]:
    table = {s: set(STATE_SECTORS - {s}) for s in STATE_SECTORS}
    for hub, kin in HUB_KIN.items():
        for s in kin:
            table.setdefault(hub, set()).add(s)
            table.setdefault(s, set()).add(hub)
    return {s: frozenset(k) for s, k in table.items()}


_KIN = _kin_table()


def _tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[^\w']+", name.lower()) if len(t) > 1}


def names_match(a: str, b: str) -> bool:
    """One name is a short form of the other: "Steinberg" / "Alan Steinberg"."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def actor_relation(x: Actor, y: Actor, names: bool = True) -> int:
    """SAME when both name or code the same party, CONFLICT when they contradict, else
    UNKNOWN (a description and a name of its kind share nothing that tells them apart).
    Without `names`, two names are compared by their codes only. An agent the coder only
    implied ("accused of ...": the accusers of the place) may keep two tellings apart but
    never joins them."""
    rel = _relation(x, y, names)
    if rel == SAME and (_implied(x) or _implied(y)):
        return UNKNOWN
    return rel


def _implied(a: Actor) -> bool:
    return a.rule is not None and a.rule.startswith("implied agent")


def _relation(x: Actor, y: Actor, names: bool) -> int:
    if names and x.name and y.name:
        # two names are two parties unless one is a short form of the other
        return SAME if names_match(x.name, y.name) else CONFLICT
    if x.country and y.country and x.country != y.country:
        return CONFLICT
    if x.sector and y.sector and x.sector != y.sector:
        if not sectors_kin(x.sector, y.sector):
            return CONFLICT
        # "the bureau" (GOV) / "the FBI" (COP): one party told at two levels of detail
        return UNKNOWN
    if (x.country and x.country == y.country) or (x.sector and x.sector == y.sector):
        return SAME
    return UNKNOWN


def sectors_kin(a: str, b: str) -> bool:
    """Two sectors one party can be coded with by different words: the state's branches
    ("the government" / "police" / "the senator"), an unidentified armed group and any armed
    one ("armed men" / "militants"), a person and a trade ("the woman" / "the employee")."""
    return a == b or b in _KIN.get(a, ())


def side_relation(a: list[Actor], b: list[Actor], names: bool = True) -> int:
    """Every actor of the smaller side must fit one of the other side (a subset); SAME when
    one of them is the same party, UNKNOWN when a side is empty."""
    if not a or not b:
        return UNKNOWN
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    out = UNKNOWN
    for x in small:
        best = CONFLICT
        for y in big:  # (loops, not generators: this runs for every pair of tellings)
            rel = actor_relation(x, y, names)
            if rel > best:
                best = rel
                if rel == SAME:
                    break
        if best == CONFLICT:
            return CONFLICT
        out = max(out, best)
    return out


def parties(a: Event, b: Event) -> int:
    """How the two tellings' parties relate: CONFLICT, SAME (a party in common) or UNKNOWN."""
    if a.reciprocal or b.reciprocal:
        # "X and Y met" / "X met Y": who is source and who target does not matter
        return side_relation(a.source + a.target, b.source + b.target)
    rels = [side_relation(a.source, b.source), side_relation(a.target, b.target)]
    return CONFLICT if CONFLICT in rels else max(rels)


def incident_parties(a: Event, b: Event) -> int:
    """Parties of two tellings of an attack: one attack harms many ("shot Steinberg" /
    "fired at Riva"), so only the attackers can disagree."""
    if a.reciprocal or b.reciprocal:
        return parties(a, b)
    src = side_relation(a.source, b.source)
    if src == CONFLICT:
        return CONFLICT
    tgt = side_relation(a.target, b.target)
    if tgt == CONFLICT and side_relation(a.target, b.target, names=False) != CONFLICT:
        tgt = UNKNOWN  # two named victims of the same kind
    return CONFLICT if tgt == CONFLICT else max(src, tgt)


def _root(ev: Event, doc: Doc) -> Token | None:
    span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _verb_of(tok: Token) -> Token:
    """The verb whose clause the token is in (itself, for a verb)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    return tok


def another(ev: Event, doc: Doc | None, triggers: set[int] | None = None) -> str | None:
    """Whether the sentence says `ev` is another event than one told before: "own" when the
    word qualifies its own trigger ("a previous arrest"), "clause" when it qualifies its clause
    ("Separately, ...", "In another attack, ..."), None when it qualifies neither ("another
    militant was killed", "a man fired four days earlier from his job"). `triggers`: the token
    indices of the article's event triggers (a word before one of them names an event)."""
    if ev.referential or ANOTHER.search(ev.sentence) is None:
        return None
    root = _root(ev, doc) if doc is not None else None
    if root is None:
        return "clause"  # without a parse, the word's place is unknown: keep them apart
    found = None
    for t in root.sent:
        if ANOTHER.fullmatch(t.text) is None:
            continue
        head = t.head
        if head == root or t == root:
            return "own"
        if t.dep_ in ("advmod", "npadvmod") or t.pos_ == "ADV":
            # a word about a clause: the sentence's main clause, or the trigger's own
            if head == root.sent.root or head == _verb_of(root):
                found = "clause"
        elif (
            t.dep_ == "attr"
            or head.lemma_.lower() in INCIDENT_NOUNS | TIME_NOUNS
            or (triggers is not None and head.i in triggers)
        ):
            found = "clause"  # "in another attack", "the previous day", "was the second"
    return found


#: a sentence that opens on its own place ("In Chittagong District, ...", "Meanwhile, in
#: Dhaka, ..."): the way incident round-ups (SATP, ACLED notes, wire briefs) start the next one
_OPENER_PLACES = {"GPE", "LOC", "FAC"}
OPENER_NOUNS = {"district", "province", "state", "city", "town", "village", "area", "region",
                 "county", "tehsil", "block", "division", "municipality", "capital"}  # fmt: skip


def setting_opener(ev: Event, doc: Doc | None) -> str | None:
    """The place a sentence opens on before its clause ("In Satkhira District, JeI cadres
    fired ..."), lower-cased; None when it opens otherwise."""
    root = _root(ev, doc) if doc is not None else None
    if root is None:
        return None
    sent = root.sent
    words = [t for t in sent if not t.is_space]
    i = 0
    if words and words[0].lower_ in ("meanwhile", "elsewhere", "also", "separately"):
        i = 1 + (len(words) > 1 and words[1].text == ",")
    if i >= len(words) or words[i].lower_ not in ("in", "at"):
        return None
    prep = words[i]
    if prep.head != sent.root:
        return None
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return None
    span = list(objs[0].subtree)
    if span[-1].text == ",":  # the parse may hang the comma on the place
        span = span[:-1]
    elif span[-1].i + 1 >= sent.end or doc is None or doc[span[-1].i + 1].text != ",":
        return None
    if not any(t.ent_type_ in _OPENER_PLACES or t.lemma_.lower() in OPENER_NOUNS for t in span):
        return None
    return " ".join(t.lower_ for t in span)


def trigger_tokens(events: list[Event], doc: Doc) -> set[int]:
    """The token indices of the events' triggers (a word before one names an event)."""
    out: set[int] = set()
    for ev in events:
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        out.update(t.i for t in span or ())
    return out


__all__ = [
    "CONFLICT",
    "OPENER_NOUNS",
    "SAME",
    "UNKNOWN",
    "actor_relation",
    "another",
    "incident_parties",
    "names_match",
    "parties",
    "sectors_kin",
    "side_relation",
    "trigger_tokens",
]
