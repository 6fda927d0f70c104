"""Turning raw inputs (strings, dicts, files, lines) into `Article` records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from ..errors import Codes, InputError
from ..records import Article, Rejected, content_hash
from ._checks import check_date, check_text, decode_text

ReadResult = Article | Rejected


def make_article(
    text: str,
    *,
    id: str | None = None,
    date: object = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    origin: str = "<text>",
) -> Article:
    """Validate and build an Article; a separate title becomes the first line."""
    text = check_text(text, origin)
    if title:
        title = " ".join(title.split())
        if not text.lstrip().startswith(title):
            text = f"{title}\n{text}"
    elif "\n" in text.strip():
        title = text.strip().split("\n", 1)[0].strip() or None
    return Article(
        id=str(id) if id not in (None, "") else content_hash(text),
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
