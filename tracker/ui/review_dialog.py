"""The review list: articles whose publication date is unknown or only assumed.

Non-modal and kept by the window, reachable from the import report ("Review
undated (N)…") and from Articles › Review undated articles. Each row shows the
article, its date (or "date unknown") and the suggestion it could take; the
buttons date the selected rows in one undoable step, through the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.model import Article
from tracker.ui import date_wording
from tracker.ui.dialogs import read_only_table
from tracker.ui.formatting import format_date

COLUMNS = ["Article", "Date", "Suggested", "File"]


class UndatedReviewDialog(QDialog):
    """Articles to date: undated first, then those dated by an accepted suggestion."""

    set_dates_requested = Signal(list)  # article ids: one date for all
    use_suggested_requested = Signal(list)  # article ids: each its own suggestion
    show_requested = Signal(list)  # article ids: select them in the article list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undatedReview")
        self.setWindowTitle("Review article dates")
        self.setModal(False)
        self.resize(820, 420)
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.table = read_only_table(COLUMNS, self)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        h.resizeSection(1, 150)
        h.resizeSection(2, 200)
        h.resizeSection(3, 160)
        self.use_suggested_button = QPushButton("Use suggested dates", self)
        self.set_date_button = QPushButton("Set publication date…", self)
        self.show_button = QPushButton("Select in article list", self)
        self.use_suggested_button.clicked.connect(
            lambda: self.use_suggested_requested.emit(self.selected_ids())
        )
        self.set_date_button.clicked.connect(
            lambda: self.set_dates_requested.emit(self.selected_ids())
        )
        self.show_button.clicked.connect(lambda: self.show_requested.emit(self.selected_ids()))
        self.table.itemSelectionChanged.connect(self._selection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        for b in (self.use_suggested_button, self.set_date_button, self.show_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        hint = QLabel(
            "Relative dates (“on Wednesday”, “last week”) in an undated article are not on "
            "the timeline until it has a date. A suggestion is the text's “Updated” line or "
            "the file's date: check it before you rely on it.",
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666")
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(hint)
        lay.addWidget(buttons)
        self.articles: list[Article] = []

    def set_articles(
        self, articles: Iterable[Article], select: Sequence[int] | None = None
    ) -> None:
        """Show ``articles`` (undated first); select ``select``, or keep the selection."""
        keep = self.selected_ids() if select is None else list(select)
        self.articles = sorted(
            articles, key=lambda a: (not a.date_unknown, (a.title or "").lower(), a.id or 0)
        )
        unknown = sum(1 for a in self.articles if a.date_unknown)
        assumed = len(self.articles) - unknown
        if not self.articles:
            self.summary.setText("Every article has a date found in it or set by you.")
        else:
            parts = []
            if unknown:
                parts.append(f"{unknown} article{'s' if unknown != 1 else ''} with no date")
            if assumed:
                parts.append(f"{assumed} with a suggested date you accepted")
            self.summary.setText(
                "To review: " + " and ".join(parts) + ". Select rows, then date them."
            )
        self.table.setRowCount(len(self.articles))
        amber = QColor("#9a6700")
        for row, a in enumerate(self.articles):
            origin = date_wording.suggestion_origin(a)
            suggested = ""
            if a.date_unknown and a.suggested_date:
                suggested = format_date(a.suggested_date) + (f" ({origin})" if origin else "")
            shown = (
                date_wording.UNKNOWN_BADGE
                if a.date_unknown
                else f"{format_date(a.anchor_date)} (assumed)"
            )
            cells = [
                a.title or "(untitled)",
                shown,
                suggested or ("—" if a.date_unknown else ""),
                Path(a.path).name if a.path else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, a.id)
                    item.setToolTip(date_wording.tooltip(a, origin))
                if col == 1:
                    item.setForeground(amber)
                if col == 3 and a.path:
                    item.setToolTip(a.path)
                self.table.setItem(row, col, item)
        self._select(keep)
        self._selection()

    def _select(self, ids: Sequence[int]) -> None:
        wanted = set(ids)
        sel = QItemSelection()
        for row in range(self.table.rowCount()):
            if self.id_at(row) in wanted:
                left = self.table.model().index(row, 0)
                right = self.table.model().index(row, len(COLUMNS) - 1)
                sel.select(left, right)
        self.table.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def id_at(self, row: int) -> int | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [i for i in (self.id_at(r) for r in rows) if i is not None]

    def _selection(self) -> None:
        ids = set(self.selected_ids())
        chosen = [a for a in self.articles if a.id in ids]
        self.set_date_button.setEnabled(bool(chosen))
        self.show_button.setEnabled(bool(chosen))
        self.use_suggested_button.setEnabled(
            any(a.date_unknown and a.suggested_date for a in chosen)
        )
        n = len(chosen)
        self.set_date_button.setText(
            f"Set publication date of {n}…" if n > 1 else "Set publication date…"
        )
