"""Mouse, wheel, pinch, keyboard and context-menu handling of the timeline view.

A mixin for ``TimelineView`` (kept apart so the view module stays about state,
layout and painting): every handler turns input into a new ``TimeScale``, a
scroll position or a selection through the view's own methods.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QMenu, QToolTip

from tracker.model import period_label

DRAG_THRESHOLD = 4


class TimelineInput:
    """Input handlers; relies on the attributes and helpers ``TimelineView`` defines."""

    # -- input -------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        mods = event.modifiers()
        pixel = event.pixelDelta()
        angle = event.angleDelta()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
            steps = angle.y() / 120 if angle.y() else pixel.y() / 50
            self.zoom_at(1.2**steps, event.position().x())
        else:
            dx = pixel.x() if not pixel.isNull() else angle.x() / 120 * 60
            dy = pixel.y() if not pixel.isNull() else angle.y() / 120 * 60
            if mods & Qt.KeyboardModifier.ShiftModifier:
                # Shift+wheel scrolls the lanes (some platforms turn it into dx).
                delta = dy or dx
                self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta))
            else:
                self._set_scale(self._scale.panned(dx + dy))
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.NativeGesture:
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_at(1.0 + event.value(), event.position().x())
                return True
        elif event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_at(pinch.scaleFactor(), float(centre.x()))
                event.accept()
                return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_scale = self._scale
            self._press_v = self.verticalScrollBar().value()
            self._dragging = False
            # Dragging the selected day event re-dates it; dragging anything else pans.
            i = self._event_at(event.position())
            self._moving = i if i is not None and i == self._selected else None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos - self._press
            if not self._dragging and delta.manhattanLength() >= DRAG_THRESHOLD:
                self._dragging = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging and self._moving is not None:
                target = self.redate_target(self._moving, delta.x())
                self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
                QToolTip.showText(
                    event.globalPosition().toPoint(),
                    f"Move to {target}" if target else "Same day",
                    self.viewport(),
                )
            elif self._dragging:
                self._set_scale(self._press_scale.panned(delta.x()))
                self.verticalScrollBar().setValue(int(self._press_v - delta.y()))
            return
        self._hover(pos, event.globalPosition().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragging:
                self._click(event.position())
            elif self._moving is not None:
                target = self.redate_target(self._moving, (event.position() - self._press).x())
                event_id = self._index.events[self._moving].id
                if target is not None and event_id is not None:
                    self.event_redated.emit(event_id, target)
            self._moving = None
            self._press = None
            self._dragging = False
            self.viewport().unsetCursor()
        event.accept()

    def _click(self, pos: QPointF) -> None:
        for side, rect, _n, _t in self.outlier_arrows():
            if rect.contains(pos):
                self.jump_to_outlier(side)
                return
        i = self._event_at(pos)
        if i is not None:
            self._select_position(i, emit=True)
            return
        cluster = self._cluster_at(pos)
        if cluster is not None:
            self.open_badge(cluster, pos)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        i = self._event_at(event.position())
        if i is not None:
            self._select_position(i, emit=True)
            event_id = self._index.events[i].id
            if event_id is not None:
                self.event_activated.emit(event_id)
        elif self._cluster_at(event.position()) is None:
            self.zoom_at(2.0, event.position().x())
        event.accept()

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self._hovered is not None:
            self._hovered = None
            self.viewport().update()
        super().leaveEvent(event)

    def _hover(self, pos: QPointF, global_pos) -> None:
        for side, rect, n, _t in self.outlier_arrows():
            if rect.contains(pos):
                where = "before" if side == "left" else "after"
                text = f"{n} event{'s' if n != 1 else ''} {where} this view; click to jump to the nearest"
                QToolTip.showText(global_pos, text, self.viewport())
                return
        i = self._event_at(pos)
        if i != self._hovered:
            self._hovered = i
            self.viewport().update()
        if i is not None:
            QToolTip.showText(global_pos, self.tooltip_html(i), self.viewport())
            return
        cluster = self._cluster_at(pos)
        if cluster is not None:
            text = f"{cluster.count} more event{'s' if cluster.count != 1 else ''} here; click to list them"
            QToolTip.showText(global_pos, text, self.viewport())
        else:
            QToolTip.hideText()

    def tooltip_html(self, i: int) -> str:
        e = self._index.events[i]
        when = period_label(e.date, e.granularity, e.date_end)
        actors = ", ".join(a.name for a in e.actors) or "none"
        sources = e.source_count
        lines = [
            f"<b>{html.escape(e.title or '(untitled)')}</b>",
            f"{html.escape(when)} · {html.escape(e.type)} · {html.escape(e.modality)}",
            f"Actors: {html.escape(actors)}",
            f"Sources: {sources} article{'s' if sources != 1 else ''}",
        ]
        if e.location:
            lines.insert(2, f"Location: {html.escape(e.location)}")
        return "<br>".join(lines)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        step = self._scale.width / 8
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0 and ctrl:
            self.fit_all()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and (shift or ctrl):
            self._set_scale(self._scale.panned(step if key == Qt.Key.Key_Left else -step))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and len(self._index):
            self._select_position(0 if key == Qt.Key.Key_Home else len(self._index) - 1, emit=True)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (-40 if key == Qt.Key.Key_Up else 40))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._set_scale(
                self._scale.panned(self._scale.width * (0.9 if key == Qt.Key.Key_PageUp else -0.9))
            )
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            event_id = self._index.events[self._selected].id
            if event_id is not None:
                self.event_activated.emit(event_id)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self._selected = None
            self.viewport().update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, direction: int) -> None:
        centre = self._scale.t_of(self._scale.width / 2)
        i = self._index.neighbour(self._selected, direction, centre)
        if i is not None:
            self._select_position(i, emit=True)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        self.context_menu_at(QPointF(event.pos())).exec(event.globalPos())

    def context_menu_at(self, pos: QPointF) -> QMenu:
        """The context menu for viewport ``pos``: the event there is selected first,
        so actions the window added can act on the selection."""
        i = self._event_at(pos)
        menu = QMenu(self)
        if i is not None:
            self._select_position(i, emit=True)
            event_id = self._index.events[i].id
            if event_id is not None:
                menu.addAction("Open article", lambda: self.event_activated.emit(event_id))
            menu.addAction("Copy", lambda: self._copy(i))
        zoom = menu.addAction("Zoom to selection", self.zoom_to_selection)
        zoom.setEnabled(self._selected is not None)
        menu.addAction("Fit all", self.fit_all)
        if self._extra_actions:
            menu.addSeparator()
            menu.addActions(self._extra_actions)
        return menu

    def _copy(self, i: int) -> None:
        e = self._index.events[i]
        when = period_label(e.date, e.granularity, e.date_end)
        actors = ", ".join(a.name for a in e.actors)
        text = f"{when} — {e.title}" + (f" ({actors})" if actors else "")
        QGuiApplication.clipboard().setText(text)
