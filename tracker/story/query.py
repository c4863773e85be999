"""Read fused events: one `Event` per story, with every source passage and its importance.

A filter matches a fused event when it matches any of its reports. The fused
event carries the story's chosen date, title, type, actors and place, the id of
its lead report (so edits and selection keep working on stored event ids), all
its reports' passages (lead first), ``sources`` = independent articles, the
dates its sources gave that it did not take, and its corpus-level importance
from `tracker.story.salience`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from tracker.model import Actor, Event
from tracker.store import events as event_store
from tracker.store.events import EventFilter

from .choose import is_fine
from .days import day_weights
from .salience import Evidence, importance, prominence, rank

#: The "key events" level of the window: events at least this important.
KEY_IMPORTANCE = 0.5

_STORY_COLUMNS = (
    "id, lead_event_id, date, date_end, granularity, title, type, modality, location, actors,"
    " start_day, end_day, source_count, later_sources, lead, other_dates"
)


class _Corpus:
    """Corpus-wide counts salience needs: participants' article counts, days' weights."""

    def __init__(self, db: Database, days: Sequence[str] | None = None) -> None:
        self.actor_articles: dict[str, int] = dict(
            db.execute(
                "select a.name, count(distinct e.article_id) from event_actors ea"
                " join actors a on a.id = ea.actor_id join events e on e.id = ea.event_id"
                " where e.deleted = 0 group by a.id"
            ).fetchall()
        )
        self.most = max(self.actor_articles.values(), default=0)
        # A few days (one event's details): only theirs; many: one pass over the corpus.
        few = days is not None and len(days) <= 200
        self.day_weight = day_weights(db, days if few else None)


def fused_events(db: Database, flt: EventFilter | None = None) -> list[Event]:
    """Every fused event with a report matching ``flt``, in date order."""
    event_store._register_period_functions(db)
    where, params = event_store._where(flt or EventFilter(), db)
    return _load(
        db,
        "e.id in (select event_id from story_members where story_id in"
        f" (select sm.story_id from events e join story_members sm on sm.event_id = e.id"
        f" where {where}))",
        params,
        f"e.id not in (select event_id from story_members where story_id is not null) and {where}",
    )


def fused_event(db: Database, event_id: int) -> Event | None:
    """The fused event one stored event belongs to (itself alone if not fused)."""
    if db.execute("select 1 from events where id = ?", [event_id]).fetchone() is None:
        return None
    row = db.execute("select story_id from story_members where event_id = ?", [event_id]).fetchone()
    if row is None or row[0] is None:
        found = _load(db, "0", [], "e.id = ?", [event_id])
    else:
        found = _load(
            db, "e.id in (select event_id from story_members where story_id = ?)", [row[0]], "0", []
        )
    return found[0] if found else None


def _load(
    db: Database,
    story_where: str,
    params: list[object],
    loose_where: str,
    loose_params: list[object] | None = None,
) -> list[Event]:
    # The filter (the costly part) runs once: the members are then read by id.
    story_of = dict(
        db.execute(
            "select e.id, sm.story_id from events e join story_members sm on sm.event_id = e.id"
            f" where e.deleted = 0 and {story_where}",
            params,
        ).fetchall()
    )
    members = (
        event_store.select_events(
            db,
            "e.id in (select value from json_each(?))",
            [json.dumps(list(story_of))],
            with_sources=False,
        )
        if story_of
        else []
    )
    loose = event_store.select_events(
        db, loose_where, params if loose_params is None else loose_params, with_sources=False
    )
    by_story: dict[int, list[Event]] = {}
    for ev in members:
        by_story.setdefault(story_of[ev.id], []).append(ev)
    rows = {}
    ids = sorted(by_story)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in db.execute(
            f"select {_STORY_COLUMNS} from stories where id in ({','.join('?' * len(chunk))})",
            chunk,
        ):
            rows[r[0]] = r
    days = {str(r[2])[:10] for r in rows.values() if r[2]}
    days.update(ev.date[:10] for ev in loose if ev.date)
    corpus = _Corpus(db, sorted(days))
    out = [_fused(rows.get(sid), evs, corpus) for sid, evs in by_story.items()]
    out.extend(_fused(None, [ev], corpus) for ev in loose)
    out.sort(key=lambda e: (e.date or "~", e.id or 0))
    return out


def _fused(row: Sequence[Any] | None, members: list[Event], corpus: _Corpus) -> Event:
    by_id = {e.id: e for e in members}
    other: tuple[tuple[str, int], ...] = ()
    story_id: int | None = None
    later = 0
    if row is None:  # not fused yet (no refresh ran): the event stands alone
        base = lead_ev = members[0]
        sources = len({p.article_id for p in base.passages}) or 1
        lead = base.importance
    else:
        story_id = int(row[0])
        lead_ev = by_id.get(row[1]) or members[0]
        names = json.loads(row[9]) if row[9] else []
        kinds = {a.name: a for m in members for a in m.actors}
        base = replace(
            lead_ev,
            date=row[2],
            date_end=row[3],
            granularity=row[4],
            title=row[5],
            type=row[6],
            modality=row[7],
            location=row[8],
            actors=tuple(kinds.get(n) or Actor(n) for n in names),
            confidence=max(m.confidence for m in members),
        )
        sources = int(row[12] or 1)
        later = int(row[13] or 0)
        lead = float(row[14]) if row[14] is not None else lead_ev.importance
        if row[15]:
            other = tuple((str(d), int(n)) for d, n in json.loads(row[15]))
    ordered = [lead_ev, *sorted((m for m in members if m is not lead_ev), key=_by_article)]
    actor_counts = [corpus.actor_articles.get(a.name, 0) for a in base.actors]
    day = base.date if is_fine(base.granularity) else None
    weight = corpus.day_weight.get(day[:10], 0.0) if day else 0.0
    score = importance(
        Evidence(
            sources=sources,
            later_sources=later,
            day_weight=weight,
            lead=lead,
            prominence=prominence(actor_counts, corpus.most),
            granularity=base.granularity,
            modality=base.modality,
        )
    )
    return replace(
        base,
        passages=tuple(p for m in ordered for p in m.passages),
        importance=score,
        sources=sources,
        story_id=story_id,
        member_ids=tuple(m.id for m in ordered if m.id is not None),
        other_dates=other,
        created_by="user" if any(m.created_by == "user" for m in members) else base.created_by,
    )


def _by_article(ev: Event) -> tuple[str, int, int]:
    return (ev.article_date or "~", ev.article_id or 0, ev.id or 0)


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
