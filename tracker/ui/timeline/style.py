"""Colours, pens and fonts of the timeline, shared by the view, legend and overview.

Kept in one place so the legend always matches what the view draws.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from tracker.model import EventType, Modality

#: The shade of each colour key `EventType.colour_key` names.
PALETTE = {
    "blue": "#1f77b4",
    "teal": "#17a2b8",
    "purple": "#9467bd",
    "green": "#2ca02c",
    "orange": "#ff8c1a",
    "brown": "#8c564b",
    "red": "#d62728",
    "pink": "#e377c2",
    "olive": "#b8a200",
    "grey": "#7f7f7f",
}

BACKGROUND = QColor("#ffffff")
LANE_ALT = QColor("#f7f8fa")
LANE_TITLE_BG = QColor("#e9edf2")
LANE_TITLE_FG = QColor("#2b3440")
HEADER_BG = QColor("#f2f4f7")
HEADER_FG = QColor("#30363d")
HEADER_MINOR_FG = QColor("#57606a")
GRID_MINOR = QColor("#eef0f3")
GRID_MAJOR = QColor("#d0d7de")
WEEKEND = QColor(120, 140, 170, 28)
TODAY = QColor("#e5534b")
LABEL_FG = QColor("#1f2328")
LABEL_FAINT = QColor("#6e7781")
SELECTION = QColor(255, 200, 0, 150)
SELECTION_RING = QColor("#d4a000")
BADGE_BG = QColor("#dfe6ee")
BADGE_FG = QColor("#24476b")
BADGE_BORDER = QColor("#9fb3c8")
ARROW_BG = QColor("#24476b")
ARROW_FG = QColor("#ffffff")
PERIOD_BAND = QColor(255, 196, 0, 38)
PERIOD_EDGE = QColor(190, 140, 0, 140)
PERIOD_FG = QColor("#7a5a00")
HIT_BG = QColor(255, 230, 0, 150)
OVERVIEW_BAR = QColor("#8aa4c0")
OVERVIEW_WINDOW = QColor(31, 119, 180, 50)
OVERVIEW_WINDOW_EDGE = QColor("#1f77b4")

MAX_LABEL_W = 240.0


def type_color(event_type: str) -> QColor:
    return QColor(PALETTE[EventType.coerce(event_type).colour_key])


def label_font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(8.5)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def small_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(7.5)
    font.setBold(bold)
    return font


def outline_pen(color: QColor, modality: str, width: float = 1.2) -> QPen:
    """The outline style that tells modalities apart (also used by the legend)."""
    pen = QPen(color, width)
    if modality == Modality.PLANNED:
        pen.setStyle(Qt.PenStyle.DashLine)
    elif modality == Modality.HYPOTHETICAL:
        pen.setStyle(Qt.PenStyle.DotLine)
    return pen


def draw_marker(p: QPainter, centre: QPointF, r: float, color: QColor, modality: str) -> None:
    """An event's round marker: filled when reported, a dashed or dotted ring when planned
    or hypothetical, faded and crossed out when denied (the legend draws its samples so)."""
    if modality == Modality.REPORTED:
        p.setPen(QPen(color.darker(130), 1))
        p.setBrush(color)
    elif modality == Modality.DENIED:
        faded = QColor(color)
        faded.setAlpha(90)
        p.setPen(QPen(color.darker(120), 1))
        p.setBrush(faded)
    else:
        p.setPen(outline_pen(color, modality, 1.8))
        p.setBrush(BACKGROUND)
    p.drawEllipse(centre, r, r)
    if modality == Modality.DENIED:
        p.setPen(QPen(QColor("#333333"), 1.4))
        d = r * 0.75
        p.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d))
        p.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d))


__all__ = [
    "PALETTE",
    "draw_marker",
    "label_font",
    "outline_pen",
    "type_color",
]
