"""How dates and small values are shown in the window: each date at its own granularity.

An event dated "2024-11" reads "Nov 2024", never "1 Nov 2024": the display
must not claim a precision the source text did not give.
"""

from __future__ import annotations

from tracker.layout import format_period


def format_date(value: str | None, granularity: str | None = None) -> str:
    """Render an ISO 8601 / TIMEX3 date value at the granularity it carries."""
    return format_period(value, granularity, None)


def format_range(value: str | None, end: str | None, granularity: str | None = None) -> str:
    return format_period(value, granularity, end)


def sort_key_date(value: str | None) -> str:
    """A string that sorts dates chronologically across granularities (undated last)."""
    if not value:
        return "\uffff"
    return value
