"""Specs for the overview strip's density histogram and lane ordering."""

from tracker.layout import EventIndex, histogram
from tracker.model import Event


def test_histogram_counts_every_start_once_including_the_last_edge():
    starts = [0.0, 1.0, 2.5, 9.99, 10.0]
    counts = histogram(starts, 0.0, 10.0, 4)
    assert counts == [2, 1, 0, 2]
    assert sum(counts) == len(starts)


def test_histogram_of_nothing_is_empty_bins():
    assert histogram([], 0.0, 10.0, 3) == [0, 0, 0]
    assert histogram([1.0], 5.0, 5.0, 3) == []


def test_type_lanes_follow_the_fixed_type_order_with_unknown_types_last():
    events = [
        Event(1, "2024-01-01", "a", type="military"),
        Event(2, "2024-01-02", "b", type="meeting"),
        Event(3, "2024-01-03", "c", type="zzz"),
    ]
    titles = [lane.title for lane in EventIndex(events).lanes("type")]
    assert titles == ["Meeting", "Military", "Zzz"]


def test_article_lanes_are_ordered_by_article_date_and_named_by_title():
    events = [
        Event(
            1,
            "2024-01-01",
            "a",
            article_id=7,
            article_title="Later piece",
            article_date="2024-02-01",
        ),
        Event(
            2,
            "2024-01-02",
            "b",
            article_id=3,
            article_title="Earlier piece",
            article_date="2024-01-05",
        ),
        Event(3, "2024-01-03", "c"),
    ]
    titles = [lane.title for lane in EventIndex(events).lanes("article")]
    assert titles == ["Earlier piece", "Later piece", "(no article)"]
