"""The event table: a thin Qt item model over a list of Event dataclasses, and its view.

The model never queries the database itself; the window hands it the events
that the current search and filters produced (napari's list-adapter pattern).
The model sorts itself in Python on chronological / numeric keys (a proxy model
would call back into Python for every comparison, too slow past a few thousand
rows), so the "Date" column sorts by the ISO value while it displays "Nov 2024".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from tracker.model import Event
from tracker.ui.formatting import format_range, sort_key_date

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_BG = QColor(255, 230, 0, 110)
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Date", "Title", "Type", "Modality", "Actors", "Sources", "Article")

_Index = QModelIndex | QPersistentModelIndex


def actor_names(ev: Event) -> str:
    return ", ".join(a.name for a in ev.actors)


class EventTableModel(QAbstractTableModel):
    """Rows are events; columns are COLUMNS. Read-only: edits go through the Edit menu."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []
        self._rows: dict[int, int] = {}
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._term = ""  # the search: cells containing it are highlighted

    def set_search(self, term: str) -> None:
        self._term = term.strip().casefold()
        if self._events:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._events) - 1, len(COLUMNS) - 1)
            )

    def is_hit(self, row: int, col: int) -> bool:
        if not self._term or not (0 <= row < len(self._events)):
            return False
        ev = self._events[row]
        text = self._display(ev, col)
        if col == 1 and ev.passages:
            text = f"{text} {ev.passages[0].quote}"
        return self._term in (text or "").casefold()

    def set_events(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._events = self._sorted(events)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._rows = {e.id: i for i, e in enumerate(self._events) if e.id is not None}

    def _sorted(self, events: Sequence[Event]) -> list[Event]:
        col = self._sort_column
        return sorted(
            events,
            key=lambda e: self._sort_key(e, col),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old = {id(e): i for i, e in enumerate(self._events)}
        self._events = self._sorted(self._events)
        self._reindex()
        # Keep selections and the current row pointing at the same events.
        moved_from = [old[id(e)] for e in self._events]
        inverse = {src: dst for dst, src in enumerate(moved_from)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(inverse.get(i.row(), i.row()), i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def row_of(self, event_id: int) -> int | None:
        return self._rows.get(event_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._events)):
            return None
        ev = self._events[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ev, col)
        if role == SORT_ROLE:
            return self._sort_key(ev, col)
        if role == EVENT_ID_ROLE:
            return ev.id
        if role == Qt.ItemDataRole.BackgroundRole and self._term and self.is_hit(index.row(), col):
            return HIT_BG
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and ev.tags:
            return QColor(ev.tags[0][1])  # the first tag's colour beside the title
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return f"{ev.date or 'undated'} ({ev.granularity or 'unknown'} granularity)"
            if col == 1 and (ev.passages or ev.tags):
                tags = ", ".join(n for n, _c in ev.tags)
                quote = ev.passages[0].quote if ev.passages else ""
                return f"{quote}\nTags: {tags}" if tags else quote
            if col == 6:
                return ev.article_title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(ev: Event, col: int) -> str:
        match col:
            case 0:
                return format_range(ev.date, ev.date_end, ev.granularity)
            case 1:
                return ev.title
            case 2:
                return ev.type
            case 3:
                return ev.modality
            case 4:
                return actor_names(ev)
            case 5:
                return str(ev.source_count)
            case 6:
                return ev.article_title or ""
        return ""

    @staticmethod
    def _sort_key(ev: Event, col: int):
        if col == 0:
            return (sort_key_date(ev.date), ev.id or 0)
        if col == 5:
            return ev.source_count
        return EventTableModel._display(ev, col).casefold()


class EventTable(QTableView):
    """Sortable view of the event model; emits the selected event id."""

    event_selected = Signal(int)
    event_activated = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("eventTable")
        self.source_model = EventTableModel(self)
        self.setModel(self.source_model)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # The title is what people read: it gets a wide column of its own and
        # the article column takes whatever is left.
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((0, 100), (1, 320), (2, 80), (3, 85), (4, 170), (5, 60), (6, 160)):
            header.resizeSection(col, width)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.doubleClicked.connect(self._on_double)
        self._quiet = False

    def set_events(self, events: Sequence[Event]) -> None:
        current = self.current_event_id()
        self.source_model.set_events(events)
        if current is not None:
            self.select_event(current, quiet=True)

    def event_id_at(self, row: int) -> int | None:
        idx = self.source_model.index(row, 0)
        return idx.data(EVENT_ID_ROLE) if idx.isValid() else None

    def current_event_id(self) -> int | None:
        idx = self.currentIndex()
        return idx.data(EVENT_ID_ROLE) if idx.isValid() else None

    def selected_event_ids(self) -> list[int]:
        rows = self.selectionModel().selectedRows()
        ids = [r.data(EVENT_ID_ROLE) for r in rows]
        if not ids and (cur := self.current_event_id()) is not None:
            ids = [cur]
        return ids

    def select_event(self, event_id: int | None, quiet: bool = True) -> bool:
        """Select and scroll to an event's row; ``quiet`` suppresses event_selected."""
        if event_id is None:
            self._quiet = quiet
            try:
                self.selectionModel().clear()  # the current row too: nothing selected at all
            finally:
                self._quiet = False
            return False
        row = self.source_model.row_of(event_id)
        if row is None:
            self.clearSelection()
            return False
        idx = self.source_model.index(row, 0)
        self._quiet = quiet
        try:
            self.selectionModel().setCurrentIndex(
                idx,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._quiet = False
        self.scrollTo(idx, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        event_id = current.data(EVENT_ID_ROLE)
        if event_id is not None:
            self.event_selected.emit(int(event_id))

    def _on_double(self, index: QModelIndex) -> None:
        event_id = index.data(EVENT_ID_ROLE)
        if event_id is not None:
            self.event_activated.emit(int(event_id))
