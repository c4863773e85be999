"""Specs for the timeline's first view, edge arrows, badge lists and lanes (issue 14 items 2-3)."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPointF, Qt

from tracker.layout.periods import span_seconds
from tracker.model import Actor, Event
from tracker.ui.timeline import TimelineView


def a_story_with_two_outliers(n=200):
    base = datetime(2024, 3, 1)
    events = [
        Event(
            k + 1,
            (base + timedelta(days=k % 150)).strftime("%Y-%m-%d"),
            f"Envoys confer, session {k + 1}",
            granularity="day",
            importance=0.5,
            actors=(Actor("Chile" if k % 2 else "Ghana", "country"),),
        )
        for k in range(n)
    ]
    events.append(Event(900, "1948", "Old treaty signed", granularity="year", importance=0.3))
    events.append(Event(901, "2042-05-01", "Pact expires", granularity="day", importance=0.3))
    return sorted(events, key=lambda e: e.date)


@pytest.fixture
def view(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_events(a_story_with_two_outliers())
    return widget


def test_first_view_fits_the_dense_core_not_1948_to_2042(view):
    s = view.time_scale
    assert s.t_left > span_seconds("2024-01-01")[0]
    assert s.t_right < span_seconds("2025-01-01")[0]
    assert len(view.current_layout().placed) > 11


def test_outliers_get_counted_arrows_that_jump_to_them(view):
    arrows = {side: (rect, n) for side, rect, n, _t in view.outlier_arrows()}
    assert arrows["left"][1] == 1 and arrows["right"][1] == 1
    rect = arrows["right"][0]
    view._click(rect.center())
    assert view.selected_event_id() == 901
    s = view.time_scale
    assert s.t_left < span_seconds("2042-05-01")[0] < s.t_right


def test_fit_all_still_shows_everything(view):
    view.fit_all()
    assert view.outlier_arrows() == []
