"""A minimal stand-in for the timeline panel, used only when tracker.ui.timeline is absent.

It offers the same small API the main window calls (set_events, select_event,
zoom, lanes, export_image, signals) over a plain QGraphicsView, so the window
works, and its tests run, whatever state the real timeline widget is in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QVBoxLayout, QWidget

from tracker.model import Event


class FallbackTimelineView(QGraphicsView):
    event_selected = Signal(int)
    event_activated = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._items: dict[int, object] = {}
        self.lane_mode = "none"

    def set_events(self, events: Sequence[Event]) -> None:
        scene = self.scene()
        scene.clear()
        self._items.clear()
        dated = sorted((e for e in events if e.date and e.id is not None), key=lambda e: e.date)
        for i, ev in enumerate(dated):
            dot = scene.addEllipse(
                i * 24.0, 0, 10, 10, QPen(Qt.PenStyle.NoPen), QBrush(QColor("#3d7bd9"))
            )
            dot.setData(0, ev.id)
            dot.setToolTip(f"{ev.date}: {ev.title}")
            dot.setFlag(dot.GraphicsItemFlag.ItemIsSelectable)
            self._items[ev.id] = dot

    def select_event(self, event_id: int | None) -> None:
        self.scene().clearSelection()
        item = self._items.get(event_id) if event_id is not None else None
        if item is not None:
            item.setSelected(True)
            self.centerOn(item)

    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().mousePressEvent(e)
        item = self.itemAt(e.position().toPoint())
        if item is not None and item.data(0) is not None:
            self.event_selected.emit(int(item.data(0)))

    def set_lane_mode(self, mode: str) -> None:
        self.lane_mode = mode

    def zoom_in(self) -> None:
        self.scale(1.25, 1.0)

    def zoom_out(self) -> None:
        self.scale(0.8, 1.0)

    def fit_all(self) -> None:
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_to_selection(self) -> None:
        items = self.scene().selectedItems()
        if items:
            self.centerOn(items[0])

    def context_menu_actions(self) -> list:
        return []

    def export_image(self, path: str | Path, scale: float = 1.0) -> None:
        rect: QRectF = self.scene().itemsBoundingRect().adjusted(-10, -10, 10, 10)
        img = QImage(
            int(rect.width() * scale) or 1,
            int(rect.height() * scale) or 1,
            QImage.Format.Format_ARGB32,
        )
        img.fill(QColor("white"))
        p = QPainter(img)
        self.scene().render(p, QRectF(img.rect()), rect)
        p.end()
        img.save(str(path))


class FallbackTimelinePanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = FallbackTimelineView(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)


def make_timeline_panel(parent=None) -> QWidget:
    """The real TimelinePanel when it imports, else the fallback."""
    try:
        from tracker.ui.timeline import TimelinePanel
    except Exception:  # the timeline package is being built alongside; never block on it
        return FallbackTimelinePanel(parent)
    return TimelinePanel(parent)
