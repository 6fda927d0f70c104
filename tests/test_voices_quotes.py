"""Quotes: every attribution with its speaker, cue, content, kind and chain (issue 17)."""

from __future__ import annotations

from wirecoder.voices.quotes import find_quotes, quotations


def _quotes(coder, text):
    return find_quotes(coder.analyze(text, date="2022-04-06"))


def _by_cue(quotes):
    return {q.cue.text: q for q in quotes}


def test_a_reported_clause_is_an_indirect_quote_with_its_named_speaker(coder):
    text = "Fighting grew.\nThe governor, John Mbeki, said the army had shelled the town."
    q = _by_cue(_quotes(coder, text))["said"]
    assert q.kind == "indirect"
    assert q.content.text.startswith("the army had shelled")
    assert q.speaker is not None and "Mbeki" in q.speaker.text
    assert q.speaker_kind == "named" and not q.anonymous


def test_an_unnamed_official_is_flagged_anonymous_and_the_quotation_is_direct(coder):
    text = (
        "Talks stalled.\n"
        '"We will not sign this agreement under pressure," a senior official said on Monday.'
    )
    q = _by_cue(_quotes(coder, text))["said"]
    assert q.kind == "direct"
    assert q.content.text.startswith('"We will not sign')
    assert q.speaker_kind == "anonymous" and q.anonymous


def test_a_quotation_that_runs_on_keeps_its_speaker(coder):
    text = (
        "Strikes resumed.\n"
        '"The talks are over," the minister told reporters. "We gave them every chance to '
        'stop the attacks and they refused."\n'
        '"Now the army will decide what happens next in the valley."\n'
        "Rebels later attacked a checkpoint near the border, police said."
    )
    quotes = _quotes(coder, text)
    told = _by_cue(quotes)["told"]
    assert told.continued and len(told.segments) == 3
    assert told.segments[-1].text.startswith('"Now the army')
    police = _by_cue(quotes)["said"]
    assert police.content.text.startswith("Rebels later attacked")
    assert police.speaker is not None and police.speaker.text == "police"


def test_quoted_as_saying_keeps_the_chain_outermost_first(coder):
    text = (
        "Pressure grows.\n"
        "Reuters quoted two members of parliament as saying that the prime minister was under "
        "pressure to request air strikes."
    )
    q = _by_cue(_quotes(coder, text))["saying"]
    assert q.speaker is not None and q.speaker.text == "two members of parliament"
    assert q.via == ["Reuters"]
    assert q.anonymous


def test_a_colon_transcript_line_and_according_to_are_attributions(coder):
    text = (
        "Debate night.\n"
        "WALLACE: Will you pledge to accept the result of the election?\n"
        "The ceasefire collapsed on Sunday, according to the United Nations."
    )
    cues = _by_cue(_quotes(coder, text))
    assert cues[":"].speaker is not None and cues[":"].speaker.text == "WALLACE"
    assert cues["according to"].content.text.startswith("The ceasefire collapsed")


def test_nothing_said_is_no_quote(coder):
    text = "Quiet day.\nThe minister did not say whether troops would leave. Troops stayed."
    assert _quotes(coder, text) == []


def test_quotation_spans_include_their_marks_and_an_open_one_runs_to_the_paragraph_end():
    text = 'He said "stop now" and left.\n"We go on\nNext.'
    assert [text[s:e] for s, e in quotations(text)] == ['"stop now"', '"We go on']


def test_the_learned_check_keeps_what_its_weights_favour_and_a_corrupt_model_is_e205(
    tmp_path, monkeypatch
):
    import pytest

    from wirecoder.errors import ResourceError
    from wirecoder.voices import quote_model
    from wirecoder.voices.quote_model import QuoteCheck

    m = QuoteCheck({"bias": -1.0, "lem=say": 3.0}, threshold=0.5)
    assert m.keep(["bias", "lem=say"]) and not m.keep(["bias", "lem=ask"])
    assert QuoteCheck({}).keep(["anything"])  # no model: every candidate stays
    shipped = quote_model.load_check()
    assert shipped.weights and 0.0 < shipped.threshold < 1.0
    bad = tmp_path / "models"
    bad.mkdir()
    (bad / quote_model.MODEL_FILE).write_text("{not json", encoding="utf-8")

    class _Files:
        def joinpath(self, name):
            return bad / name

    monkeypatch.setattr(quote_model.resources, "files", lambda pkg: _Files())
    quote_model.load_check.cache_clear()
    try:
        with pytest.raises(ResourceError) as err:
            quote_model.load_check()
        assert err.value.code == "E205"
    finally:
        monkeypatch.undo()
        quote_model.load_check.cache_clear()
