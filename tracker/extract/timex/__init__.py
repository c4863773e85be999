"""Temporal-expression engine: find dates, times, durations and sets in news text.

``find_timexes(text, anchor, day_first=False)`` returns `Timex` objects with
exact character offsets, a TimeML type and value, the value's granularity and
how it was derived. Pipeline: `detect` scans the text once with the master
regex of `patterns` and filters false friends; the rule modules (`absolute`,
`relative`) normalise each candidate, anchoring relative expressions on the
document date or on the date mentioned before them.
"""

from __future__ import annotations

from datetime import date

from tracker.extract.timex import absolute, durations, holidays, relative
from tracker.extract.timex.detect import scan
from tracker.extract.timex.resolve import Ctx, to_timex
from tracker.extract.types import Derivation, Timex

__all__ = ["Derivation", "Timex", "find_timexes"]

_RULES = {}
for _mod in (absolute, durations, holidays, relative):
    for _name in dir(_mod):
        if _name.startswith("rule_"):
            _RULES[_name[5:]] = getattr(_mod, _name)


def find_timexes(text: str, anchor: date | None, *, day_first: bool = False) -> list[Timex]:
    """All temporal expressions in ``text``, sorted by start, non-overlapping.

    ``anchor`` is the article's date; without it, relative expressions come
    back with ``value=None``. ``day_first`` reads 03/04/2025 as 3 April.
    """
    ctx = Ctx(text, anchor, day_first)
    for c in scan(text):
        handler = _RULES.get(c.rule)
        if handler is None:
            continue
        try:
            r = handler(ctx, c)
        except (ValueError, OverflowError, KeyError):
            r = None
        if r is None:
            continue
        t = to_timex(ctx, c.start, c.end, r)
        if not t.text.strip() or t.text != text[t.start : t.end]:
            continue
        ctx.found.append(t)
        ctx.note_date(len(ctx.found) - 1, t)
    return ctx.found
