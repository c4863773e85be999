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
    pattern: re.Pattern[str]  # alternation of every surface form
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
        _add(entries, city, Entry(city, "city", country))
    surfaces = sorted(entries, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w]|\.\w)"
    )
    titles = tuple(
        sorted(
            {r[0] for r in _rows("titles.txt")}, key=len, reverse=True
        )
    )
    title_alt = "|".join(re.escape(t) for t in titles)
    title_pattern = re.compile(r"(?<![\w])(?:" + title_alt + r")(?![\w])", re.IGNORECASE)
    return Gazetteer(entries, pattern, titles, title_pattern, capitals)
