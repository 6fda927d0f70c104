"""What kind of speaker a quote has: a name, an institution, an anonymous source, or unknown.

"a senior Shi'ite politician", "two members of parliament", "officials", "sources", "a report"
leave the source unnamed; "Abadi's spokesman" and "the ministry" speak for an institution;
a pronoun is what its antecedent is, or unresolved without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .records import SpeakerKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.mention import Mention

#: people a report leaves unnamed when no name comes with them
ANON_HEADS = frozenset({
    "source", "official", "politician", "mp", "member", "aide", "diplomat", "person", "people",
    "insider", "witness", "resident", "lawmaker", "legislator", "spokesman", "spokeswoman",
    "spokesperson", "officer", "commander", "analyst", "expert", "activist", "observer",
    "employee", "staffer", "adviser", "advisor", "figure", "leader", "fighter", "militant",
    "investigator", "negotiator", "representative", "delegate", "ally", "associate",
})  # fmt: skip
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def speaker_kind(tok: Token | None, k: int | None, mentions: Sequence[Mention]) -> SpeakerKind:
    """The kind of the speaker at token `tok` (mention `k`, when it is one)."""
    if tok is None:
        return "unresolved"
    m = mentions[k] if k is not None else None
    if m is not None and m.kind == "pronoun":
        if not m.antecedents:
            return "unresolved"
        m = mentions[m.antecedents[0]]
        return "named" if m.person_name_known else "institution"
    if tok.pos_ == "PRON":
        return "unresolved"
    np = [x for x in tok.subtree if x.i <= tok.i or x.dep_ in ("prep", "pobj", "compound")]
    if m is not None and m.person_name_known:
        return "named"
    if m is not None and m.kind in ("org", "country", "capital", "entity", "user"):
        return "institution"
    # a name of the speaker's own ("spokesman Saad al-Hadithi"), not one in a phrase about
    # them ("a senior politician close to Abadi" is anonymous)
    if any(x.ent_type_ == "PERSON" for x in np if x.i <= tok.i or x.dep_ == "compound"):
        return "named"
    if tok.pos_ == "PROPN":
        return "institution" if tok.ent_type_ in ("ORG", "GPE", "NORP") else "named"
    lem = tok.lemma_.lower()
    dets = {x.lower_ for x in tok.children if x.dep_ in ("det", "nummod", "amod")}
    has_owner = any(x.dep_ == "poss" for x in tok.children)
    if lem in ANON_HEADS or (m is not None and m.person):
        if lem == "source":
            return "anonymous"
        if has_owner or (dets & DEFINITE and not tok.tag_.endswith("S")):
            return "institution"
        return "anonymous"
    if lem in ("report", "statement", "document", "memo", "poll", "study", "survey"):
        return "anonymous" if not has_owner and "the" not in dets else "institution"
    return "institution"


__all__ = ["ANON_HEADS", "speaker_kind"]
