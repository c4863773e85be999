"""Publication dates written in an article's text ("datelines") and in metadata.

`scan_head` looks at the top of the text (the first ~15 non-empty lines and at
most ~1,500 characters), where bylines, datelines and "Published" lines sit,
also after photo captions and credits and when a scraper glued the headline,
the dateline and the first sentence into one line. Every date-shaped span
there is a candidate; its surroundings decide whether it states when the
article appeared or is an event inside a sentence:

- it counts when it carries a clock time ("Tuesday 4 March 2025 08.43 GMT"),
  a label ("Published", "Aired", "Posted"), a byline ("By Jane Doe, 13/11/2024"),
  a wire dateline's city and separator ("BERLIN Nov 12 (Wire) -"), or stands
  alone on its line or before a separator ("| By ...", "--");
- it does not count after a preposition inside a running sentence ("talks
  resume on 13 November 2024 in ..."), before a colon that starts a timeline
  entry ("24 February 2022: troops cross the border"), or when its weekday
  contradicts its day;
- an "Updated" stamp bounds the publication date from above but does not
  state it, so it is only ever a suggestion (`Dateline.updated`).

A dateline may lack its year ("BERLIN Nov 12 (Wire) -"); the caller takes the
year from evidence (`tracker.ingest.pubdate`). A newspaper's year-less
"NEW YORK, Sept. 24 --" gives the day the story was filed, not the day the
paper appeared (`Dateline.filed`). A numeric date whose day and
month could swap (03/04/2024) is kept with both readings; evidence or the
user's day-first setting picks one, never a guess.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

HEAD_CHARS = 1500
HEAD_LINES = 15

#: English month names and their usual abbreviations -> month number.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
#: Weekday names and abbreviations -> datetime.weekday() number.
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4,
    "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

#: Words that, right before a date, say the line states the article's own date.
PUBLISHED_LABELS = (
    "published", "first published", "posted", "aired", "released", "dated", "date",
    "filed", "issued", "broadcast", "publié le", "publié", "veröffentlicht am",
    "veröffentlicht", "publicado el", "publicado", "pubblicato il", "pubblicato",
)  # fmt: skip
#: Labels of a later revision: the article appeared on or before that day.
UPDATED_LABELS = (
    "updated", "last updated", "last modified", "modified", "mis à jour le",
    "mis à jour", "aktualisiert am", "aktualisiert", "actualizado el", "actualizado",
    "aggiornato il", "aggiornato",
)  # fmt: skip
#: A lowercase word right before a date that makes it part of a sentence.
PREPOSITIONS = (
    "on", "since", "until", "till", "from", "before", "after", "in", "of", "at",
    "by", "between", "and", "to", "through", "during", "or", "than", "for", "the",
)  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_YEAR = r"(?P<year>\d{4}|['’]\d{2})(?!\d)"
_WD = rf"(?:(?P<weekday>{_WEEKDAY_RE})\.?,?\s+)?"
# A clock time after the date: "08.43 GMT", "3:12pm EST", "- 16:00:00 ET", "T10:02:00Z".
_TIME = (
    r"(?:(?:\s*(?:[,;:|]|-|–|—|at|à)?\s*|T)"
    r"(?P<time>\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|GMT|BST|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT)\b)?)?"
)
# The month may follow a lowercase letter with no space ("reporterJanuary 28"):
# scrapers glue a byline's last word to the dateline.
_WORD_START = r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
# What a date can begin with, checked first: most places in a headline begin none, and
# there one character test turns a pattern away before its alternations are tried.
_WD_FIRST = "".join(sorted({w[0] for w in WEEKDAYS}))
_DAY_OR_WEEKDAY = rf"(?=[\d{_WD_FIRST}])"
_MONTH_OR_WEEKDAY = rf"(?=[{_WD_FIRST}{''.join(sorted({m[0] for m in MONTHS}))}])"
_PATTERNS = (
    # Tuesday 4 January 2005, 13th Nov. 2024, 13 Nov
    re.compile(
        rf"{_WORD_START}{_DAY_OR_WEEKDAY}{_WD}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b\.?"
        rf"(?:,?\s+{_YEAR})?{_TIME}",
        re.IGNORECASE,
    ),
    # Tue Nov 12, 2024; January 26, 2011; Sept. 24; Sun Jul 29 2012
    re.compile(
        rf"{_WORD_START}{_MONTH_OR_WEEKDAY}{_WD}(?P<month>{_MONTH_RE})\b\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+{_YEAR})?{_TIME}",
        re.IGNORECASE,
    ),
    # 2024-11-13, 2024/11/13, 2024-11-13T10:02:00Z
    re.compile(
        rf"{_DAY_OR_WEEKDAY}(?<![\d./-]){_WD}(?P<year>\d{{4}})(?P<sep>[-/.])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})(?![\d/]){_TIME}",
        re.IGNORECASE,
    ),
    # 13/11/2024, 11-13-2024, 13.11.24 (which is day and which month is decided later)
    re.compile(
        rf"{_DAY_OR_WEEKDAY}(?<![\d./-]){_WD}(?P<first>\d{{1,2}})(?P<sep>[-/.])(?P<second>\d{{1,2}})(?P=sep)"
        rf"(?P<year>\d{{4}}|\d{{2}})(?![\d/]){_TIME}",
        re.IGNORECASE,
    ),
    # 2024年11月13日
    re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"),
)
# Other languages' month names, read by dateparser: 13 novembre 2024, 13. November 2024.
_FOREIGN = re.compile(
    r"(?=\d)(?<!\w)(?P<all>\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?\s*(?:de\s+|del\s+)?,?\s*\d{4})(?!\d)"
    + _TIME
)

# A clock time written before the date: "Published 3:12 PM EST, November 13, 2024".
_TIME_BEFORE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[,|·-]?\s*$", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(
    r"(?:^|[^\w])(?P<label>"
    + "|".join(
        re.escape(x) for x in sorted(PUBLISHED_LABELS + UPDATED_LABELS, key=len, reverse=True)
    )
    + r")\s*(?:on|at|:|-|–)?\s*[:\-–]?\s*$",
    re.IGNORECASE,
)
_BYLINE_BEFORE = re.compile(
    r"\b(?:By|From)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}[^.!?]{0,60}?(?:[,|•·–—-]|\s)\s*$"
)
_BYLINE_AFTER = re.compile(r"^\s*[|•·,–—-]\s*(?:By|From)\s+[A-Z]")
# An all-caps place before the date: "NEW YORK, ", "PARIS | ", "BERLIN ".
_CITY_BEFORE = re.compile(r"(?:^|[^\w])[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}\s*[,|/]?\s*$")
# After a dateline: a separator, a wire agency in brackets and a dash, or the end of the line.
_SEPARATOR_AFTER = re.compile(r"^\s*(?:$|[|•·]|--|—|–|-\s|;|\(\s*[A-Z][^)]{0,40}\)\s*(?:[-–—:]|$))")
_FILED_AFTER = re.compile(r"^\s*(?:--|—)")
_TIMELINE_ENTRY = re.compile(r"^\s*:\s*[^\W\d_]")
#: What follows the time stamp of a reader's comment or an embedded post, not of the article.
_COMMENT_AFTER = re.compile(
    r"^\s*(?:\|\s*)?(?:report abuse|permalink|retweet|favorite)\b|^\s*\|\s*reply\b", re.IGNORECASE
)
_FIRST_WORD_AFTER = re.compile(r"^\s*,?\s*([^\W\d_]+)")
_LAST_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")


@dataclass(frozen=True)
class Dateline:
    """A date stated at the top of an article, as far as the text gives it."""

    month: int
    day: int
    year: int | None  # None: the line gives no year ("BERLIN Nov 12 (Wire) -")
    weekday: int | None = None  # the weekday the line states, for checks
    updated: bool = False  # an "Updated ..." stamp rather than the publication
    swapped: datetime.date | None = None  # the other reading of 03/04/2024
    offset: int = 0  # where the date starts in the text
    #: A newspaper's year-less "CITY, Sept. 24 --" line: the day the story was
    #: filed, which the printed paper follows by a day or more; wire copy
    #: names its agency ("(Wire) -") and appears the same day.
    filed: bool = False

    def date(self) -> datetime.date | None:
        """The full date when the line gives the year and it exists."""
        if self.year is None:
            return None
        return _valid(self.year, self.month, self.day)


def find_dateline(text: str) -> datetime.date | None:
    """The publication date written near the top of `text`, or None.

    Only a full, unambiguous date that states publication counts here; the
    year-less and ambiguous cases need evidence (see `tracker.ingest.pubdate`).
    """
    return first_stated(scan_head(text))


def first_stated(datelines: list[Dateline]) -> datetime.date | None:
    """The first full, unambiguous publication date among `datelines` (no "Updated" stamp)."""
    for found in datelines:
        if not found.updated and found.swapped is None and (date := found.date()) is not None:
            return date
    return None


def scan_head(text: str) -> list[Dateline]:
    """Every date at the top of `text` that reads as the article's own date, in text order."""
    head = _head(text)
    found: dict[int, Dateline] = {}
    taken: list[tuple[int, int]] = []
    windows = _digit_windows(head)
    for pattern in (*_PATTERNS, _FOREIGN):
        for match in (m for s, e in windows for m in pattern.finditer(head, s, e)):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue  # an earlier pattern read this span already
            dateline = _judge(head, match)
            taken.append((start, end))
            if dateline is not None:
                found[start] = dateline
    return [found[k] for k in sorted(found)]


#: Every date holds a digit: a match starts at most this far before one (a
#: weekday and a month name: "Wednesday, September 4") and ends at most this
#: far after one (a clock time and a zone: "4 ... 2024 at 10:02 a.m. EDT").
_BEFORE_DIGIT = 32
_AFTER_DIGIT = 64


def _digit_windows(head: str) -> list[tuple[int, int]]:
    """Stretches of `head` around its digits: the only places a date can match.

    Trying the patterns only there keeps the scan cheap on long headlines
    and captions, which are mostly words.
    """
    windows: list[tuple[int, int]] = []
    for match in re.finditer(r"\d+", head):
        start = max(0, match.start() - _BEFORE_DIGIT)
        end = min(len(head), match.end() + _AFTER_DIGIT)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _head(text: str) -> str:
    """The first HEAD_LINES non-empty lines, cut at HEAD_CHARS (offsets kept)."""
    head = text[:HEAD_CHARS]
    seen = 0
    for match in re.finditer(r"[^\n]*\S[^\n]*", head):
        seen += 1
        if seen == HEAD_LINES:
            return head[: match.end()]
    return head


def _judge(head: str, match: re.Match[str]) -> Dateline | None:
    line_start = head.rfind("\n", 0, match.start()) + 1
    line_end = head.find("\n", match.end())
    before = head[line_start : match.start()]
    after = head[match.end() : line_end if line_end >= 0 else len(head)]
    groups = match.groupdict()
    has_time = bool(groups.get("time"))
    if time_before := _TIME_BEFORE.search(before[-30:]):
        has_time = True
        before = before[: len(before) - len(time_before.group(0))]
    weekday = WEEKDAYS.get((groups.get("weekday") or "").lower().rstrip("."))

    label = _LABEL_BEFORE.search(before[-40:])
    updated = bool(label and label.group("label").lower() in UPDATED_LABELS)
    byline = bool(_BYLINE_BEFORE.search(before[-120:]) or _BYLINE_AFTER.match(after))
    separator = bool(_SEPARATOR_AFTER.match(after))
    city = bool(_CITY_BEFORE.search(before[-40:]))
    alone = not re.search(r"[^\W_]", before) and separator

    next_word = _FIRST_WORD_AFTER.match(after)
    runs_on = bool(next_word and next_word.group(1)[0].islower() and not has_time)
    last_word = _LAST_WORD_BEFORE.search(before)
    after_preposition = bool(
        last_word
        and last_word.group(1).lower() in PREPOSITIONS
        and not before.rstrip().endswith((",", "|", ":", "-", "–", "—"))
    )

    if _COMMENT_AFTER.match(after):
        return None  # "May 4, 2025 at 6:15 pm | Report abuse": a reader's comment
    if _TIMELINE_ENTRY.match(after) and not has_time:
        return None  # "24 February 2022: troops cross the border"
    if not label:
        if after_preposition and (runs_on or not has_time):
            return None  # "... talks resume on 13 November 2024 in Geneva"
        if runs_on and not (city or byline):
            return None  # "13 November 2024 was a turning point"

    month, day, year, swapped = _fields(match)
    if month is None or day is None:
        return None
    if year is None:
        # A date without its year needs the shape of a dateline, not just a place.
        if not (label or (city and separator) or byline or (weekday is not None and has_time)):
            return None
        if not _exists(month, day):
            return None
    else:
        if not (label or has_time or byline or separator or city or alone):
            return None
        date = _valid(year, month, day)
        if date is None:
            return None
        if weekday is not None and date.weekday() != weekday:
            if swapped is not None and swapped.weekday() == weekday:
                month, day, swapped = swapped.month, swapped.day, None
            else:
                return None  # the weekday contradicts the day: one of them is wrong
        elif weekday is not None:
            swapped = None  # the weekday settles 03/04/2024
    return Dateline(
        month=month,
        day=day,
        year=year,
        weekday=weekday,
        updated=updated,
        swapped=swapped,
        offset=match.start(),
        filed=year is None and not label and bool(_FILED_AFTER.match(after)),
    )


def _fields(
    match: re.Match[str],
) -> tuple[int | None, int | None, int | None, datetime.date | None]:
    """Month, day, year and, for a numeric date that reads both ways, the other reading."""
    groups = match.groupdict()
    if "all" in groups:
        parsed = parse_date(groups["all"])
        return (parsed.month, parsed.day, parsed.year, None) if parsed else (None, None, None, None)
    year = _year(groups.get("year"))
    if "first" in groups:
        first, second = int(groups["first"]), int(groups["second"])
        if year is None:
            return None, None, None, None
        if first > 12 >= second:
            return second, first, year, None
        if second > 12 >= first:
            return first, second, year, None
        if first == second:
            return first, second, year, None
        if first > 12 or second > 12:
            return None, None, None, None
        # 03/04/2024: day-first (most of the world) unless evidence says otherwise.
        return second, first, year, _valid(year, first, second)
    month_text = groups["month"]
    if month_text.isdigit():
        month = int(month_text)
    else:
        if month_text[0].islower() and month_text.lower() == "may":
            return None, None, None, None  # the verb, not the month
        month = MONTHS[month_text.lower().rstrip(".")]
    return month, int(groups["day"]), year, None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    digits = value.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    # A two-digit year is the latest such year not after next year.
    limit = datetime.date.today().year + 1
    year = (limit // 100) * 100 + int(digits)
    return year if year <= limit else year - 100


def _exists(month: int, day: int) -> bool:
    return _valid(2000, month, day) is not None  # 2000 is a leap year: 29 Feb exists


def _valid(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return _plausible(datetime.date(year, month, day))
    except ValueError:
        return None


# Settings are passed per call so nothing else in the process is affected.
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}

#: Languages tried for month names that are not English (common news languages).
_LANGUAGES = "en fr de es it pt nl ru uk pl tr ar zh ja sv da nb fi cs el ro hu".split()
_ENGLISH_MONTH = re.compile(rf"\b(?:{_MONTH_RE})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=512)
def parse_date(value: str) -> datetime.date | None:
    """A full calendar date (day, month and year) from a date string, or None.

    Used for metadata values as well as dateline candidates; ISO strings (with
    or without a time) are read directly, anything else goes to dateparser.
    """
    value = value.strip()
    if not value or len(value) > 100:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value)
    if iso:
        try:
            return _plausible(datetime.date(*map(int, iso.groups())))
        except ValueError:
            return None
    if not re.search(r"\d{4}", value):
        # No year: dateparser would fill one in from today, which is a guess.
        return None
    import dateparser

    # Naming the languages keeps dateparser fast: with languages=None it
    # tries every locale it knows, taking seconds on a non-date like "3 Amigos 2024".
    has_letters = re.search(r"[^\W\d_]", value)
    languages = ["en"] if _ENGLISH_MONTH.search(value) or not has_letters else _LANGUAGES
    try:
        parsed = dateparser.parse(value, languages=languages, settings=_SETTINGS)  # type: ignore[arg-type]
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return _plausible(parsed.date()) if parsed is not None else None


def _plausible(date: datetime.date) -> datetime.date | None:
    if 1900 <= date.year <= datetime.date.today().year + 1:
        return date
    return None
