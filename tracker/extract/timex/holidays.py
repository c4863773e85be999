"""Named days ("Thanksgiving", "Christmas Eve", "Election Day") and spelled-out
years ("nineteen ninety-six", "the year two thousand")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.timex.calendar import fmt, nth_weekday
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.lexicon import MONTHS, NUMBER_WORDS, SEASONS
from tracker.extract.timex.resolve import Ctx, Result


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


#: Days that news names by their date alone once they have become history: "the
#: September 11 attacks" is 2001's in any later article, whatever its tense or year.
#: (month, day) -> year. Only with the happening named beside the date (see
#: `named_event_day`): "the vote on September 11" stays the nearest September 11.
NAMED_EVENT_DAYS: dict[tuple[int, int], int] = {(9, 11): 2001}
_EVENT_AFTER = re.compile(
    r"\s*(?:terror(?:ist)?\s+)?(?:attacks?|hijack(?:ers?|ings?)|atrocit(?:y|ies)|commission)\b",
    re.IGNORECASE,
)
_EVENT_BEFORE = re.compile(
    r"\b(?:attacks?|atrocit(?:y|ies)|hijackings?)\s+(?:of|on)\s+(?:the\s+)?$", re.IGNORECASE
)


def named_event_day(
    text: str, start: int, end: int, month: int, day: int, anchor: date
) -> date | None:
    """The historic day a day-and-month without year names, when the happening is named
    beside it ("the September 11 attacks", "the attacks of September 11") and the
    article was written after it."""
    year = NAMED_EVENT_DAYS.get((month, day))
    if year is None or date(year, month, day) >= anchor:
        return None
    if _EVENT_AFTER.match(text, end) or _EVENT_BEFORE.search(text, max(0, start - 30), start):
        return date(year, month, day)
    return None


def _nth(year: int, month: int, wdn: int, n: int) -> date:
    d = nth_weekday(year, month, wdn, n)
    assert d is not None
    return d


def holiday_date(name: str, year: int) -> date | None:
    n = " ".join(name.lower().replace("'", "").split())
    if n.startswith("thanksgiving"):
        return _nth(year, 11, 4, 4)
    if n == "christmas eve":
        return date(year, 12, 24)
    if n.startswith("christmas"):
        return date(year, 12, 25)
    if n == "new years eve":
        return date(year, 12, 31)
    if n.startswith("new years"):
        return date(year, 1, 1)
    if n == "independence day":
        return date(year, 7, 4)
    if n == "labor day":
        return _nth(year, 9, 1, 1)
    if n == "memorial day":
        return _nth(year, 5, 1, -1)
    if n == "veterans day":
        return date(year, 11, 11)
    if n == "election day":
        first_monday = _nth(year, 11, 1, 1)
        return first_monday + timedelta(days=1)
    if n.startswith("easter"):
        return easter(year)
    if n == "good friday":
        return easter(year) - timedelta(days=2)
    if n == "halloween":
        return date(year, 10, 31)
    if n.startswith("valentines"):
        return date(year, 2, 14)
    if n == "boxing day":
        return date(year, 12, 26)
    return None


# How far (days) a holiday may lie from the article's date and still be this
# season's whatever the tense says: two weeks either way.
HOLIDAY_NEAR_DAYS = 14


def rule_holiday(ctx: Ctx, c: Candidate) -> Result | None:
    name = c.s("hol")
    if not name[:1].isupper():
        return None
    if c.g("year"):
        d = holiday_date(name, int(c.s("year")))
        if d is not None and c.g("hweek"):
            return Result("DATE", fmt(d, "week"), "week", "holiday-week")
        return Result("DATE", d.isoformat(), "day", "holiday") if d else None
    if ctx.anchor is None:
        return Result("DATE", None, "day", "holiday", "document")
    rel = (c.g("rel") or "").lower()
    a = ctx.anchor
    this_year = holiday_date(name, a.year)
    if this_year is None:
        return None
    direction = {"last": -1, "next": 1}.get(rel) or ctx.direction(c.start, c.end)
    d = this_year
    near = [x for y in (a.year - 1, a.year, a.year + 1) if (x := holiday_date(name, y))]
    closest = min(near, key=lambda x: abs((x - a).days))
    if not rel and abs((closest - a).days) <= HOLIDAY_NEAR_DAYS:
        # A holiday a few days off is this season's, whatever the tense: "before
        # Easter" a week ahead of it, "over Christmas" just after.
        d = closest
    elif direction < 0 and this_year > a:
        d = holiday_date(name, a.year - 1)
    elif direction > 0 and this_year < a:
        d = holiday_date(name, a.year + 1)
    if d is None:
        return None
    if c.g("hweek"):
        return ctx.doc("holiday-week", "DATE", fmt(d, "week"), "week")
    return ctx.doc("holiday-tense", "DATE", d.isoformat(), "day")


_TEENS_TENS = {
    k: v
    for k, v in NUMBER_WORDS.items()
    if isinstance(v, int) and 1 <= v <= 90 and " " not in k and k not in ("a", "an")
}


def _words_to_int(words: str) -> int | None:
    total = 0
    for w in words.replace("-", " ").split():
        if w == "and":
            continue
        if w not in _TEENS_TENS:
            return None
        total += _TEENS_TENS[w]
    return total


def rule_year_words(ctx: Ctx, c: Candidate) -> Result | None:
    w = " ".join(c.s("yw").lower().replace("-", " ").split())
    if w.startswith("nineteen"):
        rest = w[len("nineteen") :].replace("hundred", "").strip()
        n = _words_to_int(rest)
        if n is None or n >= 100:
            return None
        y = 1900 + n
    else:
        rest = w[len("two thousand") :].strip()
        n = _words_to_int(rest) if rest else 0
        if n is None:
            return None
        y = 2000 + n
    if not c.match.group(0).lower().startswith("the") and y % 100 < 10 and y < 2000:
        return None  # "nineteen nine" is more often a count than a year
    if c.g("ym"):
        return Result(
            "DATE", f"{y:04d}-{MONTHS[c.s('ym').lower()]:02d}", "month", "month-year-in-words"
        )
    if c.g("ys"):
        return Result(
            "DATE", f"{y:04d}-{SEASONS[c.s('ys').lower()]}", "season", "season-year-in-words"
        )
    return Result("DATE", f"{y:04d}", "year", "year-in-words")
