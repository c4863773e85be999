"""Rules for durations ("three years", "the past two months") and sets ("every
Monday", "daily"), and the offsets counted from a named event ("two days after
the vote")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from tracker.extract.timex.calendar import fmt, shift
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.lexicon import MONTHS, UNITS, WEEKDAYS, number_value
from tracker.extract.timex.resolve import Ctx, Result


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
    """TIMEX3 duration value: P3Y, PT2H, PXM (vague), P10Y for a decade, P6M for a half."""
    if unit == "half":
        unit, n = "month", None if n is None else n * 6  # a half-year, as TimeML writes it
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
    unit = unit_key(c.s("unit"))
    if unit not in UNITS:
        return None
    n = count_of(c)
    if n is None and not c.g("vague"):
        return None
    if n is not None and (n <= 0 or n > 10000):
        return None
    start = c.start
    pre = " ".join((c.g("pre") or "").lower().split())
    num = (c.g("num") or "").lower()
    if not pre and num in ("a", "an"):
        if unit == "second" and not _AFTER_SECOND.match(ctx.text, c.end):
            return None  # "a second group": the ordinal
        if _RATE_BEFORE.search(ctx.text, max(0, c.start - 25), c.start):
            return None  # "$500 million a year", "four flights a week": a rate
    if c.s("unit")[:1].isupper() and num[:1].isdigit():
        return None  # "60 Minutes": a title
    if (
        not pre
        and num == "one"
        and unit == "day"
        and _SOMEDAY_BEFORE.search(ctx.text, max(0, c.start - 12), c.start)
    ):
        return Result("DATE", "FUTURE_REF", None, "one-day-future", "document")  # "will one day be"
    if not pre and n is not None:
        r = offset_from_event(ctx, c, n, unit) or _in_future(ctx, c, n, unit)
        if r is not None:
            return r
    if pre and not pre.startswith("the"):
        start = c.group_start("num") if c.g("num") else c.group_start("vague")
    return Result("DURATION", period(n, unit), None, "duration", start=start)


_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def _in_future(ctx: Ctx, c: Candidate, n: int | float, unit: str) -> Result | None:
    """ "will be redeemed in five years": the date that far after the article."""
    if ctx.anchor is None or unit not in ("day", "week", "month", "year") or n != int(n):
        return None
    if not _IN_BEFORE.search(ctx.text, max(0, c.start - 4), c.start):
        return None
    if ctx.direction(c.start, c.end) <= 0:
        return None  # "grew 5% in two years" is a stretch of time
    d = shift(ctx.anchor, unit, int(n))
    return ctx.doc(f"in-future-{unit}", "DATE", fmt(d, unit), unit)


_AFTER_SECOND = re.compile(r"\s*(?:[,.;:)]|$|(?:later|earlier|ago|before|after|or|and|of)\b)")
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:units|million|billion|thousand|hundred|percent|times|cents|dollars|euros|pounds|"
    r"hours|minutes|flights|seats|shares|barrels|tons|tonnes|people|jobs|visitors))\s+$",
    re.IGNORECASE,
)
_SOMEDAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|should|must|he|she|they|we|I|you)\s+$", re.IGNORECASE
)

# "two days after the summit": a count of units before "after/before" and a noun phrase.
_EVENT_AFTER = re.compile(
    r"\s+(?P<dir>after|before)\s+(?!\d)(?![a-z]+ing\b)(?=[a-z])", re.IGNORECASE
)
_APPOSITION = re.compile(r",\s*$")
_EVENT_MAX = {"day": 14, "week": 8, "month": 12}


def offset_from_event(ctx: Ctx, c: Candidate, n: int | float, unit: str) -> Result | None:
    """ "Two days after the opening" dated by the opening's date given nearby.

    The date is looked for first later in the same sentence ("... after the
    summit opened on 13 November"), then in this or the previous sentence
    before it. Without a day-precise date in sight this is not a date, and the
    caller keeps its plain reading (a duration).
    """
    m = _EVENT_AFTER.match(ctx.text, c.end)
    if m is None or unit not in _EVENT_MAX or not 0 < n <= _EVENT_MAX[unit]:
        return None
    if not float(n).is_integer():
        return None
    sign = 1 if m.group("dir").lower() == "after" else -1
    if ctx.found and unit == "day" and n == 1:
        prev = ctx.found[-1]
        gap = ctx.text[prev.end : c.start]
        if prev.type == "DATE" and prev.granularity == "day" and _APPOSITION.match(gap):
            # "Oct. 12, the day before the crash": the day is the date just named
            return Result("DATE", prev.value, "day", "event-apposition", "timex", prev.value,
                          len(ctx.found) - 1)  # fmt: skip
    ahead = _date_ahead(ctx, m.end())
    kw: dict[str, Any] = {"anchor": "timex"}
    if ahead is None:
        sent = ctx.sentence_start(c.start)
        near = ctx.last_date(within=ctx.sentence_start(max(0, sent - 1)), gran="day")
        if near is None or ctx.found[near[0]].type != "DATE":
            return None  # a clock time on the article's day is no event date
        if not _same_event(ctx, m.end(), ctx.found[near[0]].start):
            return None  # "three days before the inauguration": another event
        idx, base, _ = near
        kw = {"anchor": "timex", "anchor_value": ctx.found[idx].value, "anchor_index": idx}
    else:
        base, value = ahead
        kw["anchor_value"] = value
    d = shift(base, unit, sign * int(n))
    return Result("DATE", d.isoformat(), "day", f"offset-from-event-{unit}", **kw)


_EVENT_NOUN = re.compile(
    r"(?:(?:the|a|an|his|her|its|their|this|that|last|first|latest)\s+)*(?P<w>[a-z]{4,})",
    re.IGNORECASE,
)


def _same_event(ctx: Ctx, noun_at: int, date_at: int) -> bool:
    """Whether the event after "after/before" is the one told near the earlier date.

    "The summit opened on 13 November. Two days after the opening": the
    opening shares its stem with "opened" in the dated sentence.
    """
    m = _EVENT_NOUN.match(ctx.text, noun_at)
    if m is None:
        return False
    stem = m.group("w").lower()[:4]
    lo = ctx.sentence_start(date_at)
    return re.search(rf"\b{stem}", ctx.text[lo:noun_at], re.IGNORECASE) is not None


# "two days after the summit opened on 13 November": the date that dates the
# event comes later in the same sentence, within about two lines of print.
_AHEAD_REACH = 120


def _date_ahead(ctx: Ctx, pos: int) -> tuple[date, str] | None:
    """The first day-precise date later in the sentence (within _AHEAD_REACH characters)."""
    stop = ctx.text.find(". ", pos, pos + _AHEAD_REACH)
    for cand in ctx.scan(pos, stop if stop >= 0 else min(len(ctx.text), pos + _AHEAD_REACH)):
        if cand.rule not in ("mdy", "dmy", "iso", "numeric", "weekday"):
            return None
        r = ctx.normalise(cand)
        if r is None or not r.value or len(r.value) < 10:
            return None
        return date.fromisoformat(r.value[:10]), r.value
    return None


def rule_bare_units(ctx: Ctx, c: Candidate) -> Result | None:
    return Result("DURATION", period(None, unit_key(c.s("unit"))), None, "duration-unspecified")


def rule_freq(ctx: Ctx, c: Candidate) -> Result | None:
    # TimeML keeps the count in a freq attribute the contract does not carry;
    # the value is the period it recurs in.
    return Result("SET", period(1, c.s("unit").lower()), None, "set-frequency")


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
        if c.s("adv").lower() in ("annually", "yearly") and _RATE_BEFORE.search(
            ctx.text, max(0, c.start - 25), c.start
        ):
            return None  # "rise 8.5% annually", "10,000 units annually": a rate
        return Result("SET", _SET_ADVERBS[c.s("adv").lower()], None, "set-adverb")
    if c.g("wd"):
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[c.s('wd').lower()]}", None, "set-weekday")
    if c.g("mname"):  # "each July": that month of every year, not this year's July
        return Result("SET", f"XXXX-{MONTHS[c.s('mname').lower()]:02d}", None, "set-month")
    unit = c.s("unit").lower()
    plural = c.match.group(0).lower().endswith("s") and unit + "s" in c.match.group(0).lower()
    if plural and not c.g("n"):
        return None  # "each days" is not English; "every years" neither
    value = _SET_UNITS.get(unit)
    if value and value.startswith("P"):
        if "other" in c.match.group(0).lower():
            value = value.replace("P1", "P2")
        elif c.g("n"):
            n = number_value(c.s("n"))
            value = value.replace("1", str(n), 1) if n else value
    return Result("SET", value, None, "set-every") if value else None
