"""Readers: every input format becomes `Article` records (or `Rejected` ones).

`read_path` is the one dispatch (file, folder or '-'); see `dispatch.py` for the formats.
"""

from .articles import ReadResult, article_from_record, make_article, read_text_bytes
from .dispatch import (
    read_file,
    read_json_bytes,
    read_jsonl_bytes,
    read_jsonl_stream,
    read_path,
    read_stream,
    sniff_format,
)
from .english import check_english, english_only, is_english
from .html import read_html_bytes
from .parquet import read_parquet

__all__ = [
    "ReadResult",
    "article_from_record",
    "check_english",
    "english_only",
    "is_english",
    "make_article",
    "read_file",
    "read_html_bytes",
    "read_json_bytes",
    "read_jsonl_bytes",
    "read_jsonl_stream",
    "read_parquet",
    "read_path",
    "read_stream",
    "read_text_bytes",
    "sniff_format",
]
