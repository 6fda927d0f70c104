"""`read_path`: the single entry point from a path (file, folder or '-') to Articles.

Every input format goes through here, so `wirecoder code` and `wirecoder ingest` accept the
same things and reject bad ones with the same codes:

| input | how it is recognised | one article per |
|---|---|---|
| Parquet | `.parquet`/`.pq`, or the `PAR1` magic | row (`text` column) |
| JSONL | `.jsonl`/`.ndjson`, or an unrecognised file starting with `{` | line |
| JSON | `.json` (an object, or an array of objects) | object |
| HTML | `.html`/`.htm`/`.xhtml`/`.shtml`, or a doctype / `<html>` start | page |
| text | `.txt`, or anything else (headline on the first line) | file |

A folder is walked recursively (`walk.py`); '-' reads standard input, sniffed the same way.
JSONL and Parquet are streamed, so a file of a million articles never sits in memory; the
20 MB limit applies to one article (a text or HTML file, a JSONL line), not to a container.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import Codes, InputError
from ..records import Rejected
from ._checks import MAX_BYTES, decode_text
from .articles import ReadResult, article_from_record, read_text_bytes
from .html import looks_like_html, read_html_bytes
from .parquet import PARQUET_MAGIC, read_parquet
from .walk import walk_files

_HEAD = 8192
_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"
#: Byte-order marks of the UTF-16 and UTF-32 encodings (UTF-32 first: its LE mark starts
#: with UTF-16's).
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _wide_to_utf8(head: bytes, f: IO[bytes], origin: str) -> tuple[bytes, IO[bytes], int] | None:
    """A UTF-16 or UTF-32 input (known by its byte-order mark) re-encoded as UTF-8, so every
    reader sees UTF-8: (first bytes, stream, size). None when there is no such mark. The whole
    input is read (one article is at most 20 MB of UTF-8, so at most 80 MB of UTF-32)."""
    encoding = next((enc for bom, enc in _WIDE_BOMS if head.startswith(bom)), None)
    if encoding is None:
        return None
    limit = 4 * MAX_BYTES
    data = head + f.read(limit + 1 - len(head))
    if len(data) > limit:
        raise InputError(Codes.E107, input=origin, size=len(data), limit=limit)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            Codes.E104, input=origin, detail=f"{encoding.upper()}, byte {exc.start}: {exc.reason}"
        ) from exc
    utf8 = text.encode("utf-8", "surrogatepass")
    stream = io.BytesIO(utf8)
    return stream.read(_HEAD), stream, len(utf8)


def sniff_format(name: str, head: bytes) -> str:
    """'parquet' | 'jsonl' | 'json' | 'html' | 'text', from the name, then the first bytes."""
    lower = name.lower()
    if lower.endswith((".parquet", ".pq")) or head[:4] == PARQUET_MAGIC:
        return "parquet"
    if lower.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if lower.endswith(".json"):
        return "json"
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return "html"
    if lower.endswith(".txt"):
        return "text"
    if head.lstrip(_BOM + b" \t\r\n")[:1] == b"{":
        return "jsonl"
    if looks_like_html(head):
        return "html"
    return "text"


def iter_lines(chunks: Iterable[bytes], limit: int = MAX_BYTES) -> Iterator[bytes | int]:
    """Lines (without the newline) from a stream of chunks.

    A line longer than `limit` is never held in memory: its size (an int) is yielded instead.
    """
    buf = bytearray()
    over = 0
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            piece = chunk[start:] if nl < 0 else chunk[start:nl]
            if over:
                over += len(piece)
            else:
                buf += piece
                if len(buf) > limit:
                    over = len(buf)
                    buf.clear()
            if nl < 0:
                break
            if over:
                yield over
                over = 0
            else:
                yield bytes(buf)
                buf.clear()
            start = nl + 1
    if over:
        yield over
    elif buf:
        yield bytes(buf)


def read_jsonl_stream(
    chunks: Iterable[bytes], origin: str, default_date: object = None
) -> Iterator[ReadResult]:
    """One article per line; a bad line is rejected with its line number, the rest go on."""
    for lineno, line in enumerate(iter_lines(chunks), start=1):
        where = f"{origin}:{lineno}"
        try:
            if isinstance(line, int):
                raise InputError(Codes.E107, input=where, size=line, limit=MAX_BYTES)
            if lineno == 1:
                line = line.removeprefix(_BOM)
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    Codes.E104, input=where, detail=f"byte {exc.start}: {exc.reason}"
                ) from exc
            yield _guarded(_loads(text, where), where, default_date)
        except InputError as err:
            yield Rejected(origin=where, code=err.code, message=err.detail)


def read_jsonl_bytes(data: bytes, origin: str, default_date: object = None) -> Iterator[ReadResult]:
    """JSONL already in memory: a binary or empty buffer is one rejection, lines go on alone."""
    if not data.strip():
        raise InputError(Codes.E102, input=origin)
    if b"\x00" in data[:_HEAD]:
        raise InputError(Codes.E103, input=origin)
    yield from read_jsonl_stream([data], origin, default_date)


def read_json_bytes(data: bytes, origin: str, default_date: object = None) -> Iterator[ReadResult]:
    """A .json file: one article object, or an array of them (`file.json:3` is the third)."""
    doc = _loads(decode_text(data, origin), origin)
    if not isinstance(doc, list):
        yield _guarded(doc, origin, default_date)
        return
    for i, record in enumerate(doc, start=1):
        where = f"{origin}:{i}"
        try:
            yield _guarded(record, where, default_date)
        except InputError as err:
            yield Rejected(origin=where, code=err.code, message=err.detail)


def _loads(text: str, where: str) -> object:
    """JSON text to a value, or E105 naming the input: not JSON, or nested so deep (tens of
    thousands of brackets) that the parser would exhaust Python's recursion limit."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Codes.E105, input=where, detail=exc.msg) from exc
    except RecursionError:
        raise InputError(Codes.E105, input=where, detail="nested too deeply") from None


def _guarded(record: object, where: str, default_date: object) -> ReadResult:
    """`article_from_record`, with a value nested too deeply to print (an `id` object of
    depth 10,000) rejected like nesting the parser refuses, not a RecursionError."""
    try:
        return article_from_record(record, where, default_date)
    except RecursionError:
        raise InputError(Codes.E105, input=where, detail="nested too deeply") from None


def _chunks(f: IO[bytes], head: bytes) -> Iterator[bytes]:
    if head:
        yield head
    while chunk := f.read(_CHUNK):
        yield chunk


def _read_one(
    fmt: str, head: bytes, f: IO[bytes], origin: str, default_date: object, size: int | None
) -> Iterator[ReadResult]:
    """Dispatch an open stream whose first bytes (`head`) were already read."""
    if fmt == "parquet":
        data = head + f.read()
        yield from read_parquet(io.BytesIO(data), origin, default_date)
        return
    if fmt == "jsonl":
        if not head.strip():
            raise InputError(Codes.E102, input=origin)
        if b"\x00" in head:
            raise InputError(Codes.E103, input=origin)
        yield from read_jsonl_stream(_chunks(f, head), origin, default_date)
        return
    if size is not None and size > MAX_BYTES:
        raise InputError(Codes.E107, input=origin, size=size, limit=MAX_BYTES)
    data = head + f.read(MAX_BYTES + 1 - len(head))
    if len(data) > MAX_BYTES:  # a stream: count the rest without keeping it
        total = len(data)
        while chunk := f.read(_CHUNK):
            total += len(chunk)
        raise InputError(Codes.E107, input=origin, size=total, limit=MAX_BYTES)
    if fmt == "html":
        yield read_html_bytes(data, origin, default_date)
    elif fmt == "json":
        yield from read_json_bytes(data, origin, default_date)
    else:
        yield read_text_bytes(data, origin, default_date)


def read_stream(
    f: IO[bytes], origin: str = "<stdin>", default_date: object = None
) -> Iterator[ReadResult]:
    """Any supported format from a binary stream (standard input)."""
    try:
        head = f.read(_HEAD)
        size: int | None = None
        wide = _wide_to_utf8(head, f, origin)
        if wide is not None:
            head, f, size = wide
        if not head.strip():
            raise InputError(Codes.E102, input=origin)
        yield from _read_one(sniff_format("", head), head, f, origin, default_date, size)
    except InputError as err:
        yield Rejected(origin=origin, code=err.code, message=err.detail)


def read_file(path: Path, default_date: object = None) -> Iterator[ReadResult]:
    """One file of any supported format."""
    origin = str(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(_HEAD)
            f: IO[bytes] = raw
            size = path.stat().st_size
            wide = _wide_to_utf8(head, raw, origin)
            if wide is not None:
                head, f, size = wide
            fmt = sniff_format(origin, head)
            if fmt == "parquet":
                yield from read_parquet(origin, origin, default_date)
            else:
                yield from _read_one(fmt, head, f, origin, default_date, size)
    except InputError as err:
        yield Rejected(origin=origin, code=err.code, message=err.detail)
    except OSError as exc:
        yield _unreadable(origin, exc)


def _unreadable(origin: str, exc: OSError) -> Rejected:
    err = InputError(Codes.E116, input=origin, detail=exc.strerror or type(exc).__name__)
    return Rejected(origin=origin, code=err.code, message=err.detail)


def read_path(path: str | Path, default_date: object = None) -> Iterator[ReadResult]:
    """Read one input: a file of any supported format, a folder (recursively), or '-'."""
    origin = str(path)
    if origin == "-":
        yield from read_stream(sys.stdin.buffer, "<stdin>", default_date)
        return
    p = Path(path)
    if p.is_dir():
        # a folder that cannot be listed is a reject, not silence: its files would be missing
        folders: list[OSError] = []
        for file in walk_files(p, folders.append):
            while folders:
                exc = folders.pop(0)
                yield _unreadable(str(exc.filename or p), exc)
            yield from read_file(file, default_date)
        for exc in folders:
            yield _unreadable(str(exc.filename or p), exc)
    elif p.is_file():
        yield from read_file(p, default_date)
    else:
        err = InputError(Codes.E101, input=origin)
        yield Rejected(origin=origin, code=err.code, message=err.detail)


__all__ = [
    "iter_lines",
    "read_file",
    "read_json_bytes",
    "read_jsonl_bytes",
    "read_jsonl_stream",
    "read_path",
    "read_stream",
    "sniff_format",
]
