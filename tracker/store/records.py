"""Stored fused-event records (schema m008): one row per story, as listings read it.

`tracker.story.records` builds a fused event once, when its story is written,
and keeps here what a listing needs: the event's values (``event``, JSON), the
evidence its corpus-level importance is computed from at read time (importance
depends on corpus-wide counts, which every import changes), and its
``tracker events --json`` text split around the importance value (``json_head``
+ importance + ``json_tail``). Its passages (``passages``, JSON, m009) are kept apart from the
other values: a listing carries them undecoded. ``stamp`` names the record's shape: a row with
another stamp is rebuilt, as is a story with none.

What the user can change without re-fusing (stars, hidden, tags) and what the
articles say (title, date, address) are read live, never from here.

Also m008's: ``stale_stories``, the stories that lost a report since the last
refresh (filed by a trigger when an event row is deleted; `take_stale`), and
``corpus_counts``, the counts salience needs as the last refresh counted them
(`save_corpus`, `load_corpus`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from .events import scan_whole

#: The columns `write` takes, in order.
COLUMNS = (
    "story_id",
    "stamp",
    "lead_id",
    "sort_date",
    "granularity",
    "modality",
    "sources",
    "later",
    "lead",
    "names",
    "event",
    "json_head",
    "json_tail",
    "passages",
)

#: What a listing reads: evidence, values, the lead report's live fields, and the
#: passages as the UTF-8 bytes SQLite holds (decoded only when an event is opened).
_LISTING = (
    "r.story_id, r.lead_id, r.sort_date, r.granularity, r.modality, r.sources, r.later,"
    " r.lead, r.names, r.event, e.starred, e.hidden, e.key, a.title, a.anchor_date, a.url,"
    " cast(r.passages as blob)"
)
# The JSON text as the UTF-8 bytes SQLite holds: written out as it is, never decoded.
_JSON = (
    "r.story_id, r.lead_id, r.sort_date, r.granularity, r.modality, r.sources, r.later,"
    " r.lead, r.names, cast(r.json_head as blob), cast(r.json_tail as blob)"
)


def write(db: Database, rows: Iterable[Sequence[Any]]) -> None:
    """Store (or replace) records, each a sequence of `COLUMNS` values."""
    db.conn.executemany(
        f"insert or replace into fused_records ({', '.join(COLUMNS)})"
        f" values ({', '.join('?' * len(COLUMNS))})",
        rows,
    )


def delete(db: Database, story_ids: Iterable[int]) -> None:
    """Drop the records of ``story_ids`` (stories gone, or left to be stored later)."""
    ids = sorted(set(story_ids))
    if ids:
        db.execute(
            "delete from fused_records where story_id in (select value from json_each(?))",
            [json.dumps(ids)],
        )


def take_stale(db: Database) -> list[int]:
    """The stories that lost a report since the last refresh (filed by the trigger of
    m008 when an event row is deleted); the list is emptied."""
    ids = [r[0] for r in db.execute("select story_id from stale_stories")]
    if ids:
        db.execute("delete from stale_stories")
    return ids


def missing(db: Database, stamp: str) -> list[int]:
    """Stories without a record of shape ``stamp``."""
    return [
        r[0]
        for r in db.execute(
            "select s.id from stories s left join fused_records r on r.story_id = s.id"
            " where r.story_id is null or r.stamp != ?",
            [stamp],
        )
    ]


def most_reported(db: Database, story_ids: list[int], limit: int) -> list[int]:
    """The ``limit`` of ``story_ids`` with the most reports, in id order."""
    counts = dict(
        db.execute(
            "select story_id, count(*) from story_members"
            " where story_id in (select value from json_each(?)) group by story_id",
            [json.dumps(story_ids)],
        ).fetchall()
    )
    chosen = sorted(story_ids, key=lambda i: (-counts.get(i, 0), i))[:limit]
    return sorted(chosen)


def _has_table(db: Database) -> bool:
    return (
        db.execute(
            "select 1 from sqlite_master where type = 'table' and name = 'fused_records'"
        ).fetchone()
        is not None
    )


def any_missing(db: Database, stamp: str) -> bool:
    """Whether a story has no record of shape ``stamp``: counted from the stamp's index
    (a record goes with its story, so equal counts mean every story has one)."""
    stories = db.execute("select count(*) from stories").fetchone()[0]
    kept = db.execute("select count(*) from fused_records where stamp = ?", [stamp]).fetchone()[0]
    return bool(stories != kept)


def _select(
    db: Database, columns: str, joins: str, story_ids: Sequence[int], stamp: str
) -> list[Any]:
    """Rows of ``columns`` for the records of ``story_ids`` with shape ``stamp``:
    one scan for most of the table, look-ups by id (in order) otherwise; never through
    the stamp's index (``+r.stamp``: it would read every record). None from a
    database opened read-only before m008 could add the table."""
    if not _has_table(db):
        return []
    base = f"select {columns} from fused_records r {joins}"
    if scan_whole(db, "fused_records", len(story_ids)):
        wanted = set(story_ids)
        return [
            row for row in db.execute(f"{base} where +r.stamp = ?", [stamp]) if row[0] in wanted
        ]
    return db.execute(
        f"select {columns} from json_each(?) j cross join fused_records r"
        f" on r.story_id = j.value {joins} where +r.stamp = ?",
        [json.dumps(sorted(story_ids)), stamp],
    ).fetchall()


def read_listing(db: Database, story_ids: Sequence[int], stamp: str) -> list[Any]:
    """(story_id, lead_id, sort_date, granularity, modality, sources, later, lead, names,
    event, starred, hidden, key, article title, article date, article url, passages as
    UTF-8 bytes) per record."""
    return _select(
        db,
        _LISTING,
        "join events e on e.id = r.lead_id join articles a on a.id = e.article_id",
        story_ids,
        stamp,
    )


def read_json(db: Database, story_ids: Sequence[int], stamp: str) -> list[Any]:
    """(story_id, lead_id, sort_date, granularity, modality, sources, later, lead, names,
    json_head, json_tail) per record, the last two as UTF-8 bytes."""
    return _select(db, _JSON, "", story_ids, stamp)


def actors_by_id(db: Database, ids: Iterable[int]) -> dict[int, tuple[str, str, str | None]]:
    """(name, kind, aliases) of the actors ``ids``, read live: an actor gains short forms
    on later imports without its stories being written again."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    return {
        aid: (name, kind, aliases)
        for aid, name, kind, aliases in db.execute(
            "select id, name, kind, aliases from actors where id in"
            " (select value from json_each(?))",
            [json.dumps(wanted)],
        )
    }


def tags_by_event(db: Database) -> dict[tuple[int, str], tuple[tuple[str, str], ...]]:
    """Every event's tags by (article id, event key), as `events.read_related` gives them."""
    tags: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for article_id, key, name, colour in db.execute(
        "select et.article_id, et.event_key, t.name, t.colour from event_tags et"
        " join tags t on t.id = et.tag_id order by t.name"
    ):
        tags.setdefault((article_id, key), []).append((name, colour))
    return {k: tuple(v) for k, v in tags.items()}


#: A story id in `listing_marks` standing for every story (m010).
EVERY_STORY = -1


def marks_since(
    db: Database, epoch: str | None, seen: int
) -> tuple[str, int, set[int] | None] | None:
    """The stories whose listed event may have changed since a reader saw the marks (m010)
    up to ``seen`` in the history ``epoch``: (the history, the last mark now, the stories;
    None for "any of them": another history, or a change every listed event may show).
    None when the database keeps no marks (opened read-only before m010).

    A mark is committed with its change, so a story unmarked up to the last mark
    returned, and read after this call, is read as it is now or later."""
    try:
        row = db.execute("select epoch from listing_epoch where id = 1").fetchone()
        if row is None:
            return None
        current, top = (
            str(row[0]),
            int(db.execute("select coalesce(max(seq), 0) from listing_marks").fetchone()[0]),
        )
        if current != epoch or top < seen:  # another history (a backup put back)
            return current, top, None
        marks = db.execute(
            "select seq, story_id from listing_marks where seq > ?", [seen]
        ).fetchall()
    except sqlite3.OperationalError:  # no such table
        return None
    if not marks:
        return current, seen, set()
    stories = {int(story_id) for _seq, story_id in marks}
    last = max(int(seq) for seq, _story in marks)
    return current, last, None if EVERY_STORY in stories else stories


def save_corpus(db: Database, actors: dict[str, int], days: dict[str, float]) -> None:
    """Store the corpus counts salience needs (articles per participant, weight per day)."""
    db.execute(
        "insert or replace into corpus_counts (id, actors, days) values (1, ?, ?)",
        [json.dumps(actors, ensure_ascii=False), json.dumps(days)],
    )


def load_corpus(db: Database) -> tuple[dict[str, int], dict[str, float]] | None:
    """The stored corpus counts, or None when there are none (or no table yet)."""
    texts = load_corpus_texts(db)
    return (json.loads(texts[0]), json.loads(texts[1])) if texts is not None else None


def load_corpus_texts(db: Database) -> tuple[str, str] | None:
    """The stored corpus counts as stored (two JSON texts), or None."""
    try:
        row = db.execute("select actors, days from corpus_counts where id = 1").fetchone()
    except sqlite3.OperationalError:  # a database opened read-only before m008
        return None
    return (row[0], row[1]) if row is not None else None
