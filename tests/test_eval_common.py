"""The eval harness's shared reader: a damaged gold file is named, never scored in part."""

from __future__ import annotations

import pytest

from wirecoder.errors import EvalError
from wirecoder.eval.common import read_jsonl


def test_read_jsonl_skips_blank_lines_and_says_where_each_record_is(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert list(read_jsonl(f)) == [(f"{f}:1", {"a": 1}), (f"{f}:3", {"a": 2})]


def test_read_jsonl_names_the_line_that_is_not_json(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text('{"a": 1}\n{"a": \n', encoding="utf-8")
    with pytest.raises(EvalError) as err:
        list(read_jsonl(f))
    assert "E502" in str(err.value) and f"{f}:2" in str(err.value)
