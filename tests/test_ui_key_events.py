"""Specs for the "Key events" control and the details of a fused event in the window."""

from __future__ import annotations

import pytest
from story_corpus import OTHER_NEWS, SUMMIT_REPORTS, given_articles

from tracker import services
from tracker.ui import create_window
from tracker.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path):
    db = services.open_db(tmp_path / "tracker.db")
    given_articles(db, SUMMIT_REPORTS + OTHER_NEWS)
    db.close()
    win = create_window(tmp_path / "tracker.db", settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.show()
    win.refresh()
    yield win
    win.close()


def choose_level(win, label: str) -> None:
    win.filters.level.setCurrentText(label)
    win.refresh()


def test_top_level_filters_the_table_and_the_timeline(window):
    everything = window.table.model().rowCount()
    assert everything == len(window.timeline_view.index.events) >= 3
    choose_level(window, "Key events")
    key = window.table.model().rowCount()
    assert 1 <= key < everything  # the level leaves some events out
    assert len(window.timeline_view.index.events) == key
    assert all(e.importance >= 0.5 for e in window.events)
    choose_level(window, "All events")
    assert window.table.model().rowCount() == everything


def test_details_show_every_source_and_the_dates_they_disagree_on(window):
    summit = next(e for e in window.events if e.date == "2023-05-10")
    window.select_event(summit.id)
    text = window.source_pane.toPlainText()
    assert "5 independent articles" in text
    assert "Sources disagree" in text and "8 May 2023" in text
    assert "Source passages (5)" in text
