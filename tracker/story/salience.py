"""Corpus-level importance of a fused event, and the key-events ranking.

`importance` is one documented pure function of the evidence a journalist
weighs (`Evidence`); `rank` orders fused events for "key events" and
``--top K``. The formula::

    importance = specificity(granularity) * modality_weight(modality)
                 * (1 - exp(-E / 3))
    E = log2(1 + sources) + 0.8 * log2(1 + later_sources)
        + log2(1 + day_weight) + 0.5 * lead + 0.4 * prominence

- ``sources``: independent articles reporting the event (wire copies count once);
- ``later_sources``: those published three days or more after it, looking
  back at it (retrospective mentions mark the events people return to);
- ``day_weight`` (`day_weight`): how much the corpus points at the event's day,
  whatever the extractor made of it. Every article that names the day (a
  day-level date expression resolved to it) or was published on it counts
  0.5; one that names it from a later day, looking back, counts 0.5 more::

      day_weight = 0.5 * referring + 0.5 * referring_later + 0.5 * published_only

  References beat publications (an article published on a day without naming
  it counts only as much as one naming it ahead), and later references count
  most (Kessler et al. 2012; Tran et al. 2013; DATEWISE, Gholipour Ghalandari
  and Ifrim 2020, learns the same counts). Zero for events coarser than a day;
- ``lead``: the best in-article importance of its reports (headline, lead
  paragraph, main clause), 0..1;
- ``prominence``: how central its most prominent participant is to the corpus,
  0..1 (articles naming it, log-scaled against the most named one);
- specificity: day or time 1, week 0.6, month 0.45, season or quarter 0.35,
  half-year 0.3, year 0.2, decade 0.1, century 0.05 -- a month can never score
  above 0.45 and a year above 0.2, so a vague event never crowds out dated ones
  that have any real support;
- modality weight: reported 1, planned 0.75, hypothetical 0.4, denied 0.3.

The saturation ``1 - exp(-E / 3)`` keeps importance in 0..1 and makes each
further source count for less than the one before.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from tracker.model import Granularity, Modality

SPECIFICITY = {
    Granularity.TIME: 1.0,
    Granularity.DAY: 1.0,
    Granularity.WEEK: 0.6,
    Granularity.MONTH: 0.45,
    Granularity.SEASON: 0.35,
    Granularity.QUARTER: 0.35,
    Granularity.HALF: 0.3,
    Granularity.YEAR: 0.2,
    Granularity.DECADE: 0.1,
    Granularity.CENTURY: 0.05,
}
MODALITY_WEIGHT = {
    Modality.REPORTED: 1.0,
    Modality.PLANNED: 0.75,
    Modality.HYPOTHETICAL: 0.4,
    Modality.DENIED: 0.3,
}
#: An undated event (no placeable date) weighs like a century: shown, never key.
UNDATED = 0.05


@dataclass(frozen=True)
class Evidence:
    sources: int = 1
    later_sources: int = 0
    day_weight: float = 0.0
    lead: float = 0.5
    prominence: float = 0.0
    granularity: str | None = None
    modality: str = Modality.REPORTED


@lru_cache(maxsize=256)  # a handful of words, looked up for every listed event
def specificity(granularity: str | None) -> float:
    g = Granularity.coerce(granularity)
    return SPECIFICITY[g] if g is not None else UNDATED


@lru_cache(maxsize=256)
def modality_weight(modality: str | None) -> float:
    try:
        return MODALITY_WEIGHT[Modality(modality or Modality.REPORTED)]
    except ValueError:
        return MODALITY_WEIGHT[Modality.HYPOTHETICAL]


def importance(ev: Evidence) -> float:
    """The corpus-level importance of a fused event, 0..1 (see the module docstring)."""
    return importance_of(
        ev.sources,
        ev.later_sources,
        ev.day_weight,
        ev.lead,
        ev.prominence,
        ev.granularity,
        ev.modality,
    )


def importance_of(
    sources: int,
    later_sources: int,
    day_weight: float,
    lead: float,
    prominence: float,
    granularity: str | None,
    modality: str,
) -> float:
    """`importance` of the `Evidence` with these fields, without building it (a listing
    scores every fused event it reads)."""
    e = (
        math.log2(1 + max(sources, 1))
        + 0.8 * math.log2(1 + max(later_sources, 0))
        + math.log2(1 + max(day_weight, 0.0))
        + 0.5 * min(max(lead, 0.0), 1.0)
        + 0.4 * min(max(prominence, 0.0), 1.0)
    )
    return round(specificity(granularity) * modality_weight(modality) * (1 - math.exp(-e / 3)), 6)


#: What one article counts for a day it names or was published on, and what it
#: adds when it names the day from a later day (see `day_weight`).
DAY_MENTION = 0.5
DAY_LOOKING_BACK = 0.5
#: An article published on a day without naming it: half a mention (references beat
#: publications; an analysis piece or a column is published on a day it is not about).
DAY_PUBLISHED = 0.25


def day_weight(referring: int, referring_later: int, published_only: int) -> float:
    """How much the corpus points at one day: ``referring`` articles name it, of which
    ``referring_later`` were published after it; ``published_only`` articles were
    published on it without naming it (see the module docstring)."""
    return DAY_MENTION * (max(referring, 0) + max(published_only, 0)) + DAY_LOOKING_BACK * max(
        min(referring_later, referring), 0
    )


def prominence(article_counts: Sequence[int], most: int) -> float:
    """0..1: the best of a participant list's article counts, log-scaled against ``most``."""
    if not article_counts or most <= 1:
        return 0.0
    return min(math.log1p(max(article_counts)) / math.log1p(most), 1.0)


T = TypeVar("T")

#: Each earlier key event close to it (same day, type and a shared participant)
#: multiplies an event's score by this when ranking: key events cover distinct happenings.
REDUNDANCY = 0.5


def rank(
    items: Sequence[T],
    score: Callable[[T], float],
    order: Callable[[T], tuple[object, ...]],
    near: Callable[[T, T], bool],
    limit: int | None = None,
) -> list[T]:
    """``items`` best first by ``score``, an item scoring less for every higher-ranked one
    it is ``near`` (greedy, lazily re-scored); ties by ``order``. Stops after ``limit``."""
    heap = [(-score(it), order(it), i) for i, it in enumerate(items)]
    heapq.heapify(heap)
    chosen: list[T] = []
    seen: dict[int, int] = {}  # item index -> number of chosen items near it when scored
    want = len(items) if limit is None else min(limit, len(items))
    while heap and len(chosen) < want:
        neg, key, i = heapq.heappop(heap)
        it = items[i]
        n_near = sum(1 for c in chosen[seen.get(i, 0) :] if near(c, it)) if chosen else 0
        if n_near:
            # Stale: re-score against what has been chosen since, and queue it again.
            seen[i] = len(chosen)
            heapq.heappush(heap, (neg * REDUNDANCY**n_near, key, i))
            continue
        seen[i] = len(chosen)
        chosen.append(it)
    return chosen
