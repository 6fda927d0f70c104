"""The casualty counts the text gives for one incident: PLOVER's `dead` and `injured`.

"Gunmen opened fire ... one person was killed ... two were injured" is one ASSAULT that killed
one and injured two. Counts are read from the words of the incident itself: its triggers, and
the harm words in the sentences that tell it ("two others died") that are no other event's
trigger. A count is a number the text writes ("12", "1,200", "twelve"); a vague one ("dozens")
gives none, and no count is ever guessed. When several words count the same harm ("killed 20",
then "the 20 dead"), the record keeps the largest: retellings repeat a count, so adding them up
would count the same people twice.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KILL = frozenset({"kill", "die", "dead", "murder", "slay", "behead", "execute", "massacre"})
INJURE = frozenset({"injure", "wound", "hurt", "injured", "wounded"})

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a dozen": 12,
}  # fmt: skip
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")


def number(tok: Token) -> int | None:
    """The integer a number word stands for ("12", "1,200", "twelve"), else None."""
    low = tok.lower_
    if _DIGITS.match(low):
        return int(low.replace(",", ""))
    if low in _WORDS:
        return _WORDS[low]
    if "-" in low:  # "twenty-five"
        tens, _, ones = low.partition("-")
        if tens in _WORDS and ones in _WORDS and _WORDS[ones] < 10:
            return _WORDS[tens] + _WORDS[ones]
    return None


def _one_count(tok: Token) -> int | None:
    """The count one phrase gives: itself a number ("two were injured"), its number modifier
    ("one person", "at least 12 people"), or one for a single noun ("a policeman")."""
    n = number(tok) if tok.like_num or tok.lower_ in _WORDS else None
    if n is not None:
        return n
    for c in tok.children:
        if c.dep_ == "nummod":
            n = number(c)
            if n is not None:
                return n
    if tok.tag_ in ("NN", "NNP") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in tok.children
    ):
        return 1
    return None


def _count_of(tok: Token) -> int | None:
    """The count a phrase gives, its coordinated parts added up ("three policemen and two
    militants": five); None when no part gives a number."""
    parts = [tok]
    for p in parts:  # the chain of conjuncts only, not a phrase inside one ("including ...")
        parts.extend(c for c in p.children if c.dep_ == "conj")
    counts = [n for p in parts if (n := _one_count(p)) is not None]
    return sum(counts) if counts and any(_one_count(p) != 1 or p is tok for p in parts) else None


def _victims(tok: Token) -> list[Token]:
    """Who was harmed: the passive subject ("one person was killed"), the object ("killing
    12 soldiers"), the subject of "died", or a number the harm word describes ("12 dead")."""
    out = []
    for c in tok.children:
        # "one person was killed", "killing 12 soldiers", "12 people died", "30 wounded"
        if c.dep_ in ("nsubjpass", "dobj") or (
            c.dep_ == "nsubj" and (tok.lemma_.lower() == "die" or tok.tag_ in ("VBN", "JJ"))
        ):
            out.append(c)
    if tok.dep_ in ("amod", "acomp", "oprd") and tok.head.like_num:
        out.append(tok.head)  # "two wounded", "left 3 dead"
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "NUM"):
        out.append(tok.head)  # "12 people killed in the attack"
    return out


def harm(tok: Token) -> str | None:
    """'killed', 'injured' or None: the harm a word names."""
    lemma = tok.lemma_.lower()
    if lemma in KILL or tok.lower_ == "dead":
        return "killed"
    if lemma in INJURE or tok.lower_ in INJURE:
        return "injured"
    return None


def _toll(tok: Token) -> int | None:
    """The number a death toll comes to: "the death toll rose to 12", "a toll of 12"."""
    if tok.lemma_.lower() != "toll" or not any(c.lemma_.lower() == "death" for c in tok.lefts):
        return None
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("to", "at")]
        preps += [
            c for c in tok.head.children if c.dep_ in ("attr", "dobj")
        ]  # "stood at", "was 12"
    for p in preps:
        for t in (p, *p.children):
            if t.like_num and (n := number(t)) is not None:
                return n
    return None


def count(tok: Token) -> tuple[str, int] | None:
    """('killed', 3) for "three people were killed"; None when the text gives no number."""
    toll = _toll(tok)
    if toll is not None:
        return "killed", toll
    kind = harm(tok)
    if kind is None:
        return None
    n = next((c for v in _victims(tok) if (c := _count_of(v)) is not None), None)
    if n is None:
        n = _count_of(tok)  # "12 dead": the number modifies the harm word itself
    return (kind, n) if n is not None else None


def casualties(
    doc: Doc, triggers: list[tuple[int, int]], others: set[int]
) -> tuple[int | None, int | None]:
    """(killed, injured) for the incident told by `triggers` (character spans): the largest
    count each kind of harm gets among those triggers and the harm words of their sentences
    that are not in `others` (the token indices of other events' triggers)."""
    best: dict[str, int] = {}
    own: set[int] = set()
    sents = []
    for start, end in triggers:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        own.update(t.i for t in span)
        if span.sent not in sents:
            sents.append(span.sent)
    for sent in sents:
        for tok in sent:
            if tok.i in others and tok.i not in own:
                continue
            got = count(tok)
            if got is not None:
                kind, n = got
                best[kind] = max(best.get(kind, 0), n)
    return best.get("killed"), best.get("injured")


__all__ = ["casualties", "count", "harm", "number"]
