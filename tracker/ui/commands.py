"""Undoable edits: each QUndoCommand replays services.edit_event / delete_event /
restore_event / reanchor.

The commands never touch the database themselves; they ask the window's write
function (which queues the call on the database worker and refreshes the view)
so Undo and Redo follow the same path as the original edit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from tracker import services

Write = Callable[..., Any]  # write(fn, *args, **kwargs): queue fn(db, *args, **kwargs)


class EditEventCommand(QUndoCommand):
    """``pinned``: the fields the user had already corrected before this edit. Undo gives
    those their previous correction back, and unpins the others, so an undone date
    edit re-resolves again when the article is re-dated."""

    def __init__(
        self,
        write: Write,
        event_id: int,
        new: dict,
        old: dict,
        title: str,
        pinned: Collection[str] = (),
    ) -> None:
        super().__init__(f"Edit “{title}”")
        self._write = write
        self.event_id = event_id
        self.new = new
        self.old = {k: old[k] for k in new}
        self.pinned = set(pinned)

    def redo(self) -> None:
        self._write(services.edit_event, self.event_id, **self.new)

    def undo(self) -> None:
        repin = {k: v for k, v in self.old.items() if k in self.pinned}
        unpin = {k: v for k, v in self.old.items() if k not in self.pinned}
        self._write(_undo_edit, self.event_id, repin, unpin)


def _undo_edit(db, event_id: int, repin: dict, unpin: dict) -> None:
    if repin:
        services.edit_event(db, event_id, **repin)
    if unpin:
        services.revert_edit(db, event_id, **unpin)


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


class ReanchorArticleCommand(QUndoCommand):
    """Set an article's date; undo puts back the previous date and where it came from."""

    def __init__(
        self,
        write: Write,
        article_id: int,
        new: tuple[date | None, str],
        old: tuple[date | None, str],
        title: str,
        on_done: Callable[[date | None, str, int], None] | None = None,
    ) -> None:
        super().__init__(f"Set date of “{title}”")
        self._write = write
        self.article_id = article_id
        self.new = new
        self.old = old
        self._on_done = on_done

    def redo(self) -> None:
        self._apply(*self.new)

    def undo(self) -> None:
        self._apply(*self.old)

    def _apply(self, when: date | None, source: str) -> None:
        done = self._on_done
        self._write(
            services.reanchor,
            self.article_id,
            when,
            source,
            on_done=None if done is None else lambda count: done(when, source, count),
        )


def _each(db, fn: Callable[..., None], ids: Sequence[int]) -> None:
    for event_id in ids:
        fn(db, event_id)
