"""The legend under the timeline: colour per event type, style per modality, corroboration."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from tracker.model import EventType, Modality

from . import style


class TimelineLegend(QWidget):
    """Painted in one line (wrapping to two when narrow); matches what the view draws."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        self._font = style.small_font()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._row_h() + 4)

    def _row_h(self) -> int:
        return int(QFontMetricsF(self._font).height()) + 8

    def _entries(self):
        for t in EventType:
            yield ("type", str(t), str(t))
        for m in Modality:
            yield ("modality", str(m), str(m))
        yield ("sources", "", "2+ sources")

    def _positions(self, width: float):
        fm = QFontMetricsF(self._font)
        x, y = 6.0, 2.0
        for entry in self._entries():
            w = 18 + fm.horizontalAdvance(entry[2]) + 12
            if x + w > width and x > 6:
                x, y = 6.0, y + self._row_h()
            yield entry, x, y
            x += w

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(600, self._row_h() + 4)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        last_y = max((y for _e, _x, y in self._positions(width)), default=0)
        return int(last_y + self._row_h() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self._font)
        h = self._row_h()
        for (kind, key, text), x, y in self._positions(self.width()):
            cy = y + h / 2
            if kind == "type":
                color = style.type_color(key)
                p.setPen(QPen(color.darker(130), 1))
                p.setBrush(color)
                p.drawRoundedRect(QRectF(x, cy - 5, 12, 10), 2, 2)
            elif kind == "modality":
                style.draw_marker(p, QPointF(x + 6, cy), 5, QColor("#555555"), key)
            else:
                color = QColor("#555555")
                p.setPen(QPen(color.darker(150), 1.6))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(x + 6, cy), 6.5, 6.5)
                p.setPen(QPen(color, 1))
                p.setBrush(color)
                p.drawEllipse(QPointF(x + 6, cy), 4, 4)
            p.setPen(style.LABEL_FG)
            p.drawText(QRectF(x + 18, y, 400, h), Qt.AlignmentFlag.AlignVCenter, text)
        p.end()
