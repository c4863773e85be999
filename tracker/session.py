"""The window's state without Qt: current selection, filters, visible range, search hits.

napari keeps viewer state in plain evented objects that Qt views observe; this
is ours. Panes subscribe with ``session.subscribe(callback)`` and are told
which field changed; they never talk to each other about selection. Setting a
field to the value it has is not a change, so panes that echo a selection back
cause no loops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from tracker.store.events import EventFilter

Listener = Callable[[str, Any], None]


@dataclass
class Session:
    selected: int | None = None  # current event id
    filter: EventFilter = field(default_factory=EventFilter)
    visible_range: tuple[float, float] | None = None  # timeline seconds [left, right)
    hits: tuple[int, ...] = ()  # event ids matching the search, in timeline order
    _listeners: list[Listener] = field(default_factory=list, repr=False)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(name, value)`` on each change; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _set(self, name: str, value: Any) -> bool:
        if getattr(self, name) == value:
            return False
        setattr(self, name, value)
        for listener in list(self._listeners):
            listener(name, value)
        return True

    def select(self, event_id: int | None) -> bool:
        return self._set("selected", event_id)

    def clear_selection(self) -> bool:
        return self._set("selected", None)

    def set_filter(self, flt: EventFilter) -> bool:
        return self._set("filter", flt)

    def update_filter(self, **changes: Any) -> bool:
        return self._set("filter", replace(self.filter, **changes))

    def set_range(self, left: float, right: float) -> bool:
        return self._set("visible_range", (left, right))

    def set_hits(self, ids: Sequence[int]) -> bool:
        return self._set("hits", tuple(ids))

    def step_hit(self, forward: bool = True) -> int | None:
        """Select the next (or previous) search hit after the current selection, wrapping."""
        if not self.hits:
            return None
        if self.selected in self.hits:
            k = self.hits.index(self.selected) + (1 if forward else -1)
        else:
            k = 0 if forward else -1
        target = self.hits[k % len(self.hits)]
        self.select(target)
        return target
