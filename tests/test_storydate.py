"""The story's own dates: the page's date line, and what is (and is not) an event's date.

Hand-written texts with a fixed publication date (or none, where the page's date line must
stand in for it), run through the whole pipeline as a user would.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.storydate import dateline, page_stamp
from wirecoder.timex import resolve_date


def _by_trigger(coder, text: str, pub: str | None = None) -> dict[str, object]:
    return {ev.trigger.text: ev for ev in coder.code(text, date=pub)}


def _candidates(analysis, word: str) -> list:
    """The candidates whose trigger is spelled `word` (dated before any record is built)."""
    assert analysis.doc is not None
    return [c for c in analysis.candidates if analysis.doc[c.trigger].text == word]


# -- a number alone is no date -------------------------------------------------------------


def test_a_number_alone_names_no_day():
    assert resolve_date("23", date(2013, 9, 14)) is None
    assert resolve_date("11", date(2015, 11, 18)) is None


@pytest.mark.parametrize("expr", ["a 15-year", "24-hour", "20-minute", "two-year-old"])
def test_a_length_names_no_day(expr):
    assert resolve_date(expr, date(2010, 5, 5)) is None


def test_a_24_hour_strike_is_not_on_the_24th(coder):
    text = (
        "Strike in Athens\nUnions announced the walkout on Monday. Thousands of workers "
        "protested in a 24-hour strike."
    )
    analysis = coder.analyze(text, date="2010-05-05")
    (strike,) = _candidates(analysis, "strike")
    assert strike.date != "2010-05-24" and strike.date_text != "24-hour"


def test_an_age_is_not_the_day_of_an_arrest(coder):
    text = (
        "Driver held\nA drunk driver hit a woman in Queens on Friday. A police officer "
        "arrested John Smith, 23, of Albany, several blocks away."
    )
    arrested = _by_trigger(coder, text, "2013-09-14")["arrested"]
    assert arrested.date == "2013-09-13"  # the story's Friday, not "the 23rd"
    assert arrested.date_text != "23"


# -- the page's own date line ----------------------------------------------------------------

#: prose that puts a date line at the foot of the page, well past where a dateline stands
_FILLER = "The camp holds some 20,000 refugees who fled the fighting across the border. " * 5


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a labelled date at the foot of the page
        (
            "Camp bombed\nThe camp was bombed on Thursday. No one was hurt. "
            + _FILLER
            + "Date Published: Tuesday, November 15,2011",
            "2011-11-15",
        ),
        # a two-digit year after a label, the first of two stamps
        (
            "Teen confesses\nFirst Posted: 10 / 25 / 11 06:44 PM ET Updated: 12 / 25 / 11 "
            "05:12 AM ET A teenager confessed.",
            "2011-10-25",
        ),
        # the date at the end of the headline line
        ("WOMAN KILLED, DA SAYS SEPTEMBER 19,2013\nA woman was killed last Friday.", "2013-09-19"),
    ],
)
def test_the_pages_date_line_where_it_stands(text, iso):
    got = dateline(text, text.find("\n"))
    assert got is not None and got.isoformat() == iso


def test_a_two_digit_year_without_a_label_is_no_date_line():
    text = "Scores\nThe team won 3 / 4 / 11 of its games this season."
    assert dateline(text, text.find("\n")) is None


def test_a_date_in_a_sentence_is_not_set_apart():
    text = "Attack\nOn July 13, 2009, rebels attacked the town."
    stamp = page_stamp(text, text.find("\n"))
    assert stamp is not None and stamp.day == date(2009, 7, 13) and not stamp.apart


def test_a_foot_date_line_anchors_a_year_less_date(coder):
    text = (
        "Bombing at refugee camp\nOn Thursday, November 10th at about 3 pm, the refugee camp "
        "in Yida was bombed by government aircraft. Aid workers counted the damage. "
        + _FILLER
        + "\nDate Published: Tuesday, November 15,2011"
    )
    (attack,) = [ev for ev in coder.code(text) if ev.event_type == "ASSAULT"]
    assert attack.date == "2011-11-10"  # the year from the foot of the page


def test_the_date_line_dates_the_page_not_the_event_beside_it(coder):
    text = (
        "Suspect held\nA parolee was found hiding near the house where a deputy had been shot "
        "a few hours earlier. June 26,2005 The sheriff praised the investigators at a news "
        "conference."
    )
    analysis = coder.analyze(text)
    (praised,) = _candidates(analysis, "praised")
    assert praised.date_text != "June 26,2005"  # no event's date, not even the story's
    assert (praised.date, praised.date_precision) == ("2005-06-26", "publication")


def test_a_headline_date_anchors_the_story(coder):
    text = (
        "WOMAN KILLED BY DRUNK DRIVER, DA SAYS SEPTEMBER 19,2013\nA woman was hit and killed "
        "by a drunk driver last Friday. Prosecutors charged the driver with manslaughter."
    )
    charged = _by_trigger(coder, text)["charged"]
    assert charged.date == "2013-09-13"  # last Friday, seen from the headline's date


# -- the story's day for a thing said ------------------------------------------------------


def test_a_thing_said_takes_the_day_the_words_were_said_a_deed_the_day_of_deeds(coder):
    text = (
        "Senator urges sanctions\nSenator Adam Smith called on the president to impose "
        'sanctions on Russia. "This is a serious matter," Smith told reporters on Tuesday. '
        "Russian hackers broke into the servers of the Democratic Party on Sunday, "
        "investigators said. Police in Moscow later arrested two suspects."
    )
    events = coder.code(text, date="2015-10-21")  # a Wednesday
    (request,) = [ev for ev in events if ev.event_type == "REQUEST"]
    assert (request.date, request.date_text) == ("2015-10-20", "Tuesday")
    (arrest,) = [ev for ev in events if ev.event_type == "COERCE"]
    assert (arrest.date, arrest.date_text) == ("2015-10-18", "Sunday")


def test_a_charge_takes_the_day_of_the_hearing_not_of_the_crime(coder):
    text = (
        "Gunman charged\nProsecutors charged the gunman with murder, a police sergeant said "
        "Wednesday at the arraignment. A gunman shot dead a receptionist in her office on "
        "Monday. Police arrested him after a chase."
    )
    events = coder.code(text, date="2007-04-11")  # a Wednesday
    charges = [ev for ev in events if ev.event_type == "ACCUSE"]
    assert charges and all(ev.date == "2007-04-11" for ev in charges)  # the headline's too
    (arrest,) = [ev for ev in events if ev.event_type == "COERCE"]
    assert arrest.date == "2007-04-09"


def test_a_promise_is_made_on_the_day_it_is_said_though_what_it_promises_is_to_come(coder):
    text = (
        "Cuban picks Trump\nMark Cuban told a festival audience in Austin on Saturday that "
        "Trump lacks curiosity. Cuban said he would support Trump."
    )
    (support,) = [ev for ev in coder.code(text, date="2016-03-14") if ev.event_type == "SUPPORT"]
    assert support.status == "future"
    assert (support.date, support.date_text) == ("2016-03-12", "Saturday")


def test_a_candidate_retyped_to_a_thing_said_is_dated_again(coder):
    from wirecoder.storydate import date_from_story

    text = (
        "Trump picks Cruz\nTrump told a radio host on Tuesday that he likes Cruz. Rebels "
        "attacked a convoy in Syria on Monday. Trump went on to discuss his opposition to "
        "the refugee plan."
    )
    analysis = coder.analyze(text, date="2015-11-18")  # a Wednesday
    (discuss,) = _candidates(analysis, "discuss")
    assert (discuss.event_type, discuss.date) == ("CONSULT", "2015-11-16")  # a deed: Monday
    discuss.event_type = "ACCUSE"  # as the learned decision may retype it
    date_from_story(analysis)
    assert (discuss.date, discuss.date_text) == ("2015-11-17", "Tuesday")
    attacked = _candidates(analysis, "attacked")
    assert attacked[0].date_precision == "day"  # a date of its own words stays


# -- words that look like dates and are not the event's -----------------------------------


def test_a_time_within_a_day_leaves_the_day_to_the_story(coder):
    text = (
        "Gang member guilty\nA gang member was convicted Tuesday of killing a mother of 12. "
        "It took the panel just over two hours to convict Lopez."
    )
    events = coder.code(text, date="2013-04-24")  # a Wednesday
    convictions = [ev for ev in events if ev.event_type == "COERCE"]
    assert convictions and all(ev.date == "2013-04-23" for ev in convictions)


def test_a_show_named_for_a_day_is_no_date(coder):
    text = (
        "Sanders questions Trump\nTrump was interviewed on Sunday about his remarks. Later on "
        "''This Week,'' Senator Bernie Sanders questioned Mr. Trump's veracity."
    )
    events = coder.code(text, date="2015-12-22")  # a Tuesday
    (accuse,) = [ev for ev in events if ev.trigger.text == "questioned"]
    assert accuse.date_text != "This Week"
    assert accuse.date == "2015-12-20"  # the story's Sunday


def test_an_opening_participle_dates_its_sentence(coder):
    text = (
        "Minister accuses Russia\nSpeaking at a news conference on Monday, the minister "
        "accused Russia of meddling in the election."
    )
    analysis = coder.analyze(text, date="2013-09-19")  # a Thursday
    (accused,) = _candidates(analysis, "accused")
    assert (accused.date, accused.date_text) == ("2013-09-16", "Monday")


# -- relative clauses -----------------------------------------------------------------------


def test_what_is_done_at_a_dated_occasion_shares_its_day(coder):
    text = (
        "Sessions backs Trump\nSessions is a respected conservative. On Sunday, he appeared "
        "at a Trump rally where he officially pledged his support to the Trump campaign."
    )
    analysis = coder.analyze(text, date="2016-03-01")  # a Tuesday
    (support,) = _candidates(analysis, "support")
    assert (support.date, support.date_text) == ("2016-02-28", "Sunday")


def test_a_relative_clause_is_not_dated_by_the_clause_it_sits_in(coder):
    text = (
        "Suspect arrested\nPolice in Paris on Tuesday arrested the man who attacked the "
        "embassy guards."
    )
    analysis = coder.analyze(text, date="2015-10-21")  # a Wednesday
    # the body's telling, after the headline's "Suspect arrested"
    arrested, attacked = (
        _candidates(analysis, "arrested")[-1],
        _candidates(analysis, "attacked")[-1],
    )
    assert arrested.date == "2015-10-20"
    assert attacked.date_text != "Tuesday"
