"""A large database opens on its most reported events, painted at once; every event
follows from the reader thread, and a refresh meanwhile wins over that late read."""

from __future__ import annotations

from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

from tracker import services
from tracker.ui import create_window, main_window
from tracker.ui.settings import Settings


def given_a_database(tmp_path):
    path = tmp_path / "tracker.db"
    db = services.open_db(path)
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    every = services.list_events(db)
    db.conn.close()
    return path, every


def when_it_counts_as_large(monkeypatch, preview: int) -> None:
    monkeypatch.setattr(services, "is_large", lambda db, events=5000: True)
    monkeypatch.setattr(main_window, "PREVIEW_EVENTS", preview)


def test_the_most_reported_event_comes_first_then_every_event(qtbot, tmp_path, monkeypatch):
    path, every = given_a_database(tmp_path)
    when_it_counts_as_large(monkeypatch, preview=1)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    # The first screen: the summit that five articles report, fused as in the full list.
    assert win.loading_all
    [first] = win.events
    summit = max(every, key=lambda e: e.sources)
    assert first == summit and first.sources == 5
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: not win.loading_all, timeout=20000)
    assert [e.id for e in win.events] == [e.id for e in every]
    assert win.table.model().rowCount() == len(every)
    win.close()


def test_a_refresh_before_the_rest_arrives_is_not_overwritten(qtbot, tmp_path, monkeypatch):
    path, every = given_a_database(tmp_path)
    when_it_counts_as_large(monkeypatch, preview=1)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.filters.search.setText("storm")
    win.refresh()  # the user's filter, applied before the window was ever painted
    assert not win.loading_all
    shown = [e.id for e in win.events]
    assert shown and len(shown) < len(every)
    win.show()
    qtbot.wait(300)
    assert [e.id for e in win.events] == shown
    win.close()


def test_a_small_database_loads_everything_at_once(qtbot, tmp_path):
    path, every = given_a_database(tmp_path)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert not win.loading_all
    assert [e.id for e in win.events] == [e.id for e in every]
    win.close()


def test_records_left_to_later_are_stored_in_steps_while_the_window_is_idle(
    qtbot, tmp_path, monkeypatch
):
    from tracker.ui import file_controller

    path, every = given_a_database(tmp_path)
    db = services.open_db(path)
    stories = db.execute("select count(*) from stories").fetchone()[0]
    db.execute("delete from fused_records")
    db.conn.commit()
    db.conn.close()
    monkeypatch.setattr(services, "RECORDS_ON_OPEN", 1)
    monkeypatch.setattr(file_controller, "RECORDS_STEP", 2)
    monkeypatch.setattr(file_controller, "RECORDS_IDLE_MS", 10)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    stored = lambda: win.db.execute("select count(*) from fused_records").fetchone()[0]  # noqa: E731
    qtbot.waitUntil(lambda: stored() == stories, timeout=20000)
    win.refresh()
    assert [e.id for e in win.events] == [e.id for e in every]
    win.close()


def test_the_window_lists_without_decoding_passages_and_details_still_show_them(
    qtbot, tmp_path, monkeypatch
):
    """The table and the timeline paint every event without decoding a passage; the
    details pane, opened on one, shows its passages with the date expression marked."""
    path, every = given_a_database(tmp_path)
    when_it_counts_as_large(monkeypatch, preview=1)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: not win.loading_all, timeout=20000)
    qtbot.wait(100)  # painted with every event
    assert len(win.events) == len(every)
    assert not any("passages" in vars(e) for e in win.events)

    summit = max(win.events, key=lambda e: e.sources)
    win.select_event(summit.id, origin="test")
    html = win.source_pane.toHtml()
    text = win.source_pane.toPlainText()
    assert "Source passages (5)" in text
    assert "met in Ankara on Wednesday" in text
    assert "font-weight:600" in html and "Wednesday</span>" in html  # the timex marked
    assert "5 independent articles" in text
    win.close()
