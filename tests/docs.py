"""Hand-built spaCy Docs: rule tests that need no statistical model."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab


@lru_cache(maxsize=1)
def _vocab() -> Vocab:
    return spacy.blank("en").vocab


def make_doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """rows: (word, lemma, pos, dep, head index); the root points to itself."""
    words = [r[0] for r in rows]
    return Doc(
        _vocab(),
        words=words,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
    )
