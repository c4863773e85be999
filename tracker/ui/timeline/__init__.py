"""Tracker's interactive timeline: the view, its overview strip, legend and toolbar panel.

Geometry comes from ``tracker.layout``; this package only paints it and turns
input into zoom, pan and selection.
"""

from .panel import TimelinePanel
from .view import TimelineView

__all__ = ["TimelinePanel", "TimelineView"]
