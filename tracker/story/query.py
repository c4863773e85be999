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
from functools import lru_cache
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
    """Corpus-wide counts salience needs: participants' article counts, days' weights.

    Read once per state of the database (see `corpus_counts`): each is a pass
    over the whole corpus, the fixed cost of every query otherwise.
    """

    def __init__(self, db: Database) -> None:
        self.actor_articles: dict[str, int] = dict(
            db.execute(
                "select a.name, count(distinct e.article_id) from event_actors ea"
                " join actors a on a.id = ea.actor_id join events e on e.id = ea.event_id"
                " where e.deleted = 0 group by a.id"
            ).fetchall()
        )
        self.most = max(self.actor_articles.values(), default=0)
        self.day_weight = day_weights(db)


def corpus_counts(db: Database) -> _Corpus:
    """The `_Corpus` of ``db`` as it is now, kept on the connection until it changes."""
    version = event_store._data_version(db)
    cached: tuple[tuple[int, int], _Corpus] | None = getattr(db, "_tracker_corpus", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    corpus = _Corpus(db)
    db._tracker_corpus = (version, corpus)  # type: ignore[attr-defined]
    return corpus


def fused_events(
    db: Database, flt: EventFilter | None = None, *, most_reported: int | None = None
) -> list[Event]:
    """Every fused event with a report matching ``flt``, in date order.

    ``most_reported``: only that many, the stories most articles report (by
    their stored source counts): a first screen read in a fraction of the time.
    """
    event_store._register_period_functions(db)
    where, params = event_store._where(flt or EventFilter(), db)
    if most_reported is not None:
        chosen = db.execute(
            "select s.id from stories s where s.id in (select sm.story_id from events e"
            f" join story_members sm on sm.event_id = e.id where {where})"
            " order by s.source_count desc, s.id limit ?",
            [*params, most_reported],
        ).fetchall()
        return _load(db, [r[0] for r in chosen], [])
    # The filter (the costly part) runs once; everything else is read by id.
    matched = db.execute(
        "select e.id, sm.story_id from events e left join story_members sm on sm.event_id = e.id"
        f" where {where}",
        params,
    ).fetchall()
    stories = sorted({sid for _id, sid in matched if sid is not None})
    return _load(db, stories, [event_id for event_id, sid in matched if sid is None])


def fused_event(db: Database, event_id: int) -> Event | None:
    """The fused event one stored event belongs to (itself alone if not fused)."""
    if db.execute("select 1 from events where id = ?", [event_id]).fetchone() is None:
        return None
    row = db.execute("select story_id from story_members where event_id = ?", [event_id]).fetchone()
    found = _load(db, [], [event_id]) if row is None or row[0] is None else _load(db, [row[0]], [])
    return found[0] if found else None


def _load(db: Database, story_ids: Sequence[int], loose_ids: Sequence[int]) -> list[Event]:
    """The fused events of the stories ``story_ids`` (their visible reports) and of the
    stored events ``loose_ids`` that no story holds, in date order."""
    with event_store.building_many():
        return _load_all(db, story_ids, loose_ids)


def _load_all(db: Database, story_ids: Sequence[int], loose_ids: Sequence[int]) -> list[Event]:
    story_of: dict[int, int] = {}
    if story_ids:
        members = (
            "select sm.event_id, sm.story_id from story_members sm join events e"
            " on e.id = sm.event_id where e.deleted = 0"
        )
        if event_store.scan_whole(db, "stories", len(story_ids)):
            wanted = set(story_ids)
            story_of = {e: s for e, s in db.execute(members) if s in wanted}
        else:
            story_of = dict(
                db.execute(
                    f"{members} and sm.story_id in (select value from json_each(?))",
                    [json.dumps(list(story_ids))],
                ).fetchall()
            )
    ids = {*story_of, *loose_ids}
    if not ids:
        return []
    rows = event_store.select_rows(db, ids)
    related = event_store.read_related(db, ids)
    by_story: dict[int, list[Sequence[Any]]] = {}
    loose: list[Sequence[Any]] = []
    for r in rows:  # members in date order, as `_fused` expects
        sid = story_of.get(r[0])
        if sid is None:
            loose.append(r)
        else:
            found = by_story.get(sid)
            if found is None:
                by_story[sid] = [r]
            else:
                found.append(r)
    story_rows = {}
    if event_store.scan_whole(db, "stories", len(by_story)):
        story_rows = {
            r[0]: r for r in db.execute(f"select {_STORY_COLUMNS} from stories") if r[0] in by_story
        }
    else:
        sids = sorted(by_story)
        for i in range(0, len(sids), 500):
            chunk = sids[i : i + 500]
            for r in db.execute(
                f"select {_STORY_COLUMNS} from stories where id in ({','.join('?' * len(chunk))})",
                chunk,
            ):
                story_rows[r[0]] = r
    build = _Builder(related, corpus_counts(db))
    out = [build.fused(story_rows.get(sid), ms) for sid, ms in by_story.items()]
    out.extend(build.fused(None, [r]) for r in loose)
    out.sort(key=_date_order)
    return out


def _date_order(e: Event) -> tuple[str, int]:
    return (e.date or "~", e.id or 0)


# Row positions of `event_store._EVENT_COLUMNS` that `_fused` reads.
_ID, _CONFIDENCE, _CREATED_BY, _ARTICLE, _ARTICLE_DATE = 0, 8, 10, 12, 14


@lru_cache(maxsize=65536)
def _json_names(text: str) -> tuple[str, ...]:
    """A story's participants, stored as a JSON list (a corpus repeats its lists)."""
    return tuple(json.loads(text))


@lru_cache(maxsize=4096)
def _json_dates(text: str) -> tuple[tuple[str, int], ...]:
    return tuple((str(d), int(n)) for d, n in json.loads(text))


class _Builder:
    """Builds fused events from stored rows; keeps what many of them share."""

    def __init__(self, related: event_store.Related, corpus: _Corpus) -> None:
        self.related = related
        self.corpus = corpus
        self.prominence: dict[tuple[str, ...], float] = {}

    def _prominence(self, names: tuple[str, ...]) -> float:
        found = self.prominence.get(names)
        if found is None:
            counts = self.corpus.actor_articles
            found = self.prominence[names] = prominence(
                [counts.get(n, 0) for n in names], self.corpus.most
            )
        return found

    def fused(self, row: Sequence[Any] | None, members: list[Sequence[Any]]) -> Event:
        """One fused event from its story row (None: an event no story holds) and its
        reports' stored rows. Built from the lead report's values with the story's
        put over them, without building each report as an `Event` first."""
        related = self.related
        lead_row = members[0]
        other: tuple[tuple[str, int], ...] = ()
        story_id: int | None = None
        later = 0
        passages = related.passages
        if row is None:  # not fused yet (no refresh ran): the event stands alone
            values = event_store.event_values(lead_row, related)
            sources = len({p.article_id for p in values[17]}) or 1
            lead = values[9]
            names = tuple(a.name for a in values[16])
        else:
            story_id = row[0]
            if len(members) > 1:
                for m in members:
                    if m[_ID] == row[1]:
                        lead_row = m
                        break
            values = event_store.event_values(lead_row, related)
            names = _json_names(row[9]) if row[9] else ()
            if len(members) == 1:
                kinds = {a.name: a for a in values[16]}
                values[8] = lead_row[_CONFIDENCE] if lead_row[_CONFIDENCE] is not None else 0.5
            else:
                kinds = {a.name: a for m in members for a in related.actors.get(m[_ID], ())}
                values[8] = max(
                    m[_CONFIDENCE] if m[_CONFIDENCE] is not None else 0.5 for m in members
                )
            values[1:8] = [row[2], row[5], row[4], row[3], row[6], row[7], row[8]]
            values[16] = tuple([kinds.get(n) or Actor(n) for n in names])
            sources = int(row[12] or 1)
            later = int(row[13] or 0)
            lead = float(row[14]) if row[14] is not None else values[9]
            if row[15]:
                other = _json_dates(row[15])
        granularity = values[3]
        day = values[1] if is_fine(granularity) else None
        values[9] = _importance(
            sources,
            later,
            self.corpus.day_weight.get(day[:10], 0.0) if day else 0.0,
            lead,
            self._prominence(names),
            granularity,
            values[6],
        )
        if len(members) == 1:
            values[17] = passages.get(lead_row[_ID], ())
            values[23] = (lead_row[_ID],) if lead_row[_ID] is not None else ()
        else:
            ordered = [
                lead_row,
                *sorted((m for m in members if m is not lead_row), key=_by_article),
            ]
            values[17] = tuple([p for m in ordered for p in passages.get(m[_ID], ())])
            values[23] = tuple([m[_ID] for m in ordered if m[_ID] is not None])
            if any(m[_CREATED_BY] == "user" for m in members):
                values[10] = "user"
        values[18] = sources
        values[22] = story_id
        values[24] = other
        return event_store._built(Event, event_store._EVENT_FIELDS, values)


@lru_cache(maxsize=65536)
def _importance(
    sources: int,
    later: int,
    day_weight: float,
    lead: float,
    prominence: float,
    granularity: str | None,
    modality: str,
) -> float:
    """`salience.importance` of this evidence: a pure function, and a corpus repeats
    its evidence (one source, no later ones, the same few days and participants)."""
    return importance(
        Evidence(
            sources=sources,
            later_sources=later,
            day_weight=day_weight,
            lead=lead,
            prominence=prominence,
            granularity=granularity,
            modality=modality,
        )
    )


def _by_article(m: Sequence[Any]) -> tuple[str, int, int]:
    return (m[_ARTICLE_DATE] or "~", m[_ARTICLE] or 0, m[_ID] or 0)


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
