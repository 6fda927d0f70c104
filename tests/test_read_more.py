"""Readers: UTF-16 text, ids that are objects, deeply nested HTML (issue 19, item 12)."""

from __future__ import annotations

import io
import json

import pytest

from wirecoder.read import read_path, read_stream
from wirecoder.records import Article, Rejected

STORY = "Police arrest protesters\nPolice arrested twenty protesters in Nairobi on Monday.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path, encoding):
    p = tmp_path / "story.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    p.write_bytes(bom + STORY.encode(encoding))
    (article,) = list(read_path(p))
    assert isinstance(article, Article), article
    assert article.text == STORY and article.title == "Police arrest protesters"


def test_utf16_jsonl_from_standard_input():
    lines = "\n".join(json.dumps({"id": f"a{i}", "text": STORY}) for i in range(3)) + "\n"
    got = list(read_stream(io.BytesIO(lines.encode("utf-16")), "<stdin>"))
    assert [a.id for a in got if isinstance(a, Article)] == ["a0", "a1", "a2"]


def test_broken_utf16_is_a_coded_reject(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"\xff\xfe" + STORY.encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    (res,) = list(read_path(p))
    assert isinstance(res, Rejected) and res.code == "E104"


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ({"b": 2, "a": "x"}, '{"a":"x","b":2}'),
        ([1, "two"], '[1,"two"]'),
        (True, "true"),
        (42, "42"),
        ("wire-7", "wire-7"),
    ],
)
def test_ids_are_stored_as_json_not_python_repr(tmp_path, value, stored):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": value, "text": STORY}) + "\n", encoding="utf-8")
    (article,) = list(read_path(p))
    assert isinstance(article, Article)
    assert article.id == stored


@pytest.mark.parametrize("depth", [10, 300, 1000])
def test_html_article_deep_in_nested_divs(tmp_path, depth):
    par = (
        "Police arrested twenty protesters outside the parliament in Nairobi on Monday after "
        "a march against new taxes turned violent, officials said."
    )
    page = (
        "<!DOCTYPE html><html><head><title>Police arrest protesters</title></head><body>"
        "<nav><a href='/'>Home</a></nav>" + "<div>" * depth + f"<p>{par}</p>" + "</div>" * depth
    ) + "</body></html>"
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    (article,) = list(read_path(p))
    assert isinstance(article, Article), article
    assert par in article.text
