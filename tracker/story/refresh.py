"""Keep the stored stories up to date after an import, a re-dating or an edit.

`refresh` re-fuses only the neighbourhood of what changed: the events of the
given articles (or the given events) are the seeds; every event within
`MAX_DAY_GAP` days of a seed's date, or filed under the same week, month or
coarse value, is a candidate; the whole stories those candidates belong to,
and the events sharing a user pin with them, are pulled in so that no story is
ever half rebuilt. Cost follows the reports near the changed dates, not the
corpus: importing ten articles into ten thousand reads a few weeks of events.

A story keeps its id when most of its members stay together, so a window's
selection and an undo step keep naming the same fused event. Runs inside the
caller's transaction when there is one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlite_utils import Database

from tracker.model import Event, Period, event_span
from tracker.store import events as event_store
from tracker.store import records as record_store

from . import fusion
from .build import store_corpus_counts
from .choose import Choice, choose
from .days import refresh_day_events
from .evidence import MAX_DAY_GAP, Member, actor_keys, content_words, name_words
from .fusion import fuse
from .records import write_records

#: Runs ``fn(*args)`` in another process while this one goes on; the callable it
#: returns waits for the result, None when that process failed (see `refresh`).
Spread = Callable[[Callable[..., object], tuple[object, ...]], Callable[[], object]]


def _spans(
    db: Database, where: str, params: list[object]
) -> list[tuple[int, str | None, str | None, str | None]]:
    """Write each matching event's first and last day; return (id, date, start, end)."""
    out = []
    rows = db.execute(
        f"select id, date, granularity, date_end from events e where {where}", params
    ).fetchall()
    updates = []
    for event_id, value, granularity, end in rows:
        span = event_span(value, granularity, end)
        start_day = span.start_day if span is not None else None
        end_day = span.end_day if span is not None else None
        updates.append((start_day, end_day, event_id))
        out.append((event_id, value, start_day, end_day))
    db.conn.executemany(
        "insert into story_members (start_day, end_day, event_id) values (?, ?, ?)"
        " on conflict(event_id) do update set start_day = excluded.start_day,"
        " end_day = excluded.end_day",
        updates,
    )
    return out


def _ids_sql(ids: Sequence[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def refresh(
    db: Database,
    article_ids: Iterable[int] = (),
    event_ids: Iterable[int] = (),
    spread: Spread | None = None,
) -> int:
    """Re-fuse around the events of ``article_ids`` and the events ``event_ids``.

    With ``spread`` (a batch import's reader processes), a large re-fusion hands the
    later part of its reports to another process (`fusion.join`: the same stories as
    fusing them all here). Returns the number of stories written.
    """
    arts = sorted(set(article_ids))
    evs = sorted(set(event_ids))
    if not arts and not evs:
        return 0
    clauses = []
    if arts:
        clauses.append(f"e.article_id in ({_ids_sql(arts)})")
    if evs:
        clauses.append(f"e.id in ({_ids_sql(evs)})")
    seeds = _spans(db, " or ".join(clauses), [])
    old_stories = {
        r[0]
        for r in db.execute(
            "select distinct sm.story_id from events e join story_members sm on sm.event_id = e.id"
            f" where ({' or '.join(clauses)}) and sm.story_id is not null"
        )
    }
    # Stories that lost a report since (re-extraction dropped it): rebuilt from the rest.
    lost = record_store.take_stale(db)
    if lost:
        old_stories.update(lost)
        candidates_lost = {
            r[0]
            for r in db.execute(
                f"select event_id from story_members where story_id in ({_ids_sql(lost)})"
            )
        }
    else:
        candidates_lost = set()
    candidates = _neighbourhood(db, seeds) | {s[0] for s in seeds} | candidates_lost
    written = _rebuild(db, candidates, old_stories, spread)
    if arts:
        days = [
            r[0]
            for r in db.execute(
                f"select day from day_refs where article_id in ({_ids_sql(arts)}) union"
                f" select anchor_date from articles where id in ({_ids_sql(arts)})"
                " and anchor_date is not null union select date from events where"
                f" created_by = 'story' and article_id in ({_ids_sql(arts)})"
            )
        ]
        written |= _day_events(db, days)
    _write_records(db, written)
    return len(written)


#: A refresh that writes up to this many stories (an edit, an article or a few) stores
#: their records at once; a larger one (a batch import) only drops the old ones, and
#: the next opening for writing stores them (`services.open_db`): building a record
#: costs a third of fusing, which a large import should not pay. Listings build what
#: has no record from its reports, so either way they show the stories as written.
RECORDS_AT_ONCE = 1000


def _write_records(db: Database, written: set[int]) -> None:
    """Store (or drop, see `RECORDS_AT_ONCE`) the records of the stories just written
    (`tracker.story.records`; those of the stories gone went with them, in `_rebuild`),
    and store the corpus counts."""
    record_store.take_stale(db)  # what this refresh removed, it has rebuilt already
    if len(written) <= RECORDS_AT_ONCE:
        write_records(db, sorted(written))
    else:
        record_store.delete(db, written)
    store_corpus_counts(db)


def _day_events(db: Database, days: Iterable[str]) -> set[int]:
    """Add the day events ``days`` need (`days.refresh_day_events`) and fuse them."""
    created, lost = refresh_day_events(db, days)
    written: set[int] = set()
    if lost:
        rest = {
            r[0]
            for r in db.execute(
                f"select event_id from story_members where story_id in ({_ids_sql(sorted(lost))})"
            )
        }
        written |= _rebuild(db, rest, set(lost))
    if created:
        _spans(db, f"id in ({_ids_sql(created)})", [])
        written |= _rebuild(db, set(created), set())
    return written


def refresh_all(db: Database) -> int:
    """Re-fuse the whole corpus (a database made before stories existed)."""
    _spans(db, "1", [])
    ids = {r[0] for r in db.execute("select id from events where deleted = 0")}
    old = {r[0] for r in db.execute("select id from stories")}
    written = _rebuild(db, ids, old)
    written |= _day_events(db, [r[0] for r in db.execute("select distinct day from day_refs")])
    _write_records(db, written)
    return len(written)


def _neighbourhood(
    db: Database, seeds: list[tuple[int, str | None, str | None, str | None]]
) -> set[int]:
    windows: list[tuple[date, date]] = []
    values: set[str] = set()
    for _id, value, start, end in seeds:
        if value:
            values.add(value)
        if start is None or end is None:
            continue
        first, last = date.fromisoformat(start), date.fromisoformat(end)
        if (last - first).days > 31:
            continue  # a year or longer: fused only with the same value
        windows.append((first - timedelta(days=MAX_DAY_GAP), last + timedelta(days=MAX_DAY_GAP)))
    found: set[int] = set()
    for lo, hi in _merge(windows):
        found.update(
            r[0]
            for r in db.execute(
                "select e.id from story_members sm join events e on e.id = sm.event_id"
                " where sm.start_day between ? and ? and e.deleted = 0",
                [lo.isoformat(), hi.isoformat()],
            )
        )
        d = lo
        while d <= hi:  # vaguer reports filed under the weeks and months of the window
            iso_year, week, _ = d.isocalendar()
            values.add(f"{iso_year:04d}-W{week:02d}")
            values.add(f"{d.year:04d}-{d.month:02d}")
            d += timedelta(days=7 if d.day < 22 else 1)
    vals = sorted(values)
    for i in range(0, len(vals), 500):
        chunk = vals[i : i + 500]
        found.update(
            r[0]
            for r in db.execute(
                f"select id from events where deleted = 0 and date in ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


def _merge(windows: list[tuple[date, date]]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1] + timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _rebuild(
    db: Database, candidates: set[int], old_stories: set[int], spread: Spread | None = None
) -> set[int]:
    """Re-fuse ``candidates`` (closed over whole stories and user pins); returns the ids
    of the stories written. ``old_stories`` that none of them keeps are deleted.

    The cycle collector waits meanwhile (`event_store.building_many`): the events,
    members and groups hold no cycles, and it would walk them all again and again
    (a sixth of fusing, a third of building members, on 300,000 reports)."""
    with event_store.building_many():
        return _rebuild_now(db, candidates, old_stories, spread)


def _rebuild_now(
    db: Database, candidates: set[int], old_stories: set[int], spread: Spread | None
) -> set[int]:
    db.execute("create temp table if not exists _story_ids (id integer primary key)")
    db.execute("delete from _story_ids")
    db.conn.executemany("insert or ignore into _story_ids values (?)", [(i,) for i in candidates])
    # Close over whole stories and user pins, so no story is left half rebuilt.
    for _ in range(3):
        added = db.execute(
            "insert or ignore into _story_ids select e.id from events e where e.deleted = 0 and ("
            " e.id in (select event_id from story_members where story_id in"
            "   (select story_id from story_members where event_id in (select id from _story_ids)"
            "   and story_id is not null))"
            " or e.pin in (select pin from events where id in (select id from _story_ids)"
            "   and pin is not null))"
        ).rowcount
        if not added:
            break
    old_stories |= {
        r[0]
        for r in db.execute(
            "select distinct story_id from story_members where event_id in"
            " (select id from _story_ids) and story_id is not null"
        )
    }
    members = event_store.select_events(
        db, "e.deleted = 0 and e.id in (select id from _story_ids)", [], with_sources=False
    )
    extra = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "select e.id, e.pin, sm.story_id from events e left join story_members sm"
            " on sm.event_id = e.id where e.id in (select id from _story_ids)"
        )
    }
    edited: dict[int, set[str]] = {}
    for event_id, field in db.execute(
        "select e.id, d.field from edits d join events e on e.article_id = d.article_id"
        " and e.key = d.event_key where e.id in (select id from _story_ids)"
        " and d.field not in ('deleted', 'pin')"
    ):
        edited.setdefault(event_id, set()).add(field)
    by_id = {e.id or 0: e for e in members}
    built: dict[int, Member] = {}

    def member(event_id: int) -> Member:
        """The member of an event, built when first asked for (a spread fusion leaves
        most of the later ones to the other process)."""
        m = built.get(event_id)
        if m is None:
            m = built[event_id] = _member(by_id[event_id], *extra.get(event_id, (None, None)))
        return m

    # Day events (tracker.story.days) stand alone, they stand for a day, not a report:
    # unless the user grouped one with other reports.
    alone = {e.id or 0 for e in members if e.created_by == "story"}
    fusing = [i for i in by_id if i not in alone or extra.get(i, (None, None))[0] is not None]
    chosen: dict[tuple[int, ...], Choice] = {}
    deleted = _deleted_happenings_near(db, fusing, by_id, extra)
    if deleted:
        # New reports near a happening the user deleted: fused here, with it (rare).
        ms = _with_added(db, [member(i) for i in fusing], extra)
        groups = [[m.event_id for m in g] for g in _hide_with_deleted(db, fuse(ms + deleted))]
    else:
        groups = _fuse_spread(fusing, by_id, member, extra, edited, spread, chosen)
    groups.extend([i] for i in by_id if i in alone and extra.get(i, (None, None))[0] is None)
    written = _write(db, groups, by_id, member, extra, edited, chosen)
    stale = old_stories - written
    if stale:
        db.execute(f"delete from stories where id in ({_ids_sql(sorted(stale))})")
        record_store.delete(db, stale)
    db.execute("delete from _story_ids")
    return written


def _deleted_happenings_near(
    db: Database,
    ids: list[int],
    by_id: dict[int, Event],
    extra: dict[int, tuple[str | None, int | None]],
) -> list[Member]:
    """The reports of the happenings the user deleted near the new reports among ``ids``
    (no story yet), each happening pinned together (`fusion`): a new report of it then
    joins it and is hidden with it (`_hide_with_deleted`). Usually none: the database
    is asked only when the user has deleted something."""
    new = [i for i in ids if extra.get(i, (None, None))[1] is None]
    if (
        not new
        or db.execute(
            "select 1 from edits where field = 'deleted' and value = 'true' limit 1"
        ).fetchone()
        is None
    ):
        return []
    periods = [p for i in new if (p := Period.parse(by_id[i].date, by_id[i].granularity))]
    if not periods:
        return []
    gap = timedelta(days=MAX_DAY_GAP)
    lo = min(p.first_day for p in periods) - gap
    hi = max(p.last_day for p in periods) + gap
    stories = [
        r[0]
        for r in db.execute(
            "select distinct sm.story_id from story_members sm join events e on e.id = sm.event_id"
            " where e.deleted = 1 and sm.story_id is not null and sm.start_day <= ?"
            " and sm.end_day >= ?",
            [hi.isoformat(), lo.isoformat()],
        )
    ]
    if not stories:
        return []
    when = dict(
        db.execute(
            "select e.id, d.created_at from edits d join events e on e.article_id = d.article_id"
            " and e.key = d.event_key join story_members sm on sm.event_id = e.id"
            f" where d.field = 'deleted' and e.deleted = 1 and sm.story_id in ({_ids_sql(stories)})"
        ).fetchall()
    )
    gone = event_store.select_events(
        db, f"e.deleted = 1 and e.id in ({_ids_sql(sorted(when))})", [], with_sources=False
    )
    story_of = dict(
        db.execute(
            f"select event_id, story_id from story_members where event_id in ({_ids_sql(sorted(when))})"
        ).fetchall()
    )
    out = []
    for ev in gone:
        story_id = story_of[ev.id or 0]
        m = _member(ev, f"deleted-{story_id}", story_id)
        out.append(replace(m, deleted_at=when[ev.id or 0]))
    return out


def _with_added(
    db: Database, ms: list[Member], extra: dict[int, tuple[str | None, int | None]]
) -> list[Member]:
    """``ms`` with the time its article was added on each new report (no story yet):
    a deleted happening takes only what came after its deletion (`fusion`)."""
    new = [m.event_id for m in ms if extra.get(m.event_id, (None, None))[1] is None]
    if not new:
        return ms
    added = dict(
        db.execute(
            "select e.id, a.imported_at from events e join articles a on a.id = e.article_id"
            f" where e.id in ({_ids_sql(new)})"
        ).fetchall()
    )
    return [replace(m, added=added[m.event_id]) if m.event_id in added else m for m in ms]


def _hide_with_deleted(db: Database, groups: list[list[Member]]) -> list[list[Member]]:
    """The groups but those of deleted happenings; the new reports that joined one are
    deleted with it (an edit, as the user's own, kept through re-extraction) and filed
    under its story, so restoring the happening restores them too."""
    kept = []
    for g in groups:
        gone = next((m for m in g if m.deleted_at is not None), None)
        if gone is None:
            kept.append(g)
            continue
        for m in g:
            if m.deleted_at is None:
                event_store.record_edit(db, m.event_id, "deleted", True)
                db.execute(
                    "update story_members set story_id = ? where event_id = ?",
                    [gone.story_id, m.event_id],
                )
    return kept


def _fuse_spread(
    ids: list[int],
    by_id: dict[int, Event],
    member: Callable[[int], Member],
    extra: dict[int, tuple[str | None, int | None]],
    edited: dict[int, set[str]],
    spread: Spread | None,
    chosen: dict[tuple[int, ...], Choice],
) -> list[list[int]]:
    """`fuse` the events ``ids`` (groups of event ids), with the later part fused and its
    stories chosen by ``spread`` when given and worth it; ``chosen`` gets those choices,
    by the event ids of their group. Pinned reports are always fused here."""
    cut = None
    if spread is not None and all(extra.get(i, (None, None))[0] is None for i in ids):
        keyed = sorted((_order_of(by_id[i]), i) for i in ids)
        ordered = [i for _key, i in keyed]
        cut = fusion.cut_point([key for key, _i in keyed])
    if spread is None or cut is None:
        return [[m.event_id for m in g] for g in fuse(member(i) for i in ids)]
    rest = ordered[cut:]
    pending = spread(
        fuse_part,
        (
            [by_id[i] for i in rest],
            {i: extra[i] for i in rest if i in extra},
            {i: edited[i] for i in rest if i in edited},
        ),
    )

    def later() -> list[list[int]] | None:
        done = pending()
        if not isinstance(done, list):
            return None  # it failed: this process fuses the rest itself
        for group, c in done:
            chosen[tuple(group)] = c
        return [group for group, _c in done]

    return fusion.join(lambda i: member(ordered[i]), ordered, cut, later)


def _order_of(ev: Event) -> tuple[int, int, int, int, int]:
    """`fusion.order_key` of the member `_member` makes of ``ev``, without making it."""
    return fusion.order_key(
        Period.parse(ev.date, ev.granularity), _published(ev), ev.article_id or 0, ev.id or 0
    )


def _published(ev: Event) -> date | None:
    if ev.article_date:
        try:
            return date.fromisoformat(ev.article_date)
        except ValueError:
            return None
    return None


def fuse_part(
    events: list[Event],
    extra: dict[int, tuple[str | None, int | None]],
    edited: dict[int, set[str]],
) -> list[tuple[list[int], Choice]]:
    """Runs in another process (`refresh`'s ``spread``): fuse ``events`` alone and choose
    what each group says; (event ids, choice) per group, in `fuse` order."""
    with event_store.building_many():  # as in `_rebuild`
        ms = [_member(e, *extra.get(e.id or 0, (None, None))) for e in events]
        by_id = {e.id or 0: e for e in events}
        out = []
        for g in fuse(ms):
            members = [by_id[m.event_id] for m in g]
            out.append(([m.event_id for m in g], _choose(members, g, edited)))
        return out


def _choose(events: list[Event], ms: list[Member], edited: dict[int, set[str]]) -> Choice:
    return choose(
        events,
        {e.id or 0: edited[e.id or 0] for e in events if e.id in edited},
        {m.event_id: m.words for m in ms},
    )


def _member(ev: Event, pin: str | None, story_id: int | None) -> Member:
    sentence = " ".join(p.quote for p in ev.passages[:1])
    keys: set[str] = set()
    for a in ev.actors:
        keys |= actor_keys(a.name, a.kind)
    published = _published(ev)
    names = name_words(f"{ev.title} {sentence}")
    return Member(
        event_id=ev.id or 0,
        article_id=ev.article_id or 0,
        period=Period.parse(ev.date, ev.granularity),
        type=ev.type,
        modality=ev.modality,
        location=ev.location,
        actors=frozenset(keys),
        words=content_words(names, [a.name for a in ev.actors]),
        names=names,
        headline=content_words(name_words(ev.title), []),
        published=published,
        pin=pin,
        story_id=story_id,
    )


def _write(
    db: Database,
    groups: list[list[int]],
    by_id: dict[int, Event],
    member: Callable[[int], Member],
    extra: dict[int, tuple[str | None, int | None]],
    edited: dict[int, set[str]],
    chosen: dict[tuple[int, ...], Choice],
) -> set[int]:
    """Store each group (event ids) as a story, reusing an old story id held by most of its
    members (``chosen``: what some groups say, chosen already, by their event ids)."""
    claimed: set[int] = set()
    story_rows = []
    links: list[tuple[int, int]] = []
    # New stories go in with one statement, numbered as AUTOINCREMENT numbers them one
    # by one: after the largest id the table has held (kept in sqlite_sequence).
    next_id = 1 + max(
        db.execute("select coalesce(max(id), 0) from stories").fetchone()[0],
        db.execute(
            "select coalesce(max(seq), 0) from sqlite_sequence where name = 'stories'"
        ).fetchone()[0],
    )
    for ids in groups:
        events = [by_id[i] for i in ids]
        c = chosen.get(tuple(ids)) or _choose(events, [member(i) for i in ids], edited)
        olds = [
            s
            for s in (extra.get(i, (None, None))[1] for i in ids)
            if s is not None and s not in claimed
        ]
        story_id = None
        if olds:
            best = max(set(olds), key=lambda s: (olds.count(s), -s))
            if olds.count(best) * 2 >= len(ids) or len(set(olds)) == 1:
                story_id = best
        values = [
            c.lead_event_id,
            c.date,
            c.date_end,
            c.granularity,
            c.title,
            c.type,
            c.modality,
            c.location,
            json.dumps(list(c.actors), ensure_ascii=False),
            c.start_day,
            c.end_day,
            c.source_count,
            c.later_sources,
            c.lead,
            json.dumps([list(o) for o in c.other_dates]) if c.other_dates else None,
        ]
        if story_id is None:
            story_id = next_id  # the id an INSERT of its own would give it
            next_id += 1
        story_rows.append((*values, story_id))
        claimed.add(story_id)
        links.extend((story_id, i) for i in ids)
    db.conn.executemany(
        "insert or replace into stories (lead_event_id, date, date_end, granularity, title, type,"
        " modality, location, actors, start_day, end_day, source_count, later_sources, lead,"
        " other_dates, id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        story_rows,
    )
    db.conn.executemany("update story_members set story_id = ? where event_id = ?", links)
    return claimed


#: Visible events no story holds yet.
UNFUSED = (
    "select e.id from events e left join story_members sm on sm.event_id = e.id"
    " where e.deleted = 0 and sm.story_id is null"
)


def needs_refresh(db: Database) -> bool:
    """Whether events wait to be fused, or stories lost a report without a refresh
    since (an import or a re-dating cut short): `refresh_unfused` is due."""
    return (
        db.execute(f"{UNFUSED} limit 1").fetchone() is not None
        or db.execute("select 1 from stale_stories limit 1").fetchone() is not None
    )


def refresh_unfused(db: Database) -> int:
    """Fuse the events no story holds yet (an import cut short, an older database), and
    rebuild the stories that lost a report since the last refresh."""
    ids = [r[0] for r in db.execute(UNFUSED)]
    if not ids and db.execute("select 1 from stale_stories limit 1").fetchone() is not None:
        # Any one refresh rebuilds them (it takes the stale list); their own
        # remaining reports are the natural seeds.
        ids = [
            r[0]
            for r in db.execute(
                "select sm.event_id from stale_stories s join story_members sm"
                " on sm.story_id = s.story_id"
            )
        ] or [0]
    if not ids:
        return 0
    total = 0
    for i in range(0, len(ids), 5000):
        total += refresh(db, event_ids=ids[i : i + 5000])
    return total
