"""The happenings the user deleted, to bring back later (Edit › Deleted events…).

Undo brings a deletion back within the session; this list does it any time after,
as a trash would. Restoring is an undoable edit like the deletion itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.services import DeletedHappening
from tracker.ui.dialogs import read_only_table
from tracker.ui.formatting import format_date


class DeletedEventsDialog(QDialog):
    """Non-modal list of deleted happenings; "Restore" asks for the selected ones back."""

    restore_requested = Signal(list)  # event ids, one per happening

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletedEvents")
        self.setWindowTitle("Deleted events")
        self.setModal(False)
        self.resize(760, 360)
        self.summary = QLabel(self)
        self.table = read_only_table(["Date", "Event", "Reports", "Deleted"], self)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.resizeSection(0, 110)
        h.resizeSection(2, 70)
        h.resizeSection(3, 140)
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setObjectName("restoreDeleted")
        self.restore_button.setToolTip(
            "Bring the selected events back, with every report (undoable)"
        )
        self.restore_button.clicked.connect(self._restore)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.itemDoubleClicked.connect(lambda _item: self._restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._selection()

    def set_rows(self, rows: Sequence[DeletedHappening]) -> None:
        """Show ``rows`` (most recently deleted first), keeping the selection it can."""
        keep = set(self.selected_ids())
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            when = (row.deleted_at or "")[:16].replace("T", " ")
            cells = [
                format_date(row.date) if row.date else "undated",
                row.title,
                str(row.reports),
                when,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.event_id)
                if c == 1:
                    item.setToolTip(row.title)
                self.table.setItem(r, c, item)
            if row.event_id in keep:
                self.table.selectRow(r)
        n = len(rows)
        self.summary.setText(
            "Nothing deleted."
            if not n
            else f"{n} deleted event{'s' if n != 1 else ''}."
            " New reports of them stay hidden with them until you restore them."
        )
        self._selection()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _selection(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedIndexes()))

    def _restore(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.restore_requested.emit(ids)
