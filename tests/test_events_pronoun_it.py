"""Who "it" stands for in a title: a body that is a subject just before, a happening
just told, the company the story is about, or no one ("it emerged that"). A guess
that reads wrong ("The warning to close two plants") is worse than "It". Our own
sentences."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract

ANCHOR = date(2024, 11, 13)  # a Wednesday


def _titles(text: str) -> dict[str, str]:
    return {e.date: e.title for e in extract(text, ANCHOR).events}


def test_it_after_a_sentence_about_a_body_is_that_body_not_the_noun_it_acted_on():
    titles = _titles(
        "The Norrland Group issued a profit warning on Monday. "
        "It said on Tuesday it would close two plants."
    )
    assert titles["2024-11-12"] == "Norrland Group to close two plants"


def test_it_after_a_body_that_said_so_in_the_same_sentence_is_that_body():
    titles = _titles(
        "Editors issued a call for calm on Thursday. The Press Freedom Committee, a "
        "monitoring group, said on Friday it had recorded 40 attacks on reporters this week."
    )
    (title,) = [t for t in titles.values() if "40 attacks" in t]
    assert "Press Freedom Committee" in title
    assert not title.startswith("The call")


def test_it_goes_on_about_a_happening_its_sentence_or_the_one_before_told():
    titles = _titles("Activists held a march in Lima on Saturday. It drew thousands of people.")
    assert "The march draws thousands of people" in titles.values()


@pytest.mark.parametrize(
    "text",
    [
        "Talks on water rights opened in Lima on Monday. "
        "On Tuesday it emerged that the delegates had left.",
        "Talks on water rights opened in Lima on Monday. "
        "On Tuesday it seemed that the delegates had left.",
    ],
)
def test_it_before_emerged_or_seemed_stands_for_no_one(text):
    title = _titles(text)["2024-11-12"]
    assert title.startswith("It "), title


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a noun after a preposition is a setting, not what "it" goes on about
        (
            "Rescue teams reached the town on Wednesday after the storm. "
            "It was covered by two feet of snow on Thursday.",
            "The storm",
        ),
        # a place named in passing is no subject to guess
        (
            "Rescue teams reached Milwaukee on Wednesday. "
            "It was covered by two feet of snow on Thursday.",
            "Milwaukee covered",
        ),
        # a verb taken for a noun before its object is no happening
        (
            "Would the new show make us laugh on Monday, critics wondered. "
            "It made no attempt to do so on Tuesday.",
            "The make",
        ),
    ],
)
def test_it_is_not_guessed_from_a_setting_a_passing_place_or_a_verb(text, wrong):
    titles = _titles(text)
    assert not any(t.startswith(wrong) for t in titles.values()), titles


def test_it_after_a_body_that_opens_the_story_after_its_dateline_is_that_body():
    titles = _titles(
        "OSLO (Wire) - The Nordic Freight Board said on Wednesday it would raise its fees "
        "by a tenth next month."
    )
    assert titles["2024-12"] == "Nordic Freight Board to raise its fees by a tenth"
