"""How dates and small values are shown in the window: each date at its own granularity.

An event dated "2024-11" reads "Nov 2024", never "1 Nov 2024": the display
must not claim a precision the source text did not give.
"""

from __future__ import annotations

from functools import lru_cache

from tracker.model import Period, period_label


def format_date(value: str | None, granularity: str | None = None) -> str:
    """Render an ISO 8601 / TIMEX3 date value at the granularity it carries."""
    return period_label(value, granularity)


def format_range(value: str | None, end: str | None, granularity: str | None = None) -> str:
    return period_label(value, granularity, end)


@lru_cache(maxsize=65536)  # sorting 100,000 events parses each distinct date once
def sort_key_date(value: str | None) -> str:
    """A string that sorts dates chronologically across granularities (undated last).

    A period sorts by its first day, then coarser before finer ("2024-11" before
    "2024-11-01"); a value no period can place sorts as written, after the dates.
    """
    if not value:
        return "\uffff"
    period = Period.parse(value)
    if period is None:
        return "\ufffe" + value
    return f"{period.start.isoformat()} {9 - period.granularity.rank} {value}"
