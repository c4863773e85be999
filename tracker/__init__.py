"""Tracker: turns news articles into an interactive timeline of dated events."""

__version__ = "0.1.0"
