"""English false friends: the checks that reject a grammar match that is not a date.

The grammar proposes; the checks here dispose, using the words around a match:
"may" the modal verb, "March" the verb, "Theresa May" the name, a year that
is really a count ("2000 troops"), a number that is really money or a phone
number. After a rejected match the scanner tries the next word start.
"""

from __future__ import annotations

import re

from tracker.extract.timex.candidate import Candidate

__all__ = ["Candidate", "accept"]


# Words that make a following bare month name a date ("in May", "since March").
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|on|of|since|until|till|by|from|to|through|during|before|after|early|late|mid|"
    r"last|next|this|that|each|every|between|and|or|around|about|for|until|starting|beginning|"
    r"end|ending|throughout|since|the|a|an)\s+|-)$",
    re.IGNORECASE,
)
_AMBIGUOUS_MONTHS = frozenset(
    {"may", "march", "mar", "jan", "jun", "aug", "sept", "sep", "oct", "dec", "nov"}
)
# A capitalised word right before "May" makes it a surname ("Theresa May").
_NAME_BEFORE = re.compile(r"\b(?P<w>[A-Z][a-z]+)\.?\s+$")
_NOT_NAMES = frozenset(
    "on in by since until till from to through during before after early late mid last next this "
    "that each every between and or around about for the of at starting beginning ending since "
    "as until late then but when while".split()
)


def _name_before(text: str, start: int) -> bool:
    m = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group("w").lower() not in _NOT_NAMES


# Nouns that follow a number used as a count, not a year.
_COUNT_NOUN = re.compile(
    r"\s*(?:people|persons|troops|soldiers|workers|jobs|employees|members|votes|cars|units|"
    r"shares|homes|acres|feet|miles|meters|metres|tons|tonnes|barrels|dollars|euros|pounds|yen|"
    r"points|students|children|men|women|cases|deaths|pages|words|calories|hours|minutes|"
    r"seconds|days|years|rooms|beds|stores|planes|vehicles|guns|rounds|kilometers|kilometres|"
    r"square|cubic|residents|voters|patients|victims|passengers|customers|users|copies|"
    r"households|families|companies|firms|cattle|sheep|pigs|animals|trees|items|tickets|"
    r"signatures|deaths|injuries|arrests|fans|spectators|delegates|seats|ships|aircraft|"
    r"tanks|missiles|rockets|bombs|wells|plants|factories|schools|hospitals|villages|refugees)\b",
)
_MONEY_BEFORE = re.compile(
    r"(?:[$£€¥]|\b(?:US|USD|No|no|number|Nos|#|page|pp|p|Room|room|Flight|flight|Route|route|Highway|highway)\.?)\s*$"
)


def _month_ok(text: str, c: Candidate) -> bool:
    mon = c.g("mon")
    if mon is None:
        return True
    if not (mon[0].isupper()):
        return False
    key = mon.lower().rstrip(".")
    if c.rule != "month" or c.g("mod"):
        # month with a day or year, or with "early"/"mid": a date, except the
        # verb reading "may 5" is already excluded by the capital letter.
        if key == "may" and c.rule in ("mdy",) and _name_before(text, c.start):
            return False
        return True
    if mon.isupper() and len(mon) > 3 and _all_caps_line(text, c.start):
        return _MONTH_CUES.search(text[max(0, c.start - 20) : c.start]) is not None
    before = text[max(0, c.start - 20) : c.start]
    if (
        len(key) <= 4
        and not mon.endswith(".")
        and re.match(r" [A-Z][a-z]", text[c.end : c.end + 3])
    ):
        return False  # "Jan Kavan", "Jun Li": a first name, not a month
    if key in _AMBIGUOUS_MONTHS or len(key) <= 4:
        if key == "may" and _name_before(text, c.start):
            return False
        if not _MONTH_CUES.search(before):
            return False
        if key in ("may", "march") and re.match(
            r"\s+(?:be|have|not|also|still|well|never|take|make|help|go)\b",
            text[c.end : c.end + 12],
        ):
            return False
    return True


def _line_around(text: str, start: int, end: int, reach: int = 120) -> tuple[int, str]:
    """Start and text of the line holding text[start:end], cut to ``reach`` chars each way."""
    lo = max(0, start - reach)
    ls = text.rfind("\n", lo, start) + 1 or lo
    hi = min(len(text), end + reach)
    le = text.find("\n", end, hi)
    return ls, text[ls : le if le >= 0 else hi]


def _all_caps_line(text: str, pos: int) -> bool:
    return not any(ch.islower() for ch in _line_around(text, pos, pos)[1])


def _banner_ok(text: str, c: Candidate) -> bool:
    """Page furniture ("ON NOW", "TODAY'S PAPER") is not a temporal expression."""
    if c.rule != "deictic" and c.rule != "rel_unit":
        return True
    word = text[c.start : c.end]
    if not word.isupper() and not (c.rule == "rel_unit" and word.istitle()):
        return True
    ls, line = _line_around(text, c.start, c.end)
    if word.isupper():
        if len(line.split()) <= 5 and not any(ch.islower() for ch in line):
            return False
        # "... | ON NOW | LIVE": its neighbours shout too, so it is a label
        prev = re.findall(r"[A-Za-z]+", text[max(0, c.start - 12) : c.start])[-1:]
        nxt = re.findall(r"[A-Za-z]+", text[c.end : c.end + 12])[:1]
        neighbours = prev + nxt
        return not neighbours or any(not w.isupper() for w in neighbours)
    # A title-case "This Week" inside a sentence or quotes is a programme or section name.
    return c.start == ls or text[max(0, c.start - 2) : c.start].strip() in (".", "!", "?")


# A capitalised word (not sentence-initial, not a month or a preposition)
# right before a bare year.
_NAME_BEFORE_YEAR = re.compile(
    r"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b(?!(?:The|In|On|By|Since|Of|From|For|Until|Before|After|During|"
    r"And|Or|Than|Fiscal|Mid|Early|Late|Spring|Summer|Fall|Autumn|Winter|Christmas|Easter|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|"
    r"July|August|September|October|November|December)\b)[A-Z][a-z]+\s$"
)


_CLOCK_THEN_BRACKET = re.compile(r"(?:\d[:.]\d\d|[ap]\.?m\.?)\s?\(\s?$", re.IGNORECASE)


def _year_ok(text: str, c: Candidate) -> bool:
    if c.rule not in ("year", "year_range"):
        return True
    before = text[max(0, c.start - 12) : c.start]
    if _MONEY_BEFORE.search(before):
        return False
    after = text[c.end : c.end + 30]
    if c.rule == "year" and not c.g("pre") and not c.g("mod"):
        y = int(c.g("year") or 0)
        if not 1900 <= y <= 2099:
            return False
        if _COUNT_NOUN.match(after):
            return False
        if _NAME_BEFORE_YEAR.search(text, max(0, c.start - 30), c.start):
            return False  # "Orion 1980", "Windows 2000": part of a name
        if _CLOCK_THEN_BRACKET.search(before):
            return False  # "12:10 p.m. (1910 in Cairo)": the same time on a 24-hour clock
    if c.rule == "year_range":
        y1, y2 = c.g("year"), c.g("year2") or ""
        if len(y2) == 4 and int(y2) <= int(y1 or 0):
            return False
        if len(y2) == 2 and int(y2) <= int((y1 or "00")[2:]) and y2 != "00":
            return False
    if re.match(r"\s*[-–]\s*\d", after):  # phone numbers, scores: "2024-555"
        return False
    return True


def _numeric_ok(text: str, c: Candidate) -> bool:
    if c.rule != "numeric":
        return True
    if c.g("sep") == "." and len(c.g("y") or "") != 4:
        return False
    return not _MONEY_BEFORE.search(text[max(0, c.start - 12) : c.start])


_GENERIC_AFTER = re.compile(
    r"['\u2019]s\s+(?:\w+\s+)?(?:world|youth|young|society|generation|children|kids|families|"
    r"economy|politics|culture|technology|computers|standards|terms|money|dollars|prices|"
    r"consumers|workers|students|media)\b",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(
    r"\b(?:people|leaders|world|cities|jobs|workforce|technolog(?:y|ies)|children|generation|"
    r"problems|challenges|society|schools|economy|workers|citizens)\s+of\s+$",
    re.IGNORECASE,
)


# An acronym right before a capitalised "Today" (a newspaper or a broadcast),
# or a word after it that says it is one.
_TITLE_BEFORE = re.compile(r"\b[A-Z]{2,}(?:['\u2019]s)?\s+$")
_TITLE_AFTER = re.compile(r"\s+(?:show|programme|program|newspaper|broadcast|host|anchor)\b")


# Capitalised words that make a weekday the name of one particular day (whose
# date the weekday rule would get wrong), or of a newspaper or a programme.
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:Black|Cyber|Super|Bloody|Palm|Ash|Holy|Maundy|Shrove|Whit|Giving)\s+$"
)
_TITLE_WEEKDAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Post|Mail|Express|Mirror|Herald|Independent|Tribune|Observer|"
    r"Sport|Star|Standard|News|Record|Chronicle|Globe|Beast|Journal|Gazette|Courier|Echo|"
    r"Night\s+(?:Live|Football))\b"
)


def _context_ok(text: str, c: Candidate) -> bool:
    after = text[c.end : c.end + 4]
    if c.rule == "rel_unit" and after[:1] in "-\u2010" and after[1:2].isalpha():
        return False  # "the quarter-to-quarter comparison", "the year-end"
    if c.rule == "deictic" and "future" in text[c.start : c.end].lower() and after == " of ":
        return False  # "the future of the alliance" is a topic, not a time
    if c.rule == "duration" and (
        re.match(r"[\s-]+old\b", text[c.end : c.end + 6], re.IGNORECASE)
        or c.match.group(0).lower().endswith("old")
    ):
        return False  # ages ("a 6-year-old boy") are not temporal expressions
    if c.rule == "duration" and "quarter" in (c.g("unit") or "").lower() and after == " of ":
        return False  # "three-quarters of its food" is a fraction
    if c.rule == "duration" and re.match(
        r"[\s-]+(?:percentage[\s-]+)?points?\b", text[c.end : c.end + 20], re.IGNORECASE
    ):
        return False  # "a quarter point", "half a percentage point" are amounts
    if c.rule == "deictic" and (c.g("w") or "").lower() in ("today", "tomorrow"):
        # "today's world", "the leaders of tomorrow": the present or future
        # age in general, not a day
        if _GENERIC_AFTER.match(text, c.end) or _GENERIC_BEFORE.search(
            text, max(0, c.start - 30), c.start
        ):
            return False
    if c.rule == "deictic" and text[c.start : c.end] in ("Today", "Tonight"):
        # "USA Today", "VOA Today", "NBC's Today show": a title, not a day
        if _TITLE_BEFORE.search(text, max(0, c.start - 12), c.start) or _TITLE_AFTER.match(
            text, c.end
        ):
            return False
    if (
        c.rule == "weekday"
        and not c.g("pre")
        and (
            _NAMED_DAY_BEFORE.search(text, max(0, c.start - 10), c.start)
            or _TITLE_WEEKDAY_AFTER.match(text, c.end)
        )
    ):
        return False  # "Black Friday", "Palm Sunday", "the Sunday Times": a name
    if (
        c.rule == "set"
        and c.g("adv")
        and text[c.start : c.start + 1].isupper()
        and _TITLE_WEEKDAY_AFTER.match(text, c.end)
    ):
        return False  # "the Daily Mail", "the Weekly Standard": a title
    if c.rule == "clock" and (c.g("noon") or "").lower() == "noon":
        return not re.search(r"\bhigh\s+$", text[max(0, c.start - 6) : c.start], re.IGNORECASE)
    return True


def accept(text: str, c: Candidate) -> bool:
    """False for an English match that is not a date where it stands."""
    return (
        _month_ok(text, c)
        and _year_ok(text, c)
        and _numeric_ok(text, c)
        and _banner_ok(text, c)
        and _context_ok(text, c)
    )
