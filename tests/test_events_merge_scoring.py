"""Merging mentions of one event, confidence and importance (issue 4, points 7 and 8)."""

from __future__ import annotations

from test_events_support import events


def test_two_passages_about_the_same_meeting_merge_into_one_event():
    text = (
        "Antony Blinken met NATO allies in Brussels on Wednesday. "
        "Diplomats said the mood was tense. "
        "On Wednesday, Blinken also held talks with the NATO secretary-general."
    )
    evs = events(
        text, ("Wednesday", "2024-11-13", "DATE", 0), ("Wednesday", "2024-11-13", "DATE", 1)
    )
    assert len(evs) == 1
    assert len(evs[0].mentions) == 1
    assert evs[0].mentions[0].timex_start > evs[0].timex_start


def test_different_happenings_on_the_same_day_stay_apart():
    text = (
        "Russian drones struck Odesa on Wednesday. "
        "Separately, the EU agreed a new sanctions package on Wednesday."
    )
    evs = events(
        text, ("Wednesday", "2024-11-13", "DATE", 0), ("Wednesday", "2024-11-13", "DATE", 1)
    )
    assert len(evs) == 2


def test_a_happening_dated_by_its_month_and_by_its_day_is_one_event_the_day_s():
    text = (
        "Tartu to host Baltic ministers in December\n\n"
        "The foreign ministers of Estonia and Latvia will meet in Tartu on 2 December."
    )
    evs = events(text, ("in December", "2024-12"), ("on 2 December", "2024-12-02"))
    assert [e.date for e in evs] == ["2024-12-02"]
    assert len(evs[0].mentions) == 1
    # A meeting elsewhere in the month stays apart.
    text = "Ministers will meet in Riga in December. Envoys will meet in Tartu on 2 December."
    evs = events(text, ("in December", "2024-12"), ("on 2 December", "2024-12-02"))
    assert sorted(e.date for e in evs) == ["2024-12", "2024-12-02"]


def test_the_headline_happening_is_more_important_than_a_background_fact():
    text = (
        "Ukraine and Poland signed a defence pact in Warsaw on Tuesday. "
        "Officials spoke at length about the weather and the venue. "
        "The two countries fought a border dispute in 1921."
    )
    headline, background = events(text, ("Tuesday", "2024-11-12"), ("1921", "1921"))
    assert headline.importance > background.importance


def test_a_date_that_only_stamps_a_statement_scores_low_importance_and_confidence():
    text = (
        "Iran launched drones at Israel on Saturday. "
        "Israel's government said on Tuesday that it would retaliate at a time of its choosing."
    )
    strike, statement = events(text, ("Saturday", "2024-11-09"), ("Tuesday", "2024-11-12"))
    assert statement.importance < strike.importance
    assert statement.confidence < strike.confidence


def test_scores_stay_between_zero_and_one():
    text = "Talks collapsed on Friday. Leaders will meet again next year. They might sign in 2026."
    evs = events(text, ("Friday", "2024-11-08"), ("next year", "2025"), ("2026", "2026"))
    assert evs
    for ev in evs:
        assert 0.0 <= ev.confidence <= 1.0
        assert 0.0 <= ev.importance <= 1.0


def test_two_statements_on_the_same_day_by_different_speakers_stay_apart():
    text = (
        "President Ruto told his cabinet on Sunday that Kenyan troops would deploy to Haiti. "
        "Defence minister Ann Wairimu said Sunday that the army had attacked a rebel camp."
    )
    evs = events(text, ("Sunday", "2024-11-10", "DATE", 0), ("Sunday", "2024-11-10", "DATE", 1))
    assert len(evs) == 2
