"""Specs for the vocabularies in the model: event types, modalities, granularities."""

from __future__ import annotations

import json

from tracker.layout.lanes import lane_title, order_lanes
from tracker.model import (
    GRANULARITIES,
    LISTED_GRANULARITIES,
    MODALITIES,
    Event,
    EventType,
    Granularity,
    Modality,
)


def test_event_types_are_the_ten_documented_words_in_lane_order():
    assert [str(t) for t in EventType] == [
        "meeting", "statement", "call", "agreement", "aid",
        "sanctions", "military", "election", "protest", "other",
    ]  # fmt: skip


def test_enum_members_are_stored_and_serialised_as_plain_words():
    assert EventType.MEETING == "meeting"
    assert json.dumps({"type": EventType.AID, "modality": Modality.DENIED}) == (
        '{"type": "aid", "modality": "denied"}'
    )
    assert Event(id=None, date=None, title="x").type == "other"
    assert Event(id=None, date=None, title="x").modality == "reported"


def test_every_event_type_has_a_display_name_and_its_own_colour_key():
    assert EventType.MEETING.display_name == "Meeting"
    keys = [t.colour_key for t in EventType]
    assert len(set(keys)) == len(keys)


def test_an_unknown_type_word_is_coerced_to_other():
    assert EventType.coerce("sanctions") is EventType.SANCTIONS
    assert EventType.coerce("cyberattack") is EventType.OTHER
    assert EventType.coerce(None) is EventType.OTHER


def test_modalities_and_listed_granularities():
    assert MODALITIES == ("reported", "planned", "hypothetical", "denied")
    assert Modality.HYPOTHETICAL.display_name == "Hypothetical"
    assert Granularity.HALF not in LISTED_GRANULARITIES
    assert GRANULARITIES == (
        "time", "day", "week", "month", "season", "quarter", "year", "decade", "century",
    )  # fmt: skip
    assert Granularity.coerce("quarter") is Granularity.QUARTER
    assert Granularity.coerce("fortnight") is None


def test_type_lanes_follow_the_enum_order_and_show_display_names():
    members = {"other": [0], "protest": [1], "meeting": [2], "cyber": [3]}
    assert order_lanes("type", members, []) == ["meeting", "protest", "other", "cyber"]
    assert lane_title("meeting", "type") == "Meeting"
    assert lane_title("cyber", "type") == "Cyber"
