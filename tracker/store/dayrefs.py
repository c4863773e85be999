"""The days each article's sentences name (``day_refs``), and the events made from them.

A day reference is one day-level date expression of an article, with its
sentence: written with the article's events, whether or not an event was built
on it. `tracker.story.days` counts them and, for a day many articles point at
without an event, stores a *day event* (``created_by`` "story") from one of
those sentences.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class DayRef:
    """One day named in an article: the day, its sentence and its date expression."""

    day: str
    sentence_start: int
    sentence_end: int
    timex_start: int
    timex_end: int
    timex: str


def replace_day_refs(db: Database, article_id: int, refs: Iterable[DayRef]) -> None:
    """Swap an article's day references for ``refs``. Call inside ``db.atomic()``."""
    db.execute("delete from day_refs where article_id = ?", [article_id])
    db.conn.executemany(
        "insert into day_refs (article_id, day, sentence_start, sentence_end, timex_start,"
        " timex_end, timex) values (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                r.day,
                r.sentence_start,
                r.sentence_end,
                r.timex_start,
                r.timex_end,
                r.timex,
            )
            for r in refs
        ],
    )


def insert_day_event(
    db: Database,
    article_id: int,
    ref: DayRef,
    title: str,
    quote: str,
    modality: str = "reported",
) -> int:
    """Store a day event (``created_by`` "story", key ``day:<day>``) built on ``ref``,
    a sentence of article ``article_id``. Returns its id."""
    key = f"day:{ref.day}"
    cur = db.execute(
        "insert into events (article_id, key, date, granularity, title, type, modality,"
        " confidence, importance, relative, dated_by, created_by)"
        " values (?, ?, ?, 'day', ?, 'other', ?, 0.5, 0.5, 0, 'references', 'story')",
        [article_id, key, ref.day, title, modality],
    )
    assert cur.lastrowid is not None
    event_id = int(cur.lastrowid)
    db.execute(
        "insert into passages (event_id, article_id, sentence_start, sentence_end,"
        " timex_start, timex_end, timex, quote) values (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            event_id,
            article_id,
            ref.sentence_start,
            ref.sentence_end,
            ref.timex_start,
            ref.timex_end,
            ref.timex,
            quote,
        ],
    )
    return event_id


def delete_day_events(db: Database, event_ids: Iterable[int]) -> None:
    """Remove day events that are no longer wanted (never one the user edited)."""
    ids = [(int(i),) for i in event_ids]
    db.conn.executemany("delete from passages where event_id = ?", ids)
    db.conn.executemany("delete from story_members where event_id = ?", ids)
    db.conn.executemany("delete from events where id = ?", ids)
