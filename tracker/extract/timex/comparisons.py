"""Year-ago comparisons in results copy: "a year earlier", "the year-ago quarter",
"compared with $3 million last year", "the corresponding period last year".

In quarterly results these name the quarter under discussion one year back,
not the previous calendar year; outside such copy they fall back to the year.
"""

from __future__ import annotations

import re

from tracker.extract.timex.calendar import fmt, shift
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.resolve import NEIGHBOUR_REACH, PASSAGE_REACH, Ctx, Result


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


_COMPARED = re.compile(
    r"\b(?:compared\s+with|compared\s+to|from|versus|vs\.?|against)\b[^.;,]{0,60}$",
    re.IGNORECASE,
)


_RESULTS_AFTER = re.compile(
    r"\s+(?:net\s+|operating\s+|pretax\s+)?(?:results|profit|earnings|income|loss|sales|revenue|net)\b",
    re.IGNORECASE,
)


def year_ago_comparison(ctx: Ctx, c: Candidate) -> Result | None:
    """ "against a deficit of $5 million last year" in quarterly results: that quarter a year back."""
    if not _COMPARED.search(ctx.text, max(0, c.start - 70), c.start):
        return None
    near = ctx.last_date(within=c.start - NEIGHBOUR_REACH, gran="quarter", reported=True)
    if near is None:
        return None
    idx, d, _ = near
    return Result("DATE", fmt(shift(d, "year", -1), "quarter"), "quarter", "year-ago-quarter",
                  "timex", ctx.found[idx].value, idx)  # fmt: skip


def rule_year_ago_adj(ctx: Ctx, c: Candidate) -> Result | None:
    unit = _norm(c.g("unit"))
    if c.g("ord") and ctx.anchor is not None:
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4}[c.s("ord").lower()]
        cur = (ctx.anchor.month - 1) // 3 + 1
        y = ctx.anchor.year - (2 if q > cur else 1)
        return ctx.doc("year-ago-quarter", "DATE", f"{y:04d}-Q{q}", "quarter")
    start = (
        c.start
        if (c.g("the") and unit)
        else (c.group_start("the") + len(c.s("the")) if c.s("the") else c.start)
    )
    end = c.end
    sent_start = ctx.sentence_start(c.start)
    # "year-earlier profit", "Year-earlier results included a gain": results named a year
    # back are the quarter under discussion, as "the year-ago quarter" is.
    results = not unit and _RESULTS_AFTER.match(ctx.text, c.end) is not None
    near = ctx.last_date(
        within=sent_start if not (unit or results) else c.start - PASSAGE_REACH,
        gran="quarter",
        reported=True,
    )
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
    if unit in ("quarter", "period"):
        # no quarter named: the one being reported is the last completed
        d = shift(shift(ctx.anchor, "quarter", -1), "year", -1)
        return ctx.doc(
            "year-ago-quarter", "DATE", fmt(d, "quarter"), "quarter", start=start, end=end
        )
    gran = unit if unit in ("month", "week", "year") else "year"
    return ctx.doc(
        "year-ago", "DATE", fmt(shift(ctx.anchor, "year", -1), gran), gran, start=start, end=end
    )


def rule_period_year_ago(ctx: Ctx, c: Candidate) -> Result | None:
    """ "the corresponding period last year": the quarter under discussion, a year back."""
    shim = Candidate(c.start, c.end, c.rule, {"the": None, "ord": None, "unit": "quarter"}, c.match)
    r = rule_year_ago_adj(ctx, shim)
    if r is not None:
        r.start, r.end = c.start, c.end
    return r
