"""Specs for publication dates found near the top of an article's text."""

from __future__ import annotations

import datetime

import pytest

from tracker.ingest import find_dateline
from tracker.ingest.dateline import parse_date

NOV_13 = datetime.date(2024, 11, 13)
BODY = "\nThe delegations met for three hours and agreed to talk again next month.\n"


@pytest.mark.parametrize(
    "head",
    [
        "13/11/2024",
        "Nov. 13, 2024",
        "November 13th, 2024",
        "Published 13 November 2024 10:02",
        "Wednesday, 13 November 2024",
        "WASHINGTON, Nov. 13, 2024 (Reuters) - Officials said talks would resume.",
        "Brussels, 13.11.2024",
        "By Tomas Reyes | 2024-11-13T10:02:00Z",
        "Publié le 13 novembre 2024 à 10h02",
        "13 de noviembre de 2024",
        "2024年11月13日",
    ],
)
def test_dateline_forms_give_the_day(head):
    assert find_dateline("Ferry service resumes\n" + head + BODY) == NOV_13


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, Nov. 13 (Reuters) - Officials said talks would resume.",
        "Ferry service resumes\nIn 2024 the ferry carried more passengers than ever.",
        "Ferry service resumes\n2024\nThe ferry sailed.",
        "Ferry service resumes\nPublished November 2024\nThe ferry sailed.",
        "Ministers will meet in Valletta on 13 November 2024 to sign the deal.",
        "The 3 Amigos 2024 tour was cancelled.",
        "Timeline of the crisis\n24 February 2022: troops crossed the border at dawn.",
        "13 November 2024 was a turning point for the talks.",
        "",
    ],
)
def test_no_dateline_without_a_full_date_at_the_top(text):
    assert find_dateline(text) is None


def test_a_date_far_below_the_top_is_not_a_dateline():
    text = "Ferry service resumes\n" + "Filler line.\n" * 20 + "13 November 2024\n"
    assert find_dateline(text) is None


def test_published_beats_updated_whatever_the_order():
    text = "Ferry service resumes\nUpdated 15 Nov 2024\nPublished 13 Nov 2024\n" + BODY
    assert find_dateline(text) == NOV_13


def test_updated_on_label_is_recognised():
    text = "Ferry service resumes\nUpdated on 15 Nov 2024 | Published 13 Nov 2024\n" + BODY
    assert find_dateline(text) == NOV_13


def test_first_dateline_wins():
    assert find_dateline("12 November 2024\n13 November 2024\n" + BODY) == datetime.date(
        2024, 11, 12
    )


def test_day_first_when_the_day_is_over_twelve():
    assert find_dateline("25/12/2023" + BODY) == datetime.date(2023, 12, 25)


def test_impossible_dates_are_ignored():
    assert find_dateline("31/02/2024" + BODY) is None
    assert find_dateline("13 November 2999" + BODY) is None


def test_parse_date_reads_metadata_strings():
    assert parse_date("2024-11-13T10:02:00+01:00") == NOV_13
    assert parse_date("Wed, 13 Nov 2024 10:02:00 GMT") == NOV_13
    assert parse_date("Nov 13") is None
    assert parse_date("2024") is None
    assert parse_date("not a date 2024") is None
