"""The timeline pane the main window embeds: toolbar, view, overview strip and legend."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QVBoxLayout, QWidget

from .legend import TimelineLegend
from .overview import OverviewStrip
from .view import TimelineView

LANE_CHOICES = (
    ("No lanes", "none"),
    ("By actor", "actor"),
    ("By country", "country"),
    ("By type", "type"),
    ("By article", "article"),
)


class TimelinePanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.view = TimelineView(self)
        self.overview = OverviewStrip(self.view, self)
        self.legend = TimelineLegend(self)
        self.toolbar = QToolBar("Timeline", self)
        self.toolbar.setObjectName("timelineToolbar")
        self._build_toolbar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.overview)
        layout.addWidget(self.legend)

    def _build_toolbar(self) -> None:
        tb, view = self.toolbar, self.view
        self.zoom_in_action = tb.addAction("Zoom in", view.zoom_in)
        self.zoom_in_action.setToolTip("Zoom in (+, Ctrl+wheel, pinch)")
        self.zoom_out_action = tb.addAction("Zoom out", view.zoom_out)
        self.zoom_out_action.setToolTip("Zoom out (-, Ctrl+wheel, pinch)")
        self.fit_core_action = tb.addAction("Fit story", view.fit_core)
        self.fit_core_action.setToolTip(
            "Show where most events are; arrows at the edges count the rest"
        )
        self.fit_all_action = tb.addAction("Fit all", view.fit_all)
        self.fit_all_action.setToolTip("Show every event (Ctrl+0)")
        self.zoom_selection_action = tb.addAction("Zoom to selection", view.zoom_to_selection)
        self.zoom_selection_action.setToolTip("Zoom onto the selected event")
        tb.addSeparator()
        tb.addWidget(QLabel(" Lanes: "))
        self.lane_combo = QComboBox(self)
        self.lane_combo.setObjectName("timelineLaneMode")
        for text, mode in LANE_CHOICES:
            self.lane_combo.addItem(text, mode)
        self.lane_combo.currentIndexChanged.connect(
            lambda k: view.set_lane_mode(self.lane_combo.itemData(k))
        )
        view.lane_mode_changed.connect(self._sync_combo)
        tb.addWidget(self.lane_combo)

    def _sync_combo(self, mode: str) -> None:
        k = self.lane_combo.findData(mode)
        if k >= 0 and k != self.lane_combo.currentIndex():
            self.lane_combo.setCurrentIndex(k)
