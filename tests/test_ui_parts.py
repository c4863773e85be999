"""Specs for the window's parts on their own: date display, settings, drop rules, item models."""

from __future__ import annotations

import dataclasses
import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt, QUrl

from tracker.model import Actor, Article, Event, Passage
from tracker.ui import date_wording
from tracker.ui.article_list import BADGE_ROLE, SUBTITLE_ROLE, ArticleListModel, fit_subtitle
from tracker.ui.drop import classify
from tracker.ui.event_table import EventTable, EventTableModel
from tracker.ui.formatting import format_date, sort_key_date
from tracker.ui.settings import MAX_RECENT, Settings

EXTS = (".txt", ".html", ".pdf")


@pytest.mark.parametrize(
    ("value", "granularity", "shown"),
    [
        ("2024-11-13", "day", "13 Nov 2024"),
        ("2024-11", "month", "Nov 2024"),
        ("2024", "year", "2024"),
        ("2024-W46", "week", "Week 46, 2024"),
        ("2024-Q3", "quarter", "Q3 2024"),
        ("2024-SU", "season", "Summer 2024"),
        ("202", "decade", "2020s"),
        ("2025-01-20T12:00", "time", "20 Jan 2025 12:00"),
        ("20", "century", "21st century"),
        ("18", "century", "19th century"),
        ("2024-13-01", "day", "2024-13-01"),  # a bad month is shown as is, never a crash
        ("2024-00", "month", "2024-00"),
        (None, None, "undated"),
    ],
)
def test_dates_are_shown_at_their_own_granularity(value, granularity, shown):
    assert format_date(value, granularity) == shown


def test_dates_sort_by_the_first_day_they_cover_whatever_their_granularity():
    values = [None, "2024-12-01", "garbage", "2024-W46", "2024-11", "2024-11-01", "2024-Q3", "199"]
    assert sorted(values, key=sort_key_date) == [
        "199",
        "2024-Q3",
        "2024-11",  # coarser first on the same day
        "2024-11-01",
        "2024-W46",  # 11 Nov
        "2024-12-01",
        "garbage",  # unplaceable values after every date
        None,
    ]


def test_settings_round_trip_through_a_temporary_file(tmp_path):
    s = Settings(tmp_path / "ui.ini")
    assert s.recent_databases == [] and s.lane_mode == "none"
    s.geometry = QByteArray(b"\x01\x02")
    s.last_import_dir = "/data/news"
    for i in range(MAX_RECENT + 3):
        s.add_recent_database(tmp_path / f"db{i}.db")
    s.add_recent_database(tmp_path / "db5.db")
    s.sync()
    again = Settings(tmp_path / "ui.ini")
    assert again.path == str(tmp_path / "ui.ini")
    assert bytes(again.geometry) == b"\x01\x02"
    assert again.last_import_dir == "/data/news"
    recent = again.recent_databases
    assert len(recent) == MAX_RECENT and Path(recent[0]).name == "db5.db"
    assert len(set(recent)) == len(recent)


def test_a_single_recent_database_survives_ini_storage(tmp_path):
    s = Settings(tmp_path / "ui.ini")
    s.add_recent_database(tmp_path / "only.db")
    s.sync()
    assert Settings(tmp_path / "ui.ini").recent_databases == [str((tmp_path / "only.db").resolve())]


def _mime(urls=(), text=None, html=None) -> QMimeData:
    m = QMimeData()
    if urls:
        m.setUrls([QUrl(u) if "://" in u else QUrl.fromLocalFile(u) for u in urls])
    if text is not None:
        m.setText(text)
    if html is not None:
        m.setHtml(html)
    return m


def test_local_files_and_folders_are_accepted(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    plan = classify(_mime([str(tmp_path / "a.txt"), str(tmp_path)]), EXTS)
    assert plan.kind == "files" and len(plan.files) == 2


def test_only_unsupported_files_are_refused(tmp_path):
    plan = classify(_mime([str(tmp_path / "setup.exe")]), EXTS)
    assert plan.kind == "unsupported" and not plan.accepted


def test_a_browser_link_drag_is_a_remote_url_not_an_article():
    url = "https://example.org/2024/11/13/summit.html"
    plan = classify(_mime([url], text=url, html=f'<a href="{url}">Summit</a>'), EXTS)
    assert plan.kind == "remote" and plan.remote == [url]


def test_selected_text_dragged_from_a_browser_is_an_article():
    body = "Ministers met in Brussels on Wednesday to discuss support for Ukraine."
    plan = classify(_mime(text=body, html=f"<p>{body}</p>"), EXTS)
    assert plan.kind == "text" and plan.text == body and "<p>" in plan.html


def _event(i: int, date: str, gran: str, title: str, sources: int = 1) -> Event:
    passages = tuple(
        Passage(
            article_id=a,
            sentence_start=0,
            sentence_end=5,
            timex_start=0,
            timex_end=2,
            timex="on",
            quote="quote",
        )
        for a in range(1, sources + 1)
    )
    return Event(
        id=i, date=date, granularity=gran, title=title, actors=(Actor("NATO"),), passages=passages
    )


def test_event_model_passes_the_qt_model_tester(qtmodeltester):
    model = EventTableModel()
    model.set_events(
        [_event(1, "2024-11-13", "day", "Meeting"), _event(2, "2024-11", "month", "Talks")]
    )
    qtmodeltester.check(model)


def test_event_table_sorts_chronologically_and_by_sources(qtbot):
    table = EventTable()
    qtbot.addWidget(table)
    table.set_events(
        [
            _event(1, "2025-01-20", "day", "Inauguration"),
            _event(2, "2024-11", "month", "Talks", sources=3),
            _event(3, "2024-11-13", "day", "Meeting", sources=2),
            _event(4, "2024", "year", "Election year"),
        ]
    )
    m = table.model()
    shown = [m.index(r, 0).data() for r in range(m.rowCount())]
    assert shown == ["2024", "Nov 2024", "13 Nov 2024", "20 Jan 2025"]
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert [table.event_id_at(r) for r in range(2)] == [2, 3]


def _article(**kw) -> Article:
    fields = {"id": 1, "title": "Envoys meet", "text": "Envoys met on Wednesday.", "event_count": 1}
    return Article(**(fields | kw))


def test_article_list_shows_an_unknown_date_with_its_suggestion_never_as_the_date(qtmodeltester):
    model = ArticleListModel()
    a = _article(anchor_date=None, date_source="none", suggested_date="2024-11-13")
    model.set_articles([a])
    qtmodeltester.check(model)
    idx = model.index(0)
    assert idx.data(BADGE_ROLE) == "date unknown"
    assert idx.data(SUBTITLE_ROLE) == "suggested 13 Nov 2024 · 1 event"
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "Publication date unknown" in tip and "Published:" not in tip
    assert "Suggested: 13 Nov 2024 — only a suggestion" in tip
    assert date_wording.date_line(a, origin="file date") == (
        "date unknown · suggested: 13 Nov 2024 (file date)"
    )


def test_a_narrow_list_drops_the_event_count_before_the_suggestion():
    sub = "suggested 7 Mar 2025 · 2 events"
    assert fit_subtitle(sub, len, 40) == sub
    assert fit_subtitle(sub, len, 25) == "suggested 7 Mar 2025"
    assert fit_subtitle(sub, len, 5) == "suggested 7 Mar 2025"  # then elided by the painter


def test_an_undated_article_without_a_suggestion_says_only_unknown():
    a = _article(anchor_date=None, date_source="none")
    assert date_wording.badge(a) == "date unknown"
    assert date_wording.date_line(a) == "date unknown"
    assert date_wording.subtitle(a) == "1 event"
    assert "Use suggested dates" not in date_wording.tooltip(a)


def test_an_accepted_suggestion_keeps_a_review_badge(qtmodeltester):
    model = ArticleListModel()
    a = _article(anchor_date="2024-11-13", date_source="assumed", suggested_date="2024-11-13")
    model.set_articles([a])
    qtmodeltester.check(model)
    idx = model.index(0)
    assert idx.data(BADGE_ROLE) == "date assumed"
    assert idx.data(SUBTITLE_ROLE) == "13 Nov 2024 · 1 event"
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "Published: 13 Nov 2024 · assumed, please review" in tip
    assert "suggested:" not in tip  # it is the date now, badged, not a suggestion


def test_a_dateline_year_says_how_the_year_was_inferred():
    a = _article(
        anchor_date="2024-11-12",
        date_source="dateline+year",
        date_note="year 2024 from the file name or folder",
        event_count=3,
    )
    assert date_wording.badge(a) is None
    assert date_wording.date_line(a) == (
        "12 Nov 2024 · from the dateline, year inferred (year 2024 from the file name or folder)"
    )
    assert date_wording.subtitle(a) == "12 Nov 2024 · year inferred · 3 events"


def test_a_more_precise_note_replaces_the_source_label():
    meta = _article(
        anchor_date="2024-11-12", date_source="meta", date_note="from the page's metadata"
    )
    assert date_wording.date_line(meta) == "12 Nov 2024 · from the page's metadata"
    plain = _article(
        anchor_date="2024-11-12", date_source="dateline", date_note="from the dateline"
    )
    assert date_wording.date_line(plain) == "12 Nov 2024 · from the dateline"
    legacy = _article(anchor_date="2024-11-12", date_source="file")  # an unknown source string
    assert date_wording.date_line(legacy) == "12 Nov 2024 · file"


def test_a_suggestion_names_the_file_date_when_it_is_the_file_date(tmp_path):
    p = tmp_path / "geneva.txt"
    p.write_text("Envoys met on Wednesday.", encoding="utf-8")
    stamp = datetime(2024, 11, 13, 12, 0).timestamp()
    os.utime(p, (stamp, stamp))
    a = _article(anchor_date=None, date_source="none", suggested_date="2024-11-13", path=str(p))
    assert date_wording.suggestion_text(a) == "suggested: 13 Nov 2024 (file date)"
    updated = _article(
        anchor_date=None,
        date_source="none",
        suggested_date="2024-11-14",
        text="Updated 14 November 2024\nEnvoys met on Wednesday.",
    )
    assert date_wording.suggestion_text(updated) == "suggested: 14 Nov 2024 (“Updated” line)"
    # Lists load no text: a file untouched since the import, whose day differs, means the
    # text gave the suggestion; a file edited since the import leaves it unsaid.
    from_text = _article(
        anchor_date=None,
        date_source="none",
        suggested_date="2024-11-10",
        path=str(p),
        text="",
        imported_at="2024-11-20T09:00:00+00:00",
    )
    assert date_wording.suggestion_origin(from_text) == "“Updated” line"
    edited = dataclasses.replace(from_text, imported_at="2024-11-01T09:00:00+00:00")
    assert date_wording.suggestion_origin(edited) == ""
