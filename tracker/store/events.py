"""Event rows with their passages and actors; user edits that survive re-extraction."""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from sqlite_utils import Database

from tracker.model import Actor, Event, Passage, Period, event_span

if TYPE_CHECKING:  # importing tracker.extract loads the whole engine: only imports need it
    from tracker.extract.types import ExtractedEvent, Mention

EDITABLE = ("title", "date", "date_end", "granularity", "type", "modality", "location", "actors")
#: On/off marks kept as edits, so they survive re-extraction like corrections.
FLAGS = ("deleted", "starred", "hidden")


@dataclass(frozen=True)
class EventFilter:
    search: str | None = None  # full text over titles, quotes, article title and text
    actor: str | None = None
    type: str | None = None
    modality: str | None = None
    date_from: str | None = None  # a date value (2024, 2024-11, 2024-11-13 ...), inclusive
    date_to: str | None = None  # a date value, inclusive
    article_id: int | None = None
    # "events": titles, actors, places and quotes; "articles": whole article texts too.
    search_scope: str = "events"
    include_hidden: bool = False  # hidden events are left out unless asked for
    starred: bool = False  # only starred events
    tag: str | None = None  # only events with this tag
    # Which fused events (tracker.story, applied by services): None for all,
    # "key" for the key events, "top20" for the 20 most important.
    level: str | None = None


def _inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT just made (sqlite3 types it optional; after an insert it is set)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def event_key(ev: ExtractedEvent) -> str:
    if ev.dated_by == "publication":
        # The day's news has no date expression: its sentence is its key.
        return f"s{ev.sentence_start}-{ev.sentence_end}"
    if not ev.sentence_start <= ev.timex_start < ev.sentence_end:
        # A happening told beside its date's sentence shares the date, not the key.
        return f"{ev.timex_start}-{ev.timex_end}@{ev.sentence_start}"
    return f"{ev.timex_start}-{ev.timex_end}"


def _actor_id(db: Database, name: str, kind: str, aliases: Sequence[str] = ()) -> int:
    row = db.execute("select id, aliases from actors where name = ?", [name]).fetchone()
    if row:
        known = [a for a in (row[1] or "").split("|") if a]
        new = [a for a in aliases if a not in known]
        if new:
            db.execute(
                "update actors set aliases = ? where id = ?", ["|".join(known + new), row[0]]
            )
        return int(row[0])
    return _inserted_id(
        db.execute(
            "insert into actors (name, kind, aliases) values (?, ?, ?)",
            [name, kind or "other", "|".join(aliases) or None],
        )
    )


def _set_actors(db: Database, event_id: int, actors: Sequence[tuple[str, str] | Actor]) -> None:
    db.execute("delete from event_actors where event_id = ?", [event_id])
    seen: set[int] = set()
    rows = []
    for pos, item in enumerate(actors):
        actor = item if isinstance(item, Actor) else Actor(item[0], item[1])
        aid = _actor_id(db, actor.name, actor.kind, actor.aliases)
        if aid not in seen:
            seen.add(aid)
            rows.append((event_id, aid, pos, actor.role))
    db.conn.executemany(
        "insert into event_actors (event_id, actor_id, position, role) values (?, ?, ?, ?)", rows
    )


_INSERT_EVENT = (
    "insert into events (id, article_id, key, date, date_end, granularity, title, type,"
    " modality, location, confidence, importance, relative, dated_by, start_day, end_day,"
    " created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'extractor')"
)
# Deletions are edits, re-applied after this: a reused row starts visible again.
_UPDATE_EVENT = (
    "update events set date = ?, date_end = ?, granularity = ?, title = ?, type = ?, modality = ?,"
    " location = ?, confidence = ?, importance = ?, relative = ?, dated_by = ?, start_day = ?,"
    " end_day = ?, deleted = 0, starred = 0, hidden = 0 where id = ?"
)
_INSERT_PASSAGE = (
    "insert into passages (event_id, article_id, sentence_start, sentence_end, timex_start,"
    " timex_end, timex, quote, context) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _passage_row(
    article_id: int,
    event_id: int,
    m: Mention,
    text: str,
    context: tuple[int | None, int | None] = (None, None),
) -> tuple[int, int, int, int, int, int, str, str, str | None]:
    quote = " ".join(text[m.sentence_start : m.sentence_end].split())
    cs, ce = context
    wider = cs is not None and ce is not None and (cs, ce) != (m.sentence_start, m.sentence_end)
    return (
        event_id,
        article_id,
        m.sentence_start,
        m.sentence_end,
        m.timex_start,
        m.timex_end,
        m.timex,
        quote,
        " ".join(text[cs:ce].split()) if wider else None,
    )


def _insert_rows(db: Database, insert: str, rows: Sequence[Sequence[object]]) -> None:
    """``executemany(insert, rows)`` as multi-row INSERTs (``insert`` ends in its VALUES).

    The full-text index (FTS5) writes what it has gathered to disk at the start
    of every statement of a transaction, so a row per statement costs a tiny
    index segment per row, later merged; a statement of many rows writes one.
    """
    if not rows:
        return
    head, marks = insert.rsplit(" values ", 1)
    per = max(1, 900 // len(rows[0]))  # under the 999 variables older SQLite builds allow
    for i in range(0, len(rows), per):
        chunk = rows[i : i + per]
        db.conn.execute(
            f"{head} values {','.join([marks] * len(chunk))}", [v for row in chunk for v in row]
        )


def replace_extracted(
    db: Database, article_id: int, events: Iterable[ExtractedEvent], text: str
) -> int:
    """Swap an article's extractor events for ``events``, then re-apply the user's edits.

    An event whose key (its timex span) was already there keeps its id, so a
    re-anchored article's events stay the ones the window selected and the
    undo stack names. Call inside ``db.atomic()``. Returns the number of
    visible events. Plain SQL rather than sqlite-utils' table helpers: this
    runs for every article of a large import and the helpers' per-call
    introspection dominated its cost.
    """
    from tracker.extract.types import Mention

    rows = db.execute(
        "select id, key from events where article_id = ? and created_by = 'extractor' order by id",
        [article_id],
    ).fetchall()
    old = [event_id for event_id, _key in rows]
    reusable = {key: event_id for event_id, key in rows}
    for chunk in _chunks(old):
        marks = ",".join("?" * len(chunk))
        db.execute(f"delete from event_actors where event_id in ({marks})", chunk)
        db.execute(f"delete from passages where event_id in ({marks})", chunk)
    kept: set[int] = set()
    passages: list[tuple[int, int, int, int, int, int, str, str, str | None]] = []
    events = list(events)
    # New rows get the ids SQLite would give them one by one (one past the largest:
    # this transaction holds the write lock), so they can go in as one statement.
    next_id = int(db.execute("select coalesce(max(id), 0) from events").fetchone()[0]) + 1
    new_rows: list[list[object]] = []
    ids: list[int] = []
    for ev in events:
        key = event_key(ev)
        values = [
            ev.date,
            ev.date_end,
            ev.granularity,
            ev.title,
            ev.type,
            ev.modality,
            ev.location,
            ev.confidence,
            ev.importance,
            int(ev.relative),
            ev.dated_by,
            *event_days(ev.date, ev.granularity, ev.date_end),
        ]
        event_id = reusable.pop(key, None)
        if event_id is not None:
            db.execute(_UPDATE_EVENT, [*values, event_id])
            kept.add(event_id)
        else:
            event_id, next_id = next_id, next_id + 1
            new_rows.append([event_id, article_id, key, *values])
        ids.append(event_id)
    _insert_rows(db, _INSERT_EVENT, new_rows)
    for ev, event_id in zip(events, ids, strict=True):
        first = Mention(ev.timex, ev.timex_start, ev.timex_end, ev.sentence_start, ev.sentence_end)
        passages.append(
            _passage_row(article_id, event_id, first, text, (ev.context_start, ev.context_end))
        )
        passages.extend(_passage_row(article_id, event_id, m, text) for m in ev.mentions)
        if ev.actors:
            _set_actors(db, event_id, ev.actor_records())
    for chunk in _chunks([i for i in old if i not in kept]):
        db.execute(f"delete from events where id in ({','.join('?' * len(chunk))})", chunk)
    _insert_rows(db, _INSERT_PASSAGE, passages)
    _apply_edits(db, article_id)
    return int(
        db.execute(
            "select count(*) from events where article_id = ? and deleted = 0", [article_id]
        ).fetchone()[0]
    )


def _apply_edits(db: Database, article_id: int) -> None:
    rows = db.execute(
        "select e.id, d.field, d.value from edits d join events e"
        " on e.article_id = d.article_id and e.key = d.event_key where d.article_id = ?",
        [article_id],
    ).fetchall()
    for event_id, field, value in rows:
        _write_field(db, event_id, field, json.loads(value))


def _write_field(db: Database, event_id: int, field: str, value: object) -> None:
    if field == "actors":
        names = list(value)  # type: ignore[call-overload]
        marks = ",".join("?" * len(names))
        kinds = dict(db.execute(f"select name, kind from actors where name in ({marks})", names))
        _set_actors(db, event_id, [(n, kinds.get(n, "other")) for n in names])
    elif field in FLAGS:
        db.execute(f"update events set {field} = ? where id = ?", [int(bool(value)), event_id])
    else:
        changes = {field: value}
        if field in _DATE_FIELDS:  # its days follow its date
            row = db.execute(
                "select date, granularity, date_end from events where id = ?", [event_id]
            ).fetchone()
            if row is not None:
                date = dict(zip(_DATE_FIELDS, row, strict=True))
                date[field] = value
                changes["start_day"], changes["end_day"] = event_days(
                    date["date"], date["granularity"], date["date_end"]
                )
        db.table("events").update(event_id, changes)


_DATE_FIELDS = ("date", "granularity", "date_end")


@lru_cache(maxsize=65536)  # a corpus repeats its dates
def event_days(
    value: str | None, granularity: str | None, end: str | None
) -> tuple[str | None, str | None]:
    """The first and last ISO day an event with this date covers, as stored in
    ``events.start_day`` and ``end_day``: (None, None) when no calendar places it."""
    span = event_span(value, granularity, end)
    return (span.start_day, span.end_day) if span is not None else (None, None)


def record_edit(db: Database, event_id: int, field: str, value: object) -> None:
    """Apply a user correction now and remember it for every later re-extraction."""
    article_id, key = _edit_key(db, event_id, field)
    _write_field(db, event_id, field, value)
    db.execute(
        "insert into edits (article_id, event_key, field, value, created_at) values (?,?,?,?,?)"
        " on conflict(article_id, event_key, field) do update set value = excluded.value,"
        " created_at = excluded.created_at",
        [
            article_id,
            key,
            field,
            json.dumps(value),
            datetime.now(UTC).isoformat(timespec="seconds"),
        ],
    )


def _edit_key(db: Database, event_id: int, field: str | None = None) -> tuple[int, str]:
    """(article id, event key): what edits are stored under."""
    if field is not None and field not in (*EDITABLE, *FLAGS, "pin"):
        raise ValueError(f"cannot edit field {field!r}")
    row = db.execute("select article_id, key from events where id = ?", [event_id]).fetchone()
    if row is None:
        raise KeyError(f"no event {event_id}")
    return row[0], row[1]


def edited_fields(db: Database, event_id: int) -> set[str]:
    """The fields of an event the user has corrected (re-applied on every re-extraction)."""
    article_id, key = _edit_key(db, event_id)
    return {
        r[0]
        for r in db.execute(
            "select field from edits where article_id = ? and event_key = ?", [article_id, key]
        )
    }


def forget_edit(db: Database, event_id: int, field: str, value: object) -> None:
    """Take back a correction: the field shows ``value`` (what it was before) and is no
    longer pinned, so re-extraction and re-anchoring set it again."""
    article_id, key = _edit_key(db, event_id, field)
    _write_field(db, event_id, field, value)
    db.execute(
        "delete from edits where article_id = ? and event_key = ? and field = ?",
        [article_id, key, field],
    )


# ---------------------------------------------------------------- queries


def _fts_query(q: str) -> str:
    # Quote every token so user input can never be FTS5 syntax; prefix-match the last one.
    tokens = [t.replace('"', '""') for t in q.split()]
    if not tokens:
        return '""'
    return (
        " ".join(f'"{t}"' for t in tokens[:-1])
        + (" " if len(tokens) > 1 else "")
        + f'"{tokens[-1]}"*'
    )


def _where(flt: EventFilter, db: Database | None = None) -> tuple[str, list[object]]:
    clauses = ["e.deleted = 0"]
    params: list[object] = []
    if not flt.include_hidden:
        clauses.append("e.hidden = 0")
    if flt.starred:
        clauses.append("e.starred = 1")
    if flt.tag:
        clauses.append(
            "exists (select 1 from event_tags et join tags t on t.id = et.tag_id"
            " where et.article_id = e.article_id and et.event_key = e.key and t.name = ?)"
        )
        params.append(flt.tag)
    if flt.article_id is not None:
        clauses.append("e.article_id = ?")
        params.append(flt.article_id)
    if flt.type:
        clauses.append("e.type = ?")
        params.append(flt.type)
    if flt.modality:
        clauses.append("e.modality = ?")
        params.append(flt.modality)
    # An event counts when the period it covers overlaps the range; bounds are
    # periods too ("--to 2024" runs to 31 Dec 2024). A bound no period can place
    # (half-typed in the filter bar) compares as text, as a prefix.
    first = Period.parse(flt.date_from) if flt.date_from else None
    last = Period.parse(flt.date_to) if flt.date_to else None
    if first is not None or last is not None:
        sql, values = _days_overlap(
            first.start_day if first is not None else None,
            last.end_day if last is not None else None,
        )
        clauses.append(sql)
        params.extend(values)
    if flt.date_from and first is None:
        clauses.append("coalesce(e.date_end, e.date) >= ?")
        params.append(flt.date_from)
    if flt.date_to and last is None:
        clauses.append("substr(e.date, 1, ?) <= ?")
        params.extend([len(flt.date_to), flt.date_to])
    if flt.actor:
        ids = matching_actor_ids(db, flt.actor) if db is not None else []
        clauses.append(
            "e.id in (select ea.event_id from event_actors ea where ea.actor_id in"
            f" ({','.join('?' * len(ids)) or 'null'}))"
        )
        params.extend(ids)
    if flt.search and flt.search.strip():
        q = _fts_query(flt.search)
        like = f"%{flt.search.strip()}%"
        # Events: their title, quote, actors and place. Articles: whole texts too.
        # One set of ids (a union) rather than four tests per event row: the place is
        # looked for in its index (m008), the actors among the actors, not their links.
        # The passages' event ids from their index (m009) rather than their rows, and
        # the place matched among the distinct places, not at each of 100,000 events.
        passages = (
            "passages p indexed by passages_event_by_id"
            if db is not None and _has_index(db, "passages_event_by_id")
            else "passages p"
        )
        clauses.append(
            "(e.id in (select rowid from events_fts where events_fts match ?"
            f" union select p.event_id from {passages} where p.id in"
            "   (select rowid from passages_fts where passages_fts match ?)"
            " union select id from events where location in (select place from"
            "   (select distinct location as place from events where location is not null)"
            "   where place like ?)"
            " union select ea.event_id from event_actors ea where ea.actor_id in"
            "   (select id from actors where name like ?))"
            + (
                " or e.article_id in (select rowid from articles_fts where articles_fts match ?))"
                if flt.search_scope == "articles"
                else ")"
            )
        )
        params.extend([q, q, like, like])
        if flt.search_scope == "articles":
            params.append(q)
    return " and ".join(clauses), params


def _has_index(db: Database, name: str) -> bool:
    """Whether ``db`` has the index ``name`` (a database opened read-only before the
    migration that makes it has not); asked once per connection."""
    known: dict[str, bool] | None = getattr(db, "_tracker_indexes", None)
    if known is None:
        known = db._tracker_indexes = {}  # type: ignore[attr-defined]
    found = known.get(name)
    if found is None:
        found = known[name] = (
            db.execute(
                "select 1 from sqlite_master where type = 'index' and name = ?", [name]
            ).fetchone()
            is not None
        )
    return found


def _days_overlap(first: str | None, last: str | None) -> tuple[str, list[object]]:
    """SQL for "the event covers a day from ``first`` to ``last``" (ISO days; either
    may be None, unbounded): the stored days answer it through their index. A row
    without stored days (written by SQL that did not set them) is placed by
    computing its days here, so it is never missed."""
    stored: list[str] = []
    computed: list[str] = []
    params: list[object] = []
    late: list[object] = []
    if first is not None:
        stored.append("end_day >= ?")
        params.append(first)
        computed.append("period_end_day(date, granularity, date_end) >= ?")
        late.append(first)
    if last is not None:
        stored.append("start_day <= ?")
        params.append(last)
        computed.append("period_start_day(date, granularity, date_end) <= ?")
        late.append(last)
    return (
        f"e.id in (select id from events where {' and '.join(stored)} union all"
        " select id from events where end_day is null and date is not null"
        f" and {' and '.join(computed)})",
        params + late,
    )


_EVENT_COLUMNS = (
    "e.id, e.date, e.title, e.granularity, e.date_end, e.type, e.modality, e.location,"
    " e.confidence, e.importance, e.created_by, e.relative, e.article_id,"
    " a.title, a.anchor_date, a.url, e.starred, e.hidden, e.key, e.dated_by"
)


# Date filters call these only for rows without stored days (see `_days_overlap`).
def _start_day(value: str | None, granularity: str | None, end: str | None) -> str | None:
    return event_days(value, granularity, end)[0]


def _end_day(value: str | None, granularity: str | None, end: str | None) -> str | None:
    return event_days(value, granularity, end)[1]


def _register_period_functions(db: Database) -> None:
    """SQL functions giving the first and last ISO day an event covers (NULL if unplaceable)."""
    db.register_function(_start_day, deterministic=True, name="period_start_day")
    db.register_function(_end_day, deterministic=True, name="period_end_day")


def query_events(db: Database, flt: EventFilter | None = None) -> list[Event]:
    _register_period_functions(db)
    where, params = _where(flt or EventFilter(), db)
    return _select(db, where, params)


def get_event(db: Database, event_id: int) -> Event | None:
    events = _select(db, "e.id = ?", [event_id])
    return events[0] if events else None


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])


def select_events(
    db: Database, where: str, params: list[object], *, with_sources: bool = True
) -> list[Event]:
    """Stored events matching an SQL ``where`` over ``events e`` (for tracker.story)."""
    return _select(db, where, params, with_sources=with_sources)


def _select(
    db: Database, where: str, params: list[object], *, with_sources: bool = True
) -> list[Event]:
    """Events matching ``where`` with actors, passages and source counts.

    The filter runs once; the related rows come from one query each over the
    chosen ids (not per-event look-ups, and not the filter again: a full-text
    or date filter is the costly part), so listing 100,000 events stays quick.
    """
    rows = db.execute(
        f"select {_EVENT_COLUMNS} from events e join articles a on a.id = e.article_id"
        f" where {where} order by e.date, e.id",
        params,
    ).fetchall()
    if not rows:
        return []
    if where == "e.deleted = 0":  # every visible event: cheaper to say so than to list them
        chosen, params = "select e.id from events e where e.deleted = 0", []
    else:
        chosen, params = "select value from json_each(?)", [json.dumps([r[0] for r in rows])]
    related = read_related(db, {r[0] for r in rows})
    sources = _source_counts(db, rows, related.actors, chosen, params) if with_sources else {}
    return [event_from_row(r, related, sources.get(r[0], 1)) for r in rows]


def scan_whole(db: Database, table: str, wanted: int) -> bool:
    """Whether reading ``wanted`` rows' worth of ``table`` by id costs more than reading
    it all: a look-up per id is some three times a row of a plain scan."""
    top = db.execute(f"select max(rowid) from {table}").fetchone()[0] or 0
    return wanted * 3 > top


@contextlib.contextmanager
def building_many() -> Iterator[None]:
    """Pause the cycle collector while a large result is built: its objects hold no
    cycles, and the collector, woken every few hundred new objects, would walk all
    those already built again and again (a quarter of listing 100,000 events)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _date_id(r: Sequence[Any]) -> tuple[bool, str, int]:
    """SQL's ``order by e.date, e.id``: a NULL date first."""
    return (r[1] is not None, r[1] or "", r[0])


def select_rows(db: Database, ids: Collection[int]) -> list[Any]:
    """The `_EVENT_COLUMNS` rows of the events ``ids`` (deleted or not), by date and id."""
    wanted = ids if isinstance(ids, set | frozenset | dict) else set(ids)
    if scan_whole(db, "events", len(wanted)):
        rows = [
            r
            for r in db.execute(
                f"select {_EVENT_COLUMNS} from events e join articles a on a.id = e.article_id"
            )
            if r[0] in wanted
        ]
    else:  # ids in order: the look-ups walk the table forwards; sorted here, not by SQL
        rows = db.execute(
            f"select {_EVENT_COLUMNS} from json_each(?) j join events e on e.id = j.value"
            " join articles a on a.id = e.article_id",
            [json.dumps(sorted(wanted))],
        ).fetchall()
    rows.sort(key=_date_id)
    return rows


@dataclass(frozen=True)
class Related:
    """What belongs to a set of events, by event id: actors and passages in their
    stored order; tags by (article id, event key), as edits keep them."""

    actors: dict[int, list[Actor]]
    passages: dict[int, tuple[Passage, ...]]
    tags: dict[tuple[int, str], tuple[tuple[str, str], ...]]


def read_related(db: Database, ids: Collection[int]) -> Related:
    """Actors, passages and tags of the events ``ids``.

    A few ids are looked up; many (most of a large database) are read in one
    scan of each table, the rows of other events skipped.
    """
    wanted = ids if isinstance(ids, set | frozenset | dict) else set(ids)
    by_scan = scan_whole(db, "passages", len(wanted))
    # Either every row of a table, or the rows of the ids in order (see `select_rows`).
    source, params = (
        ("{table} x", [])
        if by_scan
        else ("json_each(?) j join {table} x on x.event_id = j.value", [json.dumps(sorted(wanted))])
    )
    links = db.execute(
        "select x.event_id, x.actor_id, x.role, x.position from "
        + source.format(table="event_actors"),
        params,
    ).fetchall()
    if by_scan:
        links = [r for r in links if r[0] in wanted]
        named = "select id, name, kind, aliases from actors"
        kinds = {aid: (name, kind, aliases) for aid, name, kind, aliases in db.execute(named)}
    else:
        kinds = {}
        marks = sorted({r[1] for r in links})
        for i in range(0, len(marks), 500):
            chunk = marks[i : i + 500]
            for aid, name, kind, aliases in db.execute(
                "select id, name, kind, aliases from actors"
                f" where id in ({','.join('?' * len(chunk))})",
                chunk,
            ):
                kinds[aid] = (name, kind, aliases)
    links.sort(key=_event_position)
    actors: dict[int, list[Actor]] = {}
    # One object per actor and role, shared by the events naming it so.
    known: dict[tuple[int, str | None], Actor] = {}
    for event_id, aid, role, _position in links:
        actor = known.get((aid, role))
        if actor is None:
            if aid not in kinds:
                continue  # a link to no actor row: an SQL join would leave it out too
            name, kind, aliases = kinds[aid]
            actor = known[(aid, role)] = Actor(
                name=name,
                kind=kind,
                id=aid,
                role=role,
                aliases=tuple(a for a in (aliases or "").split("|") if a),
            )
        found = actors.get(event_id)
        if found is None:
            actors[event_id] = [actor]
        else:
            found.append(actor)
    passages: dict[int, list[Passage]] = {}
    new = object.__new__
    names = _PASSAGE_FIELDS
    rows = db.execute(
        f"select {', '.join('x.' + f for f in _PASSAGE_FIELDS)} from "
        + source.format(table="passages"),
        params,
    ).fetchall()
    if not by_scan:
        rows.sort(key=_first_value)  # by passage id, as stored
    for r in rows:
        event_id = r[1]
        if by_scan and event_id not in wanted:
            continue
        passage = new(Passage)  # as `_built`, inlined: one per passage of 100,000 events
        passage.__dict__.update(zip(names, r, strict=True))
        found_p = passages.get(event_id)
        if found_p is None:
            passages[event_id] = [passage]
        else:
            found_p.append(passage)
    tags: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for article_id, key, name, colour in db.execute(
        "select et.article_id, et.event_key, t.name, t.colour from event_tags et"
        " join tags t on t.id = et.tag_id order by t.name"
    ):
        tags.setdefault((article_id, key), []).append((name, colour))
    return Related(
        actors,
        {k: tuple(v) for k, v in passages.items()},
        {k: tuple(v) for k, v in tags.items()},
    )


def _first_value(r: Sequence[Any]) -> Any:
    return r[0]


def _event_position(link: Sequence[Any]) -> tuple[int, bool, int]:
    """``order by event_id, position``, a NULL position first as in SQL."""
    return (link[0], link[3] is not None, link[3] or 0)


_NO_ACTORS: tuple[Actor, ...] = ()
_NO_PASSAGES: tuple[Passage, ...] = ()
_NO_TAGS: tuple[tuple[str, str], ...] = ()


def event_values(r: Sequence[Any], related: Related, sources: int = 1) -> list[Any]:
    """The values of `_EVENT_FIELDS` for one `_EVENT_COLUMNS` row."""
    named = related.actors.get(r[0])
    return [
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5] or "other",
        r[6] or "reported",
        r[7],
        r[8] if r[8] is not None else 0.5,
        r[9] if r[9] is not None else 0.5,
        r[10],
        bool(r[11]),
        r[12],
        r[13],
        r[14],
        r[15],
        tuple(named) if named else _NO_ACTORS,
        related.passages.get(r[0], _NO_PASSAGES),
        sources,
        bool(r[16]),
        bool(r[17]),
        related.tags.get((r[12], r[18]), _NO_TAGS),
        None,
        (),
        (),
        r[19] or "text",
    ]


def event_from_row(r: Sequence[Any], related: Related, sources: int = 1) -> Event:
    return _built(Event, _EVENT_FIELDS, event_values(r, related, sources))


_PASSAGE_FIELDS = (
    "id",
    "event_id",
    "article_id",
    "sentence_start",
    "sentence_end",
    "timex_start",
    "timex_end",
    "timex",
    "quote",
    "context",
)
#: Every field of `Event`, in the order `_select` gives them (not the class order).
_EVENT_FIELDS = (
    "id",
    "date",
    "title",
    "granularity",
    "date_end",
    "type",
    "modality",
    "location",
    "confidence",
    "importance",
    "created_by",
    "relative",
    "article_id",
    "article_title",
    "article_date",
    "article_url",
    "actors",
    "passages",
    "sources",
    "starred",
    "hidden",
    "tags",
    "story_id",
    "member_ids",
    "other_dates",
    "dated_by",
)

_T = TypeVar("_T")


def _built(cls: type[_T], names: tuple[str, ...], values: Sequence[Any]) -> _T:
    """A frozen dataclass from every one of its field values, without its ``__init__``.

    The generated ``__init__`` of a frozen class sets each field through
    ``object.__setattr__``; filling ``__dict__`` at once builds 100,000 events
    twice as fast. ``names`` must list every field (checked by a test).
    """
    obj = object.__new__(cls)
    obj.__dict__.update(zip(names, values, strict=True))
    return obj


#: Below this many events a query counts sources for its own dates only; above
#: it, for the whole database once, kept until the database changes.
_SOURCES_FOR_ALL = 5000


def _data_version(db: Database) -> tuple[int, int]:
    """Changes whenever any connection (this one or another process) commits a write."""
    return (int(db.execute("PRAGMA data_version").fetchone()[0]), db.conn.total_changes)


def _source_counts(
    db: Database,
    rows: list[Any],
    actors: dict[int, list[Actor]],
    chosen: str,
    params: list[object],
) -> dict[int, int]:
    """How many articles report each event: its own, plus every other article with a
    visible event on the same date, of the same type, naming one of its actors.

    Grouped in one pass over (actor, date, type) instead of joining events to
    events through their actors in SQL: an actor named in thousands of events
    (NATO, the UN) made that join grow with the square of the corpus. The
    counts of every event are kept on the connection until the data changes,
    so filtering a large database again does not count again.
    """
    version = _data_version(db)
    cached: tuple[tuple[int, int], dict[int, int]] | None = getattr(db, "_tracker_sources", None)
    if cached is not None and cached[0] == version:
        return cached[1]
    every = len(rows) >= _SOURCES_FOR_ALL
    Key = tuple[int, str, str]  # (actor, date, type)
    groups: dict[Key, set[int]] = {}  # the articles with a visible event under each key
    keys_of: dict[int, tuple[int, list[Key]]] = {}  # event -> (its article, its keys)
    query = (
        "select ea.event_id, ea.actor_id, e.date, e.type, e.article_id from event_actors ea"
        " join events e on e.id = ea.event_id where e.deleted = 0"
        " and e.date is not null and e.type is not null"
    )
    if every:  # one pass gives both the groups and each event's keys
        for event_id, actor_id, day, kind, article_id in db.execute(query):
            key = (actor_id, day, kind)
            group = groups.get(key)
            if group is None:
                groups[key] = {article_id}
            else:
                group.add(article_id)
            entry = keys_of.get(event_id)
            if entry is None:
                keys_of[event_id] = (article_id, [key])
            else:
                entry[1].append(key)
    else:
        day_filter = f" and e.date in (select e.date from events e where e.id in ({chosen}))"
        for _event_id, actor_id, day, kind, article_id in db.execute(query + day_filter, params):
            groups.setdefault((actor_id, day, kind), set()).add(article_id)
        for r in rows:
            named = actors.get(r[0])
            if named and r[1] is not None and r[5] is not None:
                keys_of[r[0]] = (r[12], [(a.id or 0, r[1], r[5]) for a in named])
    counts: dict[int, int] = {}
    nothing: set[int] = set()
    for event_id, (article_id, keys) in keys_of.items():
        if len(keys) == 1:  # the usual case: no set to build
            group = groups.get(keys[0], nothing)
            others = len(group) - (article_id in group)
        else:
            union = nothing.union(*(groups.get(k, nothing) for k in keys))
            others = len(union) - (article_id in union)
        if others:
            counts[event_id] = others + 1
    if every and not db.conn.in_transaction:  # what a rollback could take back: not kept
        db._tracker_sources = (version, counts)  # type: ignore[attr-defined]
    return counts


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.strip(".,'\u2019").casefold() for w in name.split() if w.strip(".,'\u2019"))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def actor_matches(query: str, name: str, aliases: Sequence[str] = ()) -> bool:
    """Whether ``events --actor query`` means the actor ``name``, case-insensitively.

    The query names the actor, one of its short forms, or a part of its name
    ("Jobs" for "Steve Jobs", "iPhone" for "iPhone 4"); or the query is a fuller
    name that holds the actor's several-word name ("the Beatles' Apple Corps" for
    "Apple Corps"), its words in order ("iTunes store" for "iTunes Music Store").
    A one-word name inside a longer query matches only when the rest of the
    query is common words ("the iTunes store" for "iTunes"): "iPhone" is not the
    "iPhone 3G" asked for, nor "Apple" the "Apple Corps".
    """
    q = _words(query)
    if not q:
        return False
    generic = {w.casefold() for w in query.split() if w.isalpha() and w.islower()}
    for form in (name, *aliases):
        w = _words(form)
        if w == q or _contains(w, q) or (len(w) >= 2 and _contains(q, w)):
            return True
        if len(q) >= 2 and _in_order(w, q):
            return True
        if len(w) == 1 and w[0] in q and all(x in generic for x in q if x != w[0]):
            return True
    return False


def _in_order(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    """``inner``'s words appear in ``outer`` in the same order, with gaps allowed."""
    it = iter(outer)
    return all(any(w == x for x in it) for w in inner)


def matching_actor_ids(db: Database, query: str) -> list[int]:
    """Ids of the actors ``query`` names (see `actor_matches`); one pass over the actors."""
    return [
        int(aid)
        for aid, name, aliases in db.execute("select id, name, aliases from actors")
        if actor_matches(query, name, [a for a in (aliases or "").split("|") if a])
    ]


def list_actor_names(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            # Each participant's first event that is not deleted, not all of them.
            "select distinct a.name from actors a where exists (select 1 from event_actors ea"
            " join events e on e.id = ea.event_id where ea.actor_id = a.id and e.deleted = 0)"
            " order by a.name collate nocase"
        )
    ]


def set_flags(db: Database, states: dict[int, bool], flag: str) -> None:
    """Star or hide (``flag``) events: ``states`` maps event id to on/off. Kept as edits."""
    if flag not in ("starred", "hidden"):
        raise ValueError(f"not a flag: {flag!r}")
    for event_id, on in states.items():
        record_edit(db, event_id, flag, bool(on))
