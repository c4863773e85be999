"""Spec: every event is reachable: badge contents, lane rows, dated axis labels (issue 14 item 3)."""

from datetime import datetime

from tracker.layout import EventIndex, Metrics, TimeScale, badge_contents, lane_boxes, layout_scene
from tracker.layout.periods import DAY, to_seconds
from tracker.layout.scene import lane_rows
from tracker.layout.ticks import axis_for
from tracker.model import Actor, Event


def given_crowded_day(n=60):
    return [
        Event(
            k + 1,
            "2024-11-13",
            f"Statement number {k + 1}",
            granularity="day",
            importance=k / n,
            actors=(Actor("Peru", "country"),),
        )
        for k in range(n)
    ]


def when_laid_out(index, mode="none", width=800.0, metrics=None):
    t0 = to_seconds(datetime(2024, 11, 1))
    scale = TimeScale(t0, width / (30 * DAY), width)
    return layout_scene(index, mode, scale, 400, lambda i: 120.0, metrics=metrics or Metrics())


def test_a_badge_holds_exactly_the_events_not_drawn_in_date_order():
    index = EventIndex(given_crowded_day())
    layout = when_laid_out(index)
    assert layout.clusters
    hidden = [i for c in layout.clusters for i in badge_contents(index, "none", layout, c)]
    placed = {p.index for p in layout.placed}
    assert len(hidden) == sum(c.count for c in layout.clusters)
    assert set(hidden) | placed == set(range(len(index))) and not set(hidden) & placed
    # Same day: the more important first.
    imps = [index.events[i].importance for i in hidden]
    assert imps == sorted(imps, reverse=True)


def test_lanes_grow_to_the_rows_they_need_and_compact_mode_caps_them():
    assert lane_rows(2) == 2
    assert lane_rows(60) == Metrics().max_rows
    assert lane_rows(60, Metrics(compact=True)) == 3
    index = EventIndex(given_crowded_day(5))
    boxes, _ = lane_boxes(index, "country", 400, Metrics())
    assert boxes[0].rows == 5


def test_zoomed_in_axis_labels_days_and_dates_not_week_numbers():
    for days_shown in (2, 10, 40, 90):
        t0 = to_seconds(datetime(2024, 11, 1))
        axis = axis_for(TimeScale(t0, 1000 / (days_shown * DAY), 1000))
        labels = [t.label for t in axis.minor]
        assert not any(label.startswith("W") and label[1:].isdigit() for label in labels), labels
    axis = axis_for(TimeScale(to_seconds(datetime(2024, 11, 1)), 1000 / (60 * DAY), 1000))
    assert "4 Nov" in [t.label for t in axis.minor] or axis.unit.name != "weeks"
