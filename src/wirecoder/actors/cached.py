"""The built-in actor dictionary, built once and read from the user's cache afterwards.

Building it reads some 35,000 entries from seven files and tokenises thousands of forms: a
quarter of a second of every cold start. The cache holds it packed (each entry once as a
plain tuple, each surface form as the indices of its entries), which reads back in a fraction
of that; `unpack` rebuilds the same tables in the same order, sharing each entry between its
forms as the built dictionary does. The key is a content hash of everything the build reads.
"""

from __future__ import annotations

import gc
from dataclasses import astuple
from functools import lru_cache
from importlib import resources
from typing import Any

from .build import build_builtin
from .dictionary import DATA, ActorDictionary, Entry

#: bump when the packed layout changes
_LAYOUT = "actors/1"

Packed = tuple[Any, ...]


def pack(d: ActorDictionary) -> Packed:
    """Plain tuples, ints and strings (fast to pickle); `common` is left out (the caller has it)."""
    index: dict[Entry, int] = {}
    rows: list[tuple[Any, ...]] = []

    def codes(bucket: list[Entry]) -> tuple[int, ...]:
        out = []
        for e in bucket:
            i = index.get(e)
            if i is None:
                i = index[e] = len(rows)
                rows.append(astuple(e))
            out.append(i)
        return tuple(out)

    exact = {k: codes(v) for k, v in d.exact.items()}
    folded = {k: codes(v) for k, v in d.folded.items()}
    return (
        _LAYOUT,
        rows,
        exact,
        folded,
        d.roles,
        d.countries,
        d.name_words,
        d.first_exact,
        d.first_folded,
        d.max_len,
    )


def unpack(data: Packed, common: frozenset[str]) -> ActorDictionary:
    """The dictionary `pack` was given (with `common` put back)."""
    layout, rows, exact, folded, roles, countries, name_words, first_exact, first_folded, n = data
    if layout != _LAYOUT:
        raise ValueError(f"packed actor dictionary has layout {layout!r}")
    entries = [Entry(*r) for r in rows]
    return ActorDictionary(
        exact={k: [entries[i] for i in v] for k, v in exact.items()},
        folded={k: [entries[i] for i in v] for k, v in folded.items()},
        roles=roles,
        countries=countries,
        name_words=name_words,
        first_exact=first_exact,
        first_folded=first_folded,
        max_len=n,
        common=common,
    )


@lru_cache(maxsize=1)
def _sources_digest() -> bytes:
    """Hash of the builder's source (build.py, dictionary.py, forms.py, this module) and the data files."""
    import hashlib

    from . import build, dictionary, forms

    h = hashlib.sha256(_LAYOUT.encode())
    for mod in (build.__file__, dictionary.__file__, forms.__file__, __file__):
        with open(mod, "rb") as fh:
            h.update(fh.read())
    for f in sorted(resources.files(DATA).iterdir(), key=lambda p: p.name):
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.digest()


def builtin_key(common: frozenset[str]) -> str:
    """Content hash of the build's inputs: source, data files, spaCy's version (its tokenizer
    splits the forms) and the common English words that make a form case-sensitive."""
    import hashlib
    from importlib.metadata import version

    h = hashlib.sha256(_sources_digest())
    h.update(f"spacy={version('spacy')}\n".encode())
    h.update("\n".join(sorted(common)).encode())
    return h.hexdigest()[:20]


def cached_builtin(common: frozenset[str]) -> ActorDictionary:
    """`build_builtin(common)`, read from the user's cache when it was built before."""
    from ..cache import cached_pickle

    data = cached_pickle("actors", builtin_key(common), lambda: pack(build_builtin(common)))
    enabled = gc.isenabled()
    gc.disable()  # 35,000 entries: the collector would run many times for nothing
    try:
        return unpack(data, common)
    except (ValueError, TypeError, IndexError) as exc:  # a foreign entry under our name
        from ..cache import log

        log.warning("cached actor dictionary unusable (%s); rebuilding", exc)
        return build_builtin(common)
    finally:
        if enabled:
            gc.enable()


__all__ = ["builtin_key", "cached_builtin", "pack", "unpack"]
