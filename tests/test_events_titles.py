"""Event titles read like timeline entries (issue 4, point 2)."""

from __future__ import annotations

from datetime import date

from test_events_support import events, only

_DANGLING = {"a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "and", "by", "from"}


def test_a_title_says_who_did_what_where_without_the_date_or_the_reporting_frame():
    text = (
        "On Wednesday, Secretary of State Antony Blinken met NATO and EU officials "
        "in Brussels, the State Department said."
    )
    ev = only(events(text, ("Wednesday", "2024-11-13")))
    assert ev.title == "Blinken meets NATO and EU officials in Brussels"


def test_a_passive_happening_gets_a_headline_participle():
    text = "Donald Trump was inaugurated on Monday in a ceremony moved indoors by the cold."
    ev = only(events(text, ("Monday", "2025-01-20"), anchor=date(2025, 1, 21)))
    assert ev.title.startswith("Trump inaugurated")


def test_a_scheduled_happening_reads_as_to_do():
    text = "The foreign minister will travel to Beijing on Friday for two days of talks."
    ev = only(events(text, ("Friday", "2024-11-15")))
    assert ev.title.lower().startswith("the foreign minister to travel to beijing")


def test_a_long_clause_is_clipped_to_about_ninety_characters_without_a_dangling_word():
    text = (
        "Leaders of the Group of Seven agreed on Thursday to use the windfall profits of "
        "immobilised central bank assets to back a large loan to Kyiv that would be repaid "
        "over many years through the returns of those assets."
    )
    ev = only(events(text, ("Thursday", "2024-06-13")))
    assert len(ev.title) <= 90
    assert ev.title.split()[-1].lower() not in _DANGLING
    assert "Thursday" not in ev.title


def test_a_title_never_keeps_the_left_over_preposition_of_the_date():
    text = "Russia's full-scale invasion of Ukraine began in February 2022."
    ev = only(events(text, ("February 2022", "2022-02")))
    assert ev.title == "Russia's full-scale invasion of Ukraine begins"
