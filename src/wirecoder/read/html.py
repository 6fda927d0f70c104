"""HTML pages: main text, title, date and URL, extracted offline with trafilatura.

A saved news page is mostly navigation, ads and related links; coding all of it would find
events in the sidebar. trafilatura keeps the article body. Nothing is fetched: the page is
the bytes we were given, and the URL comes from the page's own canonical/og:url metadata.
"""

from __future__ import annotations

from configparser import ConfigParser
from functools import lru_cache

from ..errors import Codes, InputError
from ..records import Article
from ._checks import MAX_BYTES, check_date
from .articles import make_article

MIN_WORDS = 5  # fewer words of main text than this is a page without an article
_HTML_HEADS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")


def looks_like_html(data: bytes) -> bool:
    """Sniff the first bytes: a page starts with a doctype, <html> or a comment."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        return b"<html" in data[:4096].lower()
    return head.startswith(_HTML_HEADS)


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    cfg = use_config()
    # a two-paragraph wire brief is still news; the default (250 chars) would drop it
    cfg.set("DEFAULT", "min_extracted_size", "60")
    cfg.set("DEFAULT", "max_file_size", str(MAX_BYTES))
    cfg.set("DEFAULT", "extraction_timeout", "0")  # signals do not mix with worker threads
    return cfg


def _decode(data: bytes, origin: str) -> str | bytes:
    """UTF-8 text when it is; otherwise the bytes, for trafilatura's charset detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data


def _extract(page: str | bytes) -> object:
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=_config(),
    )


#: Wrapper elements removed (their text kept) when a page is too deeply nested to parse.
_WRAPPERS = ("div", "span", "section", "font", "center")
MAX_DEPTH = 200  # below libxml2's 256, with room for the elements around the wrappers


def _flattened(data: bytes) -> bytes | None:
    """The page without wrapper elements, when it nests deeper than libxml2 parses by default
    (None otherwise, or when even the unlimited parser cannot read it)."""
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.document_fromstring(data, parser=lhtml.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest < MAX_DEPTH:
        return None
    etree.strip_tags(root, *_WRAPPERS)
    return bytes(lhtml.tostring(root, encoding="utf-8"))


def read_html_bytes(data: bytes, origin: str, default_date: object = None) -> Article:
    """One HTML page -> one Article (title as the first line). E108 when no body text."""
    if len(data) > MAX_BYTES:
        raise InputError(Codes.E107, input=origin, size=len(data), limit=MAX_BYTES)
    if not data.strip():
        raise InputError(Codes.E102, input=origin)
    if b"\x00" in data[:8192]:
        raise InputError(Codes.E103, input=origin)
    doc = _extract(_decode(data, origin))
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(str(text).split()) < MIN_WORDS:
        # libxml2 stops at 256 levels of nesting: a page whose article sits deeper in wrapper
        # <div>s parses as empty. Parse it without that limit, drop the wrappers, try again.
        flat = _flattened(data)
        if flat is not None:
            doc = _extract(flat)
            text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(str(text).split()) < MIN_WORDS:
        # trafilatura's fallback returns menu words ("Home") for a page with no article
        raise InputError(Codes.E108, input=origin)
    date: object = default_date
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            date = check_date(raw_date, origin) or default_date
        except InputError:
            date = default_date  # a page's odd date metadata is not a reason to drop it
    return make_article(
        str(text),
        date=date,
        title=getattr(doc, "title", None) or None,
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        url=getattr(doc, "url", None) or None,
        origin=origin,
    )


__all__ = ["looks_like_html", "read_html_bytes"]
