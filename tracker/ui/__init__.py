"""Tracker's desktop window (PySide6). The only package that imports Qt.

``create_window`` builds the main window without running an event loop (tests,
automation); ``run`` is the GUI entry point used by ``python -m tracker``.
"""

from __future__ import annotations

from tracker.ui.app import create_window, run

__all__ = ["create_window", "run"]
