"""Specs for `Period`: a TIMEX3 date value at its own precision, and back."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.model import Granularity, Period, event_span, period_label

# value, granularity, first day, last day, label
PLACEABLE = [
    ("2024-11-13", "day", "2024-11-13", "2024-11-13", "13 Nov 2024"),
    ("2024-02-29", "day", "2024-02-29", "2024-02-29", "29 Feb 2024"),
    ("2024-11", "month", "2024-11-01", "2024-11-30", "Nov 2024"),
    ("2024-02", "month", "2024-02-01", "2024-02-29", "Feb 2024"),
    ("2023-02", "month", "2023-02-01", "2023-02-28", "Feb 2023"),
    ("1900-02", "month", "1900-02-01", "1900-02-28", "Feb 1900"),
    ("2000-02", "month", "2000-02-01", "2000-02-29", "Feb 2000"),
    ("2024-12", "month", "2024-12-01", "2024-12-31", "Dec 2024"),
    ("2024", "year", "2024-01-01", "2024-12-31", "2024"),
    ("2024-W46", "week", "2024-11-11", "2024-11-17", "Week 46, 2024"),
    ("2025-W01", "week", "2024-12-30", "2025-01-05", "Week 1, 2025"),
    ("2020-W53", "week", "2020-12-28", "2021-01-03", "Week 53, 2020"),
    ("2026-W53", "week", "2026-12-28", "2027-01-03", "Week 53, 2026"),
    ("2024-W46-WE", "week", "2024-11-16", "2024-11-17", "Weekend of week 46, 2024"),
    ("2024-Q1", "quarter", "2024-01-01", "2024-03-31", "Q1 2024"),
    ("2024-Q3", "quarter", "2024-07-01", "2024-09-30", "Q3 2024"),
    ("2024-Q4", "quarter", "2024-10-01", "2024-12-31", "Q4 2024"),
    ("2024-H1", "half", "2024-01-01", "2024-06-30", "H1 2024"),
    ("2024-H2", "half", "2024-07-01", "2024-12-31", "H2 2024"),
    ("2024-SP", "season", "2024-03-01", "2024-05-31", "Spring 2024"),
    ("2024-SU", "season", "2024-06-01", "2024-08-31", "Summer 2024"),
    ("2024-FA", "season", "2024-09-01", "2024-11-30", "Autumn 2024"),
    ("2024-AU", "season", "2024-09-01", "2024-11-30", "Autumn 2024"),
    ("2024-WI", "season", "2023-12-01", "2024-02-29", "Winter 2023/24"),
    ("2025-WI", "season", "2024-12-01", "2025-02-28", "Winter 2024/25"),
    ("2000-WI", "season", "1999-12-01", "2000-02-29", "Winter 1999/00"),
    ("199", "decade", "1990-01-01", "1999-12-31", "1990s"),
    ("202", "decade", "2020-01-01", "2029-12-31", "2020s"),
    ("19", "century", "1900-01-01", "1999-12-31", "20th century"),
    ("20", "century", "2000-01-01", "2099-12-31", "21st century"),
    ("2013-03-22T14:00", "time", "2013-03-22", "2013-03-22", "22 Mar 2013 14:00"),
    ("2013-03-22T14", "time", "2013-03-22", "2013-03-22", "22 Mar 2013 14:00"),
    ("2013-03-22T23:59:30", "time", "2013-03-22", "2013-03-22", "22 Mar 2013 23:59"),
    ("2013-03-22TMO", "time", "2013-03-22", "2013-03-22", "22 Mar 2013 morning"),
    ("2013-03-22TNI", "time", "2013-03-22", "2013-03-22", "22 Mar 2013 night"),
    ("2024-03/2024-05", "month", "2024-03-01", "2024-05-31", "Mar 2024 – May 2024"),
]


@pytest.mark.parametrize(("value", "granularity", "first", "last", "label"), PLACEABLE)
def test_a_value_covers_its_days_at_its_granularity(value, granularity, first, last, label):
    p = Period.parse(value)
    assert p is not None
    assert p.granularity == granularity
    assert (p.start_day, p.end_day) == (first, last)
    assert (p.first_day, p.last_day) == (date.fromisoformat(first), date.fromisoformat(last))
    assert p.label == label


@pytest.mark.parametrize("value", [row[0] for row in PLACEABLE])
def test_format_gives_the_value_back(value):
    p = Period.parse(value)
    assert p is not None
    assert p.format() == value
    assert str(p) == value
    assert Period.parse(p.format()) == p


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P3Y",
        "XXXX-WXX",
        "XXXX-SU",
        "2024-13",
        "2024-00",
        "2024-02-30",
        "2023-02-29",
        "2021-W53",
        "2024-W00",
        "2024-Q5",
        "2024-H3",
        "2024-XX",
        "0000",
        "000",
        "soon",
        "2024-11-13T25:00",
        "2024-05/2024-03",
    ],
)
def test_values_that_name_no_stretch_of_calendar_give_none(value):
    assert Period.parse(value) is None


def test_ends_are_exclusive_so_consecutive_periods_tile():
    q3, q4 = Period.parse("2024-Q3"), Period.parse("2024-Q4")
    assert q3.end == q4.start == datetime(2024, 10, 1)
    assert not q3.overlaps(q4)


def test_a_time_lasts_as_long_as_its_precision():
    minute = Period.parse("2013-03-22T14:30")
    assert (minute.start, minute.end) == (
        datetime(2013, 3, 22, 14, 30),
        datetime(2013, 3, 22, 14, 31),
    )
    hour = Period.parse("2013-03-22T14")
    assert hour.end - hour.start == datetime(2000, 1, 1, 1) - datetime(2000, 1, 1)
    morning = Period.parse("2013-03-22TMO")
    assert (morning.start.hour, morning.end.hour) == (6, 12)


def test_whitespace_around_a_value_is_ignored():
    assert Period.parse(" 2024-11 ") == Period.parse("2024-11")


@pytest.mark.parametrize(
    ("value", "hint", "widened"),
    [
        ("2024-11-13", "year", "2024"),
        ("2024-11-13", "month", "2024-11"),
        ("2024-11-13", "quarter", "2024-Q4"),
        ("1990", "decade", "199"),
        ("1990", "century", "19"),
        ("2024-11", "day", "2024-11"),  # a finer hint cannot invent a day
        ("2024-11", "fortnight", "2024-11"),  # an unknown word is ignored
        ("2024-11-13", None, "2024-11-13"),
    ],
)
def test_a_coarser_granularity_widens_the_period(value, hint, widened):
    assert Period.parse(value, hint) == Period.parse(widened)


@pytest.mark.parametrize(
    ("day", "granularity", "value"),
    [
        (date(2024, 11, 13), "day", "2024-11-13"),
        (date(2024, 11, 13), "time", "2024-11-13"),
        (date(2024, 12, 30), "week", "2025-W01"),
        (date(2021, 1, 3), "week", "2020-W53"),
        (date(2024, 11, 13), "month", "2024-11"),
        (date(2024, 12, 15), "season", "2025-WI"),
        (date(2025, 2, 28), "season", "2025-WI"),
        (date(2024, 3, 1), "season", "2024-SP"),
        (date(2024, 9, 30), "quarter", "2024-Q3"),
        (date(2024, 7, 1), "half", "2024-H2"),
        (date(2024, 11, 13), "year", "2024"),
        (date(1999, 12, 31), "decade", "199"),
        (date(1999, 12, 31), "century", "19"),
    ],
)
def test_the_period_containing_a_day(day, granularity, value):
    p = Period.containing(day, granularity)
    assert p.format() == value
    assert p.contains(day)


def test_containing_rejects_an_unknown_granularity():
    with pytest.raises(ValueError):
        Period.containing(date(2024, 1, 1), "fortnight")


def test_contains_takes_periods_days_and_instants():
    q3 = Period.parse("2024-Q3")
    assert q3.contains(Period.parse("2024-08"))
    assert q3.contains(Period.parse("2024-09-30"))
    assert not q3.contains(Period.parse("2024-W40"))  # 30 Sep to 6 Oct straddles the end
    assert q3.contains(date(2024, 7, 1))
    assert not q3.contains(date(2024, 10, 1))
    assert q3.contains(datetime(2024, 9, 30, 23, 59))
    assert not q3.contains(datetime(2024, 10, 1))
    assert q3.contains(q3)


def test_overlaps_is_symmetric_and_shares_an_instant():
    q3 = Period.parse("2024-Q3")
    week40 = Period.parse("2024-W40")
    assert q3.overlaps(week40) and week40.overlaps(q3)
    assert Period.parse("199").overlaps(Period.parse("1995-06-01"))
    assert not Period.parse("2024-SU").overlaps(Period.parse("2024-FA"))
    assert Period.parse("2025-WI").overlaps(Period.parse("2024-12-25"))
    assert not Period.parse("2025-WI").overlaps(Period.parse("2025-12-25"))


def test_granularities_rank_from_fine_to_coarse():
    ranks = [g.rank for g in Granularity]
    assert ranks == sorted(ranks)
    assert Granularity.DAY.rank < Granularity.MONTH.rank < Granularity.DECADE.rank


@pytest.mark.parametrize(
    ("value", "granularity", "end", "label"),
    [
        (None, None, None, "undated"),
        ("2024-11-13", "day", None, "13 Nov 2024"),
        ("2024-11-13", "year", None, "2024"),
        ("2024-Q3", "quarter", None, "Q3 2024"),
        ("199", "decade", None, "1990s"),
        ("2024-03", "month", "2024-05", "Mar 2024 – May 2024"),
        ("2024-03", "month", "2024-03", "Mar 2024"),
        ("2024-13-01", None, None, "2024-13-01"),  # bad data is shown as written
        ("2024-00", "month", None, "2024-00"),
    ],
)
def test_period_label_of_an_event_date(value, granularity, end, label):
    assert period_label(value, granularity, end) == label


def test_an_event_span_runs_to_the_end_of_its_last_period():
    span = event_span("2024-03", "month", "2024-05")
    assert (span.start, span.end) == (datetime(2024, 3, 1), datetime(2024, 6, 1))
    assert span.granularity == "month"
    # An end before the start, or one that cannot be placed, is ignored.
    assert event_span("2024-05", "month", "2024-03") == Period.parse("2024-05")
    assert event_span("2024-05", "month", "PRESENT_REF") == Period.parse("2024-05")
    assert event_span("PRESENT_REF") is None


# Years 0 and 10000 lie outside datetime, so the first and last century cannot be built.
@given(st.dates(min_value=date(100, 1, 1), max_value=date(9899, 12, 31)))
def test_every_granularity_contains_the_day_it_was_built_from(day):
    for g in Granularity:
        p = Period.containing(day, g)
        assert p.contains(day)
        assert Period.parse(p.format()) == p
        assert p.first_day <= day <= p.last_day
