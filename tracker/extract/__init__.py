"""Text -> dated events: the extraction library.

Public surface (everything else is internal):

- ``extract(text, anchor, day_first=False) -> Extraction``: every temporal
  expression (``timexes``) and the events built on them (``events``).
- ``extract_events(text, anchor)``: just the events, for import.
- ``find_timexes(text, anchor, day_first=False)``: just the temporal expressions.

Deterministic given the text and the anchor date; no globals, no I/O beyond
reading the gazetteers shipped in ``resources/``.
"""

from __future__ import annotations

from datetime import date

from tracker.extract.events import build_events
from tracker.extract.timex import find_timexes
from tracker.extract.types import Derivation, ExtractedEvent, Extraction, Mention, Timex

__all__ = [
    "Derivation",
    "ExtractedEvent",
    "Extraction",
    "Mention",
    "Timex",
    "extract",
    "extract_events",
    "find_timexes",
]


def extract(text: str, anchor: date | None = None, *, day_first: bool = False) -> Extraction:
    timexes = find_timexes(text, anchor, day_first=day_first)
    events = build_events(text, timexes, anchor)
    return Extraction(timexes=tuple(timexes), events=tuple(events))


def extract_events(text: str, anchor: date | None = None) -> list[ExtractedEvent]:
    return list(extract(text, anchor).events)
