"""Listed events kept across changes (m010's marks): a listing after a change reads
again only the stories the change may have touched, and shows exactly what a fresh
connection reads, whatever the change and whoever made it."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date

import pytest
from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles
from test_story_records import take_out_listing_marks

from tracker import services, store
from tracker.store import maintenance
from tracker.store import records as record_store
from tracker.store.events import EventFilter
from tracker.story import records
from tracker.story.build import build_fused, date_order

FILTERS = [
    EventFilter(),
    EventFilter(include_hidden=True),
    EventFilter(actor="Lavrov"),
    EventFilter(search="grain"),
    EventFilter(date_from="2023-05", date_to="2023-05"),
]


@pytest.fixture
def path(tmp_path):
    made = tmp_path / "marks.db"
    db = services.open_db(made)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    db.close()
    return made


@pytest.fixture
def db(path):
    database = services.open_db(path)
    yield database
    database.close()


def listings(db) -> list[list]:
    return [services.list_events(db, flt) for flt in FILTERS]


def assert_as_read_afresh(db, path) -> None:
    """Every listing of ``db`` (which keeps what it listed before) is what a new
    connection lists, and what building the events from their reports gives: the
    same events with the same values, stars, tags, titles and importance."""
    kept = listings(db)
    fresh = services.open_db(path)
    try:
        assert kept == listings(fresh)
        stories = [r[0] for r in fresh.execute("select id from stories")]
        built, _proofs = build_fused(fresh, stories, [])
    finally:
        fresh.close()
    assert kept[1] == sorted(built, key=date_order)
    for mine, theirs in zip(kept[1], sorted(built, key=date_order), strict=True):
        # Equal compares every field; say the live ones again, as a reader would look.
        assert (mine.starred, mine.hidden, mine.tags, mine.article_title, mine.title) == (
            theirs.starred,
            theirs.hidden,
            theirs.tags,
            theirs.article_title,
            theirs.title,
        )


def the_summit(db):
    (summit,) = [
        e
        for e in services.list_events(db, EventFilter(include_hidden=True))
        if any(a.name == "Sergei Lavrov" for a in e.actors)
    ]
    return summit


def other_event(db, summit):
    return next(e for e in services.list_events(db) if e.story_id != summit.story_id)


@pytest.fixture
def asked(monkeypatch):
    """The story ids each listing read from the records table."""
    calls: list[list[int]] = []
    read = record_store.read_listing

    def spy(db, story_ids, stamp):
        calls.append(sorted(story_ids))
        return read(db, story_ids, stamp)

    monkeypatch.setattr(records.store, "read_listing", spy)
    return calls


def test_after_a_star_a_listing_reads_again_only_the_starred_story(db, asked):
    first = {e.story_id: e for e in services.list_events(db)}
    assert asked == [sorted(first)]
    summit = the_summit(db)
    services.flag_events(db, {summit.id: True}, "starred")
    asked.clear()
    listed = services.list_events(db)
    assert asked == [[summit.story_id]]
    assert [e.id for e in listed if e.starred] == [summit.id]
    assert all(e is first[e.story_id] for e in listed if e.story_id != summit.story_id)
    # Taken off again: read again, and equal to the first (the very same object: nothing
    # it is made of differs from when it was first made).
    services.flag_events(db, {summit.id: False}, "starred")
    asked.clear()
    assert [e.starred for e in services.list_events(db)] == [False] * len(first)
    assert asked == [[summit.story_id]]


def test_after_a_participant_changes_every_story_is_read_once_then_only_the_marked(db, asked):
    """A participant's short forms may show in any listed event: every story is read
    again and compared; the events it left as they were are trusted again after."""
    first = {e.story_id: e for e in services.list_events(db)}
    with db.atomic():
        db.execute("update actors set aliases = 'S. Lavrov' where name = 'Sergei Lavrov'")
    asked.clear()
    listed = services.list_events(db)
    assert asked == [sorted(first)]
    summit = the_summit(db)
    assert next(a for a in summit.actors if a.name == "Sergei Lavrov").aliases == ("S. Lavrov",)
    assert summit is not first[summit.story_id]
    assert all(e is first[e.story_id] for e in listed if e.story_id != summit.story_id)
    services.flag_events(db, {summit.id: True}, "starred")
    asked.clear()
    services.list_events(db)
    assert asked == [[summit.story_id]]


def test_new_corpus_counts_rescore_the_kept_events_without_reading_their_records(db, asked, path):
    """An article far from every story's date rewrites no record near them, yet changes
    the corpus counts every importance comes from: the kept events are scored again
    from the evidence they keep, only the stories the import marked are read."""
    first = {e.story_id: e for e in services.list_events(db)}
    summit = the_summit(db)
    written = db.execute("select max(seq) from listing_marks").fetchone()[0]
    given_articles(
        db,
        [
            (date(2024, 3, d), f"Lavrov speaks {d}", f"Sergei Lavrov spoke in Geneva on {d} March.")
            for d in (4, 12, 20)
        ],
    )
    marked = {
        r[0] for r in db.execute("select story_id from listing_marks where seq > ?", [written])
    }
    assert summit.story_id not in marked
    asked.clear()
    listed = {e.story_id: e for e in services.list_events(db)}
    assert asked and set(asked[0]) <= marked and summit.story_id not in asked[0]
    kept = [s for s in first if s not in marked]
    rescored = [s for s in kept if listed[s].importance != first[s].importance]
    assert rescored, "the counts changed some importance"
    assert all(listed[s] is first[s] for s in kept if s not in rescored)
    assert_as_read_afresh(db, path)


def test_a_change_to_nothing_a_listing_shows_reads_no_record_again(db, asked):
    services.list_events(db)
    services.add_period(db, services.curation.NamedPeriod(None, "Talks", "2023-05", "2023-06"))
    asked.clear()
    services.list_events(db)
    assert asked == []


def test_every_kind_of_change_shows_in_the_next_listing(db, path):
    listings(db)  # what the connection keeps from now on
    summit = the_summit(db)
    other = other_event(db, summit)
    changes = [
        lambda: services.flag_events(db, {summit.id: True}, "starred"),
        lambda: services.flag_events(db, {other.id: True}, "hidden"),
        lambda: services.flag_events(db, {other.id: False}, "hidden"),
        lambda: services.tag_events(db, [summit.id], "grain"),
        lambda: services.set_tag_colour(db, "grain", "#00aa00"),
        lambda: services.tag_events(db, [summit.id], "grain", on=False),
        lambda: services.edit_event(db, summit.id, title="Grain corridor summit"),
        lambda: services.edit_event(db, other.id, type="meeting"),
        lambda: services.delete_event(db, other.id),
        lambda: services.restore_event(db, other.id),
        lambda: services.split_event(db, the_summit(db).member_ids[-1]),
        lambda: services.reanchor(db, other.article_id, date(2022, 1, 5)),
        # Writes no service makes today, by SQL: a trigger sees every writer.
        lambda: db.execute(
            "update articles set title = 'Renamed', url = 'https://example.org/x' where id = ?",
            [summit.article_id],
        ),
        lambda: db.execute(
            "update actors set kind = 'organisation', aliases = 'Lavrov S.'"
            " where name = 'Sergei Lavrov'"
        ),
        lambda: db.execute("update events set starred = 1 where id = ?", [other.id]),
        # A new article: the corpus counts change every event's importance.
        lambda: given_articles(
            db,
            [(date(2023, 5, 20), "Lavrov in Geneva", "Sergei Lavrov spoke in Geneva on 19 May.")],
        ),
    ]
    for change in changes:
        with db.atomic():
            change()
        assert_as_read_afresh(db, path)


def test_changes_by_another_connection_show_too(db, path):
    """The window's reader lists; the command line (another connection, another
    process in real use) stars, tags and renames meanwhile."""
    listings(db)
    other_db = services.open_db(path)
    try:
        summit = the_summit(other_db)
        services.flag_events(other_db, {summit.id: True}, "starred")
        assert_as_read_afresh(db, path)
        services.tag_events(other_db, [summit.id], "grain")
        services.edit_event(other_db, summit.id, title="Grain corridor summit")
        assert_as_read_afresh(db, path)
        assert the_summit(db).title == "Grain corridor summit" and the_summit(db).starred
    finally:
        other_db.close()


def test_a_listing_inside_a_transaction_rolled_back_leaves_nothing_behind(db, path):
    """Read inside a transaction, events may show writes (and marks) a rollback takes
    back, the marks' numbers given again later: none of it is kept."""
    listings(db)
    summit = the_summit(db)
    other = other_event(db, summit)
    with pytest.raises(RuntimeError), db.atomic():
        services.flag_events(db, {summit.id: True}, "starred")
        services.edit_event(db, summit.id, title="Never kept")
        services.tag_events(db, [other.id], "never")
        inside = the_summit(db)
        assert inside.starred and inside.title == "Never kept"
        listings(db)
        raise RuntimeError("cancelled")
    after = the_summit(db)
    assert not after.starred and after.title != "Never kept"
    assert_as_read_afresh(db, path)
    services.flag_events(db, {other.id: True}, "starred")  # a number the rollback freed
    assert_as_read_afresh(db, path)


def test_a_story_marked_again_gets_a_higher_number(db):
    """Numbers are never given twice (AUTOINCREMENT): a story marked again after being
    the last one marked would otherwise get the same number, and be missed."""
    summit = the_summit(db)

    def marks():
        return db.execute("select seq, story_id from listing_marks order by seq").fetchall()

    services.flag_events(db, {summit.id: True}, "starred")
    (last_seq, last_story) = marks()[-1]
    assert last_story == summit.story_id
    services.flag_events(db, {summit.id: False}, "starred")
    assert marks()[-1][0] > last_seq and marks()[-1][1] == summit.story_id
    assert [s for _seq, s in marks()].count(summit.story_id) == 1  # one row per story


def test_a_restored_backup_starts_another_history(db, path, tmp_path):
    listings(db)
    saved = maintenance.backup(db, tmp_path / "saved.db")
    epoch = db.execute("select epoch from listing_epoch").fetchone()[0]
    summit = the_summit(db)
    services.flag_events(db, {summit.id: True}, "starred")
    services.edit_event(db, summit.id, title="Grain corridor summit")
    assert the_summit(db).starred
    maintenance.restore(saved, path)  # while this connection is open, as the window's
    assert db.execute("select epoch from listing_epoch").fetchone()[0] != epoch
    back = the_summit(db)
    assert not back.starred and back.title != "Grain corridor summit"
    assert_as_read_afresh(db, path)


def test_a_database_from_before_the_marks_is_backed_up_and_gets_them(path, asked):
    db = services.open_db(path)
    with db.atomic():
        take_out_listing_marks(db)
    db.execute("PRAGMA user_version = 9")
    db.close()
    db = services.open_db(path)
    try:
        backups = list(maintenance.backup_folder(path).iterdir())
        assert len(backups) == 1 and "-schema9-" in backups[0].name
        first = services.list_events(db)
        summit = the_summit(db)
        services.flag_events(db, {summit.id: True}, "starred")
        asked.clear()
        listed = services.list_events(db)
        assert asked == [[summit.story_id]] and len(listed) == len(first)
        assert_as_read_afresh(db, path)
    finally:
        db.close()


def test_without_marks_a_listing_compares_every_record(path, tmp_path, asked):
    """A database opened read-only before m010 keeps no marks: every listing after a
    change reads every record again and compares it, as before (still right)."""
    older = tmp_path / "older.db"
    shutil.copy(path, older)
    db = services.open_db(older)
    with db.atomic():
        take_out_listing_marks(db)
    db.execute("PRAGMA user_version = 9")
    db.close()
    reader = store.connect(older, read_only=True)
    try:
        first = services.list_events(reader)
        summit = the_summit(reader)
        with closing(sqlite3.connect(older)) as raw, raw:  # another writer
            raw.execute("update events set starred = 1 where id = ?", [summit.id])
        asked.clear()
        listed = services.list_events(reader)
        assert asked == [sorted(e.story_id for e in first)]
        assert [e.id for e in listed if e.starred] == [summit.id]
        assert all(e is o for e, o in zip(listed, first, strict=True) if e.id != summit.id)
    finally:
        reader.close()


def test_every_write_a_listed_event_shows_marks_its_story(path):
    """By any connection, even one without sqlite-utils' recursive triggers (REPLACE
    then deletes without its delete triggers): each statement marks the story."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        story, lead, article = conn.execute(
            "select r.story_id, r.lead_id, e.article_id from fused_records r"
            " join events e on e.id = r.lead_id order by r.story_id limit 1"
        ).fetchone()
        actor = conn.execute(
            "select actor_id from event_actors where event_id = ?", [lead]
        ).fetchone()[0]

        def last_mark(story_id):
            row = conn.execute(
                "select seq from listing_marks where story_id = ?", [story_id]
            ).fetchone()
            return row[0] if row else 0

        writes = [
            ("update fused_records set sources = sources + 1 where story_id = ?", [story]),
            (
                "insert or replace into fused_records select * from fused_records"
                " where story_id = ?",
                [story],
            ),
            ("update events set starred = 1 - starred where id = ?", [lead]),
            ("update events set hidden = 1 - hidden where id = ?", [lead]),
            ("update articles set title = title || '!' where id = ?", [article]),
            ("update articles set anchor_date = '2020-01-01' where id = ?", [article]),
            ("update articles set url = 'https://example.org' where id = ?", [article]),
            ("update actors set aliases = 'X' where id = ?", [actor]),  # every story
            ("delete from fused_records where story_id = ?", [story]),
        ]
        for sql, params in writes:
            before = last_mark(story), last_mark(-1)
            conn.execute(sql, params)
            assert max(last_mark(story), last_mark(-1)) > max(before), sql
        untouched = last_mark(story), last_mark(-1)
        conn.execute("update events set title = 'Not shown from here' where id = ?", [lead])
        conn.execute("update articles set text = text || ' ' where id = ?", [article])
        assert (last_mark(story), last_mark(-1)) == untouched  # the record holds the title


def test_a_new_connection_gives_again_the_events_another_made_where_nothing_changed(
    db, path, asked
):
    """Connections of one process to one file share what they made (`_Pool`), each
    event compared with its record first: a new connection (the window's reader after
    its own first screen) makes none of the unchanged ones again, decodes no record
    again, and never gives one that changed."""
    first = {e.story_id: e for e in services.list_events(db)}
    summit = the_summit(db)
    with closing(sqlite3.connect(path)) as raw, raw:  # a writer the pool knows nothing of
        raw.execute("update events set starred = 1 where id = ?", [summit.id])
    decoded = dict(db._tracker_decoded)
    other = services.open_db(path)
    try:
        listed = services.list_events(other)
        assert listed == services.list_events(db)  # the first connection sees it too
        assert [e.id for e in listed if e.starred] == [summit.id]
        assert all(e is first[e.story_id] for e in listed if e.story_id != summit.story_id)
        assert next(e for e in listed if e.id == summit.id) is not first[summit.story_id]
        assert all(other._tracker_decoded[s][1] is decoded[s][1] for s in decoded)
        assert_as_read_afresh(other, path)
        # What it was given it keeps as its own: after a star, one record read again.
        other_event_ = next(e for e in listed if e.story_id != summit.story_id)
        services.flag_events(db, {other_event_.id: True}, "starred")
        asked.clear()
        services.list_events(other)
        assert asked == [[other_event_.story_id]]
    finally:
        other.close()


def test_what_a_connection_made_is_never_given_for_another_file(tmp_path, path):
    """Two copies of one database (the same story ids), one starred: each connection
    lists its own file's events, whichever listed first."""
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    one, two = services.open_db(path), services.open_db(copy)
    try:
        summit = the_summit(two)
        services.flag_events(two, {summit.id: True}, "starred")
        for _round in range(2):
            assert not any(e.starred for e in services.list_events(one))
            assert [e.id for e in services.list_events(two) if e.starred] == [summit.id]
    finally:
        one.close()
        two.close()
