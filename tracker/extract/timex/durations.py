"""Rules for durations ("three years", "the past two months"), sets ("every
Monday", "daily") and clock times ("10 a.m. Friday", "3:30 p.m. EST")."""

from __future__ import annotations

from datetime import timedelta

from tracker.extract.timex.calendar import weekday_near
from tracker.extract.timex.detect import Candidate
from tracker.extract.timex.lexicon import DAY_PARTS, UNITS, WEEKDAYS, number_value
from tracker.extract.timex.resolve import Ctx, Result

_VAGUE_WORDS = ("several", "few", "many", "some", "number", "numerous", "recent", "coming")


def unit_key(word: str) -> str:
    w = " ".join(word.lower().split())
    if w == "fiscal year":
        return "year"
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    if w == "centurie" or w == "centuries":
        w = "century"
    return w


def period(n: int | float | None, unit: str) -> str:
    """TIMEX3 duration value: P3Y, PT2H, PXM (vague), P10Y for a decade."""
    letter, mult, is_time, _ = UNITS[unit]
    if letter == "DE":
        letter, mult = "Y", 10
    elif letter == "CE":
        letter, mult = "Y", 100
    elif letter == "Q":
        letter, mult = "M", 3  # TimeML writes quarters as months: P9M
    elif letter == "WE":
        letter, mult = "WE", 1
    if n is None:
        amount = "X"
    else:
        total = n * mult
        amount = str(int(total)) if float(total).is_integer() else str(total)
    return f"P{'T' if is_time else ''}{amount}{letter}"


def count_of(c: Candidate) -> int | float | None:
    """The number in a "N units" candidate; None when vague ("several years")."""
    if c.g("vague"):
        return None
    num = c.g("num")
    return number_value(num) if num else None


def rule_duration(ctx: Ctx, c: Candidate) -> Result | None:
    unit = unit_key(c.g("unit"))
    if unit not in UNITS:
        return None
    n = count_of(c)
    if n is None and not c.g("vague"):
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    start = c.start
    pre = " ".join((c.g("pre") or "").lower().split())
    if pre and not pre.startswith("the"):
        start = c.group_start("num") if c.g("num") else c.group_start("vague")
    return Result("DURATION", period(n, unit), None, "duration", start=start)


_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "nightly": "P1D", "hourly": "PT1H",
}  # fmt: skip
_SET_UNITS = {
    "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q", "hour": "PT1H",
    "minute": "PT1M", "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO",
    "afternoon": "XXXX-XX-XXTAF", "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI",
    "spring": "XXXX-SP", "summer": "XXXX-SU", "fall": "XXXX-FA", "autumn": "XXXX-FA", "winter": "XXXX-WI",
}  # fmt: skip


def rule_set(ctx: Ctx, c: Candidate) -> Result | None:
    if c.g("adv"):
        return Result("SET", _SET_ADVERBS[c.g("adv").lower()], None, "set-adverb")
    if c.g("wd"):
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[c.g('wd').lower()]}", None, "set-weekday")
    unit = c.g("unit").lower()
    plural = c.match.group(0).lower().endswith("s") and unit + "s" in c.match.group(0).lower()
    if plural and not c.g("n"):
        return None  # "each days" is not English; "every years" neither
    value = _SET_UNITS.get(unit)
    if value and value.startswith("P"):
        if "other" in c.match.group(0).lower():
            value = value.replace("P1", "P2")
        elif c.g("n"):
            n = number_value(c.g("n"))
            value = value.replace("1", str(n), 1) if n else value
    return Result("SET", value, None, "set-every") if value else None


def rule_clock(ctx: Ctx, c: Candidate) -> Result | None:
    if c.g("noon"):
        h, m = (24, 0) if c.g("noon").lower() == "midnight" else (12, 0)
    elif c.g("hh"):
        h, m = int(c.g("hh")), int(c.g("mm"))
    else:
        h, m = int(c.g("hour")), int(c.g("minute") or 0)
        ampm = c.g("ampm").lower()
        if h == 0 or h > 12:
            return None
        if ampm.startswith("p") and h != 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
    hm = f"T{h:02d}:{m:02d}"
    start = c.start
    if c.g("approx") and c.g("approx").lower() != "around":
        start = c.match.start(f"clock__{'noon' if c.g('noon') else 'hh' if c.g('hh') else 'hour'}")
    if ctx.anchor is None:
        return Result("TIME", None, "time", "clock", "document", start=start)
    day = ctx.anchor
    rule = "clock-document-day"
    if c.g("wd"):
        wdn = WEEKDAYS[c.g("wd").lower()]
        d = ctx.direction(c.start, c.end)
        day = (
            ctx.anchor if wdn == ctx.anchor.isoweekday() else weekday_near(ctx.anchor, wdn, d or -1)
        )
        rule = "clock-weekday"
    elif c.g("mon"):
        from tracker.extract.timex.absolute import rule_mdy

        r = rule_mdy(ctx, c)
        if r is None or r.value is None:
            return None
        return Result("TIME", r.value + hm, "time", "clock-date", r.anchor, r.anchor_value)
    elif c.g("rel"):
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[c.g("rel").lower()]
        day = ctx.anchor + timedelta(days=off)
        rule = "clock-deictic"
    else:
        # A bare clock time belongs to a day named earlier in its own sentence
        # ("on Friday ... at 10 a.m."), else to the article's day.
        sentence_start = ctx.sentence_start(c.start)
        near = ctx.last_date(within=max(sentence_start, c.start - 200))
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


__all__ = ["DAY_PARTS", "rule_clock", "rule_duration", "rule_set"]
