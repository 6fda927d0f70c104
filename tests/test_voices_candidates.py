"""Quote candidates the learned check decides: a quotation after a bare colon, "Asked if ...",
"calling X a Y", and negated cues ("did not mention") that PolNeAR still marks."""

from __future__ import annotations

from wirecoder.voices.quote_model import checked
from wirecoder.voices.quotes import QuoteFinder, find_quotes


def _drafts(coder, text):
    finder = QuoteFinder(coder.analyze(text, date="2016-02-06"))
    return finder, finder.drafts()


def _text(finder, d):
    s, e = d.segments[0]
    return finder.text[s:e]


def test_a_quotation_after_a_bare_colon_is_a_candidate_with_the_noun_before_it(coder):
    text = (
        "Polls moved.\n"
        "The surge does not surprise Republican pollster Daron Shaw: \u201cLesser-known "
        "candidates have often won early contests.\u201d"
    )
    finder, drafts = _drafts(coder, text)
    colon = [d for d in drafts if d.how == "colon_quote"]
    assert len(colon) == 1
    d = colon[0]
    assert d.cue_span.text == ":" and checked(d)
    assert _text(finder, d).startswith("\u201cLesser-known")
    assert d.speaker_tok is not None and d.speaker_tok.text == "Shaw"


def test_a_colon_after_a_verb_of_saying_stays_the_verbs_and_a_list_colon_is_none(coder):
    text = (
        "Talks ended.\n"
        "The minister said: \u201cWe will not sign this agreement under pressure.\u201d\n"
        "Three towns were hit: Aleppo, Homs and Hama."
    )
    _finder, drafts = _drafts(coder, text)
    assert [d.how for d in drafts if d.cue_span.text == ":"] == []
    assert any(d.cue_span.text == "said" for d in drafts)


def test_asked_if_and_calling_x_a_y_are_candidates(coder):
    text = (
        "The race tightened.\n"
        "Asked if he was ever bullied, the candidate said no.\n"
        "Democrats went further, with the governor calling Trump a fascist."
    )
    finder, drafts = _drafts(coder, text)
    by_cue = {d.cue_span.text: d for d in drafts}
    assert _text(finder, by_cue["Asked"]).startswith("if he was ever bullied")
    assert "fascist" in _text(finder, by_cue["calling"])


def test_a_negated_cue_is_left_to_the_learned_check(coder):
    text = "Rallies went on.\nCarson did not mention his opponents by name in the speech."
    _finder, drafts = _drafts(coder, text)
    mention = [d for d in drafts if d.cue_span.text == "mention"]
    assert mention and all(checked(d) for d in mention)


def test_a_negated_cue_over_an_open_question_is_no_candidate(coder):
    text = "Quiet day.\nThe minister did not say whether troops would leave. Troops stayed."
    _finder, drafts = _drafts(coder, text)
    assert [d for d in drafts if d.cue_span.text == "say"] == []


def test_a_verb_of_saying_no_rule_gives_content_is_a_bare_candidate_for_the_check(coder):
    text = (
        "Rallies went on.\n"
        "Mr. Biden described himself as her closest adviser.\n"
        "This was exactly the sort of demographic change the party warned about in its report.\n"
        "Trump has called for the Islamic State's strongholds to be hit even harder."
    )
    finder, drafts = _drafts(coder, text)
    by_cue = {d.cue_span.text: d for d in drafts}
    assert {"described", "warned", "called"} <= set(by_cue)
    for cue, words in (("described", "closest adviser"), ("warned", "demographic change"),
                       ("called", "strongholds")):  # fmt: skip
        d = by_cue[cue]
        assert d.how.startswith("bare") and checked(d)
        assert words in _text(finder, d)
    assert by_cue["warned"].speaker_tok is not None
    assert by_cue["warned"].speaker_tok.text == "party"


def test_the_check_keeps_a_clear_bare_cue_with_its_speaker(coder):
    text = (
        "Rallies went on.\n"
        "Mr. Biden described himself as her closest adviser.\n"
        "Trump has called for the Islamic State's strongholds to be hit even harder."
    )
    quotes = find_quotes(coder.analyze(text, date="2016-02-06"))
    by_cue = {q.cue.text: q for q in quotes}
    assert by_cue["described"].speaker is not None
    assert "Biden" in by_cue["described"].speaker.text
    assert "adviser" in by_cue["described"].content.text
    assert by_cue["called"].speaker is not None and "Trump" in by_cue["called"].speaker.text


def test_speech_inside_a_quotation_is_no_bare_candidate(coder):
    text = 'Talks stalled.\n"People will describe us as weak," the minister said on Monday.'
    _finder, drafts = _drafts(coder, text)
    assert [d.cue_span.text for d in drafts] == ["said"]
