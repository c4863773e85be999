"""Undoable edits: each QUndoCommand replays services.edit_event / delete_event /
restore_event (also from the deleted events' list) / reanchor_many / merge_events /
split_reports.

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


class RestoreEventsCommand(DeleteEventsCommand):
    """Bring deleted happenings back (Edit › Deleted events…): a deletion played backwards."""

    def __init__(self, write: Write, event_ids: Sequence[int]) -> None:
        super().__init__(write, event_ids)
        n = len(event_ids)
        self.setText(f"Restore {n} event{'s' if n != 1 else ''}")

    redo = DeleteEventsCommand.undo
    undo = DeleteEventsCommand.redo


# (article id, date or None, date source[, note saying how the date was found])
Change = tuple[int, date | None, str] | tuple[int, date | None, str, str | None]


class ReanchorArticlesCommand(QUndoCommand):
    """Set the dates of one or many articles in one step (one transaction, one undo).

    ``new`` and ``old`` are ``services.reanchor_many`` changes for the same
    articles; undo puts back each article's own previous date and source.
    ``on_done(changes, counts, undone)`` runs on the GUI thread once the worker is done.
    """

    def __init__(
        self,
        write: Write,
        new: Sequence[Change],
        old: Sequence[Change],
        text: str,
        on_done: Callable[[list[Change], list[int], bool], None] | None = None,
    ) -> None:
        super().__init__(text)
        if [c[0] for c in new] != [c[0] for c in old]:
            raise ValueError("new and old dates must name the same articles")
        self._write = write
        self.new = list(new)
        self.old = list(old)
        self._on_done = on_done

    @property
    def article_ids(self) -> list[int]:
        return [c[0] for c in self.new]

    def redo(self) -> None:
        self._apply(self.new, undone=False)

    def undo(self) -> None:
        self._apply(self.old, undone=True)

    def _apply(self, changes: list[Change], undone: bool) -> None:
        done = self._on_done
        self._write(
            services.reanchor_many,
            changes,
            on_done=None if done is None else lambda counts: done(changes, counts, undone),
        )


def _each(db, fn: Callable[..., None], ids: Sequence[int]) -> None:
    for event_id in ids:
        fn(db, event_id)


class FlagEventsCommand(QUndoCommand):
    """Star or hide events; undo puts back each event's own previous state."""

    def __init__(self, write: Write, before: dict[int, bool], flag: str, on: bool) -> None:
        n = len(before)
        verb = {"starred": "Star" if on else "Unstar", "hidden": "Hide" if on else "Show"}[flag]
        super().__init__(f"{verb} {n} event{'s' if n != 1 else ''}")
        self._write = write
        self.before = dict(before)
        self.flag, self.on = flag, on

    def redo(self) -> None:
        self._write(services.flag_events, {i: self.on for i in self.before}, self.flag)

    def undo(self) -> None:
        self._write(services.flag_events, self.before, self.flag)


class AddEventCommand(QUndoCommand):
    """Add an event by hand; undo deletes it (as an edit), redo brings the same event back."""

    def __init__(self, write: Write, fields: dict, source=None, on_added=None) -> None:
        super().__init__(f"Add event “{fields.get('title', '')}”")
        self._write = write
        self.fields, self.source = dict(fields), source
        self.event_id: int | None = None
        self._on_added = on_added

    def redo(self) -> None:
        if self.event_id is None:
            self._write(services.add_event, self.fields, self.source, on_done=self._added)
        else:
            self._write(services.restore_event, self.event_id)

    def _added(self, event_id: int) -> None:
        self.event_id = event_id
        if self._on_added is not None:
            self._on_added(event_id)

    def undo(self) -> None:
        if self.event_id is not None:
            self._write(services.delete_event, self.event_id)


class RegroupEventsCommand(QUndoCommand):
    """Merge events into one, or split one into its reports; undo puts every report
    back in the user group it had (``before``, from `services.grouping_of`)."""

    def __init__(
        self, write: Write, event_ids: Sequence[int], before: dict[int, str | None], merge: bool
    ) -> None:
        n = len(event_ids) if merge else len(before)
        super().__init__(f"Merge {n} events" if merge else f"Split an event into {n} reports")
        self._write = write
        self.event_ids = list(event_ids)
        self.before = dict(before)
        self.merge = merge

    def redo(self) -> None:
        if self.merge:
            self._write(services.merge_events, self.event_ids)
        else:
            self._write(services.split_reports, self.event_ids[0])

    def undo(self) -> None:
        self._write(services.restore_grouping, self.before)
