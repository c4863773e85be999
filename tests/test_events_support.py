"""Shared helpers for the event-layer specs (this module holds no tests).

Timexes are made by hand, so the specs test the event layer alone, whatever
the timex layer finds."""

from __future__ import annotations

from datetime import date

from tracker.extract.events import build_events
from tracker.extract.types import Derivation, ExtractedEvent, Timex


def timex(
    text: str, phrase: str, value: str, kind: str = "DATE", nth: int = 0, relative: bool = False
) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    derivation = Derivation("weekday", "document") if relative else Derivation("absolute")
    return Timex(phrase, start, start + len(phrase), kind, value, derivation=derivation)


def events(text: str, *dates: tuple, anchor: date = date(2024, 11, 13)) -> list[ExtractedEvent]:
    """``dates``: (phrase, value) or (phrase, value, kind) tuples, in any order."""
    txs = [timex(text, *d) for d in dates]
    return build_events(text, sorted(txs, key=lambda t: t.start), anchor)


def only(evs: list[ExtractedEvent]) -> ExtractedEvent:
    assert len(evs) == 1, [e.title for e in evs]
    return evs[0]
