"""The main window's commands: drops, imports, article dates, edits, exports, databases.

A mixin over MainWindow so the window module stays about layout and selection.
Each command gathers input (a dialog, a drop) and hands the work to services,
through the database worker for anything that writes.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from tracker import ingest, services
from tracker.resources import resource_path
from tracker.ui.commands import DeleteEventsCommand, EditEventCommand
from tracker.ui.dialogs import (
    ArticleDateDialog,
    EditEventDialog,
    ImportReportDialog,
    PasteArticleDialog,
    ShortcutsDialog,
    about_text,
    event_fields,
)
from tracker.ui.drop import DropPlan, classify


def _file_filter() -> str:
    """File dialog filter built from the ingest registry, so new formats appear by themselves."""
    return ";;".join([*ingest.dialog_filters(), "All files (*)"])


class FileOpsMixin:
    # Tests replace this to answer dialogs without a nested event loop.
    def ask(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Tracker", text, QMessageBox.StandardButton.Ok, self
        )
        box.setModal(False)
        box.show()

    # -- drag and drop ------------------------------------------------------------------
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
        self.handle_drop(plan)

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
            self.statusBar().showMessage("Web links are not fetched: nothing was imported.", 8000)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                "Links are not fetched",
                msg,
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("remoteRefused")
            box.setModal(False)
            box.show()

    # -- imports ----------------------------------------------------------------------
    def import_paths(self, paths, anchor: date | None = None) -> None:
        self.statusBar().showMessage("Importing…", 3000)
        self.worker.import_paths(paths, anchor=anchor)

    def import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", self.settings.last_import_dir, _file_filter()
        )
        if files:
            self.settings.last_import_dir = str(Path(files[0]).parent)
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Import a folder of articles", self.settings.last_import_dir
        )
        if folder:
            self.settings.last_import_dir = folder
            self.import_paths([folder])

    def load_samples(self) -> None:
        self.import_paths([str(resource_path("samples"))])

    def _on_import_result(self, result) -> None:
        if result.status == "imported":
            self.schedule_refresh()  # events appear as articles finish, without a refresh per file

    def _on_import_finished(self, summary) -> None:
        self.progress.finish()
        self.last_import = summary
        self.refresh()
        if not summary.results:
            self.statusBar().showMessage(
                "Import cancelled."
                if summary.cancelled
                else "Nothing to import: no supported files found.",
                6000,
            )
            return
        imported = summary.count("imported")
        self.statusBar().showMessage(
            f"Imported {imported}, duplicate {summary.count('duplicate')}, failed {summary.count('failed')}.",
            8000,
        )
        self.show_import_report()
        if imported and self.stack.currentIndex() == 1 and not self.current_event_id:
            self.timeline_view.fit_core()

    def show_import_report(self) -> None:
        if self.last_import is None:
            self.statusBar().showMessage("No import yet in this session.", 4000)
            return
        if self.report_dialog is None:
            self.report_dialog = ImportReportDialog(self)
            self.report_dialog.set_date_requested.connect(self.set_article_date)
            self.report_dialog.review_requested.connect(self.review_undated)
        self.report_dialog.set_results(
            self.last_import.results, self.last_import.cancelled, self.articles
        )
        self.report_dialog.show()
        self.report_dialog.raise_()

    def import_dropped_text(self, text: str | None, html: str | None) -> None:
        """Import dropped or pasted text; ask for a title and date only if none is found."""
        try:
            doc = ingest.read_dropped(text=text, html=html)
        except ingest.IngestError as err:
            self.show_error(f"The dropped text could not be imported: {err}")
            return
        anchor = None
        if doc.published is None:
            dlg = ArticleDateDialog(
                self,
                title=doc.title,
                current=None,
                ask_title=True,
                message="No publication date was found in this text. When was "
                "it published? Relative dates are resolved from it.",
            )
            if not self.ask(dlg):
                return
            anchor = dlg.chosen_date()
            doc = dataclasses.replace(doc, title=dlg.chosen_title() or doc.title)
        self.worker.submit(
            services.import_document, doc, anchor=anchor, on_done=self._text_imported
        )

    def _text_imported(self, result, err) -> None:
        if err:
            self.show_error(err)
            return
        self.refresh()
        if result.status == "failed":
            self.show_error(f"The text could not be imported: {result.reason}")
        elif result.status == "duplicate":
            self.statusBar().showMessage("This article is already in the database.", 6000)
        else:
            self.statusBar().showMessage(
                f"Imported “{result.path}” with {result.events} events.", 6000
            )
            if result.article_id:
                self.show_article(result.article_id)

    def paste_article(self) -> None:
        clip = QGuiApplication.clipboard().mimeData()
        dlg = PasteArticleDialog(self, clip.text() if clip and clip.hasText() else "")
        if not self.ask(dlg):
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

    # -- edits ------------------------------------------------------------------------------
    def _selected_ids(self) -> list[int]:
        ids = self.table.selected_event_ids() if self.table.hasFocus() else []
        if not ids and self.current_event_id is not None:
            ids = [self.current_event_id]
        return ids

    def edit_selected_event(self) -> None:
        ev = services.get_event(self.db, self.current_event_id) if self.current_event_id else None
        if ev is None:
            self.statusBar().showMessage("Select an event to edit.", 4000)
            return
        dlg = EditEventDialog(self, ev)
        if self.ask(dlg):
            self.edit_event(ev.id, dlg.changes())

    def edit_event(self, event_id: int, changes: dict) -> None:
        ev = services.get_event(self.db, event_id)
        if ev is None or not changes:
            return
        self.undo_stack.push(
            EditEventCommand(
                self.write,
                event_id,
                changes,
                event_fields(ev),
                ev.title,
                pinned=services.edited_fields(self.db, event_id),
            )
        )

    def delete_selected_events(self) -> None:
        ids = self._selected_ids()
        if ids:
            self.undo_stack.push(DeleteEventsCommand(self.write, ids))

    def copy_selection(self) -> None:
        ids = self._selected_ids()
        by_id = {e.id: e for e in self.events}
        lines = []
        for i in ids:
            ev = by_id.get(i) or services.get_event(self.db, i)
            if ev is not None:
                quote = ev.passages[0].quote if ev.passages else ""
                lines.append("\t".join([ev.date or "", ev.title, quote, ev.article_title or ""]))
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))
            self.statusBar().showMessage(
                f"Copied {len(lines)} event{'s' if len(lines) != 1 else ''}.", 3000
            )

    # -- exports -------------------------------------------------------------------------------
    def export_csv(self, path: str | Path) -> int:
        """Write the events the current search and filters show, with the CLI's writer."""
        self.filters.flush()
        return services.export_csv(self.db, path, self.filters.current_filter())

    def export_csv_dialog(self) -> None:
        start = str(Path(self.settings.last_export_dir or Path.home()) / "timeline.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export events as CSV", start, "CSV (*.csv)")
        if not path:
            return
        self.settings.last_export_dir = str(Path(path).parent)
        try:
            n = self.export_csv(path)
        except OSError as err:
            self.show_error(f"Could not write {path}: {err}")
            return
        self.statusBar().showMessage(f"Exported {n} events to {path}.", 6000)

    def export_image_dialog(self) -> None:
        start = str(Path(self.settings.last_export_dir or Path.home()) / "timeline.png")
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export timeline image", start, "PNG image (*.png);;SVG image (*.svg)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if "svg" in chosen.lower() else ".png"
        scale = 1.0
        if path.lower().endswith(".png"):
            item, ok = QInputDialog.getItem(self, "Image size", "Scale:", ["1x", "2x"], 1, False)
            if not ok:
                return
            scale = float(item.rstrip("x"))
        self.settings.last_export_dir = str(Path(path).parent)
        try:
            self.timeline_view.export_image(path, scale)
        except Exception as err:  # shown, not lost
            self.show_error(f"Could not export the image: {err}")
            return
        self.statusBar().showMessage(f"Saved {path}.", 6000)

    # -- databases ---------------------------------------------------------------------------
    def open_database(self, path: str | Path) -> bool:
        """Switch the window to another database; on failure say why and keep the current one."""
        try:
            db = services.open_db(path)
        except (sqlite3.Error, OSError) as err:
            self.show_error(f"Could not open {path}: {err}")
            return False
        self._close_db()
        self.article_panel.show_article(None)
        self.source_pane.clear_event()
        self.last_import = None
        for dlg in (self.report_dialog, self.review_dialog):
            if dlg is not None:
                dlg.close()
        self._open(path, db)
        return True

    def new_database_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New database", self.settings.last_database_dir, "Tracker database (*.db)"
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".db"
        self.settings.last_database_dir = str(Path(path).parent)
        if Path(path).exists():
            # The save dialog already asked to overwrite. Close first (it may be the open
            # database), and drop its WAL files too, or they would replay into the new one.
            if Path(path).resolve() == self.db_path.resolve():
                self._close_db()
            try:
                for old in (Path(path), Path(path + "-wal"), Path(path + "-shm")):
                    old.unlink(missing_ok=True)
            except OSError as err:
                self.show_error(f"Could not replace {path}: {err}")
                if self.db is None:
                    self.open_database(self.db_path)
                return
        self.open_database(path)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open database",
            self.settings.last_database_dir,
            "Tracker database (*.db *.sqlite);;All files (*)",
        )
        if path:
            self.settings.last_database_dir = str(Path(path).parent)
            self.open_database(path)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for p in self.settings.recent_databases:
            act = menu.addAction(p)
            act.setEnabled(Path(p).exists() and Path(p) != self.db_path.resolve())
            act.triggered.connect(lambda _c=False, p=p: self.open_database(p))
        if menu.isEmpty():
            menu.addAction("(none)").setEnabled(False)

    # -- help -----------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self, self.actions_.all()).show()

    def show_about(self) -> None:
        QMessageBox.about(self, "About Tracker", about_text(str(self.db_path)))


def _describe_refusal(plan: DropPlan) -> str:
    if plan.unsupported:
        names = ", ".join(Path(p).name for p in plan.unsupported[:3])
        return f"unsupported file type ({names})."
    return "only files, folders, and text or HTML can be dropped."
