"""Stored fused-event records (schema m008) must say exactly what building the fused
events from their reports says, after every import and every user edit."""

from __future__ import annotations

import dataclasses
import importlib
import json
import shutil
from datetime import date

import pytest
from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

from tracker import services
from tracker.export.serialize import EVENTS_JSON_KEYS, record_maker
from tracker.store import maintenance
from tracker.store.events import EventFilter
from tracker.story import records
from tracker.story.build import build_fused, count_corpus, date_order


@pytest.fixture
def db(tmp_path):
    database = services.open_db(tmp_path / "records.db")
    yield database
    database.close()


def story_ids(db) -> list[int]:
    return [r[0] for r in db.execute("select id from stories order by id")]


def built_from_reports(db):
    """Every fused event built the slow way, from its reports' rows (no record read)."""
    events, _proofs = build_fused(db, story_ids(db), [])
    return events


def read_from_records(db):
    events, missing = records.read_events(db, story_ids(db))
    assert missing == []  # every story has a current record
    return sorted(events, key=date_order)


def assert_records_say_what_building_says(db) -> None:
    built = built_from_reports(db)
    assert built, "the corpus has fused events"
    assert read_from_records(db) == built
    encode = json.JSONEncoder(ensure_ascii=False).encode
    record = record_maker(EVENTS_JSON_KEYS)
    assert services.events_json(db) == [encode(record(e)).encode() for e in built]
    assert services.list_events(db) == built


def the_summit(db):
    return [e for e in services.list_events(db) if any(a.name == "Sergei Lavrov" for a in e.actors)]


def test_an_import_stores_a_record_for_every_story(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    stored = db.execute("select count(*) from fused_records").fetchone()[0]
    assert stored == len(story_ids(db)) > 0
    assert_records_say_what_building_says(db)


def test_the_stored_json_is_the_encoded_record_cut_around_its_importance(db):
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    head, tail = db.execute(
        "select json_head, json_tail from fused_records where story_id = ?", [summit.story_id]
    ).fetchone()
    assert head.endswith('"importance": ') and '"importance"' not in tail
    whole = json.loads(head + repr(summit.importance) + tail)
    assert whole["importance"] == summit.importance
    assert whole["source_count"] == 5 and len(whole["passages"]) >= 5


def test_a_title_spelling_the_importance_key_does_not_cut_the_text_in_the_wrong_place(db):
    given_articles(db, SUMMIT_REPORTS[:2])
    (summit,) = the_summit(db)
    services.edit_event(db, summit.id, title='Ankara, "importance": 1.0, "actors": []')
    (entry,) = [json.loads(t) for t in services.events_json(db) if json.loads(t)["id"] == summit.id]
    assert entry["title"] == 'Ankara, "importance": 1.0, "actors": []'
    assert entry["importance"] == services.get_event(db, summit.id).importance
    assert_records_say_what_building_says(db)


def test_edits_rewrite_the_records_of_the_stories_they_change(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    (summit,) = the_summit(db)
    services.edit_event(db, summit.id, title="Grain corridor summit")
    (summit,) = the_summit(db)
    assert summit.title == "Grain corridor summit"
    assert json.loads(services.events_json(db, EventFilter(actor="Lavrov"))[0])["title"] == (
        "Grain corridor summit"
    )
    assert_records_say_what_building_says(db)

    odd = next(m for m in summit.member_ids if m != summit.id)
    services.split_event(db, odd)
    assert len(the_summit(db)) == 2
    assert_records_say_what_building_says(db)

    budget = next(e for e in services.list_events(db) if "budget" in e.title.lower())
    services.merge_events(db, [budget.id, odd])
    merged = services.get_event(db, budget.id)
    assert merged is not None and odd in merged.member_ids
    assert_records_say_what_building_says(db)

    services.delete_event(db, budget.id)
    assert budget.id not in {e.id for e in services.list_events(db)}
    assert all(json.loads(t)["id"] != budget.id for t in services.events_json(db))
    assert_records_say_what_building_says(db)

    services.restore_event(db, budget.id)
    assert_records_say_what_building_says(db)


def test_stars_hidden_marks_and_tags_show_at_once_without_a_refresh(db):
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    services.flag_events(db, {summit.id: True}, "starred")
    services.tag_events(db, [summit.id], "grain")
    (summit,) = the_summit(db)
    assert summit.starred and [name for name, _colour in summit.tags] == ["grain"]
    services.flag_events(db, {summit.id: True}, "hidden")
    # Its lead report is hidden (the others still show it, as building it says).
    shown = services.list_events(db, EventFilter(include_hidden=True, actor="Lavrov"))
    assert [e.id for e in shown] == [summit.id] and shown[0].hidden
    assert_records_say_what_building_says(db)


def test_importance_follows_the_corpus_without_rewriting_old_records(db):
    given_articles(db, SUMMIT_REPORTS[:2])
    (before,) = the_summit(db)
    stored = db.execute(
        "select event from fused_records where story_id = ?", [before.story_id]
    ).fetchone()
    # Articles far from its date: its story is not written again, yet the corpus
    # counts its importance is computed from change.
    given_articles(
        db,
        [
            (date(2024, 3, d), f"Lavrov speaks {d}", f"Sergei Lavrov spoke in Geneva on {d} March.")
            for d in (4, 12, 20)
        ],
    )
    (after,) = [e for e in the_summit(db) if e.story_id == before.story_id]
    assert (
        db.execute(
            "select event from fused_records where story_id = ?", [before.story_id]
        ).fetchone()
        == stored
    )
    assert_records_say_what_building_says(db)
    assert after.importance == next(
        e.importance for e in built_from_reports(db) if e.story_id == before.story_id
    )


def test_the_corpus_counts_are_stored_by_every_refresh_and_read_by_a_fresh_connection(tmp_path):
    path = tmp_path / "counts.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    (summit,) = the_summit(db)
    services.edit_event(db, summit.id, actors=["Sergei Lavrov", "Recep Erdogan"])
    counted = count_corpus(db)
    stored = db.execute("select actors, days from corpus_counts").fetchone()
    assert json.loads(stored[0]) == counted.actor_articles
    assert counted.actor_articles["Recep Erdogan"] == 1
    assert json.loads(stored[1]) == counted.day_weight
    expected = services.events_json(db)
    db.close()
    db = services.open_db(path)
    assert services.events_json(db) == expected
    db.close()


def test_a_report_dropped_by_re_extraction_leaves_its_story(db):
    articles = given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    # Re-extraction drops a report: the row goes (as when the extractor no longer finds it).
    gone = next(m for m in summit.member_ids if m != summit.id)
    article = db.execute("select article_id from events where id = ?", [gone]).fetchone()[0]
    with db.atomic():
        db.execute("delete from passages where event_id = ?", [gone])
        db.execute("delete from event_actors where event_id = ?", [gone])
        db.execute("delete from events where id = ?", [gone])
        services.story.refresh(db, article_ids=[a for a in articles if a != article][:1])
    (summit,) = the_summit(db)
    assert gone not in summit.member_ids
    assert all(p.event_id != gone for p in summit.passages)
    assert_records_say_what_building_says(db)


def test_a_large_refresh_leaves_its_records_to_the_next_opening(tmp_path, monkeypatch):
    path = tmp_path / "large.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS[:2])
    expected_before = services.events_json(db)
    assert expected_before
    refresh_module = importlib.import_module("tracker.story.refresh")
    monkeypatch.setattr(refresh_module, "RECORDS_AT_ONCE", 0)  # every refresh is "large"
    given_articles(db, SUMMIT_REPORTS[2:] + OTHER_NEWS)
    (summit,) = the_summit(db)
    assert summit.source_count == 5
    kept = {r[0] for r in db.execute("select story_id from fused_records")}
    assert summit.story_id not in kept  # its old record went with the refresh
    built = built_from_reports(db)
    assert services.list_events(db) == built  # built from the reports where no record is
    expected = services.events_json(db)
    assert services.store_records(db) > 0  # what a window does when idle
    assert services.store_records(db) == 0
    assert services.events_json(db) == expected
    db.execute("delete from fused_records where story_id = ?", [summit.story_id])
    db.close()
    db = services.open_db(path)  # and what opening does
    assert db.execute("select count(*) from fused_records").fetchone()[0] == len(story_ids(db))
    assert services.events_json(db) == expected
    assert_records_say_what_building_says(db)
    db.close()


def test_opening_stores_a_bounded_share_most_reported_first_and_the_rest_in_steps(
    tmp_path, monkeypatch
):
    path = tmp_path / "many.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    expected = services.events_json(db)
    total = len(story_ids(db))
    assert total > 3
    (summit,) = the_summit(db)
    db.execute("delete from fused_records")
    db.conn.commit()
    db.close()
    monkeypatch.setattr(services, "RECORDS_ON_OPEN", 1)
    db = services.open_db(path)
    kept = [r[0] for r in db.execute("select story_id from fused_records")]
    assert kept == [summit.story_id]  # five reports: the most reported comes first
    assert services.events_json(db) == expected  # the others are built meanwhile
    steps = []
    while (n := services.store_records(db, 2)) > 0:
        steps.append(n)
    assert sum(steps) == total - 1 and max(steps) == 2
    assert services.events_json(db) == expected
    assert_records_say_what_building_says(db)
    db.close()


def test_a_story_that_lost_a_report_without_a_refresh_is_rebuilt_on_opening(tmp_path):
    path = tmp_path / "cut.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    gone = next(m for m in summit.member_ids if m != summit.id)
    with db.atomic():  # re-extraction dropped a report, and the process stopped there
        db.execute("delete from passages where event_id = ?", [gone])
        db.execute("delete from event_actors where event_id = ?", [gone])
        db.execute("delete from events where id = ?", [gone])
    db.close()
    db = services.open_db(path)
    (summit,) = the_summit(db)
    assert gone not in summit.member_ids
    assert db.execute("select count(*) from stale_stories").fetchone()[0] == 0
    assert_records_say_what_building_says(db)
    db.close()


def test_records_of_another_shape_are_rebuilt_and_read_the_slow_way_until_then(tmp_path):
    path = tmp_path / "shape.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    expected = services.events_json(db)
    db.execute("update fused_records set stamp = 'older'")
    # Until rebuilt, a listing builds every fused event from its reports: the same output.
    assert records.read_events(db, story_ids(db))[0] == []
    assert services.events_json(db) == expected
    db.close()
    db = services.open_db(path)
    assert records.records_missing(db) is False
    assert {r[0] for r in db.execute("select distinct stamp from fused_records")} == {records.STAMP}
    assert services.events_json(db) == expected
    db.close()


def given_a_database_before_fused_records(path, source) -> None:
    """A database as the Tracker of schema m007 left it: made here, then the parts of
    m008 taken out again (its table, trigger and index, and its migration record, with
    m009's, which changed that table)."""
    shutil.copy(source, path)
    db = services.open_db(path)
    with db.atomic():
        take_out_listing_marks(db)  # m010's, which hang on that table
        db.execute("drop trigger events_gone_from_story")
        db.execute("drop table fused_records")
        db.execute("drop table stale_stories")
        db.execute("drop table corpus_counts")
        db.execute("drop index events_location")
        db.execute("drop index stories_by_sources")  # m009's
        db.execute("drop index events_article_deleted")
        db.execute("drop index passages_event_by_id")
        db.execute(
            "delete from _sqlite_migrations"
            " where name in ('m008_fused_records', 'm009_lighter_listing',"
            " 'm010_listing_marks')"
        )
    db.execute("PRAGMA user_version = 7")
    db.close()


def take_out_listing_marks(db) -> None:
    """Undo m010 (its triggers, tables and index) in a transaction of the caller's."""
    for (name,) in db.execute(
        "select name from sqlite_master where type = 'trigger' and name like 'listing_%'"
    ).fetchall():
        db.execute(f"drop trigger {name}")
    db.execute("drop table listing_marks")
    db.execute("drop table listing_epoch")
    db.execute("drop index fused_records_lead")
    db.execute("delete from _sqlite_migrations where name = 'm010_listing_marks'")


def an_older_database(tmp_path):
    """A database as Tracker left it before m008, and what `events --json` said of it."""
    made = tmp_path / "made.db"
    db = services.open_db(made)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    expected = services.events_json(db)
    db.close()
    path = tmp_path / "old.db"
    given_a_database_before_fused_records(path, made)
    return path, expected


def test_an_older_database_is_backed_up_and_gets_its_records_when_it_opens(tmp_path):
    path, expected = an_older_database(tmp_path)
    db = services.open_db(path)
    backups = list(maintenance.backup_folder(path).iterdir())
    assert len(backups) == 1 and "-schema7-" in backups[0].name
    assert db.execute("select count(*) from fused_records").fetchone()[0] == len(story_ids(db))
    assert services.events_json(db) == expected
    assert_records_say_what_building_says(db)
    report = maintenance.check(db)
    assert report.ok, report.lines
    db.close()


def test_a_read_only_database_without_records_still_lists_everything(tmp_path):
    path, expected = an_older_database(tmp_path)
    from tracker import store

    db = store.connect(path, read_only=True)
    assert services.events_json(db) == expected
    db.close()


def test_reading_records_never_walks_the_stamp_index(db):
    """The stamp's index answers "does every story have a record"; a listing that went
    through it would read every record for a few (a plan, not a time, is checked)."""
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    ids = story_ids(db)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        for few in (ids[:1], ids):  # by id, and by one scan
            records.read_events(db, few)
            db._tracker_fused = None
            records.read_json(db, few)
    finally:
        db.conn.set_trace_callback(None)
    reads = [s for s in statements if s.startswith("select r.story_id")]
    assert len(reads) == 4 and any("json_each" in s for s in reads)
    for sql in reads:
        plan = " ".join(str(r[3]) for r in db.execute("explain query plan " + sql))
        assert "fused_records_stamp" not in plan, plan


def test_a_listing_decodes_no_passage_until_one_is_asked_for(db):
    """Listed events carry their passages undecoded (most of a record: quotes and
    contexts); what a table and a timeline show comes from counts stored beside them."""
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    built = {e.story_id: e for e in built_from_reports(db)}
    listed = services.list_events(db)
    assert len(listed) == len(built) > 1
    assert all(type(e) is records.ListedEvent for e in listed)
    assert not any("passages" in vars(e) for e in listed)
    assert [e.source_count for e in listed] == [built[e.story_id].source_count for e in listed]
    assert [e.passage_count for e in listed] == [len(built[e.story_id].passages) for e in listed]
    assert not any("passages" in vars(e) for e in listed)  # counting decoded none

    (summit,) = [e for e in listed if any(a.name == "Sergei Lavrov" for a in e.actors)]
    assert summit.passage_count == 5 and summit.source_count == 5
    assert summit.passages == built[summit.story_id].passages
    assert "Ankara" in summit.passages[0].quote and summit.passages[0].timex
    assert "passages" in vars(summit) and "_raw" not in vars(summit)  # decoded once, kept
    assert sum("passages" in vars(e) for e in listed) == 1


def test_a_listed_event_equals_hashes_and_replaces_as_the_built_one(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    built = built_from_reports(db)
    listed = services.list_events(db)
    assert {*listed} == {*built} and [hash(e) for e in listed] == [hash(e) for e in built]
    first = listed[0]
    renamed = dataclasses.replace(first, title="Renamed")
    assert renamed.title == "Renamed" and renamed.passages == first.passages
    assert renamed.source_count == first.source_count
    assert renamed.passage_count == first.passage_count


def test_an_export_decodes_every_listed_event_s_passages_at_once(db):
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    built = {e.story_id: e for e in built_from_reports(db)}
    lazy = services.list_events(db)
    assert not any("passages" in vars(e) for e in lazy)
    listed = services.list_events(db, passages=True)
    assert all("passages" in vars(e) and "_raw" not in vars(e) for e in listed)
    assert [e.passages for e in listed] == [built[e.story_id].passages for e in listed]


def test_after_a_change_only_the_records_that_changed_are_decoded_again(db):
    """A write drops the fused events kept on the connection; the records' decoded
    values are kept while their text stays the same, so the next listing decodes only
    the stories the change rewrote, and still reads stars and importance live."""
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    first = {e.story_id: e for e in services.list_events(db)}
    before = {sid: values for sid, (_text, values) in db._tracker_decoded.items()}
    (summit,) = the_summit(db)
    other = next(e for e in first.values() if e.story_id != summit.story_id)
    services.edit_event(db, summit.id, title="Grain corridor summit")
    services.flag_events(db, {other.id: True}, "starred")
    listed = services.list_events(db)
    after = {sid: values for sid, (_text, values) in db._tracker_decoded.items()}
    assert after[summit.story_id] is not before[summit.story_id]  # rewritten: decoded again
    assert all(after[s] is before[s] for s in before if s != summit.story_id)
    assert next(e for e in listed if e.id == summit.id).title == "Grain corridor summit"
    assert next(e for e in listed if e.id == other.id).starred
    # The events nothing changed are the very same: not made again.
    changed = {summit.story_id, other.story_id}
    same = [e for e in listed if e.story_id not in changed]
    assert same and all(e is first[e.story_id] for e in same)
    assert all(e is not first[e.story_id] for e in listed if e.story_id in changed)
    assert_records_say_what_building_says(db)


def test_a_search_finds_the_same_events_with_the_passages_index_or_without(db):
    """m009's index answers a search's passages; a database without it (opened
    read-only before m009) finds the same events; a place matches by any part of it."""
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    searches = ["Ankar", "corridor", "grain ships", "Lavrov", "nothing like this"]
    found = {q: [e.id for e in services.list_events(db, EventFilter(search=q))] for q in searches}
    assert found["Ankar"] and found["corridor"] and found["Lavrov"]
    assert found["nothing like this"] == []
    db._tracker_indexes = {"passages_event_by_id": False}
    del db._tracker_fused
    assert {
        q: [e.id for e in services.list_events(db, EventFilter(search=q))] for q in searches
    } == found


def test_an_event_decoded_by_two_threads_at_once_keeps_its_passages(db):
    """The passages are put in place before the bytes are dropped: a thread that comes
    second (the details pane while an export decodes the same listed event) finds them."""
    given_articles(db, SUMMIT_REPORTS)
    (summit,) = the_summit(db)
    fields = dict(vars(summit))
    first = records._take_passages(fields, records._decode_passages)
    assert len(first) == 5 and "_raw" not in fields and fields["passages"] is first
    assert records._take_passages(fields, lambda raw: pytest.fail("decoded twice")) is first
    assert summit.passages == first  # the event itself is untouched by the copy above
