"""Room to work: focus mode, the default layout, saved views, named periods, search hits.

Saved views and named periods live in the database (``services``), so they
travel with the database; focus mode and the dock layout are UI state in
QSettings. Adding or removing a period is an undo step, like every edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QColorDialog, QInputDialog

from tracker import services
from tracker.store.curation import NamedPeriod
from tracker.store.events import EventFilter

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow


class PeriodCommand(QUndoCommand):
    """Add (or, undone, remove) a named period; a removal undone puts it back with its id."""

    def __init__(self, win: MainWindow, period: NamedPeriod, remove: bool = False) -> None:
        super().__init__(f"{'Remove' if remove else 'Add'} period “{period.name}”")
        self.win, self.period, self.remove = win, period, remove

    def _add(self) -> None:
        def keep_id(pid):
            self.period = dataclasses.replace(self.period, id=pid)

        self.win.write(services.add_period, self.period, on_done=keep_id)

    def _remove(self) -> None:
        if self.period.id is not None:
            self.win.write(services.remove_period, self.period.id)

    def redo(self) -> None:
        self._remove() if self.remove else self._add()

    def undo(self) -> None:
        self._add() if self.remove else self._remove()


class ViewOps(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.focus_mode = False
        self._before_focus: dict[str, bool] = {}

    # -- focus mode ---------------------------------------------------------------------
    def toggle_focus(self) -> None:
        """F11: only the timeline and the event's details; again to bring the rest back."""
        win = self.win
        parts = {d.objectName(): d for d in win.docks()}
        parts["eventTable"] = win.table
        parts["filterBar"] = win.filter_toolbar
        if not self.focus_mode:
            self._before_focus = {k: not w.isHidden() for k, w in parts.items()}
            for name, w in parts.items():
                w.setVisible(name == "detailsDock")
            self.focus_mode = True
            win.statusBar().showMessage("Focus mode: F11 brings the other panes back.", 5000)
        else:
            for name, w in parts.items():
                w.setVisible(self._before_focus.get(name, True))
            self.focus_mode = False
        win.actions_.focus_mode.setChecked(self.focus_mode)

    # -- saved views ----------------------------------------------------------------------
    def current_state(self) -> dict:
        win = self.win
        win.filters.flush()
        flt = dataclasses.asdict(win.filters.current_filter())
        s = win.timeline_view.time_scale
        return {
            "filter": flt,
            "lanes": win.timeline_view.lane_mode(),
            "range": [s.t_left, s.t_right],
        }

    def save_view_dialog(self) -> None:
        name, ok = QInputDialog.getText(self.win, "Save view", "Name of this view:")
        if ok and name.strip():
            self.save_view(name.strip())

    def save_view(self, name: str) -> None:
        self.win.write(services.save_view, name, self.current_state())
        self.win.statusBar().showMessage(f"Saved the view “{name}”.", 5000)

    def apply_view(self, name: str) -> bool:
        state = services.load_view(self.win.db, name)
        if state is None:
            return False
        win = self.win
        flt = EventFilter(
            **{
                k: v
                for k, v in state.get("filter", {}).items()
                if k in {f.name for f in dataclasses.fields(EventFilter)}
            }
        )
        win.set_lane_mode(state.get("lanes", "none"))
        win.filters.set_filter(flt)  # its filters_changed refreshes the window, once
        rng = state.get("range")
        if rng:
            win.timeline_view.show_range(*rng)
        win.statusBar().showMessage(f"View “{name}”.", 4000)
        return True

    def delete_view_dialog(self) -> None:
        names = services.list_views(self.win.db)
        if not names:
            return
        name, ok = QInputDialog.getItem(self.win, "Delete view", "View:", names, 0, False)
        if ok:
            self.win.write(services.delete_view, name)

    def fill_views_menu(self, menu) -> None:
        menu.clear()
        menu.addAction(self.win.actions_.save_view)
        menu.addAction(self.win.actions_.delete_view)
        db = getattr(self.win, "db", None)
        names = services.list_views(db) if db is not None else []
        if names:
            menu.addSeparator()
        for name in names:
            menu.addAction(name, lambda n=name: self.apply_view(n))

    # -- named periods --------------------------------------------------------------------
    def add_period_dialog(self) -> None:
        win = self.win
        name, ok = QInputDialog.getText(win, "New period", "Name (e.g. Minsk talks):")
        if not ok or not name.strip():
            return
        start, ok = QInputDialog.getText(win, "New period", "From (YYYY, YYYY-MM or YYYY-MM-DD):")
        if not ok:
            return
        end, ok = QInputDialog.getText(win, "New period", "To (YYYY, YYYY-MM or YYYY-MM-DD):")
        if not ok:
            return
        colour = QColorDialog.getColor(parent=win, title="Colour of the band")
        self.add_period(
            NamedPeriod(
                None,
                name.strip(),
                start.strip(),
                end.strip(),
                colour.name() if colour.isValid() else "#e6a700",
            )
        )

    def add_period(self, period: NamedPeriod) -> None:
        from tracker.store.curation import _check_date

        try:
            _check_date(period.start)
            _check_date(period.end)
        except ValueError as err:
            self.win.show_error(str(err))
            return
        self.win.undo_stack.push(PeriodCommand(self.win, period))

    def remove_period_dialog(self) -> None:
        periods = services.list_periods(self.win.db)
        if not periods:
            return
        labels = [f"{p.name} ({p.start} – {p.end})" for p in periods]
        label, ok = QInputDialog.getItem(self.win, "Remove period", "Period:", labels, 0, False)
        if ok:
            self.win.undo_stack.push(
                PeriodCommand(self.win, periods[labels.index(label)], remove=True)
            )

    def show_periods(self, periods: Sequence[NamedPeriod]) -> None:
        """Draw the named periods (read with the rest of a refresh) as timeline bands."""
        self.win.timeline_view.set_periods(
            [(p.name, p.start_day, p.end_day, p.colour) for p in periods]
        )

    # -- tags ---------------------------------------------------------------------------------
    def tag_dialog(self) -> None:
        win = self.win
        ids = win.edits.selected_ids()
        if not ids:
            win.statusBar().showMessage("Select an event to tag.", 4000)
            return
        names = [n for n, _c in services.list_tags(win.db)]
        name, ok = QInputDialog.getItem(win, "Tag", "Tag (new or existing):", names, 0, True)
        if not ok or not name.strip():
            return
        if name not in names:
            colour = QColorDialog.getColor(parent=win, title=f"Colour of “{name}”")
            if colour.isValid():
                win.write(services.set_tag_colour, name.strip(), colour.name())
        win.undo_stack.push(TagCommand(win, ids, name.strip()))

    # -- search hits --------------------------------------------------------------------------
    def find_next(self, forward: bool = True) -> None:
        """F3 / Shift+F3: select the next or previous search hit (the events shown)."""
        target = self.win.session.step_hit(forward)
        if target is None:
            self.win.statusBar().showMessage("No search hits: type in the search box.", 4000)
            return
        self.win.select_event(target, origin="search")
        hits = self.win.session.hits
        self.win.statusBar().showMessage(f"Hit {hits.index(target) + 1} of {len(hits)}", 3000)


class TagCommand(QUndoCommand):
    def __init__(self, win: MainWindow, ids: list[int], name: str) -> None:
        super().__init__(f"Tag {len(ids)} event{'s' if len(ids) != 1 else ''} “{name}”")
        self.win, self.ids, self.name = win, list(ids), name

    def redo(self) -> None:
        self.win.write(services.tag_events, self.ids, self.name, True)

    def undo(self) -> None:
        self.win.write(services.tag_events, self.ids, self.name, False)
