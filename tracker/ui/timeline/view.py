"""The interactive timeline: a QGraphicsView that paints a ``tracker.layout`` scene itself.

No QGraphicsItem per event: the scene is empty and only sized (its height is
the lanes' total height, so the vertical scrollbar works natively), while the
horizontal axis is our own ``TimeScale`` (zoom and pan are replaced, never
accumulated in a QTransform). Each repaint lays out only the visible window and
paints it in ``drawBackground``; hit-testing uses the same layout, so what you
click is exactly what you see. Input handling lives in ``interaction.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QCursor, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from tracker.layout import (
    LANE_MODES,
    Axis,
    EventIndex,
    Metrics,
    SceneLayout,
    TimeScale,
    axis_for,
    badge_contents,
    lane_boxes,
    lane_keys,
    layout_scene,
    now_seconds,
)
from tracker.layout.fit import EdgeIndex, Outliers, outliers, story_core
from tracker.layout.periods import DAY, span_seconds
from tracker.model import Event

from .interaction import TimelineInput
from .painter import ScenePainter

if TYPE_CHECKING:
    from .badge_list import BadgeList

ZOOM_STEP = 1.5


class TimelineView(TimelineInput, QGraphicsView):
    event_selected = Signal(int)  # event id; the user clicked or keyed to it
    event_activated = Signal(int)  # event id; double-click / Enter: open the article
    visible_range_changed = Signal(float, float)  # seconds: left, right edge
    events_changed = Signal()
    lane_mode_changed = Signal(str)
    event_redated = Signal(int, str)  # event id, new ISO day: the selected event was dragged

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setAccessibleName("Timeline")

        self.metrics = Metrics()
        self._painter = ScenePainter(self.metrics)
        self._index = EventIndex([])
        self._painter.reset(self._index)
        self._mode = "none"
        width = max(self.viewport().width(), 1)
        self._scale = TimeScale(now_seconds() - 60 * DAY, width / (90 * DAY), width)
        self._selected: int | None = None  # position in self._index.events
        self._hovered: int | None = None
        self._layout: SceneLayout | None = None
        self._layout_key: tuple | None = None
        self._axis: tuple[TimeScale, Axis] | None = None
        self._press: QPointF | None = None
        self._press_scale: TimeScale | None = None
        self._press_v = 0
        self._dragging = False
        self._moving: int | None = None  # the selected event being dragged to another day
        self._follow_fit = True  # re-fit on resize until the user zooms or pans
        self._extra_actions: list[QAction] = []
        self._badge_list = None
        self._edges: EdgeIndex | None = None  # events by end, for the edge arrows
        self._core: tuple[EventIndex, tuple[float, float] | None] | None = None
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        self._update_scene_rect()

    # -- public API ----------------------------------------------------------
    @property
    def index(self) -> EventIndex:
        return self._index

    @property
    def time_scale(self) -> TimeScale:
        return self._scale

    def lane_mode(self) -> str:
        return self._mode

    def set_events(self, events: Sequence[Event]) -> None:
        """Show ``events``. The first load fits them all; later reloads (after an edit)
        keep the user's zoom and selection."""
        selected_id = self.selected_event_id()
        refit = self._follow_fit or len(self._index) == 0
        self._index = EventIndex(events)
        self._painter.reset(self._index)
        self._painter.hits = set()  # positions changed: the window sets the hits again
        self._selected = (
            self._index.position_of_id.get(selected_id) if selected_id is not None else None
        )
        self._hovered = None
        self._invalidate()
        self._update_scene_rect()
        if refit:
            self.fit_core()
        self.viewport().update()
        self.events_changed.emit()

    def select_event(self, event_id: int | None) -> None:
        """Highlight an event chosen elsewhere (the table); emits nothing."""
        pos = self._index.position_of_id.get(event_id) if event_id is not None else None
        self._selected = pos
        if pos is not None:
            self._ensure_visible(pos)
        self.viewport().update()

    def selected_event_id(self) -> int | None:
        if self._selected is None:
            return None
        return self._index.events[self._selected].id

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}; expected one of {LANE_MODES}")
        if mode == self._mode:
            return
        self._mode = mode
        self._update_scene_rect()
        self.verticalScrollBar().setValue(0)
        if self._selected is not None:
            self._ensure_visible(self._selected)
        self.viewport().update()
        self.lane_mode_changed.emit(mode)

    def zoom_in(self) -> None:
        self.zoom_at(ZOOM_STEP, self._zoom_anchor())

    def zoom_out(self) -> None:
        self.zoom_at(1 / ZOOM_STEP, self._zoom_anchor())

    def zoom_at(self, factor: float, x: float) -> None:
        """Zoom by ``factor`` keeping the time under viewport x where it is."""
        self._set_scale(self._scale.zoomed(factor, x))

    def fit_all(self) -> None:
        """Show every event; if they span more than the widest zoom, centre on the
        median event so the bulk of them is on screen."""
        extent = self._index.extent()
        if extent is not None:
            scale = self._scale.showing(*extent, margin=0.03)
            if scale.span < (extent[1] - extent[0]) * 1.0001:
                scale = scale.centred_on(self._index.starts[len(self._index) // 2])
            self._set_scale(scale)
        self._follow_fit = True

    def fit_core(self) -> None:
        """Show the dense core of the events (most of them, by importance); events far
        outside it are counted by the arrows at the edges. The first view uses this."""
        core = self.core_extent()
        if core is None:
            return
        self._set_scale(self._scale.showing(*core, margin=0.03))
        self._follow_fit = True

    def core_extent(self) -> tuple[float, float] | None:
        idx = self._index
        if not len(idx):
            return None
        if self._core is None or self._core[0] is not idx:  # once per event list
            self._core = (idx, story_core(idx.starts, idx.ends, idx.prio))
        return self._core[1]

    def outliers(self) -> Outliers:
        """Events wholly left and right of the visible window (the edge arrows)."""
        s = self._scale
        if self._edges is None or self._edges.starts is not self._index.starts:
            self._edges = EdgeIndex(self._index.starts, self._index.ends)
        return outliers(self._index.starts, self._edges, s.t_left, s.t_right)

    def outlier_arrows(self) -> list[tuple[str, QRectF, int, float]]:
        """(side, viewport rect, count, time to jump to) of each edge arrow shown."""
        out = self.outliers()
        # In the header's lower band, at the edges: they cover one tick label, never an event.
        h = self.metrics.header_h - self.metrics.period_h
        y, ah = h * 0.45 + 1, h * 0.55 - 3
        arrows = []
        if out.left and out.left_nearest is not None:
            arrows.append(("left", QRectF(2, y, 56, ah), out.left, out.left_nearest))
        if out.right and out.right_nearest is not None:
            w = self.viewport().width()
            arrows.append(("right", QRectF(w - 58, y, 56, ah), out.right, out.right_nearest))
        return arrows

    def jump_to_outlier(self, side: str) -> bool:
        """Centre the nearest event beyond the ``side`` edge (keeping the zoom)."""
        for s, _rect, _n, t in self.outlier_arrows():
            if s == side:
                i = self._index.starts.index(t) if t in self._index.starts else None
                self.centre_on_time(t)
                if i is not None:
                    self._select_position(i, emit=True)
                return True
        return False

    def set_search_hits(self, event_ids) -> None:
        """Highlight these events' labels (the search's hits)."""
        pos = self._index.position_of_id
        self._painter.hits = {pos[i] for i in event_ids if i in pos}
        self.viewport().update()

    def set_periods(self, periods) -> None:
        """Named periods to draw as bands: (name, first ISO day, last ISO day, colour)."""
        bands = []
        for name, first, last, colour in periods:
            a, b = span_seconds(first), span_seconds(last)
            if a is not None and b is not None:
                bands.append((name, a[0], b[1], QColor(colour)))
        self._painter.bands = bands
        strip = 17.0 if bands else 0.0
        if strip != self.metrics.period_h:  # the rows move down to make room for the names
            self.metrics = replace(
                self.metrics, period_h=strip, header_h=Metrics().header_h + strip
            )
            self._painter.metrics = self.metrics
            self._update_scene_rect()
        self.viewport().update()

    def redate_target(self, i: int, dx: float) -> str | None:
        """The ISO day event ``i`` lands on when dragged ``dx`` pixels (None: same day,
        or not an event known to the day)."""
        e = self._index.events[i]
        if e.granularity not in ("day", None) or not e.date or len(e.date) != 10:
            return None
        days = round(dx / (self._scale.pps * DAY))
        if days == 0:
            return None
        try:
            return (date.fromisoformat(e.date) + timedelta(days=days)).isoformat()
        except (ValueError, OverflowError):
            return None

    def badge_events(self, cluster) -> list[int]:
        """Positions (into the index) of the events a badge stands for, in date order."""
        return badge_contents(self._index, self._mode, self._ensure_layout(), cluster)

    def open_badge(self, cluster, pos: QPointF | None = None) -> BadgeList:
        """Open the list of a badge's events; choosing one selects it and zooms to it."""
        from .badge_list import BadgeList

        if self._badge_list is None:
            self._badge_list = BadgeList(self)
            self._badge_list.event_chosen.connect(self._badge_chosen)
        self._badge_list.set_events(self.badge_events(cluster), self._index.events)
        at = pos if pos is not None else QPointF(cluster.x, cluster.y - self._view_top())
        self._badge_list.move(self.viewport().mapToGlobal(at.toPoint()))
        self._badge_list.show()
        self._badge_list.list.setFocus()
        return self._badge_list

    def _badge_chosen(self, pos: int) -> None:
        self._select_position(pos, emit=True)
        self.zoom_to_selection()

    def set_compact(self, compact: bool) -> None:
        """Compact lanes: at most three rows each; otherwise lanes grow to what they need."""
        self.metrics = replace(self.metrics, compact=compact)
        self._painter.metrics = self.metrics
        self._update_scene_rect()
        self.viewport().update()

    def zoom_to_selection(self) -> None:
        if self._selected is None:
            return
        i = self._selected
        start, end = self._index.starts[i], self._index.ends[i]
        pad = max(end - start, DAY)
        self._set_scale(self._scale.showing(start - pad, end + pad, margin=0.0))
        self._ensure_visible(i)

    def show_range(self, t_from: float, t_to: float) -> None:
        """Zoom so the viewport shows exactly [t_from, t_to] (a brushed range)."""
        self._set_scale(self._scale.showing(t_from, t_to, margin=0.0))

    def centre_on_time(self, t: float) -> None:
        self._set_scale(self._scale.centred_on(t))

    def export_image(self, path: str, scale: float = 1.0) -> None:
        from .export import export_view

        export_view(self, path, scale)

    def context_menu_actions(self) -> list:
        """The live list of extra QActions for the context menu; append to it."""
        return self._extra_actions

    def current_layout(self) -> SceneLayout:
        return self._ensure_layout()

    def event_id_at(self, pos: QPointF) -> int | None:
        i = self._event_at(pos)
        return None if i is None else self._index.events[i].id

    def paint_view(self, painter: QPainter, vector: bool = False) -> None:
        """Paint what the viewport shows, in viewport coordinates (used by exports);
        ``vector`` draws markers as shapes rather than cached bitmaps (for SVG)."""
        top = self._view_top()
        painter.translate(0, -top)
        self._painter.sprites = not vector
        try:
            self._paint(painter, QRectF(0, top, self.viewport().width(), self.viewport().height()))
        finally:
            self._painter.sprites = True
        painter.translate(0, top)

    # -- layout and painting -------------------------------------------------
    def _view_top(self) -> float:
        return float(self.verticalScrollBar().value())

    def _invalidate(self) -> None:
        self._layout_key = None

    def _ensure_layout(self) -> SceneLayout:
        vh = self.viewport().height()
        key = (self._scale, self._mode, self._view_top(), vh, self._selected, id(self._index))
        if self._layout is None or key != self._layout_key:
            self._layout = layout_scene(
                self._index,
                self._mode,
                self._scale,
                vh,
                self._painter.label_width,
                y_top=self._view_top(),
                selected=self._selected,
                metrics=self.metrics,
            )
            self._layout_key = key
        return self._layout

    def _current_axis(self) -> Axis:
        if self._axis is None or self._axis[0] != self._scale:
            self._axis = (self._scale, axis_for(self._scale))
        return self._axis[1]

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        layout = self._ensure_layout()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._painter.paint(
            painter, layout, self._current_axis(), rect, self._selected, self._hovered
        )

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        top = self._view_top()
        self._paint(painter, QRectF(0, top, self.viewport().width(), self.viewport().height()))
        painter.translate(0, top)
        self._painter.paint_arrows(painter, self.outlier_arrows())
        painter.translate(0, -top)

    def _update_scene_rect(self) -> None:
        _boxes, content_h = lane_boxes(
            self._index, self._mode, self.viewport().height(), self.metrics
        )
        self.scene().setSceneRect(0, 0, self.viewport().width(), content_h)
        self._invalidate()

    def _set_scale(self, scale: TimeScale) -> None:
        self._follow_fit = False
        if scale == self._scale:
            return
        self._scale = scale
        self.viewport().update()
        self.visible_range_changed.emit(scale.t_left, scale.t_right)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        follow = self._follow_fit
        self._scale = self._scale.with_width(max(self.viewport().width(), 1))
        self._update_scene_rect()
        if follow:
            self.fit_core()
        self.visible_range_changed.emit(self._scale.t_left, self._scale.t_right)

    # -- hit testing -----------------------------------------------------------
    def _event_at(self, pos: QPointF) -> int | None:
        if pos.y() < self.metrics.header_h:
            return None
        layout = self._ensure_layout()
        x, y = pos.x(), pos.y() + self._view_top()
        row_h = self.metrics.row_h
        for item in reversed(layout.placed):
            if item.left <= x <= item.right and item.y <= y < item.y + row_h:
                return item.index
        return None

    def _cluster_at(self, pos: QPointF):
        if pos.y() < self.metrics.header_h:
            return None
        layout = self._ensure_layout()
        x, y = pos.x(), pos.y() + self._view_top()
        half = self.metrics.cell_px / 2
        for c in layout.clusters:
            if abs(x - c.x) <= half and c.y <= y < c.y + self.metrics.badge_h:
                return c
        return None

    def _ensure_visible(self, i: int) -> None:
        """Bring event ``i`` into view: centre it if off-screen, scroll to its first lane."""
        start, end = self._index.starts[i], self._index.ends[i]
        s = self._scale
        if end <= s.t_left or start >= s.t_right - 0.1 * s.span:
            self._set_scale(s.centred_on(start if end - start > s.span else (start + end) / 2))
        keys = lane_keys(self._index.events[i], self._mode)
        boxes, _h = lane_boxes(self._index, self._mode, self.viewport().height(), self.metrics)
        box = next((b for b in boxes if b.key in keys), None)
        if box is not None:
            top, vh = self._view_top(), self.viewport().height()
            if box.y - self.metrics.header_h < top or box.y + box.height > top + vh:
                self.verticalScrollBar().setValue(int(box.y - self.metrics.header_h))

    def _select_position(self, i: int | None, emit: bool) -> None:
        self._selected = i
        if i is not None:
            self._ensure_visible(i)
            event_id = self._index.events[i].id
            if emit and event_id is not None:
                self.event_selected.emit(event_id)
        self.viewport().update()

    def _zoom_anchor(self) -> float:
        pos = self.viewport().mapFromGlobal(QCursor.pos())
        if self.viewport().rect().contains(pos) and self.underMouse():
            return float(pos.x())
        return self.viewport().width() / 2
