"""Word lists of the temporal-expression grammar and regex fragments built from them.

Everything language-specific about English dates lives here: month, weekday,
season and part-of-day names, number words, duration units. `patterns` turns
them into regex fragments; the normalisers map the matched words back to
numbers with the dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}  # ISO weekday numbers: Monday = 1
for _i, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    start=1,
):
    for _n in _names:
        WEEKDAYS[_n] = _i

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Parts of the day as TimeML time suffixes.
DAY_PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "noon": "MI",
}

NUMBER_WORDS: dict[str, int | float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
    "half a": 0.5, "a half": 0.5, "a dozen": 12, "dozen": 12,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29,
    "thirtieth": 30, "thirty-first": 31, "last": -1, "final": -1,
}  # fmt: skip

# Duration units -> (TimeML unit letter, multiplier, needs "T" prefix, granularity)
UNITS: dict[str, tuple[str, int, bool, str]] = {
    "second": ("S", 1, True, "time"),
    "minute": ("M", 1, True, "time"),
    "hour": ("H", 1, True, "time"),
    "day": ("D", 1, False, "day"),
    "night": ("D", 1, False, "day"),
    "week": ("W", 1, False, "week"),
    "weekend": ("WE", 1, False, "week"),
    "month": ("M", 1, False, "month"),
    "quarter": ("Q", 1, False, "quarter"),
    "year": ("Y", 1, False, "year"),
    "decade": ("DE", 1, False, "decade"),
    "century": ("CE", 1, False, "century"),
}

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip


def alt(words: Iterable[str], *, escape: bool = True) -> str:
    """Regex alternation of ``words``, longest first so prefixes never win."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in items) + ")"


def number_value(word: str) -> int | float | None:
    """Numeric value of a number word or digits ("three", "twenty-five", "12")."""
    w = word.lower().strip().replace("-", " ")
    w = re.sub(r"\s+", " ", w)
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
        if b == 100:
            return a * 100
        if a >= 20 and b < 10:
            return a + b
    try:
        return float(w)
    except ValueError:
        return None
