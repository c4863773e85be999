"""The progress strip in the status bar: count, current file or article, and Cancel.

Imports and re-reading the stored articles share it; ``start`` says which.

It appears only after a short delay (as Anki's progress does) so a quick
import never flashes a widget, and it never blocks the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

SHOW_AFTER_MS = 400


class ImportProgress(QWidget):
    cancel_clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = QLabel(self)
        self.label.setMinimumWidth(260)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(True)
        self.cancel = QPushButton("Cancel", self)
        self.cancel.setObjectName("cancelImport")
        self.cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cancel.clicked.connect(self._cancel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show)
        self._rereading = False
        self.hide()

    def start(self, total: int) -> None:
        self._begin(total, f"Importing {total} file{'s' if total != 1 else ''}…", False)

    def start_reread(self, total: int) -> None:
        self._begin(total, f"Re-reading {total} article{'s' if total != 1 else ''}…", True)

    def _begin(self, total: int, text: str, rereading: bool) -> None:
        self._rereading = rereading
        self.cancel.show()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.cancel.setEnabled(True)
        self.label.setText(text)
        if not self.isVisible():
            self._timer.start(SHOW_AFTER_MS)

    def busy(self, text: str) -> None:
        """Work of unknown length (an export): a moving bar and no Cancel, after the delay."""
        self.bar.setRange(0, 0)
        self.cancel.hide()
        self.label.setText(text)
        if not self.isVisible():
            self._timer.start(SHOW_AFTER_MS)

    def update_progress(self, done: int, total: int, current: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if current and self._rereading:  # an article's title, not a path
            self.label.setText(f"Re-reading {done + 1} of {total}: {current[:60]}")
        elif current:
            self.label.setText(f"Importing {done + 1} of {total}: {Path(current).name}")

    def finish(self) -> None:
        self._timer.stop()
        self.hide()

    def _cancel(self) -> None:
        self.cancel.setEnabled(False)
        what = "batch of articles" if self._rereading else "file"
        self.label.setText(f"Cancelling after the current {what}…")
        self.cancel_clicked.emit()
