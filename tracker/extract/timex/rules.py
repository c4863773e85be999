"""Timex rules as declared records, grouped per language.

A `Rule` is everything about one kind of temporal expression in one place: its
name, its regex, the function that turns a match into a value, and worked
examples (a sentence, the article date, the expression and value expected),
which run as tests. The words that trigger a rule are not listed by hand: the
grammar (see `grammar`) derives them from the regex itself.

A `Language` is an ordered tuple of rules plus the checks that reject false
friends ("may" the verb, "2000 troops"). English lives in `lang/en.py`; a
second language is a new module there with its own word lists and patterns,
reusing the language-neutral normalisers where its groups mean the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from tracker.extract.timex.candidate import Candidate
from tracker.extract.timex.resolve import Ctx, Result

Normaliser = Callable[[Ctx, Candidate], "Result | None"]
Accept = Callable[[str, Candidate], bool]

# The article date examples are resolved against unless they say otherwise:
# a Wednesday, so that "Friday", "last week" and "the third quarter" all have
# something to decide.
EXAMPLE_ANCHOR = date(2024, 11, 13)


@dataclass(frozen=True)
class Example:
    """``text`` read on ``anchor`` yields the expression ``expr`` with ``value``."""

    text: str
    expr: str
    value: str | None
    anchor: date | None = EXAMPLE_ANCHOR
    type: str | None = None  # checked when given: DATE TIME DURATION SET


@dataclass(frozen=True)
class Rule:
    """One kind of temporal expression.

    ``pattern`` is matched case-insensitively at a word start; its named groups
    reach ``normalise`` through `Candidate.g`. Rules are tried in the order of
    their language's tuple, the first match at a position wins, so specific
    rules ("20 January 2025") come before general ones ("January").
    """

    name: str
    pattern: str
    normalise: Normaliser
    examples: tuple[Example, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class Language:
    code: str
    rules: tuple[Rule, ...]
    accept: Accept  # False for a match that is not a date in context ("Theresa May")
    # Frequent words (articles, prepositions, modifiers) the scanner should not
    # wait for: when a rule has a choice, its trigger is a rarer word it contains.
    common_words: frozenset[str] = frozenset()

    def rule(self, name: str) -> Rule:
        for r in self.rules:
            if r.name == name:
                return r
        raise LookupError(f"{self.code}: no rule {name!r}")
