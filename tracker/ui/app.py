"""Application setup: the QApplication, its identity, icon and style sheet, and the event loop."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker import __version__, services
from tracker.resources import resource_path
from tracker.ui.settings import Settings


def application() -> QApplication:
    """The running QApplication, created and configured on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Tracker")
    app.setOrganizationName("Tracker")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("tracker")  # matches resources/tracker.desktop
    app.setWindowIcon(QIcon(str(resource_path("icons", "tracker.svg"))))
    return app


def load_style_sheet() -> str:
    qss = resource_path("style.qss")
    return qss.read_text(encoding="utf-8") if qss.is_file() else ""


def create_window(
    db_path: str | Path | None = None, settings: Settings | None = None, synchronous: bool = False
):
    """Build the main window on ``db_path`` (default: the user's database) without showing it.

    ``synchronous=True`` runs database writes inline instead of on the worker
    thread, for scripts that want results as soon as a call returns.
    """
    from tracker.ui.main_window import MainWindow

    app = application()
    if not app.styleSheet():
        app.setStyleSheet(load_style_sheet())
    return MainWindow(
        db_path if db_path is not None else services.default_db_path(),
        settings=settings,
        synchronous=synchronous,
    )


def run(db_path: str | Path | None = None, files: list[str] | None = None) -> int:
    """Open the window and run the event loop; ``files`` are imported at start (``%F``)."""
    app = application()
    try:
        window = create_window(db_path)
    except (sqlite3.Error, OSError) as err:
        # Started from a desktop launcher there is no terminal to print a traceback to.
        QMessageBox.critical(None, "Tracker", f"Could not open the database {db_path}:\n{err}")
        return 1
    window.show()
    if files:
        window.import_paths(files)
    return app.exec()
