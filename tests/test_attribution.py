"""Who says so: speakers and cues of reported speech on texts written for these tests."""

from __future__ import annotations


def _by_trigger(coder, text):
    return {e.trigger.text: e for e in coder.code(text, date="2022-04-06")}


def test_a_speech_verb_set_into_the_clause_it_reports(coder):
    evs = _by_trigger(coder, "Rebels, the governor told reporters, had attacked the convoy.")
    ev = evs["attacked"]
    assert ev.attribution.cue is not None and ev.attribution.cue.text == "told"
    assert ev.attribution.speaker is not None and ev.attribution.speaker.text == "the governor"


def test_a_participle_speech_verb_shares_its_verb_subject(coder):
    text = "The mayor spoke out on Monday, saying that soldiers had beaten two students."
    ev = _by_trigger(coder, text)["beaten"]
    assert ev.attribution.cue is not None and ev.attribution.cue.text == "saying"
    assert ev.attribution.speaker is not None and ev.attribution.speaker.text == "The mayor"


def test_calls_and_accusations_are_speech_but_a_cited_reason_speaks_for_no_one(coder):
    ev = _by_trigger(coder, "Amnesty accused the police of killing two protesters.")["killing"]
    assert ev.attribution.cue is not None and ev.attribution.cue.text == "accused"
    text = "The minister cited delays that he blamed on rebels who attacked the depot."
    for ev in coder.code(text, date="2022-04-06"):
        sp = ev.attribution.speaker
        assert sp is None or "delays" not in sp.text


def test_a_clause_of_time_on_the_speech_verb_is_not_what_was_said(coder):
    text = (
        "As he met the Ugandan president in Kampala, the Kenyan minister said rebels had "
        "attacked the depot."
    )
    evs = _by_trigger(coder, text)
    assert evs["attacked"].attribution.cue is not None
    assert evs["met"].attribution.cue is None and evs["met"].attribution.speaker is None


def test_a_quotation_is_attributed_to_the_speech_verb_outside_it(coder):
    text = (
        "Villagers fled the area.\n"
        '"The soldiers came at night. They shot two of my cousins," said Amina Yusuf, a farmer.\n'
        "The governor said on the radio: \u201cWe will not negotiate. Police arrested the rebel "
        "leader at dawn.\u201d"
    )
    evs = _by_trigger(coder, text)
    shot = evs["shot"].attribution
    assert shot.cue is not None and shot.cue.text == "said"
    assert shot.speaker is not None and shot.speaker.text.startswith("Amina Yusuf")
    arrested = evs["arrested"].attribution
    assert arrested.cue is not None and arrested.cue.text == "said"
    assert arrested.speaker is not None and arrested.speaker.text == "The governor"


def test_a_trailing_speaker_the_parser_hangs_on_the_last_noun(coder):
    text = "Russia has begun withdrawing some of its troops from Syria, Defence Minister Sergei Ivanov said on Monday."
    [ev] = [e for e in coder.code(text) if e.event_type == "RETREAT"]
    assert [a.text for a in ev.target] == ["Syria"]
    assert ev.attribution.speaker is not None
    assert ev.attribution.speaker.text == "Defence Minister Sergei Ivanov"


def test_quoted_first_person_is_the_speakers_side(coder):
    a = coder.analyze(
        {
            "text": '"We urge the government to release the prisoners," the opposition leader '
            "Raila Odinga said on Tuesday.",
            "date": "2015-05-01",
        }
    )
    (ev,) = [e for e in a.events if e.event_type == "REQUEST"]
    assert [s.text for s in ev.source] == ["the opposition leader Raila Odinga"]


def test_our_in_a_quote_is_of_the_speakers_country(coder):
    a = coder.analyze(
        {
            "text": '"Our soldiers attacked the camp at dawn," a Nigerian army spokesman said.',
            "date": "2015-05-01",
        }
    )
    (ev,) = [e for e in a.events if e.event_type == "ASSAULT"]
    assert [s.country for s in ev.source] == ["NGA"]
