"""Calendar arithmetic and TIMEX3 value formatting.

Pure functions over `datetime.date`: shifting by calendar units, the ISO week,
quarter and season of a day, and writing a value at a given granularity the
way TimeML spells it ("2024-W46", "2024-Q3", "199" for the 1990s).
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    if not 1 <= y <= 9999:
        raise OverflowError("year out of range")
    return date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` calendar units (day week month quarter year decade century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    if unit == "half":
        return add_months(d, 6 * n)
    if unit in ("year", "season"):
        return add_months(d, 12 * n)
    if unit == "decade":
        return add_months(d, 120 * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(unit)


def season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def fmt(d: date, gran: str) -> str:
    """TIMEX3 value of the ``gran``-long period that contains ``d``."""
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "season":
        y = d.year + (1 if d.month == 12 else 0)
        return f"{y:04d}-{season_of(d)}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (ISO, Monday=1) nearest ``anchor`` in ``direction``.

    direction -1: on or before the anchor; +1: on or after; 0: the closest
    either way (ties go back, as news mostly reports the past).
    """
    delta = weekday - anchor.isoweekday()
    back = anchor - timedelta(days=(-delta) % 7)
    fwd = anchor + timedelta(days=delta % 7)
    if direction < 0:
        return back
    if direction > 0:
        return fwd
    return back if (anchor - back) <= (fwd - anchor) else fwd


def year_for_month(anchor: date, month: int, direction: int) -> int:
    """Year of a bare month name relative to ``anchor`` by tense direction."""
    if direction < 0:
        back = (anchor.month - month) % 12
        # A bare month ten or more months back would be "last January" in
        # news copy; one or two months ahead is what a past-tense report
        # ("warned of cuts in September") is usually about.
        if back >= 10 and 12 - back <= 2:
            return anchor.year if month >= anchor.month else anchor.year + 1
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month >= anchor.month else anchor.year + 1
    # No tense cue: news mostly reports the past, so the last such month
    # unless that is most of a year back.
    back = (anchor.month - month) % 12
    if back <= 9:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year if month >= anchor.month else anchor.year + 1


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_value(anchor: date, code: str, offset: int, *, current_counts: bool = False) -> str:
    """'this'/'last'/'next' summer relative to ``anchor``.

    With ``current_counts`` a season under way at the anchor is "the" season
    either way (for "the summer" said in summer).
    """
    if current_counts and season_of(anchor) == code:
        offset = 0
    start_month = _SEASON_START[code]
    y = anchor.year if not (code == "WI" and anchor.month <= 2) else anchor.year - 1
    start = date(y, start_month, 1)
    if offset < 0 and start > anchor:
        y -= 1
    elif offset < 0 and season_of(anchor) == code:
        y -= 1
    elif offset > 0 and start <= anchor:
        y += 1
    return f"{y + (1 if code == 'WI' else 0):04d}-{code}" if code == "WI" else f"{y:04d}-{code}"


def nth_weekday(year: int, month: int, wdn: int, n: int) -> date | None:
    """The n-th ``wdn`` (ISO weekday) of a month; n = -1 for the last one."""
    if n == -1:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return nxt - timedelta(days=((nxt.isoweekday() - wdn) % 7) or 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(wdn - first.isoweekday()) % 7) + timedelta(weeks=n - 1)
    return d if d.month == month else None
