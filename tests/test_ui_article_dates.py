"""Specs for dating articles in the window: many at once, by their suggestions, from the review list.

Articles are dropped as real files on the real worker thread; an undated one's
suggestion is its file's modification day, set here with ``os.utime``. Every
change of dates must be one undo step that puts back each article's own date.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from test_ui_window import (
    FRIDAY,
    SUMMIT,
    UNDATED,
    VOTE,
    close_window,
    drop_files,
    shown_window,
    undated_file,
    write,
)

from tracker import services
from tracker.ui.article_list import BADGE_ROLE

VIENNA = """Talks resume in Vienna

Negotiators from Austria and Hungary resumed talks in Vienna on Monday over river shipping quotas.
"""
JUNE_FRIDAY = date(2024, 6, 14)  # "on Monday" is 10 June

PASTED = """Ministers review port rules

Port ministers from Greece and Cyprus reviewed ferry rules in Piraeus on Thursday.
"""


@pytest.fixture
def window(qtbot, tmp_path):
    win = shown_window(qtbot, tmp_path)
    yield win
    close_window(win)


def given_a_dated_and_two_undated_articles(qtbot, window, tmp_path) -> dict[str, int]:
    summary = drop_files(
        qtbot,
        window,
        write(tmp_path, "summit.txt", SUMMIT),
        write(tmp_path, "vote.txt", VOTE),
        undated_file(tmp_path, "geneva.txt", UNDATED, FRIDAY),
        undated_file(tmp_path, "vienna.txt", VIENNA, JUNE_FRIDAY),
    )
    ids = {r.path.rsplit("/", 1)[-1].removesuffix(".txt"): r.article_id for r in summary.results}
    assert all(ids.values()), summary.results
    return ids


def dates_of(window) -> dict[int, tuple[str | None, str]]:
    """The dates the window shows (refreshed once the worker has finished, not before)."""
    return {a.id: (a.anchor_date, a.date_source) for a in window.articles.values()}


def menu_action(menu, text: str):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def right_click_menu(window, article_id: int):
    row = window.article_list.list_model.row_of(article_id)
    return window.article_list.context_menu_for(window.article_list.list_model.index(row))


def answer_with(day: date):
    def answer(dialog):
        dialog.date_edit.setDate(day)
        return True

    return answer


def test_one_date_for_many_articles_is_one_undo_step_that_restores_each_own_date(
    qtbot, window, tmp_path
):
    ids = given_a_dated_and_two_undated_articles(qtbot, window, tmp_path)
    before = dates_of(window)
    assert before[ids["summit"]] == ("2024-11-13", "dateline")
    assert before[ids["geneva"]] == (None, "none")
    events_before = sorted((e.id, e.date) for e in window.events)
    chosen = [ids["summit"], ids["geneva"], ids["vienna"]]
    assert window.article_list.select_articles(chosen) == 3
    menu = right_click_menu(window, ids["geneva"])  # inside the selection: keeps it
    assert window.article_list.selected_article_ids() == sorted(
        chosen, key=window.article_list.list_model.row_of
    )
    window.ask = answer_with(date(2025, 3, 7))
    menu_action(menu, "Set publication date…").trigger()
    qtbot.waitUntil(lambda: dates_of(window)[ids["vienna"]] == ("2025-03-07", "user"))
    after = dates_of(window)
    assert {i: after[i] for i in chosen} == {i: ("2025-03-07", "user") for i in chosen}
    assert after[ids["vote"]] == before[ids["vote"]]  # not selected, not touched
    assert window.undo_stack.count() == 1
    n_events = sum(window.articles[i].event_count for i in chosen)
    assert window.statusBar().currentMessage() == (
        f"Dated 3 articles; {n_events} events re-dated — Undo (Ctrl+Z)"
    )
    assert window.article_list.selected_article_ids() == sorted(
        chosen, key=window.article_list.list_model.row_of
    )  # the refresh kept the selection

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: dates_of(window) == before)
    assert sorted((e.id, e.date) for e in window.events) == events_before

    window.undo_stack.redo()
    qtbot.waitUntil(lambda: dates_of(window)[ids["summit"]] == ("2025-03-07", "user"))
    assert {i: dates_of(window)[i] for i in chosen} == {i: ("2025-03-07", "user") for i in chosen}


def test_use_suggested_dates_gives_each_article_its_own_suggestion(qtbot, window, tmp_path):
    ids = given_a_dated_and_two_undated_articles(qtbot, window, tmp_path)
    pasted = services.import_text(window.db, PASTED).article_id  # no file: no suggestion
    window.refresh()
    assert window.articles[pasted].date_unknown and window.articles[pasted].suggested_date is None
    before = dates_of(window)
    window.article_list.select_articles(list(window.articles))  # everything, dated or not
    articles_menu = window.menuBar().findChild(QMenu, "articlesMenu")
    menu_action(articles_menu, "Use suggested dates").trigger()
    qtbot.waitUntil(lambda: dates_of(window)[ids["vienna"]][1] == "assumed")
    after = dates_of(window)
    assert after[ids["geneva"]] == ("2025-03-07", "assumed")
    assert after[ids["vienna"]] == ("2024-06-14", "assumed")
    assert after[pasted] == (None, "none")
    assert after[ids["summit"]] == before[ids["summit"]]
    message = window.statusBar().currentMessage()
    assert message.startswith("Dated 2 articles;")
    assert "(skipped 1 without a suggestion and 2 already dated)" in message
    # Each article's relative dates follow its own suggestion, and it stays badged for review.
    days = {e.date for e in window.events}
    assert {"2025-03-05", "2024-06-10"} <= days
    row = window.article_list.list_model.row_of(ids["geneva"])
    assert window.article_list.list_model.index(row).data(BADGE_ROLE) == ("date assumed")

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: dates_of(window) == before)
    assert not {"2025-03-05", "2024-06-10"} & {e.date for e in window.events}


def test_the_import_report_opens_the_undated_for_review_and_dates_them(qtbot, window, tmp_path):
    ids = given_a_dated_and_two_undated_articles(qtbot, window, tmp_path)
    report = window.report_dialog
    assert report.review_button.text() == "Review undated (2)…"
    qtbot.mouseClick(report.review_button, Qt.MouseButton.LeftButton)
    review = window.review_dialog
    assert review is not None and review.isVisible()
    assert sorted(review.selected_ids()) == sorted([ids["geneva"], ids["vienna"]])
    rows = {
        review.table.item(r, 0).text(): review.table.item(r, 2).text()
        for r in range(review.table.rowCount())
    }
    assert rows == {
        "Envoys gather in Geneva": "7 Mar 2025 (file date)",
        "Talks resume in Vienna": "14 Jun 2024 (file date)",
    }
    qtbot.mouseClick(review.use_suggested_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dates_of(window)[ids["geneva"]] == ("2025-03-07", "assumed"))
    assert dates_of(window)[ids["vienna"]] == ("2024-06-14", "assumed")
    # The report and the review list follow: no undated article left, two to check.
    qtbot.waitUntil(lambda: not report.review_button.isEnabled())
    statuses = {report.table.item(r, 1).text() for r in range(report.table.rowCount())}
    assert statuses == {"imported", "imported, date assumed"}
    assert [review.table.item(r, 1).text() for r in range(review.table.rowCount())] == [
        "7 Mar 2025 (assumed)",
        "14 Jun 2024 (assumed)",
    ]


def test_review_undated_is_in_the_articles_menu_and_selects_in_the_list(qtbot, window, tmp_path):
    ids = given_a_dated_and_two_undated_articles(qtbot, window, tmp_path)
    window.report_dialog.close()
    window.actions_.review_undated.trigger()
    review = window.review_dialog
    assert review.isVisible() and review.table.rowCount() == 2
    qtbot.mouseClick(review.show_button, Qt.MouseButton.LeftButton)
    assert sorted(window.article_list.selected_article_ids()) == sorted(
        [ids["geneva"], ids["vienna"]]
    )
    window.ask = answer_with(date(2024, 11, 15))
    window.actions_.set_article_date.trigger()  # Articles › Set publication date… (Ctrl+D)
    qtbot.waitUntil(lambda: dates_of(window)[ids["vienna"]] == ("2024-11-15", "user"))
    assert dates_of(window)[ids["geneva"]] == ("2024-11-15", "user")
    qtbot.waitUntil(lambda: review.table.rowCount() == 0)
    assert "Every article has a date" in review.summary.text()


def test_ctrl_and_shift_clicks_select_many_and_a_refresh_keeps_them(qtbot, window, tmp_path):
    ids = given_a_dated_and_two_undated_articles(qtbot, window, tmp_path)
    lst = window.article_list

    def click(article_id, modifier=Qt.KeyboardModifier.NoModifier):
        rect = lst.visualRect(lst.list_model.index(lst.list_model.row_of(article_id)))
        qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())

    click(ids["geneva"])
    assert window.article_view.article.id == ids["geneva"]
    click(ids["summit"], Qt.KeyboardModifier.ControlModifier)
    assert window.article_view.article.id == ids["summit"]  # the last one clicked is open
    assert set(lst.selected_article_ids()) == {ids["geneva"], ids["summit"]}
    window.ask = answer_with(date(2024, 11, 20))
    window.actions_.set_article_date.trigger()
    qtbot.waitUntil(lambda: dates_of(window)[ids["geneva"]] == ("2024-11-20", "user"))
    assert set(lst.selected_article_ids()) == {ids["geneva"], ids["summit"]}
    assert window.article_panel.header_text.splitlines()[1] == "20 Nov 2024 · set by you"
    click(ids["summit"], Qt.KeyboardModifier.ControlModifier)  # Ctrl-click again: deselects
    assert lst.selected_article_ids() == [ids["geneva"]]
