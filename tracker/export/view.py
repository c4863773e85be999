"""What every publishing export starts from: the events a view shows and its named periods.

Exports honour the view: the caller passes the events its filters select
(hidden events are already left out by the store) and the named periods; each
writer turns them into one format. ``timed`` keeps the events that can be
placed on a calendar, with their first and last day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from tracker.layout.fit import story_core
from tracker.model import Event, event_span, period_label


@dataclass(frozen=True)
class Band:
    """A named period drawn as a band: "Minsk talks", 2014-09-05 to 2015-02-12."""

    name: str
    first_day: date
    last_day: date
    colour: str = "#e6a700"


@dataclass(frozen=True)
class Placed:
    event: Event
    first_day: date
    last_day: date
    label: str  # the date as people write it ("13 Nov 2024", "Nov 2024")


@dataclass(frozen=True)
class View:
    title: str
    events: Sequence[Event]
    bands: Sequence[Band] = field(default_factory=tuple)

    def timed(self) -> list[Placed]:
        out = []
        for e in self.events:
            span = event_span(e.date, e.granularity, e.date_end)
            if span is None:
                continue
            out.append(
                Placed(
                    e,
                    span.first_day,
                    span.last_day,
                    period_label(e.date, e.granularity, e.date_end),
                )
            )
        out.sort(key=lambda p: (p.first_day, p.last_day, p.event.id or 0))
        return out


def core_span(items: Sequence[Placed]) -> tuple[float, float] | None:
    """The story's dense core over placed events, as the window's first view shows it.

    In seconds counted from day 1 (``date.toordinal() * 86400``), end exclusive:
    what `tracker.layout.fit.story_core` returns for the events' whole days.
    """
    return story_core(
        [p.first_day.toordinal() * 86400.0 for p in items],
        [(p.last_day.toordinal() + 1) * 86400.0 for p in items],
        [p.event.importance or 0.0 for p in items],
    )
