"""Store specs: schema versioning, foreign keys, events round-trip, edits survive re-extraction."""

from __future__ import annotations

import pytest

from tracker import store
from tracker.extract.types import ExtractedEvent, Mention
from tracker.model import Article
from tracker.store import articles as article_store
from tracker.store import events as event_store
from tracker.store.events import EventFilter

TEXT = "Ministers met in Brussels on 13 November 2024. Leaders gathered again in 2025."


def _event(date: str, start: int, end: int, title: str, **kw) -> ExtractedEvent:
    return ExtractedEvent(
        date=date,
        granularity=kw.pop("granularity", "day"),
        title=title,
        timex=TEXT[start:end],
        timex_start=start,
        timex_end=end,
        sentence_start=0,
        sentence_end=46,
        **kw,
    )


def _meeting_and_gathering() -> list[ExtractedEvent]:
    return [
        _event("2024-11-13", 29, 45, "Ministers meet"),
        _event("2025", 72, 76, "Leaders gather", granularity="year"),
    ]


def _db_with_article():
    db = store.connect(memory=True)
    aid = article_store.insert_article(
        db,
        Article(
            id=None, title="Brussels talks", text=TEXT, anchor_date="2024-11-13", date_source="cli"
        ),
    )
    return db, aid


def test_schema_version_is_recorded_and_migrations_are_idempotent(tmp_path):
    path = tmp_path / "t.db"
    db = store.connect(path)
    version = store.schema_version(db)
    assert version >= 1
    db.close()
    again = store.connect(path)
    assert store.schema_version(again) == version
    assert again.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert again.execute("pragma foreign_keys").fetchone()[0] == 1


def test_events_round_trip_with_actors_and_passages():
    db, aid = _db_with_article()
    ev = _event(
        "2024-11-13",
        29,
        45,
        "Ministers meet in Brussels",
        actors=("NATO", "Antony Blinken"),
        actor_kinds=("org", "person"),
        location="Brussels",
        type="meeting",
        mentions=(Mention("2025", 72, 76, 47, 78),),
    )
    assert event_store.replace_extracted(db, aid, [ev], TEXT) == 1
    [got] = event_store.query_events(db)
    assert (got.date, got.title, got.type, got.location) == (
        "2024-11-13",
        "Ministers meet in Brussels",
        "meeting",
        "Brussels",
    )
    assert [(a.name, a.kind) for a in got.actors] == [("NATO", "org"), ("Antony Blinken", "person")]
    assert [p.timex for p in got.passages] == ["13 November 2024", "2025"]
    assert got.passages[0].quote == "Ministers met in Brussels on 13 November 2024."
    assert got.article_title == "Brussels talks"


def test_user_edits_and_deletions_survive_reextraction():
    db, aid = _db_with_article()
    first = _event("2024-11-13", 29, 45, "Ministers meet")
    second = _event("2025", 72, 76, "Leaders gather", granularity="year")
    event_store.replace_extracted(db, aid, [first, second], TEXT)
    by_title = {e.title: e for e in event_store.query_events(db)}
    event_store.record_edit(db, by_title["Ministers meet"].id, "title", "NATO ministers meet")
    event_store.record_edit(db, by_title["Ministers meet"].id, "actors", ["NATO"])
    event_store.record_edit(db, by_title["Leaders gather"].id, "deleted", True)

    event_store.replace_extracted(db, aid, [first, second], TEXT)  # as a re-anchor would
    events = event_store.query_events(db)
    assert [e.title for e in events] == ["NATO ministers meet"]
    assert [a.name for a in events[0].actors] == ["NATO"]


def test_reextraction_keeps_the_ids_of_events_at_the_same_span():
    db, aid = _db_with_article()
    event_store.replace_extracted(db, aid, _meeting_and_gathering(), TEXT)
    before = {e.title: e.id for e in event_store.query_events(db)}
    # A re-anchor moves one date and drops the other event.
    assert (
        event_store.replace_extracted(
            db, aid, [_event("2024-11-14", 29, 45, "Ministers meet")], TEXT
        )
        == 1
    )
    [after] = event_store.query_events(db)
    assert (after.id, after.date) == (before["Ministers meet"], "2024-11-14")
    assert [p.timex for p in after.passages] == ["13 November 2024"]
    assert event_store.get_event(db, before["Leaders gather"]) is None


def test_editing_an_event_that_is_gone_names_it():
    db, _aid = _db_with_article()
    with pytest.raises(KeyError, match="999"):
        event_store.record_edit(db, 999, "title", "Anything")


def test_search_covers_event_titles_and_quotes_and_whole_articles_only_when_asked():
    db, aid = _db_with_article()
    event_store.replace_extracted(db, aid, [_event("2024-11-13", 29, 45, "Ministers meet")], TEXT)
    assert len(event_store.query_events(db, EventFilter(search="ministers"))) == 1
    assert len(event_store.query_events(db, EventFilter(search="Bruss"))) == 1  # quote, prefix
    # The article's title is not the event's: only the "articles" scope finds it there.
    assert event_store.query_events(db, EventFilter(search="talks")) == []
    assert (
        len(event_store.query_events(db, EventFilter(search="talks", search_scope="articles"))) == 1
    )
    assert event_store.query_events(db, EventFilter(search="Moscow")) == []
    # FTS syntax in user input is just text, never an error.
    assert event_store.query_events(db, EventFilter(search='"AND OR ( *')) == []


def test_date_filters_compare_at_each_events_granularity():
    db, aid = _db_with_article()
    event_store.replace_extracted(db, aid, _meeting_and_gathering(), TEXT)
    titles = lambda f: [e.title for e in event_store.query_events(db, f)]  # noqa: E731
    assert titles(EventFilter(date_from="2025")) == ["Leaders gather"]
    assert titles(EventFilter(date_to="2024-11")) == ["Ministers meet"]
    assert titles(EventFilter(date_from="2024-11-01", date_to="2024-11-30")) == ["Ministers meet"]


def test_date_filters_see_quarters_weeks_and_seasons_as_the_days_they_cover():
    db, aid = _db_with_article()
    events = [
        _event("2024-Q3", 0, 9, "Quarter result", granularity="quarter"),
        _event("2024-W46", 17, 23, "Week of talks", granularity="week"),
        _event("2025-WI", 29, 45, "Winter campaign", granularity="season"),
    ]
    event_store.replace_extracted(db, aid, events, TEXT)
    titles = lambda f: sorted(e.title for e in event_store.query_events(db, f))  # noqa: E731
    # Q3 began in July; week 46 of 2024 runs 11-17 November; winter 2025 starts in December 2024.
    assert titles(EventFilter(date_to="2024-07")) == ["Quarter result"]
    assert titles(EventFilter(date_from="2024-11-17", date_to="2024-11-30")) == ["Week of talks"]
    assert titles(EventFilter(date_from="2024-12-25", date_to="2024-12-25")) == ["Winter campaign"]
    assert titles(EventFilter(date_from="2024-10")) == ["Week of talks", "Winter campaign"]


def test_an_event_reported_by_several_articles_counts_each_source():
    db = store.connect(memory=True)
    ids = []
    for i, title in enumerate(["Report A", "Report B", "Report C"]):
        ids.append(
            article_store.insert_article(
                db,
                Article(
                    id=None,
                    title=title,
                    text=f"{TEXT} ({i})",
                    anchor_date="2024-11-13",
                    date_source="cli",
                ),
            )
        )
    same = _event(
        "2024-11-13",
        29,
        45,
        "Ministers meet",
        type="meeting",
        actors=("NATO",),
        actor_kinds=("org",),
    )
    other_actor = _event(
        "2024-11-13",
        29,
        45,
        "Ministers meet",
        type="meeting",
        actors=("ASEAN",),
        actor_kinds=("org",),
    )
    event_store.replace_extracted(db, ids[0], [same], TEXT)
    event_store.replace_extracted(db, ids[1], [same], TEXT)
    event_store.replace_extracted(db, ids[2], [other_actor], TEXT)
    counts = {(e.article_title, e.source_count) for e in event_store.query_events(db)}
    assert counts == {("Report A", 2), ("Report B", 2), ("Report C", 1)}


def test_events_are_built_from_every_field_of_the_model():
    # The store fills Event and Passage without their __init__ (fast for 100,000
    # events), so its field lists must name every field of the model classes.
    from dataclasses import fields

    from tracker.model import Event, Passage
    from tracker.store import events as event_store

    assert sorted(event_store._EVENT_FIELDS) == sorted(f.name for f in fields(Event))
    assert sorted(event_store._PASSAGE_FIELDS) == sorted(f.name for f in fields(Passage))


def test_date_filters_agree_with_the_periods_events_cover():
    # The date filters test the text of a date before computing its period (for
    # speed); they must keep exactly the events whose period meets the range.
    import itertools
    from datetime import date as day

    from tracker.model import event_span
    from tracker.store import events as event_store
    from tracker.store.events import EventFilter

    db = store.connect(":memory:")
    values = [
        ("2019-12-30", "day", None), ("2020-W01", "week", None), ("2020-W53", "week", None),
        ("2019-W01", "week", None), ("2020-Q4", "quarter", None), ("2020-WI", "season", None),
        ("202", "decade", None), ("201", "decade", None), ("2020", "year", None),
        ("2020-12", "month", None), ("2018-05-01", "day", "2021-02"), ("2021-01", "month", None),
        ("2022-03-04", "day", "2020-01-01"), ("PRESENT_REF", None, None), ("2015", "year", None),
    ]  # fmt: skip
    article = (
        db.table("articles")
        .insert({"title": "t", "text": "x", "content_hash": "h", "date_source": "none"})
        .last_pk
    )
    for value, granularity, end in values:
        db.table("events").insert(
            {"article_id": article, "key": value, "date": value, "granularity": granularity,
             "date_end": end, "title": value, "created_by": "extractor"}
        )  # fmt: skip
    bounds = [None, "2019", "2019-12", "2020", "2020-12-31", "2021", "2021-01-03", "2016"]
    for lo, hi in itertools.product(bounds, bounds):
        got = {e.date for e in event_store.query_events(db, EventFilter(date_from=lo, date_to=hi))}
        want = set()
        for value, granularity, end in values:
            span = event_span(value, granularity, end)
            if span is None:
                if lo is None and hi is None:
                    want.add(value)
                continue
            first = event_span(lo) if lo else None
            last = event_span(hi) if hi else None
            if first and day.fromisoformat(span.end_day) < day.fromisoformat(first.start_day):
                continue
            if last and day.fromisoformat(span.start_day) > day.fromisoformat(last.end_day):
                continue
            want.add(value)
        assert got == want, (lo, hi)
