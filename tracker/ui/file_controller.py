"""The file-operations controller: owns the database workers; imports, exports, databases.

Replaces the old mixin over MainWindow: one object that holds the writer (all
writes, one thread) and the reader (queries and exports, another thread with
its own connection), so nothing slow runs on the GUI thread. Each command
gathers input (a dialog, a drop) and hands the work to services through a
worker; results come back as callbacks on the GUI thread. ``synchronous``
windows (scripts) run both inline.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from tracker import services
from tracker.resources import resource_path
from tracker.ui.dialogs import (
    ArticleDateDialog,
    ImportReportDialog,
    PasteArticleDialog,
    hidden_text,
)
from tracker.ui.drop import DropPlan
from tracker.ui.import_worker import DbWorker

#: Export formats of the current view: name shown in the dialog, file pattern.
EXPORT_FORMATS = {
    "csv": ("CSV", "*.csv"),
    "html": ("standalone HTML timeline", "*.html"),
    "timelinejs": ("TimelineJS JSON", "*.json"),
    "ics": ("ICS calendar", "*.ics"),
    "pdf": ("PDF", "*.pdf"),
}


#: Fused-event records stored per step when idle (about 0.3 s of the writer's time),
#: and the pause before each step.
RECORDS_STEP = 2000
RECORDS_IDLE_MS = 1500


def _file_filter() -> str:
    """File dialog filter built from the ingest registry, so new formats appear by themselves."""
    from tracker import ingest  # the readers load on first use, not with the window

    return ";;".join([*ingest.dialog_filters(), "All files (*)"])


class FileController(QObject):
    export_finished = Signal(str, int)  # path, rows written (-1: failed; the error is shown)

    def __init__(self, win) -> None:
        super().__init__(win)
        self.win = win
        self.worker: DbWorker | None = None  # writes
        self.reader: DbWorker | None = None  # reads: refresh queries and exports

    # -- workers ---------------------------------------------------------------------
    def open(self, db_path: Path) -> None:
        """Start the writer and reader for ``db_path`` and route their signals to the window."""
        win = self.win
        self.worker = DbWorker(db_path, synchronous=win.synchronous, parent=self)
        self.reader = DbWorker(db_path, synchronous=win.synchronous, parent=self)
        self.worker.import_started.connect(win.progress.start)
        self.worker.reread_started.connect(win.progress.start_reread)
        self.worker.import_progress.connect(win.progress.update_progress)
        self.worker.import_result.connect(self._on_import_result)
        self.worker.import_finished.connect(self._on_import_finished)
        self.worker.error.connect(win.show_error)
        self.reader.error.connect(win.show_error)
        QTimer.singleShot(RECORDS_IDLE_MS, self.store_records_when_idle)

    def close(self) -> None:
        for w in (self.worker, self.reader):
            if w is not None:
                # Results still on their way belong to the database being closed: an import
                # report arriving after the switch would name articles of the wrong database.
                w.blockSignals(True)
                w.shutdown()
                w.deleteLater()
        self.worker = self.reader = None

    def write(self, fn, *args, on_done=None, **kwargs) -> None:
        """Queue a database write on the writer, then refresh the panes."""

        def done(result, err):
            if err:
                self.win.show_error(err)
            self.win.refresh()
            if on_done is not None and not err:
                on_done(result)

        self.worker.submit(fn, *args, on_done=done, **kwargs)

    def read(self, fn, *args, on_done, **kwargs) -> None:
        """Run a query on the reader thread; ``on_done(result, error)`` on the GUI thread."""
        self.reader.submit(fn, *args, on_done=on_done, **kwargs)

    def handle_drop(self, plan: DropPlan) -> None:
        if plan.kind == "files":
            self.import_paths(plan.files)
        elif plan.kind == "text":
            self.import_dropped_text(plan.text, plan.html)
        elif plan.kind == "remote":
            n = len(plan.remote)
            msg = (
                f"Tracker does not download web pages, so the {'link was' if n == 1 else f'{n} links were'} "
                "not imported. Save the page (or select its text) and drop that instead."
            )
            self.win.statusBar().showMessage(
                "Web links are not fetched: nothing was imported.", 8000
            )
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Links are not fetched",
                msg,
                QMessageBox.StandardButton.Ok,
                self.win,
            )
            box.setObjectName("remoteRefused")
            box.setModal(False)
            box.show()

    # -- imports ----------------------------------------------------------------------
    def import_paths(self, paths, anchor: date | None = None) -> None:
        self.win.statusBar().showMessage("Importing…", 3000)
        self.worker.import_paths(paths, anchor=anchor)

    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.win, "Import articles", self.win.settings.last_import_dir, _file_filter()
        )
        if files:
            self.win.settings.last_import_dir = str(Path(files[0]).parent)
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.win, "Import a folder of articles", self.win.settings.last_import_dir
        )
        if folder:
            self.win.settings.last_import_dir = folder
            self.import_paths([folder])

    def load_samples(self) -> None:
        self.import_paths([str(resource_path("samples"))])

    def _on_import_result(self, result) -> None:
        if result.status == "imported":
            self.win.schedule_refresh()  # events appear as articles finish, without a refresh per file

    # -- re-reading ---------------------------------------------------------------------
    def reread_articles(self) -> None:
        """Read every stored article again with this version, after asking (it rewrites
        every extracted event; a copy of the database is kept first)."""
        n = len(self.win.articles)
        if n == 0 or self.worker is None:
            self.win.statusBar().showMessage("No articles to re-read.", 4000)
            return
        if self.worker.importing:
            self.win.statusBar().showMessage("Wait for the import to finish first.", 5000)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Re-read articles",
            f"Read all {n} article{'s' if n != 1 else ''} again with this version of Tracker?\n\n"
            "Dates, titles and events are found again; the articles' dates and every "
            "correction you made (edits, deletions, merges, your own events) are kept. "
            "A copy of the database is saved first.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.win,
        )
        box.setObjectName("confirmReread")
        box.button(QMessageBox.StandardButton.Ok).setText("Re-read")
        if not self.win.ask(box):
            return
        self.worker.reread(on_done=self._reread_done)

    def _reread_done(self, done, err) -> None:
        self.win.progress.finish()
        self.win.refresh()
        if err:
            self.win.show_error(f"Re-reading stopped: {err}")
            return
        what = "Re-read cancelled after" if done.cancelled else "Re-read"
        self.win.statusBar().showMessage(
            f"{what} {done.articles} article{'s' if done.articles != 1 else ''}: "
            f"{done.events_after} events (before: {done.events_before}).",
            10000,
        )
        if done.failed:
            names = {a.id: a.title for a in self.win.articles.values()}
            lines = [f"• {names.get(i, f'article {i}')}: {why}" for i, why in done.failed[:10]]
            more = len(done.failed) - len(lines)
            self.win.show_error(
                f"{len(done.failed)} article{'s' if len(done.failed) != 1 else ''} could not be"
                " read again and kept their events:\n"
                + "\n".join(lines)
                + (f"\n… and {more} more" if more > 0 else "")
            )

    # -- fused-event records ----------------------------------------------------------
    def store_records_when_idle(self) -> None:
        """Store the fused-event records a large import or an upgrade left to later, a
        step at a time on the writer (each its own short transaction, so edits and
        other processes get their turn), while nothing is being imported. Listing
        reads them instead of building those events; what is shown does not change."""
        if self.worker is None or self.worker.importing:
            return
        worker = self.worker

        def done(stored, err):
            if not err and stored == RECORDS_STEP and worker is self.worker:
                QTimer.singleShot(RECORDS_IDLE_MS, self.store_records_when_idle)

        worker.submit(services.store_records, RECORDS_STEP, on_done=done)

    def _on_import_finished(self, summary) -> None:
        QTimer.singleShot(RECORDS_IDLE_MS, self.store_records_when_idle)
        self.win.progress.finish()
        self.win.last_import = summary
        self.win.refresh()
        if not summary.results:
            self.win.statusBar().showMessage(
                "Import cancelled."
                if summary.cancelled
                else "Nothing to import: no supported files found.",
                6000,
            )
            return
        imported = summary.count("imported")
        hidden = sum(r.hidden for r in summary.results if r.status == "imported")
        self.win.statusBar().showMessage(
            f"Imported {imported}, duplicate {summary.count('duplicate')}, failed {summary.count('failed')}."
            + (f" {hidden_text(hidden)}" if hidden else ""),
            8000,
        )
        self.show_import_report()
        if imported and self.win.stack.currentIndex() == 1 and not self.win.current_event_id:
            self.win.timeline_view.fit_core()

    def show_import_report(self) -> None:
        if self.win.last_import is None:
            self.win.statusBar().showMessage("No import yet in this session.", 4000)
            return
        if self.win.report_dialog is None:
            self.win.report_dialog = ImportReportDialog(self.win)
            self.win.report_dialog.set_date_requested.connect(self.win.set_article_date)
            self.win.report_dialog.review_requested.connect(self.win.review_undated)
        self.win.report_dialog.set_results(
            self.win.last_import.results, self.win.last_import.cancelled, self.win.articles
        )
        self.win.report_dialog.show()
        self.win.report_dialog.raise_()

    def import_dropped_text(self, text: str | None, html: str | None) -> None:
        """Import dropped or pasted text; ask for a title and date only if none is found."""
        from tracker import ingest

        try:
            doc = ingest.read_dropped(text=text, html=html)
        except ingest.IngestError as err:
            self.win.show_error(f"The dropped text could not be imported: {err}")
            return
        anchor = None
        if doc.published is None:
            dlg = ArticleDateDialog(
                self.win,
                title=doc.title,
                current=None,
                ask_title=True,
                message="No publication date was found in this text. When was "
                "it published? Relative dates are resolved from it.",
            )
            if not self.win.ask(dlg):
                return
            anchor = dlg.chosen_date()
            doc = dataclasses.replace(doc, title=dlg.chosen_title() or doc.title)
        self.worker.submit(
            services.import_document, doc, anchor=anchor, on_done=self._text_imported
        )

    def _text_imported(self, result, err) -> None:
        if err:
            self.win.show_error(err)
            return
        self.win.refresh()
        if result.status == "failed":
            self.win.show_error(f"The text could not be imported: {result.reason}")
        elif result.status == "duplicate":
            self.win.statusBar().showMessage("This article is already in the database.", 6000)
        else:
            self.win.statusBar().showMessage(
                f"Imported “{result.path}” with {result.events} events."
                + (f" {hidden_text(result.hidden)}" if result.hidden else ""),
                6000,
            )
            if result.article_id:
                self.win.show_article(result.article_id)

    def paste_article(self) -> None:
        clip = QGuiApplication.clipboard().mimeData()
        dlg = PasteArticleDialog(self.win, clip.text() if clip and clip.hasText() else "")
        if not self.win.ask(dlg):
            return
        text, title, anchor = (
            dlg.text_edit.toPlainText(),
            dlg.title_edit.text().strip(),
            dlg.anchor(),
        )
        if anchor is None and not title:
            self.import_dropped_text(text, None)  # asks for a date if the text has none
            return
        self.worker.submit(
            services.import_text,
            text=text,
            title=title or None,
            anchor=anchor,
            on_done=self._text_imported,
        )

    # -- exports -------------------------------------------------------------------------------
    def export_csv(self, path: str | Path) -> None:
        """Write the events the current search and filters show, with the CLI's writer,
        on the reader thread; ``export_finished`` says how many rows were written."""
        self.export_view(path, "csv")

    def export_view(self, path: str | Path, fmt: str) -> None:
        """Export what the window shows (filters, hidden events left out, named periods)
        as ``fmt`` (csv html timelinejs ics pdf), off the GUI thread."""
        self.win.filters.flush()
        flt = self.win.filters.current_filter()
        path = str(path)

        self.win.progress.busy(f"Exporting {Path(path).name}…")

        def done(n, err):
            self._export_done()
            if err:
                self.win.show_error(f"Could not write {path}: {err}")
                self.export_finished.emit(path, -1)
                return
            self.win.statusBar().showMessage(f"Exported {n} events to {path}.", 6000)
            self.export_finished.emit(path, n)

        self.read(services.export_events, path, fmt, flt, title=self.win.db_path.stem, on_done=done)

    def _export_done(self) -> None:
        if self.worker is None or not self.worker.importing:  # an import keeps its strip
            self.win.progress.finish()

    def export_csv_dialog(self) -> None:
        self.export_dialog("csv")

    def export_dialog(self, fmt: str) -> None:
        name, pattern = EXPORT_FORMATS[fmt]
        start = str(
            Path(self.win.settings.last_export_dir or Path.home()) / f"timeline{pattern[1:]}"
        )
        path, _ = QFileDialog.getSaveFileName(
            self.win, f"Export the view as {name}", start, f"{name} (*{pattern[1:]})"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += pattern[1:]
        self.win.settings.last_export_dir = str(Path(path).parent)
        self.export_view(path, fmt)

    def export_image_dialog(self) -> None:
        start = str(Path(self.win.settings.last_export_dir or Path.home()) / "timeline.png")
        path, chosen = QFileDialog.getSaveFileName(
            self.win, "Export timeline image", start, "PNG image (*.png);;SVG image (*.svg)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        scale = 1.0
        if path.lower().endswith(".png"):
            item, ok = QInputDialog.getItem(
                self.win, "Image size", "Scale:", ["1x", "2x"], 1, False
            )
            if not ok:
                return
            scale = float(item.rstrip("x"))
        self.win.settings.last_export_dir = str(Path(path).parent)
        self.export_image(path, scale)

    def export_image(self, path: str, scale: float = 1.0) -> None:
        """Paint the timeline on the GUI thread (painting must), encode and write the
        file on the reader thread (the slow part of a large PNG)."""
        from tracker.ui.timeline.export import render_view, save_image

        try:
            image = render_view(self.win.timeline_view, path, scale)
        except Exception as err:  # shown, not lost
            self.win.show_error(f"Could not export the image: {err}")
            return

        self.win.progress.busy(f"Saving {Path(path).name}…")

        def done(_result, err):
            self._export_done()
            if err:
                self.win.show_error(f"Could not export the image: {err}")
                self.export_finished.emit(path, -1)
            else:
                self.win.statusBar().showMessage(f"Saved {path}.", 6000)
                self.export_finished.emit(path, 1)

        self.read(lambda _db: save_image(image, path), on_done=done)

    # -- databases ---------------------------------------------------------------------------
    def open_database(self, path: str | Path) -> bool:
        """Switch the window to another database; on failure say why and keep the current one."""
        try:
            db = services.open_db(path)
        except (sqlite3.Error, OSError) as err:
            self.win.show_error(f"Could not open {path}: {err}")
            return False
        self.win._close_db()
        self.win.article_panel.show_article(None)
        self.win.source_pane.clear_event()
        self.win.last_import = None
        for dlg in (self.win.report_dialog, self.win.review_dialog):
            if dlg is not None:
                dlg.close()
        self.win._open(path, db)
        return True

    def new_database_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.win, "New database", self.win.settings.last_database_dir, "Tracker database (*.db)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".db"
        self.win.settings.last_database_dir = str(Path(path).parent)
        if Path(path).exists():
            # The save dialog already asked to overwrite. Close first (it may be the open
            # database), and drop its WAL files too, or they would replay into the new one.
            if Path(path).resolve() == self.win.db_path.resolve():
                self.win._close_db()
            try:
                for old in (Path(path), Path(path + "-wal"), Path(path + "-shm")):
                    old.unlink(missing_ok=True)
            except OSError as err:
                self.win.show_error(f"Could not replace {path}: {err}")
                if self.win.db is None:
                    self.open_database(self.win.db_path)
                return
        self.open_database(path)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.win,
            "Open database",
            self.win.settings.last_database_dir,
            "Tracker database (*.db *.sqlite);;All files (*)",
        )
        if path:
            self.win.settings.last_database_dir = str(Path(path).parent)
            self.open_database(path)

    def _fill_recent_menu(self) -> None:
        menu = self.win.recent_menu
        menu.clear()
        for p in self.win.settings.recent_databases:
            act = menu.addAction(p)
            act.setEnabled(Path(p).exists() and Path(p) != self.win.db_path.resolve())
            act.triggered.connect(lambda _c=False, p=p: self.open_database(p))
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)


def _describe_refusal(plan: DropPlan) -> str:
    if plan.unsupported:
        names = ", ".join(Path(p).name for p in plan.unsupported[:3])
        return f"unsupported file type ({names})."
    return "only files, folders, and text or HTML can be dropped."
