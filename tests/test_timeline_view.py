"""Specs for the timeline widget: zoom, fit, selection sync, keys, overview, export."""

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from tracker.model import Actor, Event
from tracker.ui.timeline import TimelinePanel, TimelineView


def make_events(n=40):
    base = datetime(2024, 3, 1)
    events = []
    for i in range(n):
        date = (base + timedelta(days=3 * i)).strftime("%Y-%m-%d")
        events.append(
            Event(
                i + 1,
                date,
                f"Delegations meet, round {i + 1}",
                granularity="day",
                type=("meeting", "aid", "military")[i % 3],
                importance=0.5,
                actors=(Actor("France" if i % 2 else "Kenya", "country"),),
            )
        )
    events.append(
        Event(100, "2024-07", "Talks run all month", granularity="month", type="agreement")
    )
    return events


@pytest.fixture
def view(qtbot):
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_events(make_events())
    return widget


def wheel(view, x, delta, modifiers):
    pos = QPointF(x, 200)
    event = QWheelEvent(
        pos,
        view.viewport().mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def point_of(view, event_id):
    layout = view.current_layout()
    pos = view.index.position_of_id[event_id]
    item = next(p for p in layout.placed if p.index == pos)
    y = item.y + view.metrics.row_h / 2 - view.verticalScrollBar().value()
    return item, QPoint(round(item.mx), round(y))


def test_the_widget_is_named_for_the_main_window(view):
    assert view.objectName() == "timelineView"


def test_ctrl_wheel_zoom_keeps_the_time_under_the_cursor(view):
    before = view.time_scale
    t_under = before.t_of(300)
    wheel(view, 300, 120, Qt.KeyboardModifier.ControlModifier)
    after = view.time_scale
    assert after.pps > before.pps * 1.1
    assert after.t_of(300) == pytest.approx(t_under, abs=1.0)


def test_trackpad_pinch_zooms_around_the_fingers(view):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    before = view.time_scale
    t_under = before.t_of(250)
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        QPointF(250, 100),
        QPointF(250, 100),
        QPointF(250, 100),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view.viewport(), pinch)
    assert view.time_scale.pps == pytest.approx(before.pps * 1.5)
    assert view.time_scale.t_of(250) == pytest.approx(t_under, abs=1.0)


def test_plain_wheel_pans_without_zooming(view):
    before = view.time_scale
    wheel(view, 300, -120, Qt.KeyboardModifier.NoModifier)
    assert view.time_scale.pps == before.pps
    assert view.time_scale.t_left > before.t_left


def test_fit_all_shows_every_event(view):
    view.zoom_at(50, 100)
    view.fit_all()
    scale = view.time_scale
    assert scale.t_left <= min(view.index.starts)
    assert scale.t_right >= max(view.index.ends)
    assert len(view.current_layout().placed) == len(view.index)


def test_zoom_buttons_are_bounded(view):
    for _ in range(60):
        view.zoom_in()
    assert view.time_scale.span == pytest.approx(3600)


def test_select_event_highlights_without_emitting(view, qtbot):
    with qtbot.assertNotEmitted(view.event_selected):
        view.select_event(7)
    assert view.selected_event_id() == 7
    item, _pos = point_of(view, 7)
    image = view.viewport().grab().toImage()
    halo = QColor(
        image.pixel(round(item.right) - 3, round(item.y - view.verticalScrollBar().value()) + 4)
    )
    assert halo.red() > 200 and halo.blue() < 150  # the yellow selection halo


def test_clicking_an_event_emits_its_id(view, qtbot):
    _item, pos = point_of(view, 12)
    with qtbot.waitSignal(view.event_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [12]
    assert view.selected_event_id() == 12


def test_double_click_activates_the_event(view, qtbot):
    _item, pos = point_of(view, 5)
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [5]


def test_right_arrow_goes_to_the_next_event_and_enter_opens_it(view, qtbot):
    view.select_event(3)
    with qtbot.waitSignal(view.event_selected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert blocker.args == [4]
    with qtbot.waitSignal(view.event_activated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [4]


def test_dragging_pans_the_timeline(view, qtbot):
    before = view.time_scale.t_left
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=QPoint(500, 460))
    qtbot.mouseMove(vp, QPoint(520, 460))
    qtbot.mouseMove(vp, QPoint(600, 460))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=QPoint(600, 460))
    assert view.time_scale.t_left == pytest.approx(before - 100 / view.time_scale.pps)


def test_lane_mode_by_country_puts_events_in_country_lanes(view):
    view.set_lane_mode("country")
    titles = [lane.title for lane in view.current_layout().lanes]
    assert titles == ["France", "Kenya", "(no country)"]
    with pytest.raises(ValueError):
        view.set_lane_mode("planet")


def test_zoom_to_selection_frames_the_selected_event(view):
    view.select_event(100)
    view.zoom_to_selection()
    scale = view.time_scale
    start, end = (
        view.index.starts[view.index.position_of_id[100]],
        view.index.ends[view.index.position_of_id[100]],
    )
    assert scale.t_left <= start and scale.t_right >= end
    assert scale.span < 4 * (end - start)


def test_export_writes_png_at_twice_the_size_and_svg(view, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    view.export_image(str(png), scale=2.0)
    view.export_image(str(svg))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (
        2 * view.viewport().width(),
        2 * view.viewport().height(),
    )
    text = svg.read_text()
    assert "<svg" in text and "Delegations meet" in text


def test_context_menu_actions_is_a_live_list(view):
    actions = view.context_menu_actions()
    actions.append("sentinel")
    assert view.context_menu_actions()[-1] == "sentinel"


def test_panel_overview_drag_moves_the_view_and_combo_sets_lanes(qtbot):
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.set_events(make_events())
    panel.view.zoom_at(8, 500)
    strip = panel.overview
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() - 20, 10))
    scale = panel.view.time_scale
    target = strip._t_of(strip.width() - 20)
    assert scale.t_of(scale.width / 2) == pytest.approx(target, rel=1e-6)
    panel.lane_combo.setCurrentIndex(panel.lane_combo.findData("type"))
    assert panel.view.lane_mode() == "type"
    assert panel.findChild(TimelineView, "timelineView") is panel.view


def test_context_menu_offers_open_copy_and_the_windows_actions(view, qtbot):
    from PySide6.QtGui import QAction

    curate = QAction("Delete event", view)
    view.context_menu_actions().append(curate)
    _item, pos = point_of(view, 9)
    with qtbot.waitSignal(view.event_selected) as blocker:
        menu = view.context_menu_at(QPointF(pos))
    assert blocker.args == [9]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Open article", "Copy"] and texts[-1] == "Delete event"
    next(a for a in menu.actions() if a.text() == "Copy").trigger()
    assert "Delegations meet, round 9" in QApplication.clipboard().text()


def test_hover_tooltip_names_date_actors_and_sources(view):
    text = view.tooltip_html(view.index.position_of_id[2])
    assert "round 2" in text and "4 Mar 2024" in text and "France" in text and "Sources: 1" in text


def test_reloading_events_keeps_the_users_zoom(view):
    view.zoom_at(4, 200)
    scale = view.time_scale
    view.set_events(make_events(30))
    assert view.time_scale == scale
