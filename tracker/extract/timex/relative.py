"""Rules for expressions that need an anchor: deictic words, relative units, offsets.

"Yesterday", "last week", "two days ago" resolve against the
document date; "two days later", "the next day", "that month" resolve against
the date mentioned last in the text (falling back to the document date).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from tracker.extract.timex.calendar import fmt, season_value, shift
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.comparisons import year_ago_comparison
from tracker.extract.timex.durations import count_of, offset_from_event, period, unit_key
from tracker.extract.timex.lexicon import DAY_PARTS, MONTHS, SEASONS
from tracker.extract.timex.resolve import NEIGHBOUR_REACH, PASSAGE_REACH, STORY_REACH, Ctx, Result

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
           "the near term", "the short term", "the long term", "a later date"}  # fmt: skip
_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1}


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


# "Now, consider the cost.": "now" opening a sentence and set off by a comma is
# a discourse marker that turns the argument, as "well," or "so," do; it does
# not place anything in time. "Currently," has no such use and stays a date.
_DISCOURSE_NOW = re.compile(r"now\s*,", re.IGNORECASE)


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \"'`")
    return not before or before[-1] in ".!?\n:;\"'`"


def _part(word: str | None) -> str | None:
    w = _norm(word).replace("mid-", "").replace("mid", "")
    return DAY_PARTS.get(w.strip()) if w else None


def rule_deictic(ctx: Ctx, c: Candidate) -> Result | None:
    w = _norm(c.g("w"))
    if w in _PRESENT:
        if c.g("mod") or c.g("part") or c.g("part1"):
            return None
        if (
            w == "now"
            and _DISCOURSE_NOW.match(ctx.text, c.start)
            and _opens_sentence(ctx.text, c.start)
        ):
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
    if w == "overnight":
        # the night just past, unless the clause looks ahead
        if c.g("mod") or c.g("part") or c.g("part1"):
            return None
        part, off = "NI", (0 if ctx.direction(c.start, c.end) > 0 else -1)
        sent = ctx.sentence_start(c.start)
        near = ctx.last_date(within=ctx.sentence_start(max(0, sent - 1)), gran="day")
        if near is not None and ctx.anchor is not None:
            # the night before the day being reported on
            idx, d, _ = near
            return Result("TIME", f"{(d - timedelta(days=1)).isoformat()}TNI", "time",
                          "overnight-before-day", "timex", ctx.found[idx].value, idx)  # fmt: skip
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
_YEAR_ENDED = re.compile(
    r"\s+end(?:ed|ing)\s+(?:(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d"
    r"|\d|tomorrow|today|yesterday|(?:this|next|last)\s+\w+day)",
    re.IGNORECASE,
)
_POINT_UNITS = ("weekend", "morning", "afternoon", "evening", "night", "day", *SEASONS)


# "the quarter": the granularity of the date it may hang on (None: any date).
_HANG_GRAN = {"day": "day", "quarter": "quarter"}
_STRETCH_WORDS = ("the past", "the last", "the next", "the coming")
_PART_UNITS = ("morning", "afternoon", "evening", "night")


@dataclass(frozen=True)
class _Rel:
    """A parsed "last week"/"the following month": rel word, unit, TimeML mod, offset, basis."""

    rel: str
    unit: str
    mod: str | None
    offset: int
    basis: str  # doc | timex | context (see _REL_WORDS)

    @property
    def bare_the(self) -> bool:
        return self.rel == "the"


def rule_rel_unit(ctx: Ctx, c: Candidate) -> Result | None:
    """ "last week", "this year", "the following month", "that day", "the quarter".

    The shared reading (offset from the anchor or from the date in discussion)
    is `_shifted`; each unit has its own handler for the readings only it has.
    """
    rel = _norm(c.g("rel"))
    unit = unit_key(c.s("unit"))
    mod = _MOD_WORDS.get(_norm(c.g("mod")))
    if rel in _STRETCH_WORDS and unit not in _POINT_UNITS:
        # "the past year", "the next month": a stretch of time (TimeML P1Y), not a date
        if mod:
            return None
        return Result("DURATION", period(1, "quarter" if unit == "period" else unit), None,
                      "duration-the-past-unit")  # fmt: skip
    if rel not in _REL_WORDS:
        return None
    if unit == "period":
        if rel in ("this", "the", "that", "next", "last"):
            return None  # "this period" in prose is rarely a quarter
        unit = "quarter"
    offset, basis = _REL_WORDS[rel]
    r = _Rel(rel, unit, mod, offset, basis)
    if unit in _PART_UNITS:
        return _rel_part_of_day(ctx, c, r)
    if unit in SEASONS:
        return _rel_season(ctx, r)
    handler = _UNIT_HANDLERS.get(unit, _rel_other)
    return handler(ctx, c, r)


def _rel_day(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "that day", "the next day", "the day before", "later in the day"."""
    if r.bare_the:
        if r.mod:
            return _day_in_discussion(ctx, c, None, r.mod)  # "later in the day"
        # "the day before", else "the day after the vote"
        return _unit_before(ctx, c, "day") or offset_from_event(ctx, c, 1, "day")
    part = _part(c.g("part"))
    if r.rel in ("the latest", "the full") or (
        not part and r.rel in ("this", "current", "last", "next", "coming", "past")
    ):
        return None  # "this day", "last day": not a date in English news
    return _shifted(ctx, c, r, part=part)


def _rel_part_of_day(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "this morning", "the next evening", "last night", "in the afternoon"."""
    part = _part(r.unit)
    if r.bare_the:
        if _IN_THE.search(ctx.text, max(0, c.start - 12), c.start) and not _PART_AS_ADJ.match(
            ctx.text, c.end
        ):
            return _day_in_discussion(ctx, c, part, r.mod)
        return None
    if r.rel in ("the latest", "the full"):
        return None
    offset = r.offset
    if r.rel == "last":
        if part != "NI":
            return None  # "last morning": not idiomatic
        offset = -1  # "last night": the night before the article
    return _shifted(ctx, c, replace(r, unit="day", offset=offset), part=part)


def _rel_week(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "last week", "the following week", "the week before", "by the end of the week"."""
    if r.bare_the:
        if not r.mod:
            return _unit_before(ctx, c, "week")  # "the week" alone is no date
        r = replace(r, basis="doc")  # "later in the week": the article's week, as for months
    if r.rel in ("the latest", "the full"):
        return None
    return _shifted(ctx, c, r)


def _rel_weekend(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "this weekend", "the weekend", "that weekend"."""
    if r.rel in ("the latest", "the full"):
        return None
    if r.basis == "timex":
        return _shifted(ctx, c, r)  # "the following weekend": after the date told
    return _weekend(ctx, c, r.offset, r.rel, r.mod)


def _rel_month(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "next month", "that month", "the month before", "by the end of the month"."""
    if r.bare_the:
        if not r.mod:
            return _unit_before(ctx, c, "month")  # "the month" alone is no date
        r = replace(r, basis="doc")  # "by the end of the month": the article's month
    if r.rel in ("the latest", "the full"):
        return None
    return _shifted(ctx, c, r)


def _rel_quarter(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "this quarter", "the latest quarter", "the quarter ended Sept. 30", "the period"."""
    a = ctx.anchor
    if r.rel == "the latest" and a is not None:
        # results come after a quarter closes: the quarter just discussed if it
        # is over, else the last one completed before the article
        near = ctx.last_date(within=c.start - PASSAGE_REACH, gran="quarter", reported=True)
        if near is not None and shift(near[1], "quarter", 1) <= a:
            idx, d, _ = near
            return Result("DATE", fmt(d, "quarter"), "quarter", "quarter-latest", "timex",
                          ctx.found[idx].value, idx, mod=r.mod)  # fmt: skip
        d = shift(a, "quarter", -1)
        return ctx.doc("quarter-latest", "DATE", fmt(d, "quarter"), "quarter", mod=r.mod)
    ended = _ENDED.match(ctx.text, c.end) if r.basis == "context" else None
    if ended and a is not None:
        # "the quarter ended Sept. 30": the calendar quarter it covered, which
        # for a quarter ending in July (May-July) is mostly Q2: its middle month's
        m = MONTHS[ended.group(1).lower().rstrip(".")]
        # "ended": already over; "ending": may be the quarter under way
        reach = 0 if ended.group(0).lower().lstrip().startswith("ended") else 2
        y = a.year if m <= a.month + reach else a.year - 1
        mid = date(y, m, 1) - timedelta(days=20)
        return ctx.doc("quarter-ended", "DATE", fmt(mid, "quarter"), "quarter")
    return _shifted(ctx, c, r)


def _rel_year(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "last year", "this year", "the year before", "the full year", "the year ended March 31"."""
    if r.rel == "last" and not r.mod and ctx.anchor is not None:
        q = year_ago_comparison(ctx, c)  # "against $5 million last year" in quarterly results
        if q is not None:
            return q
    if r.bare_the and not r.mod:
        before = _unit_before(ctx, c, "year")  # "down from $4 million the year before."
        if before is not None:
            return before
    if r.rel in ("the", "the current") and _YEAR_ENDED.match(ctx.text, c.end):
        # "revenue for the year ended March 31": a twelve-month reporting period
        return Result("DURATION", "P1Y", None, "year-ended-period")
    if r.rel in ("the", "the full", "the latest"):
        r = replace(r, basis="doc")  # "the year", "the full year": the one being reported on
    return _shifted(ctx, c, r)


def _rel_season(ctx: Ctx, r: _Rel) -> Result | None:
    """ "last summer", "this spring" (bare "the summer" is the season_the rule's)."""
    if r.bare_the or r.basis != "doc":
        return None
    if ctx.anchor is None:
        return Result("DATE", None, "season", "season-relative", "document")
    value = season_value(ctx.anchor, SEASONS[r.unit], r.offset)
    return ctx.doc("season-relative", "DATE", value, "season", mod=r.mod)


def _rel_other(ctx: Ctx, c: Candidate, r: _Rel) -> Result | None:
    """ "the next half", "this decade", "last century"."""
    if r.bare_the or r.rel in ("the latest", "the full"):
        return None
    return _shifted(ctx, c, r)


_UNIT_HANDLERS: dict[str, Callable[[Ctx, Candidate, _Rel], Result | None]] = {
    "day": _rel_day,
    "week": _rel_week,
    "weekend": _rel_weekend,
    "month": _rel_month,
    "quarter": _rel_quarter,
    "year": _rel_year,
}


def _shifted(ctx: Ctx, c: Candidate, r: _Rel, part: str | None = None) -> Result | None:
    """``r.offset`` units from its basis: the anchor, or the date in discussion."""
    unit = r.unit
    gran = "week" if unit == "weekend" else unit
    rule = f"relative-{unit}"
    base: date | None
    kw: dict[str, Any] = {}
    if r.basis in ("timex", "context"):
        reach = PASSAGE_REACH if r.basis == "context" else STORY_REACH
        base, kw = ctx.hang("rel", "DATE", within=c.start - reach, gran=_HANG_GRAN.get(unit))
        if r.basis == "context" and kw.get("anchor") == "document" and unit == "quarter":
            # "the quarter" with no quarter in sight: the last one completed,
            # the one companies are reporting on
            base = shift(base, "quarter", -1) if base else None
    else:
        base = ctx.anchor
        if base is not None:
            kw = {"anchor": "document", "anchor_value": base.isoformat()}
    if base is None:
        return Result("DATE", None, gran, rule, "document", mod=r.mod)
    d = shift(base, unit, r.offset)
    if part:
        return Result("TIME", f"{d.isoformat()}T{part}", "time", rule, mod=r.mod, **kw)
    return Result("DATE", fmt(d, unit), gran, rule, mod=r.mod, **kw)


# The adverb ends the phrase: punctuation, or a verb or conjunction that
# shows "before" has no object ("the year before was worse"), unlike the
# preposition in "the day before the vote".
_BEFORE_AFTER = re.compile(
    r"\s+(?P<dir>before|after|earlier|later)(?=\s*[,.;:)]|\s*$|\s+(?:was|were|is|are|had|has|"
    r"have|saw|and|but|when|while)\b)",
    re.IGNORECASE,
)


def _unit_before(ctx: Ctx, c: Candidate, unit: str) -> Result | None:
    """ "the year before", "the day after": one unit from the period just mentioned."""
    m = _BEFORE_AFTER.match(ctx.text, c.end)
    if m is None:
        return None
    sign = -1 if m.group("dir").lower() in ("before", "earlier") else 1
    kw: dict[str, Any]
    near = ctx.last_date(within=c.start - NEIGHBOUR_REACH)
    if near is not None and near[2] != unit and not _finer(near[2], unit):
        near = None  # "the day before" cannot hang on a year
    if near is not None:
        idx, base, _ = near
        kw = {"anchor": "timex", "anchor_value": ctx.found[idx].value, "anchor_index": idx}
    elif ctx.anchor is not None:
        base, kw = ctx.anchor, {"anchor": "document", "anchor_value": ctx.anchor.isoformat()}
    else:
        return Result("DATE", None, unit, "unit-before-after", "document", end=m.end())
    value = fmt(shift(base, unit, sign), unit)
    return Result("DATE", value, unit, "unit-before-after", end=m.end(), **kw)


_IN_THE = re.compile(r"\b(?:in|during|through|throughout)\s+$", re.IGNORECASE)
# "in the morning session": the part of day names a kind of thing, not a time
_PART_AS_ADJ = re.compile(
    r"\s+(?:session|trading|edition|papers?|news|shows?|rush|commute|prayers?|meetings?|"
    r"briefings?|shifts?|hours|sun|light|air|sky|star)\b",
    re.IGNORECASE,
)


def _day_in_discussion(ctx: Ctx, c: Candidate, part: str | None, mod: str | None) -> Result:
    """ "later in the day", "in the morning": of the day the text is about.

    That is a day named in this or the previous sentence, else the article's day.
    """
    kw: dict[str, Any]
    sent = ctx.sentence_start(c.start)
    near = ctx.last_date(within=ctx.sentence_start(max(0, sent - 1)), gran="day")
    if near is not None:
        idx, d, _ = near
        kw = {"anchor": "timex", "anchor_value": ctx.found[idx].value, "anchor_index": idx}
    elif ctx.anchor is not None:
        d, kw = ctx.anchor, {"anchor": "document", "anchor_value": ctx.anchor.isoformat()}
    else:
        return Result("TIME" if part else "DATE", None, "time" if part else "day",
                      "day-in-discussion", "document", mod=mod)  # fmt: skip
    # "later in the day": the modifier stays outside the extent, as in "late on Tuesday"
    m = re.search(r"\bin\s+", ctx.text[c.start : c.end])
    start = c.start + m.end() if m and mod else None
    if part:
        return Result("TIME", f"{d.isoformat()}T{part}", "time", "part-of-day-in-discussion",
                      mod=mod, start=start, **kw)  # fmt: skip
    return Result("DATE", d.isoformat(), "day", "day-in-discussion", mod=mod, start=start, **kw)


_NAME_NEXT = re.compile(r" +[A-Z]")


def _named_base(ctx: Ctx, pos: int) -> tuple[date, int] | None:
    """The day named right at ``pos`` (after spaces), and where its expression ends."""
    while pos < len(ctx.text) and ctx.text[pos] == " ":
        pos += 1
    for cand in ctx.scan(pos, min(len(ctx.text), pos + 60)):
        if cand.start != pos:
            return None
        r = ctx.normalise(cand)
        if r is None or r.type != "DATE" or r.granularity != "day" or not r.value:
            return None
        if r.start not in (None, pos):
            return None
        return date.fromisoformat(r.value[:10]), r.end if r.end is not None else cand.end
    return None


def rule_ago(ctx: Ctx, c: Candidate) -> Result | None:
    unit = unit_key(c.s("unit"))
    direction = _norm(c.g("dir"))
    if direction.endswith("time"):
        direction = "from now"  # "in three weeks' time"
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
        near = ctx.last_date(within=c.start - NEIGHBOUR_REACH, gran="quarter", reported=True)
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
    named = _named_base(ctx, c.end) if direction in ("before", "after") else None
    if named is not None:
        # "two days after Christmas", "a week before May 9": the offset counts
        # from the date named next, and the expression covers both.
        base_d, end = named
        if unit not in ("day", "week", "month", "year"):
            return None
        d = shift(base_d, unit, sign * n)
        return Result("DATE", fmt(d, gran), gran, f"offset-{unit}-named", start=start, end=end)
    if direction in ("before", "after") and _NAME_NEXT.match(ctx.text, c.end):
        # "two days after Smith resigned": counted from an event, read as the
        # duration rule reads "two days after the vote" (dated by the event's
        # date nearby, else only a length); the expression is the length alone.
        end = c.group_start("dir")
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        length = Candidate(c.start, end, c.rule, c.groups, c.match)
        r = offset_from_event(ctx, length, n, unit) or Result(
            "DURATION", period(n, unit), None, "offset-undated-event"
        )
        r.start, r.end = start, end
        return r
    if on_timex:
        # "two days later" hangs on a date just mentioned; with none in
        # reach ("up 5% from a year earlier") it compares with the article date.
        grans = ("day", "month") if sign < 0 and unit in ("year", "decade", "century") else None
        base, kw = ctx.hang("offset", "DATE", within=c.start - NEIGHBOUR_REACH, grans=grans)
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


def rule_day_around(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the day before yesterday", "the day after tomorrow"."""
    off = -2 if _norm(c.g("w")).startswith("before") else 2
    if ctx.anchor is None:
        return Result("DATE", None, "day", "deictic-day", "document")
    d = ctx.anchor + timedelta(days=off)
    return ctx.doc("deictic-day-around", "DATE", d.isoformat(), "day")


def rule_part_alone(ctx: Ctx, c: Candidate) -> Result | None:
    """ "by mid afternoon": that part of the day the text is about."""
    mod = {"early": "START", "late": "END", "mid": "MID"}[c.s("mod").lower()]
    return _day_in_discussion(ctx, c, _part(c.g("part")), mod)


# "Today is the third day of ...", "It was the fifth straight day ...",
# "Monday marked the second day ...": the subject names the day. With any
# other subject ("the second day of talks will ...") the phrase is a count
# within some event, which has no date we can tell.
_ORDINAL_DAY_SUBJECT = re.compile(
    r"\b(?P<subj>today|tonight|yesterday|it|this|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\s*(?P<verb>'s|\u2019s|is|was|marks|marked)\s+$",
    re.IGNORECASE,
)


def rule_ordinal_day(ctx: Ctx, c: Candidate) -> Result | None:
    """ "today is the eighth day of the strike": the day the subject names."""
    m = _ORDINAL_DAY_SUBJECT.search(ctx.text, max(0, c.start - 20), c.start)
    if m is None:
        return None
    subj, verb = m.group("subj").lower(), m.group("verb").lower()
    if subj in ("it", "this") and verb in ("was", "marked"):
        # told in the past: the day the story is on
        d, kw = ctx.hang("ordinal-day", "DATE", within=c.start - NEIGHBOUR_REACH, gran="day")
        if d is None:
            return Result("DATE", None, "day", "ordinal-day", "document")
        return Result("DATE", d.isoformat(), "day", "ordinal-day", **kw)
    if subj in ("it", "this", "today", "tonight"):
        if ctx.anchor is None:
            return Result("DATE", None, "day", "ordinal-day", "document")
        return ctx.doc("ordinal-day", "DATE", ctx.anchor.isoformat(), "day")
    # "Monday was ...", "yesterday marked ...": the day just resolved
    if not ctx.found or ctx.found[-1].end < m.start("subj") or not ctx.found[-1].value:
        return None
    prev = ctx.found[-1]
    return Result("DATE", (prev.value or "")[:10], "day", "ordinal-day", "timex", prev.value,
                  len(ctx.found) - 1)  # fmt: skip
