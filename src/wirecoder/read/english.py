"""A cheap "is this English?" check, run before an article costs a parse.

The coder's model, dictionaries and trigger lexicon are English; a French or Arabic article
parses into noise and, worse, into confident-looking events. Two signals, both linear in the
text and needing no model:

1. script: most letters must be Latin (rejects Arabic, Cyrillic, CJK, ...);
2. function words: English prose is full of "the", "of", "and", "in", "said"; French, Spanish,
   German, Italian, Portuguese, Dutch, Indonesian, Turkish, Polish and Swahili prose is full of
   their own ("le", "el", "der", "il", "o", "het", "yang", "ve", "się", "na"...). A text is
   rejected when the other languages' words are as common as English ones, or when English
   function words are almost absent (a language on neither list). Foreign words count only in
   lower case, so names ("Ruiz de la Cruz", "Da Nang") do not. The earlier rule, a fixed 8% of
   English function words, rejected terse English (a wire brief dense with names scores 4-7%):
   0.28% of 21,110 English texts in ../shared/data, against 0.005% (one list of names) now
   (`scripts/measure_english.py`).

Short texts (a headline, a one-line brief) carry too little evidence and are let through.
`wirecoder code` and `wirecoder ingest` both apply it (E109, the same message); `--any-language`
turns it off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from ..errors import Codes, InputError
from ..records import Article, Rejected

R = TypeVar("R")

#: English function words (common words of other languages too: "a", "in", "was" count here,
#: because the foreign list has to outweigh them, not merely appear).
FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "that",
        "with",
        "for",
        "by",
        "from",
        "at",
        "his",
        "her",
        "its",
        "he",
        "she",
        "they",
        "their",
        "them",
        "it",
        "said",
        "says",
        "told",
        "are",
        "were",
        "have",
        "has",
        "had",
        "been",
        "be",
        "this",
        "these",
        "those",
        "which",
        "not",
        "but",
        "or",
        "would",
        "who",
        "whom",
        "whose",
        "after",
        "about",
        "more",
        "than",
        "when",
        "there",
        "into",
        "over",
        "against",
        "could",
        "should",
        "also",
        "we",
        "you",
        "our",
        "us",
        "what",
        "while",
        "where",
        "under",
        "between",
        "during",
        "because",
        "before",
        "since",
        "until",
        "just",
        "only",
        "other",
        "some",
        "such",
        "any",
        "all",
        "each",
        "both",
        "most",
        "many",
        "much",
        "very",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "upon",
        "off",
        "out",
        "up",
        "a",
        "an",
        "in",
        "on",
        "was",
        "is",
        "as",
        "will",
        "did",
        "does",
        "being",
        "no",
        "if",
        "so",
        "then",
        "him",
        "i",
        "my",
    ]
)


def _words(*lines: str) -> frozenset[str]:
    return frozenset(w for line in lines for w in line.split())


#: Function words of other Latin-script languages that English text does not use in lower case
#: (words English uses too, "do", "no", "die", "met", "van", "pour", "hat", are left out).
FOREIGN_WORDS = _words(
    # French
    "le la les des du une est et dans sur avec qui au aux par sont été cette ses leur ",
    "mais pas ont il elle nous vous ils lors selon après contre ",
    # Spanish
    "el los las del una y por con para según fue sus tras más como pero sobre entre también ",
    "este esta ",
    # Portuguese
    "o os um uma não na da dos das em com segundo foi pelo pela ao ainda ",
    # Italian
    "di che della delle dello nel nella sono gli dal dalla dopo anche è ed ",
    # German
    "der das und ist nicht mit dem ein eine zu von sich auf für im wie aus wird ",
    "werden nach bei einer eines sie auch ",
    # Dutch
    "het een en zijn op niet voor dat bij naar ook heeft ",
    # Indonesian / Malay
    "yang dan di ini itu dengan untuk dari pada dalam tidak akan oleh telah ",
    # Turkish
    "ve bir bu ile için olarak daha çok gibi ",
    # Polish
    "się nie że jest oraz przez są jak ale ",
    # Swahili
    "wa ya kwa za katika ni kuwa",
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # below this, the ratio says little; let short items through
MIN_RATIO = 0.03  # English news ~0.25-0.35, a name-dense brief ~0.1; other languages < 0.1
MIN_LATIN = 0.6  # share of letters in the Latin script


def english_score(text: str, sample: int = 20_000) -> tuple[float, float, int, float]:
    """(share of Latin letters, share of English function words, number of words, share of
    other languages' function words written in lower case)."""
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    latin_share = latin / len(letters) if letters else 1.0
    words = _WORD.findall(head)
    hits = sum(1 for w in words if w.lower() in FUNCTION_WORDS)
    foreign = sum(1 for w in words if w in FOREIGN_WORDS)
    n = len(words)
    return latin_share, (hits / n if n else 0.0), n, (foreign / n if n else 0.0)


def check_english(text: str, origin: str) -> None:
    """Raise InputError E109 when the text is clearly not English prose."""
    latin, ratio, n, foreign = english_score(text)
    if n and latin < MIN_LATIN and sum(1 for ch in text[:20_000] if ch.isalpha()) >= 20:
        raise InputError(Codes.E109, input=origin, detail=f"{latin:.0%} of letters are Latin")
    if n >= MIN_WORDS and (ratio < MIN_RATIO or foreign >= ratio):
        raise InputError(
            Codes.E109,
            input=origin,
            detail=f"{ratio:.1%} English function words against {foreign:.1%} of other "
            f"languages' in {n} words",
        )


def english_only(results: Iterable[R]) -> Iterator[R | Rejected]:
    """Articles that pass `check_english`; the others as E109 rejections (with the same
    origin and message in `wirecoder code` and `wirecoder ingest`), other items unchanged."""
    for r in results:
        if isinstance(r, Article):
            try:
                check_english(r.text, r.origin or r.id)
            except InputError as err:
                yield Rejected(r.origin or r.id, err.code, err.detail)
                continue
        yield r


def is_english(text: str) -> bool:
    try:
        check_english(text, "<text>")
    except InputError:
        return False
    return True


__all__ = [
    "FOREIGN_WORDS",
    "FUNCTION_WORDS",
    "check_english",
    "english_only",
    "english_score",
    "is_english",
]
