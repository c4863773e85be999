"""Launcher: ``python main.py`` opens the Tracker window (same as ``python -m tracker``)."""

import sys

from tracker.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
