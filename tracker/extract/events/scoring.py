"""Confidence (is this a real, rightly dated event?) and importance (how central is it?).

Both are simple additive scores in [0, 1]; the weights encode what tends to go
wrong (dates attached only to "said", dates borrowed from a neighbouring
sentence, hypotheticals) and what tends to matter (headline position, concrete
diplomatic and military happenings, several passages about the same thing).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tracker.extract.events.clauses import Trigger

_TYPE_WEIGHT = {
    "meeting": 0.7,
    "agreement": 0.75,
    "military": 0.75,
    "election": 0.75,
    "sanctions": 0.7,
    "aid": 0.65,
    "call": 0.6,
    "protest": 0.6,
    "statement": 0.45,
    "other": 0.45,
}
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def period_start(value: str) -> date | None:
    """First day of the period a TIMEX3 value names, or None if it has no calendar date."""
    m = re.match(
        r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?", value
    )
    if m:
        year = int(m.group(1))
        try:
            if m.group(3):
                return date(year, int(m.group(2)), int(m.group(3)))
            if m.group(2):
                return date(year, int(m.group(2)), 1)
            if m.group(4):
                return date.fromisocalendar(year, int(m.group(4)), 1)
            if m.group(5):
                return date(year, 3 * int(m.group(5)) - 2, 1)
            if m.group(6):
                return date(year, 1 if m.group(6) == "1" else 7, 1)
            if m.group(7):
                return date(year, _SEASON_MONTH[m.group(7)], 1)
            return date(year, 1, 1)
        except ValueError:
            return None
    m = re.match(r"^(\d{3})$", value)
    if m:
        return date(int(m.group(1)) * 10, 1, 1)
    return None


def after_anchor(value: str, anchor: date | None) -> bool:
    """True when the whole period lies after the anchor date (it cannot have happened yet)."""
    if anchor is None:
        return False
    start = period_start(value)
    return start is not None and start > anchor


def confidence(
    how: str, trig: Trigger | None, modality: str, granularity: str, relative: bool
) -> float:
    score = {
        "clause": 0.85,
        "sentence": 0.65,
        "neighbour": 0.55,
        "content": 0.5,
        "frame": 0.45,
    }.get(how, 0.3)
    if trig is None:
        score = 0.3
    elif trig.type == "other":
        score -= 0.1
    if modality == "hypothetical":
        score -= 0.15
    if granularity in ("decade", "season"):
        score -= 0.05
    if relative:
        score -= 0.05
    return round(min(1.0, max(0.05, score)), 2)


def importance(
    etype: str,
    sentence_index: int,
    n_sentences: int,
    frame_only: bool,
    value: str,
    anchor: date | None,
) -> float:
    score = _TYPE_WEIGHT.get(etype, 0.45)
    position = sentence_index / max(1, n_sentences - 1)
    score += 0.25 * (1 - position) - 0.1
    if sentence_index <= 1:
        score += 0.1
    if frame_only:
        score -= 0.3
    start = period_start(value)
    if anchor is not None and start is not None and abs(anchor - start) > timedelta(days=400):
        score -= 0.15
    return round(min(1.0, max(0.05, score)), 2)


def boosted(importance_value: float, extra_mentions: int) -> float:
    return round(min(1.0, importance_value + 0.1 * min(extra_mentions, 3)), 2)
