"""Answers kept by request, for as long as the server runs (issue 19 item 9).

`serve` holds its store open read-only, and DuckDB refuses a writer while it does, so the
answer to a request cannot change until the server stops: the second reader to ask for a
view gets the first one's bytes. Bounded by the bytes kept; the least recently used answer
goes first. `wirecoder serve --no-cache` turns it off (every request is answered from the
store, as the benchmark's "no cache" figure is measured).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence

#: Bytes of answers kept by default (a page of 100 events is about 0.2 MB).
DEFAULT_BYTES = 64 * 2**20

Key = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]
Answer = tuple[int, list[tuple[str, str]], bytes]


def request_key(path: str, query: Mapping[str, Sequence[str]]) -> Key:
    """A request as the cache knows it: its path and its parameters in any order."""
    return path, tuple(sorted((k, tuple(v)) for k, v in query.items()))


class AnswerCache:
    """A thread-safe LRU of answers (status, headers, body), at most `max_bytes` of bodies."""

    def __init__(self, max_bytes: int = DEFAULT_BYTES) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[Key, Answer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Key) -> Answer | None:
        """The kept answer (a copy of its headers, which the caller may extend), or None."""
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        status, headers, body = found
        return status, list(headers), body

    def put(self, key: Key, answer: Answer) -> None:
        """Keep an answer; one bigger than the whole cache is not kept."""
        status, headers, body = answer
        size = len(body)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._items[key] = (status, list(headers), body)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped[2])

    @property
    def size(self) -> int:
        """Bytes of bodies kept."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)


__all__ = ["DEFAULT_BYTES", "AnswerCache", "request_key"]
