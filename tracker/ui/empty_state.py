"""What a new database shows: where to drop articles, and one click to load the samples."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.resources import resource_path


class EmptyState(QWidget):
    load_samples_clicked = Signal()
    import_clicked = Signal()

    def __init__(self, extensions: Callable[[], Sequence[str]], parent=None) -> None:
        """``extensions`` is asked for when the page is first shown: the readers that
        know them take a third of a second to import, which a window opening on a
        database with articles in it never needs before its first paint."""
        super().__init__(parent)
        self._extensions: Callable[[], Sequence[str]] | None = extensions
        self.setObjectName("emptyState")
        icon = QLabel(self)
        icon.setPixmap(QIcon(str(resource_path("icons", "tracker.svg"))).pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Drop articles here…", self)
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = hint = QLabel(self)
        hint.setObjectName("emptyHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setFixedWidth(560)  # a fixed width lets the wrapped text get its full height
        self.samples_button = QPushButton("Load sample articles", self)
        self.samples_button.setObjectName("loadSamplesButton")
        self.samples_button.setDefault(True)
        self.samples_button.setToolTip(
            "Six short articles about NATO, EU and US diplomacy, November 2024 to February 2025"
        )
        self.import_button = QPushButton("Import files…", self)
        self.import_button.setObjectName("emptyImportButton")
        self.samples_button.clicked.connect(self.load_samples_clicked)
        self.import_button.clicked.connect(self.import_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.samples_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(icon)
        lay.addSpacing(8)
        lay.addWidget(title)
        lay.addSpacing(6)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(hint)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(14)
        lay.addLayout(buttons)
        lay.addStretch(3)

    def showEvent(self, e) -> None:  # noqa: N802 - Qt override
        if self._extensions is not None:
            self.hint.setText(hint_text(self._extensions()))
            self._extensions = None
        super().showEvent(e)


def hint_text(extensions: Sequence[str]) -> str:
    exts = " ".join(sorted({e.lstrip(".").lower() for e in extensions}))
    return (
        "Drag files or whole folders onto this window, or text straight from a browser "
        "or an editor. Tracker finds the dated events in each article, places them on a "
        "timeline and links every event back to its sentence.\n\n"
        f"Formats: {exts}.  Nothing is fetched from the network."
    )
