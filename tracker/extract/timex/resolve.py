"""Normalisation driver: candidates in, `Timex` objects out.

Holds the per-document state the rules need (text, anchor date, day-first
setting, the expressions resolved so far for "two days later"-style anchoring),
runs each candidate through the rule that matched it, and names how far back
a relative expression may look for the date it hangs on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.chronicle import Chronicle
from tracker.extract.timex.context import direction
from tracker.extract.types import Derivation, Timex
from tracker.model import Granularity, Period

# The granularity a resolved date is remembered at, for the periods later
# expressions may hang on (a time counts as its day).
_HANGS_ON = {
    Granularity.TIME: "day",
    Granularity.DAY: "day",
    Granularity.WEEK: "week",
    Granularity.MONTH: "month",
    Granularity.QUARTER: "quarter",
    Granularity.YEAR: "year",
}

# How far back (in characters) a relative expression looks for the date it
# hangs on. A news paragraph runs to about 300 characters.
# "the following week", "that day", "the previous month", "the previous Friday"
# carry a story on from a date given earlier, often several paragraphs up:
# about ten paragraphs.
STORY_REACH = 3000
# "the quarter", "the latest quarter", "the day" point at what is under
# discussion; two paragraphs on, the text has usually moved to another topic.
PASSAGE_REACH = 600
# "the year before", "a year ago", "two days later" count
# from the date named in the same or the previous sentence.
NEIGHBOUR_REACH = 400


@dataclass
class Result:
    """What a rule computed for one candidate; the span may shrink ("in 1998" -> "1998")."""

    type: str
    value: str | None
    granularity: str | None
    rule: str
    anchor: str = "none"  # none | document | timex
    anchor_value: str | None = None
    anchor_index: int | None = None
    value_end: str | None = None
    mod: str | None = None
    start: int | None = None
    end: int | None = None


class Scanner(Protocol):
    """What a rule may ask of the grammar it belongs to (`grammar.Grammar`)."""

    def scan(self, text: str, lo: int = 0, hi: int | None = None) -> list[Candidate]: ...

    def normalise(self, ctx: Ctx, c: Candidate) -> Result | None: ...


@dataclass
class Ctx:
    """The state of one article's resolution, shared by every rule."""

    text: str
    anchor: date | None
    day_first: bool = False
    found: list[Timex] = field(default_factory=list)
    # (index into found, date, granularity) of resolved calendar dates, for
    # expressions that hang on the last-mentioned date.
    dated: list[tuple[int, date, str]] = field(default_factory=list)
    grammar: Scanner | None = None  # for rules that read ahead ("two days after ... on 3 May")
    narrative: bool = True  # False: relative expressions count from the anchor only
    _chronicle: Chronicle | None = None  # the text's dated list, read once when needed

    def scan(self, lo: int, hi: int) -> list[Candidate]:
        """Candidates in text[lo:hi] (none without a grammar)."""
        return self.grammar.scan(self.text, lo, hi) if self.grammar else []

    def normalise(self, c: Candidate) -> Result | None:
        """Run the rule that ``c`` matched; None when it declines or the value is impossible."""
        if self.grammar is None:
            return None
        try:
            return self.grammar.normalise(self, c)
        except (ValueError, OverflowError):
            # calendar arithmetic off the calendar: 31 February, year 10000
            return None

    def direction(self, start: int, end: int) -> int:
        return direction(self.text, start, end)

    def doc(self, rule: str, type_: str, value: str | None, gran: str | None, **kw: Any) -> Result:
        """A result anchored on the document date (value None without an anchor)."""
        if self.anchor is None:
            value = None
            kw.pop("value_end", None)
        return Result(
            type_,
            value,
            gran,
            rule,
            "document",
            self.anchor.isoformat() if self.anchor else None,
            **kw,
        )

    def chronicle(self) -> Chronicle:
        """The dated list of the text, whose order gives its entries' years (`chronicle`)."""
        if self._chronicle is None:
            self._chronicle = (
                Chronicle.of(self.text, self.anchor, self.direction)
                if self.anchor is not None
                else Chronicle(())
            )
        return self._chronicle

    def sentence_start(self, pos: int, reach: int = 400) -> int:
        """Rough start of the sentence holding ``pos`` (looks back at most ``reach`` chars)."""
        lo = max(0, pos - reach)
        return max(self.text.rfind(". ", lo, pos), self.text.rfind("\n", lo, pos), lo)

    def note_date(self, index: int, t: Timex) -> None:
        """Remember a resolved calendar date for expressions that hang on it."""
        if t.type in ("DATE", "TIME"):
            p = Period.parse(t.value)
            if p and p.granularity in _HANGS_ON and not p.value.endswith("-WE"):
                self.dated.append((index, p.first_day, _HANGS_ON[p.granularity]))

    def last_date(
        self, within: int | None = None, gran: str | None = None, *, reported: bool = False
    ) -> tuple[int, date, str] | None:
        """The date mentioned last (starting at or after ``within``), optionally of one granularity.

        With ``reported`` only periods already begun at the anchor count: a
        results comparison ("a year ago") is about the period being reported,
        not a forecast for a later one.
        """
        if not self.narrative:
            return None
        for idx, d, g in reversed(self.dated):
            if within is not None and self.found[idx].start < within:
                return None
            if reported and self.anchor is not None and d > self.anchor:
                continue
            if self.found[idx].derivation.rule in ("year-ago-quarter", "year-period") and (
                self.anchor is None or d.year < self.anchor.year
            ):
                continue  # the comparison quarter is not the one under discussion
            if gran is None or g == gran:
                return idx, d, g
        return None

    def hang(
        self,
        rule: str,
        type_: str,
        within: int | None = None,
        gran: str | None = None,
        grans: tuple[str, ...] | None = None,
    ) -> tuple[date | None, dict[str, Any]]:
        """(base date, partial Result kwargs) for an expression hanging on an earlier date.

        Falls back to the document anchor when no earlier date is in reach.
        """
        near = self.last_date(within, gran)
        if near is not None and grans is not None and near[2] not in grans:
            near = None
        if near is not None:
            idx, d, _ = near
            return d, {
                "anchor": "timex",
                "anchor_value": self.found[idx].value,
                "anchor_index": idx,
            }
        if self.anchor is None:
            return None, {}
        return self.anchor, {"anchor": "document", "anchor_value": self.anchor.isoformat()}


def to_timex(ctx: Ctx, start: int, end: int, r: Result) -> Timex:
    s = r.start if r.start is not None else start
    e = r.end if r.end is not None else end
    return Timex(
        text=ctx.text[s:e],
        start=s,
        end=e,
        type=r.type,
        value=r.value,
        # The contract has no "half" granularity; a half-year (value 2024-H1)
        # is reported at the nearest listed one.
        granularity=(
            ("quarter" if r.granularity == "half" else r.granularity)
            if r.type in ("DATE", "TIME")
            else None
        ),
        value_end=r.value_end,
        derivation=Derivation(r.rule, r.anchor, r.anchor_value, r.anchor_index),
        mod=r.mod,
    )
