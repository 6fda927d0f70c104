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
#: words of an article kept for its context vector, and its dimensions (`context_vectors`)
TOP_WORDS = 100
CONTEXT_DIM = 2048

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


@lru_cache(maxsize=1 << 20)
def token_id(word: str) -> int:
    """A stable hash of a word into the IDF table."""
    return zlib.crc32(word.encode("utf-8")) & (IDF_BUCKETS - 1)


def _distinct(arr: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique's hash path is slow on many small arrays)."""
    arr = np.sort(arr)
    if arr.size < 2:
        return arr
    return arr[np.concatenate(([True], arr[1:] != arr[:-1]))]


@lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit moves every output bit (uint64, wraps)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@lru_cache(maxsize=1)
def idf_table() -> np.ndarray:
    """IDF per hashed token (ones when no table is shipped)."""
    if IDF_PATH.exists():
        return np.load(IDF_PATH).astype(np.float32)
    return np.ones(IDF_BUCKETS, np.float32)


def _token_keys(texts: list[str]) -> np.ndarray:
    """One key per token of each text: text index * IDF_BUCKETS + the token's hash."""
    rows: list[int] = []
    ids: list[int] = []
    for i, text in enumerate(texts):
        toks = [token_id(w) for w in tokens(text)]
        ids.extend(toks)
        rows.extend([i] * len(toks))
    return np.asarray(rows, np.int64) * IDF_BUCKETS + np.asarray(ids, np.int64)


def vectors(texts: list[str]) -> np.ndarray:
    """Unit-length hashed TF-IDF vectors (n x DIM float32); an empty text gives zeros."""
    idf = idf_table()
    keys = _token_keys(texts)
    out = np.zeros(len(texts) * DIM, np.float64)
    if keys.size:
        # sublinear tf: each distinct token of a text once, weighted by its IDF; a sign bit
        # spreads the tokens that fold into one dimension
        key = _distinct(keys)
        row, uniq = key // IDF_BUCKETS, key % IDF_BUCKETS
        weight = idf[uniq] * np.where((uniq >> 15) & 1, -1.0, 1.0)
        out += np.bincount(row * DIM + uniq % DIM, weights=weight, minlength=out.size)
    mat = out.reshape(len(texts), DIM).astype(np.float32)
    norm = np.linalg.norm(mat, axis=1, keepdims=True)
    np.divide(mat, norm, out=mat, where=norm > 0)
    return mat


def context_vectors(texts: list[str], top: int = TOP_WORDS, dim: int = CONTEXT_DIM) -> np.ndarray:
    """Unit-length vectors of whole articles (n x `dim` float32): each text's `top` heaviest
    words by tf-idf with a logarithmic tf (a word the article repeats is what it is about; a
    name said once in passing is not), folded into `dim` dimensions with a sign bit. All the
    words of an article folded into `DIM` collide so often that unrelated articles look alike;
    its hundred salient words in 2,048 dimensions rarely do."""
    idf = idf_table()
    keys = _token_keys(texts)
    out = np.zeros((len(texts), dim), np.float32)
    if not keys.size:
        return out
    key, count = np.unique(keys, return_counts=True)
    row, col = key // IDF_BUCKETS, key % IDF_BUCKETS
    weight = (1.0 + np.log(count)) * idf[col]
    # per text, its `top` heaviest words: sort by (row, -weight), keep the first of each row
    order = np.lexsort((-weight, row))
    row, col, weight = row[order], col[order], weight[order]
    keep = np.arange(row.size) - np.searchsorted(row, row, side="left") < top
    row, col, weight = row[keep], col[keep], weight[keep]
    weight = weight * np.where((col >> 15) & 1, -1.0, 1.0)
    np.add.at(out, (row, col % dim), weight.astype(np.float32))
    norm = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norm, out=out, where=norm > 0)
    return out


def fingerprint(text: str) -> int:
    """64-bit SimHash of the text's word 4-shingles (0 for a text under four words)."""
    words = _WORD.findall(text.lower())
    if len(words) < 4:
        return 0
    w = np.asarray([_word_hash(x) for x in words], np.uint64)
    with np.errstate(over="ignore"):
        sh = _mix(w[:-3] ^ _mix(w[1:-2] ^ _mix(w[2:-1] ^ _mix(w[3:]))))
    sh = _distinct(sh)
    bits = np.unpackbits(sh.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)
    acc = bits.sum(axis=0, dtype=np.int64) * 2 - len(sh)
    return int.from_bytes(np.packbits(acc > 0).tobytes(), "big")


COPY_BITS = 10


def near_copies(a: int, b: int, bits: int = COPY_BITS) -> bool:
    """Whether two SimHash fingerprints are copies of one text (at most `bits` differ)."""
    return a != 0 and b != 0 and (a ^ b).bit_count() <= bits


__all__ = ["DIM", "STOPWORDS", "context_vectors", "fingerprint", "near_copies", "tokens", "vectors"]
