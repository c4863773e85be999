"""Export what the timeline view shows as a PNG (any scale) or an SVG.

Both go through the view's own painting code, so the file matches the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from . import style

if TYPE_CHECKING:
    from .view import TimelineView


def export_view(view: TimelineView, path: str, scale: float = 1.0) -> None:
    """Write the current view to ``path``: SVG when it ends in .svg, else a raster image
    (PNG) ``scale`` times the on-screen size. Raises OSError if it cannot be written."""
    save_image(render_view(view, path, scale), path)


def render_view(view: TimelineView, path: str, scale: float = 1.0) -> QImage | None:
    """Paint the view: an SVG is written to ``path`` as it is painted (returns None);
    a raster image is returned for ``save_image`` (which may run on another thread)."""
    width, height = view.viewport().width(), view.viewport().height()
    if Path(path).suffix.lower() == ".svg":
        generator = QSvgGenerator()
        generator.setFileName(path)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setResolution(96)  # CSS pixels: browsers then show it at 1:1
        generator.setTitle("Tracker timeline")
        painter = QPainter(generator)
        view.paint_view(painter, vector=True)
        painter.end()
        if not Path(path).exists():
            raise OSError(f"could not write {path}")
        return None
    scale = max(float(scale), 0.1)
    image = QImage(
        round(width * scale), round(height * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(style.BACKGROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(scale, scale)
    view.paint_view(painter)
    painter.end()
    return image


def save_image(image: QImage | None, path: str) -> None:
    """Encode and write a rendered image (no-op for SVG, already written)."""
    if image is not None and not image.save(path):
        raise OSError(f"could not write {path}")
