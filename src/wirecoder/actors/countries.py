"""The country of an actor, and a country named alone standing for its government.

A phrase takes its country from its own name first, then from what qualifies it: a
nationality among the modifiers ("Iraqi Defense Minister"), a named organisation ("European
Union President X" speaks for the EU), an of-phrase ("Minister of Foreign Affairs of the
Hashemite Kingdom of Jordan"), a region or town ("the Florida legislature"). A country
named alone as an actor is its government ("Russia said").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..nlp import ents_within
from .dictionary import NONSTATE, Entry
from .mention import Mention
from .phrases import Phrase, entity_at
from .roles import Qualifiers, RoleWord

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..analysis import Resources

Places = Callable[[str], str | None]  # the one country a region or town name is in


def country_below(p: Phrase, first: Token) -> Entry | None:
    """The first country named in a chain of of-phrases from `first` on (not in clauses)."""
    seen = 0
    prep: Token | None = first
    while prep is not None and seen < 6:
        seen += 1
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        words = [pobj, *(c for c in pobj.lefts if c.dep_ in ("compound", "amod", "det"))]
        words += [c for c in pobj.children if c.dep_ == "conj"]
        for t in words:
            h = p.hit_at.get(t.i)
            if h is None:
                continue
            e = p.entry(h)
            if e.kind in ("country", "capital") and e.country:
                return e
            if e.kind != "demonym":
                return None  # an organisation or a person further on is theirs
        nxt = [c for c in pobj.rights if c.dep_ == "prep" and c.lower_ == "of"]
        for conj in (c for c in pobj.children if c.dep_ == "conj"):
            nxt += [c for c in conj.rights if c.dep_ == "prep" and c.lower_ == "of"]
        prep = nxt[0] if nxt else None
    return None


def country_further_on(p: Phrase, rw: RoleWord) -> Entry | None:
    """A country deep in the role's of-phrases, for a role nothing else places: "Minister
    of Foreign Affairs and Expatriates of the Hashemite Kingdom of Jordan"."""
    last_tok = p.doc[rw.end - 1]
    for prep in [*p.head.rights, *(last_tok.rights if last_tok.i != p.head.i else [])]:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        deep = country_below(p, prep)
        if deep is not None and deep.country:
            return deep
    return None


def apply_country(p: Phrase, m: Mention, rw: RoleWord | None, q: Qualifiers) -> None:
    """Give `m` the country its qualifiers name. A national branch of an international
    body ("the Iraqi Red Crescent") is that country's; a named organisation keeps its own
    country; the article's descriptor comes before the dictionary's ("European Union
    President Herman Van Rompuy" speaks for the EU, not for Belgium)."""
    mod_country, mod_org, pp_mention = q.country, q.org, q.phrase
    if m.kind in ("org", "user") and m.country in NONSTATE:
        if mod_country is None:
            return
        # a national branch of an international body ("the Iraqi Red Crescent") or a
        # generic name made national ("the Kenyan security council")
        m.country = p.d.state_of(mod_country.country)
        m.rule.append(f"national body: country from '{mod_country.name}'→{m.country}")
        if m.sector is None and rw is not None and rw.role.sector:
            m.sector = rw.role.sector
            m.rule.append(f"role '{rw.text}'→{rw.role.sector}")
    elif mod_country is not None and (m.country is None or m.kind in ("role", "entity", "person")):
        # a named organisation with a country of its own keeps it ("Iraqi Hezbollah" is LBN)
        m.country = p.d.state_of(mod_country.country)
        m.rule.append(f"country from '{mod_country.name}'→{m.country}")
    elif mod_org is not None and (
        m.country is None
        or (m.kind == "person" and rw is not None and mod_org.country != m.country)
    ):
        # the article's descriptor before the dictionary's: "European Union President
        # Herman Van Rompuy" speaks for the EU, not for Belgium
        m.country = mod_org.country
        m.rule.append(f"country from {mod_org.name}→{mod_org.country}")
    elif pp_mention is not None and m.country is None and pp_mention.country:
        m.country = pp_mention.country
        m.rule.append(f"country from '{pp_mention.text}'→{pp_mention.country}")


def place_names(p: Phrase, start: int) -> list[tuple[int, int]]:
    """Token spans before the head that may name a region or town: place entities, and
    runs of proper nouns that are not known names, people or role words."""
    head = p.head.i
    spans = [
        (e.start, e.end) for e in ents_within(p.doc, start, head) if e.label_ in ("GPE", "LOC")
    ]
    # the head's own name is no modifier of it: "San Antonio" is not the town of San (Mali)
    own_start = head
    while own_start > 0 and p.doc[own_start].ent_iob_ == "I":
        own_start -= 1  # (token by token: doc.ents is rebuilt on every access)
    place = p.doc[head].ent_type_ in ("GPE", "LOC") and p.doc[own_start].ent_iob_ == "B"
    own = (own_start, head) if place else (head, head)  # (an organisation's name keeps its
    # places: "the Florida State Legislature")
    run: list[int] = []
    for i in range(start, head + 1):
        t = p.doc[i]
        ok = (
            i < head
            and not own[0] <= i < own[1]
            and t.pos_ == "PROPN"
            and i not in p.hit_at
            and t.ent_type_ != "PERSON"
            and p.role_at(i + 1, i) is None
        )
        if ok:
            run.append(i)
        elif run:
            spans.append((run[0], run[-1] + 1))
            run = []
    return [sp for sp in spans if not any(i in p.hit_at for i in range(*sp))]


#: words that end the name of an administrative unit ("Swabi District", "Khyber Agency"): the
#: text itself says the name is a place, whatever label the tagger gave it (it often says ORG
#: or FAC for such names in incident reports)
ADMIN_WORDS = {"district", "province", "agency", "tehsil", "governorate", "prefecture", "oblast",
               "county", "division", "subdivision", "sub-district", "municipality"}  # fmt: skip

#: heads of street names, which are named after places anywhere ("Newton Street", "Paris Road")
STREET_WORDS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "lane", "boulevard",
                          "drive", "highway"})  # fmt: skip


def place_in_modifiers(p: Phrase, start: int, places: Places) -> tuple[str, str] | None:
    """A region or city among the modifiers and its country: "the Florida legislature",
    "Kirkuk council"."""
    if p.head.lower_ in STREET_WORDS:
        return None  # "Newton Street, Millom": a street's name is no town it is in
    for a, b in place_names(p, start):
        name = p.span_text(a, b)
        code = places(name)
        if code:
            return name, code
    return None


def state_actor(m: Mention, rw: RoleWord | None, in_name: bool) -> bool:
    """Is this a bare country name as an actor, so the state, i.e. its government? (A
    role word in the country's own name, "People's Republic of China", keeps it so.)"""
    return m.kind == "country" and m.sector is None and (rw is None or in_name)


def _place_entity(p: Phrase) -> bool:
    """The tagger does not call the head a facility ("Richmond Hill" the station, "Newton
    Street"): it may call a town an organisation ("Huehuetenango"), rarely a building."""
    ent = entity_at(p.doc, p.head.i)
    return ent is None or ent.label_ != "FAC" or ent[-1].lower_ in ADMIN_WORDS


def apply_places(
    p: Phrase, m: Mention, start: int, rw: RoleWord | None, in_name: bool, places: Places | None
) -> None:
    """A country from a region or town among the modifiers or named alone; a bare country as
    an actor is its government (and a country that only qualifies a role lends it no Wikidata id)."""
    if m.country is None and places is not None:
        place = place_in_modifiers(p, start, places)
        if place is not None:
            m.country = p.d.state_of(place[1])
            m.rule.append(f"'{place[0]}' is a place in {m.country}")
    # a region or large town named alone as an actor stands for its government ("North
    # Carolina sued", "Michigan said"); looked up by the entity's name (the mention's text is
    # not set yet here)
    if (
        m.country is None
        and places is not None
        and m.kind == "entity"
        and m.name
        and _place_entity(p)
    ):
        code = places(m.name)
        if code:
            m.country = p.d.state_of(code)
            m.sector = m.sector or "GOV"
            m.rule.append(f"'{m.name}' is a place in {m.country}: its government")
    if state_actor(m, rw, in_name):
        m.sector = "GOV"
        m.rule.append("country as state actor→GOV")
    if m.kind == "country" and rw is not None and not in_name:
        m.wikidata = None


def _far_larger(codes: set[str], resources: Resources) -> str | None:
    """Of the countries a place name is in, the one at least ten times as populous as any
    other ("Florida": the US state, not the Uruguayan department); else none."""
    if not codes:
        return None
    sizes = sorted(
        ((c.population if (c := resources.actors.country(code)) else 0, code) for code in codes),
        reverse=True,
    )
    if len(sizes) > 1 and sizes[0][0] >= 10 * max(sizes[1][0], 1):
        return sizes[0][1]
    return None


def place_country(resources: Resources) -> Places:
    """The one country a region or large town of this name is in (the places gazetteer,
    loaded on first use); None when the name is ambiguous or unknown."""
    cache: dict[str, str | None] = {}

    def country(name: str) -> str | None:
        if name not in cache:
            key = name.casefold()
            found = {
                p.country
                for p in resources.gazetteer.lookup(name)
                if p.country
                and (
                    p.feature == "admin1"
                    # a town by its own name only ("Floridablanca" also answers to "Florida")
                    or (
                        p.feature == "city" and p.population >= 100_000 and p.name.casefold() == key
                    )
                )
            }
            cache[name] = found.pop() if len(found) == 1 else _far_larger(found, resources)
        return cache[name]

    return country


__all__ = [
    "Places",
    "apply_country",
    "apply_places",
    "country_below",
    "country_further_on",
    "place_country",
    "place_in_modifiers",
    "place_names",
    "state_actor",
]
