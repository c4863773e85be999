"""Specs for placing an event's date on the timeline's clock (seconds since 1970).

What a value covers is `Period`'s business (tests/test_model_period.py); these
check the adapter the timeline index uses.
"""

from datetime import datetime

import pytest

from tracker.layout import span_seconds, to_datetime


def span(value, granularity=None, end=None):
    start, stop = span_seconds(value, granularity, end)
    return to_datetime(start), to_datetime(stop)


def test_a_day_covers_that_whole_day():
    assert span("2024-11-13", "day") == (datetime(2024, 11, 13), datetime(2024, 11, 14))


def test_a_month_granular_event_spans_its_month():
    assert span("2024-02", "month") == (datetime(2024, 2, 1), datetime(2024, 3, 1))
    assert span("2024-12", "month") == (datetime(2024, 12, 1), datetime(2025, 1, 1))


def test_a_year_quarter_and_iso_week_span_their_periods():
    assert span("2024", "year") == (datetime(2024, 1, 1), datetime(2025, 1, 1))
    assert span("2024-Q3", "quarter") == (datetime(2024, 7, 1), datetime(2024, 10, 1))
    assert span("2024-W46", "week") == (datetime(2024, 11, 11), datetime(2024, 11, 18))


def test_a_three_digit_value_is_a_decade_and_two_digits_a_century():
    assert span("199", "decade") == (datetime(1990, 1, 1), datetime(2000, 1, 1))
    assert span("19", "century") == (datetime(1900, 1, 1), datetime(2000, 1, 1))


def test_seasons_cover_three_months_and_winter_is_named_by_its_january():
    assert span("2024-SU", "season") == (datetime(2024, 6, 1), datetime(2024, 9, 1))
    assert span("2025-WI", "season") == (datetime(2024, 12, 1), datetime(2025, 3, 1))


def test_a_time_is_a_short_span_starting_at_that_minute():
    start, stop = span("2013-03-22T14:30", "time")
    assert start == datetime(2013, 3, 22, 14, 30)
    assert stop == datetime(2013, 3, 22, 14, 31)


def test_a_coarser_granularity_than_the_value_widens_the_span():
    assert span("2024-11-13", "year") == (datetime(2024, 1, 1), datetime(2025, 1, 1))


def test_a_range_runs_to_the_end_of_its_last_period():
    assert span("2024-03", "month", "2024-05") == (datetime(2024, 3, 1), datetime(2024, 6, 1))
    assert span("2024-11-13", "day", "2024-11-15") == (
        datetime(2024, 11, 13),
        datetime(2024, 11, 16),
    )


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "2024-13", "2024-02-30", "soon"])
def test_values_the_timeline_cannot_place_give_none(value):
    assert span_seconds(value, "day") is None
