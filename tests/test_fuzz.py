"""Fuzz the readers and `code_many` (issue 19 targets): random bytes, random JSON, huge and
deeply nested values. No exception escapes; every input is coded or rejected with a code.
Bounded: a fixed number of examples each, no deadline per example."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.errors import InputError
from wirecoder.read import read_jsonl_bytes, read_path
from wirecoder.read._checks import MAX_CHARS
from wirecoder.read.dispatch import read_json_bytes
from wirecoder.records import Article, Rejected

# derandomize: the same examples on every run, so CI never fails by luck of the draw
_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_CODE = r"E\d{3}"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=6), kids, max_size=4)
    ),
    max_leaves=12,
)
_SENTENCE = st.sampled_from(
    ["Police arrested ten protesters in Paris.", "Rebels attacked a base in Kandahar.", ""]
)
records = st.fixed_dictionaries(
    {"text": st.one_of(_SENTENCE, st.text(max_size=80), json_values)},
    optional={
        "id": json_values,
        "date": st.one_of(st.text(max_size=12), json_values),
        "title": st.one_of(st.text(max_size=30), json_values),
        "source": json_values,
    },
)
nested = st.integers(1, 60_000).map(lambda n: "[" * n + "]" * n)
surrogates = st.integers(0xD800, 0xDFFF).map(lambda c: json.dumps({"text": f"War {chr(c)} now"}))


def _check(results: list[Article | Rejected]) -> None:

    for r in results:
        assert isinstance(r, Article | Rejected)
        if isinstance(r, Rejected):
            assert re.fullmatch(_CODE, r.code) and r.message


@_SETTINGS
@given(st.binary(max_size=600))
def test_random_bytes_in_every_format(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.jsonl", "a.json", "a.txt", "a.html", "a.parquet", "noext"):
        (folder / name).write_bytes(data)
    _check(list(read_path(folder)))


@_SETTINGS
@given(st.lists(st.one_of(records.map(json.dumps), nested, surrogates, st.text(max_size=40))))
def test_random_json_lines(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        out = list(read_jsonl_bytes(data, "<fuzz>"))
    except InputError as exc:  # the whole-buffer checks (empty, binary) raise, coded
        assert re.fullmatch(_CODE, exc.code)
        return
    _check(out)
    assert len(out) <= data.count(b"\n") + 1  # a line of text may itself hold a newline


@_SETTINGS
@given(st.one_of(json_values.map(json.dumps), nested))
def test_random_json_documents(text):
    try:
        out = list(read_json_bytes(text.encode(), "<fuzz>.json"))
    except InputError as exc:  # a file-level reject (not JSON, nested too deeply)
        assert re.fullmatch(_CODE, exc.code)
        return
    _check(out)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.one_of(
            records,
            _SENTENCE,
            st.text(max_size=60),
            st.sampled_from(["War \ud800 now", "x" * (MAX_CHARS + 1), "[" * 5000]),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_code_many_codes_or_rejects_everything(coder, items):
    out = list(coder.code_many(items))
    assert len(out) == len(items)
    for res in out:
        if res.rejected is not None:
            assert re.fullmatch(_CODE, res.rejected.code), res.rejected
        else:
            assert res.article is not None
