"""Years of the entries of a dated list (a chronicle) written without their years.

Articles often carry a list of dated entries, one per line, the date first and
then a colon or a dash: "March 3: two aid workers were freed", "April 9 - the
airport reopened". When the list runs over more than one year, writers leave
the year out and let the order tell it: the months climb, drop back to January
and climb again. Read one entry at a time, every such date would be put in the
year around the article's date, so a list of losses since a war began two
years ago would fold into the last twelve months. Read as a whole:

- the entries are in time order when most steps go the same way (forwards,
  or backwards for a list of the latest first); a step against that order by
  more than `WRAP_DAYS` is a new year (a smaller one is a writer's slip, two
  entries of one month swapped);
- an entry that gives its year fixes the rest of the list; without one, the
  list sits where the tense of its entries allows: the entries told in the past
  on or before the article's date, those told in the future on or after it,
  and, of the years that allow that, the one that brings the list closest to
  the article's date.

A day named without its year inside an entry ("was hurt on April 1 and died
two days later") is the one nearest the entry's own date. A list that is not in
order, or whose given years disagree with its order, is left to the
one-entry-at-a-time reading.

>>> text = "Nov. 6: a patrol was ambushed.\\nJan. 1: two soldiers died.\\nMarch 2: a base was shelled."
>>> from datetime import date
>>> sorted(list_years(text, date(2024, 5, 1), lambda s, e: -1).values())
[2023, 2024, 2024]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tracker.extract.timex.calendar import safe_date
from tracker.extract.timex.lexicon import MONTHS, alt
from tracker.extract.timex.patterns import ABBR_MONTHS, FULL_MONTHS

# A list needs this many entries before its order is read as a chronicle.
MIN_ENTRIES = 3
# A step back by more than this many days (of the calendar year) starts a new
# year; a smaller one is two entries swapped.
WRAP_DAYS = 90
# In order: at least this share of the steps go the list's way.
IN_ORDER = 0.75

_MON = rf"(?:{alt(FULL_MONTHS)}|(?:{alt(ABBR_MONTHS)})\.?)"
# The date opens its line (after a bullet, if any), or follows the colon that
# announces the list ("the full list: March 3: ..."), and a colon or a dash follows it.
_ENTRY = re.compile(
    rf"(?:^[ \t]*(?:[-*\u2022\u00b7][ \t]*)?|(?<=:)[ \t]+)"
    rf"(?P<date>(?P<mon>{_MON})[ \t]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?[ \t]+(?P<mon2>{_MON}))"
    rf"(?:,?[ \t]+(?P<year>(?:1[89]|20)\d\d))?[ \t]*(?::|[-\u2013\u2014][ \t])",
    re.IGNORECASE | re.MULTILINE,
)

Entry = tuple[int, int, int, int, int | None]  # start, end, month, day, given year


def entries(text: str) -> list[Entry]:
    """The list entries of ``text`` whose date opens a line: (start, end, month, day, year).

    >>> [(m, d, y) for _, _, m, d, y in entries("May 2: a.\\n- 21 June 2004: b.\\nin May 3: c.")]
    [(5, 2, None), (6, 21, 2004)]
    >>> [(m, d) for _, _, m, d, _ in entries("The list: Jan. 4: a. Then on May 3: b.")]
    [(1, 4)]
    """
    out: list[Entry] = []
    for m in _ENTRY.finditer(text):
        month = MONTHS[(m.group("mon") or m.group("mon2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        if not 1 <= day <= 31:
            continue
        year = int(m.group("year")) if m.group("year") else None
        out.append((m.start("date"), m.end("date"), month, day, year))
    return out


def _ordinal(month: int, day: int) -> int:
    """Days into a (leap) year, enough to order month-and-day pairs."""
    return (date(2000, month, 1) - date(2000, 1, 1)).days + day


def offsets(pairs: list[tuple[int, int]]) -> list[int] | None:
    """Years after (or, for a newest-first list, before) the first entry; None if out of order.

    >>> offsets([(11, 6), (12, 2), (1, 1), (6, 28), (6, 19), (8, 4), (12, 26), (1, 30)])
    [0, 0, 1, 1, 1, 1, 1, 2]
    >>> offsets([(3, 4), (1, 20), (11, 2), (8, 9)])
    [0, 0, -1, -1]
    >>> offsets([(3, 4), (9, 20), (1, 2), (8, 9), (2, 1)]) is None
    True
    """
    ords = [_ordinal(m, d) for m, d in pairs]
    steps = [b - a for a, b in zip(ords, ords[1:], strict=False) if b != a]
    if not steps:
        return None
    # The list's way is the way most steps take round the calendar year, each by
    # its shorter arc (December to January is a step forwards).
    ahead = sum(1 for s in steps if 0 < s % 366 <= 183)
    if 2 * ahead == len(steps):
        return None
    way = 1 if 2 * ahead > len(steps) else -1
    # Within a year the steps go the list's way; a long step against it is a new year.
    regular = sum(1 for s in steps if s * way > 0)
    wraps = sum(1 for s in steps if s * way < -WRAP_DAYS)
    if regular + wraps < IN_ORDER * len(steps) or regular < wraps:
        return None
    out = [0]
    for a, b in zip(ords, ords[1:], strict=False):
        wrap = (b - a < -WRAP_DAYS) if way > 0 else (b - a > WRAP_DAYS)
        out.append(out[-1] + (way if wrap else 0))
    return out


def list_years(text: str, anchor: date, direction: Callable[[int, int], int]) -> dict[int, int]:
    """The year of each yearless entry of the dated list in ``text``, by its date's start.

    ``direction(start, end)`` is the tense of an entry's clause (-1 past, +1
    future, 0 unknown). Empty when ``text`` has no such list or it is not in order.
    """
    return _years(entries(text), anchor, direction)


def _years(
    found: list[Entry], anchor: date, direction: Callable[[int, int], int]
) -> dict[int, int]:
    if len(found) < MIN_ENTRIES or all(y is not None for *_, y in found):
        return {}
    offs = offsets([(m, d) for _, _, m, d, _ in found])
    if offs is None:
        return {}
    given = {y - o for (*_, y), o in zip(found, offs, strict=True) if y is not None}
    if len(given) > 1:
        return {}
    base = given.pop() if given else _base_by_tense(found, offs, anchor, direction)
    if base is None:
        return {}
    return {
        s: base + o
        for (s, _, m, d, y), o in zip(found, offs, strict=True)
        if y is None and safe_date(base + o, m, d) is not None
    }


@dataclass(frozen=True)
class Chronicle:
    """The dated list of one text: each entry's date and where its text ends."""

    days: tuple[tuple[int, int, int, date], ...]  # date start, date end, text end, date

    @classmethod
    def of(cls, text: str, anchor: date, direction: Callable[[int, int], int]) -> Chronicle:
        found = entries(text)
        years = _years(found, anchor, direction)
        if not years:
            return cls(())
        dated = []
        for s, e, m, dd, y in found:
            year = y if y is not None else years.get(s)
            d = safe_date(year, m, dd) if year is not None else None
            if d is not None:
                dated.append((s, e, d))
        # Each entry's text runs to the next entry; the last one ends with its line.
        line_end = text.find("\n", dated[-1][1]) if dated else -1
        last_stop = len(text) if line_end < 0 else line_end
        stops = [nxt[0] for nxt in dated[1:]] + [last_stop]
        return cls(tuple((s, e, stop, d) for (s, e, d), stop in zip(dated, stops, strict=True)))

    def year(self, start: int) -> int | None:
        """The year of the entry whose date starts at ``start``."""
        i = bisect.bisect_left(self.days, (start,))
        if i < len(self.days) and self.days[i][0] == start:
            return self.days[i][3].year
        return None

    def entry_day(self, pos: int) -> date | None:
        """The date of the entry whose text (after its date) holds ``pos``.

        >>> text = "Nov. 6: one.\\nJan. 1: two, on Dec. 30.\\nMarch 2: three.\\nLater, in May 5."
        >>> c = Chronicle.of(text, date(2024, 5, 1), lambda s, e: -1)
        >>> c.year(text.index("Jan.")), c.entry_day(text.index("Dec. 30"))
        (2024, datetime.date(2024, 1, 1))
        >>> c.entry_day(text.index("May 5")) is None
        True
        """
        # the last entry starting at or before pos
        i = bisect.bisect_right(self.days, (pos, 1 << 62)) - 1
        if i >= 0:
            _, end, stop, d = self.days[i]
            if end <= pos < stop:
                return d
        return None


def _base_by_tense(
    found: list[Entry], offs: list[int], anchor: date, direction: Callable[[int, int], int]
) -> int | None:
    tenses = [direction(s, e) for s, e, *_ in found]
    best: tuple[int, int] | None = None  # (distance to the anchor, base year)
    span = max(offs) - min(offs)
    for base in range(anchor.year - span - 2, anchor.year + 3):
        days = [safe_date(base + o, m, d) for (_, _, m, d, _), o in zip(found, offs, strict=True)]
        if any(
            day is not None and ((t < 0 and day > anchor) or (t > 0 and day < anchor))
            for day, t in zip(days, tenses, strict=True)
        ):
            continue
        near = min(abs((day - anchor).days) for day in days if day is not None)
        if best is None or near < best[0]:
            best = (near, base)
    return best[1] if best else None
