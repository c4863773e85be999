"""Window specs for issue 14: room to work, selection and feedback, search hits, curation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_ui_window import SUMMIT, VOTE, close_window, drop_files, event_on, shown_window, write

from tracker import services
from tracker.store.curation import NamedPeriod
from tracker.ui import create_window
from tracker.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    win = shown_window(qtbot, tmp_path, size=(1360, 860))
    qtbot.waitExposed(win)
    yield win
    close_window(win)


@pytest.fixture
def loaded(qtbot, window, tmp_path):
    drop_files(
        qtbot, window, write(tmp_path, "summit.txt", SUMMIT), write(tmp_path, "vote.txt", VOTE)
    )
    window.report_dialog.close()
    qtbot.waitUntil(lambda: len(window.events) >= 3)
    return window


def test_the_timeline_gets_the_room_by_default(loaded):
    panel = loaded.timeline_panel
    assert panel.width() > 0.65 * loaded.width()
    assert panel.height() > 0.5 * loaded.height()
    assert not loaded.filters.isHidden()
    bar = loaded.filters
    assert bar.height() < 2 * bar.search.height() + 16  # one line, not wrapped


def test_focus_mode_shows_only_the_timeline_and_details_and_comes_back(loaded):
    loaded.actions_.focus_mode.trigger()
    assert loaded.view_ops.focus_mode and loaded.actions_.focus_mode.isChecked()
    assert loaded.table.isHidden() and loaded.filter_toolbar.isHidden()
    assert loaded.articles_dock.isHidden() and loaded.article_dock.isHidden()
    assert not loaded.details_dock.isHidden() and not loaded.timeline_panel.isHidden()
    loaded.actions_.focus_mode.trigger()
    assert not loaded.table.isHidden() and not loaded.filter_toolbar.isHidden()
    assert not loaded.article_dock.isHidden()


def test_escape_clears_the_selection_in_every_pane(qtbot, loaded):
    ev = event_on(loaded, "2024-11-13")
    loaded.select_event(ev.id)
    assert loaded.table.current_event_id() == ev.id
    assert loaded.timeline_view.selected_event_id() == ev.id
    loaded.table.setFocus()
    loaded.actions_.clear_selection.trigger()
    assert loaded.current_event_id is None and loaded.session.selected is None
    assert loaded.timeline_view.selected_event_id() is None
    assert loaded.table.selected_event_ids() == []
    assert loaded.article_view.extraSelections() == []


def test_deleting_says_so_with_undo_in_the_status_bar(qtbot, loaded):
    ev = event_on(loaded, "2024-11-13")
    loaded.select_event(ev.id)
    loaded.actions_.delete_event.trigger()
    assert loaded.statusBar().currentMessage() == "Deleted 1 event —"
    assert loaded.edits.undo_button.isVisible()
    qtbot.waitUntil(lambda: all(e.id != ev.id for e in loaded.events))
    qtbot.mouseClick(loaded.edits.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e.id == ev.id for e in loaded.events))
    assert not loaded.edits.undo_button.isVisible()


def test_search_finds_events_highlights_hits_and_f3_walks_them(qtbot, loaded):
    loaded.filters.search.setText("Oslo")  # in a quote, not in every event of the article
    loaded.filters.flush()
    hits = loaded.session.hits
    assert hits and len(loaded.events) < 3
    model = loaded.table.model()
    assert any(model.is_hit(r, 1) for r in range(model.rowCount()))
    assert loaded.timeline_view._painter.hits  # labels highlighted on the timeline
    loaded.show_article(loaded.events[0].article_id)
    assert loaded.article_view.search_hits() >= 1
    loaded.actions_.find_next.trigger()
    assert loaded.current_event_id == hits[0]
    loaded.actions_.find_prev.trigger()
    assert loaded.current_event_id == hits[-1]
    loaded.filters.scope.setCurrentIndex(loaded.filters.scope.findData("articles"))
    assert len(loaded.events) >= len(hits)  # whole articles match more


def test_star_and_hide_are_undoable_and_hidden_can_be_shown_again(qtbot, loaded):
    ev = event_on(loaded, "2024-11-13")
    loaded.select_event(ev.id)
    loaded.actions_.star.trigger()
    qtbot.waitUntil(lambda: services.get_event(loaded.db, ev.id).starred)
    assert loaded.statusBar().currentMessage() == "Starred 1 event —"
    loaded.actions_.hide_event.trigger()
    qtbot.waitUntil(lambda: all(e.id != ev.id for e in loaded.events))
    loaded.filters.show_hidden.setChecked(True)
    assert any(e.id == ev.id and e.hidden for e in loaded.events)
    loaded.filters.show_hidden.setChecked(False)
    loaded.undo_stack.undo()  # the hide
    qtbot.waitUntil(lambda: any(e.id == ev.id for e in loaded.events))
    loaded.undo_stack.undo()  # the star
    qtbot.waitUntil(lambda: not services.get_event(loaded.db, ev.id).starred)


def test_a_named_period_is_drawn_as_a_band_and_undone(qtbot, loaded):
    loaded.view_ops.add_period(NamedPeriod(None, "Budget talks", "2025-03-01", "2025-03-20"))
    qtbot.waitUntil(lambda: bool(loaded.timeline_view._painter.bands))
    (name, t0, t1, _c) = loaded.timeline_view._painter.bands[0]
    assert name == "Budget talks" and t1 - t0 == 20 * 86400
    loaded.undo_stack.undo()
    qtbot.waitUntil(lambda: not loaded.timeline_view._painter.bands)


def test_a_saved_view_brings_back_filters_lanes_and_range(qtbot, loaded):
    loaded.filters.search.setText("Oslo")
    loaded.filters.level.setCurrentIndex(loaded.filters.level.findData("key"))
    loaded.filters.flush()
    loaded.set_lane_mode("actor")
    loaded.timeline_view.zoom_in()
    scale = loaded.timeline_view.time_scale
    loaded.view_ops.save_view("Oslo by actor")
    qtbot.waitUntil(lambda: services.list_views(loaded.db) == ["Oslo by actor"])
    loaded.filters.clear()
    loaded.set_lane_mode("none")
    loaded.timeline_view.fit_all()
    assert loaded.view_ops.apply_view("Oslo by actor")
    assert loaded.filters.search.text() == "Oslo"
    assert loaded.filters.current_filter().level == "key"  # the Key events level too
    assert loaded.timeline_view.lane_mode() == "actor"
    s = loaded.timeline_view.time_scale
    assert s.t_left == pytest.approx(scale.t_left, abs=1) and s.span == pytest.approx(
        scale.span, rel=1e-6
    )


def test_a_refresh_during_an_import_reads_on_the_reader_thread(qtbot, loaded, monkeypatch):
    import threading

    read_on, delivered, applied = [], [], []
    read, apply = loaded.files.read, loaded._apply_snapshot

    def spy_read(fn, *args, on_done, **kwargs):
        def on_reader(*a, **k):
            read_on.append(threading.current_thread())
            return fn(*a, **k)

        def done(result, err):
            on_done(result, err)
            delivered.append(err)

        read(on_reader, *args, on_done=done, **kwargs)

    monkeypatch.setattr(loaded.files, "read", spy_read)
    monkeypatch.setattr(loaded, "_apply_snapshot", lambda *a: (applied.append(a), apply(*a)))
    before = loaded._read_generation
    loaded.refresh_in_background()
    assert loaded._read_generation == before + 1
    qtbot.waitUntil(lambda: len(delivered) == 1)  # the read came back and was shown
    assert read_on[0] is not threading.main_thread() and len(applied) == 1
    assert len(loaded.events) >= 3
    # A result older than the latest refresh is dropped, never shown over it.
    loaded.refresh_in_background()
    loaded.refresh()
    assert loaded._read_generation == before + 3
    qtbot.waitUntil(lambda: len(delivered) == 2)
    assert delivered == [None, None] and len(applied) == 2  # only the synchronous refresh


def test_new_event_from_the_article_selection_is_prefilled_linked_and_undoable(qtbot, loaded):
    from PySide6.QtGui import QTextCursor

    ev = event_on(loaded, "2024-12-02")
    article_id = ev.passages[0].article_id
    loaded.show_article(article_id)
    text = loaded.article_view.article.text
    start = text.index("2 December")
    cur = loaded.article_view.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + len("2 December"), QTextCursor.MoveMode.KeepAnchor)
    loaded.article_view.setTextCursor(cur)
    seen = {}

    def accept(dialog):
        seen["date"] = dialog.date_edit.text()
        dialog.title_edit.setText("Second Oslo round")
        return True

    loaded.ask = accept
    loaded.actions_.new_event_from_selection.trigger()
    assert seen["date"] == "2024-12-02"
    qtbot.waitUntil(lambda: any(e.title == "Second Oslo round" for e in loaded.events))
    made = next(e for e in loaded.events if e.title == "Second Oslo round")
    assert made.created_by == "user" and made.passages[0].timex == "2 December"
    assert loaded.current_event_id == made.id
    loaded.undo_stack.undo()
    qtbot.waitUntil(lambda: all(e.title != "Second Oslo round" for e in loaded.events))
    loaded.undo_stack.redo()
    qtbot.waitUntil(lambda: any(e.id == made.id for e in loaded.events))


def test_dragging_an_event_to_another_day_is_an_undoable_edit(qtbot, loaded):
    ev = event_on(loaded, "2024-12-02")
    loaded.timeline_view.event_redated.emit(ev.id, "2024-12-05")
    qtbot.waitUntil(lambda: services.get_event(loaded.db, ev.id).date == "2024-12-05")
    loaded.undo_stack.undo()
    qtbot.waitUntil(lambda: services.get_event(loaded.db, ev.id).date == "2024-12-02")


def test_the_window_exports_the_view_as_an_offline_html_timeline(qtbot, loaded, tmp_path):
    from html.parser import HTMLParser

    loaded.filters.search.setText("Oslo")
    loaded.filters.flush()
    shown = {e.id for e in loaded.events}
    out = tmp_path / "view.html"
    with qtbot.waitSignal(loaded.files.export_finished, timeout=10000) as done:
        loaded.files.export_view(out, "html")
    assert done.args == [str(out), len(shown)]
    assert loaded.progress.isHidden()

    class Rows(HTMLParser):
        ids: list = []
        external: list = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "tr":
                self.ids.append(int(a["id"].removeprefix("ev-")))
            self.external += [v for k, v in a.items() if k in ("src", "href") and v]

    page = Rows()
    page.feed(out.read_text(encoding="utf-8"))
    assert set(page.ids) == shown and page.external == []


def test_an_image_export_is_encoded_off_the_gui_thread(qtbot, loaded, tmp_path):
    out = tmp_path / "t.png"
    with qtbot.waitSignal(loaded.files.export_finished, timeout=10000) as done:
        loaded.files.export_image(str(out), 1.0)
    assert done.args == [str(out), 1]
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_tag_shows_its_colour_in_the_table_and_undo_takes_it_off(qtbot, loaded):
    from PySide6.QtGui import QColor

    from tracker.ui.view_ops import TagCommand

    ev = event_on(loaded, "2024-11-13")
    loaded.write(services.set_tag_colour, "summit", "#8e44ad")
    loaded.undo_stack.push(TagCommand(loaded, [ev.id], "summit"))
    qtbot.waitUntil(lambda: any(e.id == ev.id and e.tags for e in loaded.events))
    model = loaded.table.model()
    row = model.row_of(ev.id)
    assert model.index(row, 1).data(Qt.ItemDataRole.DecorationRole) == QColor("#8e44ad")
    loaded.undo_stack.undo()
    qtbot.waitUntil(lambda: not services.get_event(loaded.db, ev.id).tags)


def test_closing_in_focus_mode_remembers_the_working_layout(qtbot, tmp_path):
    db = services.open_db(tmp_path / "one.db")
    services.import_text(db, text=SUMMIT, title=None, anchor=None)
    db.conn.close()
    settings = Settings(tmp_path / "s.ini")
    win = create_window(tmp_path / "one.db", settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.view_ops.toggle_focus()
    win.close()
    again = create_window(tmp_path / "one.db", settings=Settings(tmp_path / "s.ini"))
    qtbot.addWidget(again)
    again.show()
    assert not again.view_ops.focus_mode and not again._empty
    assert not again.filter_toolbar.isHidden() and not again.table.isHidden()
    assert not again.article_dock.isHidden()
    again.close()
