"""Readers: every input format becomes `Article` records (or `Rejected` ones)."""

from .articles import (
    ReadResult,
    article_from_record,
    make_article,
    read_jsonl_bytes,
    read_path,
    read_text_bytes,
)

__all__ = [
    "ReadResult",
    "article_from_record",
    "make_article",
    "read_jsonl_bytes",
    "read_path",
    "read_text_bytes",
]
