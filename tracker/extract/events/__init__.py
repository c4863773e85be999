"""Dated mentions -> timeline events: the event layer of the extractor.

``build_events(text, timexes, anchor)`` turns each temporal expression that
dates a happening into an :class:`~tracker.extract.types.ExtractedEvent` with a
title, type, modality, actors, location, confidence and importance, and merges
the mentions of one happening within the article.
"""

from __future__ import annotations

from tracker.extract.events.builder import build_events

__all__ = ["build_events"]
