"""Commands on the selected events: edit, delete (with Undo in the status bar), copy, star,
hide, merge several into one, split one into its reports.

Every change is an undo command that runs through the database writer; the
window only says which events are selected. Deleting says so in the status bar
with an Undo button beside the message, as mail clients do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from tracker import services
from tracker.model import Event
from tracker.ui.commands import (
    AddEventCommand,
    DeleteEventsCommand,
    EditEventCommand,
    FlagEventsCommand,
    RegroupEventsCommand,
    RestoreEventsCommand,
)
from tracker.ui.dialogs import EditEventDialog, event_fields


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class EventEdits(QObject):
    def __init__(self, win) -> None:
        super().__init__(win)
        self.win = win
        self.undo_button = QPushButton("Undo", win)
        self.undo_button.setObjectName("statusUndo")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo_clicked)
        win.statusBar().addWidget(self.undo_button)
        # The button belongs to its message: any other message takes it away.
        win.statusBar().messageChanged.connect(self._message_changed)
        self._undo_message = ""

    def selected_ids(self) -> list[int]:
        win = self.win
        ids = win.table.selected_event_ids() if win.table.hasFocus() else []
        if not ids and win.current_event_id is not None:
            ids = [win.current_event_id]
        return ids

    def edit_selected(self) -> None:
        win = self.win
        ev = services.get_event(win.db, win.current_event_id) if win.current_event_id else None
        if ev is None:
            win.statusBar().showMessage("Select an event to edit.", 4000)
            return
        dlg = EditEventDialog(win, ev)
        if win.ask(dlg):
            self.edit(ev.id, dlg.changes())

    def edit(self, event_id: int, changes: dict) -> None:
        win = self.win
        ev = services.get_event(win.db, event_id)
        if ev is None or not changes:
            return
        win.undo_stack.push(
            EditEventCommand(
                win.write,
                event_id,
                changes,
                event_fields(ev),
                ev.title,
                pinned=services.edited_fields(win.db, event_id),
            )
        )

    def new_event(self, fields: dict | None = None, source=None) -> None:
        """Ask for a new event's fields (prefilled with ``fields``) and add it, undoably."""
        f = fields or {}
        blank = Event(
            None, f.get("date"), f.get("title", ""), granularity=f.get("granularity", "day")
        )
        dlg = EditEventDialog(self.win, blank)
        dlg.setWindowTitle("New event")
        if not self.win.ask(dlg):
            return
        values = {**{k: v for k, v in f.items() if v is not None}, **event_fields(blank)}
        values.update(dlg.changes())
        self.add(values, source)

    def add(self, values: dict, source=None) -> None:
        self.win.undo_stack.push(
            AddEventCommand(
                self.win.write, values, source, on_added=lambda i: self.win.select_event(i)
            )
        )
        self.win.statusBar().showMessage(f"Added “{values.get('title', '')}”.", 4000)

    def new_event_from_selection(self) -> None:
        """In the article view: an event prefilled with the selected date, linked to it."""
        win = self.win
        span = win.article_view.selection_span()
        if span is None:
            win.statusBar().showMessage("Select a date or sentence in the article first.", 4000)
            return
        article_id, start, end = span
        prefill = services.event_from_selection(win.db, article_id, start, end)
        if prefill is None:
            return
        fields, source = prefill
        self.new_event(fields, source)

    def redate(self, event_id: int, new_date: str) -> None:
        """Dragged on the timeline to another day: an ordinary, undoable date edit."""
        self.edit(event_id, {"date": new_date})

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.win.undo_stack.push(DeleteEventsCommand(self.win.write, ids))
        self.say_with_undo(f"Deleted {plural(len(ids), 'event')}")

    def show_deleted(self) -> None:
        """Edit › Deleted events…: the happenings deleted, to restore any time later."""
        win = self.win
        if win.db is None:
            return
        if win.deleted_dialog is None:
            from tracker.ui.deleted_dialog import DeletedEventsDialog

            win.deleted_dialog = DeletedEventsDialog(win)
            win.deleted_dialog.restore_requested.connect(self.restore)
        self.fill_deleted()
        win.deleted_dialog.show()
        win.deleted_dialog.raise_()

    def fill_deleted(self) -> None:
        if self.win.deleted_dialog is not None and self.win.db is not None:
            self.win.deleted_dialog.set_rows(services.deleted_happenings(self.win.db))

    def restore(self, event_ids: list[int]) -> None:
        """Bring deleted happenings back, every report of each (undoable)."""
        if not event_ids:
            return
        self.win.undo_stack.push(RestoreEventsCommand(self.win.write, event_ids))
        self.say_with_undo(f"Restored {plural(len(event_ids), 'event')}")

    def merge_selected(self) -> None:
        """The selected events are one happening: fuse them (undoable)."""
        # Only the table selects several events, so its rows count wherever the focus is.
        ids = self.win.table.selected_event_ids()
        if len(ids) < 2:
            self.win.statusBar().showMessage("Select two or more events to merge.", 4000)
            return
        before = services.grouping_of(self.win.db, ids)
        self.win.undo_stack.push(RegroupEventsCommand(self.win.write, ids, before, merge=True))
        self.say_with_undo(f"Merged {plural(len(ids), 'event')} into one")

    def split_selected(self) -> None:
        """The selected event fuses reports of different happenings: part them (undoable)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            self.win.statusBar().showMessage("Select one event to split.", 4000)
            return
        before = services.grouping_of(self.win.db, ids)
        if len(before) < 2:
            self.win.statusBar().showMessage("This event has a single report.", 4000)
            return
        self.win.undo_stack.push(RegroupEventsCommand(self.win.write, ids, before, merge=False))
        self.say_with_undo(f"Split into {plural(len(before), 'event')}")

    def flag_selected(self, flag: str, on: bool | None = None) -> None:
        """Star or hide (``flag``) the selected events; ``on=None`` toggles by the first."""
        ids = self.selected_ids()
        if not ids:
            self.win.statusBar().showMessage("Select an event first.", 4000)
            return
        before = {}
        for i in ids:
            ev = services.get_event(self.win.db, i)
            before[i] = bool(ev is not None and getattr(ev, flag))
        if on is None:
            on = not before[ids[0]]
        self.win.undo_stack.push(FlagEventsCommand(self.win.write, before, flag, on))
        verb = {
            ("starred", True): "Starred",
            ("starred", False): "Unstarred",
            ("hidden", True): "Hid",
            ("hidden", False): "Showed again",
        }[(flag, on)]
        self.say_with_undo(f"{verb} {plural(len(ids), 'event')}")

    def say_with_undo(self, text: str) -> None:
        """``text`` in the status bar with an Undo button beside it (the last undo step)."""
        self._undo_message = f"{text} —"
        self.win.statusBar().showMessage(self._undo_message, 10000)
        self.undo_button.show()

    def _message_changed(self, message: str) -> None:
        if message != self._undo_message:
            self.undo_button.hide()

    def _undo_clicked(self) -> None:
        self.win.undo_stack.undo()
        self.undo_button.hide()
        self.win.statusBar().clearMessage()

    def copy_selection(self) -> None:
        win = self.win
        ids = self.selected_ids()
        by_id = {e.id: e for e in win.events}
        lines = []
        for i in ids:
            ev = by_id.get(i) or services.get_event(win.db, i)
            if ev is not None:
                quote = ev.passages[0].quote if ev.passages else ""
                lines.append("\t".join([ev.date or "", ev.title, quote, ev.article_title or ""]))
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))
            win.statusBar().showMessage(f"Copied {plural(len(lines), 'event')}.", 3000)
