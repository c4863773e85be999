"""`make run` / `python -m tracker` / main.py open the window through one entry function."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QGraphicsView, QMessageBox, QTableView

from tracker import cli


def _run_without_loop(monkeypatch) -> list:
    shown: list = []

    def fake_exec(self=None):
        shown.extend(w for w in QApplication.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    return shown


def test_the_gui_entry_opens_the_main_window_on_the_given_database(qapp, monkeypatch, tmp_path):
    shown = _run_without_loop(monkeypatch)
    db = tmp_path / "news.db"
    assert cli.main(["--db", str(db)]) == 0
    [window] = [w for w in shown if w.findChild(QTableView, "eventTable")]
    assert window.findChild(QGraphicsView, "timelineView") is not None
    assert "news" in window.windowTitle()
    assert db.exists()
    window.close()


def test_files_given_to_the_launcher_are_imported(qapp, monkeypatch, tmp_path, qtbot):
    shown = _run_without_loop(monkeypatch)
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks in Geneva\n\nThe envoys met in Geneva on 3 March 2024.\n", encoding="utf-8"
    )
    db = tmp_path / "launcher.db"
    assert cli.gui_main(["--db", str(db), str(article)]) == 0
    [window] = [w for w in shown if w.findChild(QTableView, "eventTable")]
    table = window.findChild(QTableView, "eventTable")
    qtbot.waitUntil(lambda: table.model().rowCount() >= 1, timeout=10000)
    window.close()


def test_a_database_that_cannot_be_opened_is_reported_in_a_message_box(qapp, monkeypatch, tmp_path):
    _run_without_loop(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"plain notes, not a database " * 100)
    assert cli.main(["--db", str(junk)]) == 1
    assert len(shown) == 1 and "notes.db" in shown[0]
