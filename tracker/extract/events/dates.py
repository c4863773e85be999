"""Which temporal expressions date a timeline entry, and at what granularity."""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.types import Timex
from tracker.model import GRANULARITIES, Granularity, Period


def _period(timex: Timex) -> Period | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    return Period.parse(timex.value)


def is_calendar(timex: Timex) -> bool:
    """A date a timeline entry can carry: a placeable period, not a century, a weekend
    or an interval (the ``date`` contract lists none of those)."""
    p = _period(timex)
    return (
        p is not None
        and p.granularity is not Granularity.CENTURY
        and not p.value.endswith("-WE")
        and "/" not in p.value
    )


def granularity_of(timex: Timex) -> str:
    if timex.granularity in GRANULARITIES:
        return timex.granularity
    p = _period(timex)
    if p is None:
        return "day"
    # The contract has no "half": a half-year is reported at the nearest listed granularity.
    return "quarter" if p.granularity is Granularity.HALF else str(p.granularity)


_GLUE = re.compile(r"\s*(?:,|on|of|at|in)?\s*")


def one_per_moment(text: str, dated: list[Timex]) -> list[Timex]:
    """ "overnight on Saturday", "10 a.m. Friday": two expressions, one moment, one event.

    The coarser value is kept: it is the one the rest of the article agrees with.
    """
    drop: set[int] = set()
    for k in range(len(dated) - 1):
        a, b = dated[k], dated[k + 1]
        va, vb = a.value or "", b.value or ""
        if _GLUE.fullmatch(text, a.end, b.start) and (va.startswith(vb) or vb.startswith(va)):
            drop.add(k if len(va) > len(vb) else k + 1)
    return [t for k, t in enumerate(dated) if k not in drop]


def recent(value: str, anchor: date) -> bool:
    """A date within the week up to the article's day ("yesterday", "on Monday")."""
    p = Period.parse(value)
    if p is None:
        return False
    return 0 <= (anchor - p.last_day).days <= _RECENT_DAYS and p.first_day <= anchor


_RECENT_DAYS = 7


def holds(outer: str, inner: str) -> bool:
    """Whether the period ``outer`` is coarser than ``inner`` and holds it ("this year"
    holds "Tuesday"): a frame around the story's time, not a move away from it."""
    a, b = Period.parse(outer), Period.parse(inner)
    return (
        a is not None
        and b is not None
        and a.first_day <= b.first_day
        and b.last_day <= a.last_day
        and (a.last_day - a.first_day) > (b.last_day - b.first_day)
    )
