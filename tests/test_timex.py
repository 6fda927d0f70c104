from __future__ import annotations

from datetime import date

import pytest

from wirecoder.timex import resolve_date

PUB = date(2015, 10, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "iso", "precision"),
    [
        ("Tuesday", "2015-10-20", "day"),
        ("on Wednesday", "2015-10-21", "day"),
        ("last Wednesday", "2015-10-14", "day"),
        ("yesterday", "2015-10-20", "day"),
        ("last week", "2015-10-12", "week"),
        ("earlier this month", "2015-10-01", "month"),
        ("Oct. 1", "2015-10-01", "day"),
        ("October 1, 2014", "2014-10-01", "day"),
        ("last year", "2014-01-01", "year"),
        ("three days ago", "2015-10-18", "day"),
        ("in March", "2015-03-01", "month"),
    ],
)
def test_relative_dates_anchor_on_publication(expr, iso, precision):
    v = resolve_date(expr, PUB)
    assert v is not None and (v.date, v.precision) == (iso, precision)


def test_future_weekday_and_durations():
    assert resolve_date("Friday", PUB, future=True).date == "2015-10-23"
    assert resolve_date("for more than a year", PUB) is None
    assert resolve_date("two weeks", PUB) is None


# -- relative and absolute forms ----------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "iso", "precision"),
    [
        ("late Sunday", "2015-10-18", "day"),
        ("late on Sunday", "2015-10-18", "day"),
        ("early Monday morning", "2015-10-19", "day"),
        ("Sunday night", "2015-10-18", "day"),
        ("last night", "2015-10-20", "day"),
        ("this Friday", "2015-10-23", "day"),
        ("this past Monday", "2015-10-19", "day"),
        ("next Wednesday", "2015-10-28", "day"),
        ("in 2014", "2014-01-01", "year"),
        ("2014", "2014-01-01", "year"),
        ("mid-October", "2015-10-01", "month"),
        ("March 2014", "2014-03-01", "month"),
        ("2015-10-20", "2015-10-20", "day"),
        ("10/20/2015", "2015-10-20", "day"),
        ("20 October 2015", "2015-10-20", "day"),
        ("on Oct. 1", "2015-10-01", "day"),
        ("the day before", "2015-10-20", "day"),
    ],
)
def test_more_forms(expr, iso, precision):
    v = resolve_date(expr, PUB)
    assert v is not None and (v.date, v.precision) == (iso, precision), v


def test_the_words_stay_as_written():
    assert resolve_date("late Sunday", PUB).text == "late Sunday"


@pytest.mark.parametrize(
    ("expr", "prep"),
    [("since Oct. 1", None), ("Oct. 1", "since"), ("Friday", "until"), ("the 1990s", None)],
)
def test_boundaries_and_decades_name_no_day(expr, prep):
    assert resolve_date(expr, PUB, prep=prep) is None


def test_weekdays_ahead_and_behind():
    assert resolve_date("Monday", PUB).date == "2015-10-19"
    assert resolve_date("Monday", PUB, future=True).date == "2015-10-26"
    # the publication's own weekday is the publication day, coming or gone
    assert resolve_date("Wednesday", PUB).date == "2015-10-21"
    assert resolve_date("Wednesday", PUB, future=True).date == "2015-10-21"


def test_no_anchor_keeps_absolute_dates_only():
    assert resolve_date("in 2014", None).date == "2014-01-01"
    assert resolve_date("Tuesday", None) is None


# -- which clause a date belongs to (through the pipeline, on texts written for the tests) --

WEDNESDAY = "2015-10-21"


def _dates(coder, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    events = coder.code(text, date=WEDNESDAY)
    return {ev.trigger.text: (ev.date, ev.date_text, ev.date_precision) for ev in events}


def test_the_tense_of_the_clause_sets_the_direction(coder):
    got = _dates(
        coder,
        "Talks planned\nIranian officials will meet Syrian officials on Friday. "
        "Turkish troops attacked Kurdish fighters on Monday.",
    )
    assert got["meet"][0] == "2015-10-23"
    assert got["attacked"][0] == "2015-10-19"


def test_a_date_on_the_speech_verb_and_the_events_own_date(coder):
    got = _dates(
        coder,
        "Report\nThe army said on Tuesday that militants attacked a checkpoint late on Sunday.",
    )
    assert got["attacked"][:2] == ("2015-10-18", "Sunday") or got["attacked"][0] == "2015-10-18"
    got = _dates(coder, "Report\nThe army said on Tuesday that its jets bombed rebel positions.")
    assert got["bombed"][0] == "2015-10-20"  # nothing nearer: the day of the saying


def test_the_past_perfect_puts_the_event_before_the_saying(coder):
    got = _dates(coder, "Report\nPolice said on Tuesday that gunmen had attacked a police station.")
    assert got["attacked"][2] == "publication"


def test_a_period_that_starts_on_a_day_is_not_that_day(coder):
    got = _dates(
        coder, "Town Under Pressure\nGovernment forces have besieged the town since Oct. 1."
    )
    assert got["besieged"][2] == "publication"


def test_a_time_of_day_does_not_hide_the_day(coder):
    got = _dates(coder, "Base Under Fire\nRebels attacked the base at 3 p.m. on Tuesday.")
    assert got["attacked"][:2] == ("2015-10-20", "Tuesday")


def test_headline_dates_keep_their_words_and_tell_the_past(coder):
    text = "Police Arrest Two Journalists In Mogadishu On Monday\nThe two were taken away."
    analysis = coder.analyze(text, date=WEDNESDAY)
    assert analysis.doc is not None
    [cand] = [c for c in analysis.candidates if analysis.doc[c.trigger].lower_ == "arrest"]
    assert (cand.date, cand.date_text) == ("2015-10-19", "Monday")


@pytest.mark.shared
def test_the_seed_articles_relative_dates(coder, shared):
    analysis = coder.analyze((shared / "seed" / "article.txt").read_text("utf-8"), date=WEDNESDAY)
    doc = analysis.doc
    by_word = {doc[c.trigger].text: c for c in analysis.candidates}
    assert (by_word["trip"].date, by_word["trip"].date_text) == ("2015-10-20", "Tuesday")
    week = [c for c in analysis.candidates if c.date_text == "last week"]
    assert week and all((c.date, c.date_precision) == ("2015-10-12", "week") for c in week)
    assert by_word["raids"].date_precision == "publication"  # "for more than a year"
    assert by_word["visit"].date != "2015-10-01"  # Oct. 1 is when he became chairman


@pytest.mark.parametrize(
    ("expr", "iso"),
    [
        ("April 21 and 22", "2015-04-21"),
        ("21-22 April", "2015-04-21"),
        ("May 3 to 5, 2014", "2014-05-03"),
    ],
)
def test_a_span_of_days_starts_on_its_first_and_never_reads_a_day_as_a_year(expr, iso):
    v = resolve_date(expr, PUB)
    assert v is not None and (v.date, v.precision) == (iso, "day")


def test_a_clock_time_is_never_read_as_a_year():
    from wirecoder.analysis import CoderConfig
    from wirecoder.coder import Coder

    coder = Coder(CoderConfig(fast=True))
    (ev,) = coder.code("Rebels attacked the convoy near 1750 GMT on Tuesday.", date="2018-12-05")
    assert ev.date == "2018-12-04"
    (ev,) = coder.code("Rebels attacked the convoy at 1750 GMT.", date="2018-12-05")
    assert ev.date == "2018-12-05" and ev.date_precision == "publication"


# -- year-less dates, spans, datelines and the story's day --------------------------------


def test_a_year_less_date_takes_the_year_its_tense_or_weekday_points_at():
    sept = date(2013, 9, 28)
    assert resolve_date("Nov. 8", sept, future=True).date == "2013-11-08"
    assert resolve_date("Nov. 8", sept, future=False).date == "2012-11-08"
    assert resolve_date("Nov. 8", sept, future=None).date == "2013-11-08"  # the nearest
    # a written weekday picks the year it fits: 10 November was a Thursday in 2011
    assert resolve_date("Thursday, Nov. 10", date(2011, 11, 14)).date == "2011-11-10"
    assert resolve_date("Thursday, Nov. 10", date(2012, 2, 1)).date == "2011-11-10"
    # "in March" said of what is still to come, in a December story, is next March
    assert resolve_date("in March", date(2015, 12, 10), future=True).date == "2016-03-01"


def test_without_a_publication_date_a_year_less_date_is_no_date():
    assert resolve_date("Thursday, November 10th", None) is None
    assert resolve_date("November 10, 2011", None).date == "2011-11-10"


@pytest.mark.parametrize(
    ("expr", "iso"),
    [
        ("from October 2012 to October 2013", "2012-10-01"),
        ("October 2012 to October 2013", "2012-10-01"),
        ("between 2010 and 2014", "2010-01-01"),
        ("from October to December 2013", "2013-10-01"),
    ],
)
def test_a_period_with_both_ends_is_dated_by_its_start_as_a_span(expr, iso):
    v = resolve_date(expr, PUB)
    assert v is not None and (v.date, v.precision) == (iso, "span")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Team has program 2 A. M. FEB. 4,2009 Two years ago, the team won.", "2009-02-04"),
        ("Updated 5 / 5 / 2010 1:41 PM Riots engulfed the streets of Athens.", "2010-05-05"),
        ("FOR IMMEDIATE RELEASE July 13,2009 President Obama announced.", "2009-07-13"),
        ("ATHENS, 4 May 2010 - Riots engulfed the streets.", "2010-05-04"),
        ("Riots engulfed the streets of Athens on Wednesday.", None),
    ],
)
def test_a_dateline_near_the_top(text, iso):
    from wirecoder.storydate import dateline

    got = dateline("Headline\n" + text, len("Headline"))
    assert (got.isoformat() if got else None) == iso


def test_a_dateline_anchors_relative_dates_when_there_is_no_publication_date(coder):
    text = (
        "Three die in Athens riots\nUpdated 5 / 5 / 2010 1:41 PM Riots engulfed the streets of "
        "Athens on Wednesday as protesters attacked police."
    )
    events = coder.code(text)
    dated = {ev.trigger.text: ev.date for ev in events}
    assert "2010-05-05" in dated.values()


def test_an_undated_event_takes_the_storys_day_not_the_publication_date(coder):
    text = (
        "Gunman kills officer\nA gunman shot and killed a police officer in Detroit on Monday. "
        "Police arrested the suspect after a chase."
    )
    events = {ev.trigger.text: ev for ev in coder.code(text, date=WEDNESDAY)}
    arrested = events["arrested"]
    assert (arrested.date, arrested.date_precision) == ("2015-10-19", "narrative")
    assert arrested.date_text == "Monday"


def test_a_date_on_an_occasion_dates_what_is_done_at_it(coder):
    got = _dates(
        coder,
        "Statement\nIn a statement released Monday, the White House urged Sudan to stop the "
        "bombing.",
    )
    assert got["urged"][0] == "2015-10-19"


def test_to_be_sentenced_looks_ahead(coder):
    events = coder.code(
        "Verdict\nThe court convicted Smith. He is to be sentenced Nov. 8.", date="2015-09-28"
    )
    got = {ev.trigger.text: (ev.date, ev.date_precision) for ev in events}
    assert got["sentenced"] == ("2015-11-08", "day")  # this November, not last
    assert got["convicted"] == ("2015-09-28", "publication")  # a coming day is no story's day


def test_a_date_between_the_subject_and_its_verb_dates_the_verb(coder):
    # the small parser hangs "on Tuesday" on the mayor; it tells when he rejected the offer
    got = _dates(
        coder,
        "Mayor Rebuffs Trump\nThe British capital's new mayor on Tuesday rejected Donald "
        "Trump's offer.",
    )
    assert got["rejected"][:2] == ("2015-10-20", "Tuesday")


def test_a_when_clause_on_a_date_is_dated_by_it(coder):
    from datetime import date

    from wirecoder.eventdate import event_date

    doc = coder.resources.nlp("It was no surprise Thursday, when Barkley went off script.")
    went = next(t for t in doc if t.text == "went")
    value = event_date(went, date(2015, 12, 11))
    assert value is not None and value.date == "2015-12-10"


@pytest.mark.parametrize(
    ("expr", "iso"),
    [("on January 13", "2017-01-13"), ("Nov. 10", "2017-11-10"), ("in March", "2017-03-01")],
)
def test_an_undated_article_puts_a_month_named_date_in_the_year_of_its_floor(expr, iso):
    """Incident reports come without a publication date; the year their words give is the
    best guess for "on January 13", but nothing relative is resolved against it."""
    v = resolve_date(expr, None, floor=date(2017, 1, 1))
    assert v is not None and v.date == iso
    assert resolve_date(expr, None) is None  # no year named: no date


@pytest.mark.parametrize("expr", ["Tuesday", "last week", "last January", "yesterday"])
def test_relative_dates_need_a_real_anchor(expr):
    assert resolve_date(expr, None, floor=date(2017, 1, 1)) is None


def test_a_month_named_date_is_the_first_after_the_floor():
    """A day before the floor is in the year after: the report's news follows what it dates."""
    v = resolve_date("on January 31", None, floor=date(2011, 12, 23))
    assert v is not None and v.date == "2012-01-31"
    v = resolve_date("on December 28", None, floor=date(2011, 12, 23))
    assert v is not None and v.date == "2011-12-28"
