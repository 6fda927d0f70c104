"""Who did it to whom: source and target from the structure of the sentence.

Verbs: the subject acts (or the "by" agent of a passive); the recipient sits in
the slots the lexicon names for the trigger (direct object, "on", "with", ...).
Missing subjects are recovered the way a reader does: "X urged Y to request Z"
(Y requests), "X attacked and killed Y" (X killed), "a coalition targeting ISIL"
(the coalition targets), "..., killing 17 soldiers" (the clause's subject kills).

Nouns: the possessor, an actor modifier ("Russian air strikes"), a "by"/"of"
phrase, or the subject of the verb that carries the noun ("X launched an air
campaign", "X held talks with Y"). Receiving verbs flip it: "Y won assurances
from X" is X assuring Y.

The finder is built in layers, one module each: phrases (which actors a phrase names, slots),
spans (argument phrases), subjects, places, nouns, and the verb side with the stage (finder).
"""

from __future__ import annotations

from .finder import ArgumentFinder, ArgumentStage

__all__ = ["ArgumentFinder", "ArgumentStage"]
