"""Spec: the first view fits the dense core; outliers are counted at the edges (issue 14 item 2)."""

from tracker.layout.fit import dense_core, outliers
from tracker.layout.periods import DAY

YEAR = 365.25 * DAY
T2024 = 54 * YEAR  # about 2024 in timeline seconds


def given_a_story_of_a_year_with_two_far_outliers():
    starts = [T2024 + k * DAY * 0.6 for k in range(567)] + [T2024 - 76 * YEAR, T2024 + 18 * YEAR]
    starts.sort()
    ends = [s + DAY for s in starts]
    return starts, ends


def test_the_core_leaves_out_one_event_in_1948_and_one_in_2042():
    starts, ends = given_a_story_of_a_year_with_two_far_outliers()
    left, right = dense_core(starts, ends)
    assert left == starts[1] and right == ends[-2]
    assert right - left < 1.1 * YEAR


def test_a_dense_tail_close_to_the_core_stays_in_it():
    starts = [float(k) * DAY for k in range(100)] + [105.0 * DAY, 110.0 * DAY]
    ends = [s + DAY for s in starts]
    left, right = dense_core(starts, ends)
    assert (left, right) == (0.0, 111.0 * DAY)


def test_importance_decides_what_the_core_is():
    # Ten unimportant asides on the left, three headline events a year later.
    starts = [float(k) * DAY for k in range(10)] + [400.0 * DAY, 401.0 * DAY, 402.0 * DAY]
    ends = [s + DAY for s in starts]
    weights = [0.0] * 10 + [1.0, 1.0, 1.0]
    left, right = dense_core(starts, ends, weights)
    assert left == 400.0 * DAY and right == 403.0 * DAY


def test_no_events_no_core_and_one_event_is_its_own_core():
    assert dense_core([], []) is None
    assert dense_core([5.0], [6.0]) == (5.0, 6.0)


def test_outliers_are_counted_per_edge_with_the_nearest_to_jump_to():
    starts, ends = given_a_story_of_a_year_with_two_far_outliers()
    left, right = dense_core(starts, ends)
    out = outliers(starts, ends, left - DAY, right + DAY)
    assert (out.left, out.right) == (1, 1)
    assert out.left_nearest == starts[0] and out.right_nearest == starts[-1]
    inside = outliers(starts, ends, starts[0] - DAY, ends[-1] + DAY)
    assert (inside.left, inside.right, inside.left_nearest) == (0, 0, None)


def test_background_mentions_of_earlier_years_do_not_stretch_the_first_view():
    # Three weeks of news (80 events a day apart over 20 days) and the usual
    # references back: 14 events scattered over the previous six years.
    story = [T2024 + (k % 20) * DAY for k in range(80)]
    background = [T2024 - (k + 1) * 0.42 * YEAR for k in range(14)]
    starts = sorted(story + background)
    ends = [s + DAY for s in starts]
    left, right = dense_core(starts, ends)
    assert left >= T2024 - DAY and right <= T2024 + 21 * DAY
