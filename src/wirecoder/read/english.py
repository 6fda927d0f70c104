"""A cheap "is this English?" check, run before an article costs a parse.

The coder's model, dictionaries and trigger lexicon are English; a French or Arabic article
parses into noise and, worse, into confident-looking events. Two signals, both linear in the
text and needing no model:

1. script: most letters must be Latin (rejects Arabic, Cyrillic, CJK, ...);
2. function words: English news prose is about a fifth "the", "of", "and", "said"...; other
   Latin-script languages score near zero on a list that leaves out words they share
   ("a", "in", "was", "is", "an", "die", ...).

Short texts (a headline, a one-line brief) carry too little evidence and are let through.
"""

from __future__ import annotations

import re

from ..errors import Codes, InputError

#: English function words that are rare as words in other Latin-script languages.
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
    ]
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 20  # below this, the ratio says little; let short items through
MIN_RATIO = 0.08  # English news ~0.2-0.3; French/Spanish/German/Italian < 0.03
MIN_LATIN = 0.6  # share of letters in the Latin script


def english_score(text: str, sample: int = 20_000) -> tuple[float, float, int]:
    """(share of Latin letters, share of English function words, number of words)."""
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    latin = sum(1 for ch in letters if ord(ch) < 0x250)
    latin_share = latin / len(letters) if letters else 1.0
    words = _WORD.findall(head)
    hits = sum(1 for w in words if w.lower() in FUNCTION_WORDS)
    return latin_share, (hits / len(words) if words else 0.0), len(words)


def check_english(text: str, origin: str) -> None:
    """Raise InputError E109 when the text is clearly not English prose."""
    latin, ratio, n = english_score(text)
    if n and latin < MIN_LATIN and sum(1 for ch in text[:20_000] if ch.isalpha()) >= 20:
        raise InputError(Codes.E109, input=origin, detail=f"{latin:.0%} of letters are Latin")
    if n >= MIN_WORDS and ratio < MIN_RATIO:
        raise InputError(
            Codes.E109,
            input=origin,
            detail=f"{ratio:.1%} English function words in {n} words; English news has ~20%",
        )


def is_english(text: str) -> bool:
    try:
        check_english(text, "<text>")
    except InputError:
        return False
    return True


__all__ = ["FUNCTION_WORDS", "check_english", "english_score", "is_english"]
