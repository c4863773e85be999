"""How dates and small values are shown in the window: each date at its own granularity.

An event dated "2024-11" reads "Nov 2024", never "1 Nov 2024": the display
must not claim a precision the source text did not give.
"""

from __future__ import annotations

import re

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}


def format_date(value: str | None, granularity: str | None = None) -> str:
    """Render an ISO 8601 / TIMEX3 date value at the granularity it carries."""
    if not value:
        return "undated"
    v = value.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*", v):
        y, mo, d, hh, mm = m.groups()
        return f"{int(d)} {_MONTHS[int(mo) - 1]} {y} {hh}:{mm}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        y, mo, d = m.groups()
        if granularity == "month":
            return f"{_MONTHS[int(mo) - 1]} {y}"
        if granularity == "year":
            return y
        return f"{int(d)} {_MONTHS[int(mo) - 1]} {y}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = m.groups()
        if 1 <= int(mo) <= 12:
            return f"{_MONTHS[int(mo) - 1]} {y}"
    if m := re.fullmatch(r"(\d{4})-W(\d{1,2})", v):
        return f"Week {int(m.group(2))}, {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        return f"Q{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        return f"H{m.group(2)} {m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", v):
        return f"{_SEASONS[m.group(2)]} {m.group(1)}"
    if re.fullmatch(r"\d{4}", v):
        return v
    if re.fullmatch(r"\d{3}", v):
        return f"{v}0s"
    if re.fullmatch(r"\d{2}", v):
        return f"{int(v) + 1}th century"
    return v


def format_range(value: str | None, end: str | None, granularity: str | None = None) -> str:
    start = format_date(value, granularity)
    if end and end != value:
        return f"{start} – {format_date(end, granularity)}"
    return start


def sort_key_date(value: str | None) -> str:
    """A string that sorts dates chronologically across granularities (undated last)."""
    if not value:
        return "\uffff"
    return value
