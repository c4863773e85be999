"""Clock times: "10 a.m. Friday", "3:30 p.m. EST", "noon", "six o'clock".

A clock time takes its day from the words around it: a weekday or date right
after it, "today"/"yesterday", a weekday after a bracketed conversion, else
the day named earlier in its sentence, else the article's day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.timex.absolute import rule_mdy
from tracker.extract.timex.calendar import weekday_near
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.lexicon import WEEKDAYS, number_value
from tracker.extract.timex.patterns import WD_FULL
from tracker.extract.timex.resolve import Ctx, Result

# A bare clock time looks for the day it belongs to this far back in its sentence.
_DAY_REACH = 200

_PAREN_WEEKDAY = re.compile(
    rf"\s*\((?:[^()]{{0,30}}?\b({WD_FULL})\)|[^()]{{0,30}}\)\s*,?\s*(?:on\s+)?({WD_FULL})\b)",
    re.IGNORECASE,
)
_CLOCK_PREP = re.compile(r"\b(?:at|by|until|till|after|before|around|about|from|to)\s+$", re.I)


def _weekday_day(ctx: Ctx, c: Candidate, anchor: date, wdn: int) -> date:
    """The day a clock time's weekday names: the anchor's own, else the nearest in the tense."""
    if wdn == anchor.isoweekday():
        return anchor
    return weekday_near(anchor, wdn, ctx.direction(c.start, c.end) or -1)


def rule_clock(ctx: Ctx, c: Candidate) -> Result | None:
    if c.g("noon"):
        h, minute = (24, 0) if c.s("noon").lower() == "midnight" else (12, 0)
    elif c.g("hh"):
        h, minute = int(c.s("hh")), int(c.s("mm"))
    elif c.g("hw"):
        h, minute = int(number_value(c.s("hw")) or 0), 0
        part = (c.g("dp") or c.g("dp2") or "").lower()
        if not 1 <= h <= 12:
            return None
        if c.g("dp2") and not _CLOCK_PREP.search(ctx.text, max(0, c.start - 10), c.start):
            return None  # "won 2 in the morning session" is a score, not a time
        if (
            part.endswith(("afternoon", "evening", "night"))
            and h != 12
            and not (part.endswith("night") and h < 5)
        ):
            h += 12  # "ten at night" is 22:00, "two at night" stays 02:00
        elif part.endswith("morning") and h == 12:
            h = 0
    else:
        h, minute = int(c.s("hour")), int(c.s("minute") or 0)
        ampm = c.s("ampm").lower()
        if h == 0 or h > 12:
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
    hm = f"T{h:02d}:{minute:02d}"
    start = c.start
    if c.s("approx") and c.s("approx").lower() != "around":
        start = c.match.start(f"clock__{'noon' if c.g('noon') else 'hh' if c.g('hh') else 'hour'}")
    if ctx.anchor is None:
        return Result("TIME", None, "time", "clock", "document", start=start)
    day = ctx.anchor
    rule = "clock-document-day"
    if c.g("wd"):
        wdn = WEEKDAYS[c.s("wd").lower()]
        rel = (c.g("wdrel") or "").lower()
        if rel == "last":  # "4.10 am last Monday": the Monday before the article's day
            day = weekday_near(ctx.anchor - timedelta(days=1), wdn, -1)
        elif rel == "next":
            day = weekday_near(ctx.anchor + timedelta(days=1), wdn, +1)
        else:
            day = _weekday_day(ctx, c, ctx.anchor, wdn)
        rule = "clock-weekday"
    elif c.g("mon") or c.g("dmon"):
        if c.g("dmon"):  # "8am on 19 January": the same date, written day first
            c = c.with_groups(mon=c.g("dmon"), day=c.g("dday"))
        r = rule_mdy(ctx, c)
        if r is None or r.value is None:
            return None
        return Result("TIME", r.value + hm, "time", "clock-date", r.anchor, r.anchor_value)
    elif c.g("rel"):
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[c.s("rel").lower()]
        day = ctx.anchor + timedelta(days=off)
        rule = "clock-deictic"
    elif m := _PAREN_WEEKDAY.match(ctx.text, c.end):
        # "at 9:20 a.m. (1420 GMT) Monday", "at 5 in the morning (10 a.m. CET
        # on Sunday)": the day named just after the bracketed conversion
        day = _weekday_day(ctx, c, ctx.anchor, WEEKDAYS[(m.group(1) or m.group(2)).lower()])
        rule = "clock-weekday"
    else:
        # A bare clock time belongs to a day named earlier in its own sentence
        # ("on Friday ... at 10 a.m."), else to the article's day.
        sentence_start = ctx.sentence_start(c.start)
        near = ctx.last_date(within=max(sentence_start, c.start - _DAY_REACH))
        if near is not None and near[2] == "day":
            idx, d, _ = near
            return Result(
                "TIME",
                d.isoformat() + hm,
                "time",
                "clock-on-mentioned-day",
                "timex",
                d.isoformat(),
                idx,
                start=start,
            )
    return ctx.doc(rule, "TIME", day.isoformat() + hm, "time", start=start)
