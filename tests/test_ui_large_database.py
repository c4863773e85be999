"""A large database opens on its most reported events, painted at once; every event
follows from the reader thread, and a refresh meanwhile wins over that late read."""

from __future__ import annotations

import importlib

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


def test_a_window_on_a_database_with_articles_never_loads_the_readers(tmp_path):
    """The readers and the extraction engine (a third of a second to import) load when
    something is imported or the empty page is shown, not to paint a full database."""
    import os
    import subprocess
    import sys

    path, _every = given_a_database(tmp_path)
    script = (
        "import sys\n"
        "from tracker.ui import create_window\n"
        "from tracker.ui.settings import Settings\n"
        f"win = create_window({str(path)!r}, settings=Settings({str(tmp_path / 's.ini')!r}))\n"
        "win.show()\n"
        "assert win.events and win.stack.currentWidget() is not win.empty_state\n"
        "print(sorted(m for m in sys.modules if m.startswith(('tracker.ingest', 'tracker.extract'))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_first_screen_is_the_most_reported_stories_with_a_report_shown(tmp_path):
    path, every = given_a_database(tmp_path)
    db = services.open_db(path)
    hidden = max(every, key=lambda e: e.sources)  # the summit: its reports all hidden
    services.flag_events(db, dict.fromkeys(hidden.member_ids, True), "hidden")
    shown = services.list_events(db)
    ranked = sorted(shown, key=lambda e: (-e.sources, e.story_id))
    for k in (1, 2, 3, len(shown) + 5):
        first = services.list_events(db, preview=k)
        assert {e.story_id for e in first} == {e.story_id for e in ranked[:k]}
        assert first == sorted(first, key=lambda e: (e.date or "~", e.id))
    assert hidden.story_id not in {e.story_id for e in services.list_events(db, preview=3)}
    db.close()


def test_a_large_database_is_shown_before_the_check_which_comes_before_any_write(
    qtbot, tmp_path, monkeypatch
):
    """The window's own connection only reads: on a large database it shows the first
    screen without the quick check (a quarter of a second); the writer's connection
    checks before its first write, as the reader's does before it reads the rest."""
    import threading

    store_connect = importlib.import_module("tracker.store.connect")

    path, every = given_a_database(tmp_path)
    when_it_counts_as_large(monkeypatch, preview=1)
    checked: list[str] = []
    real = store_connect.quick_check

    def spy(db, *args, **kwargs):
        checked.append(threading.current_thread().name)
        return real(db, *args, **kwargs)

    monkeypatch.setattr(store_connect, "quick_check", spy)
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert win.loading_all and len(win.events) == 1
    assert checked == []  # the first screen came first
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: not win.loading_all, timeout=20000)
    assert len(checked) == 1 and checked[0] != threading.main_thread().name
    summit = max(win.events, key=lambda e: e.sources)
    win.write(services.flag_events, {summit.id: True}, "starred")
    qtbot.waitUntil(lambda: any(e.starred for e in win.events), timeout=20000)
    assert len(checked) == 2 and threading.main_thread().name not in checked
    win.close()


def test_a_small_database_is_checked_when_the_window_opens_it(qtbot, tmp_path, monkeypatch):
    store_connect = importlib.import_module("tracker.store.connect")

    path, _every = given_a_database(tmp_path)
    checked: list[int] = []
    real = store_connect.quick_check
    monkeypatch.setattr(
        store_connect, "quick_check", lambda db, *a, **k: checked.append(1) or real(db, *a, **k)
    )
    win = create_window(path, settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    assert checked == [1] and win.db.read_only is None and win.events
    win.close()
