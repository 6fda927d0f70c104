"""Checks every reader applies before text reaches the coder."""

from __future__ import annotations

import re
from datetime import date as _date

from ..errors import Codes, InputError

MAX_BYTES = 20 * 1024 * 1024  # a news article is never this large; a dump mistaken for one is
# spaCy's own limit on one text (its parser needs about 1 GB per 100,000 characters at worst);
# the model is loaded with exactly this `max_length`, so a longer text is a coded reject
MAX_CHARS = 1_000_000
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def decode_text(data: bytes, origin: str) -> str:
    """Bytes to text, or a coded error naming the input and the reason."""
    if len(data) > MAX_BYTES:
        raise InputError(Codes.E107, input=origin, size=len(data), limit=MAX_BYTES)
    if not data.strip():
        raise InputError(Codes.E102, input=origin)
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(Codes.E103, input=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            Codes.E104, input=origin, detail=f"byte {exc.start}: {exc.reason}"
        ) from exc
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > max(8, len(text[:8192]) // 50):
        raise InputError(Codes.E103, input=origin)
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_encodable(value: str, origin: str, field: str = "text") -> None:
    """A lone surrogate ('\\ud800', legal in JSON and Python strings, never in UTF-8) cannot be
    stored, hashed or printed: reject the input, naming the character, not crash on it later."""
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        detail = (
            f"lone surrogate U+{ord(value[exc.start]):04X} at character {exc.start} of {field!r}"
        )
        raise InputError(Codes.E104, input=origin, detail=detail) from None


def check_length(text: str, origin: str) -> None:
    """The text as coded (title line included) must fit the parser's limit."""
    if len(text) > MAX_CHARS:
        raise InputError(Codes.E115, input=origin, size=len(text), limit=MAX_CHARS)


def check_text(text: str, origin: str) -> str:
    if not text or not text.strip():
        raise InputError(Codes.E102, input=origin)
    check_encodable(text, origin)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(Codes.E107, input=origin, size=size, limit=MAX_BYTES)
    return normalize_newlines(text)


def option_date(value: object) -> str | None:
    """A `--date` option (YYYY-MM-DD): a bad one is a usage error (E303, exit 2) before any
    article is read, the same in `code`, `ingest` and `actor`."""
    from ..errors import ConfigError

    try:
        return check_date(value, "--date")
    except InputError as err:
        raise ConfigError(Codes.E303, option="--date", detail=err.detail) from err


def check_date(value: object, origin: str) -> str | None:
    """ISO date (YYYY-MM-DD) or None; datetimes are cut to their date."""
    if value is None or value == "":
        return None
    if isinstance(value, _date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if len(text) >= 10 and _DATE.match(text[:10]):
        text = text[:10]
    elif re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        _date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(Codes.E111, input=origin, value=value) from exc
    return text
