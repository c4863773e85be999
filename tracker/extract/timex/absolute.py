"""Rules for calendar expressions: dates, months, years, quarters, seasons, decades.

Each ``rule_<name>`` turns one detected candidate into a `Result`. Fully
specified dates ("20 January 2025") need nothing; partial ones ("January 20",
"the third quarter", "in March") take their year from the document anchor and
the tense of their clause.
"""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.timex.calendar import (
    add_months,
    fmt,
    safe_date,
    season_value,
    year_for_month,
)
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.holidays import named_event_day
from tracker.extract.timex.lexicon import DECADE_WORDS, MONTHS, ORDINALS, SEASONS, WEEKDAYS
from tracker.extract.timex.resolve import PASSAGE_REACH, Ctx, Result

_MODS = {
    "end": "END", "start": "START",
    "early": "START", "beginning of": "START", "start of": "START", "the beginning of": "START",
    "the start of": "START", "the early": "START", "earlier": "START",
    "mid": "MID", "middle": "MID", "the middle of": "MID", "the mid": "MID", "the middle": "MID",
    "late": "END", "later": "END", "end of": "END", "the end of": "END", "the late": "END",
}  # fmt: skip


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    return _MODS.get(" ".join(word.lower().split()))


def month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def year_of(word: str, anchor: date | None) -> int:
    y = int(word)
    if len(word) == 2:
        base = (anchor.year if anchor else 2000) + 10
        y += (base // 100) * 100
        if y > base:
            y -= 100
    return y


# How far (days) from the article's date the tense may place a day given
# without its year; beyond that the nearest reading wins. About eight months
# either way: news names a date further off with its year.
TENSE_HORIZON_DAYS = 240


def _infer_day(ctx: Ctx, c: Candidate, month: int, day: int, wd: str | None) -> date | None:
    """Year for a day-and-month without year: the weekday if given, else the tense."""
    a = ctx.anchor
    assert a is not None
    options = [d for y in (a.year - 1, a.year, a.year + 1) if (d := safe_date(y, month, day))]
    if not options:
        return None
    if wd:
        wdn = WEEKDAYS[wd.lower().rstrip(".")]
        matching = [d for d in options if d.isoweekday() == wdn]
        if matching:
            return min(matching, key=lambda d: abs((d - a).days))
    direction = ctx.direction(c.start, c.end)
    # Tense decides only within a plausible news horizon; beyond it the
    # nearest reading wins ("payable Dec. 7" in a November report). A period
    # that "ended" on the day is past for up to a year. News style leaves the
    # year out of dates in the current calendar year, so a past-tense date
    # earlier in the article's year is that one however far back, and a
    # future-tense one later in it ("expires on 31 December") that one.
    ended = _ENDED_BEFORE.search(ctx.text, max(0, c.start - 16), c.start)
    if direction < 0 or ended:
        past = [d for d in options if d <= a]
        if past and (
            (a - max(past)).days < (366 if ended else TENSE_HORIZON_DAYS)
            or max(past).year == a.year
        ):
            return max(past)
    elif direction > 0:
        fut = [d for d in options if d >= a]
        if fut and ((min(fut) - a).days < TENSE_HORIZON_DAYS or min(fut).year == a.year):
            return min(fut)
    return min(options, key=lambda d: abs((d - a).days))


_ENDED_BEFORE = re.compile(r"\b(?:ended|closed|expired)\s+(?:on\s+)?$", re.IGNORECASE)


def rule_iso(ctx: Ctx, c: Candidate) -> Result | None:
    d = safe_date(int(c.s("y")), int(c.s("m")), int(c.s("d")))
    if d is None:
        return None
    if c.g("H"):
        return Result("TIME", f"{d.isoformat()}T{c.g('H')}:{c.g('M')}", "time", "iso-datetime")
    return Result("DATE", d.isoformat(), "day", "iso-date")


def rule_numeric(ctx: Ctx, c: Candidate) -> Result | None:
    a, b = int(c.s("a")), int(c.s("b"))
    y = year_of(c.s("y"), ctx.anchor)
    m, d = (b, a) if ctx.day_first else (a, b)
    dt = safe_date(y, m, d) or safe_date(y, d, m)
    if dt is None:
        return None
    return Result("DATE", dt.isoformat(), "day", "numeric-date")


def _listed_day(ctx: Ctx, start: int, month: int, day: int) -> tuple[date, str] | None:
    """The day of a yearless date in a dated list (`chronicle`): an entry's own date
    takes the year of the list's order, a date inside an entry the one nearest it."""
    listed = ctx.chronicle()
    if not listed.days:
        return None
    if (year := listed.year(start)) is not None:
        d = safe_date(year, month, day)
        return (d, "list") if d else None
    if (entry := listed.entry_day(start)) is not None:
        near = [
            d
            for y in (entry.year - 1, entry.year, entry.year + 1)
            if (d := safe_date(y, month, day))
        ]
        if near:
            return min(near, key=lambda d: abs((d - entry).days)), "entry"
    return None


def _day_month(ctx: Ctx, c: Candidate, rule: str) -> Result | None:
    month = month_num(c.s("mon"))
    day = int(c.s("day"))
    day2 = int(c.s("day2")) if c.s("day2") else None
    if c.g("year"):
        y = int(c.s("year"))
        d = safe_date(y, month, day)
        if d is None:
            return None
        d2 = safe_date(y, month, day2) if day2 else None
        return Result("DATE", d.isoformat(), "day", rule, value_end=d2.isoformat() if d2 else None)
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return Result("DATE", None, "day", rule + "-no-year", "document")
    if (listed := _listed_day(ctx, c.start, month, day)) is not None:
        d, how = listed
        d2 = safe_date(d.year, month, day2) if day2 else None
        end = d2.isoformat() if d2 else None
        return ctx.doc(f"{rule}-year-of-{how}", "DATE", d.isoformat(), "day", value_end=end)
    if not day2 and (known := named_event_day(ctx.text, c.start, c.end, month, day, ctx.anchor)):
        return Result("DATE", known.isoformat(), "day", rule + "-named-event")
    d = _infer_day(ctx, c, month, day, c.g("wd"))
    if d is None:
        return None
    end_val = None
    if day2 and (d2 := safe_date(d.year, month, day2)):
        end_val = d2.isoformat()
    return ctx.doc(rule + "-year-inferred", "DATE", d.isoformat(), "day", value_end=end_val)


def rule_mdy(ctx: Ctx, c: Candidate) -> Result | None:
    return _day_month(ctx, c, "month-day")


def rule_dmy(ctx: Ctx, c: Candidate) -> Result | None:
    return _day_month(ctx, c, "day-month")


def rule_month_range(ctx: Ctx, c: Candidate) -> Result | None:
    y = int(c.s("year"))
    m1, m2 = month_num(c.s("mon")), month_num(c.s("mon2"))
    start = c.group_start("mon")
    return Result(
        "DATE",
        f"{y:04d}-{m1:02d}",
        "month",
        "month-range",
        value_end=f"{y:04d}-{m2:02d}",
        start=start,
    )


def rule_month_year(ctx: Ctx, c: Candidate) -> Result | None:
    y, m = int(c.s("year")), month_num(c.s("mon"))
    return Result("DATE", f"{y:04d}-{m:02d}", "month", "month-year", mod=mod_of(c.g("mod")))


def rule_year_range(ctx: Ctx, c: Candidate) -> Result | None:
    y1 = int(c.s("year"))
    y2s = c.s("year2")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    return Result(
        "DATE",
        f"{y1:04d}",
        "year",
        "year-range",
        value_end=f"{y2:04d}",
        start=c.group_start("year"),
    )


def rule_season(ctx: Ctx, c: Candidate) -> Result | None:
    y = int(c.s("year"))
    s = SEASONS[c.s("season").lower()]
    return Result("DATE", f"{y:04d}-{s}", "season", "season-year", mod=mod_of(c.g("mod")))


def _quarter_num(c: Candidate) -> tuple[str, int | None]:
    if c.g("qn"):
        return "Q", int(c.s("qn"))
    if c.g("hn") or c.g("hn2"):
        return "H", int(c.s("hn") or c.s("hn2"))
    kind = "H" if (c.g("qh") or "").lower() == "half" else "Q"
    o = (c.g("ord") or "").lower()
    n = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(o) or ORDINALS.get(o)
    if n == -1 or (o == "final"):
        return kind, -1
    return kind, n


def rule_quarter(ctx: Ctx, c: Candidate) -> Result | None:
    r = _quarter(ctx, c)
    # "the third-quarter loss": TimeML leaves the article outside the adjective.
    if r is not None and c.s("det") and "-" in (c.s("sep") or "") and c.s("det").lower() == "the":
        r.start = c.match.end("quarter__det") + 1
        while ctx.text[r.start].isspace():
            r.start += 1
    return r


def _quarter(ctx: Ctx, c: Candidate) -> Result | None:
    kind, n = _quarter_num(c)
    if n is None or n == 0 or (kind == "Q" and n > 4) or (kind == "H" and n > 2):
        return None
    gran = "quarter" if kind == "Q" else "half"
    count = 4 if kind == "Q" else 2
    if c.g("year"):
        y = int(c.s("year"))
        if n == -1:
            n = count
        return Result("DATE", f"{y:04d}-{kind}{n}", gran, "quarter-year")
    if ctx.anchor is None:
        return Result("DATE", None, gran, "quarter-relative", "document")
    a = ctx.anchor
    cur = (a.month - 1) // (12 // count) + 1
    rel = (c.g("thisyear") or "").lower()
    if rel:
        y = a.year + {"this": 0, "last": -1, "next": 1}[rel]
        if n == -1:
            n = count
        return ctx.doc("quarter-of-relative-year", "DATE", f"{y:04d}-{kind}{n}", gran)
    if n == -1 and c.g("ofyear"):
        n = count  # "the last quarter of the year": this year's fourth
    if n == -1:  # "the last quarter": the one before the current
        y, n = (a.year, cur - 1) if cur > 1 else (a.year - 1, count)
        return ctx.doc("quarter-last", "DATE", f"{y:04d}-{kind}{n}", gran)
    # Quarters are reported after they end, so one already begun is this
    # year's whatever the tense; a later one is last year's unless the clause
    # looks ahead.
    y = a.year
    ended = _Q_ENDED.match(ctx.text, c.end)
    if ended and kind == "Q":
        # "the second quarter ended Oct. 31": the year of the day it ended
        m, d = MONTHS[ended.group(1).lower()], int(ended.group(2))
        y = a.year if (m, d) <= (a.month, a.day) else a.year - 1
        return ctx.doc("quarter-tense", "DATE", f"{y:04d}-{kind}{n}", gran)
    if n > cur:
        direction = ctx.direction(c.start, c.end)
        if direction < 0 or (direction == 0 and n - cur >= 2):
            y -= 1
    return ctx.doc("quarter-tense", "DATE", f"{y:04d}-{kind}{n}", gran)


_Q_ENDED = re.compile(
    r"\s+ended\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+([0-3]?\d)\b",
    re.IGNORECASE,
)

rule_quarter_pre = _quarter


def rule_decade(ctx: Ctx, c: Candidate) -> Result | None:
    if c.g("dec"):
        y = int(c.s("dec"))
    else:
        d = int(c.s("dec2")[0]) if c.s("dec2") else DECADE_WORDS[c.s("decw").lower()]
        base = ctx.anchor.year if ctx.anchor else 1999
        y = (base // 100) * 100 + d * 10
        if y > base:
            y -= 100
    # TimeML keeps the article with decades: "the 1990s", "the late 1970s".
    # A half of a decade has no value of its own: the decade, marked START/END.
    half = (c.g("half") or "").lower()
    mod = ("START" if half == "first" else "END") if half else mod_of(c.g("mod"))
    return Result("DATE", f"{y // 10:03d}", "decade", "decade", mod=mod)


def rule_century(ctx: Ctx, c: Candidate) -> Result | None:
    w = c.s("cent").lower()
    n = int(w[:-2]) if w[:-2].isdigit() else ORDINALS.get(w)
    if not n or n < 1 or n > 21:
        return None
    return Result("DATE", f"{n - 1:02d}", "century", "century", mod=mod_of(c.g("mod")))


def rule_fiscal(ctx: Ctx, c: Candidate) -> Result | None:
    if c.g("year"):
        y = int(c.s("year"))
    else:
        y = year_of(c.s("fy2") or c.s("fy3"), ctx.anchor)  # "FY98", "FY1998"
    # TimeML writes fiscal years as plain years ("fiscal 1989" -> 1989).
    return Result("DATE", f"{y:04d}", "year", "fiscal-year")


def rule_year(ctx: Ctx, c: Candidate) -> Result | None:
    """ "1998", "in 1998" (the preposition stays out), "the year 1998", "late 2026"."""
    if c.g("mod"):
        return Result("DATE", c.g("year"), "year", "year", mod=mod_of(c.g("mod")))
    pre = (c.g("pre") or "").lower()
    start = c.start if pre.startswith("the") else c.group_start("year")
    return Result("DATE", c.g("year"), "year", "year", start=start)


def rule_month(ctx: Ctx, c: Candidate) -> Result | None:
    m = month_num(c.s("mon"))
    mod = mod_of(c.g("mod"))
    if ctx.anchor is None:
        return Result("DATE", None, "month", "month-no-year", "document", mod=mod)
    direction = ctx.direction(c.start, c.end)
    deadline = _DEADLINE.search(ctx.text, max(0, c.start - 12), c.start)
    if deadline and not _NOT_UNTIL.search(ctx.text, max(0, c.start - 60), c.start):
        # "by May", "until January": a deadline ahead; "didn't open until May" is none,
        # the verb's tense places it
        direction = 1
    y = year_for_month(ctx.anchor, m, direction)
    return ctx.doc("month-tense", "DATE", fmt(date(y, m, 1), "month"), "month", mod=mod)


_DEADLINE = re.compile(r"\b(?:by|until|till|before)\s+$", re.IGNORECASE)
_NOT_UNTIL = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:[^\s.;:,]+\s+){0,6}until\s+$", re.IGNORECASE)


def rule_month_rel_year(ctx: Ctx, c: Candidate) -> Result | None:
    """ "January this year", "June last year"."""
    m = month_num(c.s("mon"))
    mod = mod_of(c.g("mod"))
    if ctx.anchor is None:
        return Result("DATE", None, "month", "month-relative-year", "document", mod=mod)
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[c.s("rel").lower()]
    return ctx.doc("month-relative-year", "DATE", f"{y:04d}-{m:02d}", "month", mod=mod)


def rule_rel_month(ctx: Ctx, c: Candidate) -> Result | None:
    """ "last February", "next March", "this May"."""
    m = month_num(c.s("mon"))
    mod = mod_of(c.g("mod"))
    rel = " ".join(c.s("rel").lower().split())
    if ctx.anchor is None:
        return Result("DATE", None, "month", "month-relative", "document", mod=mod)
    a = ctx.anchor
    if rel in ("last", "this past"):
        y = a.year if m < a.month else a.year - 1
        if rel == "last" and (a.month - m) % 12 == 1:
            # The month just gone is "last month" or "in February"; "last February"
            # said in March is a year before (not "this past February").
            y -= 1
    elif rel in ("next", "this coming"):
        y = a.year if m > a.month else a.year + 1
        if rel == "next" and (m - a.month) % 12 == 1:
            y += 1  # likewise "next April" said in March: the one a year on
    else:
        y = a.year
    return ctx.doc(f"month-{rel.replace(' ', '-')}", "DATE", f"{y:04d}-{m:02d}", "month", mod=mod)


def rule_season_the(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the summer", "over the winter", "the early summer": the nearest one by tense."""
    code = SEASONS[c.s("season").lower()]
    mod = mod_of(c.g("mod")) or mod_of(c.g("mod2"))
    if ctx.anchor is None:
        return Result("DATE", None, "season", "season-tense", "document", mod=mod)
    offset = 1 if ctx.direction(c.start, c.end) > 0 else -1
    value = season_value(ctx.anchor, code, offset, current_counts=True)
    return ctx.doc("season-tense", "DATE", value, "season", mod=mod)


def rule_month_range_rel(ctx: Ctx, c: Candidate) -> Result | None:
    """ "between March and May", "from January to April": months of the year the tense implies."""
    m1, m2 = month_num(c.s("mon")), month_num(c.s("mon2"))
    start = c.group_start("mon")
    if ctx.anchor is None:
        return Result("DATE", None, "month", "month-range", "document", start=start)
    direction = ctx.direction(c.start, c.end)
    y1 = year_for_month(ctx.anchor, m1, direction)
    y2 = y1 + (1 if m2 < m1 else 0)
    return ctx.doc(
        "month-range-tense", "DATE", f"{y1:04d}-{m1:02d}", "month",
        value_end=f"{y2:04d}-{m2:02d}", start=start,
    )  # fmt: skip


_MONTHS_PERIOD = re.compile(
    r"\b(?:nine|six|three|twelve|\d+)\s+months\b|\bfirst\s+half\b|\byear\s+to\s+date\b",
    re.IGNORECASE,
)


def rule_year_period(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the 1988 period", "last year's quarter": the quarter in discussion, in that year."""
    rel = (c.g("rel") or "").lower()
    if ctx.anchor is None:
        if rel:
            return Result("DATE", None, "quarter", "year-period", "document")
        return Result("DATE", c.g("year"), "year", "year-period")
    y = int(c.s("year")) if c.s("year") else ctx.anchor.year - (1 if rel == "last" else 0)
    if _MONTHS_PERIOD.search(ctx.text, ctx.sentence_start(c.start), c.start):
        # "In the nine months, net rose to $9 million from $7 million in the 1988 period":
        # the months the sentence names, not the quarter, known here only by their year.
        return Result("DATE", f"{y:04d}", "year", "year-period")
    near = ctx.last_date(within=c.start - PASSAGE_REACH, gran="quarter", reported=True)
    if near is not None:
        idx, d, _ = near
        q = (d.month - 1) // 3 + 1
        return Result("DATE", f"{y:04d}-Q{q}", "quarter", "year-period", "timex",
                      ctx.found[idx].value, idx)  # fmt: skip
    last_done = add_months(ctx.anchor, -3)
    q = (last_done.month - 1) // 3 + 1
    return ctx.doc("year-period", "DATE", f"{y:04d}-Q{q}", "quarter")


def rule_day_of_month(ctx: Ctx, c: Candidate) -> Result | None:
    """ "on the 20th": that day of the month just mentioned, else of the article's month."""
    day = int(c.s("day"))
    if not 1 <= day <= 31:
        return None
    near = ctx.last_date(within=c.start - PASSAGE_REACH)
    if near is not None and near[2] in ("day", "month"):
        idx, d, _ = near
        dt = safe_date(d.year, d.month, day)
        if dt is None:
            return None
        return Result("DATE", dt.isoformat(), "day", "day-of-mentioned-month", "timex",
                      ctx.found[idx].value, idx)  # fmt: skip
    if ctx.anchor is None:
        return Result("DATE", None, "day", "day-of-month", "document")
    a = ctx.anchor
    direction = ctx.direction(c.start, c.end)
    base = a
    if direction > 0 and day < a.day:
        base = add_months(a.replace(day=1), 1)
    elif direction <= 0 and day > a.day:
        base = add_months(a.replace(day=1), -1)
    dt = safe_date(base.year, base.month, day)
    return ctx.doc("day-of-month", "DATE", dt.isoformat(), "day") if dt else None


def rule_year_end(ctx: Ctx, c: Candidate) -> Result | None:
    """ "year-end", "by year's end": the end of the current year, or of the last after "since"."""
    if ctx.anchor is None:
        return Result("DATE", None, "year", "year-end", "document", mod="END")
    rel = (c.g("rel") or "").lower()
    y = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    if not rel and re.search(r"\bsince\s+(?:the\s+)?$", ctx.text[max(0, c.start - 12) : c.start]):
        y -= 1  # "up 5% since year-end": the last one passed
    return ctx.doc("year-end", "DATE", f"{y:04d}", "year", mod="END")


def rule_week_of(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the week of March 6": the ISO week of that day; "the weekend of" its weekend."""
    day = c.g("day0") or c.g("day")
    if not day or (c.g("day0") and c.g("day")):
        return None
    r = _day_month(ctx, c.with_groups(day=day), "week-of")
    if r is None or r.value is None:
        return r
    y, w, _ = date.fromisoformat(r.value).isocalendar()
    r.value, r.granularity = f"{y:04d}-W{w:02d}" + ("-WE" if c.g("wkend") else ""), "week"
    r.value_end = None  # "the weekend of June 15-16" is the one weekend
    return r
