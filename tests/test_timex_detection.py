"""Spec: which expressions are temporal, with what extent, type, value and granularity.

Sentences are our own. The anchor is Wednesday 13 November 2024 unless said
otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract.timex import find_timexes

WED = date(2024, 11, 13)


def only(text: str, anchor: date | None = WED, **kw):
    found = find_timexes(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "value", "gran"),
    [
        (
            "The accord was signed on 20 January 2025 in Geneva.",
            "20 January 2025",
            "2025-01-20",
            "day",
        ),
        ("The accord was signed Jan. 20, 2025, in Geneva.", "Jan. 20, 2025", "2025-01-20", "day"),
        ("The accord was signed on January 20th, 2025.", "January 20th, 2025", "2025-01-20", "day"),
        (
            "Talks resume Monday, Jan 20, 2025, officials said.",
            "Monday, Jan 20, 2025",
            "2025-01-20",
            "day",
        ),
        ("The filing is dated 2025-01-20.", "2025-01-20", "2025-01-20", "day"),
        ("Sales fell in Nov 2024 for the third month.", "Nov 2024", "2024-11", "month"),
        ("The plant opened in 2022 after delays.", "2022", "2022", "year"),
        ("The club was founded in the 1990s by students.", "the 1990s", "199", "decade"),
        (
            "Rail spread quickly in the 19th century across Europe.",
            "the 19th century",
            "18",
            "century",
        ),
        ("Output should recover by mid-2023, the bank said.", "mid-2023", "2023", "year"),
        ("Profit rose in Q3 2024 on strong demand.", "Q3 2024", "2024-Q3", "quarter"),
        ("The festival drew record crowds in summer 2023.", "summer 2023", "2023-SU", "season"),
        ("The company lost money in fiscal 1998.", "fiscal 1998", "1998", "year"),
    ],
)
def test_explicit_dates_have_their_own_value_and_granularity(text, expr, value, gran):
    t = only(text)
    assert (t.text, t.type, t.value, t.granularity) == (expr, "DATE", value, gran)
    assert text[t.start : t.end] == expr
    assert t.derivation.anchor == "none"


def test_month_day_without_year_takes_the_year_of_the_anchor():
    t = only("The ceasefire began on Jan. 20, officials said.", date(2025, 2, 3))
    assert (t.text, t.value, t.granularity) == ("Jan. 20", "2025-01-20", "day")
    assert t.derivation.anchor == "document"


def test_coming_date_without_year_points_forward_when_the_clause_does():
    t = only("The new president will be sworn in on January 20.", date(2024, 11, 13))
    assert t.value == "2025-01-20"


def test_early_january_carries_a_start_modifier():
    t = only("Shipments resumed in early January, the firm said.", date(2025, 3, 1))
    assert (t.text, t.value, t.mod) == ("early January", "2025-01", "START")


def test_the_third_quarter_is_the_quarter_of_the_anchor_year():
    t = only("Earnings fell in the third quarter, the company said.", WED)
    assert (t.text, t.value, t.granularity) == ("the third quarter", "2024-Q3", "quarter")


@pytest.mark.parametrize(
    ("day_first", "value"),
    [(True, "2025-01-20"), (False, "2025-01-20")],
)
def test_slash_dates_read_unambiguous_forms_either_way(day_first, value):
    text = "Filed 20/01/2025." if day_first else "Filed 01/20/2025."
    assert only(text, day_first=day_first).value == value


def test_ambiguous_slash_date_follows_the_day_first_setting():
    assert only("Filed 03/04/2025.", day_first=True).value == "2025-04-03"
    assert only("Filed 03/04/2025.", day_first=False).value == "2025-03-04"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the talks may collapse without new money.",
        "Theresa May spoke to reporters outside the building.",
        "Thousands will march through the capital to protest the cuts.",
        "He came second in the race, a second behind the winner.",
        "The shares cost $2,024 each and 1,000 were sold.",
        "Call 555-2024 for tickets, or visit the box office.",
        "The home side won 3-2 after extra time.",
        "ON NOW",
        "Watch the latest | ON NOW | LIVE",
        "The treaty was signed by Jan Kavan of the Czech Republic.",
        "The film High Noon was shown again.",
        "He worried about the future of the alliance.",
        "The office still runs Windows 2000 on old machines.",
        "Analysts praised the quarter-to-quarter comparison.",
        "The survey ran in USA Today and was widely quoted.",
        "She was a guest on NBC's Today show.",
        "He told the Sunday Times he had no regrets.",
        "Black Friday sales disappointed retailers.",
        "Pilgrims filled the square on Palm Sunday.",
    ],
)
def test_false_friends_are_not_dates(text):
    assert [t for t in find_timexes(text, WED) if t.type in ("DATE", "TIME")] == []


def test_a_24_hour_time_in_brackets_after_a_clock_time_is_no_year():
    found = find_timexes("The blast was heard at 12:10 p.m. (1910 in Cairo).", WED)
    assert [t.text for t in found] == ["12:10 p.m."]


def test_may_is_a_month_with_a_day_or_a_preposition():
    found = find_timexes("The vote was held on May 5, and the count ended in May.", WED)
    assert [(t.text, t.value) for t in found] == [("May 5", "2024-05-05"), ("May", "2024-05")]


def test_from_20_to_22_january_is_one_range():
    t = only("The summit runs from 20 to 22 January 2025 in Davos.")
    assert (t.value, t.value_end, t.granularity) == ("2025-01-20", "2025-01-22", "day")


def test_between_march_and_may_is_a_month_range():
    t = only("Prices rose between March and May 2023, the survey found.")
    assert (t.text, t.value, t.value_end) == ("March and May 2023", "2023-03", "2023-05")


def test_year_span_is_a_range():
    t = only("He led the agency in 2014-2022 before retiring.")
    assert (t.text, t.value, t.value_end) == ("2014-2022", "2014", "2022")


def test_durations_are_typed_duration_with_a_period_value():
    found = find_timexes("The war lasted three years and the siege two hours.", WED)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("three years", "DURATION", "P3Y"),
        ("two hours", "DURATION", "PT2H"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices have doubled over the past year.", "P1Y"),
        ("Wages lagged inflation in the last decade.", "P10Y"),
        ("The mill will stay shut for the next year or so.", "P1Y"),
    ],
)
def test_the_past_year_or_decade_is_a_stretch_of_time_not_a_calendar_year(text, value):
    # "over the past year" is the twelve months before the article, not last January-December
    t = only(text)
    assert (t.type, t.value) == ("DURATION", value)


def test_the_past_month_is_still_a_duration():
    t = only("Prices have doubled over the past month.")
    assert (t.type, t.value) == ("DURATION", "P1M")


def test_in_a_day_is_a_duration_not_tomorrow():
    t = only("He boasted he could end the war in a day.")
    assert (t.text, t.type, t.value) == ("a day", "DURATION", "P1D")


def test_every_monday_is_a_set():
    t = only("The market is held every Monday in the square.")
    assert (t.type, t.value) == ("SET", "XXXX-WXX-1")


def test_quarter_adjective_leaves_the_article_outside_the_extent():
    t = only("Analysts blamed the third-quarter loss on weak demand.")
    assert (t.text, t.value) == ("third-quarter", "2024-Q3")


def test_a_year_ago_in_earnings_copy_is_the_same_quarter_a_year_before():
    found = find_timexes("Profit rose in the third quarter from $5 million a year ago.", WED)
    assert [(t.text, t.value) for t in found] == [
        ("the third quarter", "2024-Q3"),
        ("a year ago", "2023-Q3"),
    ]


def test_iso_timestamp_with_zone_is_a_time():
    t = only("Published 2025-01-20T10:32:00Z by the desk.")
    assert (t.text, t.type, t.value, t.granularity) == (
        "2025-01-20T10:32:00Z",
        "TIME",
        "2025-01-20T10:32",
        "time",
    )


def test_clock_time_with_zone_and_weekday_is_one_expression():
    t = only("Polls close at 8 p.m. ET on Tuesday.", date(2025, 1, 22))
    assert (t.text, t.value) == ("8 p.m. ET on Tuesday", "2025-01-21T20:00")


def test_every_two_weeks_is_a_set():
    t = only("The committee meets every two weeks.")
    assert (t.type, t.value) == ("SET", "P2W")


def test_year_before_a_plural_noun_is_still_a_year_but_not_before_a_count_noun():
    assert only("Emissions fell below 2022 levels.").value == "2022"
    assert find_timexes("The firm hired 2000 workers.", WED) == []


def test_month_range_without_year_takes_the_year_from_the_clause():
    t = only("Repairs will run from June to August, the council said.", date(2025, 3, 1))
    assert (t.text, t.value, t.value_end) == ("June to August", "2025-06", "2025-08")


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("We met the day before yesterday.", "the day before yesterday", "2024-11-11"),
        ("Debt should fall by end-2024.", "end-2024", "2024"),
        ("Sales rose in H1 2024.", "H1 2024", "2024-H1"),
        ("Talks began in March; on the 12th they collapsed.", "the 12th", "2024-03-12"),
    ],
)
def test_more_news_forms(text, expr, value):
    t = find_timexes(text, WED)[-1]
    assert (t.text, t.value) == (expr, value)


def test_ordinal_that_is_not_a_day_stays_unmarked():
    assert find_timexes("He finished on the 3rd hole and marked the 20th anniversary.", WED) == []


def test_ages_and_fractions_are_not_durations():
    assert find_timexes("The 6-year-old boy ate three-quarters of the cake.", WED) == []


def test_quarter_durations_are_written_in_months():
    t = only("Sales should recover over the next three quarters.")
    assert (t.text, t.type, t.value) == ("the next three quarters", "DURATION", "P9M")


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The ferry sails at 4 in the morning.", "4 in the morning", "2024-11-13T04:00"),
        ("Sirens sounded at ten o'clock at night.", "ten o'clock at night", "2024-11-13T22:00"),
        ("The shops opened at six o'clock.", "six o'clock", "2024-11-13T06:00"),
    ],
)
def test_spoken_clock_times_are_times_of_the_day(text, expr, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (expr, "TIME", value)


def test_a_score_followed_by_in_the_morning_is_not_a_clock_time():
    assert find_timexes("The team won 2 in the morning session.", WED) == []


def test_the_week_of_a_date_is_that_week():
    t = only("The case will be heard the week of 9 December, a lawyer said.")
    assert (t.text, t.value, t.granularity) == ("the week of 9 December", "2024-W50", "week")


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The merger should close by year-end.", "year-end", "2024"),
        ("Shares are up 12% since year end.", "year end", "2023"),
    ],
)
def test_year_end_is_the_end_of_the_year_in_question(text, expr, value):
    t = only(text)
    assert (t.text, t.value, t.mod) == (expr, value, "END")


def test_part_of_day_takes_the_day_named_in_the_previous_sentence():
    found = find_timexes("Markets fell on Friday. Traders sold heavily in the morning.", WED)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Friday", "DATE", "2024-11-08"),
        ("the morning", "TIME", "2024-11-08TMO"),
    ]


@pytest.mark.parametrize("mod", ["later", "earlier", "Late", "early"])
def test_a_modifier_in_the_day_dates_the_day_already_named(mod):
    found = find_timexes(f"The minister arrived on Monday and left {mod} in the day.", WED)
    assert [(t.text, t.value) for t in found] == [
        ("Monday", "2024-11-11"),
        ("the day", "2024-11-11"),
    ]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The two sides have argued for years over the border.", "years", "PXY"),
        ("A deal may come within weeks.", "weeks", "PXW"),
    ],
)
def test_bare_plural_units_after_a_preposition_are_unspecified_durations(text, expr, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (expr, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The board meets twice a year.", "twice a year", "P1Y"),
        ("Inspectors visit 3 times a month.", "3 times a month", "P1M"),
    ],
)
def test_frequencies_are_sets(text, expr, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (expr, "SET", value)


def test_overnight_is_the_night_before_the_article_day():
    t = only("Shares were hit by overnight losses in New York.")
    assert (t.text, t.type, t.value) == ("overnight", "TIME", "2024-11-12TNI")


def test_overnight_as_a_finance_adjective_is_not_a_time():
    assert find_timexes("The bank raised the overnight rate.", WED) == []


def test_a_quarter_point_is_an_amount_not_a_duration():
    assert find_timexes("The bank cut rates by a quarter point.", WED) == []


def test_a_week_after_doing_something_stays_a_duration():
    t = only("He spoke to reporters a week after meeting the king.")
    assert (t.text, t.type, t.value) == ("a week", "DURATION", "P1W")


def test_the_quarter_ending_in_a_coming_month_is_the_current_quarter():
    found = find_timexes("Results for the quarter ending March 31 are due soon.", date(2025, 2, 14))
    assert (found[0].text, found[0].value) == ("the quarter", "2025-Q1")


def test_in_weeks_time_is_a_date_that_many_weeks_ahead():
    t = only("The bank will publish its forecast in three weeks' time.")
    assert (t.text, t.value) == ("three weeks' time", "2024-W49")


def test_half_of_the_year_is_one_expression():
    t = only("In the second half of the year, sales rose.")
    assert (t.text, t.value) == ("the second half of the year", "2024-H2")


def test_local_time_joins_the_clock_time_to_its_weekday():
    t = only("The attack happened at 2am local time on Sunday.")
    assert (t.text, t.value) == ("2am local time on Sunday", "2024-11-10T02:00")


@pytest.mark.parametrize(
    "text", ["In today's world, few people write letters.", "He chose the leaders of tomorrow."]
)
def test_today_and_tomorrow_as_the_age_in_general_are_not_dates(text):
    assert find_timexes(text, WED) == []


def test_todays_vote_is_a_date():
    assert only("Today's vote matters.").value == "2024-11-13"


def test_clock_time_joins_a_day_first_date():
    t = only("The ceasefire took effect at 8am on 19 January 2025.")
    assert (t.text, t.type, t.value) == ("8am on 19 January 2025", "TIME", "2025-01-19T08:00")


@pytest.mark.parametrize(
    "text",
    [
        "It would be a second betrayal.",
        "The airline runs four flights a week.",
        "The cuts save $500 million a year.",
        "He told 60 Minutes about it.",
    ],
)
def test_ordinals_rates_and_titles_are_not_durations(text):
    assert find_timexes(text, WED) == []


def test_will_one_day_is_a_vague_future():
    t = only("He hopes he will one day return.")
    assert (t.text, t.value) == ("one day", "FUTURE_REF")


def test_the_year_ended_a_date_is_a_twelve_month_period_and_the_date_is_past():
    found = find_timexes("Revenue for the year ended March 31 rose 4%.", date(2025, 2, 14))
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the year", "DURATION", "P1Y"),
        ("March 31", "DATE", "2024-03-31"),
    ]


def test_a_percentage_annually_is_a_rate_not_a_set():
    assert find_timexes("Sales should rise 8.5% annually.", WED) == []


def test_mid_afternoon_is_a_time_of_the_day_in_discussion():
    found = find_timexes("Fighting resumed on Friday. By mid afternoon, the town had fallen.", WED)
    assert [(t.text, t.value) for t in found] == [
        ("Friday", "2024-11-08"),
        ("mid afternoon", "2024-11-08TAF"),
    ]


def test_no_expression_runs_on_into_the_next_paragraph():
    # a weekday closing one paragraph and a date opening the next are two expressions
    text = "The ministers met on Wednesday\n\nJan. 20 is the deadline for the reply."
    found = [(t.text, t.value) for t in find_timexes(text, date(2000, 1, 1))]
    assert found == [("Wednesday", "1999-12-29"), ("Jan. 20", "2000-01-20")]
