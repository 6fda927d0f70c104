"""Acronyms an article defines: "National Security Adviser (NSA) Ajit Doval", "the Pakistan
Tehreek-e-Insaf (PTI)".

News spells out an acronym once and uses it after. The article's own definition beats any
dictionary reading of the letters (issue 15, "context first"): India's "National Security
Adviser (NSA)" is no apposition naming the US National Security Agency, and "the NSA" later in
that article is the adviser, not the agency. An acronym is defined when its letters are the
initials of the capitalised words just before the parenthesis (small words such as "of",
"and", "the" skipped, hyphenated parts counted: "Tehreek-e-Insaf" gives T and I).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .mention import Mention

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")
SMALL_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "de", "al", "&", "-"})
MAX_WORDS = 10


def _letters(acronym: str) -> str:
    return "".join(ch for ch in acronym if ch.isupper())


def _initials(word: str) -> str:
    """Capital initials of a word and its hyphenated parts ("Tehreek-e-Insaf" -> "TI")."""
    return "".join(part[0] for part in re.split(r"[-'’]", word) if part and part[0].isupper())


def acronym_end(doc: Doc, i: int) -> int:
    """The index of the token after an acronym starting at `i` (its closing parenthesis when
    there is one): the tokenizer may split it ("PML-N": "PML", "-", "N")."""
    k = i
    while k < min(len(doc) - 1, i + 3) and doc[k].text != ")" and not doc[k].whitespace_:
        k += 1
    return k


def long_form(doc: Doc, i: int, text: str | None = None) -> tuple[int, int] | None:
    """When doc[i] is an acronym in parentheses that spells the capitalised words before the
    parenthesis, the token span of those words; else None. `text`: the article as written
    (the parse may have lower-cased title-case role words)."""

    def word_at(j: int) -> str:
        t = doc[j]
        return text[t.idx : t.idx + len(t.text)] if text is not None else t.text

    if not (0 < i < len(doc) - 1 and doc[i - 1].text == "("):
        return None
    k = acronym_end(doc, i)
    if doc[k].text != ")":
        return None
    acronym = doc[i:k].text
    letters = _letters(acronym)
    if len(letters) < 2 or not ACRONYM.match(acronym):
        return None
    got = ""
    j = i - 2
    start = None
    while j >= 0 and i - 2 - j < MAX_WORDS:
        word = word_at(j)
        joined = (j > 0 and doc[j - 1].text == "-") or doc[j + 1].text == "-"
        if start is not None and (word.lower() in SMALL_WORDS or (joined and word.islower())):
            j -= 1  # "of", "and"; the small parts of "Tehreek-e-Insaf"
            continue
        init = _initials(word)
        if not init:
            break
        got = init + got
        start = j
        if got == letters:
            return start, i - 1
        if not letters.endswith(got):
            return None
        j -= 1
    return None


def defines_acronym(tok: Token, text: str | None = None) -> bool:
    """`tok` is (a piece of) an acronym in parentheses that the words before it spell out."""
    doc, i = tok.doc, tok.i
    while i > 1 and doc[i - 1].text != "(" and not doc[i - 1].whitespace_ and tok.i - i < 3:
        i -= 1  # the parse may head "PML-N" on its last piece
    return long_form(doc, i, text) is not None


def definitions(doc: Doc, text: str | None = None) -> dict[str, tuple[int, int, int]]:
    """Acronym -> (long form start, long form end, the acronym's token), first definition."""
    out: dict[str, tuple[int, int, int]] = {}
    for tok in doc:
        if tok.i == 0 or doc[tok.i - 1].text != "(" or not tok.text[:1].isupper():
            continue
        span = long_form(doc, tok.i, text)
        if span is not None:
            out.setdefault(doc[tok.i : acronym_end(doc, tok.i)].text, (span[0], span[1], tok.i))
    return out


def resolve_defined(doc: Doc, mentions: list[Mention], text: str | None = None) -> None:
    """Later mentions of a defined acronym ("the NSA", "PTI") take the identity of the
    mention the article defined it with."""
    defs = definitions(doc, text)
    if not defs:
        return
    for acronym, (start, end, at) in defs.items():
        long = next((m for m in mentions if m.start <= end - 1 < m.end), None)
        if long is None or not (long.country or long.sector):
            continue
        for m in mentions:
            if m is long or m.start <= at:
                continue
            words = [t for t in doc[m.start : m.end] if t.lower_ not in ("the", "'s", "’s")]
            if "".join(t.text_with_ws for t in words).strip() != acronym:
                continue
            m.name, m.country, m.sector = long.name, long.country, long.sector
            m.wikidata, m.kind, m.person, m.entry = (
                long.wikidata,
                long.kind,
                long.person,
                long.entry,
            )
            said = text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1])] if text else None
            m.rule.append(f"acronym defined as '{said or doc[start:end].text}'")


__all__ = ["acronym_end", "defines_acronym", "definitions", "long_form", "resolve_defined"]
