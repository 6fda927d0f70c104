"""Coding work grows linearly with article length (issue 19 item 4).

Work is counted, not timed: the number of Python-level function calls (cProfile's count, the
same on every run for the same text) while coding a text and one four times as long. A lookup
that rescans the whole document per mention (`doc.ents`, `sent.ents`, `token.is_sent_start`)
makes that count grow with the square of the length.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from bench_length import long_text


def _calls(coder, text: str) -> int:
    prof = cProfile.Profile()
    prof.enable()
    coder.code(text, date="2024-05-01")
    prof.disable()
    return pstats.Stats(prof).total_calls  # type: ignore[attr-defined,no-any-return]


def test_four_times_the_text_is_about_four_times_the_work(coder):
    coder.code(long_text(2000), date="2024-05-01")  # models loaded before counting
    small = _calls(coder, long_text(8_000))
    large = _calls(coder, long_text(32_000))
    assert large / small <= 4.5, (small, large)  # 9.5 before the per-document caches


def test_cached_entities_answer_as_spacy_does(coder):
    from wirecoder.nlp import doc_ents, ent_at, ents_within, span_ents

    doc = coder.analyze(long_text(6000), date="2024-05-01").doc
    assert doc_ents(doc) == tuple(doc.ents) and len(doc.ents) > 20
    for tok in doc:
        expected = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        assert ent_at(doc, tok.i) == expected
    for sent in doc.sents:
        assert span_ents(sent) == list(sent.ents)
        inside = [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
        assert ents_within(doc, sent.start, sent.end) == inside
