"""Spec: the Qt-free session model the panes observe (issue 14 item 5)."""

from tracker.session import Session
from tracker.store.events import EventFilter


def test_panes_hear_each_change_once_and_echoes_are_not_changes():
    session, heard = Session(), []
    stop = session.subscribe(lambda name, value: heard.append((name, value)))
    assert session.select(7) and not session.select(7)
    session.update_filter(search="Oslo")
    session.set_range(1.0, 2.0)
    session.clear_selection()
    assert heard == [
        ("selected", 7),
        ("filter", EventFilter(search="Oslo")),
        ("visible_range", (1.0, 2.0)),
        ("selected", None),
    ]
    stop()
    session.select(3)
    assert len(heard) == 4


def test_f3_steps_through_the_hits_and_wraps():
    session = Session()
    assert session.step_hit() is None
    session.set_hits([4, 9, 2])
    assert [session.step_hit() for _ in range(4)] == [4, 9, 2, 4]
    assert session.step_hit(forward=False) == 2
