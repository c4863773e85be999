"""Specs for the time scale (zoom, pan, bounds) and the adaptive axis ticks."""

from datetime import datetime

import pytest

from tracker.layout import (
    MAX_SPAN,
    MIN_SPAN,
    TimeScale,
    axis_for,
    to_datetime,
    to_seconds,
    weekend_spans,
)
from tracker.layout.periods import DAY

WIDTH = 1200.0


def scale_showing(span_seconds, centre=datetime(2024, 6, 15)):
    return TimeScale(0.0, 1.0, WIDTH).showing(
        to_seconds(centre) - span_seconds / 2, to_seconds(centre) + span_seconds / 2, margin=0
    )


def test_zooming_keeps_the_time_under_the_anchor_where_it_was():
    scale = scale_showing(365 * DAY)
    t_under = scale.t_of(300)
    zoomed = scale.zoomed(3.0, 300)
    assert zoomed.pps == pytest.approx(scale.pps * 3)
    assert zoomed.t_of(300) == pytest.approx(t_under)


def test_zoom_is_bounded_between_about_an_hour_and_six_centuries():
    scale = scale_showing(30 * DAY)
    assert scale.zoomed(1e9).span == pytest.approx(MIN_SPAN)
    assert scale.zoomed(1e-9).span == pytest.approx(MAX_SPAN)


def test_panning_moves_time_by_the_dragged_pixels():
    scale = scale_showing(10 * DAY)
    panned = scale.panned(120)
    assert panned.t_left == pytest.approx(scale.t_left - 120 / scale.pps)


def test_showing_a_range_puts_all_of_it_on_screen():
    start, end = to_seconds(datetime(2001, 1, 1)), to_seconds(datetime(2024, 1, 1))
    scale = TimeScale(0, 1, WIDTH).showing(start, end)
    assert scale.t_left < start and scale.t_right > end


def labels(axis_ticks):
    return [t.label for t in axis_ticks]


@pytest.mark.parametrize(
    "span, unit, sample",
    [
        (550 * 365.25 * DAY, "centuries", "1900s"),
        (300 * 365.25 * DAY, "decades", "00s"),
        (20 * 365.25 * DAY, "years", "2020"),
        (8 * 365.25 * DAY, "quarters", "Q3"),
        (2 * 365.25 * DAY, "months", "Jun"),
        (120 * DAY, "weeks", "10 Jun"),
        (20 * DAY, "days", "15"),
        (2 * DAY, "hours", "12:00"),
        (3600, "minutes", "00:00"),
    ],
)
def test_ticks_adapt_from_centuries_down_to_minutes(span, unit, sample):
    axis = axis_for(scale_showing(span))
    assert axis.unit.name == unit
    assert len(axis.minor) >= 2
    if sample is not None:
        assert any(label.endswith(sample) for label in labels(axis.minor)), labels(axis.minor)
    spacing = [
        (b.t - a.t) * scale_showing(span).pps
        for a, b in zip(axis.minor, axis.minor[1:], strict=False)
    ]
    assert min(spacing) >= axis.unit.min_px * 0.85  # labels have room (months vary in length)


def test_month_ticks_fall_on_the_first_of_each_month_and_years_label_the_upper_band():
    axis = axis_for(scale_showing(365 * DAY))
    assert axis.unit.name == "months"
    assert all(to_datetime(t.t).day == 1 and to_datetime(t.t).hour == 0 for t in axis.minor)
    assert "2024" in labels(axis.major)


def test_week_ticks_start_on_monday():
    axis = axis_for(scale_showing(120 * DAY))
    assert all(to_datetime(t.t).weekday() == 0 for t in axis.minor)


def test_weekends_are_shaded_only_when_days_are_wide_enough():
    assert weekend_spans(scale_showing(3 * 365 * DAY)) == []
    spans = weekend_spans(scale_showing(21 * DAY))
    assert len(spans) >= 3
    assert all(to_datetime(a).weekday() == 5 and b - a == 2 * DAY for a, b in spans)
