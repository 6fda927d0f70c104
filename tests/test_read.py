from __future__ import annotations

import json

import pytest

from wirecoder.errors import InputError
from wirecoder.read import make_article, read_path
from wirecoder.records import Article, Rejected


def test_plain_text_headline_is_the_first_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Rebels attack base\nRebels attacked a base on Monday.\n", encoding="utf-8")
    [art] = list(read_path(p, "2021-03-03"))
    assert isinstance(art, Article)
    assert art.title == "Rebels attack base"
    assert art.date == "2021-03-03"
    assert art.id == art.content_hash


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b"", "E102"),
        (b"   \n", "E102"),
        (b"\x00\x01\x02binary", "E103"),
        (b"caf\xe9 au lait", "E104"),
    ],
)
def test_bad_files_are_rejected_with_a_coded_reason(tmp_path, payload, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(payload)
    [res] = list(read_path(p))
    assert isinstance(res, Rejected)
    assert res.code == code
    assert str(p) in res.message


def test_missing_file(tmp_path):
    [res] = list(read_path(tmp_path / "nope.txt"))
    assert isinstance(res, Rejected) and res.code == "E101"


def test_jsonl_bad_line_does_not_stop_the_rest(tmp_path):
    p = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Police arrested ten protesters.", "date": "2020-01-02"}),
        "{not json",
        json.dumps({"id": "a3", "title": "Talks", "text": "Iran and Iraq held talks."}),
        json.dumps({"id": "a4"}),
        json.dumps({"id": "a5", "text": "x", "date": "yesterday"}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_path(p))
    assert [type(r).__name__ for r in out] == [
        "Article",
        "Rejected",
        "Article",
        "Rejected",
        "Rejected",
    ]
    assert out[1].code == "E105" and out[1].origin.endswith(":2")
    assert out[3].code == "E106"
    assert out[4].code == "E111"
    assert out[2].text.startswith("Talks\n")


def test_make_article_validates():
    with pytest.raises(InputError) as err:
        make_article("   ")
    assert err.value.code == "E102"
    assert make_article("a\nb", date="20151021").date == "2015-10-21"
