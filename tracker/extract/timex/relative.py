"""Rules for expressions that need an anchor: weekdays, deictic words, offsets.

"Friday", "yesterday", "last week", "two days ago" resolve against the
document date; "two days later", "the next day", "that month" resolve against
the date mentioned last in the text (falling back to the document date).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.timex.calendar import fmt, season_of, shift, weekday_near
from tracker.extract.timex.detect import Candidate
from tracker.extract.timex.durations import count_of, period, unit_key
from tracker.extract.timex.lexicon import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS
from tracker.extract.timex.resolve import Ctx, Result

_PRESENT = {
    "now",
    "right now",
    "currently",
    "nowadays",
    "presently",
    "at present",
    "these days",
    "current",
}
_PAST = {"recently", "more recently", "most recently", "until recently", "lately", "the past"}
_FUTURE = {"the future", "the near future", "the distant future", "the foreseeable future",
           "the near term", "the short term", "the long term"}  # fmt: skip
_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _part(word: str | None) -> str | None:
    w = _norm(word).replace("mid-", "").replace("mid", "")
    return DAY_PARTS.get(w.strip()) if w else None


def _weekday_date(ctx: Ctx, c: Candidate, wdn: int, pre: str) -> tuple[date, str]:
    a = ctx.anchor
    assert a is not None
    if pre.startswith("last"):
        return weekday_near(a - timedelta(days=1), wdn, -1), "weekday-last"
    if pre.startswith("next"):
        return weekday_near(a + timedelta(days=1), wdn, +1), "weekday-next"
    if wdn == a.isoweekday():
        return a, "weekday-same-day"
    direction = ctx.direction(c.start, c.end)
    if pre.startswith("this coming"):
        direction = 1
    elif pre.startswith("this past"):
        direction = -1
    elif pre.startswith("this") and direction == 0:
        direction = 1  # "this Friday" with no tense cue: the coming one
    if direction > 0:
        return weekday_near(a, wdn, +1), "weekday-future"
    if direction < 0:
        return weekday_near(a, wdn, -1), "weekday-past"
    return weekday_near(a, wdn, -1), "weekday-default-past"


def rule_weekday(ctx: Ctx, c: Candidate) -> Result | None:
    wdn = WEEKDAYS[c.g("wd").lower()]
    pre = _norm(c.g("pre"))
    clock = None
    if c.g("hour"):
        h, m = int(c.g("hour")), int(c.g("minute") or 0)
        if not 1 <= h <= 12:
            return None
        if c.g("ampm").lower().startswith("p") and h != 12:
            h += 12
        elif c.g("ampm").lower().startswith("a") and h == 12:
            h = 0
        clock = f"T{h:02d}:{m:02d}"
    # TimeML would write "Friday night" as 2024-11-08TNI, but news annotators
    # (TimeBank, AQUAINT) mostly give the day, and the day is what a timeline
    # needs; only a clock time makes the expression a TIME.
    type_, gran = ("TIME", "time") if clock else ("DATE", "day")
    # "Late Monday", "Earlier Friday": the modifier is kept as mod, not extent.
    start = (
        c.group_start("wd") if pre.startswith(("late", "early", "earlier", "later")) else c.start
    )
    if ctx.anchor is None:
        return Result(type_, None, gran, "weekday", "document", start=start)
    d, rule = _weekday_date(ctx, c, wdn, pre)
    value = d.isoformat() + (clock or "")
    mod = (
        "END"
        if pre.startswith(("late", "later"))
        else "START"
        if pre.startswith(("early", "earlier"))
        else None
    )
    return ctx.doc(rule, type_, value, gran, mod=mod, start=start)


def rule_ordinal_weekday(ctx: Ctx, c: Candidate) -> Result | None:
    wdn = WEEKDAYS[c.g("wd").lower()]
    month = MONTHS[c.g("mon").lower().rstrip(".")]
    if ctx.anchor is None:
        return Result("DATE", None, "day", "ordinal-weekday", "document")
    o = c.g("ord").lower()
    n = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }.get(o, -1)
    d = nth_weekday(ctx.anchor.year, month, wdn, n)
    return ctx.doc("ordinal-weekday", "DATE", d.isoformat(), "day") if d else None


def nth_weekday(year: int, month: int, wdn: int, n: int) -> date | None:
    """The n-th ``wdn`` (ISO weekday) of a month; n = -1 for the last one."""
    if n == -1:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        return nxt - timedelta(days=((nxt.isoweekday() - wdn) % 7) or 7)
    first = date(year, month, 1)
    d = first + timedelta(days=(wdn - first.isoweekday()) % 7) + timedelta(weeks=n - 1)
    return d if d.month == month else None


def rule_deictic(ctx: Ctx, c: Candidate) -> Result | None:
    w = _norm(c.g("w"))
    if w in _PRESENT:
        if c.g("mod") or c.g("part") or c.g("part1"):
            return None
        return Result("DATE", "PRESENT_REF", None, "present-ref", "document")
    if w in _PAST:
        return Result("DATE", "PAST_REF", None, "past-ref", "document")
    if w in _FUTURE:
        return Result("DATE", "FUTURE_REF", None, "future-ref", "document")
    off = _DAY_OFFSET[w]
    part = _part(c.g("part") or c.g("part1"))
    if w == "tonight":
        part = "NI"
    mod = _norm(c.g("mod"))
    mods = {"late": "END", "later": "END", "early": "START", "earlier": "START", "mid": "MID"}
    type_, gran = ("TIME", "time") if part else ("DATE", "day")
    if ctx.anchor is None:
        return Result(type_, None, gran, "deictic-day", "document")
    d = ctx.anchor + timedelta(days=off)
    value = d.isoformat() + (f"T{part}" if part else "")
    return ctx.doc(f"deictic-{w}", type_, value, gran, mod=mods.get(mod))


# rel word -> (offset, anchored on: "doc" | "timex" | "context")
_REL_WORDS = {
    "this": (0, "doc"), "current": (0, "doc"), "the current": (0, "doc"), "the present": (0, "doc"),
    "this past": (-1, "doc"), "this coming": (1, "doc"),
    "last": (-1, "doc"), "past": (-1, "doc"), "previous": (-1, "timex"),
    "the previous": (-1, "timex"), "the prior": (-1, "timex"),
    "next": (1, "doc"), "coming": (1, "doc"), "the coming": (1, "doc"),
    "the following": (1, "timex"), "the next": (1, "timex"),
    "that": (0, "timex"), "the same": (0, "timex"), "same": (0, "timex"),
    "the": (0, "context"), "the latest": (0, "context"), "the full": (0, "context"),
}  # fmt: skip
_MOD_WORDS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "mid": "MID", "middle": "MID",
    "the middle of": "MID", "late": "END", "later": "END", "the end of": "END", "end of": "END",
}  # fmt: skip
_ENDED = re.compile(
    r"\s+end(?:ed|ing)\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d",
    re.IGNORECASE,
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_value(anchor: date, code: str, offset: int, *, current_counts: bool = False) -> str:
    """'this'/'last'/'next' summer relative to ``anchor``.

    With ``current_counts`` a season under way at the anchor is "the" season
    either way (for "the summer" said in summer).
    """
    if current_counts and season_of(anchor) == code:
        offset = 0
    start_month = _SEASON_START[code]
    y = anchor.year if not (code == "WI" and anchor.month <= 2) else anchor.year - 1
    start = date(y, start_month, 1)
    if offset < 0 and start > anchor:
        y -= 1
    elif offset < 0 and season_of(anchor) == code:
        y -= 1
    elif offset > 0 and start <= anchor:
        y += 1
    return f"{y + (1 if code == 'WI' else 0):04d}-{code}" if code == "WI" else f"{y:04d}-{code}"


_POINT_UNITS = ("weekend", "morning", "afternoon", "evening", "night", "day", *SEASONS)


def rule_rel_unit(ctx: Ctx, c: Candidate) -> Result | None:
    """ "last week", "this year", "the following month", "that day", "the quarter"."""
    rel = _norm(c.g("rel"))
    unit = unit_key(c.g("unit"))
    mod = _MOD_WORDS.get(_norm(c.g("mod")))
    # "the past year", "the next month": a stretch of time (TimeML P1Y), not a date.
    if rel in ("the past", "the last", "the next", "the coming") and unit not in _POINT_UNITS:
        if mod:
            return None
        return Result(
            "DURATION",
            period(1, "quarter" if unit == "period" else unit),
            None,
            "duration-the-past-unit",
        )
    if rel not in _REL_WORDS:
        return None
    offset, basis = _REL_WORDS[rel]
    if unit == "period":
        unit = "quarter"
        if rel in ("this", "the", "that", "next", "last"):
            return None  # "this period" in prose is rarely a quarter
    if (
        rel == "the"
        and unit not in ("quarter", "weekend", "year")
        and not (mod and unit == "month")
    ):
        return None
    if rel == "the" and unit == "month":
        basis = "doc"  # "by the end of the month"
    if rel in ("the", "the full", "the latest") and unit == "year":
        basis = "doc"  # "the year", "the full year": the one being reported on
    if rel in ("the latest", "the full") and unit not in ("quarter", "year"):
        return None
    if rel == "the latest" and unit == "quarter" and ctx.anchor is not None:
        # the last quarter completed before the article: the one being reported
        d = shift(ctx.anchor, "quarter", -1)
        return ctx.doc("quarter-latest", "DATE", fmt(d, "quarter"), "quarter", mod=mod)
    if unit == "weekend" and basis != "timex":
        return _weekend(ctx, c, offset, rel, mod)
    part = _part(c.g("part"))
    if unit in ("morning", "afternoon", "evening", "night"):
        part, unit = _part(unit), "day"
        if rel in ("last",):
            offset = -1 if part == "NI" else 0
            if part != "NI":
                return None  # "last morning": not idiomatic
    if unit in SEASONS:
        if ctx.anchor is None:
            return Result("DATE", None, "season", "season-relative", "document")
        if basis != "doc":
            return None
        code = SEASONS[unit]
        return ctx.doc(
            "season-relative", "DATE", season_value(ctx.anchor, code, offset), "season", mod=mod
        )
    if unit == "day" and not part and rel in ("this", "current", "last", "next", "coming", "past"):
        return None
    gran = unit
    base: date | None
    kw: dict = {}
    if unit == "quarter" and basis == "context" and ctx.anchor is not None:
        ended = _ENDED.match(ctx.text, c.end)
        if ended:
            m = MONTHS[ended.group(1).lower().rstrip(".")]
            y = ctx.anchor.year if m <= ctx.anchor.month else ctx.anchor.year - 1
            return ctx.doc("quarter-ended", "DATE", fmt(date(y, m, 1), "quarter"), "quarter")
    if basis == "timex" or basis == "context":
        want = {
            "day": "day",
            "week": None,
            "weekend": None,
            "month": None,
            "quarter": "quarter",
            "year": None,
            "half": None,
            "decade": None,
            "century": None,
        }.get(unit)
        base, kw = ctx.hang(
            "rel", "DATE", within=c.start - (600 if basis == "context" else 3000), gran=want
        )
        if (
            basis == "context"
            and kw.get("anchor") == "document"
            and unit == "quarter"
            and ctx.anchor
        ):
            # "the (latest) quarter" with no quarter in sight: the last one
            # completed, the one companies are reporting on.
            base = shift(ctx.anchor, "quarter", -1)
    else:
        base = ctx.anchor
        if base is not None:
            kw = {"anchor": "document", "anchor_value": base.isoformat()}
    if base is None:
        return Result(
            "DATE",
            None,
            gran if gran != "weekend" else "week",
            f"relative-{unit}",
            "document",
            mod=mod,
        )
    try:
        d = shift(base, unit, offset)
    except (ValueError, OverflowError):
        return None
    if part:
        return Result("TIME", d.isoformat() + "T" + part, "time", f"relative-{unit}", mod=mod, **kw)
    value = fmt(d, gran)
    return Result(
        "DATE", value, "week" if gran == "weekend" else gran, f"relative-{unit}", mod=mod, **kw
    )


def rule_ago(ctx: Ctx, c: Candidate) -> Result | None:
    unit = unit_key(c.g("unit"))
    direction = _norm(c.g("dir"))
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    n = count_of(c)
    # "nearly two weeks ago" keeps its hedge; "just a decade ago" does not.
    approx = _norm(c.g("approx"))
    start = c.group_start("approx") + len(approx) + 1 if approx in ("just", "only") else c.start
    while start < c.end and ctx.text[start].isspace():
        start += 1
    if n is None:
        return Result(
            "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "vague-offset", "document"
        )
    if unit in ("second", "minute", "hour", "night"):
        return None
    if not float(n).is_integer():
        return None
    n = int(n)
    on_timex = direction in ("earlier", "later", "before", "after")
    gran = {"weekend": "week", "decade": "year", "century": "year"}.get(unit, unit)
    # Earnings copy compares with "a year ago": the same quarter a year before.
    if unit == "year" and n == 1:
        near = ctx.last_date(within=c.start - 400, gran="quarter")
        if near is not None:
            idx, d, _ = near
            return Result(
                "DATE",
                fmt(shift(d, "year", sign), "quarter"),
                "quarter",
                "year-ago-quarter",
                "timex",
                ctx.found[idx].value,
                idx,
            )
    if on_timex:
        # "two days later" hangs on a date just mentioned; with none in
        # reach ("up 5% from a year earlier") it compares with the article date.
        grans = ("day", "month") if unit in ("year", "decade", "century") else None
        base, kw = ctx.hang("offset", "DATE", within=c.start - 300, grans=grans)
    else:
        base = ctx.anchor
        kw = {"anchor": "document", "anchor_value": base.isoformat()} if base else {}
    if base is None:
        return Result("DATE", None, gran, "offset", "document", start=start)
    try:
        d = shift(
            base,
            "year" if unit in ("decade", "century") else unit,
            sign * n * (10 if unit == "decade" else 100 if unit == "century" else 1),
        )
    except (ValueError, OverflowError):
        return None
    return Result("DATE", fmt(d, gran), gran, f"offset-{unit}", start=start, **kw)


def _weekend(ctx: Ctx, c: Candidate, offset: int, rel: str, mod: str | None) -> Result | None:
    """ "the weekend", "last weekend", "this weekend": the Saturday-Sunday meant."""
    a = ctx.anchor
    if a is None:
        return Result("DATE", None, "week", "weekend", "document", mod=mod)
    sat_back = a - timedelta(days=(a.isoweekday() - 6) % 7)  # latest Saturday on or before a
    if offset < 0:
        sat = sat_back if a.isoweekday() < 6 else sat_back - timedelta(days=7)
    elif offset > 0:
        sat = sat_back + timedelta(days=7)
    else:
        d = ctx.direction(c.start, c.end)
        sat = (
            sat_back
            if (a.isoweekday() >= 6 or d <= 0 and rel != "this")
            else sat_back + timedelta(days=7)
        )
    return ctx.doc("weekend", "DATE", fmt(sat, "weekend"), "week", mod=mod)


_ORDER = ["day", "week", "month", "quarter", "year"]


def _finer(a: str, b: str) -> bool:
    return a in _ORDER and b in _ORDER and _ORDER.index(a) < _ORDER.index(b)


def rule_recent(ctx: Ctx, c: Candidate) -> Result | None:
    w = _norm(c.g("w"))
    value = "PAST_REF" if w == "recent" else "FUTURE_REF"
    return Result("DATE", value, None, "vague-period", "document")


def rule_year_ago_adj(ctx: Ctx, c: Candidate) -> Result | None:
    unit = _norm(c.g("unit"))
    if c.g("ord") and ctx.anchor is not None:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[c.g("ord").lower()]
        cur = (ctx.anchor.month - 1) // 3 + 1
        y = ctx.anchor.year - (2 if q > cur else 1)
        return ctx.doc("year-ago-quarter", "DATE", f"{y:04d}-Q{q}", "quarter")
    start = (
        c.start
        if (c.g("the") and unit)
        else (c.group_start("the") + len(c.g("the")) if c.g("the") else c.start)
    )
    end = c.end
    sent_start = ctx.sentence_start(c.start)
    near = ctx.last_date(within=sent_start if not unit else c.start - 600, gran="quarter")
    if near is not None and unit in ("", "quarter", "period"):
        idx, d, _ = near
        return Result(
            "DATE",
            fmt(shift(d, "year", -1), "quarter"),
            "quarter",
            "year-ago-quarter",
            "timex",
            ctx.found[idx].value,
            idx,
            start=start,
            end=end,
        )
    if ctx.anchor is None:
        return Result("DATE", None, "year", "year-ago", "document", start=start, end=end)
    gran = unit if unit in ("month", "week", "year") else "year"
    return ctx.doc(
        "year-ago", "DATE", fmt(shift(ctx.anchor, "year", -1), gran), gran, start=start, end=end
    )


__all__ = [
    "nth_weekday",
    "rule_ago",
    "rule_deictic",
    "rule_rel_unit",
    "rule_weekday",
    "season_value",
]


def rule_day_around(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the day before yesterday", "the day after tomorrow"."""
    off = -2 if _norm(c.g("w")).startswith("before") else 2
    if ctx.anchor is None:
        return Result("DATE", None, "day", "deictic-day", "document")
    d = ctx.anchor + timedelta(days=off)
    return ctx.doc("deictic-day-around", "DATE", d.isoformat(), "day")
