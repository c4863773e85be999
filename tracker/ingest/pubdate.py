"""An article's publication date from all the evidence a file carries, in order of trust.

1. Metadata that states publication (HTML meta/JSON-LD/OpenGraph, the e-mail
   Date header): ``meta``.
2. A dateline or "Published" line at the top of the text (`dateline`):
   ``dateline``; when it has no year ("BERLIN Nov 12 (Wire) -"), the year comes
   from evidence and the source says so: ``dateline+year``. A newspaper's
   year-less "CITY, Sept. 24 --" states the day the story was filed; the
   printed paper carrying it is the next morning's (`PRINT_DELAY`).
3. Document properties (PDF/DOCX creation date): ``meta``. They come after the
   text's own dateline because a file saved or printed later carries the day it
   was made, not the day the article appeared.
4. A date in the file's name or folders (``2024-11-13/248.txt``,
   ``20241113_brussels.html``): ``path``.

What cannot be settled from one file (a year-less dateline with no year in
the text or path, a 03/04/2024 that reads both ways) is left `pending`; the
import resolves it against the other articles of the same batch
(`resolve_with_batch`). Nothing here ever guesses: an undecidable date stays
unknown, and an "Updated" stamp is only offered as a suggestion.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from tracker.ingest.dateline import Dateline, first_stated, scan_head

#: How far a batch neighbour may be from a year-less dateline's day and still
#: vouch for its year: a batch of daily news spans days to weeks, and half a
#: year is where "Dec 30" starts to be as close to one January as to the other.
BATCH_REACH = datetime.timedelta(days=120)
#: A document's own later date (a path or batch date) may precede its dateline
#: by a day: files are often named by the day they were saved, across midnight.
SLACK = datetime.timedelta(days=1)
#: A newspaper story filed under "CITY, Sept. 24 --" is printed in the next
#: morning's paper: the publication day is the filing day plus this.
PRINT_DELAY = datetime.timedelta(days=1)

_PATH_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_./]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_YEAR_IN_TEXT = re.compile(r"(?<![\d$£€.,:/-])(?P<y>(?:19|20)\d{2})(?![\d%]|[.,:/-]\d)")


@dataclass(frozen=True)
class Found:
    """What the evidence says about when an article appeared."""

    date: datetime.date | None
    source: str  # meta | dateline | dateline+year | path | none
    note: str | None = None  # how the date was found, for the user
    pending: Dateline | None = None  # a dateline that needs the batch to settle
    suggested: datetime.date | None = None  # a date to offer for review, never used silently


def path_date(path: str | PurePath | None) -> datetime.date | None:
    """A calendar date in the file's name or in one of its last three folders."""
    if path is None:
        return None
    parts = PurePath(path).parts[-4:]
    joined = "/".join(parts[:-1] + (PurePath(parts[-1]).stem,)) if parts else ""
    found = None
    for match in _PATH_DATE.finditer(joined):
        try:
            date = datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if date.year <= datetime.date.today().year + 1:
            found = date  # the innermost (last) one: the file's own name beats its folder
    return found


def find_publication(
    text: str,
    *,
    meta: datetime.date | None = None,
    properties: datetime.date | None = None,
    path: str | PurePath | None = None,
    day_first: bool | None = None,
) -> Found:
    """The publication date of one article from its own evidence."""
    if meta is not None:
        return Found(meta, "meta", "from the page's metadata")
    datelines = scan_head(text)
    from_path = path_date(path)
    if (date := first_stated(datelines)) is not None:
        return Found(date, "dateline", "from the dateline")
    stated = [d for d in datelines if not d.updated]
    for dateline in stated:
        found = _settle(dateline, text, from_path, day_first)
        if found is not None:
            return found
    # A 03/04 dateline outranks the properties and the path once the reader's
    # day-first setting is known (`read_file` applies it): keep it pending.
    ambiguous = next((d for d in stated if d.swapped is not None), None)
    if properties is not None:
        return Found(properties, "meta", "from the document's properties", pending=ambiguous)
    if from_path is not None:
        return Found(from_path, "path", "from the file name or folder", pending=ambiguous)
    pending = next((d for d in stated if d.year is None or d.swapped is not None), None)
    updated = next((d.date() for d in datelines if d.updated and d.swapped is None), None)
    return Found(None, "none", pending=pending, suggested=updated)


def _settle(
    dateline: Dateline, text: str, from_path: datetime.date | None, day_first: bool | None
) -> Found | None:
    if dateline.swapped is not None:
        if day_first is not None:
            return read_day_first(dateline, day_first)
        day_first_reading = dateline.date()
        assert day_first_reading is not None
        if from_path is not None:
            chosen = _closest((day_first_reading, dateline.swapped), [from_path])
            if chosen is not None:
                return Found(chosen, "dateline", "from the dateline, read by the file name's date")
        return None
    if from_path is not None:
        date = latest_not_after(dateline, from_path + SLACK)
        if date is not None and from_path - date <= BATCH_REACH:
            return _year_found(dateline, date, "the file name or folder")
    year = _year_from_text(dateline, text)
    if year is not None:
        date = datetime.date(year, dateline.month, dateline.day)
        return _year_found(dateline, date, "the article's text")
    return None


def read_day_first(dateline: Dateline, day_first: bool) -> Found:
    """A dateline that reads both ways (03/04/2024), read as the user's setting says."""
    assert dateline.swapped is not None
    day_first_reading = dateline.date()
    assert day_first_reading is not None
    chosen = day_first_reading if day_first else dateline.swapped
    return Found(chosen, "dateline", "from the dateline, read with the day-first setting")


def _year_found(dateline: Dateline, day: datetime.date, evidence: str) -> Found:
    note = f"year {day.year} from {evidence}"
    if dateline.filed:
        return Found(day + PRINT_DELAY, "dateline+year", f"{note}; printed the day after filing")
    return Found(day, "dateline+year", note)


def latest_not_after(dateline: Dateline, evidence: datetime.date) -> datetime.date | None:
    """The latest day with the dateline's month and day (and weekday) not after `evidence`."""
    for year in range(evidence.year, evidence.year - 12, -1):
        try:
            date = datetime.date(year, dateline.month, dateline.day)
        except ValueError:
            continue  # 29 February
        if date <= evidence and (dateline.weekday is None or date.weekday() == dateline.weekday):
            return date
    return None


def _year_from_text(dateline: Dateline, text: str) -> int | None:
    """The one year the text points to, when nothing in it contradicts that year.

    The years an article names are past (background) or future (plans) more
    often than its own year, and a single mention is as likely to be history
    ("since the 1998 crisis") as news. So the text settles the year only when
    it names one year, and at least twice, or when the dateline's weekday
    picks exactly one of the years it names.
    """
    limit = datetime.date.today().year + 1
    mentions = [int(m["y"]) for m in _YEAR_IN_TEXT.finditer(text)]
    years = {y for y in mentions if y <= limit}
    if dateline.weekday is not None:
        fits = {y for y in years if _weekday(y, dateline) == dateline.weekday}
        return fits.pop() if len(fits) == 1 else None
    if len(years) == 1 and len(mentions) >= 2:
        (year,) = years
        return year if _weekday(year, dateline) is not None else None
    return None


def _weekday(year: int, dateline: Dateline) -> int | None:
    try:
        return datetime.date(year, dateline.month, dateline.day).weekday()
    except ValueError:
        return None


def resolve_with_batch(dateline: Dateline, batch: Iterable[datetime.date]) -> Found | None:
    """Settle a pending dateline by the dates of the other articles imported with it.

    A year-less day takes the year that puts it near the batch, and only when
    that is unambiguous: no other year lands within reach of the batch (a batch
    that spans years settles nothing).
    A day/month pair that reads both ways takes the reading closest to the batch.
    """
    dates = sorted(set(batch))
    if not dates:
        return None
    if dateline.swapped is not None:
        first = dateline.date()
        assert first is not None
        chosen = _closest((first, dateline.swapped), dates)
        if chosen is None:
            return None
        return Found(chosen, "dateline", "from the dateline, read by the other articles' dates")
    candidates = []
    for year in range(dates[0].year - 1, dates[-1].year + 2):
        try:
            date = datetime.date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if dateline.weekday is not None and date.weekday() != dateline.weekday:
            continue
        if _distance(date, dates) <= BATCH_REACH:
            candidates.append(date)
    if len(candidates) != 1:
        return None
    (date,) = candidates
    return _year_found(dateline, date, "the other articles imported with it")


def _closest(
    readings: tuple[datetime.date, ...], evidence: list[datetime.date]
) -> datetime.date | None:
    """The one reading within reach of the evidence, or the clearly closer of two."""
    near = [(r, _distance(r, evidence)) for r in readings]
    near = [(r, d) for r, d in near if d <= BATCH_REACH]
    if not near:
        return None
    near.sort(key=lambda item: item[1])
    if len(near) > 1 and near[1][1] - near[0][1] < datetime.timedelta(days=14):
        return None  # both readings sit about as close: undecidable
    return near[0][0]


def _distance(date: datetime.date, dates: list[datetime.date]) -> datetime.timedelta:
    return min(abs(date - other) for other in dates)
