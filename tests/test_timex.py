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
