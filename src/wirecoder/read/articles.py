"""Turning raw inputs (strings, dicts, files, lines) into `Article` records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..errors import Codes, InputError
from ..records import Article, Rejected, content_hash
from ._checks import check_date, check_encodable, check_length, check_text, decode_text

ReadResult = Article | Rejected


def record_id(value: object) -> str | None:
    """An input's id as text: a string or number as written, an object, array or boolean as
    compact JSON (`{"a":1}`, `true`), never Python's repr (`{'a': 1}`, `True`); None when
    missing or empty."""
    if value is None or value == "" or value == {} or value == []:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)


def make_article(
    text: str,
    *,
    id: object = None,
    date: object = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    origin: str = "<text>",
) -> Article:
    """Validate and build an Article; a separate title becomes the first line."""
    text = check_text(text, origin)
    for name, value in (("id", id), ("title", title), ("source", source), ("url", url)):
        if isinstance(value, str):
            check_encodable(value, origin, name)
    if isinstance(date, str):
        check_encodable(date, origin, "date")
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n{text}"
    elif "\n" in text.strip():
        title = text.strip().split("\n", 1)[0].strip() or None
    check_length(text, origin)
    return Article(
        id=record_id(id) or content_hash(text),
        text=text,
        date=check_date(date, origin),
        title=title,
        source=source,
        url=url,
        origin=origin,
    )


def article_from_record(record: Any, origin: str, default_date: object = None) -> Article:
    """A JSON object with `text` (and optional id, date, title, source, url).

    With a separate `title` the coded text is always the title, a newline, then the text (the
    offsets README documents), even when the text's first line repeats the title: a user
    slices `title + "\n" + text` and must find each event's words there.
    """
    if not isinstance(record, Mapping):
        raise InputError(Codes.E113, input=origin)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(Codes.E106, input=origin)
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        # a line break inside the title becomes a space: one line, the same offsets
        line = title.replace("\r", " ").replace("\n", " ")
        text, title = f"{line}\n{text}", " ".join(title.split())
    else:
        title = None
    article = make_article(
        text,
        id=record.get("id") or record.get("article_id"),
        date=record.get("date") or record.get("publication_date") or default_date,
        source=record.get("source") or None,
        url=record.get("url") or None,
        origin=origin,
    )
    return replace(article, title=title) if title else article


def read_text_bytes(data: bytes, origin: str, default_date: object = None) -> Article:
    """A plain-text article: the first line is the headline."""
    return make_article(decode_text(data, origin), date=default_date, origin=origin)
