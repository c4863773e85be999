"""Specs for the one event serializer behind `events --json`, `extract` JSON and the CSV."""

from __future__ import annotations

import json

from tracker.export.serialize import (
    CSV_COLUMNS,
    EVENTS_JSON_KEYS,
    EXTRACT_JSON_KEYS,
    event_record,
    extracted_event_json,
)
from tracker.extract.types import ExtractedEvent, Mention
from tracker.model import Actor, Event, EventType, Modality, Passage

# The event fields of the `tracker extract` contract in DESIGN.md.
CONTRACT_EXTRACT_KEYS = {
    "date", "date_end", "granularity", "title", "type", "modality", "confidence", "importance",
    "actors", "location", "timex", "timex_start", "timex_end", "sentence_start", "sentence_end",
}  # fmt: skip
# Added beside them (issue 11): titles of office by actor, and how the event was dated.
EXTRACT_ADDITIONS = {"actor_roles", "dated_by"}


def _extracted() -> ExtractedEvent:
    return ExtractedEvent(
        date="2024-W46",
        granularity="week",
        title="Envoys meet in Geneva",
        timex="next week",
        timex_start=40,
        timex_end=49,
        sentence_start=0,
        sentence_end=60,
        type=EventType.MEETING,
        modality=Modality.PLANNED,
        confidence=0.85,
        importance=0.7,
        actors=("Jane Doe", "Ruritania"),
        actor_kinds=("person", "country"),
        location="Geneva",
        relative=True,
        mentions=(Mention("that week", 90, 99, 70, 120),),
    )


def test_an_extracted_event_has_exactly_the_contract_keys_and_values():
    d = extracted_event_json(_extracted())
    assert set(d) == CONTRACT_EXTRACT_KEYS | EXTRACT_ADDITIONS == set(EXTRACT_JSON_KEYS)
    assert d["actor_roles"] == {} and d.pop("dated_by") == "text"
    del d["actor_roles"]
    assert d == {
        "date": "2024-W46",
        "date_end": None,
        "granularity": "week",
        "title": "Envoys meet in Geneva",
        "type": "meeting",
        "modality": "planned",
        "confidence": 0.85,
        "importance": 0.7,
        "actors": ["Jane Doe", "Ruritania"],
        "location": "Geneva",
        "timex": "next week",
        "timex_start": 40,
        "timex_end": 49,
        "sentence_start": 0,
        "sentence_end": 60,
    }


def test_enum_values_are_written_as_their_plain_words():
    text = json.dumps(extracted_event_json(_extracted()))
    assert '"type": "meeting"' in text
    assert '"modality": "planned"' in text


def test_a_stored_event_carries_its_days_source_and_first_passage():
    ev = Event(
        id=3,
        date="2024-Q3",
        title="Quarterly figures",
        granularity="quarter",
        actors=(Actor("Acme Corp", "org"),),
        passages=(Passage(5, 0, 30, 10, 17, "in Q3", "Acme grew in Q3."),),
        article_id=5,
        article_title="Results",
    )
    d = event_record(ev)
    assert list(d) == list(EVENTS_JSON_KEYS)
    assert (d["id"], d["start_day"], d["end_day"]) == (3, "2024-07-01", "2024-09-30")
    assert (d["timex"], d["quote"], d["source_count"]) == ("in Q3", "Acme grew in Q3.", 1)
    assert d["actors"] == ["Acme Corp"]
    assert d["type"] == "other" and d["created_by"] == "extractor"


def test_an_event_without_passages_or_a_placeable_date_writes_nulls():
    d = event_record(Event(id=1, date=None, title="Undated"))
    assert (d["start_day"], d["end_day"], d["timex"], d["quote"]) == (None, None, None, None)


def test_csv_columns_come_from_the_same_fields():
    row = event_record(Event(id=9, date="2024-11-13", title="x"), CSV_COLUMNS)
    assert row["event_id"] == 9 and row["start_day"] == row["end_day"] == "2024-11-13"


def test_a_record_maker_writes_what_event_record_writes():
    # `events --json` writes with a generated function; it must agree with FIELDS.
    from tracker.export import serialize
    from tracker.model import Actor, Event, Passage

    ev = Event(
        id=7,
        date="2024-Q3",
        title="Talks",
        granularity="quarter",
        type="meeting",
        actors=(Actor("NATO", "organization", 3),),
        passages=(Passage(2, 0, 10, 3, 7, "July", "In July they met.", 11, 7),),
        article_id=2,
        article_title="A",
        article_date="2024-07-02",
        article_url="u",
        sources=3,
    )
    bare = Event(
        id=8,
        date="PRESENT_REF",
        title="Now",
        actors=(Actor("Chen Wei", "person", 4, role="envoy"), Actor("NATO")),
        other_dates=(("2024-07-01", 2),),
    )
    keys = tuple(serialize.FIELDS)
    for event in (ev, bare):
        assert serialize.record_maker(keys)(event) == serialize.event_record(event, keys)
        assert serialize.record_maker(serialize.EVENTS_JSON_KEYS)(event) == serialize.event_record(
            event
        )
    assert serialize.record_maker(keys)(bare)["quote"] is None
    assert serialize.record_maker(keys)(bare)["start_day"] is None
