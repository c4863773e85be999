"""Plain domain objects shared by every layer: articles, events, passages, actors.

Also the value types and vocabularies every layer agrees on: `Period` (a TIMEX3
date value at its own precision, the one place such values are parsed and
written) and the enums of event types, modalities and granularities. Enums are
`StrEnum`, so stored strings and JSON stay the plain words they always were.

Everything here is a frozen dataclass or an enum with no behaviour beyond small
derived properties; storage, extraction and the UI build and consume them but
never subclass them. This module imports nothing from the rest of ``tracker``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache


class DateSource(StrEnum):
    """Where an article's publication (anchor) date came from, most trusted first.

    The values are stored in the database and printed by the CLI.
    """

    META = "meta"  # page metadata, e-mail Date header, document properties
    DATELINE = "dateline"  # a dateline or "Published" line in the text
    DATELINE_YEAR = "dateline+year"  # a year-less dateline, its year inferred from evidence
    PATH = "path"  # a date in the file's name or folders
    CLI = "cli"  # given on the command line (--anchor, --dates)
    USER = "user"  # set by the user in the window
    ASSUMED = "assumed"  # the user accepted a suggestion (the file's date): to be reviewed
    NONE = "none"  # unknown: relative dates stay unresolved

    @property
    def label(self) -> str:
        return _DATE_SOURCE_LABELS[self]

    @property
    def needs_review(self) -> bool:
        """True when nobody vouched for the date: unknown, or a suggestion taken."""
        return self in (DateSource.ASSUMED, DateSource.NONE)


_DATE_SOURCE_LABELS = {
    DateSource.META: "from metadata",
    DateSource.DATELINE: "from the dateline",
    DateSource.DATELINE_YEAR: "from the dateline, year inferred",
    DateSource.PATH: "from the file name",
    DateSource.CLI: "given on the command line",
    DateSource.USER: "set by you",
    DateSource.ASSUMED: "assumed, please review",
    DateSource.NONE: "date unknown",
}

#: Where an article's publication (anchor) date came from (the stored strings).
DATE_SOURCES = tuple(s.value for s in DateSource)
ACTOR_KINDS = ("person", "org", "country", "product", "other")


class EventType(StrEnum):
    """The ten event types (``resources/event_types.md``), in the timeline's lane order."""

    MEETING = "meeting"
    STATEMENT = "statement"
    CALL = "call"
    AGREEMENT = "agreement"
    AID = "aid"
    SANCTIONS = "sanctions"
    MILITARY = "military"
    ELECTION = "election"
    PROTEST = "protest"
    OTHER = "other"

    @property
    def display_name(self) -> str:
        """What a window or legend calls the type."""
        return self.value.capitalize()

    @property
    def colour_key(self) -> str:
        """The palette entry the UI paints this type with (the UI owns the exact shades)."""
        return _TYPE_COLOUR_KEYS[self]

    @classmethod
    def coerce(cls, value: str | None) -> EventType:
        """The type named by ``value``; anything unknown (a stray stored string) is OTHER."""
        try:
            return cls(value or cls.OTHER)
        except ValueError:
            return cls.OTHER


_TYPE_COLOUR_KEYS = {
    EventType.MEETING: "blue",
    EventType.STATEMENT: "teal",
    EventType.CALL: "purple",
    EventType.AGREEMENT: "green",
    EventType.AID: "orange",
    EventType.SANCTIONS: "brown",
    EventType.MILITARY: "red",
    EventType.ELECTION: "pink",
    EventType.PROTEST: "olive",
    EventType.OTHER: "grey",
}


class Modality(StrEnum):
    """Whether an event happened, is planned, is only possible, or was denied."""

    REPORTED = "reported"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    DENIED = "denied"

    @property
    def display_name(self) -> str:
        return self.value.capitalize()


class Granularity(StrEnum):
    """How precisely a date is known, finest first.

    ``HALF`` (a half-year, "2024-H1") is a value the extractor resolves, but the
    ``tracker extract`` contract reports it as ``quarter``; `LISTED` is what a
    user may pick.
    """

    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        """0 for TIME up to 9 for CENTURY: a larger rank is a coarser date."""
        return _GRANULARITY_RANK[self]

    @classmethod
    def coerce(cls, value: str | None) -> Granularity | None:
        """The granularity named by ``value``, or None for None or an unknown word."""
        try:
            return cls(value) if value else None
        except ValueError:
            return None


_GRANULARITY_RANK = {g: i for i, g in enumerate(Granularity)}

#: The granularities an event may carry in the store, the CLI and the edit dialog.
LISTED_GRANULARITIES = tuple(g for g in Granularity if g is not Granularity.HALF)
GRANULARITIES = tuple(str(g) for g in LISTED_GRANULARITIES)
MODALITIES = tuple(str(m) for m in Modality)


# --- Period: a TIMEX3 date value at its own precision -------------------------------------

_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
# Meteorological seasons (northern hemisphere), as first month and name. Winter
# "2025-WI" runs from December 2024 to February 2025: the extractor names a winter
# by the year its January falls in (``tracker.extract.timex.calendar.fmt``).
_SEASONS = {
    "SP": (3, "Spring"),
    "SU": (6, "Summer"),
    "FA": (9, "Autumn"),
    "AU": (9, "Autumn"),
    "WI": (12, "Winter"),
}
# Parts of the day as [first hour, hour after the last).
_PARTS_OF_DAY = {
    "MO": (6, 12, "morning"),
    "MI": (11, 14, "midday"),
    "AF": (12, 18, "afternoon"),
    "EV": (18, 22, "evening"),
    "NI": (20, 24, "night"),
    "DT": (6, 18, "daytime"),
}
_DAY_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:T(?:(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(MO|MI|AF|EV|NI|DT)))?"
)
_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_WEEK_RE = re.compile(r"(\d{4})-W(\d{1,2})(-WE)?")
_QUARTER_RE = re.compile(r"(\d{4})-Q([1-4])")
_HALF_RE = re.compile(r"(\d{4})-H([12])")
_SEASON_RE = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_DIGITS_RE = re.compile(r"\d{2,4}")
_ONE_DAY = timedelta(days=1)


def _month_start(year: int, month: int) -> datetime:
    year += (month - 1) // 12
    return datetime(year, (month - 1) % 12 + 1, 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Period:
    """A stretch of calendar named by one TIMEX3 date value.

    ``2024-11-13`` (day), ``2024-11`` (month), ``2024`` (year), ``2024-W46`` (ISO
    week; ``2024-W46-WE`` its weekend), ``2024-Q3``, ``2024-H1``, ``2024-SU``
    (season), ``202`` (the 2020s), ``19`` (the 1900s), ``2013-03-22T14:00`` or
    ``2013-03-22TMO`` (a time or part of a day). It covers [``start``, ``end``):
    ``end`` is the first instant after it, so periods tile without overlap;
    ``first_day``/``last_day`` are the first and last calendar days covered.

    Build one with `parse` (a value) or `containing` (a day at a granularity);
    `format` gives the value back.
    """

    value: str
    granularity: Granularity
    start: datetime
    end: datetime

    # -- building ---------------------------------------------------------------------

    @staticmethod
    def parse(value: str | None, granularity: str | None = None) -> Period | None:
        """The period ``value`` names, or None when it names no placeable stretch of calendar.

        None for ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations, values with
        unknown digits (``XXXX-WXX``), impossible dates and years outside 1..9999.
        A coarser ``granularity`` widens the period to it (a user who keeps
        "2024-11-13" but marks it known only to the year means all of 2024);
        a finer one, or an unknown word, is ignored.
        """
        if not value:
            return None
        return _parse_cached(value.strip(), granularity or None)

    @classmethod
    def containing(cls, day: date, granularity: str) -> Period:
        """The ``granularity``-long period that contains ``day`` (TIME gives the day itself).

        Raises ValueError for an unknown granularity or a period past year 9999.
        """
        g = Granularity(granularity)
        y, m = day.year, day.month
        if g in (Granularity.TIME, Granularity.DAY):
            value = day.isoformat()
        elif g is Granularity.WEEK:
            iso_year, week, _ = day.isocalendar()
            value = f"{iso_year:04d}-W{week:02d}"
        elif g is Granularity.MONTH:
            value = f"{y:04d}-{m:02d}"
        elif g is Granularity.SEASON:
            code = ("WI", "SP", "SU", "FA")[m % 12 // 3]
            value = f"{y + (1 if m == 12 else 0):04d}-{code}"
        elif g is Granularity.QUARTER:
            value = f"{y:04d}-Q{(m - 1) // 3 + 1}"
        elif g is Granularity.HALF:
            value = f"{y:04d}-H{(m - 1) // 6 + 1}"
        elif g is Granularity.YEAR:
            value = f"{y:04d}"
        elif g is Granularity.DECADE:
            value = f"{y // 10:03d}"
        else:
            value = f"{y // 100:02d}"
        period = cls.parse(value)
        if period is None:
            raise ValueError(f"no {g} period contains {day} within the calendar")
        return period

    # -- reading ----------------------------------------------------------------------

    def format(self) -> str:
        """The TIMEX3 value (as it was given, trimmed)."""
        return self.value

    def __str__(self) -> str:
        return self.value

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        """The last calendar day the period touches."""
        return (self.end - timedelta(microseconds=1)).date()

    @property
    def start_day(self) -> str:
        """First day covered, as an ISO day ("2024-07-01" for 2024-Q3)."""
        return self.first_day.isoformat()

    @property
    def end_day(self) -> str:
        """Last day covered, as an ISO day ("2024-09-30" for 2024-Q3)."""
        return self.last_day.isoformat()

    @property
    def days(self) -> int:
        """How many calendar days the period touches."""
        return (self.last_day - self.first_day).days + 1

    def contains(self, other: Period | date | datetime) -> bool:
        """True when ``other`` (a period, a day or an instant) lies wholly inside this one."""
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, datetime):
            return self.start <= other < self.end
        moment = datetime.combine(other, datetime.min.time())
        return self.start <= moment and moment + _ONE_DAY <= self.end

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share any instant."""
        return self.start < other.end and other.start < self.end

    @property
    def label(self) -> str:
        """A human label: "13 Nov 2024", "Week 46, 2024", "Q3 2024", "Winter 2024/25", "1990s"."""
        return _label(self)


def _build(value: str) -> Period | None:
    if "/" in value:  # an ISO 8601 interval of two values: "2024-03/2024-05"
        head, tail = (_build(part) for part in value.split("/", 1))
        if head is None or tail is None or tail.end <= head.start:
            return None
        return Period(value, head.granularity, head.start, max(head.end, tail.end))
    if m := _DAY_RE.fullmatch(value):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        start = datetime(y, mo, d)
        if m[7]:
            first, after, _name = _PARTS_OF_DAY[m[7]]
            return Period(
                value,
                Granularity.TIME,
                start + timedelta(hours=first),
                start + timedelta(hours=after),
            )
        if m[4] is None:
            return Period(value, Granularity.DAY, start, start + _ONE_DAY)
        start = start.replace(hour=int(m[4]), minute=int(m[5] or 0), second=int(m[6] or 0))
        # Known to the hour, the minute or the second: it lasts that long.
        step = timedelta(hours=1) if m[5] is None else timedelta(minutes=1)
        if m[6] is not None:
            step = timedelta(seconds=1)
        return Period(value, Granularity.TIME, start, start + step)
    if m := _MONTH_RE.fullmatch(value):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return Period(value, Granularity.MONTH, _month_start(y, mo), _month_start(y, mo + 1))
    if m := _WEEK_RE.fullmatch(value):
        monday = datetime.combine(
            date.fromisocalendar(int(m[1]), int(m[2]), 1), datetime.min.time()
        )
        if m[3]:  # the weekend of that week: Saturday and Sunday
            return Period(value, Granularity.WEEK, monday + 5 * _ONE_DAY, monday + 7 * _ONE_DAY)
        return Period(value, Granularity.WEEK, monday, monday + 7 * _ONE_DAY)
    if m := _QUARTER_RE.fullmatch(value):
        y, q = int(m[1]), int(m[2])
        return Period(
            value, Granularity.QUARTER, _month_start(y, 3 * q - 2), _month_start(y, 3 * q + 1)
        )
    if m := _HALF_RE.fullmatch(value):
        y, h = int(m[1]), int(m[2])
        return Period(
            value, Granularity.HALF, _month_start(y, 6 * h - 5), _month_start(y, 6 * h + 1)
        )
    if m := _SEASON_RE.fullmatch(value):
        y, (first, _name) = int(m[1]), _SEASONS[m[2]]
        if m[2] == "WI":
            y -= 1  # "2025-WI" begins in December 2024
        return Period(value, Granularity.SEASON, _month_start(y, first), _month_start(y, first + 3))
    if _DIGITS_RE.fullmatch(value):
        # TimeML: 4 digits a year, 3 a decade ("199" = the 1990s), 2 a century ("19" = 1900s).
        width = {4: 1, 3: 10, 2: 100}[len(value)]
        first_year = int(value) * width
        g = {1: Granularity.YEAR, 10: Granularity.DECADE, 100: Granularity.CENTURY}[width]
        return Period(value, g, datetime(first_year, 1, 1), datetime(first_year + width, 1, 1))
    return None


@lru_cache(maxsize=65536)
def _parse_cached(value: str, granularity: str | None) -> Period | None:
    try:
        period = _build(value)
        hint = Granularity.coerce(granularity)
        if (
            period is not None
            and hint is not None
            and hint.rank > period.granularity.rank
            and hint not in (Granularity.SEASON, Granularity.TIME)
        ):
            period = Period.containing(period.first_day, hint)
    except (ValueError, OverflowError):  # 2024-02-30, week 53 of a 52-week year, year 0
        return None
    return period


def _label(p: Period) -> str:
    if "/" in p.value:
        parts = [Period.parse(v) for v in p.value.split("/", 1)]
        return " – ".join(_label(part) for part in parts if part is not None)
    g, v, s = p.granularity, p.value, p.start
    month = _MONTHS[s.month - 1]
    if g is Granularity.DAY:
        return f"{s.day} {month} {s.year}"
    if g is Granularity.TIME:
        day = f"{s.day} {month} {s.year}"
        if m := _DAY_RE.fullmatch(v):
            if m[7]:
                return f"{day} {_PARTS_OF_DAY[m[7]][2]}"
            return f"{day} {m[4]}:{m[5] or '00'}"
        return day
    if g is Granularity.MONTH:
        return f"{month} {s.year}"
    if g is Granularity.WEEK:
        iso_year, week, _ = p.first_day.isocalendar()
        return f"{'Weekend of week' if v.endswith('-WE') else 'Week'} {week}, {iso_year}"
    if g is Granularity.QUARTER:
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if g is Granularity.HALF:
        return f"H{(s.month - 1) // 6 + 1} {s.year}"
    if g is Granularity.SEASON:
        name = _SEASONS[v[-2:]][1]
        if s.month == 12:
            return f"{name} {s.year}/{(s.year + 1) % 100:02d}"
        return f"{name} {s.year}"
    if g is Granularity.YEAR:
        return str(s.year)
    if g is Granularity.DECADE:
        return f"{s.year}s"
    return f"{_ordinal(s.year // 100 + 1)} century"  # TimeML "20" is the 2000s


def period_label(value: str | None, granularity: str | None = None, end: str | None = None) -> str:
    """A human label for an event's date and optional range end.

    "13 Nov 2024", "Q3 2024", "Mar 2024 – May 2024"; "undated" without a date,
    and a value no `Period` can place (bad data) shown as written.
    """
    if not value:
        return "undated"
    first = Period.parse(value, granularity)
    text = first.label if first else value.strip()
    if end and end != value:
        last = Period.parse(end)
        text = f"{text} – {last.label if last else end.strip()}"
    return text


def event_span(
    value: str | None, granularity: str | None = None, end: str | None = None
) -> Period | None:
    """The period an event with this date, granularity and optional range end covers.

    A range runs from the start of ``value`` to the end of ``end``'s own period,
    so "2024-03" to "2024-05" covers March through May; an ``end`` that cannot be
    placed or lies before the start is ignored.
    """
    first = Period.parse(value, granularity)
    if first is None or not end:
        return first
    last = Period.parse(end)
    if last is None or last.end <= first.end:
        return first
    return Period(f"{first.value}/{last.value}", first.granularity, first.start, last.end)


@dataclass(frozen=True)
class Article:
    id: int | None
    title: str
    text: str
    anchor_date: str | None = None  # ISO date the relative dates resolve against
    date_source: str = "none"  # one of DATE_SOURCES
    source_name: str | None = None
    url: str | None = None
    author: str | None = None
    path: str | None = None
    content_hash: str | None = None
    imported_at: str | None = None
    date_note: str | None = None  # how the date was found, in words
    suggested_date: str | None = None  # ISO day offered for review when the date is unknown
    event_count: int = 0

    @property
    def date_assumed(self) -> bool:
        """True when nobody vouched for the date (unknown, or a suggestion taken)."""
        return self.date_source in (DateSource.ASSUMED, DateSource.NONE)

    @property
    def date_unknown(self) -> bool:
        return self.anchor_date is None


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str = "other"  # one of ACTOR_KINDS
    id: int | None = None
    role: str | None = None  # title of office in this event ("CEO", "Foreign Minister")
    aliases: tuple[str, ...] = ()  # short forms the articles use ("IBM", "Blinken")


@dataclass(frozen=True)
class Passage:
    """Where an event is mentioned: offsets are str indices into the article text."""

    article_id: int
    sentence_start: int
    sentence_end: int
    timex_start: int
    timex_end: int
    timex: str
    quote: str
    id: int | None = None
    event_id: int | None = None
    context: str | None = None  # the sentences around the quote, never pasted into it


@dataclass(frozen=True)
class Event:
    id: int | None
    date: str | None  # ISO 8601 at its own granularity: 2024-11-13, 2024-11, 2024-Q3 ...
    title: str
    granularity: str | None = None
    date_end: str | None = None
    type: str = EventType.OTHER
    modality: str = Modality.REPORTED
    location: str | None = None
    confidence: float = 0.5
    importance: float = 0.5
    created_by: str = "extractor"  # extractor | user | story (a day event, tracker.story.days)
    relative: bool = False  # date resolved against the article date (re-resolves on reanchor)
    actors: tuple[Actor, ...] = ()
    passages: tuple[Passage, ...] = field(default=())
    article_id: int | None = None
    article_title: str | None = None
    article_date: str | None = None
    article_url: str | None = None
    # Independent articles reporting this event (for a fused event, from
    # tracker.story; for a bare stored event, its own article plus those with
    # an event on the same date, of the same type, sharing an actor).
    sources: int = 1
    # A fused event (tracker.story): its story id, the stored per-article events
    # it fuses (their ids), and the dates its sources gave that it did not take,
    # each as "date (n sources)" value pairs.
    story_id: int | None = None
    member_ids: tuple[int, ...] = ()
    other_dates: tuple[tuple[str, int], ...] = ()
    starred: bool = False  # the user's star
    hidden: bool = False  # hidden by the user: off the timeline and out of exports
    tags: tuple[tuple[str, str], ...] = ()  # (name, colour) of the user's tags
    dated_by: str = "text"  # text | publication (the day's news, dated by its article)

    @property
    def source_count(self) -> int:
        return max(self.sources, len({p.article_id for p in self.passages}), 1)

    @property
    def passage_count(self) -> int:
        """How many passages mention it: a listed event (`tracker.story.records`) knows
        without decoding them."""
        return len(self.passages)
