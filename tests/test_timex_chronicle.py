"""A dated list written without its years takes them from its order (`timex.chronicle`)."""

from __future__ import annotations

import doctest
from datetime import date

from tracker import extract
from tracker.extract.timex import chronicle, find_timexes

# A list of losses since a deployment began, published on 14 March 2022, in
# order, with its years left out: two new years are crossed.
LOSSES = """Losses since the deployment began
Forty-one members of the mission have died since it started. This is the list:
September 14: A driver was killed when his truck left a mountain road.
October 2: Two engineers died when their boat capsized on the lake.
He had served for eleven years.
November 20: A medic was shot dead at a checkpoint near the border.
January 9: A pilot died when his helicopter came down in fog; his co-pilot was hurt on January 8 in a landing.
May 30: A signaller was killed by a mine.
August 2: Three soldiers died in an ambush on a supply convoy.
December 28: An officer died of a heart attack at the base.
February 3: A sergeant was killed by a sniper.
March 11: Two guards died in a rocket attack on the airport.
"""


def _days(text: str, anchor: date) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, anchor) if t.type == "DATE"}


def test_a_list_in_order_crosses_new_years_where_its_months_fall_back():
    days = _days(LOSSES, date(2022, 3, 14))
    assert days["September 14"] == "2020-09-14"
    assert days["November 20"] == "2020-11-20"
    assert days["January 9"] == "2021-01-09"
    assert days["December 28"] == "2021-12-28"
    assert days["February 3"] == "2022-02-03"
    assert days["March 11"] == "2022-03-11"


def test_a_date_inside_an_entry_is_the_one_nearest_the_entry():
    # "hurt on January 8" inside the January 9 entry of 2021, not January 2022.
    assert _days(LOSSES, date(2022, 3, 14))["January 8"] == "2021-01-08"


def test_the_events_of_the_list_take_its_years():
    result = extract.extract(LOSSES, date(2022, 3, 14))
    dates = {e.date for e in result.events}
    assert {"2020-10-02", "2021-05-30", "2021-08-02"} <= dates
    assert "2021-09-14" not in dates and "2022-01-09" not in dates


def test_an_entry_that_gives_its_year_fixes_the_others():
    text = (
        "Key dates\n"
        "November 3, 2019: The talks opened in a lakeside hotel.\n"
        "December 12: The delegations walked out.\n"
        "February 20: A draft was agreed.\n"
        "June 2: The accord was signed.\n"
    )
    days = _days(text, date(2024, 6, 1))
    assert days["December 12"] == "2019-12-12"
    assert days["February 20"] == "2020-02-20"
    assert days["June 2"] == "2020-06-02"


def test_a_schedule_told_in_the_future_lies_ahead_of_the_article():
    text = (
        "The road to the vote\n"
        "November 28: Parties will file their lists of candidates.\n"
        "December 15: Campaigning will open across the country.\n"
        "January 20: Voters will go to the polls.\n"
    )
    days = _days(text, date(2023, 11, 1))
    assert days["November 28"] == "2023-11-28"
    assert days["January 20"] == "2024-01-20"


def test_a_list_told_latest_first_steps_back_into_the_year_before():
    text = (
        "Latest first\n"
        "- March 2: The third round of talks ended without a deal.\n"
        "- January 17: The second round was held in Vienna.\n"
        "- November 30: The first round was held in Oslo.\n"
    )
    days = _days(text, date(2023, 3, 5))
    assert days["March 2"] == "2023-03-02"
    assert days["November 30"] == "2022-11-30"


def test_a_list_out_of_order_is_read_one_entry_at_a_time():
    # Four entries going nowhere in particular: each is read by its own tense,
    # the latest such day on or before the article's date.
    text = (
        "Notes\n"
        "March 4: The fair was held.\n"
        "September 20: A new director was named.\n"
        "January 2: The museum reopened.\n"
        "August 9: The roof was repaired.\n"
    )
    days = _days(text, date(2024, 10, 1))
    assert days["March 4"] == "2024-03-04"
    assert days["September 20"] == "2024-09-20"
    assert days["August 9"] == "2024-08-09"


def test_dates_that_do_not_open_a_line_are_no_list():
    text = (
        "The talks began on November 3. They stalled on December 12. "
        "A draft came on February 20. It was signed on June 2."
    )
    days = _days(text, date(2024, 6, 10))
    assert days["November 3"] == "2023-11-03"
    assert days["June 2"] == "2024-06-02"


def test_the_examples_of_the_chronicle_module_hold():
    assert doctest.testmod(chronicle).attempted >= 8
    assert doctest.testmod(chronicle).failed == 0
