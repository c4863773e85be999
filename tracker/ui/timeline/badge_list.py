"""The list a "+N" badge opens: the events it stands for, sorted, clickable, keyboard-navigable.

Zooming into a badge never ends when many events share one day; the list does.
The contents come from ``tracker.layout.badge_contents``; this is only the popup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from tracker.model import Event, period_label


class BadgeList(QFrame):
    event_chosen = Signal(int)  # position in the view's index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("badgeList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("badgeListTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("badgeListItems")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.list)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)

    def set_events(self, positions: list[int], events: list[Event]) -> None:
        self.list.clear()
        n = len(positions)
        self.title.setText(f"{n} event{'s' if n != 1 else ''} with no room for a label")
        for pos in positions:
            e = events[pos]
            when = period_label(e.date, e.granularity, e.date_end)
            item = QListWidgetItem(f"{when}  —  {e.title or '(untitled)'}")
            item.setData(Qt.ItemDataRole.UserRole, pos)
            item.setToolTip(", ".join(a.name for a in e.actors))
            self.list.addItem(item)
        if n:
            self.list.setCurrentRow(0)
        fm = self.list.fontMetrics()
        widest = max((fm.horizontalAdvance(self.list.item(k).text()) for k in range(n)), default=0)
        self.list.setFixedWidth(min(max(widest + 40, 360), 720))
        rows = min(n, 14)
        self.list.setFixedHeight(max(rows, 1) * (self.list.sizeHintForRow(0) or 20) + 6)
        self.adjustSize()

    def items(self) -> list[str]:
        return [self.list.item(k).text() for k in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.event_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.hide()
