"""Undoable edits: each QUndoCommand replays services.edit_event / delete_event / restore_event.

The commands never touch the database themselves; they ask the window's write
function (which queues the call on the database worker and refreshes the view)
so Undo and Redo follow the same path as the original edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from tracker import services

Write = Callable[..., Any]  # write(fn, *args, **kwargs): queue fn(db, *args, **kwargs)


class EditEventCommand(QUndoCommand):
    def __init__(self, write: Write, event_id: int, new: dict, old: dict, title: str) -> None:
        super().__init__(f"Edit “{title}”")
        self._write = write
        self.event_id = event_id
        self.new = new
        self.old = {k: old[k] for k in new}

    def redo(self) -> None:
        self._write(services.edit_event, self.event_id, **self.new)

    def undo(self) -> None:
        self._write(services.edit_event, self.event_id, **self.old)


class DeleteEventsCommand(QUndoCommand):
    def __init__(self, write: Write, event_ids: Sequence[int]) -> None:
        n = len(event_ids)
        super().__init__(f"Delete {n} event{'s' if n != 1 else ''}")
        self._write = write
        self.event_ids = list(event_ids)

    def redo(self) -> None:
        self._write(_each, services.delete_event, self.event_ids)

    def undo(self) -> None:
        self._write(_each, services.restore_event, self.event_ids)


def _each(db, fn: Callable[..., None], ids: Sequence[int]) -> None:
    for event_id in ids:
        fn(db, event_id)
