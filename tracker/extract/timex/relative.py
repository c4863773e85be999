"""Rules for expressions that need an anchor: weekdays, deictic words, offsets.

"Friday", "yesterday", "last week", "two days ago" resolve against the
document date; "two days later", "the next day", "that month" resolve against
the date mentioned last in the text (falling back to the document date).
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.extract.timex.calendar import fmt, season_of, shift, weekday_near
from tracker.extract.timex.detect import Candidate
from tracker.extract.timex.durations import count_of, unit_key
from tracker.extract.timex.lexicon import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS
from tracker.extract.timex.resolve import Ctx, Result

_PRESENT = {"now", "right now", "currently", "nowadays", "presently", "at present", "these days", "current"}
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
    if direction > 0:
        return weekday_near(a, wdn, +1), "weekday-future"
    if direction < 0:
        return weekday_near(a, wdn, -1), "weekday-past"
    return weekday_near(a, wdn, -1), "weekday-default-past"


def rule_weekday(ctx: Ctx, c: Candidate) -> Result | None:
    wdn = WEEKDAYS[c.g("wd").lower()]
    pre = _norm(c.g("pre"))
    part = c.g("part")
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
    timed = bool(part or clock)
    type_, gran = ("TIME", "time") if timed else ("DATE", "day")
    if ctx.anchor is None:
        return Result(type_, None, gran, "weekday", "document")
    d, rule = _weekday_date(ctx, c, wdn, pre)
    value = d.isoformat()
    if part:
        value += "T" + DAY_PARTS[part.lower()]
    elif clock:
        value += clock
    mod = "END" if pre.startswith(("late", "later")) else "START" if pre.startswith("early") else None
    return ctx.doc(rule, type_, value, gran, mod=mod)


def rule_ordinal_weekday(ctx: Ctx, c: Candidate) -> Result | None:
    wdn = WEEKDAYS[c.g("wd").lower()]
    month = MONTHS[c.g("mon").lower().rstrip(".")]
    if ctx.anchor is None:
        return Result("DATE", None, "day", "ordinal-weekday", "document")
    o = c.g("ord").lower()
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(o, -1)
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
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_value(anchor: date, code: str, offset: int) -> str:
    """'this'/'last'/'next' summer relative to ``anchor``."""
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


def rule_rel_unit(ctx: Ctx, c: Candidate) -> Result | None:
    rel = _norm(c.g("rel"))
    unit = unit_key(c.g("unit"))
    mod = _MOD_WORDS.get(_norm(c.g("mod")))
    if rel in ("the past", "the last", "the next", "the coming") and unit not in (
        "weekend", "morning", "afternoon", "evening", "night", "day", *SEASONS,
    ):
        if rel == "the next" and unit in ("day", "week", "month", "year") and False:
            pass
        if rel in ("the past", "the last") or unit not in ("day",):
            if mod:
                return None
            unit2 = "quarter" if unit == "period" else unit
            if unit2 in ("spring", "summer", "fall", "autumn", "winter"):
                return None
            from tracker.extract.timex.durations import period

            return Result("DURATION", period(1, unit2), None, "duration-the-past-unit")
    if rel not in _REL_WORDS:
        return None
    offset, basis = _REL_WORDS[rel]
    if unit == "period":
        unit = "quarter"
        if rel in ("this", "the", "that", "next", "last"):
            return None  # "this period" in prose is rarely a quarter
    if rel == "the" and unit not in ("quarter", "weekend", "year"):
        return None
    if rel in ("the latest", "the full") and unit not in ("quarter", "year"):
        return None
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
        return ctx.doc("season-relative", "DATE", _season_value(ctx.anchor, code, offset), "season", mod=mod)
    if unit == "day" and not part and rel in ("this", "current", "last", "next", "coming", "past"):
        return None
    gran = unit
    base: date | None
    kw: dict = {}
    if basis == "timex" or basis == "context":
        want = {"day": "day", "week": None, "weekend": None, "month": None, "quarter": "quarter",
                "year": None, "half": None, "decade": None, "century": None}.get(unit)
        base, kw = ctx.hang("rel", "DATE", within=c.start - 600 if basis == "context" else None, gran=want)
        if basis == "context" and kw.get("anchor") == "document" and unit == "quarter" and ctx.anchor:
            # "the (latest) quarter" with no quarter in sight: the last one
            # completed, the one companies are reporting on.
            base = shift(ctx.anchor, "quarter", -1)
    else:
        base = ctx.anchor
        if base is not None:
            kw = {"anchor": "document", "anchor_value": base.isoformat()}
    if base is None:
        return Result("DATE", None, gran if gran != "weekend" else "week", f"relative-{unit}", "document", mod=mod)
    try:
        d = shift(base, unit, offset)
    except (ValueError, OverflowError):
        return None
    if part:
        return Result("TIME", d.isoformat() + "T" + part, "time", f"relative-{unit}", mod=mod, **kw)
    value = fmt(d, gran)
    return Result("DATE", value, "week" if gran == "weekend" else gran, f"relative-{unit}", mod=mod, **kw)


def rule_ago(ctx: Ctx, c: Candidate) -> Result | None:
    unit = unit_key(c.g("unit"))
    direction = _norm(c.g("dir"))
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    n = count_of(c)
    start = c.start if not c.g("approx") else c.start
    if n is None:
        return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "vague-offset", "document")
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
            return Result("DATE", fmt(shift(d, "year", sign), "quarter"), "quarter", "year-ago-quarter",
                          "timex", ctx.found[idx].value, idx)
    if on_timex:
        base, kw = ctx.hang("offset", "DATE", within=c.start - 1500)
        if kw.get("anchor") == "timex":
            g = ctx.dated[[i for i, *_ in ctx.dated].index(kw["anchor_index"])][2]
            if g in ("day", "month", "year", "quarter") and _finer(g, gran):
                gran = g
    else:
        base = ctx.anchor
        kw = {"anchor": "document", "anchor_value": base.isoformat()} if base else {}
    if base is None:
        return Result("DATE", None, gran, "offset", "document", start=start)
    try:
        d = shift(base, "year" if unit in ("decade", "century") else unit,
                  sign * n * (10 if unit == "decade" else 100 if unit == "century" else 1))
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
        sat = sat_back if (a.isoweekday() >= 6 or d <= 0 and rel != "this") else sat_back + timedelta(days=7)
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
    start = c.start if (c.g("the") and unit) else (c.group_start("the") + len(c.g("the")) if c.g("the") else c.start)
    end = c.end
    sent_start = max(ctx.text.rfind(". ", 0, c.start), ctx.text.rfind("\n", 0, c.start))
    near = ctx.last_date(within=sent_start if not unit else c.start - 600, gran="quarter")
    if near is not None and unit in ("", "quarter", "period"):
        idx, d, _ = near
        return Result("DATE", fmt(shift(d, "year", -1), "quarter"), "quarter", "year-ago-quarter",
                      "timex", ctx.found[idx].value, idx, start=start, end=end)
    if ctx.anchor is None:
        return Result("DATE", None, "year", "year-ago", "document", start=start, end=end)
    gran = unit if unit in ("month", "week", "year") else "year"
    return ctx.doc("year-ago", "DATE", fmt(shift(ctx.anchor, "year", -1), gran), gran, start=start, end=end)


__all__ = ["fmt", "rule_deictic", "rule_ordinal_weekday", "rule_rel_unit", "rule_weekday"]
