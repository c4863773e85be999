"""Reading stored articles again with this version's engine (``tracker reread``).

An older engine is stood in for by rows written the way it would have left them:
events it missed (deleted from the table by plain SQL) and no day references
(databases made before those were kept). Re-reading must bring back what this
engine finds, and keep every date and correction the user made.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker import services
from tracker.cli import main

SUMMIT = (
    "Leaders agree on grain corridor\n\n"
    "ISTANBUL, 4 March 2025 - Turkey and the United Nations signed a grain export "
    "agreement in Istanbul on Tuesday. Ukraine had rejected an earlier draft on "
    "27 February 2025. The first convoy is planned for 10 March 2025.\n"
)
STRIKE = (
    "Dock workers walk out\n\n"
    "ROTTERDAM, 6 March 2025 - Dock workers began a 48-hour strike in Rotterdam on "
    "Thursday. Port operators said on 5 March 2025 that talks with the union had failed.\n"
)


@pytest.fixture
def db():
    return services.open_db(":memory:")


def _import(db, tmp_path, name, text, anchor=None):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    [res] = services.import_paths(db, [f], anchor=anchor)
    assert res.status == "imported"
    return res.article_id


def _as_an_older_engine_left_it(db, article_id):
    """Drop what a newer engine adds: some events and the day references."""
    keep = db.execute(
        "select min(id) from events where article_id = ? and deleted = 0", [article_id]
    ).fetchone()[0]
    gone = "select id from events where article_id = ? and id != ?"
    with db.atomic():
        for table in ("event_actors", "passages"):
            db.execute(f"delete from {table} where event_id in ({gone})", [article_id, keep])
        db.execute("delete from events where article_id = ? and id != ?", [article_id, keep])
        db.execute("delete from day_refs where article_id = ?", [article_id])


def _dates(db):
    return sorted(e.date for e in services.list_events(db))


def test_rereading_brings_back_what_this_engine_finds(db, tmp_path):
    a = _import(db, tmp_path, "summit.txt", SUMMIT)
    b = _import(db, tmp_path, "strike.txt", STRIKE)
    fresh = _dates(db)
    refs = db.execute("select count(*) from day_refs").fetchone()[0]
    assert {"2025-02-27", "2025-03-10"} <= set(fresh) and refs > 0

    _as_an_older_engine_left_it(db, a)
    _as_an_older_engine_left_it(db, b)
    assert len(_dates(db)) < len(fresh)

    done = services.reread(db)
    assert (done.articles, done.cancelled) == (2, False)
    assert done.events_before == 2 and done.events_after == len(fresh)
    assert _dates(db) == fresh
    assert db.execute("select count(*) from day_refs").fetchone()[0] == refs


def test_rereading_keeps_dates_and_corrections(db, tmp_path):
    a = _import(db, tmp_path, "summit.txt", SUMMIT, anchor=date(2025, 3, 5))
    before = services.get_article(db, a)
    signed = next(e for e in services.list_events(db) if "signed" in e.passages[0].quote)
    planned = next(e for e in services.list_events(db) if e.date == "2025-03-10")
    services.edit_event(db, signed.id, title="Grain deal signed in Istanbul")
    services.delete_event(db, planned.id)

    services.reread(db, [a])

    after = services.get_article(db, a)
    assert (after.anchor_date, after.date_source, after.date_note) == (
        before.anchor_date,
        before.date_source,
        before.date_note,
    )
    titles = {e.title for e in services.list_events(db)}
    assert "Grain deal signed in Istanbul" in titles
    assert "2025-03-10" not in _dates(db)  # still deleted


def test_rereading_can_be_cancelled_between_batches(db, tmp_path):
    ids = [
        _import(db, tmp_path, f"a{i}.txt", STRIKE.replace("48-hour", f"{i + 10}-hour"))
        for i in range(30)
    ]

    class StopAfterFirstBatch:
        def __init__(self):
            self.calls = []

        def set_status(self, text):
            pass

        def set_progress(self, done, total):
            self.calls.append((done, total))

        def cancelled(self):
            return bool(self.calls)

    progress = StopAfterFirstBatch()
    done = services.reread(db, progress=progress)
    assert done.cancelled and 0 < done.articles < len(ids)
    assert progress.calls == [(done.articles, len(ids))]


def test_an_unknown_article_is_refused_before_anything_is_read(db, tmp_path):
    a = _import(db, tmp_path, "summit.txt", SUMMIT)
    _as_an_older_engine_left_it(db, a)
    with pytest.raises(KeyError):
        services.reread(db, [a, a + 99])
    assert len(_dates(db)) == 1


def test_the_command_rereads_and_says_how_many(tmp_path, capsys):
    path = tmp_path / "t.db"
    db = services.open_db(path)
    a = _import(db, tmp_path, "summit.txt", SUMMIT)
    _as_an_older_engine_left_it(db, a)
    db.close()

    assert main(["reread", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("re-read 1 articles: ") and "(before: 1)" in out
    [backup] = (tmp_path / "t.db-backups").glob("*.db")
    assert str(backup) in out
    old = services.open_db(backup)
    assert old.execute("select count(*) from events").fetchone()[0] == 1  # as it was
    assert main(["reread", "--db", str(path), "12345"]) == 1
    assert "no article 12345" in capsys.readouterr().err


def test_an_article_that_cannot_be_read_again_keeps_its_events(db, tmp_path):
    from tracker import workers

    a = _import(db, tmp_path, "summit.txt", SUMMIT)
    b = _import(db, tmp_path, "strike.txt", STRIKE)
    _as_an_older_engine_left_it(db, a)
    _as_an_older_engine_left_it(db, b)
    kept = _dates(db)

    class ReaderDiesOnTheSummit(workers.WorkerPool):
        """The real pool, except that the reader of article ``a`` runs out of time."""

        def run(self, tasks, budget, cancelled=lambda: False):
            tasks = list(tasks)
            yield from super().run([t for t in tasks if t[0] != a], budget, cancelled)
            yield a, workers.Failure("time", budget.too_slow())

    pool = ReaderDiesOnTheSummit(1)
    try:
        done = services.reread(db, pool=pool)
    finally:
        pool.close()
    assert done.failed == ((a, "too complex to read in 30 s"),)
    assert done.articles == 2
    dates = _dates(db)
    assert len(dates) > len(kept)  # the strike was read again
    summit = [e for e in services.list_events(db) if e.passages[0].article_id == a]
    assert len(summit) == 1  # the summit kept what it had


def test_rereading_everything_fuses_the_corpus_as_a_fresh_import_would(tmp_path, monkeypatch):
    from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

    from tracker.story import fusion

    fresh = services.open_db(tmp_path / "fresh.db")
    given_articles(fresh, SUMMIT_REPORTS + OTHER_NEWS)
    expected = [(e.date, e.title, e.sources) for e in services.list_events(fresh)]
    assert any(e.sources > 1 for e in services.list_events(fresh))
    # An older Tracker whose fusion linked nothing: every report its own story.
    with monkeypatch.context() as m:
        m.setattr(fusion, "link", lambda a, b: 0.0)
        old = services.open_db(tmp_path / "old.db")
        given_articles(old, SUMMIT_REPORTS + OTHER_NEWS)
        assert all(e.sources == 1 for e in services.list_events(old))
    services.reread(old)
    assert [(e.date, e.title, e.sources) for e in services.list_events(old)] == expected
