"""How texts write a name other than the way the lists do, and where a state's name inside a
text is part of another name: small token-level helpers of the actor dictionary."""

from __future__ import annotations

import re

#: entry kinds that name a state
STATE_KINDS = {"country", "demonym", "capital"}


def inside_new_name(words: list[str], i: int) -> bool:
    """Is word i inside a capitalised name that starts with "New" ("New Mexico", "New South
    Wales")? A state's name there is part of another place's."""
    j = i - 1
    while j >= 0 and words[j][:1].isupper():
        if words[j] == "New":
            return True
        j -= 1
    return False


#: punctuation that wire copy and incident reports often drop from a name
_DROPPED = {"-", "(", ")", "‑", "–"}


def plain_form(tokens: list[str]) -> list[str]:
    """A name as texts stripped of punctuation write it: "Lashkar-e-Taiba" as "Lashkar e
    Taiba", "NSCN (IM)" as "NSCN IM", "People's" as "People s" (the South Asia Terrorism
    Portal's reports and many scraped texts read so)."""
    out = []
    for t in tokens:
        if t in _DROPPED:
            continue
        out.append("s" if t in ("'s", "’s") else t)
    return out


#: an abbreviation written with full stops: "U.S.", "U.N.", "U.S.A."
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


def dotted_variants(tokens: list[str]) -> list[list[str]]:
    """The forms news also writes a dotted abbreviation in: without its last full stop (a
    sentence's end took it: "The U.S has promised") and spaced ("U. N.", one token a letter)."""
    out: list[list[str]] = []
    for i, t in enumerate(tokens):
        if DOTTED.match(t):
            out.append([*tokens[:i], t[:-1], *tokens[i + 1 :]])
            out.append([*tokens[:i], *(f"{c}." for c in t.split(".") if c), *tokens[i + 1 :]])
    return out


__all__ = ["DOTTED", "STATE_KINDS", "dotted_variants", "inside_new_name", "plain_form"]
