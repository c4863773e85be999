"""Rule sets per language, by code. Add a language by adding a module here."""

from __future__ import annotations

from functools import cache

from tracker.extract.timex.grammar import Grammar
from tracker.extract.timex.lang import en
from tracker.extract.timex.rules import Language

LANGUAGES: dict[str, Language] = {"en": en.ENGLISH}


@cache
def grammar_for(codes: tuple[str, ...]) -> Grammar:
    """The compiled scanner for these languages (built once per combination)."""
    unknown = [c for c in codes if c not in LANGUAGES]
    if unknown:
        raise ValueError(f"no timex rules for language(s) {', '.join(unknown)}")
    langs = [LANGUAGES[c] for c in codes]
    common = frozenset().union(*(lang.common_words for lang in langs))
    return Grammar(langs, common)
