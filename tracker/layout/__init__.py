"""Qt-free timeline geometry: time <-> x, ticks, lanes, stacking, clusters, overview.

The Qt view (``tracker.ui.timeline``) only paints what these functions return,
so every rule about what goes where is testable without a display.
"""

from .fit import Outliers, dense_core, outliers
from .index import EventIndex, Lane, is_point, priority
from .lanes import LANE_MODES, lane_keys
from .overview import histogram
from .periods import span_seconds, to_datetime, to_seconds
from .scale import MAX_SPAN, MIN_SPAN, TimeScale
from .scene import (
    Cluster,
    LaneBox,
    Metrics,
    Placed,
    SceneLayout,
    badge_contents,
    lane_boxes,
    lane_rows,
    layout_scene,
)
from .ticks import Axis, Tick, axis_for, choose_unit, now_seconds, weekend_spans

__all__ = [
    "LANE_MODES",
    "MAX_SPAN",
    "MIN_SPAN",
    "Axis",
    "Cluster",
    "EventIndex",
    "Lane",
    "LaneBox",
    "Metrics",
    "Placed",
    "SceneLayout",
    "Tick",
    "TimeScale",
    "Outliers",
    "axis_for",
    "badge_contents",
    "dense_core",
    "lane_rows",
    "outliers",
    "choose_unit",
    "histogram",
    "is_point",
    "lane_boxes",
    "lane_keys",
    "layout_scene",
    "now_seconds",
    "priority",
    "span_seconds",
    "to_datetime",
    "to_seconds",
    "weekend_spans",
]
