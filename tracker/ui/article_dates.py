"""The main window's article-date commands: set one date for many, use suggestions, review.

A mixin over MainWindow, beside the ``FileController``. Every change of dates, for one
article or three hundred, is one ``ReanchorArticlesCommand``: one
``services.reanchor_many`` transaction on the database worker, one undo step
that puts back each article's own previous date and source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QKeySequence

from tracker import services
from tracker.model import Article, DateSource
from tracker.ui.commands import Change, ReanchorArticlesCommand
from tracker.ui.dialogs import ArticleDateDialog
from tracker.ui.event_edits import plural as _plural
from tracker.ui.formatting import format_date
from tracker.ui.review_dialog import UndatedReviewDialog


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class ArticleDatesMixin:
    review_dialog: UndatedReviewDialog | None = None

    # -- which articles ---------------------------------------------------------------
    def _chosen_article_ids(self) -> list[int]:
        """The articles a date action applies to: the list's selection, else the open article."""
        ids = self.article_list.selected_article_ids()
        if ids:
            return ids
        art = self.article_view.article
        aid = art.id if art else self.article_list.current_article_id()
        return [aid] if aid is not None else []

    def _articles(self, ids: Sequence[int]) -> list[Article]:
        out = []
        for i in ids:
            a = services.get_article(self.db, i)
            if a is not None:
                out.append(a)
        return out

    # -- one date for all -------------------------------------------------------------
    def set_current_article_date(self) -> None:
        ids = self._chosen_article_ids()
        if not ids:
            self.statusBar().showMessage("Select an article first.", 4000)
            return
        self.set_articles_date(ids)

    def set_article_date(self, article_id: int) -> None:
        self.set_articles_date([article_id])

    def set_articles_date(self, article_ids: Sequence[int]) -> None:
        """Ask for one publication date and give it to every article in ``article_ids``."""
        arts = self._articles(article_ids)
        if not arts:
            return
        if len(arts) == 1:
            a = arts[0]
            dlg = ArticleDateDialog(self, title=a.title, current=a.anchor_date or a.suggested_date)
        else:
            known = [a.anchor_date for a in arts if a.anchor_date]
            start = known[0] if known else next((a.suggested_date for a in arts), None)
            dlg = ArticleDateDialog(
                self,
                title=f"{len(arts)} selected articles",
                current=start,
                message=f"All {len(arts)} articles get this publication date, and the "
                "relative dates in each are worked out from it. One Undo puts back "
                "each article's own date.",
            )
        if self.ask(dlg):
            when = dlg.chosen_date()
            self.reanchor_articles([(a.id, when, DateSource.USER.value) for a in arts])

    def reanchor_article(self, article_id: int, new_date: date) -> None:
        """Set one article's real date (undoable); its relative dates re-resolve on the worker."""
        self.reanchor_articles([(article_id, new_date, DateSource.USER.value)])

    # -- each its own suggestion ------------------------------------------------------
    def use_suggested_dates(self, article_ids: Sequence[int] | None = None) -> int:
        """Date each undated article by its own suggestion ("assumed", still badged for review).

        Articles with no suggestion, or that already have a date, are skipped and
        counted in the status bar. Returns how many articles are being dated.
        """
        ids = list(article_ids) if article_ids is not None else self._chosen_article_ids()
        arts = self._articles(ids)
        undated = [a for a in arts if a.date_unknown]
        changes = [
            (a.id, _day(a.suggested_date), DateSource.ASSUMED.value)
            for a in undated
            if a.suggested_date
        ]
        skipped = []
        if len(undated) > len(changes):
            skipped.append(f"{len(undated) - len(changes)} without a suggestion")
        if len(arts) > len(undated):
            skipped.append(f"{len(arts) - len(undated)} already dated")
        note = f" (skipped {' and '.join(skipped)})" if skipped else ""
        if not changes:
            self.statusBar().showMessage(f"No suggested date to use{note}.", 8000)
            return 0
        self.reanchor_articles(changes, note=note)
        return len(changes)

    # -- the one undoable step ---------------------------------------------------------
    def reanchor_articles(self, changes: Sequence[Change], note: str = "") -> None:
        """Set many articles' dates as one undo step; undo restores each one's date and source."""
        arts = {a.id: a for a in self._articles([c[0] for c in changes])}
        new = [c for c in changes if c[0] in arts]
        if not new:
            return
        old: list[Change] = [
            (c[0], _day(arts[c[0]].anchor_date), arts[c[0]].date_source, arts[c[0]].date_note)
            for c in new
        ]
        if len(new) == 1:
            text = f"Set date of “{arts[new[0][0]].title}”"
        else:
            text = f"Set dates of {len(new)} articles"

        def done(applied: list[Change], counts: list[int], undone: bool) -> None:
            self._dates_changed(applied, counts, note="" if undone else note, undone=undone)

        self.undo_stack.push(ReanchorArticlesCommand(self.write, new, old, text, on_done=done))

    def _dates_changed(
        self, changes: list[Change], counts: list[int], note: str = "", undone: bool = False
    ) -> None:
        n, events = len(changes), sum(counts)
        redated = f"{_plural(events, 'event')} re-dated"
        if undone:
            msg = f"Put back the dates of {_plural(n, 'article')}; {redated} — {self._keys('Redo')}"
        elif n == 1 and changes[0][1] is not None:
            day = format_date(changes[0][1].isoformat())
            msg = f"Article date set to {day}; {redated}{note} — {self._keys('Undo')}"
        else:
            msg = f"Dated {_plural(n, 'article')}; {redated}{note} — {self._keys('Undo')}"
        self.statusBar().showMessage(msg, 10000)
        if self.last_import is not None:
            # The report's "date unknown" rows follow the articles' dates.
            source = {c[0]: c[2] for c in changes}
            results = tuple(
                dataclasses.replace(
                    r,
                    date_assumed=DateSource(source[r.article_id]).needs_review,
                    date_source=source[r.article_id],
                )
                if r.article_id in source
                else r
                for r in self.last_import.results
            )
            self.last_import = dataclasses.replace(self.last_import, results=results)
            if self.report_dialog is not None:
                self.report_dialog.set_results(results, self.last_import.cancelled, self.articles)

    def _keys(self, name: str) -> str:
        """ "Undo (Ctrl+Z)": the action's name with its shortcut on this platform."""
        act = self.actions_.undo if name == "Undo" else self.actions_.redo
        keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return f"{name} ({keys})" if keys else name

    # -- the review list -----------------------------------------------------------------
    def review_undated(self, article_ids: Sequence[int] | None = None) -> UndatedReviewDialog:
        """Open the list of articles whose date needs review; ``article_ids`` are preselected
        (default: every article with no date)."""
        if self.review_dialog is None:
            self.review_dialog = dlg = UndatedReviewDialog(self)
            dlg.set_dates_requested.connect(self.set_articles_date)
            dlg.use_suggested_requested.connect(self.use_suggested_dates)
            dlg.show_requested.connect(self.show_in_article_list)
        to_review = [a for a in self.articles.values() if a.date_assumed]
        if article_ids is None:
            article_ids = [a.id for a in to_review if a.date_unknown]
        self.review_dialog.set_articles(to_review, select=article_ids)
        self.review_dialog.show()
        self.review_dialog.raise_()
        return self.review_dialog

    def _refresh_review(self) -> None:
        if self.review_dialog is not None and self.review_dialog.isVisible():
            self.review_dialog.set_articles([a for a in self.articles.values() if a.date_assumed])

    def show_in_article_list(self, article_ids: Sequence[int]) -> None:
        n = self.article_list.select_articles(article_ids)
        self.articles_dock.show()
        self.articles_dock.raise_()
        self.article_list.setFocus()
        self.statusBar().showMessage(
            f"{_plural(n, 'article')} selected — Articles › Set publication date… "
            "or Use suggested dates",
            8000,
        )
