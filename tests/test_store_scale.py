"""What makes large databases quick must not change what they say: stored event days
(schema m006) always match the dates, and a listing reads the same by id or by scan."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations
from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

from tracker import services
from tracker.export.serialize import event_record
from tracker.model import event_span
from tracker.store import events as event_store
from tracker.store import maintenance, schema
from tracker.store.events import EventFilter


def stored_days(db, event_id: int) -> tuple[str | None, str | None]:
    return tuple(
        db.execute("select start_day, end_day from events where id = ?", [event_id]).fetchone()
    )


def days_of(value, granularity=None, end=None) -> tuple[str | None, str | None]:
    span = event_span(value, granularity, end)
    return (span.start_day, span.end_day) if span is not None else (None, None)


def given_a_database_before_stored_days(path: Path) -> None:
    """A database as the Tracker before m006 left it, with events written by plain SQL."""
    before = Migrations("tracker")
    for migration in schema.migrations._migrations:
        if migration.name < "m006":
            before(name=migration.name)(migration.fn)
    db = Database(path)
    before.apply(db)
    db.execute("PRAGMA user_version = 5")
    article = db.execute(
        "insert into articles (title, text, content_hash, date_source) values ('t', 'x', 'h', 'none')"
    ).lastrowid
    for value, granularity, end in [
        ("2020-W53", "week", None),
        ("2020-WI", "season", None),
        ("2018-05-01", "day", "2021-02"),
        ("PRESENT_REF", None, None),
        ("2024-11-13", "day", None),
    ]:
        db.execute(
            "insert into events (article_id, key, date, granularity, date_end, title, created_by)"
            " values (?, ?, ?, ?, ?, ?, 'extractor')",
            [article, value, value, granularity, end, f"talks {value}"],
        )
    db.conn.commit()
    db.conn.close()


def test_an_older_database_gets_its_event_days_when_it_opens(tmp_path):
    path = tmp_path / "old.db"
    given_a_database_before_stored_days(path)
    db = services.open_db(path)
    rows = db.execute("select id, date, granularity, date_end from events").fetchall()
    assert len(rows) == 5
    for event_id, value, granularity, end in rows:
        assert stored_days(db, event_id) == days_of(value, granularity, end)
    assert stored_days(db, rows[3][0]) == (None, None)  # no calendar places PRESENT_REF
    # The titles' full-text index survived the migration's update of every row.
    assert {e.title for e in services.list_events(db, EventFilter(search="talks"))} == {
        f"talks {r[1]}" for r in rows
    }
    assert [e.date for e in services.list_events(db, EventFilter(date_from="2021-01"))] == [
        "2018-05-01",
        "2020-W53",  # to 3 January 2021; winter "2020-WI" ended in February 2020
        "2024-11-13",
    ]
    report = maintenance.check(db)
    assert report.ok, report.lines  # the full-text indexes agree with their tables
    backups = list(maintenance.backup_folder(path).iterdir())
    assert len(backups) == 1 and "-schema5-" in backups[0].name


def test_imported_edited_and_added_events_keep_their_days_with_their_dates(tmp_path):
    db = services.open_db(tmp_path / "t.db")
    given_articles(db, SUMMIT_REPORTS[:2])
    events = db.execute("select id, date, granularity, date_end from events").fetchall()
    assert events
    for event_id, value, granularity, end in events:
        assert stored_days(db, event_id) == days_of(value, granularity, end)
    event_id = events[0][0]
    services.edit_event(db, event_id, date="2023-Q2", granularity="quarter")
    assert stored_days(db, event_id) == ("2023-04-01", "2023-06-30")
    services.edit_event(db, event_id, date_end="2023-09")
    assert stored_days(db, event_id) == ("2023-04-01", "2023-09-30")
    services.revert_edit(db, event_id, date_end=None)
    assert stored_days(db, event_id) == ("2023-04-01", "2023-06-30")
    added = services.add_event(db, {"title": "Vote", "date": "2023-06", "granularity": "month"})
    assert stored_days(db, added) == ("2023-06-01", "2023-06-30")
    found = services.list_events(db, EventFilter(date_from="2023-08-15", date_to="2023-08-20"))
    assert found == []
    found = services.list_events(db, EventFilter(date_from="2023-06-15", date_to="2023-06-20"))
    assert {e.title for e in found} >= {"Vote"}


def test_an_event_whose_days_were_never_stored_is_still_placed_by_its_date(tmp_path):
    db = services.open_db(tmp_path / "t.db")
    given_articles(db, OTHER_NEWS[:1])
    db.execute("update events set start_day = null, end_day = null")
    assert [e.date for e in services.list_events(db, EventFilter(date_from="2023-01-19"))] == [
        "2023-01-19"
    ]
    assert services.list_events(db, EventFilter(date_from="2023-01-20")) == []


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(),
        EventFilter(search="grain"),
        EventFilter(date_from="2023-05", date_to="2023-05"),
        EventFilter(include_hidden=True),
    ],
)
def test_a_listing_reads_the_same_by_id_or_by_scanning_the_tables(tmp_path, monkeypatch, flt):
    db = services.open_db(tmp_path / "t.db")
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    lavrov = next(e for e in services.list_events(db) if len(e.member_ids) > 1)
    services.flag_events(db, {lavrov.member_ids[-1]: True}, "hidden")
    services.tag_events(db, [lavrov.id], "grain")

    def listing(scan: bool) -> list[dict]:
        monkeypatch.setattr(event_store, "scan_whole", lambda *_a: scan)
        return [
            {**event_record(e), "tags": e.tags, "member_ids": e.member_ids}
            for e in services.list_events(db, flt)
        ]

    by_id, by_scan = listing(False), listing(True)
    assert by_id == by_scan
    assert any(len(r["member_ids"]) > 1 for r in by_id)
    if flt == EventFilter():
        assert any(r["tags"] for r in by_id)


def test_a_link_to_a_missing_actor_is_skipped_by_id_and_by_scan(tmp_path, monkeypatch):
    db = services.open_db(tmp_path / "t.db")
    given_articles(db, SUMMIT_REPORTS[:1])
    event_id = db.execute("select event_id from event_actors limit 1").fetchone()[0]
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute(
        "insert into event_actors (event_id, actor_id, position) values (?, 9999, 99)", [event_id]
    )
    for scan in (False, True):
        monkeypatch.setattr(event_store, "scan_whole", lambda *_a, scan=scan: scan)
        names = event_store.read_related(db, [event_id]).actors[event_id]
        assert all(a.id != 9999 for a in names)


def test_the_migration_backfill_leaves_the_full_text_trigger_as_it_was(tmp_path):
    path = tmp_path / "old.db"
    given_a_database_before_stored_days(path)
    before = (
        sqlite3.connect(path)
        .execute("select sql from sqlite_master where name = 'events_au'")
        .fetchone()
    )
    db = services.open_db(path)
    after = db.execute("select sql from sqlite_master where name = 'events_au'").fetchone()
    assert tuple(after) == tuple(before)
