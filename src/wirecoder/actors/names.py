"""What a noun phrase names, if anything: a pronoun, a dictionary entry, a named entity.

These decisions say whether a phrase is an actor at all and which name it carries. A name the
dictionary matched is not always the actor's: "the Kenyan defence department" matches the
Pentagon's generic name, "National Security Council" the UN's; both are then read as roles.
A phrase with no name, no role word and no named entity is not an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .acronyms import defines_acronym
from .dictionary import NONSTATE, ActorDictionary, Entry
from .mention import Mention
from .phrases import PRONOUNS, Hit, Phrase, backed_by, entity_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .roles import RoleWord

# the entity labels that make an actor of a phrase with no known name and no role word
ACTOR_LABELS = ("PERSON", "ORG", "NORP", "GPE", "FAC")


def apply_entry(d: ActorDictionary, m: Mention, e: Entry, date: str | None) -> None:
    """Take name, country, sector and Wikidata id from a dictionary entry, and say which
    entry and which dates decided (a person out of office on the date is former: ELI)."""
    m.entry = e
    m.kind = e.kind
    m.country = d.state_of(e.country)
    m.sector = e.sector
    m.name = e.name
    m.person = e.kind == "person"
    if e.kind in ("country", "org", "person", "user", "capital"):
        m.wikidata = e.wikidata
    if e.kind == "person" and date and not e.valid_on(date):
        m.sector = "ELI"
        m.rule.append(
            f"{e.source} {e.name} (outside {e.valid_from or ''}-{e.valid_to or ''}: former)"
        )
    elif e.kind == "demonym":
        m.name = None
        m.rule.append(f"demonym→{e.country} ({e.source})")
    elif e.kind == "capital":
        m.rule.append(f"capital for government→{e.country} GOV ({e.source})")
    else:
        held = (
            f", {e.valid_from or '…'} to {e.valid_to or '…'}" if e.valid_from or e.valid_to else ""
        )
        m.rule.append(f"{e.kind}:{e.name} ({e.source}{held})")  # which entry, which dates
    if m.country != e.country:
        m.rule.append(f"{e.country} is coded as part of {m.country}")


def entry_mention(
    d: ActorDictionary,
    doc: Doc,
    span: tuple[int, int],
    head: int,
    e: Entry,
    date: str | None,
    text: str,
) -> Mention:
    """A mention over tokens span[0]..span[1]-1 that is exactly one dictionary entry (a name
    left outside any phrase: "Russian" in "Russian air strikes")."""
    start, end = span
    m = Mention(
        start=start,
        end=end,
        head=head,
        start_char=doc[start].idx,
        end_char=doc[end - 1].idx + len(doc[end - 1]),
        text="",
        kind=e.kind,
    )
    m.text = text[m.start_char : m.end_char]
    apply_entry(d, m, e, date)
    m.heads.add(head)
    return m


def pronoun(m: Mention, head: Token, text: str) -> Mention | None:
    """A pronoun is an actor to be resolved by coreference, unless it is the writer or the
    speaker ("we", "I"), an expletive, or the "it" of "it was the right time to ..."."""
    low = head.lower_
    if low not in PRONOUNS or PRONOUNS[low] == "speaker" or head.dep_ == "expl":
        return None
    if (
        low == "it"
        and head.dep_ == "nsubj"
        and head.head.lemma_ == "be"
        and any(c.dep_ in ("attr", "acomp") for c in head.head.children)
    ):
        return None  # "it was the right time to ...": no referent
    m.kind = "pronoun"
    m.person = PRONOUNS[low] == "person"
    m.plural = PRONOUNS[low] == "group"
    m.rule.append(f"pronoun '{head.text}'")
    m.text = text[m.start_char : m.end_char]
    return m


def head_entry(p: Phrase, m: Mention, head_hit: Hit | None, start: int) -> bool:
    """Read the dictionary name the head is part of into `m` ("the Iraqis", "Russians": the
    people of that country, civilians when plural). False when the head names nothing the
    dictionary knows, or is a nationality used as an adjective."""
    head = p.head
    if head_hit is None or head_hit.start < start - 1:
        return False
    e = p.entry(head_hit)
    if e.kind == "demonym" and head.pos_ not in ("PROPN", "NOUN"):
        return False
    if e.kind == "demonym" and head.ent_type_ == "PERSON" and head.ent_iob_ == "I":
        return False  # "Mark Cuban", "Lorraine French": a surname, not a nationality
    apply_entry(p.d, m, e, p.date)
    if e.kind == "demonym":  # "the Iraqis", "Russians": people of that country
        m.kind = "demonym"
        m.sector = "CVL" if head.tag_ in ("NNS", "NNPS") else None
        m.plural = head.tag_ in ("NNS", "NNPS")
    return True


def generic_name(p: Phrase, hit: Hit) -> bool:
    """Is a matched name ordinary words ending in a role word ("Defense Department",
    "Foreign Office"), as any state could have it? ("Hezbollah" is not.)"""
    words = [t for t in p.doc[hit.start : hit.end] if t.is_alpha]
    if len(words) < 2 or not all(t.lower_ in p.d.common for t in words):
        return False
    return p.role_at(words[-1].i + 1, words[-1].i) is not None


def other_nation(p: Phrase, start: int, hit: Hit, own: str | None) -> Entry | None:
    """A nationality before a name that is not the name's own country."""
    for i in range(start, hit.start):
        h = p.hit_at.get(i)
        if h is None or h is hit:
            continue
        e = p.entry(h)
        if e.kind in ("country", "demonym") and e.country and p.d.state_of(e.country) != own:
            return e
    return None


def another_states_name(p: Phrase, m: Mention, start: int, head_hit: Hit | None) -> str | None:
    """Why a generic state body's name is not the one the dictionary knows: "the Kenyan
    defence department" is Kenya's, not the Pentagon. None when the name stands."""
    if (
        head_hit is None
        or m.entry is None
        or m.entry.kind != "org"
        or m.entry.country in NONSTATE
        or not generic_name(p, head_hit)
    ):
        return None
    other = other_nation(p, start, head_hit, m.entry.country)
    if other is None:
        return None
    return f"'{other.name}' {p.doc[head_hit.start : head_hit.end].text}: generic"


def role_around_name(m: Mention, head_hit: Hit | None, rw: RoleWord | None) -> str | None:
    """Why a name inside a longer role is not the actor: "National Security Council" holds
    "Security Council" but is not the UN's. None when the name stands."""
    if (
        rw is not None
        and head_hit is not None
        and m.entry is not None
        and m.entry.kind in ("org", "user")
        and rw.start < head_hit.start
        and rw.end >= head_hit.end
    ):
        return f"'{rw.text}' is more than {m.entry.name}"
    return None


def drop_entry(m: Mention, why: str) -> None:
    """Forget the dictionary name: the phrase is read as a role."""
    m.rule.append(why)
    m.entry = None
    m.name = m.country = m.sector = m.wikidata = None
    m.kind = "role"


def role_in_name(m: Mention, head_hit: Hit | None, rw: RoleWord | None) -> bool:
    """Is the role word part of the known name ("New People's Army", "UN Security Council",
    "People's Republic of China", "President Putin")? Then the name's own entry decides."""
    return (
        rw is not None
        and head_hit is not None
        and m.entry is not None
        and m.kind != "demonym"
        and head_hit.start <= rw.start
        and rw.end <= head_hit.end
    )


def named_entity(p: Phrase, m: Mention, known: bool) -> bool:
    """What the tagger says when the dictionary does not: a phrase with neither a known name
    (`known`) nor a role word is an actor only as a person, organisation, nationality, place
    or facility entity; False when it is none, so not an actor. A person entity makes any
    actor a person ("Defense Minister Khaled al-Obeidi")."""
    ent = entity_at(p.doc, p.head.i)
    if not known:
        if ent is None or ent.label_ not in ACTOR_LABELS:
            return False
        m.kind = "person" if ent.label_ == "PERSON" else "entity"
        m.person = ent.label_ == "PERSON"
        m.name = p.text[ent.start_char : ent.end_char]
        m.rule.append(f"named entity {ent.label_}")
    if ent is not None and ent.label_ == "PERSON" and m.kind not in ("person", "user"):
        m.person = True
        if not m.name or m.kind in ("role", "other"):
            m.name = p.text[ent.start_char : ent.end_char]
    return True


def _first_name(p: Phrase, h: Hit) -> bool:
    """The hit is a given name: inside a person the tagger found, with the name going on
    after it ("Stanley Perlo", "Victoria Nuland")."""
    ent = entity_at(p.doc, h.start)
    return (
        ent is not None
        and ent.label_ == "PERSON"
        and h.end < ent.end
        and p.doc[h.end].pos_ == "PROPN"
    )


def modifier_names(
    p: Phrase, span: tuple[int, int], skip: tuple[Hit | None, Hit | None]
) -> tuple[Entry | None, Entry | None]:
    """The first country (or nationality, or capital) and the first organisation or person
    named among the phrase's modifiers, besides the hits in `skip` (the head's own name and
    a dropped one). A backer is not the owner: "US-backed forces" are not the US's."""
    mod_country: Entry | None = None
    mod_org: Entry | None = None
    for i in range(*span):
        h = p.hit_at.get(i)
        if h is None or h is skip[0] or h is skip[1]:
            continue
        e = p.entry(h)
        if e.kind in ("country", "demonym", "capital", "org", "user") and backed_by(p.doc, h.end):
            continue  # "US-backed forces" are not the US's
        if e.kind in ("country", "capital") and _first_name(p, h):
            continue  # "Defense Attorney Stanley Perlo" is no one of the Falklands' capital
        if e.kind in ("org", "user") and defines_acronym(p.doc[h.start], p.text):
            continue  # "National Security Adviser (NSA) Ajit Doval": the adviser's letters
        if e.kind in ("country", "demonym", "capital"):
            mod_country = mod_country or e
        elif e.kind in ("org", "user", "person") and e.country:
            mod_org = mod_org or e
    return mod_country, mod_org


__all__ = [
    "ACTOR_LABELS",
    "another_states_name",
    "apply_entry",
    "drop_entry",
    "entry_mention",
    "generic_name",
    "head_entry",
    "modifier_names",
    "named_entity",
    "other_nation",
    "pronoun",
    "role_around_name",
    "role_in_name",
]
