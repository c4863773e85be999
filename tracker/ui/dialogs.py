"""Small dialogs: import report, paste article, article date, event editor, shortcuts, about.

Each dialog only gathers input or shows a result; the main window performs the
action through services. The import report is non-modal and kept by the
window so it can be reopened from the View menu.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.model import LISTED_GRANULARITIES, DateSource, Event, EventType, Modality, Period
from tracker.ui import date_wording

_STATUS_COLORS = {
    "imported": "#2e7d32",
    "duplicate": "#8a6d00",
    "failed": "#c62828",
    "cancelled": "#666666",
}


def read_only_table(headers: Sequence[str], parent: QWidget) -> QTableWidget:
    """A dialog's list of rows: read-only, selected by whole rows, no row numbers."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    return table


class ImportReportDialog(QDialog):
    """Non-modal list of what an import did: imported / duplicate / failed, with reasons.

    Articles imported with no date are "imported, date unknown", with the date
    they could take as a suggestion; "Review undated (N)…" opens them all in the
    review list.
    """

    set_date_requested = Signal(int)
    review_requested = Signal(list)  # article ids imported with no date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle("Import report")
        self.setModal(False)
        self.resize(820, 380)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.table = read_only_table(["File", "Result", "Events", "Details"], self)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        h.resizeSection(0, 240)
        h.resizeSection(1, 170)
        h.resizeSection(2, 60)
        self.set_date_button = QPushButton("Set publication date…", self)
        self.set_date_button.setEnabled(False)
        self.set_date_button.clicked.connect(self._set_date)
        self.review_button = QPushButton("Review undated…", self)
        self.review_button.setObjectName("reviewUndatedButton")
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(lambda: self.review_requested.emit(self.undated_ids()))
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.cellDoubleClicked.connect(lambda *_: self._set_date())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.review_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.set_date_button, QDialogButtonBox.ButtonRole.ActionRole)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.results: list = []

    def set_results(
        self, results: Sequence, cancelled: bool = False, articles: Mapping | None = None
    ) -> None:
        """Show an import's results; ``articles`` (id -> Article) adds each undated one's suggestion."""
        self.results = list(results)
        articles = articles or {}
        counts = {
            s: sum(1 for r in results if r.status == s)
            for s in ("imported", "duplicate", "failed", "cancelled")
        }
        parts = [
            f"{counts['imported']} imported",
            f"{counts['duplicate']} duplicate",
            f"{counts['failed']} failed",
        ]
        n_unknown = len(self.undated_ids())
        text = ", ".join(parts)
        if cancelled or counts["cancelled"]:
            text += " — cancelled before the end"
        if n_unknown:
            text += (
                f". {n_unknown} article{'s' if n_unknown != 1 else ''} had no publication date: "
                "their relative dates are not on the timeline until you date them "
                "(Review undated…)."
            )
        self.summary.setText(text)
        self.summary.setWordWrap(True)
        self.table.setRowCount(len(results))
        for row, r in enumerate(results):
            name = (
                Path(r.path).name
                if r.path and ("/" in r.path or "\\" in r.path)
                else (r.path or "")
            )
            doubtful = r.status == "imported" and r.date_assumed
            unknown = doubtful and _is_undated(r)
            if unknown:
                status = "imported, date unknown"
            elif doubtful:
                status = "imported, date assumed"
            else:
                status = r.status
            reason = r.reason or ""
            art = articles.get(r.article_id) if r.article_id is not None else None
            if unknown and not reason:
                hint = date_wording.suggestion_text(art) if art is not None else ""
                reason = "No publication date found" + (f"; {hint}." if hint else ".")
            elif doubtful and not reason:
                reason = "A suggested date you accepted: please check it."
            if r.status == "imported" and r.hidden:
                reason = " ".join(filter(None, [reason, hidden_text(r.hidden)]))
            cells = [name, status, str(r.events) if r.status == "imported" else "", reason]
            for col, text_ in enumerate(cells):
                item = QTableWidgetItem(text_)
                if col == 0:
                    item.setToolTip(r.path)
                    item.setData(Qt.ItemDataRole.UserRole, r)
                if col == 1:
                    color = "#9a6700" if doubtful else _STATUS_COLORS.get(r.status, "#000")
                    item.setForeground(_color(color))
                self.table.setItem(row, col, item)
        first_assumed = next(
            (i for i, r in enumerate(results) if r.status == "imported" and r.date_assumed), None
        )
        if first_assumed is not None:
            self.table.selectRow(first_assumed)
        self.review_button.setText(
            f"Review undated ({n_unknown})…" if n_unknown else "Review undated…"
        )
        self.review_button.setEnabled(n_unknown > 0)
        self._selection()

    def undated_ids(self) -> list[int]:
        """The articles of this import that still have no date."""
        return [
            r.article_id
            for r in self.results
            if r.status == "imported" and r.article_id and r.date_assumed and _is_undated(r)
        ]

    def result_at(self, row: int):
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.result_at(rows[0].row()) if rows else None

    def _selection(self) -> None:
        r = self._selected()
        self.set_date_button.setEnabled(bool(r and r.article_id and r.status == "imported"))

    def _set_date(self) -> None:
        r = self._selected()
        if r and r.article_id:
            self.set_date_requested.emit(r.article_id)


def hidden_text(count: int) -> str:
    """What the user is told of new reports hidden with happenings they had deleted."""
    reports = "report was" if count == 1 else "reports were"
    return f"{count} {reports} hidden: they tell of happenings you deleted."


def _is_undated(result) -> bool:
    return (getattr(result, "date_source", None) or DateSource.NONE) == DateSource.NONE


def _color(hexcode: str):
    from PySide6.QtGui import QColor

    return QColor(hexcode)


class ArticleDateDialog(QDialog):
    """Ask for an article's real publication date (and, for dropped text, its title)."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        current: str | None,
        ask_title: bool = False,
        message: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article date" if not ask_title else "New article")
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("articleTitleEdit")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("articleDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        d = _parse_iso_day(current) or date.today()
        self.date_edit.setDate(QDate(d.year, d.month, d.day))
        self.setMinimumWidth(440)
        form = QFormLayout()
        if ask_title:
            form.addRow("Title:", self.title_edit)
        else:
            self.title_edit.hide()  # only dropped text needs a title; a file already has one
            name = QLabel(title, self)
            name.setWordWrap(True)
            form.addRow("Article:", name)
        form.addRow("Published on:", self.date_edit)
        info = QLabel(
            message
            or "Relative dates in the article (“on Wednesday”, “last week”) "
            "are worked out from this date.",
            self,
        )
        info.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def chosen_date(self) -> date:
        return self.date_edit.date().toPython()

    def chosen_title(self) -> str:
        return self.title_edit.text().strip()


def _parse_iso_day(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class PasteArticleDialog(QDialog):
    """Paste or type an article's text, with an optional title and date."""

    def __init__(self, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(640, 480)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("Title (optional: the first line is used otherwise)")
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(
            "Publication date YYYY-MM-DD (optional: found in the text if present)"
        )
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText("Paste the article text here…")
        self.text_edit.setPlainText(text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828")
        lay = QVBoxLayout(self)
        lay.addWidget(self.title_edit)
        lay.addWidget(self.date_edit)
        lay.addWidget(self.text_edit, 1)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        if not self.text_edit.toPlainText().strip():
            self.error.setText("The article is empty.")
            return
        if self.date_edit.text().strip() and self.anchor() is None:
            self.error.setText("Write the date as YYYY-MM-DD, e.g. 2024-11-13.")
            return
        self.accept()

    def anchor(self) -> date | None:
        return _parse_iso_day(self.date_edit.text().strip())


class EditEventDialog(QDialog):
    """Correct an event's title, date, type, modality, location and actors."""

    def __init__(self, parent: QWidget | None, ev: Event) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit event")
        self.resize(520, 0)
        self.ev = ev
        self.title_edit = QLineEdit(ev.title, self)
        self.date_edit = QLineEdit(ev.date or "", self)
        self.date_edit.setPlaceholderText("2024-11-13, 2024-11, 2024, 2024-W46, 2024-Q3…")
        self.gran = QComboBox(self)
        self.gran.addItems([str(g) for g in LISTED_GRANULARITIES])
        self.gran.setCurrentText(ev.granularity or "day")
        self.type = QComboBox(self)
        self.type.setEditable(True)
        self.type.addItems([str(t) for t in EventType])
        self.type.setCurrentText(ev.type)
        self.modality = QComboBox(self)
        self.modality.addItems([str(m) for m in Modality])
        self.modality.setCurrentText(ev.modality)
        self.location = QLineEdit(ev.location or "", self)
        self.actors = QLineEdit(", ".join(a.name for a in ev.actors), self)
        self.actors.setPlaceholderText("Comma-separated, e.g. Antony Blinken, NATO")
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.gran)
        form = QFormLayout()
        form.addRow("Title:", self.title_edit)
        form.addRow("Date:", date_row)
        form.addRow("Type:", self.type)
        form.addRow("Modality:", self.modality)
        form.addRow("Location:", self.location)
        form.addRow("Actors:", self.actors)
        self.error = QLabel(self)
        self.error.setStyleSheet("color:#c62828")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _accept(self) -> None:
        d = self.date_edit.text().strip()
        if d and Period.parse(d, self.gran.currentText()) is None:
            self.error.setText(
                f"{d} is not a date on the calendar. "
                "Use an ISO date: 2024-11-13, 2024-11, 2024, 2024-W46 or 2024-Q3."
            )
            return
        if not self.title_edit.text().strip():
            self.error.setText("The title cannot be empty.")
            return
        self.accept()

    def changes(self) -> dict:
        """Only the fields the user changed, as services.edit_event keywords."""
        ev = self.ev
        new = {
            "title": self.title_edit.text().strip(),
            "date": self.date_edit.text().strip() or None,
            "granularity": self.gran.currentText(),
            "type": self.type.currentText().strip() or EventType.OTHER,
            "modality": self.modality.currentText(),
            "location": self.location.text().strip() or None,
            "actors": [a.strip() for a in self.actors.text().split(",") if a.strip()],
        }
        old = event_fields(ev)
        return {k: v for k, v in new.items() if v != old[k]}


def event_fields(ev: Event) -> dict:
    """An event's editable fields in services.edit_event form (to undo an edit)."""
    return {
        "title": ev.title,
        "date": ev.date,
        "granularity": ev.granularity or "day",
        "type": ev.type,
        "modality": ev.modality,
        "location": ev.location,
        "actors": [a.name for a in ev.actors],
    }


class ShortcutsDialog(QDialog):
    """A table of every action that has a keyboard shortcut."""

    def __init__(self, parent: QWidget | None, actions: Sequence) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(460, 520)
        rows = [
            (
                a.text().replace("&", "").rstrip("…"),
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i, (name, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(name))
            table.setItem(i, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        lay.addWidget(buttons)


def about_text(db_path: str) -> str:
    return (
        f"<h3>Tracker {__version__}</h3>"
        "<p>Turns news articles into a timeline of dated events. Every event links back "
        "to the sentence it came from.</p>"
        "<p>Nothing is fetched from the network: articles are read from the files and text "
        "you give it.</p>"
        f"<p style='color:#777'>Database: {db_path}</p>"
    )
