"""Spec: relative expressions resolve against the article date or another date in the text.

The anchor is Wednesday 13 November 2024 unless said otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.timex import find_timexes

WED = date(2024, 11, 13)


def only(text: str, anchor: date | None = WED):
    found = find_timexes(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "value", "gran"),
    [
        ("The minister resigned today.", "today", "2024-11-13", "day"),
        ("The minister resigned yesterday.", "yesterday", "2024-11-12", "day"),
        ("The minister will resign tomorrow.", "tomorrow", "2024-11-14", "day"),
        ("Prices fell last week.", "last week", "2024-W45", "week"),
        ("Prices will be reviewed next month.", "next month", "2024-12", "month"),
        ("Exports grew this year.", "this year", "2024", "year"),
        ("Exports shrank last year.", "last year", "2023", "year"),
        ("The strike began two days ago.", "two days ago", "2024-11-11", "day"),
        ("The law was passed earlier this month.", "earlier this month", "2024-11", "month"),
    ],
)
def test_deictic_and_offset_expressions_resolve_against_the_article_date(text, expr, value, gran):
    t = only(text)
    assert (t.text, t.value, t.granularity) == (expr, value, gran)
    assert t.derivation.anchor == "document"
    assert t.derivation.anchor_value == "2024-11-13"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The union is currently on strike.", "PRESENT_REF"),
        ("The union is now on strike.", "PRESENT_REF"),
        ("The union has recently called strikes.", "PAST_REF"),
        ("Fighting has intensified in recent days.", "PAST_REF"),
        ("More talks are expected in the coming weeks.", "FUTURE_REF"),
    ],
)
def test_vague_references_get_timeml_ref_values(text, value):
    assert only(text).value == value


def test_past_tense_weekday_points_back():
    t = only("Protesters gathered on Monday outside parliament.")
    assert (t.text, t.value) == ("Monday", "2024-11-11")


def test_future_tense_weekday_points_forward():
    t = only("The committee will vote on Friday.")
    assert t.value == "2024-11-15"


def test_plans_to_points_forward():
    assert only("The group plans to march on Saturday.").value == "2024-11-16"


def test_weekday_equal_to_the_anchor_weekday_is_the_anchor_day():
    assert only("The bill passed on Wednesday.").value == "2024-11-13"


def test_weekday_with_part_of_day_takes_the_day_value_as_news_annotators_do():
    t = only("The talks collapsed on Tuesday morning.")
    assert (t.text, t.type, t.value, t.granularity) == (
        "Tuesday morning",
        "DATE",
        "2024-11-12",
        "day",
    )


def test_this_morning_is_a_time_of_the_anchor_day():
    t = only("The minister resigned this morning.")
    assert (t.text, t.type, t.value) == ("this morning", "TIME", "2024-11-13TMO")


def test_late_on_tuesday_keeps_the_day_and_an_end_modifier_outside_the_extent():
    t = only("The deal was struck late on Tuesday.")
    assert (t.text, t.value, t.mod) == ("Tuesday", "2024-11-12", "END")


def test_clock_time_with_weekday_is_a_time_on_that_day():
    t = only("The polls closed at 10 a.m. Friday.", date(2024, 11, 9))
    assert (t.text, t.type, t.value) == ("10 a.m. Friday", "TIME", "2024-11-08T10:00")


def test_two_days_later_hangs_on_the_date_before_it():
    found = find_timexes("The quake struck on 3 March 2021. Two days later, aid arrived.", WED)
    assert [(t.text, t.value) for t in found] == [
        ("3 March 2021", "2021-03-03"),
        ("Two days later", "2021-03-05"),
    ]
    assert found[1].derivation.anchor == "timex"
    assert found[1].derivation.anchor_index == 0


def test_the_next_day_and_that_month_hang_on_the_date_before_them():
    found = find_timexes(
        "Rebels took the town on 4 June 2019. The next day the army fled, and that month ended in chaos.",
        WED,
    )
    assert [(t.text, t.value) for t in found] == [
        ("4 June 2019", "2019-06-04"),
        ("The next day", "2019-06-05"),
        ("that month", "2019-06"),
    ]
    assert all(t.derivation.anchor == "timex" for t in found[1:])


def test_the_following_week_hangs_on_the_date_before_it():
    found = find_timexes(
        "Voting ended on 2 May 2022; the following week the count was disputed.", WED
    )
    assert found[1].value == "2022-W19"


def test_without_an_anchor_absolute_dates_keep_values_and_relative_ones_are_unresolved():
    found = find_timexes("On 5 May 2020 the mayor spoke; yesterday she resigned.", None)
    assert [(t.text, t.value) for t in found] == [("5 May 2020", "2020-05-05"), ("yesterday", None)]
    assert found[1].unresolved and found[1].relative


def test_changing_the_anchor_changes_only_what_depended_on_it():
    text = "On 5 May 2020 the mayor spoke; on Friday she resigned."
    a = find_timexes(text, date(2024, 11, 13))
    b = find_timexes(text, date(2025, 3, 5))
    assert a[0] == b[0]
    assert (a[1].value, b[1].value) == ("2024-11-08", "2025-02-28")


def test_last_and_next_weekday_skip_the_anchor_week_direction_cues():
    assert only("Talks collapsed last Friday.").value == "2024-11-08"
    assert only("Talks resume next Friday.").value == "2024-11-15"
    assert only("Talks resume this Friday.").value == "2024-11-15"


def test_without_tense_cue_a_weekday_is_the_most_recent_one():
    assert only("Rain in the capital on Monday.").value == "2024-11-11"


def test_tense_inside_a_quote_is_not_overridden_by_the_reporting_verb():
    t = only('"We will meet our partners on Friday," the minister said.')
    assert t.value == "2024-11-15"


def test_clock_time_takes_the_day_named_earlier_in_its_sentence():
    found = find_timexes("The polls opened on 2 May 2022 at 7 a.m. in the north.", WED)
    assert [(x.text, x.value) for x in found] == [
        ("2 May 2022", "2022-05-02"),
        ("7 a.m.", "2022-05-02T07:00"),
    ]


def test_the_year_period_is_the_quarter_under_discussion_in_that_year():
    found = find_timexes(
        "Profit rose in the third quarter. In the 2023 period, it had fallen.", WED
    )
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "2024-Q3"),
        ("the 2023 period", "2023-Q3"),
    ]
