"""Rules for weekday expressions: "Friday", "last Monday", "the following Tuesday",
"from Friday to Sunday", "the second Sunday of May".

A bare weekday is the one before or after the article's date that the tense of
its clause points to (see `context`); "the previous/following" ones count from
the day just mentioned.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.timex.calendar import nth_weekday, weekday_near
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.lexicon import DAY_PARTS, MONTHS, WEEKDAYS
from tracker.extract.timex.resolve import STORY_REACH, Ctx, Result

_WEEKDAY_RULES = frozenset(
    "weekday-future weekday-past weekday-default-past weekday-same-day weekday-paired".split()
)


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_AHEAD = re.compile(r"\b(?:ahead\s+of|before|until|for)\s+$", re.IGNORECASE)
# What is delayed or called off had not happened yet when that was done: "wanted to
# delay Friday night's debate", told on a Wednesday, is the coming Friday's.
_CALLED_OFF = re.compile(
    r"\b(?:(?:delay|postpone|cancel|suspend|reschedule)(?:s|d|ed|ing|led|ling)?"
    r"|(?:call|put|push)(?:s|ed|ing)?\s+(?:off|back))\s+$",
    re.IGNORECASE,
)
_AHEAD_NOUN = re.compile(
    r"['\u2019]s\s+(?:scheduled|planned|upcoming|expected|proposed|deadline)\b", re.IGNORECASE
)


def _weekday_date(ctx: Ctx, c: Candidate, wdn: int, pre: str) -> tuple[date, str]:
    a = ctx.anchor
    assert a is not None
    if pre.startswith("the "):
        # "the previous Friday", "the following Monday": counted from the day
        # the story is on (or the article's day), never that day itself. Like
        # "the following week", the phrase is anaphoric: a writer who meant the
        # article's day would say "last Friday", so the story's day is looked
        # for as far back as a story carries one.
        near = ctx.last_date(within=c.start - STORY_REACH, gran="day")
        base = near[1] if near else a
        if pre.startswith(("the following", "the next")):
            return weekday_near(base + timedelta(days=1), wdn, +1), "weekday-following"
        return weekday_near(base - timedelta(days=1), wdn, -1), "weekday-previous"
    if pre.startswith("last"):
        return weekday_near(a - timedelta(days=1), wdn, -1), "weekday-last"
    if pre.startswith("next"):
        return weekday_near(a + timedelta(days=1), wdn, +1), "weekday-next"
    if wdn == a.isoweekday():
        return a, "weekday-same-day"
    direction = ctx.direction(c.start, c.end)
    if _POSSESSIVE.match(ctx.text, c.end) and _CALLED_OFF.search(
        ctx.text, max(0, c.start - 16), c.start
    ):
        direction = 1
    elif _POSSESSIVE.match(ctx.text, c.end) and not _AHEAD.search(
        ctx.text, max(0, c.start - 14), c.start
    ):
        # "get around Wednesday's ruling": the weekday dates a noun, not the
        # clause's verb, and news names events already held that way
        direction = -1 if not _AHEAD_NOUN.match(ctx.text, c.end) else 1
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
    wdn = WEEKDAYS[c.s("wd").lower()]
    pre = _norm(c.g("pre"))
    clock = None
    if c.g("hour"):
        h, m = int(c.s("hour")), int(c.s("minute") or 0)
        if not 1 <= h <= 12:
            return None
        if c.s("ampm").lower().startswith("p") and h != 12:
            h += 12
        elif c.s("ampm").lower().startswith("a") and h == 12:
            h = 0
        clock = f"T{h:02d}:{m:02d}"
    elif c.g("part"):
        # "Friday evening", "Monday night": that part of that day (2024-11-08TEV)
        clock = "T" + DAY_PARTS[c.s("part").lower()]
    type_, gran = ("TIME", "time") if clock else ("DATE", "day")
    # "Late Monday", "Earlier Friday": the modifier is part of the expression
    # and kept as mod, as for "late yesterday" and "early next year" (TimeML);
    # across a preposition ("late on Tuesday") only the day is the expression.
    start = c.group_start("wd") if pre.endswith(" on") else c.start
    if ctx.anchor is None:
        return Result(type_, None, gran, "weekday", "document", start=start)
    d, rule = _weekday_date(ctx, c, wdn, pre)
    paired = _paired_weekday(ctx, c.start) if not pre else None
    if paired is not None:
        base = date.fromisoformat((ctx.found[paired].value or "")[:10])
        if base > ctx.anchor and d < base:
            # "on Thursday and Friday will ...": the second day follows the first
            d, rule = base + timedelta(days=(wdn - base.isoweekday()) % 7 or 7), "weekday-paired"
        else:
            paired = None  # resolved on its own, as "Friday and Thursday" in a past report
    value = d.isoformat() + (clock or "")
    mod = (
        "END"
        if pre.startswith(("late", "later"))
        else "START"
        if pre.startswith(("early", "earlier"))
        else None
    )
    if paired is not None:
        return Result(type_, value, gran, rule, "timex", ctx.found[paired].value, paired,
                      mod=mod, start=start)  # fmt: skip
    if rule in ("weekday-following", "weekday-previous"):
        near = ctx.last_date(within=c.start - STORY_REACH, gran="day")
        if near is not None:
            idx = near[0]
            return Result(type_, value, gran, rule, "timex", ctx.found[idx].value, idx,
                          mod=mod, start=start)  # fmt: skip
    return ctx.doc(rule, type_, value, gran, mod=mod, start=start)


_PAIR_GAP = re.compile(r"(?:,|,?\s+(?:and|or|&))\s+(?:on\s+)?$")


def _paired_weekday(ctx: Ctx, start: int) -> int | None:
    """Index of the weekday this one is coordinated with ("Thursday and Friday"), if any."""
    if not ctx.found:
        return None
    prev = ctx.found[-1]
    if prev.derivation.rule not in _WEEKDAY_RULES or not prev.value:
        return None
    if start - prev.end > 12 or not _PAIR_GAP.fullmatch(ctx.text, prev.end, start):
        return None
    return len(ctx.found) - 1


def rule_weekday_range(ctx: Ctx, c: Candidate) -> Result | None:
    """ "from Friday to Sunday": the first day by tense, the last the next such weekday after it."""
    wd1 = WEEKDAYS[c.s("wd").lower()]
    wd2 = WEEKDAYS[c.s("wd2").lower()]
    if wd1 == wd2:
        return None
    start = c.group_start("wd")
    if ctx.anchor is None:
        return Result("DATE", None, "day", "weekday-range", "document", start=start)
    d1, rule = _weekday_date(ctx, c, wd1, "")
    d2 = d1 + timedelta(days=(wd2 - wd1) % 7)
    return ctx.doc(
        f"{rule}-range", "DATE", d1.isoformat(), "day", value_end=d2.isoformat(), start=start
    )


def rule_ordinal_weekday(ctx: Ctx, c: Candidate) -> Result | None:
    wdn = WEEKDAYS[c.s("wd").lower()]
    month = MONTHS[c.s("mon").lower().rstrip(".")]
    if ctx.anchor is None:
        return Result("DATE", None, "day", "ordinal-weekday", "document")
    o = c.s("ord").lower()
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
