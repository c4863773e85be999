"""What a new database shows: where to drop articles, and one click to load the samples."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tracker.resources import resource_path


class EmptyState(QWidget):
    load_samples_clicked = Signal()
    import_clicked = Signal()

    def __init__(self, extensions: Sequence[str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        icon = QLabel(self)
        icon.setPixmap(QIcon(str(resource_path("icons", "tracker.svg"))).pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Drop articles here…", self)
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        exts = " ".join(sorted({e.lstrip(".").lower() for e in extensions}))
        hint = QLabel(
            "Drag files or whole folders onto this window, or text straight from a browser "
            "or an editor. Tracker finds the dated events in each article, places them on a "
            "timeline and links every event back to its sentence.\n\n"
            f"Formats: {exts}.  Nothing is fetched from the network.",
            self,
        )
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
