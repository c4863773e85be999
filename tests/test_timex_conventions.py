"""Spec: how news English is read where a reader could hesitate.

Discourse markers, parts of the day, spoken years, results quarters: each test
states the reading a user of the timeline expects; the sentences are our own.
The anchor is Wednesday 13 November 2024 unless said otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.timex import find_timexes

WED = date(2024, 11, 13)


def found(text: str, anchor: date | None = WED) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


@pytest.mark.parametrize(
    ("part", "code"), [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI")]
)
def test_a_weekday_with_a_part_of_day_is_that_part_of_that_day(part, code):
    assert found(f"The talks collapsed on Friday {part}.") == [
        (f"Friday {part}", f"2024-11-08T{code}")
    ]


def test_sentence_opening_now_set_off_by_a_comma_is_a_discourse_marker():
    assert found("The plan failed. Now, the board says, it must change course.") == []


def test_sentence_opening_currently_is_still_the_present():
    assert found("Currently, the board has nine members.") == [("Currently", "PRESENT_REF")]


def test_now_inside_the_clause_is_the_present():
    assert found("The board now says it must change course.") == [("now", "PRESENT_REF")]


def test_last_with_an_abbreviated_month_and_day_is_that_day():
    assert found("The doctor was shot last Oct. 23 at his home.", date(2025, 4, 19)) == [
        ("Oct. 23", "2024-10-23")
    ]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("January nineteen ninety-seven. A bomb went off.", "January nineteen ninety-seven", "1997-01"),
        ("Oil fell to a level last seen in the winter of nineteen ninety-four.",
         "the winter of nineteen ninety-four", "1994-WI"),
    ],
)  # fmt: skip
def test_month_or_season_with_a_spoken_year_is_one_date(text, expr, value):
    assert found(text, date(1998, 2, 27)) == [(expr, value)]


def test_a_spoken_number_of_years_is_not_a_year():
    assert all(v != "2000" for _, v in found("They kept the craft secret for two thousand years."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The quake struck at about 9:20 a.m. (1420 GMT) Friday, the agency said.", "2024-11-08T09:20"),
        ("The ferry will sail at 5 in the morning (11 a.m. CET Thursday), crews say.", "2024-11-14T05:00"),
    ],
)  # fmt: skip
def test_clock_time_takes_the_weekday_after_its_bracketed_conversion(text, value):
    assert found(text)[0][1] == value


def test_through_a_month_is_a_deadline_ahead():
    assert found("The bank extended credit lines through February.") == [("February", "2025-02")]


def test_year_to_date_through_a_month_looks_back():
    assert ("August", "2024-08") in found("Sales this year through August were flat.")


def test_a_second_day_number_joined_to_a_date_is_a_date_too():
    assert found("The summit will be held on April 24 and 25.", date(2025, 2, 10)) == [
        ("April 24", "2025-04-24"),
        ("25", "2025-04-25"),
    ]


@pytest.mark.parametrize("tail", ["and 5% lower.", "and 4,000 troops."])
def test_a_number_joined_to_a_date_that_is_not_a_day_stays_out(tail):
    assert [t for t, _ in found(f"Prices moved on June 2 {tail}")] == ["June 2"]


def test_a_later_date_is_the_future():
    assert found("The rest will be financed at a later date.") == [("a later date", "FUTURE_REF")]


@pytest.mark.parametrize(
    ("ended", "value"),
    [("Sept. 30", "2024-Q3"), ("July 31", "2024-Q2"), ("Jan. 31", "2023-Q4")],
)
def test_a_quarter_ended_on_a_date_is_the_calendar_quarter_of_its_middle_month(ended, value):
    assert found(f"The firm lost money in the quarter ended {ended}.")[0] == ("the quarter", value)


def test_a_possessive_weekday_names_a_past_event_whatever_the_clause_tense():
    assert found("Lawyers said they would try to overturn Monday's ruling.") == [
        ("Monday", "2024-11-11")
    ]


def test_a_possessive_weekday_before_a_scheduled_event_looks_ahead():
    assert found("Thousands will attend Saturday's scheduled rally.") == [
        ("Saturday", "2024-11-16")
    ]


def test_a_quarter_ended_on_a_day_is_the_calendar_quarter_whatever_the_fiscal_numbering():
    text = "The maker posted a loss for its fiscal first quarter. Sales in the quarter ended Sept. 29 rose."
    assert found(text)[:2] == [("fiscal first quarter", "2024-Q1"), ("the quarter", "2024-Q3")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A year ago, in the fourth quarter ended Dec. 31, it lost money.", "2023-Q4"),
        ("In the third quarter ended Sept. 30, it made money.", "2024-Q3"),
    ],
)
def test_an_ordinal_quarter_ended_on_a_day_takes_that_day_year(text, value):
    assert [v for t, v in found(text) if "quarter" in t] == [value]


def test_the_latest_period_is_the_last_completed_quarter_when_the_named_one_is_not_over():
    text = (
        "The company reported a drop in fiscal fourth-quarter earnings. "
        "Sales in the latest period rose 13%."
    )
    assert found(text, date(2024, 11, 2))[-1] == ("the latest period", "2024-Q3")


def test_the_latest_quarter_skips_a_quarter_named_only_as_a_forecast():
    text = (
        "Third-quarter profit fell. The storm will cause a fourth-quarter charge. "
        "In the latest quarter, claims rose."
    )
    assert found(text, date(2024, 11, 2))[-1] == ("the latest quarter", "2024-Q3")


def test_a_results_comparison_hangs_on_the_quarter_just_discussed():
    text = (
        "The paper maker posted a 20% gain in third-quarter profit. "
        "Charges taken in the year-earlier period also helped."
    )
    assert found(text, date(2024, 11, 1))[-1] == ("the year-earlier period", "2023-Q3")
