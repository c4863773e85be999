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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("March 3: six crew died when a patrol boat sank off Tarsa.", "2024-03-03"),
        ("March 3: Six crew killed when a patrol boat sank.", "2024-03-03"),
        ("January 9: the talks will resume in Oslo.", "2025-01-09"),
    ],
)
def test_a_list_entry_s_date_takes_the_tense_of_the_entry_after_its_colon(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The council rejected the plan on Friday.", "2024-11-08"),
        ("The council plans to vote on Friday.", "2024-11-15"),
    ],
)
def test_the_noun_plan_is_no_cue_for_the_future(text, value):
    assert only(text).value == value


def test_future_tense_weekday_points_forward():
    t = only("The committee will vote on Friday.")
    assert t.value == "2024-11-15"


def test_plans_to_points_forward():
    assert only("The group plans to march on Saturday.").value == "2024-11-16"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an infinitive after a past verb is that verb's purpose: as past as it
        ("The envoy flew to Oslo to meet the premier on Friday.", "2024-11-08"),
        ("A parts shortage made it hard for Velmar to meet orders into the summer.", "2024-SU"),
        # after a request or an intent the infinitive points ahead
        ("The speaker asked members to vote on Friday.", "2024-11-15"),
        ("The union voted to strike on Friday.", "2024-11-15"),
        ("The envoy will fly to Oslo to meet the premier on Friday.", "2024-11-15"),
    ],
)
def test_an_infinitive_takes_the_time_of_the_past_verb_it_serves(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plant didn't reopen until March.", "2024-03"),
        ("It was not until Friday that the minister resigned.", "2024-11-08"),
        ("The plant won't reopen until March.", "2025-03"),
        ("The ministers will stay until Friday.", "2024-11-15"),
    ],
)
def test_not_until_a_date_is_no_deadline_the_verb_s_tense_places_it(text, value):
    assert only(text).value == value


def test_weekday_equal_to_the_anchor_weekday_is_the_anchor_day():
    assert only("The bill passed on Wednesday.").value == "2024-11-13"


def test_weekday_with_part_of_day_is_a_time_of_that_day():
    t = only("The talks collapsed on Tuesday morning.")
    assert (t.text, t.type, t.value, t.granularity) == (
        "Tuesday morning",
        "TIME",
        "2024-11-12TMO",
        "time",
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


def test_the_year_period_beside_a_span_of_months_is_that_year():
    found = find_timexes(
        "Profit rose in the third quarter. For the nine months, net was $8 million, "
        "against $5 million in the 2023 period.",
        WED,
    )
    assert [(t.text, t.value) for t in found if t.type == "DATE"] == [
        ("the third quarter", "2024-Q3"),
        ("the 2023 period", "2023"),
    ]


FRI = date(2025, 2, 14)


def test_days_after_an_event_count_from_the_date_given_for_it():
    found = find_timexes(
        "The summit opened on 13 November 2024. Two days after the opening, a deal was signed.", FRI
    )
    assert [(t.text, t.value) for t in found] == [
        ("13 November 2024", "2024-11-13"),
        ("Two days", "2024-11-15"),
    ]
    assert found[1].derivation.anchor == "timex"


def test_a_day_after_an_event_dated_later_in_the_sentence_counts_from_that_date():
    found = find_timexes("A day after the talks began on 3 March 2024, the envoy left.", FRI)
    assert [(t.text, t.value) for t in found] == [
        ("A day", "2024-03-04"),
        ("3 March 2024", "2024-03-03"),
    ]


def test_days_after_an_event_without_a_date_in_sight_stay_a_duration():
    t = only("Two days after the summit, a deal was signed.", FRI)
    assert (t.type, t.value) == ("DURATION", "P2D")


def test_the_day_before_in_apposition_to_a_date_is_that_date():
    found = find_timexes("He was seen on 3 May 2023, the day before the vote was held.", FRI)
    assert [(t.text, t.value) for t in found] == [
        ("3 May 2023", "2023-05-03"),
        ("the day", "2023-05-03"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The conference, which ends on Saturday, drew large crowds.", "2025-02-15"),
        ("The summit closes on Sunday.", "2025-02-16"),
        ("The festival is opening on Sunday.", "2025-02-16"),
        ("The ministers are meeting on Monday.", "2025-02-17"),
    ],
)
def test_present_tense_schedule_verbs_point_to_the_coming_weekday(text, value):
    assert only(text, FRI).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Orban met Putin in Moscow on Monday in a visit that will anger his allies.",
        "Orban met Putin in Moscow on Monday to discuss plans to expand the pipeline.",
        "Orban met the Russian leader and his energy ministers in Moscow on Monday.",
        "Orban met Putin, who is expected to visit Budapest soon, in Moscow on Monday.",
    ],
)
def test_a_past_verb_before_the_weekday_wins_over_future_cues_after_it(text):
    assert only(text, FRI).value == "2025-02-10"


def test_a_passive_future_is_not_read_as_past():
    assert only("The bill, he said, will be voted on Monday.", FRI).value == "2025-02-17"


def test_from_weekday_to_weekday_is_one_range():
    t = only("The festival runs from Friday to Sunday.", FRI)
    assert (t.text, t.value, t.value_end) == ("Friday to Sunday", "2025-02-14", "2025-02-16")


def test_two_weekdays_joined_by_and_stay_two_dates():
    found = find_timexes("Talks were held on Monday and Thursday.", FRI)
    assert [(t.text, t.value) for t in found] == [
        ("Monday", "2025-02-10"),
        ("Thursday", "2025-02-13"),
    ]


def test_the_following_weekday_counts_from_the_date_just_mentioned():
    found = find_timexes("The talks opened on 3 March 2024 and resumed the following Monday.", FRI)
    assert [(t.text, t.value) for t in found][1] == ("the following Monday", "2024-03-04")
    assert found[1].derivation.anchor_index == 0


def test_the_previous_weekday_is_a_week_before_the_one_named():
    found = find_timexes("Shares fell on Friday, down 4% from the previous Friday.", FRI)
    assert [t.value for t in found] == ["2025-02-14", "2025-02-07"]


def test_a_past_report_about_next_month_points_ahead_not_eleven_months_back():
    t = only("The firm warned customers of supply cuts in September.", date(2024, 8, 16))
    assert t.value == "2024-09"


def test_a_bare_month_without_tense_cue_is_the_last_one_within_nine_months():
    t = only("In January, a crowd gathered outside the court.", date(2024, 10, 25))
    assert t.value == "2024-01"


def test_a_decision_to_act_in_a_month_points_ahead():
    t = only("The alliance has decided to admit two members in early March.", date(2024, 2, 10))
    assert t.value == "2024-03"


def test_a_deadline_weekday_points_ahead_even_after_a_past_verb():
    t = only("The agency has given the family until 9 a.m. Tuesday to sign.", date(2024, 11, 11))
    assert t.value == "2024-11-12T09:00"


def test_a_plan_told_in_the_past_perfect_points_back():
    assert only("The offer had been due to expire on Friday.").value == "2024-11-08"


def test_until_a_weekday_in_a_past_perfect_clause_points_back():
    assert only("Until Thursday, the police had not named a suspect.").value == "2024-11-07"


def test_the_year_before_is_one_year_before_the_year_just_mentioned():
    found = find_timexes(
        "Sales fell to $3 million last year, from $4 million the year before.", WED
    )
    assert [(t.text, t.value) for t in found] == [
        ("last year", "2023"),
        ("the year before", "2022"),
    ]


def test_coordinated_weekdays_keep_their_order():
    found = find_timexes("The summit on Thursday and Friday will focus on defence.", FRI)
    assert [t.value for t in found] == ["2025-02-20", "2025-02-21"]
    assert found[1].derivation.anchor_index == 0


def test_plural_present_schedule_verb_points_forward():
    assert only("Voters go to the polls on Sunday.", FRI).value == "2025-02-16"


def test_coming_into_force_points_forward():
    assert only("The law comes into force on Saturday.", FRI).value == "2025-02-15"


def test_an_infinitive_of_a_planned_act_points_forward():
    assert only("Officials expect the bridge to reopen in the spring.").value == "2025-SP"


def test_a_relative_clause_between_commas_does_not_set_the_tense():
    assert (
        only("The summit, which was postponed twice, opens on Sunday.", FRI).value == "2025-02-16"
    )


def test_days_before_an_event_other_than_the_dated_one_stay_a_duration():
    found = find_timexes(
        "The truce took effect on 19 January, three days before the inauguration.", FRI
    )
    assert [(t.text, t.type) for t in found] == [("19 January", "DATE"), ("three days", "DURATION")]


def test_the_corresponding_period_last_year_is_the_same_quarter_a_year_back():
    found = find_timexes(
        "Profit rose in the third quarter, against a loss in the corresponding period last year.",
        WED,
    )
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "2024-Q3"),
        ("the corresponding period last year", "2023-Q3"),
    ]


def test_last_year_in_a_quarterly_comparison_is_that_quarter_a_year_back():
    found = find_timexes(
        "Third-quarter profit was $18 million, against a deficit of $5 million last year.", WED
    )
    assert [(t.text, t.value) for t in found] == [
        ("Third-quarter", "2024-Q3"),
        ("last year", "2023-Q3"),
    ]


def test_last_year_outside_a_quarterly_comparison_is_the_year():
    assert only("Compared with 2 million visitors last year, the park drew more.").value == "2023"


def test_years_later_count_from_the_year_just_mentioned():
    found = find_timexes("She was arrested in 2019 and released three years later.", WED)
    assert [(t.text, t.value) for t in found] == [("2019", "2019"), ("three years later", "2022")]


def test_in_n_units_in_a_future_clause_is_a_date_that_far_ahead():
    t = only("The bridge will reopen in two weeks.", FRI)
    assert (t.text, t.type, t.value) == ("two weeks", "DATE", "2025-W09")


def test_in_n_units_in_a_past_clause_stays_a_duration():
    t = only("Sales grew 5% in two years.", FRI)
    assert (t.type, t.value) == ("DURATION", "P2Y")
