"""The main window: composes the panes, keeps their selection in sync, and refreshes them.

Panes live in their own modules; menu actions in ``actions``; file, import and
export commands in the ``FileController`` (which owns the database workers);
commands on selected events in ``EventEdits``. This module only wires them
together: the current event lives in a Qt-free ``Session`` that the panes
follow, and one refresh re-queries the database through services (on the
reader thread while an import streams in).
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tracker import services
from tracker.model import Event
from tracker.resources import resource_path
from tracker.session import Session
from tracker.ui import date_wording
from tracker.ui.actions import Actions
from tracker.ui.article_dates import ArticleDatesMixin
from tracker.ui.article_list import ArticleList
from tracker.ui.article_view import ArticlePanel
from tracker.ui.dialogs import ShortcutsDialog, about_text
from tracker.ui.drop import DropOverlay, DropPlan, classify
from tracker.ui.empty_state import EmptyState
from tracker.ui.event_edits import EventEdits
from tracker.ui.event_table import EventTable
from tracker.ui.file_controller import FileController, _describe_refusal
from tracker.ui.filters import FilterBar
from tracker.ui.progress import ImportProgress
from tracker.ui.settings import Settings
from tracker.ui.source_pane import SourcePane
from tracker.ui.timeline import TimelinePanel
from tracker.ui.view_ops import ViewOps

REFRESH_THROTTLE_MS = 300
#: Events shown first when a large database opens, while the rest load.
PREVIEW_EVENTS = 400
#: When a large database's first screen has not been painted by then, load the rest anyway.
LOAD_REST_AFTER_MS = 1500


class _AfterFirstPaint(QObject):
    """Calls ``then`` (once, from the event loop) after ``widget`` is first painted."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


class MainWindow(ArticleDatesMixin, QMainWindow):
    def __init__(
        self, db_path: str | Path, settings: Settings | None = None, synchronous: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.synchronous = synchronous
        self.setWindowIcon(QIcon(str(resource_path("icons", "tracker.svg"))))
        self.undo_stack = QUndoStack(self)
        self.session = Session()
        self.events: list[Event] = []
        self.articles: dict = {}
        self.report_dialog = None
        self.review_dialog = None
        self.deleted_dialog = None  # Edit › Deleted events… (EventEdits.show_deleted)
        self.last_import = None
        self._syncing = False
        self.loading_all = False  # a large database's first screen is up; the rest loads
        self._preview_of = -1  # the read generation the first screen belongs to
        self._after_paint: _AfterFirstPaint | None = None

        self.filters = FilterBar(self)
        self.timeline_panel = TimelinePanel(self)
        self.timeline_view = self.timeline_panel.view
        self.table = EventTable(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.timeline_panel)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.empty_state = EmptyState(services.supported_extensions, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.splitter)
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # The filter bar runs across the whole window, above the side panes, so it
        # stays on one line instead of wrapping in the space beside them.
        self.filter_toolbar = QToolBar("Filters", self)
        self.filter_toolbar.setObjectName("filterToolbar")
        self.filter_toolbar.setMovable(False)
        self.filter_toolbar.setFloatable(False)
        self.filter_toolbar.addWidget(self.filters)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.filter_toolbar)

        self.article_list = ArticleList(self)
        self.source_pane = SourcePane(self)
        self.article_panel = ArticlePanel(self)
        self.article_view = self.article_panel.view
        self.article_list.setMinimumWidth(200)
        self.source_pane.setMinimumWidth(300)
        self.articles_dock = self._dock(
            "Articles", "articlesDock", self.article_list, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.details_dock = self._dock(
            "Details", "detailsDock", self.source_pane, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.article_dock = self._dock(
            "Article", "articleDock", self.article_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        # The timeline gets the room by default: one column on the right, the event's
        # details above, the article and the article list as tabs below them.
        self.tabifyDockWidget(self.article_dock, self.articles_dock)
        self.article_dock.raise_()
        self._sized_docks = False
        self._empty = False
        self._dock_visible: dict[str, bool] = {}

        self.files = FileController(self)
        self.edits = EventEdits(self)
        self.view_ops = ViewOps(self)
        self.progress = ImportProgress(self)
        self.counts = QLabel(self)
        self.counts.setObjectName("countsLabel")
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.counts)

        self.actions_ = Actions(self)
        self.recent_menu = self.actions_.build_menus(self)
        self.recent_menu.aboutToShow.connect(self.files._fill_recent_menu)
        acts = self.actions_
        for act in (
            acts.edit_event,
            acts.delete_event,
            acts.copy,
            acts.star,
            acts.hide_event,
            acts.tag,
            acts.merge_events,
            acts.split_event,
        ):
            self.table.addAction(act)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.timeline_view.context_menu_actions().extend(
            [acts.edit_event, acts.delete_event, acts.star, acts.hide_event, acts.tag]
        )

        self.overlay = DropOverlay(self)
        # Drops go to the window wherever they land: no child (search box, text panes,
        # graphics view) takes a dropped article for itself.
        for child in self.findChildren(QWidget):
            child.setAcceptDrops(False)
        self.setAcceptDrops(True)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_THROTTLE_MS)
        self._refresh_timer.timeout.connect(self.refresh_in_background)

        self._connect()
        self.db = None
        self._read_generation = 0
        self._open(db_path)
        self._restore_state()

    # -- construction helpers ---------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [self.articles_dock, self.details_dock, self.article_dock]

    def _connect(self) -> None:
        self.filters.filters_changed.connect(self.refresh)
        self.table.event_selected.connect(lambda i: self.select_event(i, origin="table"))
        self.table.event_activated.connect(lambda i: self.open_event_article(i))
        self.timeline_view.event_selected.connect(lambda i: self.select_event(i, origin="timeline"))
        self.timeline_view.event_activated.connect(lambda i: self.open_event_article(i))
        self.timeline_view.visible_range_changed.connect(self.session.set_range)
        # The panel's own Lanes box and View › Lanes stay in step.
        self.timeline_view.lane_mode_changed.connect(self._lane_mode_changed)
        self.article_view.event_clicked.connect(lambda i: self.select_event(i, origin="article"))
        self.article_view.new_event_requested.connect(self.edits.new_event_from_selection)
        self.timeline_view.event_redated.connect(self.edits.redate)
        self.article_list.article_selected.connect(self.show_article)
        self.article_list.set_date_requested.connect(self.set_article_date)
        self.article_list.set_dates_requested.connect(self.set_articles_date)
        self.article_list.use_suggested_requested.connect(self.use_suggested_dates)
        self.article_list.filter_requested.connect(self.filters.set_article)
        self.source_pane.open_article_requested.connect(self._open_from_details)
        self.empty_state.load_samples_clicked.connect(self.files.load_samples)
        self.empty_state.import_clicked.connect(self.files.import_files_dialog)
        self.progress.cancel_clicked.connect(lambda: self.worker and self.worker.cancel_import())

    def _restore_state(self) -> None:
        s = self.settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            w, h = (
                (1360, 860)
                if avail is None
                else (min(1360, avail.width()), min(860, avail.height()))
            )
            self.resize(w, h)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.splitter_state.isEmpty():
            self.splitter.restoreState(s.splitter_state)
        else:
            self.splitter.setSizes([580, 190])
        if not s.window_state.isEmpty() and self._empty:
            self._empty = False  # the restored dock layout is the one to bring back later
            self._set_empty(True)
        if not s.table_header.isEmpty():
            self.table.horizontalHeader().restoreState(s.table_header)
        self.set_lane_mode(s.lane_mode)

    def showEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().showEvent(e)
        if not self._sized_docks and self.settings.window_state.isEmpty():
            # Dock sizes only take once the window has its real size.
            self.resizeDocks([self.details_dock], [380], Qt.Orientation.Horizontal)
            self.resizeDocks(
                [self.details_dock, self.article_dock], [280, 480], Qt.Orientation.Vertical
            )
        self._sized_docks = True

    def save_state(self) -> None:
        s = self.settings
        if self.view_ops.focus_mode:  # remember the working layout, not the focus one
            self.view_ops.toggle_focus()
        if self._empty:  # save the dock layout the user had, not the empty-state one
            for d in self.docks():
                d.setVisible(self._dock_visible.get(d.objectName(), True))
        s.geometry = self.saveGeometry()
        s.window_state = self.saveState()
        s.splitter_state = self.splitter.saveState()
        s.table_header = self.table.horizontalHeader().saveState()
        s.sync()

    # -- database ---------------------------------------------------------------
    def _open(self, db_path: str | Path, db=None) -> None:
        """Show ``db_path``; ``db`` is its connection when the caller already opened it."""
        self.db_path = Path(db_path)
        if db is None:
            # The window's own connection only reads (writes go through the writer
            # thread, whose connection checks the database and does the upkeep first):
            # a large database is shown without waiting for either. A small one opens
            # as ever.
            db = services.open_db(self.db_path, upkeep=False)
            if self.synchronous or not services.is_large(db):
                db.conn.close()
                db = services.open_db(self.db_path)
        self.db = db
        self.files.open(self.db_path)
        self.settings.add_recent_database(self.db_path)
        self.setWindowTitle(f"{self.db_path.name} — Tracker")
        self.setWindowFilePath(str(self.db_path))
        self.undo_stack.clear()
        self.current_event_id = None
        if self.synchronous or not services.is_large(self.db):
            self.refresh()
            return
        # A large database: its most reported events first, painted at once, then
        # every event read on the reader thread (a refresh in the meantime wins).
        started = time.perf_counter()
        flt = self.filters.current_filter()
        self._apply_snapshot(_snapshot(self.db, flt, preview=PREVIEW_EVENTS), started)
        self._preview_of = self._read_generation
        self.loading_all = True
        self.statusBar().showMessage("Loading every event…")
        # Read the rest once that first screen is painted (the reader thread would
        # otherwise take turns with the painting), or soon if the window stays hidden.
        self._after_paint = _AfterFirstPaint(self.timeline_view.viewport(), self._load_everything)
        QTimer.singleShot(LOAD_REST_AFTER_MS, self._load_everything)

    def _load_everything(self) -> None:
        self._after_paint = None
        if self.loading_all and self.db is not None and self._read_generation == self._preview_of:
            self._preview_of = -1
            self.refresh_in_background()

    def _close_db(self) -> None:
        self.files.close()
        if self.db is not None:
            self.db.conn.close()
            self.db = None
        self.progress.finish()

    def closeEvent(self, e: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_state()
        for dlg in (self.report_dialog, self.review_dialog, self.deleted_dialog):
            if dlg is not None:
                dlg.close()
        self._close_db()
        super().closeEvent(e)

    @property
    def worker(self):
        """The database writer (owned by the file controller)."""
        return self.files.worker

    @property
    def current_event_id(self) -> int | None:
        return self.session.selected

    @current_event_id.setter
    def current_event_id(self, event_id: int | None) -> None:
        self.session.select(event_id)

    def write(self, fn, *args, on_done=None, **kwargs) -> None:
        """Queue a database write on the writer, then refresh the panes."""
        self.files.write(fn, *args, on_done=on_done, **kwargs)

    # Tests replace this to answer dialogs without a nested event loop.
    def ask(self, dialog: QDialog) -> bool:
        result = dialog.exec()
        if isinstance(dialog, QMessageBox):  # exec() gives the button, not Accepted
            clicked = dialog.clickedButton()
            return clicked is not None and (
                dialog.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole
            )
        return result == QDialog.DialogCode.Accepted

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Tracker", text, QMessageBox.StandardButton.Ok, self
        )
        box.setModal(False)
        box.show()

    # -- commands other objects own (kept as the window's API for scripts and tests) --------
    def import_paths(self, paths, anchor=None) -> None:
        self.files.import_paths(paths, anchor=anchor)

    def open_database(self, path: str | Path) -> bool:
        return self.files.open_database(path)

    def show_import_report(self) -> None:
        self.files.show_import_report()

    def export_csv(self, path: str | Path) -> None:
        self.files.export_csv(path)

    def edit_event(self, event_id: int, changes: dict) -> None:
        self.edits.edit(event_id, changes)

    def delete_selected_events(self) -> None:
        self.edits.delete_selected()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self, self.actions_.all()).show()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Tracker", about_text(str(self.db_path)))

    # -- drag and drop (Qt overrides; the controller imports) ---------------------------------
    def drop_plan(self, mime) -> DropPlan:
        return classify(mime, services.supported_extensions())

    def dragEnterEvent(self, e) -> None:  # noqa: N802 - Qt override
        plan = self.drop_plan(e.mimeData())
        if not plan.accepted:
            self.statusBar().showMessage(
                "Tracker can't import this: " + _describe_refusal(plan), 5000
            )
            e.ignore()
            return
        self.overlay.show_plan(plan)
        e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:  # noqa: N802 - Qt override
        e.acceptProposedAction()

    def dragLeaveEvent(self, e) -> None:  # noqa: N802 - Qt override
        self.overlay.hide()
        e.accept()

    def dropEvent(self, e) -> None:  # noqa: N802 - Qt override
        self.overlay.hide()
        plan = self.drop_plan(e.mimeData())
        if not plan.accepted:
            e.ignore()
            return
        e.acceptProposedAction()
        self.files.handle_drop(plan)

    # -- refresh ------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Re-query articles and the filtered events and show them everywhere, now."""
        self._refresh_timer.stop()
        if self.db is None:
            return
        self._read_generation += 1
        started = time.perf_counter()
        snap = _snapshot(self.db, self.filters.current_filter(), *self._shown_ids())
        self._apply_snapshot(snap, started)

    def refresh_in_background(self) -> None:
        """The same re-query on the reader thread: used while an import streams in, so
        the window never stalls on it. A result older than the last refresh is dropped."""
        self._refresh_timer.stop()
        if self.db is None or self.files.reader is None:
            return
        self._read_generation += 1
        generation, started = self._read_generation, time.perf_counter()

        def done(snap, err):
            if err:
                self.show_error(err)
            elif generation == self._read_generation and self.db is not None:
                self._apply_snapshot(snap, started)

        self.files.read(_snapshot, self.filters.current_filter(), *self._shown_ids(), on_done=done)

    def _shown_ids(self) -> tuple[int | None, int | None]:
        """The current event and the open article: a refresh reads them with the rest."""
        shown = self.article_view.article
        return self.current_event_id, shown.id if shown is not None else None

    def _apply_snapshot(self, snap: dict, started: float) -> None:
        if self.loading_all and not snap.get("preview"):
            self.loading_all = False
            self.statusBar().clearMessage()
        articles = snap["articles"]
        self.articles = {a.id: a for a in articles}
        self.article_list.set_articles(articles)
        self.filters.set_choices(snap["actors"], [(a.id, a.title) for a in articles])
        self.events = snap["events"]
        self.session.set_filter(self.filters.current_filter())
        term = self.filters.search_text()
        self.session.set_hits([e.id for e in self.timeline_order(self.events)] if term else [])
        self.table.set_events(self.events)
        self.table.model().set_search(term)
        self.timeline_view.set_events(self.events)
        self.timeline_view.set_search_hits(self.session.hits)
        self.article_view.set_search(term)
        self.view_ops.show_periods(snap["periods"])
        self._set_empty(not articles)
        self._update_counts()
        self._refresh_review()
        # While an import streams in, refresh at most ~20% of the time so the window stays usable.
        took_ms = (time.perf_counter() - started) * 1000
        self._refresh_timer.setInterval(max(REFRESH_THROTTLE_MS, int(took_ms * 4)))
        if self.current_event_id is not None:
            read_id, ev = snap["event"]
            if read_id != self.current_event_id:  # selected while the snapshot was read
                ev = services.get_event(self.db, self.current_event_id)
            if ev is None:
                self.session.clear_selection()
                self.source_pane.clear_event()
            else:
                self.source_pane.show_event(ev, self._article_info())
                self._sync_views(ev, origin="refresh")
        shown = self.article_view.article
        if shown is not None:
            read_id, read = snap["article"]
            self.show_article(shown.id, keep_event=True, read=read if read_id == shown.id else None)
        if self.deleted_dialog is not None and self.deleted_dialog.isVisible():
            self.edits.fill_deleted()  # a restore or a deletion just landed

    @staticmethod
    def timeline_order(events: list[Event]) -> list[Event]:
        """Events in the order F3 walks them: by when they start, as on the timeline."""
        from tracker.layout.periods import span_seconds

        def start(e: Event) -> float:
            span = span_seconds(e.date, e.granularity, e.date_end)
            return span[0] if span is not None else float("inf")

        return sorted(events, key=lambda e: (start(e), e.id or 0))

    def _set_empty(self, empty: bool) -> None:
        """A new database shows only the drop invitation; the panes come back with data."""
        self.stack.setCurrentIndex(0 if empty else 1)
        self.filter_toolbar.setVisible(not empty)
        if empty and not self._empty:
            self._dock_visible = {d.objectName(): not d.isHidden() for d in self.docks()}
            for d in self.docks():
                d.hide()
        elif not empty and self._empty:
            for d in self.docks():
                d.setVisible(self._dock_visible.get(d.objectName(), True))
        self._empty = empty

    def _article_info(self) -> dict:
        return {
            a.id: (a.title, a.anchor_date, a.url, date_wording.badge(a))
            for a in self.articles.values()
        }

    def _update_counts(self) -> None:
        n_art = len(self.articles)
        total = sum(a.event_count for a in self.articles.values())
        unknown = sum(1 for a in self.articles.values() if a.date_unknown)
        assumed = sum(1 for a in self.articles.values() if a.date_assumed) - unknown
        shown = len(self.events)
        parts = [
            f"{shown} of {total} events shown" if self.filters.is_active() else f"{shown} events",
            f"{n_art} article{'s' if n_art != 1 else ''}",
        ]
        if unknown:
            parts.append(f"{unknown} undated")
        if assumed:
            parts.append(f"{assumed} with an assumed date")
        self.counts.setText("  ·  ".join(parts))

    # -- selection ------------------------------------------------------------------
    def select_event(self, event_id: int | None, origin: str = "") -> None:
        """Make ``event_id`` the current event in every pane (except the one it came from)."""
        if self._syncing:
            return
        self.session.select(event_id)
        ev = services.get_event(self.db, event_id) if event_id is not None else None
        self.source_pane.show_event(ev, self._article_info())
        self._sync_views(ev, origin)
        if ev is not None:
            self.statusBar().showMessage(ev.title, 4000)

    def _sync_views(self, ev: Event | None, origin: str) -> None:
        event_id = ev.id if ev is not None else None
        self._syncing = True
        try:
            if origin != "table":
                self.table.select_event(event_id, quiet=True)
            if origin != "timeline":
                self.timeline_view.select_event(event_id)
            if (
                ev is not None
                and not self.article_view.select_event(event_id)
                and origin != "refresh"
                and ev.passages
            ):
                # show_article(keep_event=True) selects it there.
                self.show_article(ev.passages[0].article_id, keep_event=True)
        finally:
            self._syncing = False

    def clear_selection(self) -> None:
        """Esc: no current event in any pane (timeline, table, details, article)."""
        self.session.clear_selection()
        self._syncing = True
        try:
            self.table.select_event(None, quiet=True)
            self.table.clearSelection()
            self.timeline_view.select_event(None)
            self.article_view.select_event(None)
        finally:
            self._syncing = False
        self.source_pane.clear_event()

    def show_article(self, article_id: int, keep_event: bool = False, read=None) -> None:
        """Open an article; ``read`` is its (article, events) when a refresh already read them."""
        article, events = read if read is not None else _read_article(self.db, article_id)
        if article is None:
            self.article_panel.show_article(None)
            return
        self.article_panel.show_article(article, events)
        self.article_list.select_article(article_id)
        if keep_event and self.current_event_id is not None:
            self.article_view.select_event(self.current_event_id)

    def open_event_article(self, event_id: int) -> None:
        self.select_event(event_id)
        self.article_dock.show()
        self.article_dock.raise_()

    def _open_from_details(self, article_id: int, _passage_id: int) -> None:
        self.show_article(article_id, keep_event=True)
        self.article_dock.show()
        self.article_dock.raise_()

    # -- view -------------------------------------------------------------------------
    def set_lane_mode(self, mode: str) -> None:
        act = self.actions_.lane_actions.get(mode) or self.actions_.lane_actions["none"]
        act.setChecked(True)
        mode = act.data()
        self.settings.lane_mode = mode
        self.timeline_view.set_lane_mode(mode)

    def _lane_mode_changed(self, mode: str) -> None:
        act = self.actions_.lane_actions.get(mode)
        if act is not None and not act.isChecked():
            act.setChecked(True)
        self.settings.lane_mode = mode

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(e)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())


def _read_article(db, article_id: int) -> tuple:
    """An article and its events, as the article pane shows them ((None, []) if gone)."""
    article = services.get_article(db, article_id)
    if article is None:
        return None, []
    return article, services.list_events(db, services.EventFilter(article_id=article_id))


def _snapshot(
    db,
    flt,
    event_id: int | None = None,
    article_id: int | None = None,
    preview: int | None = None,
) -> dict:
    """Everything a refresh shows, read in one go (on whichever thread owns ``db``):
    with the current event and the open article, each beside the id it was read for.
    ``preview``: only that many events, the most reported (see `services.list_events`)."""
    return {
        "preview": preview is not None,
        "articles": services.list_articles(db),
        "actors": services.list_actors(db),
        "events": services.list_events(db, flt, preview=preview),
        "periods": services.list_periods(db),
        "event": (event_id, services.get_event(db, event_id) if event_id is not None else None),
        "article": (article_id, _read_article(db, article_id) if article_id is not None else None),
    }
