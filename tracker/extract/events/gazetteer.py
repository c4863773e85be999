"""Gazetteers of actors and places, loaded once from ``resources/gazetteers``.

Countries (names, abbreviations, demonyms, capitals), international
organisations, metonyms ("the Kremlin" -> Russia), other cities and titles of
office. Everything is compiled into a few regular expressions so that an
article is scanned once per pattern, never once per event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.resources import resource_path


@dataclass(frozen=True)
class Entry:
    """What a surface form stands for."""

    canonical: str
    kind: str  # country | org | metonym | city | demonym
    country: str | None = None  # the country a city or metonym belongs to


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, Entry]  # surface form -> entry (case-sensitive keys)
    by_first: dict[str, list[str]]  # first word -> surfaces starting with it, longest first
    titles: tuple[str, ...]
    title_pattern: re.Pattern[str]
    capitals: dict[str, str]  # capital -> country


def _rows(name: str) -> list[list[str]]:
    rows = []
    with open(resource_path("gazetteers", name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _add(entries: dict[str, Entry], surface: str, entry: Entry) -> None:
    # First writer wins: countries are loaded before metonyms and cities.
    entries.setdefault(surface, entry)
    if surface.lower().startswith("the "):
        entries.setdefault("The " + surface[4:], entry)


@cache
def gazetteer() -> Gazetteer:
    entries: dict[str, Entry] = {}
    capitals: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        row += [""] * (4 - len(row))
        name, aliases, demonyms, capital = row[:4]
        _add(entries, name, Entry(name, "country", name))
        for alias in _split(aliases):
            _add(entries, alias, Entry(name, "country", name))
        for demonym in _split(demonyms):
            _add(entries, demonym, Entry(name, "demonym", name))
        if capital:
            capitals[capital] = name
    for row in _rows("organisations.tsv"):
        row += [""] * (2 - len(row))
        name, aliases = row[:2]
        _add(entries, name, Entry(name, "org"))
        for alias in _split(aliases):
            _add(entries, alias, Entry(name, "org"))
    for phrase, country in (r[:2] for r in _rows("metonyms.tsv") if len(r) >= 2):
        _add(entries, phrase, Entry(country, "metonym", country))
    for capital, country in capitals.items():
        _add(entries, capital, Entry(capital, "city", country))
    for city, country in (r[:2] for r in _rows("cities.tsv") if len(r) >= 2):
        _add(entries, city, Entry(city.removeprefix("the "), "city", country))
    # Surfaces indexed by their first word: an article is scanned word by word and
    # only the few surfaces starting with that word are tried (a single alternation
    # of every surface is several times slower in the regex engine).
    by_first: dict[str, list[str]] = {}
    for surface in sorted(entries, key=len, reverse=True):
        first = _FIRST_WORD.match(surface)
        by_first.setdefault(first.group() if first else surface, []).append(surface)
    titles = tuple(sorted({r[0] for r in _rows("titles.txt")}, key=len, reverse=True))
    # Case-sensitive alternation of "Foreign Minister" and "foreign minister" forms,
    # behind a cheap first-letter guard: far faster than one IGNORECASE alternation.
    variants = sorted(
        {v for t in titles for v in (t, t.lower(), t[:1].lower() + t[1:], t[:1] + t[1:].lower())},
        key=len,
        reverse=True,
    )
    title_pattern = re.compile(r"(?<![\w])" + trie_pattern(variants) + r"(?![\w])")
    return Gazetteer(entries, by_first, titles, title_pattern, capitals)


def trie_pattern(words: list[str]) -> str:
    """One regex for many literals, factored by shared prefixes (the re module does
    not do this itself, and a flat alternation is tried word by word)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return "(?:" + build(trie) + ")"


_FIRST_WORD = re.compile(r"\w+")
# (The look at the first character rejects most positions before the look behind.)
_CANDIDATE = re.compile(r"(?=[A-Zt])(?<![\w.'\u2019\-])(?:[A-Z]\w*|the)\b")
_AFTER_OK = re.compile(r"(?![\w]|\.\w)")


def find_surfaces(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping gazetteer matches (start, end, surface), longest first at each word."""
    by_first = gazetteer().by_first
    out: list[tuple[int, int, str]] = []
    pos_done = 0
    for m in _CANDIDATE.finditer(text):
        start = m.start()
        if start < pos_done or m.group() not in by_first:
            continue
        hit = _surfaces_after(m.group()).match(text, start)
        if hit is not None:
            out.append((start, hit.end(), hit.group()))
            pos_done = hit.end()
    return out


@cache
def _surfaces_after(first: str) -> re.Pattern[str]:
    """The surfaces that begin with the word ``first`` as one trie: the regex engine tries
    the longer ones first and falls back to shorter ones, as a longest-first loop would
    ("the" begins some twenty), in one call."""
    return re.compile(trie_pattern(gazetteer().by_first[first]) + _AFTER_OK.pattern)
