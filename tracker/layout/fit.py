"""What the first view shows: the dense core of the events, and the outliers beyond it.

"Fit all" over a story of 2024 stretches to a century when one article mentions
1948 and another 2042. ``dense_core`` finds the shortest span holding most of
the events' weight (importance when given), then lets it grow over neighbours
that are close to its edges, so only far-off events are left out; ``outliers``
counts what lies beyond each edge of a window, for the counted arrows the view
draws there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

#: Share of the total weight the core must hold. Real news refers back to
#: earlier years often (a tenth to a fifth of its dated events): at 0.95 those
#: background mentions stretched the first view over years.
CORE_SHARE = 0.85
#: An event this close to the core's edge (as a share of the core's span) joins it.
REACH = 0.15


def dense_core(
    starts: Sequence[float],
    ends: Sequence[float],
    weights: Sequence[float] | None = None,
    share: float = CORE_SHARE,
    reach: float = REACH,
) -> tuple[float, float] | None:
    """[start, end] of the shortest run of events (in start order) holding ``share``
    of the weight, widened over events within ``reach`` of its span from either edge.

    ``starts`` must be sorted; ``ends`` and ``weights`` are per event in the same
    order. Weights of 0 are raised to a small floor so every event counts a little.
    """
    n = len(starts)
    if n == 0:
        return None
    w = [max(x, 0.01) for x in weights] if weights is not None else [1.0] * n
    need = share * sum(w)
    best: tuple[float, int, int] | None = None
    total, lo = 0.0, 0
    for hi in range(n):
        total += w[hi]
        while lo < hi and total - w[lo] >= need:
            total -= w[lo]
            lo += 1
        if total >= need - 1e-9:
            span = starts[hi] - starts[lo]
            if best is None or span < best[0]:
                best = (span, lo, hi)
    assert best is not None
    _span, lo, hi = best
    left, right = starts[lo], max(ends[lo : hi + 1])
    while True:  # grow over near neighbours: a dense tail is part of the story
        span = max(right - left, 86400.0)
        grown = False
        if lo > 0 and left - starts[lo - 1] <= reach * span:
            lo -= 1
            left = starts[lo]
            right = max(right, ends[lo])
            grown = True
        if hi < n - 1 and starts[hi + 1] - right <= reach * span:
            hi += 1
            right = max(right, ends[hi])
            grown = True
        if not grown:
            return left, right


#: Events longer than this (a year, a decade) are context, not the story's place in time.
LONG = 45 * 86400.0


def story_core(
    starts: Sequence[float], ends: Sequence[float], importances: Sequence[float]
) -> tuple[float, float] | None:
    """The span the first view shows: ``dense_core`` over the events that happen at a
    time (long periods such as "2023" or "this decade" weigh nothing and do not
    stretch the span), weighted by importance. Sorted ``starts`` as for ``dense_core``."""
    if not starts:
        return None
    weights = [
        0.0 if e - s > LONG else w for s, e, w in zip(starts, ends, importances, strict=True)
    ]
    if not any(weights):
        weights = [1.0] * len(starts)
    clipped = [min(e, s + LONG) for s, e in zip(starts, ends, strict=True)]
    short = [k for k, w in enumerate(weights) if w > 0]
    if len(short) < len(starts):  # the core is found among the events that count
        return dense_core(
            [starts[k] for k in short], [clipped[k] for k in short], [weights[k] for k in short]
        )
    return dense_core(starts, clipped, weights)


@dataclass(frozen=True)
class Outliers:
    left: int  # events ending at or before the window's left edge
    right: int  # events starting at or after its right edge
    left_nearest: float | None  # start of the closest one on the left
    right_nearest: float | None  # start of the closest one on the right


class EdgeIndex:
    """Events by end time, built once per event list, so counting what lies beyond the
    edges is two bisections per repaint however many events there are."""

    def __init__(self, starts: Sequence[float], ends: Sequence[float]):
        order = sorted(range(len(ends)), key=ends.__getitem__)
        self.starts = starts
        self.ends_sorted = [ends[k] for k in order]
        self.start_of_end = [starts[k] for k in order]


def outliers(
    starts: Sequence[float], ends: Sequence[float] | EdgeIndex, t_left: float, t_right: float
) -> Outliers:
    """How many events lie wholly outside [t_left, t_right] on each side, and the nearest
    (for the left side: the one that ends last before the edge)."""
    edges = ends if isinstance(ends, EdgeIndex) else EdgeIndex(starts, ends)
    right_first = bisect_left(starts, t_right)
    right = len(starts) - right_first
    left = bisect_right(edges.ends_sorted, t_left)
    return Outliers(
        left,
        right,
        edges.start_of_end[left - 1] if left else None,
        starts[right_first] if right else None,
    )
