"""The texts of the real-news gold set, rebuilt from ../shared/data by key.

The gold set in the repository holds labels and character offsets only; the
offsets index the text this module rebuilds, so the text is never copied in.
A key names the collection and the document:

- ``polnear:<split>/<file>.txt``: a PolNeAR article as its file holds it (title line first);
- ``ecb:<topic>/<file>.xml``: an ECB+ document, tokens joined back into prose, its
  headline on the first line; the date line of ECB+'s newer documents is the publication date;
- ``satp:<split>:<line>`` and ``insightcrime:<split>:<line>``: one row of the conflict
  reports (``conflict_news/<name>_<split>.tsv``, line numbers from 1).

Each text carries a short content hash in the gold file, so a changed source is
caught (E502) instead of being scored against the wrong offsets.
"""

from __future__ import annotations

import csv
import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Codes, EvalError

_NO_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)\]}]|'s\b|'S\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}  # fmt: skip


@dataclass(frozen=True)
class RealText:
    """One document of the real-news set: the text offsets index, and what is known of it."""

    key: str
    collection: str
    text: str
    title: str | None
    date: str | None

    @property
    def digest(self) -> str:
        return text_digest(self.text)


def text_digest(text: str) -> str:
    """A short hash of a text, stored beside its labels to catch a changed source."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def detokenize(tokens: list[str]) -> str:
    """ECB+ tokens back into prose, deterministically (the offsets depend on it)."""
    words = [{"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}.get(t, t) for t in tokens]
    text = " ".join(words)
    text = _NO_SPACE_BEFORE.sub("", text)
    text = _NO_SPACE_AFTER.sub("", text)
    text = text.replace(" - ", "-")
    text = re.sub(r"(?<=\d)([.,:]) (?=\d)", r"\1", text)
    # quotes: attach an opening quote to the word after it and a closing one to the word before
    out: list[str] = []
    open_quote = True
    for part in text.split(" "):
        if part == '"':
            if open_quote:
                out.append('"\x00')
            else:
                if out:
                    out[-1] += '"'
                else:
                    out.append('"')
            open_quote = not open_quote
            continue
        out.append(part)
    return " ".join(out).replace("\x00 ", "").replace("\x00", "")


def _ecb_date(line: str) -> str | None:
    """The publication date of an ECB+ date line ("May 03 , 2013"), or None."""
    low = line.lower().replace(",", " ")
    m = re.search(r"\b([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\b", low)
    if m and m.group(1) in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(1)]:02d}-{int(m.group(2)):02d}"
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})\b", low)
    if m and m.group(2) in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    return None


def read_ecb(path: Path, key: str) -> RealText:
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = {}
    for tok in root.findall("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [detokenize(sents[k]) for k in sorted(sents)]
    date = None
    if path.name.endswith("ecbplus.xml"):
        # newer documents: URL, headline, date line, then the body
        if lines and lines[0].startswith("http"):
            lines = lines[1:]
        if len(lines) > 2:
            date = _ecb_date(lines[1])
            if date is not None:
                lines = [lines[0], *lines[2:]]
        title = lines[0] if lines else None
        text = lines[0] + "\n" + " ".join(lines[1:]) if lines else ""
    else:
        title = None
        text = " ".join(lines)
    return RealText(key, "ecb", text, title, date)


@lru_cache(maxsize=8)
def _polnear_dates(root: str) -> dict[str, str]:
    out: dict[str, str] = {}
    meta = Path(root) / "attribution" / "metadata.tsv"
    if meta.exists():
        with meta.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[row["filename"]] = row["publication_date"]
    return out


@lru_cache(maxsize=8)
def _tsv_rows(path: str) -> list[str]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t")[0] for line in fh]


def _unquote(text: str) -> str:
    if len(text) > 1 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def read_text(root: Path, key: str) -> RealText:
    """The document a gold key names; E501 when ../shared does not hold it."""
    collection, _, rest = key.partition(":")
    if collection == "polnear":
        path = root / "attribution" / rest.split("/")[0] / "text" / rest.split("/", 1)[1]
        if not path.exists():
            raise EvalError(Codes.E501, name="realnews", path=path)
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip() or None
        return RealText(key, collection, text, title, _polnear_dates(str(root)).get(path.stem))
    if collection == "ecb":
        path = root / "ecbplus" / "ECB+" / rest
        if not path.exists():
            raise EvalError(Codes.E501, name="realnews", path=path)
        return read_ecb(path, key)
    if collection in ("satp", "insightcrime"):
        split, _, line = rest.partition(":")
        path = root / "conflict_news" / f"{collection}_{split}.tsv"
        if not path.exists():
            raise EvalError(Codes.E501, name="realnews", path=path)
        rows = _tsv_rows(str(path))
        text = _unquote(rows[int(line) - 1])
        title = None
        if collection == "insightcrime":
            # the first sentence of an InSight Crime row is its headline
            head, sep, body = text.partition(". ")
            if sep and len(head) < 160:
                title = head
                text = head + "\n" + body
        return RealText(key, collection, text, title, None)
    raise EvalError(Codes.E501, name="realnews", path=key)


__all__ = ["RealText", "detokenize", "read_ecb", "read_text", "text_digest"]
