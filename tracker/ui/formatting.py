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
    # A month outside 1-12 (a bad value in the database) falls through to the raw text.
    if (m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*", v)) and _month(m[2]):
        y, mo, d, hh, mm = m.groups()
        return f"{int(d)} {_month(mo)} {y} {hh}:{mm}"
    if (m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)) and _month(m[2]):
        y, mo, d = m.groups()
        if granularity == "month":
            return f"{_month(mo)} {y}"
        if granularity == "year":
            return y
        return f"{int(d)} {_month(mo)} {y}"
    if (m := re.fullmatch(r"(\d{4})-(\d{2})", v)) and _month(m[2]):
        return f"{_month(m[2])} {m[1]}"
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
        n = int(v) + 1  # TimeML "20" is the 2000s: the 21st century
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    return v


def _month(number: str) -> str | None:
    n = int(number)
    return _MONTHS[n - 1] if 1 <= n <= 12 else None


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
