"""Parquet files: one article per row, read in record batches so memory stays flat.

A `text` column is required; `id`, `date`, `title`, `source` and `url` are used when present
(`article_id` and `publication_date` are accepted as their aliases). A bad row is rejected
with its row number (`file.parquet:17`, 1-based); the rest of the file goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from ..errors import Codes, InputError
from ..records import Rejected
from ._checks import decode_text
from .articles import ReadResult, article_from_record

PARQUET_MAGIC = b"PAR1"
COLUMNS = ("id", "article_id", "text", "date", "publication_date", "title", "source", "url")


def read_parquet(
    source: str | IO[bytes], origin: str, default_date: object = None, batch_rows: int = 1024
) -> Iterator[ReadResult]:
    """Articles (or rejections) from a Parquet file path or a seekable binary file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(source)
        names = pf.schema_arrow.names
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(Codes.E112, input=origin, detail=str(exc).splitlines()[0]) from exc
    if "text" not in names:
        raise InputError(
            Codes.E112, input=origin, detail=f"no 'text' column (columns: {', '.join(names)})"
        )
    cols = [c for c in COLUMNS if c in names]
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_rows, columns=cols):
            for record in batch.to_pylist():
                row += 1
                where = f"{origin}:{row}"
                try:
                    yield article_from_record(_text_as_str(record, where), where, default_date)
                except InputError as err:
                    yield Rejected(origin=where, code=err.code, message=err.detail)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            Codes.E112, input=f"{origin}:{row + 1}", detail=str(exc).splitlines()[0]
        ) from exc


def _text_as_str(record: dict[str, Any], where: str) -> dict[str, Any]:
    """A binary `text` column is decoded with the same checks as a text file."""
    text = record.get("text")
    if isinstance(text, bytes | bytearray):
        record = {**record, "text": decode_text(bytes(text), where)}
    return record


__all__ = ["PARQUET_MAGIC", "read_parquet"]
