"""Page furniture, questions and teasers are no events; headlines never end on a bare
noun, a gerund or a conditional 'would' (issue 11, items 1 and 6)."""

from __future__ import annotations

import doctest
from datetime import date

from test_events_support import events, only

from tracker.extract.events import chrome, filters
from tracker.extract.events.noise import QUIET
from tracker.extract.events.scoring import importance


def test_the_rules_examples_run():
    assert doctest.testmod(chrome).failed == 0
    assert doctest.testmod(filters).failed == 0


def test_page_stamps_date_no_event():
    text = (
        "(Updated 7:40 p.m.) The envoy landed in Cairo on Friday. "
        "Great post. Posted by: reader1 | Nov. 13, 2024 10:53 AM"
    )
    evs = events(
        text,
        ("7:40 p.m.", "2024-11-13T19:40"),
        ("Friday", "2024-11-08"),
        ("Nov. 13, 2024", "2024-11-13"),
    )
    assert [e.date for e in evs] == ["2024-11-08"]


def test_a_question_or_a_teaser_is_no_event():
    text = (
        "Where does the alliance go from here after Monday? "
        "Here's what the ministers said on Tuesday."
    )
    assert events(text, ("Monday", "2024-11-11"), ("Tuesday", "2024-11-12")) == []


def test_a_noun_carried_by_a_light_verb_makes_a_headline_not_a_bare_noun():
    text = "The firm showed a tablet for students, which goes on sale in June."
    ev = only(events(text, ("June", "2025-06"), anchor=date(2025, 3, 4)))
    assert ev.title == "A tablet for students to go on sale"


def test_a_bare_event_noun_takes_the_verb_that_governs_it():
    text = "Delegates from forty countries attended the ceremony on Friday."
    ev = only(events(text, ("Friday", "2024-11-08")))
    assert ev.title == "Delegates from forty countries attend the ceremony"


def test_what_a_company_said_it_would_do_reads_as_planned_and_it_is_the_company():
    text = "Ostmark Bank said on Tuesday it would close 40 branches next year."
    evs = events(text, ("Tuesday", "2024-11-12"), ("next year", "2025"))
    titles = {e.date: e.title for e in evs}
    assert titles["2025"] == "Ostmark Bank to close 40 branches"
    assert titles.get("2024-11-12", "Ostmark Bank says it will").startswith(
        "Ostmark Bank says it will"
    )


def test_a_get_passive_a_participle_and_an_adverb_before_the_verb():
    text = (
        "Two of the pumps got broken in the storm on Monday. "
        "The bank last raised rates in March. "
        "Orla Vance took the stage on Tuesday, unveiling a folding phone."
    )
    evs = events(text, ("Monday", "2024-11-11"), ("March", "2024-03"), ("Tuesday", "2024-11-12"))
    titles = [e.title for e in evs]
    assert "Two of the pumps broken in the storm" in titles
    assert "The bank raises rates" in titles
    assert not any(" got " in t or "unveiling" in t for t in titles)


def test_a_year_ago_figure_of_the_clause_is_a_quiet_event_a_compared_one_none():
    text = (
        "Harlow Mills earned $7 million in the year-ago quarter. "
        "Exports rose to $4 billion, up from $3 billion in 2021."
    )
    evs = events(text, ("the year-ago quarter", "2023-Q4"), ("2021", "2021"))
    assert [e.date for e in evs] == ["2023-Q4"]
    assert evs[0].importance == QUIET
    assert importance("other", 0, 2, False, "2023-Q4", date(2024, 11, 13)) > QUIET


def test_an_announced_new_thing_is_an_event_an_announced_plan_is_not():
    text = (
        "Kestrel announced a tablet for schools on Tuesday. Kestrel announced the plan on Monday."
    )
    evs = events(text, ("Tuesday", "2024-11-12"), ("Monday", "2024-11-11"))
    assert [e.title for e in evs] == ["Kestrel announces a tablet for schools"]
