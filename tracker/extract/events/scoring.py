"""Confidence (is this a real, rightly dated event?) and importance (how central is it?).

Both are simple additive scores in [0, 1]; the weights encode what tends to go
wrong (dates attached only to "said", dates borrowed from a neighbouring
sentence, hypotheticals) and what tends to matter (headline position, concrete
diplomatic and military happenings, several passages about the same thing).
"""

from __future__ import annotations

from datetime import date, timedelta

from tracker.extract.events.clauses import Trigger
from tracker.model import EventType, Modality, Period

_TYPE_WEIGHT: dict[str, float] = {
    EventType.MEETING: 0.7,
    EventType.AGREEMENT: 0.75,
    EventType.MILITARY: 0.75,
    EventType.ELECTION: 0.75,
    EventType.SANCTIONS: 0.7,
    EventType.AID: 0.65,
    EventType.CALL: 0.6,
    EventType.PROTEST: 0.6,
    EventType.STATEMENT: 0.45,
    EventType.OTHER: 0.45,
}


def after_anchor(value: str, anchor: date | None) -> bool:
    """True when the whole period lies after the anchor date (it cannot have happened yet)."""
    if anchor is None:
        return False
    period = Period.parse(value)
    return period is not None and period.first_day > anchor


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
    if modality == Modality.HYPOTHETICAL:
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
    period = Period.parse(value)
    if (
        anchor is not None
        and period is not None
        and abs(anchor - period.first_day) > timedelta(days=400)
    ):
        score -= 0.15
    return round(min(1.0, max(0.05, score)), 2)


def boosted(importance_value: float, extra_mentions: int) -> float:
    return round(min(1.0, importance_value + 0.1 * min(extra_mentions, 3)), 2)
