"""Scene layout: where every visible event, label, lane and count badge goes.

``layout_scene`` is the one function the view calls per repaint. It only looks
at lanes that intersect the vertical window and events inside the time window.
Inside a lane, events are placed most-important first (the selected event
before all) into the topmost row where their marker/bar *and* label fit, so
labels never overlap and important events win space. Whatever does not fit is
hidden and counted in a badge per fixed-width cell in the lane's bottom row;
cells are aligned to the time grid, not to the viewport, so badges stay put
while panning and split into smaller ones as you zoom in.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from .index import POINT_GRANULARITIES, POINT_MAX, EventIndex, Lane, priority
from .scale import TimeScale


@dataclass(frozen=True)
class Metrics:
    header_h: float = 40.0  # the axis, plus ``period_h`` when named periods are shown
    period_h: float = 0.0  # strip under the axis naming the periods drawn as bands
    lane_title_h: float = 18.0  # band with the lane's name (lane modes other than "none")
    row_h: float = 22.0
    badge_h: float = 20.0
    rows_per_lane: int = 3  # the compact mode's rows per lane
    max_rows: int = 8  # a lane grows to the rows it needs, up to this
    compact: bool = False
    marker_r: float = 5.0
    label_gap: float = 5.0  # marker to label
    pad: float = 6.0  # minimum gap between neighbours in a row
    min_bar_px: float = 4.0
    day_band_px: float = 24.0  # from this day width, day events show the day they span
    cell_px: float = 48.0  # width of a cluster cell


@dataclass(frozen=True)
class Placed:
    index: int  # into EventIndex.events
    lane: int
    row: int
    y: float  # top of the row (scene coordinates)
    x0: float  # start of the event's period (viewport x, may be off-screen)
    x1: float  # end of the period
    mx: float  # marker x for point events, drawn bar start for bars
    label_x: float
    label_w: float
    point: bool
    left: float  # the whole occupied extent in the row, label included
    right: float


@dataclass(frozen=True)
class Cluster:
    lane: int
    x: float  # centre of the badge
    y: float  # top of the badge row
    count: int  # events hidden in this cell
    t_from: float
    t_to: float


@dataclass(frozen=True)
class LaneBox:
    index: int
    key: str
    title: str
    y: float
    height: float
    rows: int
    count: int  # events in the lane, all time


@dataclass
class SceneLayout:
    scale: TimeScale
    lanes: list[LaneBox]
    content_height: float
    placed: list[Placed] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    laid_out: list[int] = field(default_factory=list)  # lanes actually laid out (on screen)

    @property
    def hidden(self) -> int:
        return sum(c.count for c in self.clusters)


def lane_boxes(
    index: EventIndex, mode: str, viewport_h: float, metrics: Metrics = Metrics()
) -> tuple[list[LaneBox], float]:
    """Vertical geometry of every lane and the total content height.

    With no lanes the one lane fills the viewport; otherwise each lane gets a
    title band, ``rows_per_lane`` rows and a badge row, and the view scrolls.
    Cached on the index: with thousands of actor lanes this runs every frame.
    """
    key = (mode, viewport_h if mode == "none" else 0.0, metrics)
    cached = index.box_cache.get(key)
    if cached is not None:
        return cached
    lanes = index.lanes(mode)
    y = metrics.header_h
    boxes = []
    for i, lane in enumerate(lanes):
        if mode == "none":
            title_h = 0.0
            free = viewport_h - metrics.header_h - metrics.badge_h - 4
            rows = max(2, int(free // metrics.row_h))
        else:
            title_h = metrics.lane_title_h
            rows = lane_rows(len(lane), metrics)
        height = title_h + rows * metrics.row_h + metrics.badge_h
        boxes.append(LaneBox(i, lane.key, lane.title, y, height, rows, len(lane)))
        y += height
    index.box_cache[key] = (boxes, y)
    return boxes, y


def lane_rows(count: int, metrics: Metrics = Metrics()) -> int:
    """Rows a lane of ``count`` events gets: one per event up to ``max_rows``
    (``rows_per_lane`` in compact mode), so a busy lane grows and a lane of two
    events does not waste space."""
    cap = metrics.rows_per_lane if metrics.compact else metrics.max_rows
    return max(1, min(cap, count))


def badge_contents(
    index: EventIndex, mode: str, layout: SceneLayout, cluster: Cluster
) -> list[int]:
    """The events a "+N" badge stands for, in date order: the lane's events in the
    badge's time cell (and, for the first cell, those still running at the left
    edge) that the layout did not place."""
    lane = index.lanes(mode)[cluster.lane]
    lane.build(index)
    placed = {p.index for p in layout.placed if p.lane == cluster.lane}
    lo, hi, running = lane.window(cluster.t_from, cluster.t_to)
    positions = list(range(lo, hi))
    if cluster.t_from <= layout.scale.t_left:
        positions = running + positions
    hidden = {lane.members[p] for p in positions} - placed
    starts = index.starts
    return sorted(hidden, key=lambda i: (starts[i], -priority(index.events[i])))


class _Occupancy:
    """Which rows are taken where, as one bitmask of rows per 8 px bucket.

    A candidate's free rows are the rows whose bit is clear in every bucket its
    extent touches: one C-level OR over a slice instead of a search per row.
    Buckets are conservative (touching counts as taken), so extents placed
    through it can never overlap.
    """

    BUCKET = 8.0
    MARGIN = 320.0  # labels and bars may reach this far past either edge

    def __init__(self, rows: int, width: float):
        self.count = int((width + 2 * self.MARGIN) / self.BUCKET) + 2
        self.cells = [0] * self.count
        self.full = (1 << rows) - 1

    def span(self, left: float, right: float) -> tuple[int, int]:
        last = self.count - 1
        b0 = int((left + self.MARGIN) // self.BUCKET)
        b1 = int((right + self.MARGIN) // self.BUCKET)
        return (0 if b0 < 0 else last if b0 > last else b0), (
            0 if b1 < 0 else last if b1 > last else b1
        )

    def free_row(self, b0: int, b1: int, bottom: bool = False) -> int:
        """The topmost (or bottom-most) row free over buckets b0..b1, or -1."""
        free = self.full & ~reduce(or_, self.cells[b0 : b1 + 1], 0)
        if not free:
            return -1
        return free.bit_length() - 1 if bottom else (free & -free).bit_length() - 1

    def take(self, row: int, b0: int, b1: int) -> None:
        bit = 1 << row
        self.cells[b0 : b1 + 1] = [c | bit for c in self.cells[b0 : b1 + 1]]


def layout_scene(
    index: EventIndex,
    mode: str,
    scale: TimeScale,
    viewport_h: float,
    label_width: Callable[[int], float],
    y_top: float = 0.0,
    selected: int | None = None,
    metrics: Metrics = Metrics(),
) -> SceneLayout:
    """Lay out the part of the scene the viewport shows.

    ``label_width(i)`` gives the pixel width of event ``i``'s label; ``y_top``
    is the scene y at the top of the viewport (vertical scroll); ``selected``
    is an index into ``index.events`` that must be shown if it is in view.
    """
    boxes, content_h = lane_boxes(index, mode, viewport_h, metrics)
    out = SceneLayout(scale, boxes, content_h)
    y_bottom = y_top + viewport_h
    lanes = index.lanes(mode)
    first = max(bisect_right(index.box_tops(mode, boxes), y_top + metrics.header_h) - 1, 0)
    for box in boxes[first:]:
        if box.y > y_bottom:
            break
        if box.y + box.height < y_top + metrics.header_h:
            continue
        out.laid_out.append(box.index)
        _layout_lane(index, lanes[box.index], box, scale, label_width, selected, metrics, out)
    return out


def _layout_lane(
    index: EventIndex,
    lane: Lane,
    box: LaneBox,
    scale: TimeScale,
    label_width: Callable[[int], float],
    selected: int | None,
    metrics: Metrics,
    out: SceneLayout,
) -> None:
    lane.build(index)
    t_left, t_right = scale.t_left, scale.t_right
    lo, hi, running = lane.window(t_left, t_right)
    members = lane.members
    # Labels are rarely narrower than ~60 px, so a row cannot take more than this.
    capacity = box.rows * int(scale.width / 60 + 2)
    candidates = lane.ranked(lo, hi, running)
    pinned: tuple[int, ...] = ()
    if selected is not None:
        sel = [p for p in _positions_of(lane, selected) if lo <= p < hi or p in set(running)]
        if sel:
            pinned = (sel[0],)
            candidates = itertools.chain(sel, (p for p in candidates if p != sel[0]))

    occupancy = _Occupancy(box.rows, scale.width)
    rows_top = box.y + box.height - metrics.badge_h - box.rows * metrics.row_h
    row_h = metrics.row_h
    starts, ends, events = index.starts, index.ends, index.events
    width = scale.width
    t0, pps = scale.t0, scale.pps
    r = metrics.marker_r
    gap, half_pad, min_bar = metrics.label_gap, metrics.pad / 2, metrics.min_bar_px
    placed = out.placed
    lane_no = box.index
    placed_cells: dict[int, int] = {}
    cell_s = metrics.cell_px / pps
    long_s = 2 * scale.span
    deferred: list[int] = []

    def place(p: int, bottom: bool) -> bool:
        i = members[p]
        x0, x1 = (starts[i] - t0) * pps, (ends[i] - t0) * pps
        lw = label_width(i)
        point = ends[i] - starts[i] <= POINT_MAX and events[i].granularity in POINT_GRANULARITIES
        if point:
            mx = x0 if events[i].granularity == "time" else (x0 + x1) / 2
            label_x = mx + r + gap
            left, right = mx - r - half_pad, label_x + lw + half_pad
            if x1 - x0 >= metrics.day_band_px and events[i].granularity != "time":
                # A wide day: the marker sits on a band spanning the day it is known to.
                left, right = min(left, x0 - half_pad), max(right, x1 + half_pad)
        else:
            if x1 - x0 < min_bar:
                x1 = x0 + min_bar
            mx = max(x0, -2.0)
            label_x = max(x0, 2.0)
            left, right = mx - half_pad, max(min(x1, width + 2.0), label_x + lw) + half_pad
        b0, b1 = occupancy.span(left, right)
        row_no = occupancy.free_row(b0, b1, bottom)
        if row_no < 0:
            return False
        occupancy.take(row_no, b0, b1)
        y = rows_top + row_no * row_h
        placed.append(Placed(i, lane_no, row_no, y, x0, x1, mx, label_x, lw, point, left, right))
        cell = _cell_of(max(starts[i], t_left), cell_s)
        placed_cells[cell] = placed_cells.get(cell, 0) + 1
        return True

    # Candidates come in priority order; once many have failed, the view is full.
    # Periods much longer than the window (a year seen at day zoom) are context:
    # they go last and settle in the bottom rows, leaving the top to what happens here.
    failures, max_failures = 0, max(16, capacity // 6)
    for attempt, p in enumerate(candidates):
        if attempt >= capacity:
            break
        if ends[members[p]] - starts[members[p]] > long_s and p not in pinned:
            deferred.append(p)
            continue
        if not place(p, False):
            failures += 1
            if failures > max_failures:
                break
    for p in deferred:
        place(p, True)
    _clusters(lane, box, scale, running, placed_cells, cell_s, metrics, out)


def _cell_of(t: float, cell_s: float) -> int:
    """The cell holding ``t``, agreeing exactly with the boundaries ``_clusters`` uses."""
    cell = math.floor(t / cell_s)
    if t < cell * cell_s:
        return cell - 1
    if t >= (cell + 1) * cell_s:
        return cell + 1
    return cell


def _positions_of(lane: Lane, event_index: int) -> list[int]:
    k = bisect_left(lane.members, event_index)
    return [k] if k < len(lane.members) and lane.members[k] == event_index else []


def _clusters(
    lane: Lane,
    box: LaneBox,
    scale: TimeScale,
    running: list[int],
    placed_cells: dict[int, int],
    cell_s: float,
    metrics: Metrics,
    out: SceneLayout,
) -> None:
    """One badge per cell counting the visible events of the cell that were not placed.

    The cells cut by the viewport's edges join their neighbour when less than half
    of them shows, so edge badges never squeeze against the next one.
    """
    t_left, t_right = scale.t_left, scale.t_right
    first = _cell_of(t_left, cell_s)
    last = _cell_of(t_right, cell_s)
    y = box.y + box.height - metrics.badge_h
    cells: list[list[float]] = []  # [t_from, t_to, hidden]
    for cell in range(first, last + 1):
        t_from = max(cell * cell_s, t_left)
        t_to = min((cell + 1) * cell_s, t_right)
        if t_to <= t_from:
            continue
        total = lane.count_starting(t_from, t_to)
        if cell == first:
            total += len(running)  # events already running at the left edge anchor here
        cells.append([t_from, t_to, total - placed_cells.get(cell, 0)])
    if len(cells) > 2:
        if cells[0][1] - cells[0][0] < cell_s / 2:
            head = cells.pop(0)
            cells[0][0], cells[0][2] = head[0], cells[0][2] + head[2]
        if cells[-1][1] - cells[-1][0] < cell_s / 2:
            tail = cells.pop()
            cells[-1][1], cells[-1][2] = tail[1], cells[-1][2] + tail[2]
    for t_from, t_to, hidden in cells:
        if hidden > 0:
            x = scale.x_of((t_from + t_to) / 2)
            out.clusters.append(Cluster(box.index, x, y, int(hidden), t_from, t_to))
