"""Adaptive time-axis ticks, from centuries down to hours, plus weekend bands.

``axis_for(scale)`` picks the finest calendar unit whose labels still fit and
returns two tiers: minor ticks (the unit itself: "Nov", "14:00") and major ticks
(the enclosing unit: "2024", "Wed 13 Nov 2024") for the header's upper band.
Ticks follow the calendar (months have their own lengths, weeks start on
Monday), so labels always sit on real boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .periods import DAY, EPOCH, to_datetime, to_seconds
from .scale import HOUR, YEAR, TimeScale

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_LONG_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_WEEKDAYS = "Mon Tue Wed Thu Fri Sat Sun".split()
MAX_TICKS = 2000


@dataclass(frozen=True)
class Tick:
    t: float
    label: str


@dataclass(frozen=True)
class Unit:
    name: str  # hours, days, weeks, months, quarters, years, decades, centuries
    kind: str  # calendar field stepped: hour, day, week, month, year
    step: int
    seconds: float  # typical length, to choose a unit for a zoom level
    min_px: float  # smallest spacing at which its labels stay readable


@dataclass(frozen=True)
class Axis:
    unit: Unit
    minor: list[Tick]
    major: list[Tick]


UNITS = (
    Unit("minutes", "minute", 5, 300, 44),
    Unit("minutes", "minute", 10, 600, 44),
    Unit("minutes", "minute", 15, 900, 44),
    Unit("minutes", "minute", 30, 1800, 44),
    Unit("hours", "hour", 1, HOUR, 44),
    Unit("hours", "hour", 3, 3 * HOUR, 44),
    Unit("hours", "hour", 6, 6 * HOUR, 44),
    Unit("hours", "hour", 12, 12 * HOUR, 44),
    Unit("days", "day", 1, DAY, 24),
    Unit("weeks", "week", 1, 7 * DAY, 44),
    Unit("months", "month", 1, YEAR / 12, 34),
    Unit("quarters", "month", 3, YEAR / 4, 30),
    Unit("years", "year", 1, YEAR, 40),
    Unit("years", "year", 2, 2 * YEAR, 40),
    Unit("years", "year", 5, 5 * YEAR, 40),
    Unit("decades", "year", 10, 10 * YEAR, 46),
    Unit("decades", "year", 20, 20 * YEAR, 46),
    Unit("centuries", "year", 100, 100 * YEAR, 50),
    Unit("centuries", "year", 200, 200 * YEAR, 50),
    Unit("centuries", "year", 500, 500 * YEAR, 50),
)

# The enclosing unit shown in the header's upper band for each minor unit.
_MAJOR = {
    "minutes": Unit("days", "day", 1, DAY, 0),
    "hours": Unit("days", "day", 1, DAY, 0),
    "days": Unit("months", "month", 1, YEAR / 12, 0),
    "weeks": Unit("months", "month", 1, YEAR / 12, 0),
    "months": Unit("years", "year", 1, YEAR, 0),
    "quarters": Unit("years", "year", 1, YEAR, 0),
    "years": Unit("decades", "year", 10, 10 * YEAR, 0),
    "decades": Unit("centuries", "year", 100, 100 * YEAR, 0),
    "centuries": Unit("millennia", "year", 1000, 1000 * YEAR, 0),
}


def choose_unit(pps: float) -> Unit:
    """The finest unit whose ticks are at least ``min_px`` apart at ``pps``."""
    for unit in UNITS:
        if unit.seconds * pps >= unit.min_px:
            return unit
    return UNITS[-1]


def floor_to(moment: datetime, unit: Unit) -> datetime:
    if unit.kind == "minute":
        return moment.replace(
            minute=moment.minute - moment.minute % unit.step, second=0, microsecond=0
        )
    if unit.kind == "hour":
        return moment.replace(
            hour=moment.hour - moment.hour % unit.step, minute=0, second=0, microsecond=0
        )
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit.kind == "day":
        return day
    if unit.kind == "week":
        return day - timedelta(days=day.weekday())
    if unit.kind == "month":
        return day.replace(month=day.month - (day.month - 1) % unit.step, day=1)
    year = max(1, day.year - day.year % unit.step)
    return datetime(year, 1, 1)


def advance(moment: datetime, unit: Unit) -> datetime:
    if unit.kind == "minute":
        return moment + timedelta(minutes=unit.step)
    if unit.kind == "hour":
        return moment + timedelta(hours=unit.step)
    if unit.kind == "day":
        return moment + timedelta(days=unit.step)
    if unit.kind == "week":
        return moment + timedelta(days=7 * unit.step)
    if unit.kind == "month":
        months = moment.month - 1 + unit.step
        return moment.replace(year=moment.year + months // 12, month=months % 12 + 1)
    # Year 1 floors to 1, not 0: step back onto the grid (0, 100, 200 ...).
    return datetime(moment.year - moment.year % unit.step + unit.step, 1, 1)


def label_for(moment: datetime, unit: Unit, wide: bool = False) -> str:
    """A tick label; ``wide`` labels are used when there is room (major band)."""
    if unit.name in ("hours", "minutes"):
        return f"{moment.hour:02d}:{moment.minute:02d}"
    if unit.name == "days":
        if wide:
            return f"{_WEEKDAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
        return str(moment.day)
    if unit.name == "weeks":
        # Dates, not ISO week numbers: "13 Nov" says when; "W46" has to be looked up.
        return f"{moment.day} {_MONTHS[moment.month - 1]}"
    if unit.name == "months":
        if wide:
            return f"{_LONG_MONTHS[moment.month - 1]} {moment.year}"
        return _MONTHS[moment.month - 1]
    if unit.name == "quarters":
        return f"Q{(moment.month - 1) // 3 + 1}"
    if unit.name == "years":
        return str(moment.year)
    if unit.name in ("decades",):
        return f"{moment.year}s"
    return f"{moment.year}s" if moment.year else "1s"


def ticks_between(t_from: float, t_to: float, unit: Unit, wide: bool = False) -> list[Tick]:
    """Every boundary of ``unit`` from the one at or before ``t_from`` up to ``t_to``."""
    ticks: list[Tick] = []
    try:
        moment = floor_to(to_datetime(t_from), unit)
        while len(ticks) < MAX_TICKS:
            t = to_seconds(moment)
            if t > t_to:
                break
            ticks.append(Tick(t, label_for(moment, unit, wide)))
            moment = advance(moment, unit)
    except (ValueError, OverflowError):
        pass  # ran off the end of the calendar (year 9999)
    return ticks


def axis_for(scale: TimeScale) -> Axis:
    unit = choose_unit(scale.pps)
    minor = ticks_between(scale.t_left, scale.t_right, unit)
    if unit.name == "days" and DAY * scale.pps >= 44:
        minor = [Tick(t.t, f"{_WEEKDAYS[to_datetime(t.t).weekday()][:2]} {t.label}") for t in minor]
    major = ticks_between(scale.t_left, scale.t_right, _MAJOR[unit.name], wide=True)
    return Axis(unit, minor, major)


def weekend_spans(scale: TimeScale, min_day_px: float = 20.0) -> list[tuple[float, float]]:
    """[start, end) of each Saturday-Sunday in view, only when days are wide enough to see."""
    if DAY * scale.pps < min_day_px:
        return []
    first = to_datetime(scale.t_left).replace(hour=0, minute=0, second=0, microsecond=0)
    saturday = first - timedelta(days=(first.weekday() - 5) % 7)
    spans: list[tuple[float, float]] = []
    t = to_seconds(saturday)
    while t < scale.t_right and len(spans) < MAX_TICKS:
        spans.append((t, t + 2 * DAY))
        t += 7 * DAY
    return spans


def now_seconds(now: datetime | None = None) -> float:
    """The current instant (UTC), where the "today" line is drawn."""
    now = now or datetime.now(UTC).replace(tzinfo=None)
    return (now - EPOCH).total_seconds()
