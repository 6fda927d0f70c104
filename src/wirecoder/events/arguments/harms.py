"""Who did a harm the sentence tells without an agent.

Incident reports rarely say "X killed Y". They say "two policemen were killed in an encounter
with militants", "three bank workers died after demonstrators set their bank on fire", "a girl
was injured as pickets exploded a homemade bomb". The harm verb has no subject or by-agent; the
one who did it is the other side of the fight the harm came in, or the subject of the clause
that says how it happened. Without it the record has a victim and no source, and a reader
cannot tell who killed whom.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..candidates import Candidate
    from .phrases import PhraseActors

#: fights with two sides: "killed in an encounter with the security forces"
FIGHT_NOUNS = {"encounter", "clash", "battle", "gunbattle", "gunfight", "firefight", "shootout",
               "skirmish", "exchange", "fighting", "confrontation", "fight", "crossfire",
               "operation", "raid", "ambush"}  # fmt: skip
#: the words that tie a clause of how it happened to the harm
HOW_MARKS = {"after", "when", "as", "following"}


def harm_doers(finder: PhraseActors, cand: Candidate, tok: Token) -> tuple[list[int], str]:
    """The actors who did an agentless harm, and how they were found (or [] and "")."""
    victims = set(cand.targets)
    for verb in (tok, *tok.conjuncts):
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "following"):
                for fight in c.children:
                    if fight.dep_ != "pobj" or fight.lemma_.lower() not in FIGHT_NOUNS:
                        continue
                    for p in fight.children:
                        if p.dep_ == "prep" and p.lower_ in ("with", "by"):
                            other = next((g for g in p.children if g.dep_ == "pobj"), None)
                            ks = [] if other is None else finder.actors_of(other, False)
                            ks = [k for k in ks if k not in victims]
                            if ks:
                                return ks, f"the other side of the '{fight.text}'"
            if c.dep_ == "advcl" and any(
                g.dep_ in ("mark", "advmod") and g.lower_ in HOW_MARKS for g in c.children
            ):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                ks = [] if subj is None else finder.actors_of(subj, False)
                ks = [k for k in ks if k not in victims]
                if ks and not _same_people(finder, ks, victims):
                    return ks, f"who '{c.text}' in the clause of how it happened"
    return [], ""


def _same_people(finder: PhraseActors, ks: list[int], victims: set[int]) -> bool:
    """ "Two children were killed when they stepped on a landmine": the victims themselves."""
    return any(set(finder.mentions[k].antecedents) & victims for k in ks)
