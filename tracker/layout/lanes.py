"""Which lane(s) an event belongs to in each lane mode, and the order lanes appear in.

An event with several actors belongs to each of their lanes, so the same event
can be drawn more than once; events with no key for a mode go to a last
"(no …)" lane rather than disappearing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tracker.model import Event, EventType

LANE_MODES = ("none", "actor", "country", "type", "article")
_NONE_TITLE = {
    "actor": "(no actor)",
    "country": "(no country)",
    "type": "(no type)",
    "article": "(no article)",
}
NONE_KEY = "\x00none"


def lane_keys(event: Event, mode: str) -> tuple[str, ...]:
    """The lanes ``event`` is drawn in under ``mode`` (at least one)."""
    if mode == "none":
        return ("all",)
    if mode == "actor":
        keys = tuple(dict.fromkeys(a.name for a in event.actors if a.name))
    elif mode == "country":
        keys = tuple(dict.fromkeys(a.name for a in event.actors if a.name and a.kind == "country"))
    elif mode == "type":
        keys = (event.type,) if event.type else ()
    elif mode == "article":
        keys = (str(event.article_id),) if event.article_id is not None else ()
    else:
        raise ValueError(f"unknown lane mode {mode!r}; expected one of {LANE_MODES}")
    return keys or (NONE_KEY,)


def lane_title(key: str, mode: str, sample: Event | None = None) -> str:
    if key == NONE_KEY:
        return _NONE_TITLE.get(mode, "(none)")
    if mode == "none":
        return "All events"
    if mode == "type":
        try:
            return EventType(key).display_name
        except ValueError:  # a type of the user's own
            return key.capitalize()
    if mode == "article" and sample is not None:
        return sample.article_title or f"Article {key}"
    return key


def order_lanes(mode: str, members: dict[str, list[int]], events: Sequence[Event]) -> list[str]:
    """Lane keys in display order: types in their fixed order, articles by date,
    actors and countries busiest first; the "(no …)" lane always last."""
    keys = [k for k in members if k != NONE_KEY]
    if mode == "type":
        rank = {str(t): i for i, t in enumerate(EventType)}
        keys.sort(key=lambda k: (rank.get(k, len(rank)), k))
    elif mode == "article":

        def article_key(k: str) -> tuple[str, str]:
            e = events[members[k][0]]
            return (e.article_date or "", e.article_title or "")

        keys.sort(key=article_key)
    else:
        counts = Counter({k: len(v) for k, v in members.items()})
        keys.sort(key=lambda k: (-counts[k], k.casefold()))
    if NONE_KEY in members:
        keys.append(NONE_KEY)
    return keys
