"""The overview strip's data: event density over the whole date range.

Counts come from bisecting the sorted start times, so a histogram costs
O(bins · log n) however many events there are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


def histogram(starts: Sequence[float], t_from: float, t_to: float, bins: int) -> list[int]:
    """How many of the sorted ``starts`` fall in each of ``bins`` equal slices of [t_from, t_to].

    The last slice is closed, so an event starting exactly at ``t_to`` counts.
    """
    if bins <= 0 or t_to <= t_from:
        return []
    width = (t_to - t_from) / bins
    edges = [bisect_left(starts, t_from + k * width) for k in range(bins)]
    edges.append(bisect_right(starts, t_to))
    return [edges[k + 1] - edges[k] for k in range(bins)]
