"""Paints a ``SceneLayout`` with a QPainter: lanes, grid, events, badges and the header.

It decides nothing about positions (``tracker.layout`` did); it only turns
geometry, event type, modality and source count into pixels. The same code
paints the screen and image exports, so exports look exactly like the view.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QStaticText

from tracker.layout import Axis, EventIndex, Metrics, SceneLayout, now_seconds, weekend_spans

from . import style

_SPRITE = 22  # px square holding the largest marker with its corroboration ring


class ScenePainter:
    """Fonts, measured label widths and elided labels, cached per event index."""

    def __init__(self, metrics: Metrics):
        self.metrics = metrics
        self.font = style.label_font()
        self.bold = style.label_font(bold=True)
        self.italic = style.label_font(italic=True)
        self.small = style.small_font()
        self.small_bold = style.small_font(bold=True)
        self.header_bold = style.label_font(bold=True)
        self._fm = QFontMetricsF(self.font)
        self._fm_bold = QFontMetricsF(self.bold)
        self._fm_small = QFontMetricsF(self.small)
        self._line_h = self._fm.height()
        self.sprites = True  # exports turn this off to keep markers vector in SVG
        self.hits: set[int] = set()  # positions of search hits: their labels are highlighted
        self.bands: list[tuple[str, float, float, QColor]] = []  # named periods (seconds)
        self._sprites: dict[tuple, QPixmap] = {}
        self.reset(None)

    def reset(self, index: EventIndex | None) -> None:
        self.index = index
        n = len(index) if index is not None else 0
        self._widths: list[float] = [-1.0] * n
        self._sources: list[int] = [-1] * n
        self._texts: dict[int, str] = {}
        self._static: dict[int, QStaticText] = {}

    # -- labels ------------------------------------------------------------
    def sources(self, i: int) -> int:
        n = self._sources[i]
        if n < 0:
            e = self.index.events[i]
            n = self._sources[i] = e.source_count if e.passage_count > 1 else 1
        return n

    def _is_bold(self, i: int) -> bool:
        """Corroborated (two or more source articles): drawn heavier."""
        return self.sources(i) > 1

    def _title(self, i: int) -> str:
        e = self.index.events[i]
        title = e.title or "(untitled)"
        if e.hidden:
            title = f"(hidden) {title}"
        return f"\u2605 {title}" if e.starred else title

    def label_width(self, i: int) -> float:
        w = self._widths[i]
        if w < 0:
            fm = self._fm_bold if self._is_bold(i) else self._fm
            w = min(fm.horizontalAdvance(self._title(i)), style.MAX_LABEL_W)
            self._widths[i] = w
        return w

    def label_text(self, i: int) -> str:
        text = self._texts.get(i)
        if text is None:
            fm = self._fm_bold if self._is_bold(i) else self._fm
            text = fm.elidedText(
                self._title(i),
                Qt.TextElideMode.ElideRight,
                style.MAX_LABEL_W,
            )
            self._texts[i] = text
        return text

    # -- whole scene -------------------------------------------------------
    def paint(
        self,
        p: QPainter,
        layout: SceneLayout,
        axis: Axis,
        view: QRectF,
        selected: int | None,
        hovered: int | None = None,
    ) -> None:
        """Paint the scene region ``view`` (scene coordinates; the header sits at its top)."""
        p.fillRect(view, style.BACKGROUND)
        self._paint_lanes(p, layout, view)
        self._paint_bands(p, layout, view)
        self._paint_grid(p, layout, axis, view)
        self._paint_events(p, layout, selected, hovered)
        self._paint_clusters(p, layout)
        self._paint_lane_titles(p, layout, view)
        self._paint_header(p, layout, axis, view)
        self._paint_band_names(p, layout, view)

    def _paint_lanes(self, p: QPainter, layout: SceneLayout, view: QRectF) -> None:
        for k in layout.laid_out:
            box = layout.lanes[k]
            if box.index % 2:
                p.fillRect(QRectF(0, box.y, view.width(), box.height), style.LANE_ALT)
        scale = layout.scale
        for t0, t1 in weekend_spans(scale):
            x0, x1 = scale.x_of(t0), scale.x_of(t1)
            p.fillRect(QRectF(x0, view.top(), x1 - x0, view.height()), style.WEEKEND)

    def _paint_bands(self, p: QPainter, layout: SceneLayout, view: QRectF) -> None:
        """Named periods ("Minsk talks") as tinted bands over every lane, named at the foot."""
        scale = layout.scale
        top = view.top() + self.metrics.header_h
        p.setFont(self.small_bold)
        for _name, t0, t1, colour in self.bands:
            x0, x1 = scale.x_of(t0), scale.x_of(t1)
            if x1 < 0 or x0 > view.width():
                continue
            fill = QColor(colour)
            fill.setAlpha(34)
            p.fillRect(QRectF(x0, top, x1 - x0, view.height()), fill)
            edge = QColor(colour)
            edge.setAlpha(150)
            p.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x0, top), QPointF(x0, view.bottom()))
            p.drawLine(QPointF(x1, top), QPointF(x1, view.bottom()))

    def _paint_band_names(self, p: QPainter, layout: SceneLayout, view: QRectF) -> None:
        """Each period's name on a tab in the header's period strip, never over an event."""
        scale = layout.scale
        m = self.metrics
        if not m.period_h:
            return
        top = view.top() + m.header_h - m.period_h + 1
        p.setFont(self.small_bold)
        for name, t0, t1, colour in self.bands:
            x0, x1 = scale.x_of(t0), scale.x_of(t1)
            if x1 < 0 or x0 > view.width():
                continue
            w = self._fm_small.horizontalAdvance(name) + 12
            lx = min(max(x0, 0.0), max(x1 - w, 0.0))
            tab = QRectF(lx, top, w, m.period_h - 2)
            p.fillRect(tab, colour)
            p.setPen(QColor("white"))
            p.drawText(tab, Qt.AlignmentFlag.AlignCenter, name)

    def _paint_grid(self, p: QPainter, layout: SceneLayout, axis: Axis, view: QRectF) -> None:
        scale = layout.scale
        top, bottom = view.top() + self.metrics.header_h, view.bottom()
        p.setPen(QPen(style.GRID_MINOR, 1))
        for tick in axis.minor:
            x = round(scale.x_of(tick.t)) + 0.5
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.setPen(QPen(style.GRID_MAJOR, 1))
        for tick in axis.major:
            x = round(scale.x_of(tick.t)) + 0.5
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
        now_x = scale.x_of(now_seconds())
        if 0 <= now_x <= scale.width:
            p.setPen(QPen(style.TODAY, 1.5))
            p.drawLine(QPointF(now_x, top), QPointF(now_x, bottom))

    def _paint_events(self, p: QPainter, layout: SceneLayout, selected, hovered) -> None:
        events = self.index.events
        m = self.metrics
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for item in layout.placed:
            e = events[item.index]
            color = style.type_color(e.type)
            strong = self._is_bold(item.index)
            y = item.y
            if item.index in self.hits:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(style.HIT_BG)
                p.drawRoundedRect(
                    QRectF(item.label_x - 2, y + 2, item.label_w + 4, m.row_h - 4), 3, 3
                )
            if item.index == selected or item.index == hovered:
                halo = style.SELECTION if item.index == selected else QColor(0, 0, 0, 22)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(halo)
                p.drawRoundedRect(
                    QRectF(item.left, y + 1, item.right - item.left, m.row_h - 2), 4, 4
                )
            if item.point:
                if item.x1 - item.x0 >= m.day_band_px and e.granularity != "time":
                    band = QColor(color)
                    band.setAlpha(55)
                    p.fillRect(
                        QRectF(item.x0 + 1, y + m.row_h / 2 - 2, item.x1 - item.x0 - 2, 4), band
                    )
                sources = min(self.sources(item.index), 3)
                if self.sprites:
                    sprite = self._sprite(
                        e.type, e.modality, sources, p.device().devicePixelRatioF()
                    )
                    half = _SPRITE / 2
                    p.drawPixmap(QPointF(item.mx - half, y + m.row_h / 2 - half), sprite)
                else:
                    self._marker(p, item.mx, y + m.row_h / 2, color, e.modality, sources)
                text_top = y
                text_h = m.row_h
            else:
                self._bar(p, item, y, color, e.modality, strong, layout.scale.width)
                text_top = y - 1
                text_h = m.row_h - 7
            self._label(p, item, text_top, text_h, e.modality, strong)
            if e.tags:  # the user's tags: a strip of their colours under the label
                x = item.label_x
                w = max(min(item.label_w / len(e.tags), 40.0), 6.0)
                for _name, colour in e.tags[:4]:
                    p.fillRect(QRectF(x, y + m.row_h - 3, w - 1, 2.5), QColor(colour))
                    x += w
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _sprite(self, event_type: str, modality: str, sources: int, dpr: float) -> QPixmap:
        """The marker pre-rendered once per look: blitting beats stroking an
        antialiased ellipse a few hundred times per frame."""
        key = (event_type, modality, sources, dpr)
        sprite = self._sprites.get(key)
        if sprite is None:
            sprite = QPixmap(round(_SPRITE * dpr), round(_SPRITE * dpr))
            sprite.setDevicePixelRatio(dpr)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            half = _SPRITE / 2
            self._marker(painter, half, half, style.type_color(event_type), modality, sources)
            painter.end()
            self._sprites[key] = sprite
        return sprite

    def _marker(
        self, p: QPainter, x: float, y: float, color: QColor, modality: str, sources: int
    ) -> None:
        r = self.metrics.marker_r + (1.0 if sources >= 3 else 0.0)
        centre = QPointF(x, y)
        if sources >= 2:
            # Corroborated: a dark outer ring makes the marker visibly heavier.
            p.setPen(QPen(color.darker(150), 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, r + 2.2, r + 2.2)
        style.draw_marker(p, centre, r, color, modality)

    def _bar(self, p: QPainter, item, y, color: QColor, modality: str, strong: bool, width) -> None:
        """A bar over the event's period. Only fills: a stroked (let alone dashed) outline
        around a bar thousands of pixels long costs up to a millisecond."""
        m = self.metrics
        x0 = max(item.x0, -4.0)
        x1 = min(item.x1, width + 4.0)
        rect = QRectF(x0, y + m.row_h - 8, max(x1 - x0, m.min_bar_px), 6)
        edge = color.darker(140)
        border = 1.5 if strong else 1.0
        fill = QColor(color)
        if modality == "reported":
            fill.setAlpha(220 if strong else 160)
            p.fillRect(rect, fill)
        elif modality == "planned":
            fill.setAlpha(45)
            p.fillRect(rect, fill)
            p.fillRect(rect, QBrush(color, Qt.BrushStyle.BDiagPattern))
        elif modality == "hypothetical":
            fill.setAlpha(30)
            p.fillRect(rect, fill)
            p.fillRect(rect, QBrush(color, Qt.BrushStyle.Dense6Pattern))
            edge = QColor(color)
            edge.setAlpha(120)
        else:  # denied
            fill.setAlpha(60)
            p.fillRect(rect, fill)
        p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), border), edge)
        p.fillRect(QRectF(rect.left(), rect.bottom() - border, rect.width(), border), edge)
        if modality == "denied":
            p.fillRect(
                QRectF(rect.left(), rect.center().y() - 0.75, rect.width(), 1.5), QColor("#333333")
            )

    def _label(
        self, p: QPainter, item, top: float, height: float, modality: str, strong: bool
    ) -> None:
        font = self.bold if strong else self.font
        if modality in ("hypothetical", "planned"):
            font = QFontCopy.italic(font)
        if modality == "denied":
            font = QFontCopy.struck(font)
        p.setFont(font)
        p.setPen(style.LABEL_FAINT if modality in ("hypothetical", "denied") else style.LABEL_FG)
        static = self._static.get(item.index)
        if static is None:
            # Laid-out text is cached per event: drawing it again is several times cheaper.
            static = QStaticText(self.label_text(item.index))
            static.setTextFormat(Qt.TextFormat.PlainText)
            self._static[item.index] = static
        p.drawStaticText(QPointF(item.label_x, top + (height - self._line_h) / 2), static)

    def _paint_clusters(self, p: QPainter, layout: SceneLayout) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self.small_bold)
        h = self.metrics.badge_h - 5
        for c in layout.clusters:
            text = _badge_text(c.count)
            w = self._fm_small.horizontalAdvance(text) + 10
            rect = QRectF(c.x - w / 2, c.y + 2, w, h)
            p.setPen(QPen(style.BADGE_BORDER, 1))
            p.setBrush(style.BADGE_BG)
            p.drawRoundedRect(rect, h / 2, h / 2)
            p.setPen(style.BADGE_FG)
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_lane_titles(self, p: QPainter, layout: SceneLayout, view: QRectF) -> None:
        m = self.metrics
        if len(layout.lanes) == 1 and layout.lanes[0].key == "all":
            return
        p.setFont(self.small_bold)
        top = view.top() + m.header_h
        for k in layout.laid_out:
            box = layout.lanes[k]
            # The title sticks under the header while any of its lane is on screen.
            y = min(max(box.y, top), box.y + box.height - m.lane_title_h)
            band = QRectF(0, y, view.width(), m.lane_title_h)
            p.fillRect(band, style.LANE_TITLE_BG)
            p.setPen(style.LANE_TITLE_FG)
            title = f"{box.title}  ·  {box.count}"
            p.drawText(band.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, title)

    def _paint_header(self, p: QPainter, layout: SceneLayout, axis: Axis, view: QRectF) -> None:
        scale = layout.scale
        m = self.metrics
        top = view.top()
        band = QRectF(0, top, view.width(), m.header_h)
        axis_h = m.header_h - m.period_h  # named periods get a strip under the axis
        p.fillRect(band, style.HEADER_BG)
        upper = axis_h * 0.45
        p.setPen(QPen(style.GRID_MAJOR, 1))
        p.drawLine(QPointF(0, top + axis_h - 0.5), QPointF(view.width(), top + axis_h - 0.5))
        # Major labels stick to the left edge while their period is still on screen.
        p.setFont(self.header_bold)
        fm = self._fm_bold
        majors = axis.major
        for k, tick in enumerate(majors):
            x = scale.x_of(tick.t)
            next_x = scale.x_of(majors[k + 1].t) if k + 1 < len(majors) else view.width() + 1e6
            w = fm.horizontalAdvance(tick.label)
            lx = min(max(x + 4, 4), next_x - w - 6)
            p.setPen(QPen(style.GRID_MAJOR, 1))
            p.drawLine(QPointF(round(x) + 0.5, top), QPointF(round(x) + 0.5, top + axis_h))
            p.setPen(style.HEADER_FG)
            p.drawText(QRectF(lx, top, w + 4, upper), Qt.AlignmentFlag.AlignVCenter, tick.label)
        p.setFont(self.small)
        for tick in axis.minor:
            x = scale.x_of(tick.t)
            p.setPen(QPen(style.GRID_MAJOR, 1))
            p.drawLine(
                QPointF(round(x) + 0.5, top + axis_h - 6),
                QPointF(round(x) + 0.5, top + axis_h),
            )
            if x + 3 < 0:
                continue  # a label cut by the left edge reads as a different one ("ec")
            p.setPen(style.HEADER_MINOR_FG)
            p.drawText(
                QRectF(x + 3, top + upper, 200, axis_h - upper - 2),
                Qt.AlignmentFlag.AlignVCenter,
                tick.label,
            )
        now_x = scale.x_of(now_seconds())
        if 0 <= now_x <= scale.width:
            p.setFont(self.small_bold)
            rect = QRectF(min(max(now_x - 20, 0.0), view.width() - 40), top + axis_h - 14, 40, 13)
            p.setBrush(style.TODAY)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRoundedRect(rect, 3, 3)
            p.setPen(QColor("white"))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Today")

    def paint_arrows(self, p: QPainter, arrows) -> None:
        """The counted edge arrows: events beyond the view on each side (viewport coordinates)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self.small_bold)
        for side, rect, count, _t in arrows:
            p.setPen(QPen(style.BADGE_BORDER, 1))
            p.setBrush(style.ARROW_BG)
            p.drawRoundedRect(rect, 5, 5)
            p.setPen(style.ARROW_FG)
            text = f"\u25c0 {count}" if side == "left" else f"{count} \u25b6"
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _badge_text(count: int) -> str:
    """Short enough for a cluster cell: "+37", "+4.2k", "+35k"."""
    if count < 1000:
        return f"+{count}"
    if count < 10000:
        return f"+{count / 1000:.1f}k"
    return f"+{count // 1000}k"


class QFontCopy:
    """Derived fonts for modality styling, cached so painting allocates nothing."""

    _cache: dict[tuple[str, str], QFont] = {}

    @classmethod
    def italic(cls, font: QFont) -> QFont:
        return cls._derive(font, "italic")

    @classmethod
    def struck(cls, font: QFont) -> QFont:
        return cls._derive(font, "strike")

    @classmethod
    def _derive(cls, font: QFont, how: str) -> QFont:
        key = (font.key(), how)
        derived = cls._cache.get(key)
        if derived is None:
            derived = QFont(font)
            if how == "italic":
                derived.setItalic(True)
            else:
                derived.setStrikeOut(True)
            cls._cache[key] = derived
        return derived
