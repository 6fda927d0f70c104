"""Cheap text representations that scale to millions of events, with no model to load.

- `vectors`: the evidence text as a hashed TF-IDF vector folded into `DIM` dense dimensions
  (unit length, float32), so a block of events is compared with one matrix product. Tokens are
  hashed with CRC-32 (stable across processes, unlike Python's `hash`); the IDF weights come
  from `data/idf.npy` when it is there (built by `build_idf.py` beside this module) and are 1
  otherwise.
- `fingerprint`: a 64-bit SimHash of an article's word 4-shingles. Copies of one wire story
  (the same text with a changed headline, byline or a trimmed paragraph) land a few bits apart;
  different stories about one event do not.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

DIM = 256
#: hashed vocabulary the IDF table is indexed by (tokens fold into DIM afterwards)
IDF_BUCKETS = 1 << 16
IDF_PATH = Path(__file__).with_name("data") / "idf.npy"

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

_STOP = """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours said says say told according mr mrs ms s t"""
STOPWORDS = frozenset(_STOP.split())


def tokens(text: str) -> list[str]:
    """Lower-cased content words (stop words and one-letter tokens dropped)."""
    return [
        w
        for w in _WORD.findall(text.lower())
        if len(w) > 1 and w not in STOPWORDS and not w.isdigit()
    ]


def token_id(word: str) -> int:
    """A stable hash of a word into the IDF table."""
    return zlib.crc32(word.encode("utf-8")) & (IDF_BUCKETS - 1)


@lru_cache(maxsize=1)
def idf_table() -> np.ndarray:
    """IDF per hashed token (ones when no table is shipped)."""
    if IDF_PATH.exists():
        return np.load(IDF_PATH).astype(np.float32)
    return np.ones(IDF_BUCKETS, np.float32)


def vectors(texts: list[str]) -> np.ndarray:
    """Unit-length hashed TF-IDF vectors (n x DIM float32); an empty text gives zeros."""
    idf = idf_table()
    out = np.zeros((len(texts), DIM), np.float32)
    for i, text in enumerate(texts):
        ids = [token_id(w) for w in tokens(text)]
        if not ids:
            continue
        arr = np.asarray(ids, np.int64)
        # sublinear tf: each distinct token once, weighted by its IDF; signs spread collisions
        uniq = np.unique(arr)
        w = idf[uniq]
        sign = np.where((uniq >> 15) & 1, -1.0, 1.0).astype(np.float32)
        np.add.at(out[i], uniq % DIM, w * sign)
        norm = float(np.linalg.norm(out[i]))
        if norm > 0:
            out[i] /= norm
    return out


def fingerprint(text: str) -> int:
    """64-bit SimHash of the text's word 4-shingles (0 for a text under four words)."""
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return 0
    hashes = set()
    for i in range(len(words) - 3):
        sh = " ".join(words[i : i + 4]).encode("utf-8")
        hashes.add((zlib.crc32(sh) << 32) | zlib.crc32(sh[::-1]))
    bits = np.unpackbits(
        np.asarray(sorted(hashes), dtype=">u8").view(np.uint8).reshape(-1, 8), axis=1
    )
    acc = bits.sum(axis=0).astype(np.int64) * 2 - len(hashes)
    value = 0
    for b in acc:
        value = (value << 1) | int(b > 0)
    return value


def near_copies(a: int, b: int, bits: int = 10) -> bool:
    """Whether two SimHash fingerprints are copies of one text (at most `bits` differ)."""
    return a != 0 and b != 0 and (a ^ b).bit_count() <= bits


__all__ = ["DIM", "STOPWORDS", "fingerprint", "near_copies", "tokens", "vectors"]
