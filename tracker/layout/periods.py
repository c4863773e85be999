"""Turn an event's ISO date at its own granularity into the span of time it covers.

The timeline works in plain float seconds since 1970-01-01 (naive UTC): cheap to
compare, bisect and scale. A date known only to the month covers the whole month,
so ``period_of("2024-11", "month")`` is [1 Nov 2024, 1 Dec 2024). Ends are
exclusive. Dates the timeline cannot place (``PRESENT_REF``, garbage) give None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

EPOCH = datetime(1970, 1, 1)
DAY = 86400.0
#: The calendar the timeline can show; datetime covers years 1..9999.
MIN_TIME = (datetime(1, 1, 1) - EPOCH).total_seconds()
MAX_TIME = (datetime(9999, 12, 31) - EPOCH).total_seconds()

# Meteorological seasons (northern hemisphere); winter starts in December of its year.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?(?::(\d{2}))?)?")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{1,2})$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON_RE = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_HALF_RE = re.compile(r"^(\d{4})-H([12])$")
_DIGITS_RE = re.compile(r"^(\d{1,4})$")

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}


def to_seconds(moment: datetime) -> float:
    return (moment - EPOCH).total_seconds()


def to_datetime(seconds: float) -> datetime:
    seconds = min(max(seconds, MIN_TIME), MAX_TIME)
    return EPOCH + timedelta(seconds=seconds)


def _month_start(year: int, month: int) -> datetime:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime(year, month, 1)


def _parse(value: str, granularity: str | None) -> tuple[datetime, datetime] | None:
    """One ISO value -> [start, end) as datetimes, or None."""
    value = value.strip()
    if m := _DAY_RE.match(value):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        start = datetime(y, mo, d)
        if m[4] is None:
            return start, start + timedelta(days=1)
        start = start.replace(hour=int(m[4]), minute=int(m[5] or 0), second=int(m[6] or 0))
        step = timedelta(hours=1) if m[5] is None else timedelta(minutes=1)
        return start, start + step
    if m := _MONTH_RE.match(value):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return _month_start(y, mo), _month_start(y, mo + 1)
    if m := _WEEK_RE.match(value):
        start = datetime.combine(date.fromisocalendar(int(m[1]), int(m[2]), 1), datetime.min.time())
        return start, start + timedelta(days=7)
    if m := _QUARTER_RE.match(value):
        y, q = int(m[1]), int(m[2])
        return _month_start(y, 3 * q - 2), _month_start(y, 3 * q + 1)
    if m := _HALF_RE.match(value):
        y, h = int(m[1]), int(m[2])
        return _month_start(y, 6 * h - 5), _month_start(y, 6 * h + 1)
    if m := _SEASON_RE.match(value):
        y, first = int(m[1]), _SEASON_START[m[2]]
        return _month_start(y, first), _month_start(y, first + 3)
    if m := _DIGITS_RE.match(value):
        digits = m[1]
        # TimeML: 4 digits a year, 3 a decade ("199" = the 1990s), 2 a century ("19" = 1900s).
        if len(digits) == 4 and granularity not in ("decade", "century"):
            y = int(digits)
            return datetime(max(y, 1), 1, 1), datetime(y + 1, 1, 1)
        if len(digits) == 3 or granularity == "decade":
            y = int(digits[:3]) * 10
            return datetime(max(y, 1), 1, 1), datetime(min(y + 10, 9999), 1, 1)
        if len(digits) == 2 or granularity == "century":
            y = int(digits[:2]) * 100
            return datetime(max(y, 1), 1, 1), datetime(min(y + 100, 9999), 1, 1)
    return None


@lru_cache(maxsize=65536)
def period_of(
    date_value: str | None, granularity: str | None = None, date_end: str | None = None
) -> tuple[float, float] | None:
    """[start, end) in seconds for an event date, its granularity and optional range end.

    A range runs from the start of ``date_value`` to the end of ``date_end``'s own
    period, so "2024-03" to "2024-05" covers March through May.
    """
    if not date_value:
        return None
    try:
        first = _parse(date_value, granularity)
        if first is None:
            return None
        start, end = first
        if date_end:
            last = _parse(date_end, None)
            if last is not None and last[1] > start:
                end = max(end, last[1])
    except (ValueError, OverflowError):
        return None
    return to_seconds(start), to_seconds(end)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _format_one(value: str, granularity: str | None) -> str:
    value = value.strip()
    # A month outside 1-12 (a bad value in the database) falls through to the raw text.
    if (m := _DAY_RE.match(value)) and 1 <= int(m[2]) <= 12:
        month = _MONTHS[int(m[2]) - 1]
        # A user may keep a full date but lower its granularity: show only what is known.
        if granularity == "year":
            return m[1]
        if granularity == "month":
            return f"{month} {m[1]}"
        text = f"{int(m[3])} {month} {m[1]}"
        return f"{text} {m[4]}:{m[5] or '00'}" if m[4] else text
    if (m := _MONTH_RE.match(value)) and 1 <= int(m[2]) <= 12:
        return f"{_MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := _WEEK_RE.match(value):
        return f"Week {int(m[2])}, {m[1]}"
    if m := _QUARTER_RE.match(value):
        return f"Q{m[2]} {m[1]}"
    if m := _HALF_RE.match(value):
        return f"H{m[2]} {m[1]}"
    if m := _SEASON_RE.match(value):
        return f"{_SEASON_NAMES[m[2]]} {m[1]}"
    if m := _DIGITS_RE.match(value):
        digits = m[1]
        if len(digits) == 3 or granularity == "decade":
            return f"{digits[:3]}0s"
        if len(digits) == 2 or granularity == "century":
            return f"{_ordinal(int(digits[:2]) + 1)} century"  # TimeML "20" is the 2000s
    return value


def format_period(date_value: str | None, granularity: str | None, date_end: str | None) -> str:
    """A human label for an event's date: "13 Nov 2024", "Q3 2024", "1990s", "Mar 2024 – May 2024"."""
    if not date_value:
        return "undated"
    text = _format_one(date_value, granularity)
    if date_end and date_end != date_value:
        text = f"{text} – {_format_one(date_end, None)}"
    return text
