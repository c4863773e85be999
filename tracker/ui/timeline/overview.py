"""The overview strip: event density over the whole date range and the visible window.

Click or drag anywhere to move the timeline there (the zoom level is kept);
dragging the window rectangle moves it without jumping.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tracker.layout import TimeScale, axis_for, histogram

from . import style
from .view import TimelineView

BIN_PX = 3


class OverviewStrip(QWidget):
    def __init__(self, view: TimelineView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineOverview")
        self.setToolTip("Whole date range: drag to navigate")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(44)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._view = view
        self._counts: list[int] = []
        self._range: tuple[float, float] | None = None
        self._grab_offset: float | None = None
        self._font = style.small_font()
        view.events_changed.connect(self._recompute)
        view.visible_range_changed.connect(lambda _a, _b: self.update())
        self._recompute()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, 44)

    def _recompute(self) -> None:
        extent = self._view.index.extent()
        if extent is None:
            self._range, self._counts = None, []
        else:
            start, end = extent
            pad = max((end - start) * 0.02, 86400.0)
            self._range = (start - pad, end + pad)
            bins = max(self.width() // BIN_PX, 1)
            self._counts = histogram(self._view.index.starts, *self._range, bins)
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._recompute()

    def _x_of(self, t: float) -> float:
        t0, t1 = self._range
        return (t - t0) / (t1 - t0) * self.width()

    def _t_of(self, x: float) -> float:
        t0, t1 = self._range
        return t0 + x / max(self.width(), 1) * (t1 - t0)

    def window_rect(self) -> QRectF | None:
        """Where the view's visible window sits in the strip."""
        if self._range is None:
            return None
        s = self._view.time_scale
        x0, x1 = self._x_of(s.t_left), self._x_of(s.t_right)
        if x1 - x0 < 4:
            mid = (x0 + x1) / 2
            x0, x1 = mid - 2, mid + 2
        return QRectF(x0, 1, x1 - x0, self.height() - 2)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), style.HEADER_BG)
        h = self.height() - 4
        if self._counts:
            top = max(self._counts)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(style.OVERVIEW_BAR)
            for k, c in enumerate(self._counts):
                if c:
                    # Square-root scale keeps sparse periods visible next to busy ones.
                    bh = max(1.0, h * (c / top) ** 0.5)
                    p.drawRect(QRectF(k * BIN_PX, self.height() - 2 - bh, BIN_PX - 0.5, bh))
        if self._range is not None:
            self._paint_ticks(p)
        rect = self.window_rect()
        if rect is not None:
            p.setBrush(style.OVERVIEW_WINDOW)
            p.setPen(QPen(style.OVERVIEW_WINDOW_EDGE, 1.2))
            p.drawRect(rect)
        p.setPen(QPen(style.GRID_MAJOR, 1))
        p.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        p.end()

    def _paint_ticks(self, p: QPainter) -> None:
        """Calendar ticks for orientation, chosen like the main axis but for the whole range."""
        t0, t1 = self._range
        axis = axis_for(TimeScale(t0, self.width() / (t1 - t0), self.width()))
        p.setFont(self._font)
        for tick in axis.minor:
            x = self._x_of(tick.t)
            p.setPen(QPen(style.GRID_MAJOR, 1))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            p.setPen(style.HEADER_MINOR_FG)
            p.drawText(QPointF(x + 3, 11), tick.label)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._range is None or event.button() != Qt.MouseButton.LeftButton:
            return
        x = event.position().x()
        rect = self.window_rect()
        if rect is not None and rect.left() <= x <= rect.right():
            self._grab_offset = x - rect.center().x()
        else:
            self._grab_offset = 0.0
            self._view.centre_on_time(self._t_of(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._grab_offset is not None and self._range is not None:
            self._view.centre_on_time(self._t_of(event.position().x() - self._grab_offset))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._grab_offset = None
