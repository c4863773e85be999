"""Specs for the main window: drops, background import, selection sync, export, re-dating.

Real QDragEnterEvent/QDropEvent objects carry real QMimeData; imports run on the
real worker thread and tests wait on its signals.
"""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import services
from tracker.ui import create_window
from tracker.ui.event_table import EVENT_ID_ROLE
from tracker.ui.settings import Settings

SUMMIT = """Allies meet in Brussels

BRUSSELS, 13 November 2024 — The foreign ministers of Norway and Finland met NATO Secretary General Mark Rutte in Brussels on Wednesday.

They agreed to hold a further meeting in Oslo on 2 December.
"""

VOTE = """Parliament sets vote date

LISBON, 5 March 2025 — Portugal's parliament said on Tuesday that it will vote on the budget on 20 March.
"""

UNDATED = """Envoys gather in Geneva

Swiss officials hosted envoys from Brazil and Chile in Geneva on Wednesday to discuss trade rules.
"""


def shown_window(qtbot, tmp_path, size=(1300, 850)):
    """A shown window on a new database in ``tmp_path``; any dialog it asks fails the test."""
    win = create_window(tmp_path / "tracker.db", settings=Settings(tmp_path / "settings.ini"))
    win.ask = lambda dialog: pytest.fail(f"unexpected dialog {dialog.windowTitle()}")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    return win


def close_window(win) -> None:
    """Close the window and the non-modal dialogs it keeps."""
    for dlg in (win.report_dialog, win.review_dialog):
        if dlg is not None:
            dlg.close()
    win.close()


@pytest.fixture
def window(qtbot, tmp_path):
    win = shown_window(qtbot, tmp_path)
    yield win
    close_window(win)


FRIDAY = date(2025, 3, 7)  # a file saved on a Friday: "on Wednesday" would be 5 March


def undated_file(tmp_path: Path, name: str, text: str, saved: date) -> Path:
    """An article with no date in it, its file last modified on ``saved`` (the suggestion)."""
    p = write(tmp_path, name, text)
    stamp = datetime(saved.year, saved.month, saved.day, 12, 0).timestamp()
    os.utime(p, (stamp, stamp))
    return p


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def drop(win, mime: QMimeData) -> bool:
    """Deliver a real drag-enter then drop; returns whether the enter was accepted."""
    pos = QPoint(win.width() // 2, win.height() // 2)
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, enter)
    if not enter.isAccepted():
        return False
    ev = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, ev)
    return True


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop_files(qtbot, win, *paths: Path):
    with qtbot.waitSignal(win.worker.import_finished, timeout=30000) as blocker:
        assert drop(win, file_mime(*paths))
    return blocker.args[0]


def table_rows(win) -> list[tuple[str, str]]:
    m = win.table.model()
    return [(m.index(r, 0).data(), m.index(r, 1).data()) for r in range(m.rowCount())]


def event_on(win, iso: str):
    matches = [e for e in win.events if e.date == iso]
    assert matches, f"no event on {iso}: {[(e.date, e.title) for e in win.events]}"
    return matches[0]


def test_new_database_shows_the_empty_state(window):
    assert window.stack.currentWidget() is window.empty_state
    hint = window.empty_state.hint.text()  # filled in when the page was first shown
    assert "Formats:" in hint and " docx " in hint and " pdf " in hint
    assert "tracker.db" in window.windowTitle()
    assert window.findChild(type(window.timeline_view), "timelineView") is not None


def test_dropping_file_urls_imports_them_and_their_events_appear(qtbot, window, tmp_path):
    a = write(tmp_path, "summit.txt", SUMMIT)
    b = write(tmp_path, "vote.txt", VOTE)
    summary = drop_files(qtbot, window, a, b)
    assert [r.status for r in summary.results] == ["imported", "imported"]
    qtbot.waitUntil(lambda: window.table.model().rowCount() >= 3)
    dates = {d for d, _ in table_rows(window)}
    assert {"13 Nov 2024", "2 Dec 2024", "20 Mar 2025"} <= dates
    assert window.stack.currentWidget() is window.splitter
    titles = [a.title for a in window.article_list.list_model.articles()]
    assert sorted(titles) == ["Allies meet in Brussels", "Parliament sets vote date"]
    assert "2 articles" in window.counts.text()


def test_dropping_a_folder_imports_it_recursively(qtbot, window, tmp_path):
    sub = tmp_path / "news" / "older"
    sub.mkdir(parents=True)
    write(tmp_path / "news", "summit.txt", SUMMIT)
    write(sub, "vote.txt", VOTE)
    progress = []
    window.worker.import_progress.connect(lambda done, total, f: progress.append((done, total, f)))
    summary = drop_files(qtbot, window, tmp_path / "news")
    assert sorted(Path(r.path).name for r in summary.results) == ["summit.txt", "vote.txt"]
    # Progress names each file with its count, then reports the end.
    assert [(d, t) for d, t, _ in progress] == [(0, 2), (1, 2), (2, 2)]
    assert {Path(f).name for _, _, f in progress if f} == {"summit.txt", "vote.txt"}


def test_a_text_drop_becomes_an_article(qtbot, window):
    mime = QMimeData()
    mime.setText(VOTE)
    assert drop(window, mime)
    qtbot.waitUntil(lambda: len(window.articles) == 1, timeout=10000)
    article = next(iter(window.articles.values()))
    assert article.title == "Parliament sets vote date"
    assert article.anchor_date == "2025-03-05"
    qtbot.waitUntil(lambda: any(e.date == "2025-03-20" for e in window.events))


def test_a_text_drop_without_a_date_asks_for_one(qtbot, window):
    asked = []

    def answer(dialog):
        asked.append(dialog.windowTitle())
        dialog.date_edit.setDate(date(2024, 11, 14))
        return True

    window.ask = answer
    mime = QMimeData()
    mime.setText(UNDATED)
    mime.setHtml("<p>" + UNDATED.replace("\n\n", "</p><p>") + "</p>")
    assert drop(window, mime)
    qtbot.waitUntil(lambda: len(window.articles) == 1, timeout=10000)
    assert asked == ["New article"]
    assert event_on(window, "2024-11-13").title  # "on Wednesday" before 14 Nov 2024


def test_a_mixed_drop_reports_the_bad_file_and_imports_the_rest(qtbot, window, tmp_path):
    good = write(tmp_path, "summit.txt", SUMMIT)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    summary = drop_files(qtbot, window, bad, good)
    status = {Path(r.path).name: r for r in summary.results}
    assert status["summit.txt"].status == "imported"
    assert status["broken.pdf"].status == "failed" and status["broken.pdf"].reason
    report = window.report_dialog
    assert report is not None and report.isVisible()
    assert "1 imported" in report.summary.text() and "1 failed" in report.summary.text()
    cells = [
        report.table.item(r, c).text() for r in range(report.table.rowCount()) for c in range(4)
    ]
    assert "broken.pdf" in cells and status["broken.pdf"].reason in cells
    report.close()
    window.show_import_report()  # reopened from View › Last import report
    assert report.isVisible()


def test_drag_enter_refuses_unsupported_files(window, tmp_path):
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x00\x00")
    assert not drop(window, file_mime(exe))


def test_remote_urls_are_refused_and_nothing_is_fetched(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/news/article.html")])
    mime.setText("https://example.org/news/article.html")
    assert drop(window, mime)
    box = window.findChild(QMessageBox, "remoteRefused")
    assert box is not None and box.isVisible()
    assert services.list_articles(window.db) == []
    assert not window.worker.importing


def test_selecting_a_row_fills_the_source_passage_with_its_sentence(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-12-02")
    row = next(
        r
        for r in range(window.table.model().rowCount())
        if window.table.event_id_at(r) == target.id
    )
    window.table.selectRow(row)
    text = window.findChild(type(window.source_pane), "sourcePassage").toPlainText()
    assert "They agreed to hold a further meeting in Oslo on 2 December." in text
    assert "Mark Rutte in Brussels" not in text  # the other sentence belongs to another event
    assert "Allies meet in Brussels" in text and "Open article" in text
    assert window.current_event_id == target.id
    # The article view followed: its highlighted sentence is this event's.
    sel = window.article_view.extraSelections()
    assert sel and sel[0].cursor.selectedText().startswith("They agreed")


def test_clicking_a_date_in_the_article_view_selects_its_event(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    article = next(iter(window.articles.values()))
    window.show_article(article.id)
    target = event_on(window, "2024-12-02")
    view = window.findChild(type(window.article_view), "articleView")
    rect = view.date_rect(target.id)
    assert rect is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_event_id == target.id)
    assert window.table.current_event_id() == target.id
    assert "Oslo on 2 December" in window.source_pane.toPlainText()


def test_export_writes_exactly_the_filtered_rows(qtbot, window, tmp_path):
    drop_files(
        qtbot, window, write(tmp_path, "summit.txt", SUMMIT), write(tmp_path, "vote.txt", VOTE)
    )
    total = window.table.model().rowCount()
    window.filters.search.setText("budget")
    window.filters.flush()
    shown = {window.table.event_id_at(r) for r in range(window.table.model().rowCount())}
    assert 0 < len(shown) < total
    out = tmp_path / "out.csv"
    with qtbot.waitSignal(window.files.export_finished, timeout=10000) as done:
        window.export_csv(out)  # written on the reader thread
    assert done.args == [str(out), len(shown)]
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {int(r["event_id"]) for r in rows} == shown


def test_an_undated_article_is_unknown_with_its_file_date_only_suggested(qtbot, window, tmp_path):
    summary = drop_files(qtbot, window, undated_file(tmp_path, "geneva.txt", UNDATED, FRIDAY))
    (result,) = summary.results
    assert result.date_assumed and result.date_source == "none"
    article = window.articles[result.article_id]
    assert article.date_unknown and article.suggested_date == "2025-03-07"
    # The suggestion is not used: "on Wednesday" stays off the timeline until a date is set.
    assert not any(e.date and e.date.startswith("2025-03") for e in window.events)
    window.show_article(result.article_id)
    assert window.article_panel.header_text.splitlines()[1] == (
        "date unknown · suggested: 7 Mar 2025 (file date)"
    )
    assert window.report_dialog.table.item(0, 1).text() == "imported, date unknown"
    assert "suggested: 7 Mar 2025 (file date)" in window.report_dialog.table.item(0, 3).text()
    assert "1 undated" in window.counts.text()


def test_reanchoring_moves_a_relative_date(qtbot, window, tmp_path):
    summary = drop_files(qtbot, window, undated_file(tmp_path, "geneva.txt", UNDATED, FRIDAY))
    (result,) = summary.results
    window.show_article(result.article_id)
    window.reanchor_article(result.article_id, date(2024, 11, 15))
    qtbot.waitUntil(lambda: any(e.date == "2024-11-13" for e in window.events), timeout=10000)
    moved = window.articles[result.article_id]
    assert (moved.anchor_date, moved.date_source, moved.date_assumed) == (
        "2024-11-15",
        "user",
        False,
    )
    assert window.article_panel.header_text.splitlines()[1] == "15 Nov 2024 · set by you"


def test_the_import_report_sets_an_unknown_date_in_one_step(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "geneva.txt", UNDATED))

    def answer(dialog):
        dialog.date_edit.setDate(date(2025, 3, 7))  # a Friday: "on Wednesday" is the 5th
        return True

    window.ask = answer
    report = window.report_dialog
    assert report.set_date_button.isEnabled()  # the undated row is preselected
    qtbot.mouseClick(report.set_date_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e.date == "2025-03-05" for e in window.events), timeout=10000)
    assert "Geneva" in next(e for e in window.events if e.date == "2025-03-05").passages[0].quote


def test_delete_is_undoable(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-12-02")
    window.select_event(target.id)
    window.delete_selected_events()
    qtbot.waitUntil(lambda: all(e.id != target.id for e in window.events))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: any(e.id == target.id for e in window.events))


SUMMIT_AGAIN = """Rutte sees Nordic ministers

BRUSSELS, 14 November 2024 — NATO Secretary General Mark Rutte held talks with the foreign ministers of Norway and Finland in Brussels on Wednesday, officials said.
"""


def test_an_import_tells_of_reports_hidden_with_a_deleted_happening(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-11-13")
    window.select_event(target.id)
    window.delete_selected_events()
    qtbot.waitUntil(lambda: all(e.date != "2024-11-13" for e in window.events))
    summary = drop_files(qtbot, window, write(tmp_path, "again.txt", SUMMIT_AGAIN))
    (result,) = summary.results
    assert result.status == "imported" and result.hidden >= 1
    assert all(e.date != "2024-11-13" for e in window.events)  # still deleted
    told = "hidden: they tell of happenings you deleted"
    assert told in window.statusBar().currentMessage()
    report = window.report_dialog
    cells = [report.table.item(0, c).text() for c in range(4)]
    assert any(told in c for c in cells)


def test_deleted_events_can_be_restored_any_time_later_and_the_restore_undone(
    qtbot, window, tmp_path
):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-12-02")
    window.select_event(target.id)
    window.delete_selected_events()
    qtbot.waitUntil(lambda: all(e.date != "2024-12-02" for e in window.events))
    window.undo_stack.clear()  # another session: Undo can no longer bring it back
    window.actions_.deleted_events.trigger()
    dialog = window.deleted_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1 and not dialog.restore_button.isEnabled()
    assert "Oslo" in dialog.table.item(0, 1).text()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e.date == "2024-12-02" for e in window.events))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)  # the list follows the restore
    window.undo_stack.undo()  # the restore is an ordinary undoable edit
    qtbot.waitUntil(lambda: all(e.date != "2024-12-02" for e in window.events))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)


def test_window_state_and_recent_databases_persist(qtbot, tmp_path):
    settings = Settings(tmp_path / "s.ini")
    win = create_window(tmp_path / "one.db", settings=settings)
    qtbot.addWidget(win)
    win.show()
    win.splitter.setSizes([150, 350])
    sizes = win.splitter.sizes()
    win.close()
    again = Settings(tmp_path / "s.ini")
    assert again.recent_databases[0] == str((tmp_path / "one.db").resolve())
    win2 = create_window(tmp_path / "two.db", settings=again)
    qtbot.addWidget(win2)
    win2.show()
    assert win2.splitter.sizes() == sizes
    assert again.recent_databases[:2] == [
        str((tmp_path / p).resolve()) for p in ("two.db", "one.db")
    ]
    win2.close()


def test_edits_can_be_undone_and_redone(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-12-02")
    original = target.title
    window.edit_event(target.id, {"title": "Oslo follow-up meeting", "date": "2024-12"})
    qtbot.waitUntil(lambda: any(e.title == "Oslo follow-up meeting" for e in window.events))
    edited = next(e for e in window.events if e.id == target.id)
    assert edited.date == "2024-12"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: any(e.id == target.id and e.title == original for e in window.events))
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: any(e.title == "Oslo follow-up meeting" for e in window.events))


def test_load_sample_articles_populates_an_empty_database_in_one_click(qtbot, window):
    with qtbot.waitSignal(window.worker.import_finished, timeout=60000) as blocker:
        qtbot.mouseClick(window.empty_state.samples_button, Qt.MouseButton.LeftButton)
    summary = blocker.args[0]
    assert summary.count("imported") >= 5 and summary.count("failed") == 0
    assert window.stack.currentWidget() is window.splitter
    assert window.table.model().rowCount() >= 15
    assert not any(a.date_assumed for a in window.articles.values())


def test_cancel_stops_an_import_between_files(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        write(folder, f"note{i:02}.txt", SUMMIT.replace("Oslo", f"Oslo {i}"))
    with qtbot.waitSignal(window.worker.import_finished, timeout=60000) as blocker:
        window.import_paths([folder])
        window.worker.cancel_import()
    summary = blocker.args[0]
    assert summary.cancelled
    assert len(summary.results) < 30
    assert len(services.list_articles(window.db)) == summary.count("imported")


def test_selection_stays_in_sync_between_timeline_table_details_and_article(
    qtbot, window, tmp_path
):
    drop_files(
        qtbot, window, write(tmp_path, "summit.txt", SUMMIT), write(tmp_path, "vote.txt", VOTE)
    )
    budget = event_on(window, "2025-03-20")
    window.timeline_view.event_selected.emit(budget.id)  # as a click on the timeline does
    assert window.table.current_event_id() == budget.id
    assert "vote on the budget on 20 March" in window.source_pane.toPlainText()
    assert window.article_view.article.title == "Parliament sets vote date"
    oslo = event_on(window, "2024-12-02")
    row = next(
        r for r in range(window.table.model().rowCount()) if window.table.event_id_at(r) == oslo.id
    )
    window.table.selectRow(row)
    assert window.timeline_view.selected_event_id() == oslo.id
    assert window.article_view.article.title == "Allies meet in Brussels"


def test_opening_another_database_switches_the_window(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    window.open_database(tmp_path / "other.db")
    assert "other.db" in window.windowTitle()
    assert window.stack.currentWidget() is window.empty_state and window.events == []
    assert window.settings.recent_databases[:2] == [
        str((tmp_path / "other.db").resolve()),
        str((tmp_path / "tracker.db").resolve()),
    ]


def test_setting_an_article_date_is_undoable(qtbot, window, tmp_path):
    summary = drop_files(qtbot, window, undated_file(tmp_path, "geneva.txt", UNDATED, FRIDAY))
    (result,) = summary.results
    dates_before = [e.date for e in window.events]
    window.reanchor_article(result.article_id, date(2024, 11, 15))
    qtbot.waitUntil(lambda: any(e.date == "2024-11-13" for e in window.events), timeout=10000)
    moved = window.articles[result.article_id]
    assert (moved.anchor_date, moved.date_source) == ("2024-11-15", "user")
    assert window.report_dialog.table.item(0, 1).text() == "imported"  # no longer "date unknown"
    assert window.statusBar().currentMessage().startswith("Article date set to 15 Nov 2024;")

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.articles[result.article_id].date_source == "none")
    back = window.articles[result.article_id]
    assert (back.anchor_date, back.suggested_date) == (None, "2025-03-07")
    assert [e.date for e in window.events] == dates_before
    assert window.report_dialog.table.item(0, 1).text() == "imported, date unknown"

    window.undo_stack.redo()
    qtbot.waitUntil(lambda: window.articles[result.article_id].date_source == "user")
    assert [e.date for e in window.events] == ["2024-11-13"]


def test_an_edit_stays_undoable_after_its_article_is_redated(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    target = event_on(window, "2024-12-02")
    original = target.title
    window.edit_event(target.id, {"title": "Oslo follow-up"})
    qtbot.waitUntil(lambda: any(e.title == "Oslo follow-up" for e in window.events))
    window.reanchor_article(target.article_id, date(2024, 11, 20))
    qtbot.waitUntil(lambda: window.articles[target.article_id].anchor_date == "2024-11-20")
    window.undo_stack.undo()  # the date
    window.undo_stack.undo()  # the title
    qtbot.waitUntil(lambda: any(e.id == target.id and e.title == original for e in window.events))


def test_a_file_that_is_not_a_database_is_refused_and_the_window_keeps_its_own(
    qtbot, window, tmp_path, monkeypatch
):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"these are plain notes, not an SQLite database " * 50)
    assert not window.open_database(junk)
    assert errors and "notes.db" in errors[0]
    assert "tracker.db" in window.windowTitle()
    assert len(window.articles) == 1 and window.worker is not None


def test_searching_keeps_the_place_in_the_article_being_read(qtbot, window, tmp_path):
    filler = "\n\n".join(f"Paragraph {i} of background with no dates at all." for i in range(80))
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT + "\n\n" + filler))
    article = next(iter(window.articles.values()))
    window.article_dock.show()
    window.show_article(article.id)
    bar = window.article_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    window.filters.search.setText("Oslo")
    window.filters.flush()
    assert window.article_view.article.id == article.id
    assert bar.value() == place


def test_an_import_running_when_another_database_opens_reports_nothing_there(
    qtbot, window, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10):
        write(folder, f"note{i:02}.txt", SUMMIT.replace("Oslo", f"Oslo {i}"))
    finished = []
    window.worker.import_finished.connect(finished.append)
    window.import_paths([folder])
    window.open_database(tmp_path / "other.db")
    QApplication.processEvents()  # deliver anything the old worker queued
    assert finished == [] and window.last_import is None
    assert window.report_dialog is None or not window.report_dialog.isVisible()
    assert not window.progress.isVisible()


def test_an_undone_date_edit_follows_the_article_date_again(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    wednesday = event_on(window, "2024-11-13")  # "on Wednesday", from the dateline
    window.edit_event(wednesday.id, {"date": "2024-11-01"})
    qtbot.waitUntil(lambda: any(e.date == "2024-11-01" for e in window.events))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: all(e.date != "2024-11-01" for e in window.events))
    window.reanchor_article(wednesday.article_id, date(2024, 11, 29))  # a Friday
    qtbot.waitUntil(
        lambda: any(e.id == wednesday.id and e.date == "2024-11-27" for e in window.events)
    )


def test_two_events_merge_from_the_table_and_split_back_with_undo(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    drop_files(qtbot, window, write(tmp_path, "vote.txt", VOTE))
    qtbot.waitUntil(lambda: len(window.events) >= 3)
    a, b = event_on(window, "2024-11-13"), event_on(window, "2025-03-20")
    count = len(window.events)
    table = window.table
    table.select_event(a.id)
    row = next(
        r
        for r in range(table.model().rowCount())
        if table.model().index(r, 0).data(EVENT_ID_ROLE) == b.id
    )
    table.selectionModel().select(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert sorted(table.selected_event_ids()) == sorted([a.id, b.id])
    window.actions_.merge_events.trigger()
    qtbot.waitUntil(lambda: len(window.events) == count - 1)
    merged = next(e for e in window.events if a.id in e.member_ids)
    assert set(merged.member_ids) == {a.id, b.id}
    assert "Merged 2 events" in window.statusBar().currentMessage()

    window.select_event(merged.id)
    window.actions_.split_event.trigger()
    qtbot.waitUntil(lambda: len(window.events) == count)
    window.undo_stack.undo()  # the split
    qtbot.waitUntil(lambda: len(window.events) == count - 1)
    window.undo_stack.undo()  # the merge
    qtbot.waitUntil(lambda: len(window.events) == count)
    assert next(e for e in window.events if e.id == a.id).member_ids == (a.id,)


def test_rereading_every_article_finds_events_again_and_keeps_edits(qtbot, window, tmp_path):
    drop_files(qtbot, window, write(tmp_path, "summit.txt", SUMMIT))
    db = window.db
    planned = event_on(window, "2024-12-02")
    met = event_on(window, "2024-11-13")
    window.edit_event(met.id, {"title": "Ministers meet Rutte"})
    qtbot.waitUntil(
        lambda: "Ministers meet Rutte" in {e.title for e in window.events}, timeout=10000
    )
    # What an older engine left: the December meeting not found.
    with db.atomic():
        for table in ("event_actors", "passages"):
            db.execute(f"delete from {table} where event_id = ?", [planned.id])
        db.execute("delete from events where id = ?", [planned.id])
    window.refresh()
    qtbot.waitUntil(lambda: all(e.date != "2024-12-02" for e in window.events), timeout=10000)

    asked = []

    def answer(box):
        asked.append(box.objectName())
        return True

    window.ask = answer
    with qtbot.waitSignal(window.worker.job_finished, timeout=30000):
        window.actions_.reread.trigger()
    assert asked == ["confirmReread"]
    qtbot.waitUntil(lambda: any(e.date == "2024-12-02" for e in window.events), timeout=10000)
    assert "Ministers meet Rutte" in {e.title for e in window.events}
    assert window.statusBar().currentMessage().startswith("Re-read 1 article: ")
