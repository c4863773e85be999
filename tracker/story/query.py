"""Read fused events: one `Event` per story, with every source passage and its importance.

A filter matches a fused event when it matches any of its reports. The fused
event carries the story's chosen date, title, type, actors and place, the id of
its lead report (so edits and selection keep working on stored event ids), all
its reports' passages (lead first), ``sources`` = independent articles, the
dates its sources gave that it did not take, and its corpus-level importance
from `tracker.story.salience`. Each is read from its stored record
(`tracker.story.records`) when there is one, built from its reports otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlite_utils import Database

from tracker.model import Event
from tracker.store import events as event_store
from tracker.store.events import EventFilter

from . import records
from .build import build_fused, date_order
from .salience import rank

#: The "key events" level of the window: events at least this important.
KEY_IMPORTANCE = 0.5


def fused_events(
    db: Database, flt: EventFilter | None = None, *, most_reported: int | None = None
) -> list[Event]:
    """Every fused event with a report matching ``flt``, in date order.

    ``most_reported``: only that many, the stories most articles report (by
    their stored source counts): a first screen read in a fraction of the time.
    """
    stories, loose = _matching(db, flt, most_reported)
    return _load(db, stories, loose)


def fused_json(db: Database, flt: EventFilter | None = None) -> list[bytes]:
    """The ``tracker events --json`` entry (UTF-8) of every fused event `fused_events`
    gives, in the same order: the stored text of each record with its importance put in."""
    stories, loose = _matching(db, flt, None)
    with event_store.building_many():
        found, missing = records.read_json(db, stories)
        if missing or loose:
            built, _proofs = build_fused(db, missing, loose)
            found.extend((date_order(ev), -1, records.encode(ev)) for ev in built)
        found.sort(key=_first)
        return [text for _key, _sid, text in found]


def _first(entry: records.JsonEntry) -> tuple[str, int]:
    return entry[0]


#: The filter of a window showing everything (`event_store._where` of an empty filter).
_UNFILTERED = event_store._where(EventFilter())[0]


def _matching(
    db: Database, flt: EventFilter | None, most_reported: int | None
) -> tuple[list[int], list[int]]:
    """The stories with a report matching ``flt``, and the matching events no story holds."""
    event_store._register_period_functions(db)
    where, params = event_store._where(flt or EventFilter(), db)
    if most_reported is not None and where == _UNFILTERED:
        # Every story with a report shown: walk the stories from the most reported down
        # (their index, m009) and stop at the first ``most_reported`` with one, instead
        # of collecting every story and sorting them all. The same stories, in the same order.
        chosen = db.execute(
            "select s.id from stories s indexed by stories_by_sources where exists"
            " (select 1 from story_members sm join events e on e.id = sm.event_id"
            f" where sm.story_id = s.id and {where})"
            " order by s.source_count desc, s.id limit ?",
            [*params, most_reported],
        ).fetchall()
        return [r[0] for r in chosen], []
    if most_reported is not None:
        chosen = db.execute(
            "select s.id from stories s where s.id in (select sm.story_id from events e"
            f" join story_members sm on sm.event_id = e.id where {where})"
            " order by s.source_count desc, s.id limit ?",
            [*params, most_reported],
        ).fetchall()
        return [r[0] for r in chosen], []
    # The filter (the costly part) runs once; everything else is read by id.
    matched = db.execute(
        "select e.id, sm.story_id from events e left join story_members sm on sm.event_id = e.id"
        f" where {where}",
        params,
    ).fetchall()
    stories = sorted({sid for _id, sid in matched if sid is not None})
    return stories, [event_id for event_id, sid in matched if sid is None]


def fused_event(db: Database, event_id: int) -> Event | None:
    """The fused event one stored event belongs to (itself alone if not fused)."""
    if db.execute("select 1 from events where id = ?", [event_id]).fetchone() is None:
        return None
    row = db.execute("select story_id from story_members where event_id = ?", [event_id]).fetchone()
    found = _load(db, [], [event_id]) if row is None or row[0] is None else _load(db, [row[0]], [])
    return found[0] if found else None


def _load(db: Database, story_ids: Sequence[int], loose_ids: Sequence[int]) -> list[Event]:
    """The fused events of the stories ``story_ids`` (their visible reports) and of the
    stored events ``loose_ids`` that no story holds, in date order: from their records,
    and built from their reports where there is none."""
    with event_store.building_many():
        found, missing = records.read_events(db, story_ids)
        if not missing and not loose_ids:
            found.sort(key=date_order)
            return found
        built, _proofs = build_fused(db, missing, loose_ids)
        records.remember(db, built)
        found.extend(built)
        found.sort(key=date_order)
        return found


def _near(a: Event, b: Event) -> bool:
    """Two key events too alike to both lead: same day, same type, a shared participant."""
    if a.date != b.date or a.type != b.type:
        return False
    names = {x.name.lower() for x in a.actors}
    return bool(names & {x.name.lower() for x in b.actors}) or (not names and not b.actors)


def top_events(events: Sequence[Event], k: int | None = None) -> list[Event]:
    """``events`` in key-event order (most important first, near-repeats pushed down)."""
    return rank(
        events,
        score=lambda e: e.importance,
        order=lambda e: (e.date or "~", e.id or 0),
        near=_near,
        limit=k,
    )


def key_events(events: Sequence[Event]) -> list[Event]:
    """The events important enough to be "key" (see `KEY_IMPORTANCE`), in date order."""
    return [e for e in events if e.importance >= KEY_IMPORTANCE]


def source_articles(ev: Event) -> Counter[int]:
    """Passages per article of a fused event."""
    return Counter(p.article_id for p in ev.passages)
