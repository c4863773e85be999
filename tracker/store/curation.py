"""The user's own layer over the events: tags with colours, named periods, saved views.

Tags attach by (article, event key) like edits do, so re-extracting or
re-anchoring an article keeps them on the same events. Periods and saved views
are not tied to events at all. Every function here has an inverse, so the
window can undo it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tracker.model import Period

from .events import _edit_key, _inserted_id

DEFAULT_COLOUR = "#e6a700"


@dataclass(frozen=True)
class NamedPeriod:
    id: int | None
    name: str
    start: str  # a date value (2014-09-05, 2014-09, 2014 ...)
    end: str
    colour: str = DEFAULT_COLOUR

    @property
    def start_day(self) -> str:
        p = Period.parse(self.start)
        return p.start_day if p is not None else self.start

    @property
    def end_day(self) -> str:
        p = Period.parse(self.end)
        return p.end_day if p is not None else self.end


def _check_date(value: str) -> None:
    if Period.parse(value) is None:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


# ------------------------------------------------------------------ tags


def tag_id(db: Database, name: str, colour: str | None = None) -> int:
    """The tag called ``name``, created with ``colour`` if new (recoloured if given)."""
    name = name.strip()
    if not name:
        raise ValueError("a tag needs a name")
    row = db.execute("select id from tags where name = ?", [name]).fetchone()
    if row is not None:
        if colour:
            db.execute("update tags set colour = ? where id = ?", [colour, row[0]])
        return int(row[0])
    return _inserted_id(
        db.execute(
            "insert into tags (name, colour) values (?, ?)", [name, colour or DEFAULT_COLOUR]
        )
    )


def list_tags(db: Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute("select name, colour from tags order by name")]


def tag_events(db: Database, event_ids: list[int], name: str, on: bool = True) -> None:
    """Put the tag ``name`` on the events (or take it off with ``on=False``)."""
    tid = tag_id(db, name)
    for event_id in event_ids:
        article_id, key = _edit_key(db, event_id)
        if on:
            db.execute(
                "insert or ignore into event_tags (article_id, event_key, tag_id) values (?, ?, ?)",
                [article_id, key, tid],
            )
        else:
            db.execute(
                "delete from event_tags where article_id = ? and event_key = ? and tag_id = ?",
                [article_id, key, tid],
            )


# ------------------------------------------------------------------ periods


def add_period(db: Database, period: NamedPeriod) -> int:
    _check_date(period.start)
    _check_date(period.end)
    if period.start_day > period.end_day:
        raise ValueError(f"{period.name}: the period ends before it starts")
    values = [period.name.strip(), period.start, period.end, period.colour]
    if period.id is not None:  # an undone deletion comes back with its id
        return _inserted_id(
            db.execute(
                "insert into periods (id, name, start, end, colour) values (?, ?, ?, ?, ?)",
                [period.id, *values],
            )
        )
    return _inserted_id(
        db.execute("insert into periods (name, start, end, colour) values (?, ?, ?, ?)", values)
    )


def remove_period(db: Database, period_id: int) -> None:
    db.execute("delete from periods where id = ?", [period_id])


def list_periods(db: Database) -> list[NamedPeriod]:
    return [
        NamedPeriod(r[0], r[1], r[2], r[3], r[4] or DEFAULT_COLOUR)
        for r in db.execute("select id, name, start, end, colour from periods order by start, id")
    ]


# ------------------------------------------------------------------ saved views


def save_view(db: Database, name: str, state: dict[str, Any]) -> None:
    """Save (or replace) the view ``name``: filters, lanes and range as plain JSON."""
    db.execute(
        "insert into saved_views (name, state) values (?, ?)"
        " on conflict(name) do update set state = excluded.state",
        [name.strip(), json.dumps(state, sort_keys=True)],
    )


def load_view(db: Database, name: str) -> dict[str, Any] | None:
    row = db.execute("select state from saved_views where name = ?", [name]).fetchone()
    return json.loads(row[0]) if row else None


def delete_view(db: Database, name: str) -> None:
    db.execute("delete from saved_views where name = ?", [name])


def list_views(db: Database) -> list[str]:
    return [r[0] for r in db.execute("select name from saved_views order by name collate nocase")]


# ------------------------------------------------------------------ events added by hand

NOTES_HASH = "tracker:events-added-by-hand"


def notes_article(db: Database) -> int:
    """The article that holds events added with no article of their own (made on first use)."""
    row = db.execute("select id from articles where content_hash = ?", [NOTES_HASH]).fetchone()
    if row is not None:
        return int(row[0])
    return _inserted_id(
        db.execute(
            "insert into articles (title, text, content_hash, date_source, format)"
            " values (?, '', ?, 'none', 'note')",
            ["Events added by hand", NOTES_HASH],
        )
    )


@dataclass(frozen=True)
class Source:
    """The passage a hand-made event links to: a selection in its article."""

    article_id: int
    start: int
    end: int
    text: str  # the selected text (the event's "timex" when it is a date)
    quote: str  # the sentence around it


def add_user_event(
    db: Database,
    fields: dict[str, Any],
    source: Source | None = None,
    key: str | None = None,
) -> int:
    """Insert an event the user made (``created_by`` "user": re-extraction never removes
    it). ``fields`` are the edit dialog's: title, date, granularity, type, modality,
    location, actors. ``key`` reuses a key (redo after undo). Returns the event id."""
    from uuid import uuid4

    from .events import _set_actors, event_days

    article_id = source.article_id if source is not None else notes_article(db)
    key = key or f"user-{uuid4().hex[:12]}"
    granularity = fields.get("granularity") or "day"
    event_id = _inserted_id(
        db.execute(
            "insert into events (article_id, key, date, date_end, granularity, title, type,"
            " modality, location, confidence, importance, start_day, end_day, relative,"
            " created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1.0, ?, ?, ?, 0, 'user')",
            [
                article_id,
                key,
                fields.get("date"),
                fields.get("date_end"),
                granularity,
                fields.get("title") or "(untitled)",
                fields.get("type") or "other",
                fields.get("modality") or "reported",
                fields.get("location"),
                float(fields.get("importance", 0.6)),
                *event_days(fields.get("date"), granularity, fields.get("date_end")),
            ],
        )
    )
    if source is not None:
        db.execute(
            "insert into passages (event_id, article_id, sentence_start, sentence_end,"
            " timex_start, timex_end, timex, quote) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                event_id,
                article_id,
                source.start,
                source.end,
                source.start,
                source.end,
                source.text,
                source.quote,
            ],
        )
    actors = [a for a in fields.get("actors") or [] if a]
    if actors:
        _set_actors(db, event_id, [(a, "other") for a in actors])
    return event_id


def event_key_of(db: Database, event_id: int) -> str:
    return _edit_key(db, event_id)[1]
