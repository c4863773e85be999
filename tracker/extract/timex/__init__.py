"""Temporal-expression engine: find dates, times, durations and sets in news text.

``find_timexes(text, anchor, options)`` returns `Timex` objects with exact
character offsets, a TimeML type and value, the value's granularity and how it
was derived. Pipeline:

- `lang/`: the rules as declared records per language (`rules.Rule`: name,
  regex, normaliser, examples), built from the word lists of `lexicon` and
  the regex fragments of `patterns`;
- `grammar`: compiles a language's rules into one scanner and derives from
  their regexes the trigger words that let it skip most of the text;
- `detect`: the English checks that reject false friends ("may" the verb);
- `absolute`, `relative`, `weekdays`, `clock`, `comparisons`, `durations`,
  `holidays`: the normalisers, using `calendar` arithmetic, the tense cues of
  `context`, and `resolve` for the per-document state (anchor, dates already
  found for "two days later"-style anchoring).
"""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.options import ExtractOptions
from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.lang import grammar_for
from tracker.extract.timex.resolve import Ctx, Result, to_timex
from tracker.extract.types import Derivation, Timex

__all__ = ["Derivation", "ExtractOptions", "Timex", "find_timexes"]


def find_timexes(
    text: str,
    anchor: date | None,
    options: ExtractOptions | None = None,
    *,
    day_first: bool | None = None,
) -> list[Timex]:
    """All temporal expressions in ``text``, sorted by start, non-overlapping.

    ``anchor`` is the article's date; without it (or with the reference
    policy "none"), relative expressions come back with ``value=None``.
    ``day_first`` is a shortcut overriding ``options.day_first``.
    """
    opts = options or ExtractOptions()
    grammar = grammar_for(opts.languages)
    ctx = Ctx(
        text,
        anchor if opts.reference != "none" else None,
        opts.day_first if day_first is None else day_first,
        grammar=grammar,
        narrative=opts.reference == "narrative",
    )
    _resolve_all(ctx, grammar.scan(text), retry=True)
    return ctx.found


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _resolve_all(ctx: Ctx, candidates: list[Candidate], *, retry: bool) -> None:
    text = ctx.text
    for c in candidates:
        if ctx.found and c.start < ctx.found[-1].end:
            continue  # taken into the expression before ("two days after Christmas")
        gap = _PARAGRAPH_BREAK.search(text, c.start, c.end) if text.find("\n", c.start, c.end) >= 0 else None
        if gap is not None:
            # "met on Wednesday\n\nJan. 20": no expression runs on into the next paragraph
            if retry and ctx.grammar is not None:
                # The grammar is shown the text up to the break only: the longer match
                # that ran over it must not hide the shorter one before it.
                head = ctx.grammar.scan(text[: gap.start()], c.start)
                _resolve_all(ctx, head + ctx.scan(gap.end(), c.end), retry=False)
            continue
        r = ctx.normalise(c)
        if r is None:
            # The grammar matched but the rule declined ("the day" alone): a
            # shorter expression inside may still stand ("the day before
            # yesterday" -> "yesterday" if the long form were refused).
            if retry:
                _resolve_all(ctx, ctx.scan(c.start + 1, c.end), retry=False)
            continue
        t = to_timex(ctx, c.start, c.end, r)
        if not t.text.strip() or t.text != text[t.start : t.end]:
            continue
        ctx.found.append(t)
        ctx.note_date(len(ctx.found) - 1, t)
        _conjoined_day(ctx, len(ctx.found) - 1)


# "on April 24 and 25": the bare second number is a date of its own (TimeML
# marks each); not "April 24 and 25%" or "May 3 and 4,000 troops".
_AND_DAY = re.compile(
    r"\s+(?:and|or|&)\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?![.,:/-]?\d)"
    r"(?=\s*(?:[.,;:)!?]|$)|\s+(?:in|at|of|to|when|while|and|for|with|respectively)\b)"
)


def _conjoined_day(ctx: Ctx, idx: int) -> None:
    t = ctx.found[idx]
    if t.granularity != "day" or not t.value or not t.text[-1:].isdigit():
        return
    m = _AND_DAY.match(ctx.text, t.end)
    if m is None or int(m.group(1)) <= int(t.value[8:10]):
        return
    try:
        d = date.fromisoformat(t.value[:8] + f"{int(m.group(1)):02d}")
    except ValueError:
        return
    r = Result("DATE", d.isoformat(), "day", "conjoined-day", "timex", t.value, idx)
    ctx.found.append(to_timex(ctx, m.start(1), m.end(1), r))
    ctx.note_date(len(ctx.found) - 1, ctx.found[-1])
