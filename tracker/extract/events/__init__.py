"""Dated mentions -> timeline events: the event layer of the extractor.

``build_events(text, timexes, anchor)`` turns each temporal expression that
dates a happening into an :class:`~tracker.extract.types.ExtractedEvent` with a
title, type, modality, actors, location, confidence and importance, and merges
the mentions of one happening within the article.

Modules, in the order an article passes through them: ``article`` (sentences,
actors, dateline), ``dates`` (which timexes date an entry), ``filters`` and
``clauses`` (the happening a date belongs to), ``frames`` ("X said on Tuesday
that Y"), ``description`` with ``titles``, ``pronouns`` and ``groups`` (title,
participants, place), ``passages``, ``follow_ons`` and ``day_news`` (undated
sentences that still tell events), ``noise`` and ``scoring``, then ``merge``;
``builder`` runs them.
"""

from __future__ import annotations

from tracker.extract.events.builder import build_events

__all__ = ["build_events"]
