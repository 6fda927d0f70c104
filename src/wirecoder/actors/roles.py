"""Role words: the office, trade or group a noun phrase describes, and the sector it gives.

"defense minister", "members of parliament", "Prime Minister X", "rebel army": the role word
gives the sector (GOV, MIL, REB, ...), and a weak role ("officials", "forces", "council")
takes it from what qualifies it: a named organisation, another role word before it
("intelligence bureau"), or an of-phrase ("head of the army"). These are PLOVER's agent
codes; each decision is written into the mention's `rule`.
"""

from __future__ import annotations

from typing import NamedTuple

from .dictionary import Entry, Role
from .mention import Mention
from .phrases import (
    ADJ_LIKE,
    ARMED_ORG_SECTORS,
    ARMED_QUALIFIED,
    ARMED_ROLE_SECTORS,
    FORMER,
    INSTITUTION_SECTORS,
    NEVER_QUALIFY,
    Hit,
    Phrase,
)


class Qualifiers(NamedTuple):
    """What qualifies a phrase besides its head: the first nationality and the first named
    organisation or person among its modifiers, a role word before its role, and the
    of/for/in-phrase after it with its preposition."""

    country: Entry | None = None
    org: Entry | None = None
    role: Role | None = None
    phrase: Mention | None = None
    prep: str = ""


class RoleWord(NamedTuple):
    """A role word found in a phrase: tokens end - len(role.words) .. end - 1."""

    role: Role
    end: int
    qualifier_head: bool = False  # the head is unknown, named by this role ("police commissioner")

    @property
    def start(self) -> int:
        return self.end - len(self.role.words)

    @property
    def text(self) -> str:
        return " ".join(self.role.words)


def find_role(
    p: Phrase, start: int, end: int, head_hit: Hit | None, known: bool
) -> RoleWord | None:
    """The phrase's role word. For a common noun it must be the head ("defense minister",
    "members of parliament"); for a name it is among its compounds ("Prime Minister X"); in
    a string known to name an actor (`p.strings`), an unknown head (`known` False) may be
    named by a role word before it ("police commissioner", "news station")."""
    head = p.head
    ext_end = end
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            sub_toks = list(c.subtree)
            if len(sub_toks) <= 6:
                ext_end = max(ext_end, sub_toks[-1].i + 1)
            break
    for j in range(ext_end, head.i, -1):
        r = p.role_at(j, start)
        if r is not None and r.instrument and not p.strings:
            continue  # a weapon in running text is an instrument, not an actor
        if r is not None and len(r.words) > 1 and _prefix(p, j - len(r.words)) == "anti":
            # "anti-government forces" are not "government forces": the role is the last
            # word(s), and the prefixed word qualifies it (against the government: REB)
            r = p.role_at(j, j - len(r.words) + 1)
        if r is not None and j - len(r.words) <= head.i:
            return RoleWord(r, j)
    if head.pos_ == "PROPN":
        for j in range(head.i, start, -1):
            inner = p.hit_at.get(j - 1)
            if (
                inner is not None
                and inner is not head_hit
                and inner.entries[0].kind not in ("demonym", "person")
            ):
                continue  # "Muslim" in "Pakistan Muslim League President X" is the party's
            r = p.role_at(j, start)
            if r is not None:
                return RoleWord(r, j)
    if head.pos_ == "NOUN" and not known and p.strings:
        # an unknown head named by what it belongs to: "police commissioner", "news station"
        for c in sorted(head.lefts, key=lambda t: -t.i):
            if c.dep_ not in ("compound", "amod") or c.i < start:
                continue
            if c.pos_ == "ADJ" and c.lower_ in ADJ_LIKE:
                continue
            r = p.role_at(c.i + 1, start, qualifier=True)
            if r is not None and r.sector:
                return RoleWord(r, c.i + 1, qualifier_head=True)
    return None


def _usable(r: Role | None, role: Role) -> bool:
    """May role word `r` qualify `role`? A weak word takes a weak qualifier too
    ("intelligence bureau" SPY, "state employees" GOV, "workers' federation" LAB; not
    "deputy commissioner"); a weak government body takes only an institution ("bank
    control department", "tourist board" stay the state's)."""
    usable = r is not None and (
        not r.weak
        or (
            role.weak
            and bool(r.sector)
            and not (r.sector == "CVL" and r.person)
            and not (r.person and role.person)
        )
    )
    if (
        usable
        and r is not None
        and role.weak
        and role.sector == "GOV"
        and not role.person
        and r.sector not in INSTITUTION_SECTORS
    ):
        return False  # "bank control department", "tourist board": the state's
    return usable


def _prefix(p: Phrase, k: int) -> str:
    """The prefix glued to token k: "anti" in "anti-government", "non" in "non - military"."""
    lowers = p.lowers
    if k >= 2 and lowers[k - 1] == "-":
        return lowers[k - 2]
    return lowers[k - 1].rstrip("-") if k >= 1 else ""


def _against(p: Phrase, r: Role, k: int) -> Role:
    """A qualifier read through its prefix: "anti-government forces" are the opposition,
    "non-governmental organisation" civil society, "non-military" civilian."""
    prefix = _prefix(p, k)
    if prefix == "anti":
        # "anti-government forces": against the government is the opposition
        return Role(r.words, "OPP" if r.sector == "GOV" else r.sector, mod=True)
    if prefix == "non":
        # "non-governmental organisation": civil society; "non-military": civilian
        return Role(r.words, "SOC" if r.sector == "GOV" else "CVL", mod=True)
    return r


def qualifier_role(p: Phrase, start: int, rw: RoleWord, head_hit: Hit | None) -> Role | None:
    """The role word before the role that qualifies it ("intelligence bureau", "rebel army",
    "anti-government forces"), skipping the words of names, nationalities and status words
    ("exiled"); None when nothing qualifies it."""
    role = rw.role
    lowers = p.lowers
    j = rw.start
    while j > start:
        inner = p.hit_at.get(j - 1)
        if (
            inner is not None
            and inner.entries[0].kind not in ("demonym", "person")
            and inner is not head_hit
        ):
            j -= 1
            continue  # "union" in "European Union", "channel" in "Channel Islander"
        if (inner is not None and inner.entries[0].kind == "demonym") or (lowers[j - 1] in FORMER):
            j -= 1
            continue  # nationality and status words are not qualifiers ("exiled")
        r = p.role_at(j, start, qualifier=True)
        if (p.doc[j - 1].pos_ == "ADJ" and lowers[j - 1] in ADJ_LIKE) or (
            lowers[j - 1] in NEVER_QUALIFY
        ):
            r = None
        if r is not None and r.sector == "CVL" and not role.person:
            r = None  # "people's committee", "pro-democracy movement" keep their sector
        if r is not None and _usable(r, role) and not (r.topic and role.sector == "GOV"):
            r = _against(p, r, j - len(r.words))
            if r.sector in ARMED_ROLE_SECTORS:
                # the qualifier is an armed unit with its own qualifier: "rebel army"
                for i in range(j - len(r.words), start, -1):
                    q = p.role_at(i, start, qualifier=True)
                    if q is not None and q.sector in ("REB", "OPP"):
                        return Role(r.words, "REB", mod=True)
            return r
        j -= 1
    return None


def weak_role_qualifier(m: Mention, rw: RoleWord, q: Qualifiers) -> tuple[str, str] | None:
    """The sector a weak role ("officials", "forces") takes from what qualifies it, with
    why: the named organisation's own sector, a named organisation or role word before it,
    an of-phrase ("head of the army"; but "fighters in Syria" are not Syria's government).
    An opposition body is civil society; government or opposition forces are armed."""
    role = rw.role
    mod_org, mod_role, pp_mention, pp_prep = q.org, q.role, q.phrase, q.prep
    qual = None
    if m.entry is not None and m.kind in ("org", "user") and m.sector:
        qual = (m.sector, f"{m.name}'s own sector")
    elif mod_org is not None and mod_org.sector:
        qual = (mod_org.sector, f"qualified by {mod_org.name}")
    elif mod_role is not None:
        qual = (mod_role.sector, f"qualified by '{' '.join(mod_role.words)}'")
    elif (
        pp_mention is not None
        and pp_mention.sector
        and (pp_mention.kind not in ("country", "capital") or pp_prep in ("of", "for"))
        and not (
            role.sector == "GOV"
            and not role.person
            and pp_mention.sector not in INSTITUTION_SECTORS | {"GOV", "ELI"}
        )
    ):
        # "head of the army"; but "fighters in Syria" are not Syria's government
        qual = (pp_mention.sector, f"qualified by '{pp_mention.text}'")
    elif m.sector:
        qual = (m.sector, "entity sector")
    if qual and qual[0] == "OPP" and not role.person and role.sector not in ("MIL", "REB", "PRM"):
        qual = ("SOC", f"{qual[1]} (an opposition body is civil society)")
    if qual and qual[0] == "OPP" and role.sector == "PRM":
        qual = ("REB", f"{qual[1]} (armed)")  # "anti-government militias" fight the state
    elif (
        qual
        and role.sector in ("MIL", "REB")
        and (role.sector == "REB" or not role.person)
        and qual[0] in ARMED_QUALIFIED
        and (role.words[-1] not in ("coalition", "alliance"))
    ):
        qual = (ARMED_QUALIFIED[qual[0]], f"{qual[1]} (armed)")
    return qual


def apply_role(p: Phrase, m: Mention, rw: RoleWord, in_name: bool, q: Qualifiers) -> None:
    """Write the role and the sector it gives into `m`. A role inside a known name leaves
    the name's sector; a weak role takes its qualifier's; the armed men of an armed group
    are that group's ("Taliban gunmen"); "rebel army" is REB; a former office holder keeps
    ELI."""
    role = rw.role
    mod_org, mod_role = q.org, q.role
    m.role = rw.text
    m.person = m.person or role.person
    if in_name:
        return
    m.plural = p.head.tag_ in ("NNS", "NNPS")
    if m.kind in ("other", "entity"):
        m.kind = "role"
    if role.weak:
        qual = weak_role_qualifier(m, rw, q)
        if qual:
            m.sector = qual[0]
            m.rule.append(f"role '{m.role}' {qual[1]}→{qual[0]}")
        elif role.sector:
            m.sector = role.sector
            m.rule.append(f"role '{m.role}'→{role.sector}")
    elif (
        mod_org is not None
        and mod_org.sector in ARMED_ORG_SECTORS
        and role.sector in ARMED_ROLE_SECTORS
    ):
        m.sector = mod_org.sector
        m.rule.append(f"role '{m.role}' of {mod_org.name}→{mod_org.sector}")
    elif (
        mod_role is not None
        and mod_role.sector in ("REB", "OPP")
        and role.sector in ARMED_ROLE_SECTORS
    ):
        # "rebel army", "guerrilla soldiers", "anti-government forces"
        m.sector = "REB"
        m.rule.append(f"role '{m.role}' qualified by '{' '.join(mod_role.words)}'→REB")
    elif rw.qualifier_head:
        m.sector = role.sector
        m.rule.append(f"'{p.head.text}' of the {m.role}→{role.sector}")
    elif not (m.kind == "person" and m.sector == "ELI"):
        if m.sector != role.sector:
            m.sector = role.sector
        m.rule.append(f"role '{m.role}'→{role.sector}")
    if role.nocountry:
        m.rule.append("role does not imply the article's country")


def organisation_role(m: Mention, rw: RoleWord | None, q: Qualifiers) -> Entry | None:
    """The organisation a role names when the phrase has no name of its own: "Reuters news
    agency" is Reuters (of the same sector, or any for a weak role; never a person's role)."""
    if (
        rw is not None
        and q.org is not None
        and not rw.role.person
        and m.name is None
        and (q.org.sector == m.sector or rw.role.weak)
    ):
        return q.org
    return None


__all__ = [
    "Qualifiers",
    "RoleWord",
    "apply_role",
    "find_role",
    "organisation_role",
    "qualifier_role",
    "weak_role_qualifier",
]
