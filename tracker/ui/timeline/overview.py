"""The overview strip: event density over the whole date range and the visible window.

Click anywhere to move the timeline there (the zoom level is kept); dragging
the window rectangle moves it without jumping; dragging elsewhere (or with
Shift, or when the window fills the strip) brushes a range and zooms the
timeline to it. When the timeline is zoomed far in, the
strip follows: it shows the neighbourhood of the visible window (16 windows
wide) rather than a sliver of the whole range.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tracker.layout import TimeScale, axis_for, histogram

from . import style
from .view import TimelineView

BIN_PX = 3
BRUSH_MIN_PX = 5
FOLLOW = 16  # zoomed in further than 1/FOLLOW of the range, the strip follows


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
        self._brush: tuple[float, float] | None = None  # x from, x to while brushing
        self._font = style.small_font()
        view.events_changed.connect(self._recompute)
        view.visible_range_changed.connect(lambda _a, _b: self._recompute())
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
            lo, hi = start - pad, end + pad
            s = self._view.time_scale
            if s.span * FOLLOW < hi - lo:  # zoomed far in: follow the window
                mid = (s.t_left + s.t_right) / 2
                half = s.span * FOLLOW / 2
                lo, hi = max(lo, mid - half), min(hi, mid + half)
                if hi - lo < 2 * half:  # against an end: keep the width
                    lo, hi = (lo, lo + 2 * half) if lo > start - pad - 1 else (hi - 2 * half, hi)
            self._range = (lo, hi)
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
        if self._brush is not None:
            x0, x1 = sorted(self._brush)
            p.setPen(QPen(style.OVERVIEW_WINDOW_EDGE, 1, Qt.PenStyle.DashLine))
            p.setBrush(style.OVERVIEW_WINDOW)
            p.drawRect(QRectF(x0, 1, x1 - x0, self.height() - 2))
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
        # The window is grabbed to move it, unless it fills the strip (nothing to
        # move) or Shift is held: then a drag brushes a range to zoom to.
        brush = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier) or (
            rect is not None and rect.width() > 0.8 * self.width()
        )
        if rect is not None and rect.left() <= x <= rect.right() and not brush:
            self._grab_offset = x - rect.center().x()
        else:
            self._brush = (x, x)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        if self._brush is not None:
            self._brush = (self._brush[0], x)
            self.update()
        elif self._grab_offset is not None and self._range is not None:
            self._view.centre_on_time(self._t_of(x - self._grab_offset))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._grab_offset = None
        brush, self._brush = self._brush, None
        if brush is None or self._range is None:
            return
        brush = (brush[0], event.position().x())
        x0, x1 = sorted(brush)
        if x1 - x0 >= BRUSH_MIN_PX:
            self._view.show_range(self._t_of(x0), self._t_of(x1))
        else:  # a click: move there, keeping the zoom
            self._view.centre_on_time(self._t_of(x0))
        self.update()
