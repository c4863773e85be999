"""Specs for the scene layout: stacking, clustering, priorities and lanes."""

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.layout import EventIndex, TimeScale, layout_scene, span_seconds, to_seconds
from tracker.layout.periods import DAY
from tracker.model import Actor, Event, Passage

WIDTH, HEIGHT = 1000.0, 400.0


def event(
    i, date, granularity="day", importance=0.5, actors=(), title=None, date_end=None, sources=1
):
    passages = tuple(Passage(a, 0, 1, 0, 1, "t", "q") for a in range(1, sources + 1))
    return Event(
        i,
        date,
        title or f"Event {i}",
        granularity=granularity,
        date_end=date_end,
        importance=importance,
        actors=tuple(Actor(a, "country") for a in actors),
        passages=passages,
    )


def scale_for(start, end):
    return TimeScale(0, 1, WIDTH).showing(to_seconds(start), to_seconds(end), margin=0)


def fixed_width(_i):
    return 90.0


def visible(index, scale, lane):
    return [
        i for i in lane.members if index.ends[i] > scale.t_left and index.starts[i] < scale.t_right
    ]


def day(k, base=datetime(2024, 1, 1)):
    return (base + timedelta(days=k)).strftime("%Y-%m-%d")


def test_a_month_granular_event_is_a_bar_spanning_its_month():
    index = EventIndex([event(1, "2024-03", "month")])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 7, 1))
    (item,) = layout_scene(index, "none", scale, HEIGHT, fixed_width).placed
    start, end = span_seconds("2024-03", "month")
    assert not item.point
    assert (item.x0, item.x1) == (scale.x_of(start), scale.x_of(end))
    assert item.x1 - item.x0 > 100  # a month is wide at this zoom: the uncertainty shows


def test_a_day_event_is_a_point_marker_with_its_label_to_the_right():
    index = EventIndex([event(1, "2024-03-10")])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 7, 1))
    (item,) = layout_scene(index, "none", scale, HEIGHT, fixed_width).placed
    assert item.point
    assert item.label_x > item.mx


def test_stacked_labels_never_overlap():
    events = [event(i, day(i % 20), importance=(i * 37 % 100) / 100) for i in range(120)]
    index = EventIndex(events)
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 21))
    layout = layout_scene(index, "none", scale, HEIGHT, fixed_width)
    assert len(layout.placed) > 10
    by_row = {}
    for item in layout.placed:
        by_row.setdefault((item.lane, item.row), []).append(item)
        assert item.label_x + item.label_w <= item.right  # the label is inside what it occupies
    for items in by_row.values():
        items.sort(key=lambda it: it.left)
        for a, b in zip(items, items[1:], strict=False):
            assert a.right <= b.left


def test_clusters_count_exactly_the_hidden_events():
    events = [event(i, day(i % 30), importance=(i % 7) / 7) for i in range(600)]
    events += [event(1000 + k, "2024-01", "month") for k in range(5)]
    index = EventIndex(events)
    scale = scale_for(datetime(2024, 1, 5), datetime(2024, 1, 25))
    layout = layout_scene(index, "none", scale, HEIGHT, fixed_width)
    shown = visible(index, scale, index.lanes("none")[0])
    assert layout.hidden == len(shown) - len(layout.placed) > 0
    assert all(c.count > 0 for c in layout.clusters)


def test_clusters_split_as_you_zoom_in():
    events = [event(i, day(i % 365)) for i in range(3000)]
    index = EventIndex(events)
    wide = scale_for(datetime(2024, 1, 1), datetime(2025, 1, 1))
    narrow = wide.zoomed(4.0)
    coarse = layout_scene(index, "none", wide, HEIGHT, fixed_width)
    fine = layout_scene(index, "none", narrow, HEIGHT, fixed_width)
    assert max(c.count for c in fine.clusters) < max(c.count for c in coarse.clusters)
    assert len(fine.placed) >= len(coarse.placed)


def test_important_events_win_space_first():
    crowd = [event(i, "2024-01-10", importance=0.1) for i in range(40)]
    star = event(99, "2024-01-10", importance=0.95, title="The summit")
    index = EventIndex([*crowd, star])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    layout = layout_scene(index, "none", scale, HEIGHT, fixed_width)
    placed_ids = [index.events[p.index].id for p in layout.placed]
    assert placed_ids[0] == 99
    assert layout.hidden > 0


def test_the_selected_event_is_shown_even_when_it_matters_least():
    crowd = [event(i, "2024-01-10", importance=0.9) for i in range(40)]
    quiet = event(99, "2024-01-10", importance=0.0)
    index = EventIndex([*crowd, quiet])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    layout = layout_scene(
        index, "none", scale, HEIGHT, fixed_width, selected=index.position_of_id[99]
    )
    assert 99 in {index.events[p.index].id for p in layout.placed}


def test_an_event_with_several_actors_appears_in_each_of_their_lanes():
    index = EventIndex(
        [event(1, "2024-01-10", actors=("France", "Germany")), event(2, "2024-01-11")]
    )
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    layout = layout_scene(index, "country", scale, 2000, fixed_width)
    titles = [b.title for b in layout.lanes]
    assert titles == ["France", "Germany", "(no country)"]
    lanes_of_1 = sorted(p.lane for p in layout.placed if index.events[p.index].id == 1)
    assert lanes_of_1 == [0, 1]


def test_only_the_visible_time_window_is_laid_out():
    index = EventIndex([event(1, "2020-05-01"), event(2, "2024-01-10"), event(3, "2024", "year")])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    layout = layout_scene(index, "none", scale, HEIGHT, fixed_width)
    assert {index.events[p.index].id for p in layout.placed} == {2, 3}


def test_undated_events_are_counted_but_not_placed():
    index = EventIndex([event(1, "PRESENT_REF"), event(2, "2024-01-10")])
    assert len(index) == 1 and index.undated == 1


widths = st.integers(min_value=20, max_value=220)


def mixed_event(i, d, kind):
    """A day, a month-granular event, or a range of a few weeks, starting near day ``d``."""
    importance = (i * 13 % 10) / 10
    actors = ("A", "B")[: i % 3]
    if kind == "month":
        return event(i, day(d)[:7], "month", importance, actors)
    if kind == "range":
        return event(i, day(d), importance=importance, actors=actors, date_end=day(d + 3 + i % 40))
    return event(i, day(d), importance=importance, actors=actors)


@settings(max_examples=40, deadline=None)
@given(
    days=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(["day", "day", "month", "range"])),
        min_size=1,
        max_size=150,
    ),
    zoom=st.floats(0.3, 20),
    label=widths,
    mode=st.sampled_from(["none", "actor"]),
)
def test_any_layout_has_no_overlaps_and_accounts_for_every_visible_event(days, zoom, label, mode):
    events = [mixed_event(i, d, kind) for i, (d, kind) in enumerate(days)]
    index = EventIndex(events)
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 3, 1)).zoomed(zoom, 317)
    layout = layout_scene(index, mode, scale, 3000, lambda _i: float(label))
    rows = {}
    for item in layout.placed:
        rows.setdefault((item.lane, item.row), []).append((item.left, item.right))
    for spans in rows.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    for lane_no, lane in enumerate(index.lanes(mode)):
        placed = sum(1 for p in layout.placed if p.lane == lane_no)
        hidden = sum(c.count for c in layout.clusters if c.lane == lane_no)
        assert placed + hidden == len(visible(index, scale, lane))


def test_a_range_event_started_before_the_window_is_still_shown():
    index = EventIndex([event(1, "2023-11-20", date_end="2024-02-10")])
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    (item,) = layout_scene(index, "none", scale, HEIGHT, fixed_width).placed
    assert item.x0 < 0 < item.x1 and item.label_x >= 0
    assert index.ends[0] - index.starts[0] > 80 * DAY


def test_only_lanes_in_the_vertical_window_are_laid_out():
    events = [event(i, "2024-01-10", actors=(f"Country {i:03d}",)) for i in range(200)]
    index = EventIndex(events)
    scale = scale_for(datetime(2024, 1, 1), datetime(2024, 1, 20))
    top = layout_scene(index, "actor", scale, 500, fixed_width)
    assert top.laid_out[0] == 0 and len(top.laid_out) < 10
    lower = layout_scene(index, "actor", scale, 500, fixed_width, y_top=top.lanes[100].y - 40)
    assert 100 in lower.laid_out and 0 not in lower.laid_out
    assert {p.lane for p in lower.placed} <= set(lower.laid_out)
