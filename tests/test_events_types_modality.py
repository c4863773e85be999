"""Event types and modality (issue 4, points 5 and 6)."""

from __future__ import annotations

from datetime import date

import pytest
from test_events_support import events, only

TYPES = [
    ("The two presidents met in Geneva on Tuesday.", "meeting"),
    ("The chancellor spoke by phone with the Chinese premier on Tuesday.", "call"),
    ("The ministry condemned the decision on Tuesday.", "statement"),
    ("Both governments signed a free trade agreement on Tuesday.", "agreement"),
    ("Germany pledged a new package of military aid on Tuesday.", "aid"),
    ("The EU imposed sanctions on three shipping firms on Tuesday.", "sanctions"),
    ("Missiles struck the port city on Tuesday.", "military"),
    ("Voters elected a new parliament on Tuesday.", "election"),
    ("Thousands of protesters marched through the capital on Tuesday.", "protest"),
    ("The central bank governor resigned on Tuesday.", "other"),
]


@pytest.mark.parametrize(("text", "etype"), TYPES)
def test_each_kind_of_happening_gets_its_type(text, etype):
    assert only(events(text, ("Tuesday", "2024-11-12"))).type == etype


def test_a_past_happening_is_reported():
    ev = only(events("The envoys met in Cairo on Monday.", ("Monday", "2024-11-11")))
    assert ev.modality == "reported"


def test_a_scheduled_happening_is_planned():
    ev = only(events("The envoys will meet in Cairo on Monday.", ("Monday", "2024-11-18")))
    assert ev.modality == "planned"


def test_a_date_after_the_article_date_is_planned_even_without_a_future_verb():
    ev = only(
        events(
            "Talks in Cairo on Dec. 2 are the next step.",
            ("Dec. 2", "2024-12-02"),
            anchor=date(2024, 11, 13),
        )
    )
    assert ev.modality == "planned"


def test_could_and_would_make_a_happening_hypothetical():
    text = "Officials warned the strikes could resume on Friday."
    assert only(events(text, ("Friday", "2024-11-08"))).modality == "hypothetical"


def test_a_negated_happening_is_denied():
    text = "The delegation did not attend the talks on Monday."
    assert only(events(text, ("Monday", "2024-11-11"))).modality == "denied"


def test_a_happening_denied_by_a_party_is_denied():
    text = "A foreign ministry spokesman denied reports that troops crossed the border on Sunday."
    assert only(events(text, ("Sunday", "2024-11-10"))).modality == "denied"


@pytest.mark.parametrize(
    "text",
    [
        "The minister called for a ceasefire on Monday.",
        "The union on Monday continued to call for an inquiry into the fire.",
        "The envoy called on the rebels to disarm on Monday.",
    ],
)
def test_a_call_for_or_on_someone_is_a_demand_not_a_phone_call(text):
    ev = only(events(text, ("on Monday", "2024-11-11")))
    assert ev.type == "statement"


def test_an_order_or_a_contract_won_is_a_deal_not_a_vote():
    ev = only(events("Brenholt won an order for 40 jets on Monday.", ("on Monday", "2024-11-11")))
    assert ev.type == "agreement"
    ev = only(events("The Renewal Party won the election on Monday.", ("on Monday", "2024-11-11")))
    assert ev.type == "election"
