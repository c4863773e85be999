"""Events sorted by start time, split into lanes, ready for fast visible-range queries.

Built once per ``set_events`` (the lanes of a mode on first use), so that a
repaint only touches what is on screen: bisecting the start times finds the
events starting inside the window; events that started earlier but are still
running (a month, a decade, a range) are found per duration class, each sorted
by start, so the scan never strays more than one class length to the left.
Each lane also keeps its events in priority order, so the most important
visible events can be picked without sorting the whole window.
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

from tracker.model import Event

from .lanes import lane_keys, lane_title, order_lanes
from .periods import DAY, span_seconds

if TYPE_CHECKING:
    from .scene import LaneBox, Metrics

POINT_MAX = DAY * 1.01
POINT_GRANULARITIES = ("day", "time", None)
#: Above this many events in a window, pick candidates from the priority order.
SORT_LIMIT = 3000


def priority(event: Event) -> float:
    """Who wins space first: the event's importance (for a fused event, its corpus-level
    importance from tracker.story, which already weighs its independent sources)."""
    return event.importance or 0.0


def is_point(event: Event, start: float, end: float) -> bool:
    """Drawn as a marker (known to the day or time) rather than a bar over its period."""
    return end - start <= POINT_MAX and event.granularity in POINT_GRANULARITIES


@dataclass
class Lane:
    key: str
    title: str
    members: list[int]  # indices into EventIndex.events, in start order
    _starts: list[float] = field(default_factory=list, repr=False)
    _by_prio: list[int] = field(default_factory=list, repr=False)
    _rank: list[int] = field(default_factory=list, repr=False)
    _classes: list[tuple[float, list[float], list[float], list[int]]] = field(
        default_factory=list, repr=False
    )
    _built: bool = False

    def build(self, index: EventIndex) -> None:
        if self._built:
            return
        starts, ends, prio = index.starts, index.ends, index.prio
        members = self.members
        n = len(members)
        whole = n == len(starts)  # the "none" lane: every event, share the arrays
        self._starts = starts if whole else [starts[i] for i in members]
        lane_prio = prio if whole else [prio[i] for i in members]
        self._by_prio = sorted(range(n), key=lane_prio.__getitem__, reverse=True)
        rank = [0] * n
        for r, p in enumerate(self._by_prio):
            rank[p] = r
        self._rank = rank
        # Duration classes (powers of two of seconds). A stable sort by class keeps
        # each class in start order; everything here runs in C-level loops.
        lane_cls = index.duration_class if whole else [index.duration_class[i] for i in members]
        order = sorted(range(n), key=lane_cls.__getitem__)
        classes = []
        for cls, group in itertools.groupby(order, key=lane_cls.__getitem__):
            positions = list(group)
            ids = positions if whole else [members[p] for p in positions]
            classes.append(
                (2.0 ** (cls + 1), [starts[i] for i in ids], [ends[i] for i in ids], positions)
            )
        self._classes = classes
        self._built = True

    def __len__(self) -> int:
        return len(self.members)

    def window(self, t_left: float, t_right: float) -> tuple[int, int, list[int]]:
        """Positions (into ``members``) of visible events: [lo, hi) start inside the
        window; the list holds those that started before it and are still running."""
        lo = bisect_left(self._starts, t_left)
        hi = bisect_left(self._starts, t_right)
        running = []
        for max_len, c_starts, c_ends, c_pos in self._classes:
            j = bisect_left(c_starts, t_left)
            for k in range(bisect_left(c_starts, t_left - max_len, 0, j), j):
                if c_ends[k] > t_left:
                    running.append(c_pos[k])
        return lo, hi, running

    def count_starting(self, t_from: float, t_to: float) -> int:
        return bisect_left(self._starts, t_to) - bisect_left(self._starts, t_from)

    def ranked(self, lo: int, hi: int, running: list[int]) -> Iterator[int]:
        """Visible positions, highest priority first, produced lazily: the caller
        stops as soon as the view is full, so a big window is never sorted."""
        rank = self._rank
        if hi - lo <= SORT_LIMIT:
            return iter(sorted([*range(lo, hi), *running], key=rank.__getitem__))
        # Walking the lane's priority order reaches the k-th visible event after about
        # k * len(lane) / (hi - lo) steps, which SORT_LIMIT keeps small.
        inside = (p for p in self._by_prio if lo <= p < hi)
        if not running:
            return inside
        return heapq.merge(sorted(running, key=rank.__getitem__), inside, key=rank.__getitem__)


class EventIndex:
    """All placeable events sorted by start, with per-mode lanes built lazily."""

    def __init__(self, events: Sequence[Event]):
        gc_was_on = gc.isenabled()
        gc.disable()  # 100k small tuples would trigger many useless collections
        try:
            self._build(events)
        finally:
            if gc_was_on:
                gc.enable()
        self._lanes: dict[str, list[Lane]] = {}
        #: Lane geometry per (mode, height, metrics), filled by ``scene.lane_boxes``.
        self.box_cache: dict[tuple[str, float, Metrics], tuple[list[LaneBox], float]] = {}
        self._box_tops: dict[int, list[float]] = {}

    def _build(self, events: Sequence[Event]) -> None:
        placed = []
        undated = 0
        for e in events:
            span = span_seconds(e.date, e.granularity, e.date_end)
            if span is None:
                undated += 1
            else:
                placed.append((span[0], span[1], e))
        placed.sort(key=itemgetter(0))
        self.undated = undated
        self.events: list[Event] = [s[2] for s in placed]
        self.starts: list[float] = [s[0] for s in placed]
        self.ends: list[float] = [s[1] for s in placed]
        self.prio: list[float] = [priority(e) for e in self.events]
        log2 = math.log2
        self.duration_class: list[int] = [
            int(log2(t - s)) if t - s > 1.0 else 0 for s, t, _e in placed
        ]
        self._position_of_id: dict[int, int] | None = None

    @property
    def position_of_id(self) -> dict[int, int]:
        """Event id -> index into ``events`` (built on first use)."""
        if self._position_of_id is None:
            self._position_of_id = {e.id: i for i, e in enumerate(self.events) if e.id is not None}
        return self._position_of_id

    def is_point(self, i: int) -> bool:
        return is_point(self.events[i], self.starts[i], self.ends[i])

    def __len__(self) -> int:
        return len(self.events)

    def lanes(self, mode: str) -> list[Lane]:
        if mode == "none" and mode not in self._lanes:
            everything = list(range(len(self.events)))
            self._lanes[mode] = [Lane("all", lane_title("all", mode), everything)]
        if mode not in self._lanes:
            members: dict[str, list[int]] = {}
            for i, e in enumerate(self.events):
                for key in lane_keys(e, mode):
                    members.setdefault(key, []).append(i)
            order = order_lanes(mode, members, self.events)
            self._lanes[mode] = [
                Lane(k, lane_title(k, mode, self.events[members[k][0]]), members[k]) for k in order
            ]
        return self._lanes[mode]

    def box_tops(self, mode: str, boxes: list[LaneBox]) -> list[float]:
        """The y of each lane box, for bisecting the lanes a scroll position shows."""
        tops = self._box_tops.get(id(boxes))
        if tops is None:
            tops = self._box_tops[id(boxes)] = [b.y for b in boxes]
        return tops

    def extent(self) -> tuple[float, float] | None:
        """[first start, last end] over every event, or None when empty."""
        if not self.events:
            return None
        return self.starts[0], max(self.ends)

    def neighbour(self, position: int | None, step: int, t_ref: float) -> int | None:
        """The event before/after ``position`` in time order (or after/before ``t_ref``)."""
        n = len(self.events)
        if n == 0:
            return None
        if position is None:
            k = bisect_left(self.starts, t_ref)
            return min(k, n - 1) if step > 0 else max(k - 1, 0)
        k = position + step
        return k if 0 <= k < n else None
