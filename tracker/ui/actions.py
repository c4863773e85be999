"""Every menu action of the main window, its shortcut, and the menu bar built from them.

Actions are created here and connected to the window's public slots, so the
window module holds behaviour, not menu plumbing. Standard key sequences are
used wherever Qt has one, so shortcuts follow the platform.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from tracker.ui.timeline.panel import LANE_CHOICES

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow

SK = QKeySequence.StandardKey


def _act(
    win: MainWindow, text: str, slot, shortcut=None, tip: str | None = None, icon: str | None = None
) -> QAction:
    a = QAction(text, win)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut) if isinstance(shortcut, (str, SK)) else shortcut)
    if tip:
        a.setStatusTip(tip)
        a.setToolTip(tip)
    if icon:
        a.setIcon(QIcon.fromTheme(icon))
    a.triggered.connect(lambda _checked=False: slot())
    win.addAction(a)  # shortcuts work even when the menu bar is hidden
    return a


class Actions:
    """Holds the window's QActions by name."""

    def __init__(self, win: MainWindow) -> None:
        a = _act
        self.import_files = a(
            win,
            "&Import files…",
            win.files.import_files_dialog,
            SK.Open,
            "Import article files (text, HTML, PDF, Word, e-mail)",
            "document-open",
        )
        self.import_folder = a(
            win,
            "Import &folder…",
            win.files.import_folder_dialog,
            "Ctrl+Shift+O",
            "Import every supported file in a folder and its subfolders",
            "folder-open",
        )
        self.paste_article = a(
            win,
            "&Paste article…",
            win.files.paste_article,
            "Ctrl+Shift+V",
            "Import text from the clipboard as an article",
            "edit-paste",
        )
        self.load_samples = a(
            win,
            "Load &sample articles",
            win.files.load_samples,
            None,
            "Import the sample articles shipped with Tracker",
        )
        self.export_csv = a(
            win,
            "&Export CSV…",
            win.files.export_csv_dialog,
            "Ctrl+E",
            "Export the events shown (search and filters applied) as CSV",
            "document-save-as",
        )
        self.export_image = a(
            win,
            "Export &image…",
            win.files.export_image_dialog,
            "Ctrl+Shift+E",
            "Save the timeline as a PNG or SVG image",
        )
        self.new_db = a(
            win, "&New database…", win.files.new_database_dialog, SK.New, "Start an empty database"
        )
        self.open_db = a(
            win,
            "Open &database…",
            win.files.open_database_dialog,
            "Ctrl+Shift+D",
            "Open another Tracker database",
        )
        self.import_report = a(
            win,
            "Last import &report",
            win.files.show_import_report,
            "Ctrl+R",
            "Show the report of the last import again",
        )
        self.quit = a(win, "&Quit", win.close, SK.Quit, "Quit Tracker", "application-exit")

        self.undo = win.undo_stack.createUndoAction(win, "&Undo")
        self.undo.setShortcut(QKeySequence(SK.Undo))
        self.redo = win.undo_stack.createRedoAction(win, "&Redo")
        self.redo.setShortcut(QKeySequence(SK.Redo))
        win.addActions([self.undo, self.redo])
        self.edit_event = a(
            win,
            "&Edit event…",
            win.edits.edit_selected,
            "F2",
            "Correct the selected event's title, date, type or actors",
        )
        self.delete_event = a(
            win,
            "&Delete event",
            win.edits.delete_selected,
            SK.Delete,
            "Remove the selected events (undoable)",
        )
        self.deleted_events = a(
            win,
            "Deleted e&vents…",
            win.edits.show_deleted,
            "Ctrl+Shift+Del",
            "The events you deleted, to restore them (undoable)",
        )
        self.copy = a(
            win,
            "&Copy",
            win.edits.copy_selection,
            SK.Copy,
            "Copy the selected events with their source sentence",
        )
        self.set_article_date = a(
            win,
            "Set publication &date…",
            win.set_current_article_date,
            "Ctrl+D",
            "Give the selected articles (or the open one) one publication date (undoable)",
        )
        self.use_suggested = a(
            win,
            "Use &suggested dates",
            win.use_suggested_dates,
            None,
            "Date each selected undated article by its own suggestion, marked for review",
        )
        self.reread = a(
            win,
            "Re-&read all articles",
            win.files.reread_articles,
            None,
            "Find dates and events again with this version of Tracker; dates and your"
            " corrections are kept",
        )
        self.review_undated = a(
            win,
            "&Review undated articles…",
            win.review_undated,
            None,
            "List the articles with no publication date, or only an assumed one",
        )
        self.find = a(
            win,
            "&Find…",
            win.focus_search,
            SK.Find,
            "Search events (titles, actors, places, quotes)",
        )
        self.find_next = a(
            win,
            "Find &next",
            lambda: win.view_ops.find_next(True),
            "F3",
            "Select the next search hit",
        )
        self.find_prev = a(
            win,
            "Find pre&vious",
            lambda: win.view_ops.find_next(False),
            "Shift+F3",
            "Select the previous search hit",
        )
        self.clear_selection = a(
            win, "Clear selection", win.clear_selection, "Esc", "No event selected, in every pane"
        )
        self.star = a(
            win,
            "&Star",
            lambda: win.edits.flag_selected("starred"),
            "Ctrl+B",
            "Star or unstar the selected events",
        )
        self.hide_event = a(
            win,
            "&Hide",
            lambda: win.edits.flag_selected("hidden"),
            "Ctrl+H",
            "Hide the selected events from the timeline and exports (Show hidden brings them back)",
        )
        self.merge_events = a(
            win,
            "&Merge events",
            win.edits.merge_selected,
            "Ctrl+M",
            "The selected events report one happening: make them one event (undoable)",
        )
        self.split_event = a(
            win,
            "S&plit into reports",
            win.edits.split_selected,
            "Ctrl+Shift+M",
            "The selected event mixes different happenings: one event per report (undoable)",
        )
        self.new_event = a(
            win,
            "&New event…",
            lambda: win.edits.new_event(),
            "Ctrl+Shift+N",
            "Add an event by hand",
        )
        self.new_event_from_selection = a(
            win,
            "New event from &selection…",
            win.edits.new_event_from_selection,
            None,
            "An event for the text selected in the article, prefilled with its date",
        )
        self.tag = a(win, "&Tag…", win.view_ops.tag_dialog, "Ctrl+T", "Tag the selected events")
        self.add_period = a(
            win,
            "New &period…",
            win.view_ops.add_period_dialog,
            None,
            "Name a stretch of time (e.g. Minsk talks) drawn as a band on the timeline",
        )
        self.remove_period = a(win, "Remove period…", win.view_ops.remove_period_dialog)
        self.save_view = a(
            win,
            "&Save view…",
            win.view_ops.save_view_dialog,
            None,
            "Name the current filters, lanes and range",
        )
        self.delete_view = a(win, "&Delete view…", win.view_ops.delete_view_dialog)
        self.focus_mode = a(
            win,
            "&Focus mode",
            win.view_ops.toggle_focus,
            "F11",
            "Only the timeline and the details",
        )
        self.focus_mode.setCheckable(True)
        self.compact = a(
            win,
            "&Compact lanes",
            lambda: win.timeline_view.set_compact(self.compact.isChecked()),
            None,
            "At most three rows per lane",
        )
        self.compact.setCheckable(True)
        self.fit_core = a(
            win,
            "Fit s&tory",
            lambda: win.timeline_view.fit_core(),
            "Ctrl+9",
            "Show where most events are",
        )
        self.export_html = a(
            win,
            "Export &HTML timeline…",
            lambda: win.files.export_dialog("html"),
            None,
            "One offline file: a zoomable timeline and its event list",
        )
        self.export_timelinejs = a(
            win, "Export &TimelineJS JSON…", lambda: win.files.export_dialog("timelinejs")
        )
        self.export_ics = a(win, "Export &calendar (ICS)…", lambda: win.files.export_dialog("ics"))
        self.export_pdf = a(
            win,
            "Export &PDF…",
            lambda: win.files.export_dialog("pdf"),
            "Ctrl+P",
            "The timeline and its event list, for print",
        )
        self.clear_filters = a(win, "C&lear filters", win.filters.clear, "Ctrl+Shift+L")

        self.zoom_in = a(win, "Zoom &in", lambda: win.timeline_view.zoom_in(), SK.ZoomIn)
        self.zoom_out = a(win, "Zoom &out", lambda: win.timeline_view.zoom_out(), SK.ZoomOut)
        self.fit_all = a(win, "&Fit all", lambda: win.timeline_view.fit_all(), "Ctrl+0")
        self.zoom_sel = a(
            win, "Zoom to &selection", lambda: win.timeline_view.zoom_to_selection(), "Ctrl+Shift+0"
        )
        self.refresh = a(win, "&Reload", win.refresh, SK.Refresh)
        self.full_screen = a(win, "F&ull screen", win.toggle_full_screen, "Ctrl+Shift+F11")
        self.full_screen.setCheckable(True)
        self.lane_group = QActionGroup(win)
        self.lane_actions: dict[str, QAction] = {}
        for label, mode in LANE_CHOICES:
            act = QAction(label, win)
            act.setCheckable(True)
            act.setData(mode)
            act.triggered.connect(lambda _c=False, m=mode: win.set_lane_mode(m))
            self.lane_group.addAction(act)
            self.lane_actions[mode] = act

        self.shortcuts = a(win, "&Keyboard shortcuts", win.show_shortcuts, SK.HelpContents)
        self.about = a(win, "&About Tracker", win.show_about)

    def build_menus(self, win: MainWindow) -> QMenu:
        """Fill the menu bar; returns the Recent databases submenu (filled on demand)."""
        mb = win.menuBar()
        f = mb.addMenu("&File")
        f.addActions([self.import_files, self.import_folder, self.paste_article])
        f.addSeparator()
        f.addActions([self.export_csv, self.export_image])
        f.addActions([self.export_html, self.export_timelinejs, self.export_ics, self.export_pdf])
        f.addSeparator()
        f.addActions([self.new_db, self.open_db])
        recent = f.addMenu("&Recent databases")
        recent.setObjectName("recentMenu")
        f.addSeparator()
        f.addAction(self.load_samples)
        f.addSeparator()
        f.addAction(self.quit)

        e = mb.addMenu("&Edit")
        e.addActions([self.undo, self.redo])
        e.addSeparator()
        e.addActions([self.copy, self.edit_event, self.delete_event, self.deleted_events])
        e.addActions([self.star, self.hide_event, self.tag])
        e.addActions([self.merge_events, self.split_event])
        e.addActions([self.new_event, self.new_event_from_selection])
        e.addSeparator()
        e.addActions([self.find, self.find_next, self.find_prev, self.clear_filters])
        e.addAction(self.clear_selection)

        art = mb.addMenu("&Articles")
        art.setObjectName("articlesMenu")
        art.addActions([self.set_article_date, self.use_suggested])
        art.addSeparator()
        art.addActions([self.review_undated, self.import_report])
        art.addSeparator()
        art.addAction(self.reread)

        v = mb.addMenu("&View")
        v.addActions([self.zoom_in, self.zoom_out, self.fit_core, self.fit_all, self.zoom_sel])
        lanes = v.addMenu("&Lanes")
        lanes.addActions(list(self.lane_actions.values()))
        v.addAction(self.compact)
        v.addSeparator()
        views = v.addMenu("Saved &views")
        views.setObjectName("savedViewsMenu")
        views.aboutToShow.connect(lambda: win.view_ops.fill_views_menu(views))
        win.view_ops.fill_views_menu(views)
        v.addActions([self.add_period, self.remove_period])
        v.addSeparator()
        for dock in win.docks():
            v.addAction(dock.toggleViewAction())
        v.addSeparator()
        v.addActions([self.refresh, self.focus_mode, self.full_screen])

        h = mb.addMenu("&Help")
        h.addActions([self.shortcuts, self.about])
        return recent

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)] + list(
            self.lane_actions.values()
        )
