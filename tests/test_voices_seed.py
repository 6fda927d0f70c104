"""The seed article's voices (../shared/seed, EXPECTED.md "Who said what" and "Framing")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def voices(coder, shared):
    from wirecoder.voices import voices_of

    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    return voices_of(coder.analyze(text, date="2015-10-21"))


def _speaker(q) -> str:
    return f"{q.speaker.text} {q.speaker.name or ''}" if q.speaker else ""


def test_the_outlets_framing_takfiri_three_so_called_two_allegedly(voices):
    words = [f.text.lower() for f in voices.framing]
    assert words.count("takfiri") == 3
    assert words.count("so-called") == 2
    assert words.count("allegedly") == 1
    assert {f.category for f in voices.framing if f.text.lower() == "takfiri"} == {"label"}
    assert {f.category for f in voices.framing if f.text.lower() != "takfiri"} <= {
        "doubt",
        "label",
    }


def test_framing_changes_no_event(voices, coder, shared):
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    assert [e.to_dict() for e in voices.events] == [
        e.to_dict() for e in coder.code(text, date="2015-10-21")
    ]


def test_the_quotes_with_their_speakers(voices):
    qs = voices.quotes
    hadithi = [q for q in qs if "Hadithi" in _speaker(q)]
    assert hadithi and "not ruling out" in hadithi[0].content.text
    assert hadithi[0].speaker_kind == "named"
    politician = [q for q in qs if "Shi'ite politician" in _speaker(q)]
    assert politician and politician[0].anonymous and politician[0].kind == "direct"
    assert politician[0].content.text.startswith('"Abadi told the meeting parties')
    mps = [q for q in qs if "members of parliament" in _speaker(q)]
    assert mps and mps[0].via == ["Reuters"] and mps[0].anonymous
    assert "tremendous pressure" in mps[0].content.text
    dunford = [q for q in qs if "Dunford" in _speaker(q)]
    assert any("won assurances" in q.content.text for q in dunford)
    # speech reported inside a quotation is the quoted speaker's words, no quote of its own
    assert not any(q.cue.text == "told" and "meeting parties" in q.content.text for q in qs)


def test_the_relayed_request_and_the_spokesmans_denial_are_one_claim(voices):
    claims = [
        c
        for c in voices.claims
        if any("relayed" in s.quote_text for s in c.stances)
        and any("has not discussed air strikes" in s.quote_text for s in c.stances)
    ]
    assert len(claims) == 1
    by_status = {s.status: s.speaker for s in claims[0].stances}
    assert by_status["negated"] == "Abadi's spokesman"
    assert by_status["asserted"] == "MPs"
    assert claims[0].event_ids
