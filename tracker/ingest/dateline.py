"""Publication dates written in an article's text ("datelines") and in metadata.

`find_dateline` looks only at the top of the text (the first few non-empty
lines, at most ~600 characters), where bylines and datelines sit. Candidates
are found with regexes and parsed with dateparser; a candidate counts only if
it names day, month and year, and only if the words around it on its line
look like a dateline (place names, labels such as "Published", a byline)
rather than a sentence: "Leaders meet in Brussels on 13 November 2024" and
"24 February 2022: troops cross the border" are events, not the article's date. A bare number or a date without a year is never used.
"""

from __future__ import annotations

import datetime
import functools
import re

HEAD_CHARS = 600
HEAD_LINES = 5

# Settings are passed per call so nothing else in the process is affected.
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}

#: Languages tried for month names that are not English (common news languages).
_LANGUAGES = "en fr de es it pt nl ru uk pl tr ar zh ja sv da nb fi cs el ro hu".split()

_WORD = r"[^\W\d_]{3,}\.?"
_CANDIDATES = [
    # 2024-11-13, 2024/11/13
    re.compile(r"(?<![\d./-])\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\d/])"),
    # 13/11/2024, 11-13-2024, 13.11.2024
    re.compile(r"(?<![\d./-])\d{1,2}([-/.])\d{1,2}\1\d{4}(?!\d)"),
    # 13 November 2024, 13th Nov. 2024, 13. November 2024, 13 de noviembre de 2024
    re.compile(
        rf"(?<!\w)\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?{_WORD}\s*(?:de\s+|del\s+)?,?\s*\d{{4}}(?!\d)"
    ),
    # Nov. 13, 2024, November 13th 2024
    re.compile(rf"(?<!\w){_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)"),
    # 2024年11月13日
    re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),
]

_ENGLISH_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)

# Lowercase words that may stand next to a date in a dateline or byline;
# any other lowercase word means the date sits inside a sentence.
_PREFIX_WORDS = frozenset(
    """by and on at published updated posted last modified first date dated
    am pm gmt utc est edt cet cest bst read min
    publié le mis à jour par veröffentlicht aktualisiert am um von
    publicado actualizado el por pubblicato aggiornato il di da de del la van der""".split()
)
_UPDATED = re.compile(
    r"(?:updated|modified|aktualisiert|actualizado|aggiornato|mis à jour)"
    r"(?:\W+(?:on|at|am|le|el|il))?\W*$",
    re.IGNORECASE,
)


def find_dateline(text: str) -> datetime.date | None:
    """The publication date written near the top of `text`, or None."""
    found: list[tuple[bool, datetime.date]] = []
    for line in _head_lines(text):
        for start, end in _candidate_spans(line):
            prefix = line[:start]
            if not _looks_like_dateline_prefix(prefix) or _starts_a_sentence(line[end:]):
                continue
            date = parse_date(line[start:end])
            if date is not None:
                found.append((bool(_UPDATED.search(prefix)), date))
    if not found:
        return None
    # A "Published" date beats an "Updated" one, whatever their order.
    for updated, date in found:
        if not updated:
            return date
    return found[0][1]


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
        parsed = dateparser.parse(value, languages=languages, settings=_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return _plausible(parsed.date()) if parsed is not None else None


def _plausible(date: datetime.date) -> datetime.date | None:
    if 1900 <= date.year <= datetime.date.today().year + 1:
        return date
    return None


def _head_lines(text: str) -> list[str]:
    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()]
    return lines[:HEAD_LINES]


def _candidate_spans(line: str) -> list[tuple[int, int]]:
    spans = sorted(m.span() for pattern in _CANDIDATES for m in pattern.finditer(line))
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue  # overlaps an earlier candidate
        kept.append(span)
    return kept


def _starts_a_sentence(suffix: str) -> bool:
    """True for "13 May 2024 was ..." or "24 February 2022: troops ..." (a timeline entry)."""
    if re.match(r"\s*:\s*[^\W\d_]", suffix):
        return True
    first = re.match(r"\s*([^\W\d_]+)", suffix)
    return bool(first and first.group(1)[0].islower() and first.group(1) not in _PREFIX_WORDS)


def _looks_like_dateline_prefix(prefix: str) -> bool:
    if len(prefix) > 120:
        return False
    for word in re.findall(r"[^\W\d_]+", prefix):
        if word[0].islower() and word.lower() not in _PREFIX_WORDS:
            return False
    return True
