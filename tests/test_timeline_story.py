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


def shown(qtbot, widget, width, height):
    """``widget`` on screen at ``width`` x ``height``."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(qtbot):
    widget = shown(qtbot, TimelineView(), 1000, 500)
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


def a_crowded_day(n=40):
    return [
        Event(k + 1, "2024-11-13", f"Statement {k + 1:02d}", granularity="day", importance=0.5)
        for k in range(n)
    ]


def test_a_badge_opens_a_list_of_its_events_that_selects_on_enter(qtbot):
    view = shown(qtbot, TimelineView(), 900, 300)
    view.set_events(a_crowded_day())
    for _ in range(10):  # zooming in never empties a badge of same-day events ...
        view.zoom_in()
    layout = view.current_layout()
    assert layout.clusters
    cluster = layout.clusters[0]
    popup = view.open_badge(cluster)  # ... the list holds them
    assert len(popup.items()) == cluster.count
    assert all("13 Nov 2024" in t or "Nov" in t for t in popup.items())
    qtbot.keyClick(popup.list, Qt.Key.Key_Down)
    second = popup.list.currentItem().data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(view.event_selected) as sig:
        qtbot.keyClick(popup.list, Qt.Key.Key_Return)
    assert sig.args[0] == view.index.events[second].id
    assert not popup.isVisible()


def test_compact_mode_caps_lane_rows(view):
    view.set_lane_mode("country")
    rows = [b.rows for b in view.current_layout().lanes]
    view.set_compact(True)
    assert max(rows) > 3 and max(b.rows for b in view.current_layout().lanes) == 3
    view.set_compact(False)


def test_brushing_the_overview_zooms_to_the_range_and_the_strip_follows_deep_zoom(qtbot):
    from PySide6.QtCore import QPoint

    from tracker.ui.timeline import TimelinePanel

    panel = shown(qtbot, TimelinePanel(), 1000, 600)
    panel.view.set_events(a_story_with_two_outliers())
    panel.view.fit_all()
    strip = panel.overview
    t_from, t_to = strip._t_of(100), strip._t_of(300)
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(100, 20))
    qtbot.mouseMove(strip, QPoint(300, 20))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(300, 20))
    s = panel.view.time_scale
    assert s.t_left == pytest.approx(t_from, rel=1e-6)
    assert s.t_right == pytest.approx(t_to, rel=1e-6)
    panel.view.fit_core()
    for _ in range(12):
        panel.view.zoom_in()
    rect = strip.window_rect()
    assert rect.width() > 10  # the strip follows: the window is not a 4 px sliver


def test_dragging_the_selected_day_event_re_dates_it(view, qtbot):
    from PySide6.QtCore import QPoint

    pos = view.index.position_of_id[1]
    view._select_position(pos, emit=False)
    item = next(p for p in view.current_layout().placed if p.index == pos)
    y = int(item.y - view.verticalScrollBar().value() + view.metrics.row_h / 2)
    x = int(item.mx)
    three_days = int(3 * 86400 * view.time_scale.pps)
    with qtbot.waitSignal(view.event_redated) as sig:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, y))
        move = QPoint(x + three_days, y)
        from PySide6.QtGui import QMouseEvent
        from PySide6.QtWidgets import QApplication

        for p in (QPoint(x + 6, y), move):
            QApplication.sendEvent(
                view.viewport(),
                QMouseEvent(
                    QMouseEvent.Type.MouseMove,
                    QPointF(p),
                    QPointF(view.viewport().mapToGlobal(p)),
                    Qt.MouseButton.NoButton,
                    Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=move)
    assert sig.args == [1, "2024-03-04"]
