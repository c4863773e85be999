"""What a drag carries and whether the window takes it: files, folders, text, HTML or web links.

``classify`` reads a QMimeData once and says what a drop would do, so the
window can refuse an unsupported drag at drag-enter and show what will happen
while the user is still dragging. Remote URLs are never fetched: a drag that
only carries web links is refused with a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

_URLISH = re.compile(r"^(https?|ftp|file|www\.)\S*$", re.I)
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class DropPlan:
    kind: str  # files | text | remote | unsupported
    files: list[str] = field(default_factory=list)  # what to import (files and folders)
    unsupported: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    text: str | None = None
    html: str | None = None

    @property
    def accepted(self) -> bool:
        return self.kind in ("files", "text", "remote")

    def message(self) -> str:
        if self.kind == "files":
            n = len(self.files)
            folders = sum(1 for f in self.files if Path(f).is_dir())
            what = (
                f"{n} item{'s' if n != 1 else ''}"
                if folders
                else f"{n} file{'s' if n != 1 else ''}"
            )
            note = ""
            if self.unsupported:
                note = f"\n({len(self.unsupported)} of an unsupported type will be reported)"
            return f"Drop to import {what}{note}"
        if self.kind == "text":
            return "Drop to import this text as an article"
        if self.kind == "remote":
            return "Web links are not fetched.\nSave the page, then drop the file here."
        return "Tracker can't import this"


def _words(text: str) -> list[str]:
    return [w for w in text.split() if w]


def _is_link_only(text: str, remote: list[str]) -> bool:
    words = _words(text)
    return not words or all(_URLISH.match(w) or w in remote for w in words) or len(words) < 3


def classify(mime: QMimeData, extensions: tuple[str, ...]) -> DropPlan:
    exts = {e.lower() for e in extensions}
    local: list[str] = []
    remote: list[str] = []
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile():
            local.append(url.toLocalFile())
        elif url.scheme():
            remote.append(url.toString())
    if local:
        ok = [p for p in local if Path(p).is_dir() or Path(p).suffix.lower() in exts]
        bad = [p for p in local if p not in ok]
        if not ok:
            return DropPlan("unsupported", unsupported=bad)
        # Unsupported files named explicitly go along, so the report says why they failed.
        return DropPlan("files", files=local, unsupported=bad)
    html = mime.html() if mime.hasHtml() else None
    text = mime.text() if mime.hasText() else None
    visible = text if text and text.strip() else _TAGS.sub(" ", html or "")
    if (text or html) and not _is_link_only(visible, remote):
        return DropPlan("text", text=text or None, html=html or None, remote=remote)
    if remote:
        return DropPlan("remote", remote=remote)
    return DropPlan("unsupported")


class DropOverlay(QWidget):
    """Translucent cover shown over the window while something is dragged over it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._text = ""
        self._refuse = False

    def show_plan(self, plan: DropPlan) -> None:
        self._text = plan.message()
        self._refuse = plan.kind != "files" and plan.kind != "text"
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, _e) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = QColor("#c62828") if self._refuse else QColor("#2f6fd0")
        fill = QColor(accent)
        fill.setAlpha(40)
        p.fillRect(self.rect(), fill)
        r = self.rect().adjusted(16, 16, -16, -16)
        pen = QPen(accent, 3, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRoundedRect(r, 14, 14)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        p.setFont(font)
        box = QRect(r.center().x() - 300, r.center().y() - 60, 600, 120)
        bg = QColor("white")
        bg.setAlpha(230)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(bg)
        p.drawRoundedRect(box, 12, 12)
        p.setPen(accent)
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self._text)
