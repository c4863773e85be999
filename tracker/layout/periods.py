"""The timeline's clock: float seconds since 1970-01-01 (naive UTC), and event spans in it.

Seconds are cheap to compare, bisect and scale. What a date value covers is
`tracker.model.Period`'s business; this module only turns that span into
seconds. A date known only to the month covers the whole month, so an event
dated "2024-11" spans [1 Nov 2024, 1 Dec 2024). Ends are exclusive. Dates the
timeline cannot place (``PRESENT_REF``, garbage) give None.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from tracker.model import event_span

EPOCH = datetime(1970, 1, 1)
DAY = 86400.0
#: The calendar the timeline can show; datetime covers years 1..9999.
MIN_TIME = (datetime(1, 1, 1) - EPOCH).total_seconds()
MAX_TIME = (datetime(9999, 12, 31) - EPOCH).total_seconds()


def to_seconds(moment: datetime) -> float:
    return (moment - EPOCH).total_seconds()


def to_datetime(seconds: float) -> datetime:
    seconds = min(max(seconds, MIN_TIME), MAX_TIME)
    return EPOCH + timedelta(seconds=seconds)


@lru_cache(maxsize=65536)  # a corpus repeats its dates: 100,000 events, a few thousand dates
def span_seconds(
    date_value: str | None, granularity: str | None = None, date_end: str | None = None
) -> tuple[float, float] | None:
    """[start, end) in seconds for an event's date, granularity and optional range end.

    A range runs from the start of ``date_value`` to the end of ``date_end``'s own
    period, so "2024-03" to "2024-05" covers March through May.
    """
    span = event_span(date_value, granularity, date_end)
    if span is None:
        return None
    return to_seconds(span.start), to_seconds(span.end)
