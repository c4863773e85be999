"""Text -> dated events: the extraction library.

Public surface (everything else is internal):

- ``extract(text, anchor, options) -> Extraction``: every temporal
  expression (``timexes``) and the events built on them (``events``).
- ``extract_events(text, anchor, options)``: just the events, for import.
- ``find_timexes(text, anchor, options)``: just the temporal expressions.
- ``ExtractOptions``: the per-call settings (day-first dates, languages,
  reference-date policy); omitted, the defaults apply.

Deterministic given the text, the anchor date and the options; no globals, no
I/O beyond reading the gazetteers shipped in ``resources/``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.extract.events import build_events
from tracker.extract.options import ExtractOptions
from tracker.extract.timex import find_timexes
from tracker.extract.types import Derivation, ExtractedEvent, Extraction, Mention, Timex

__all__ = [
    "Derivation",
    "ExtractOptions",
    "ExtractedEvent",
    "Extraction",
    "Mention",
    "Timex",
    "extract",
    "extract_events",
    "find_timexes",
]


def extract(
    text: str,
    anchor: date | None = None,
    options: ExtractOptions | None = None,
    *,
    day_first: bool | None = None,
) -> Extraction:
    """Temporal expressions and events of one article (``day_first`` overrides the options)."""
    opts = options or ExtractOptions()
    if day_first is not None:
        opts = replace(opts, day_first=day_first)
    timexes = find_timexes(text, anchor, opts)
    events = build_events(text, timexes, anchor if opts.reference != "none" else None)
    return Extraction(timexes=tuple(timexes), events=tuple(events))


def extract_events(
    text: str, anchor: date | None = None, options: ExtractOptions | None = None
) -> list[ExtractedEvent]:
    return list(extract(text, anchor, options).events)
