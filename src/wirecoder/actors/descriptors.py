"""Words around a role that change the sector PLOVER gives it.

"former President X" and "the president's wife" are ELI, "people who fled" are refugees
(REF), "protesting students" are civilians (CVL), the "state news agency" is the government.
Each function reads the phrase and says why the sector changes (None or [] when it does
not); `mentions.MentionFinder` applies them in order, since one may see the sector another
set (refugees are civilians first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mention import Mention
from .phrases import (
    ELI_SECTORS,
    FAMILY,
    FORMER,
    PROTESTING,
    REFUGE,
    STATE_OWNED,
    STATE_OWNED_BUS,
    Phrase,
    fled,
)
from .roles import RoleWord

if TYPE_CHECKING:
    from spacy.tokens import Token

# armed, state and criminal sectors: people in them stay what they are when they protest
NOT_PROTESTERS = ("GOV", "MIL", "REB", "UAF", "COP", "SPY", "CRM", None)


def former_office(p: Phrase, m: Mention, start: int, rw: RoleWord | None) -> list[str]:
    """Why an office holder is a former one (PLOVER ELI): "former President X",
    "ex-minister", "the ousted leader", "the prime minister in exile"."""
    if m.sector not in ELI_SECTORS or not (m.person or rw is not None):
        return []
    upto = rw.start if rw is not None else p.head.i
    why = []
    former = next((p.doc[i] for i in range(start, upto) if p.doc[i].lower_ in FORMER), None)
    if former is not None:
        why.append(f"'{former.text}' office holder→ELI")
    for prep in p.head.rights:
        if prep.lower_ == "in" and any(c.lower_ == "exile" for c in prep.children):
            why.append("office holder in exile→ELI")
    return why


def relative_of_office(p: Phrase, rw: RoleWord | None) -> list[str]:
    """Why a relative is ELI: the possessor holds an office ("the president's wife",
    "Assad's brother")."""
    if rw is None or rw.role.words[-1] not in FAMILY:
        return []
    why = []
    for c in p.head.lefts:
        if c.dep_ != "poss":
            continue
        owner_hit = p.hit_at.get(c.i)
        owner = p.entry(owner_hit) if owner_hit is not None else None
        r = p.role_at(c.i + 1, 0)
        if (owner is not None and owner.kind == "person" and owner.sector in ELI_SECTORS) or (
            r is not None and r.person and r.sector in ELI_SECTORS
        ):
            why.append(f"relative of '{c.text}'→ELI")
    return why


def refugees(p: Phrase, m: Mention, start: int) -> bool:
    """Are civilians described by their flight, so refugees? "people who fled", "nationals
    who sought refuge", "families living in refugee camps"."""
    return (
        m.sector == "CVL"
        and m.kind in ("role", "demonym")
        and (
            fled(p.head)
            or any(p.lemmas[i] in REFUGE or p.lowers[i] in REFUGE for i in range(start, p.head.i))
        )
    )


def protesting(p: Phrase, m: Mention, start: int, rw: RoleWord | None) -> bool:
    """Are people of a trade taking to the streets, so civilians? "protesting students",
    "anti-government workers" (not soldiers or officials)."""
    if rw is None or not rw.role.person or m.sector in NOT_PROTESTERS:
        return False
    words = [p.lowers[i] for i in range(start, rw.start)]
    joined = " ".join(words).replace(" - ", "-").replace("anti ", "anti-")
    return any(w in PROTESTING for w in words) or "anti-government" in joined


def state_owner(p: Phrase, m: Mention, start: int, rw: RoleWord | None) -> Token | None:
    """The word that makes a company or outlet the state's, so GOV: "state news agency",
    "state-run television", "the national airline"."""
    if rw is None or m.sector not in ("BUS", "JRN") or m.kind != "role":
        return None
    owned = STATE_OWNED | (STATE_OWNED_BUS if m.sector == "BUS" else set())
    return next((p.doc[i] for i in range(start, rw.start) if p.lowers[i] in owned), None)


def apply_descriptors(p: Phrase, m: Mention, start: int, rw: RoleWord | None) -> None:
    """Change the sector for the words around the role, in this order (each sees the sector
    the one before set): former office holders and their relatives, refugees, protesters,
    state-owned companies and outlets."""
    for why in [*former_office(p, m, start, rw), *relative_of_office(p, rw)]:
        m.sector = "ELI"
        m.rule.append(why)
    if refugees(p, m, start):
        m.sector = "REF"
        m.rule.append("fleeing / seeking refuge→REF")
    if protesting(p, m, start, rw):
        m.sector = "CVL"
        m.rule.append("protesting→CVL")
    if (state := state_owner(p, m, start, rw)) is not None:
        m.sector = "GOV"
        m.rule.append(f"'{state.text}'-owned→GOV")


__all__ = [
    "apply_descriptors",
    "former_office",
    "protesting",
    "refugees",
    "relative_of_office",
    "state_owner",
]
