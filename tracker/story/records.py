"""Fused events kept ready to list: written with their story, read back in one row each.

Building a fused event reads every report and passage it holds; a listing of
100,000 events, or a search whose hits are large stories, spent most of its
time there. So `tracker.story.refresh` builds each story's fused event when it
writes the story (`write_records`) and stores it (`tracker.store.records`): its
values, the evidence its importance is computed from, and its ``tracker events
--json`` text split around the importance. Reading it back (`read_events`,
`read_json`) gives exactly what building it gives:

- importance is computed at read time from the stored evidence and the corpus
  counts (they change with every import, the evidence only with the story);
- stars, hidden marks, tags, the article's title, date and address, and the
  participants' kinds and short forms are read live, never stored;
- a story without a record of the current `STAMP` is built from its reports;
- the passages (quotes and contexts: most of a record) are stored apart and read
  as undecoded bytes: a `ListedEvent` decodes them when first asked for (the
  details pane, an export), so a listing of thousands of events, whose table and
  timeline show none of them, never builds its tens of thousands of passages.

`STAMP` changes with the record's shape (the event's fields, the JSON keys),
so a database written by another version gets its records rebuilt when it opens
(`fill_records`).
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from sqlite_utils import Database

from tracker.export.serialize import EVENTS_JSON_KEYS, record_maker
from tracker.model import Actor, Event, Passage
from tracker.store import events as event_store
from tracker.store import records as store

from .build import Proof, Scorer, build_fused, corpus_counts, json_names, store_corpus_counts

#: Bump when what a record holds changes meaning (its shape, the event's fields and the
#: JSON keys, `STAMP` follows by itself): a value written differently, or importance
#: computed from evidence a record does not keep. A change of the salience formula alone
#: needs nothing: importance is computed when a record is read.
RECORD_VERSION = 2  # 2: the passages in a column of their own (m009)
_FIELDS = event_store._EVENT_FIELDS
_PASSAGE_FIELDS = event_store._PASSAGE_FIELDS
STAMP = f"{RECORD_VERSION}-" + format(
    zlib.crc32(repr((EVENTS_JSON_KEYS, _FIELDS, _PASSAGE_FIELDS)).encode()), "08x"
)

# Positions in `_FIELDS` of what is stored in another form, read live or computed.
_IMPORTANCE, _ARTICLE_TITLE, _ARTICLE_DATE, _ARTICLE_URL = (
    _FIELDS.index(f) for f in ("importance", "article_title", "article_date", "article_url")
)
_ACTORS, _PASSAGES, _STARRED, _HIDDEN, _TAGS, _MEMBERS, _OTHER = (
    _FIELDS.index(f)
    for f in ("actors", "passages", "starred", "hidden", "tags", "member_ids", "other_dates")
)
_ARTICLE_ID, _DATE = _FIELDS.index("article_id"), _FIELDS.index("date")
#: What `_read_events` fills a `ListedEvent` with: the fields, the passages' in three parts.
_LISTED = (*_FIELDS[:_PASSAGES], "_raw", "_count", "_articles", *_FIELDS[_PASSAGES + 1 :])
_LIVE = (_IMPORTANCE, _ARTICLE_TITLE, _ARTICLE_DATE, _ARTICLE_URL, _STARRED, _HIDDEN, _TAGS)
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_IMPORTANCE_KEY = ', "importance": '


class ListedEvent(Event):
    """A fused event read from its record, its passages kept undecoded until asked for.

    Equal to (and hashed as) the `Event` built from the story's reports: the same
    values, read another way. What a listing shows without opening an event
    (`source_count`, `passage_count`) comes from counts stored beside the passages;
    ``passages`` decodes them once, on first use, from this event's own bytes (never
    from the database: a listing read on one thread is shown on another, and may
    outlive the state of the database it was read from).
    """

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        return _take_passages(self.__dict__, _decode_passages)

    @property
    def passage_count(self) -> int:
        count: int | None = self.__dict__.get("_count")
        return count if count is not None else len(self.passages)

    @property
    def source_count(self) -> int:
        articles: int | None = self.__dict__.get("_articles")
        if articles is None:  # built by ``__init__`` (``dataclasses.replace``)
            return super().source_count
        return max(self.sources, articles, 1)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Event):
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in _FIELDS)

    __hash__ = Event.__hash__


def _decode_passages(raw: bytes | None) -> tuple[Passage, ...]:
    return _passages(json.loads(raw)) if raw else ()


def _passages(rows: list[list[Any]]) -> tuple[Passage, ...]:
    new = object.__new__
    out = []
    for p in rows:
        passage = new(Passage)
        passage.__dict__.update(zip(_PASSAGE_FIELDS, p, strict=True))
        out.append(passage)
    return tuple(out)


def _take_passages(fields: dict[str, Any], decode: Any) -> tuple[Passage, ...]:
    """A listed event's passages from its bytes: decoded, put in place, then the bytes
    dropped, in that order, so that another thread decoding the same event at the
    same moment (an export on the reader thread, the details pane on the GUI thread)
    finds either the bytes or the passages, never neither."""
    raw = fields.get("_raw")
    if raw is None:
        found: tuple[Passage, ...] = fields.get("passages", ())
        return found
    passages: tuple[Passage, ...] = decode(raw)
    fields["passages"] = passages
    fields.pop("_raw", None)
    return passages


def decode_passages(events: Sequence[Event]) -> None:
    """Decode the passages of every listed event of ``events`` not decoded yet, in one
    go (an export writes them all): one JSON document, the cycle collector paused, as
    for a listing; one by one, 46,531 events took four times as long."""
    waiting = [e.__dict__ for e in events if "_raw" in e.__dict__]
    raws = [fields.get("_raw") for fields in waiting]
    waiting = [f for f, raw in zip(waiting, raws, strict=True) if raw is not None]
    if not waiting:
        return
    with event_store.building_many():
        decoded = json.loads(b"[" + b",".join([r for r in raws if r is not None]) + b"]")
        for fields, rows in zip(waiting, decoded, strict=True):
            _take_passages(fields, lambda _raw, rows=rows: _passages(rows))


def write_records(db: Database, story_ids: Sequence[int]) -> None:
    """Build the fused events of ``story_ids`` and store their records (replacing any)."""
    for i in range(0, len(story_ids), 5000):
        events, proofs = build_fused(db, story_ids[i : i + 5000], [], scored=False)
        store.write(
            db, [_record(ev, proofs[ev.story_id]) for ev in events if ev.story_id in proofs]
        )


def records_missing(db: Database) -> bool:
    """Whether a story has no record of the current shape, or the corpus counts are
    not stored (a database from before m008)."""
    return store.any_missing(db, STAMP) or store.load_corpus(db) is None


def fill_records(db: Database, limit: int | None = None) -> int:
    """Store the records of the stories without a current one (at most ``limit``, most
    reported first: the ones a first screen shows), and the corpus counts; returns how
    many records were written."""
    ids = store.missing(db, STAMP)
    if limit is not None and len(ids) > limit:
        ids = store.most_reported(db, ids, limit)
    write_records(db, ids)
    store_corpus_counts(db)
    return len(ids)


def _record(ev: Event, proof: Proof) -> tuple[Any, ...]:
    values: list[Any] = [getattr(ev, f) for f in _FIELDS]
    for i in _LIVE:
        values[i] = None
    values[_ACTORS] = [[a.name, a.id, a.role] for a in ev.actors]
    # The passages go to a column of their own; the values keep their count and how
    # many articles they come from (what `Event.source_count` counts).
    values[_PASSAGES] = [len(ev.passages), len({p.article_id for p in ev.passages})]
    passages = [[getattr(p, f) for f in _PASSAGE_FIELDS] for p in ev.passages]
    values[_MEMBERS] = list(ev.member_ids)
    values[_OTHER] = [list(o) for o in ev.other_dates]
    record = record_maker(EVENTS_JSON_KEYS)(ev)
    # The entry's text cut around its importance. A quote inside a string value is
    # always escaped, so the key's unescaped spelling is found only where it is the key.
    text = _ENCODE(record)
    cut = text.index(_IMPORTANCE_KEY) + len(_IMPORTANCE_KEY)
    value = _ENCODE(record["importance"])
    assert text.startswith(value, cut)
    head, tail = text[:cut], text[cut + len(value) :]
    sources, later, lead, names, granularity, modality, date = proof
    return (
        ev.story_id,
        STAMP,
        ev.id,
        date or "~",
        granularity,
        modality,
        sources,
        later,
        lead,
        names,
        json.dumps(values, ensure_ascii=False),
        head,
        tail,
        json.dumps(passages, ensure_ascii=False),
    )


def read_events(db: Database, story_ids: Sequence[int]) -> tuple[list[Event], list[int]]:
    """The fused events of ``story_ids`` that have a record (in no order), and the ids
    of those that have none.

    What is read is kept on the connection until the database changes (any write,
    by any connection): typing a filter in the window reads the same stories again
    and again, and the events are immutable.
    """
    if not story_ids:
        return [], []
    if db.conn.in_transaction:
        # What this connection reads now may be rolled back (its writes, and the marks
        # they made, with them): kept for the rest of the transaction, never after.
        db._tracker_fused = None  # type: ignore[attr-defined]
        return _read_events(db, story_ids)
    version = event_store._data_version(db)
    kept: tuple[tuple[int, int], dict[int, Event]] | None = getattr(db, "_tracker_fused", None)
    if kept is None or kept[0] != version:
        kept = (version, {})
        db._tracker_fused = kept  # type: ignore[attr-defined]
    known = kept[1]
    found = [ev for ev in map(known.get, story_ids) if ev is not None]
    if len(found) == len(story_ids):
        return found, []
    rest = [s for s in story_ids if s not in known] if found else story_ids
    read, missing = _read_events(db, rest)
    for ev in read:
        known[ev.story_id] = ev  # type: ignore[index]
    found.extend(read)
    return found, missing


def remember(db: Database, events: Sequence[Event]) -> None:
    """Keep fused events built from their reports (stories without a record) with
    those `read_events` keeps, while the database stays as it is."""
    kept: tuple[tuple[int, int], dict[int, Event]] | None = getattr(db, "_tracker_fused", None)
    if kept is None or kept[0] != event_store._data_version(db) or db.conn.in_transaction:
        return
    for ev in events:
        if ev.story_id is not None:
            kept[1][ev.story_id] = ev


_NO_TAGS: tuple[tuple[str, str], ...] = ()


def _read_events(db: Database, story_ids: Sequence[int]) -> tuple[list[Event], list[int]]:
    listed = _listed(db)
    # Inside a transaction, what is read may be rolled back, and the marks its writes
    # made with it (their numbers given again later): nothing read then is trusted.
    settled = not db.conn.in_transaction
    marked = settled and _follow_marks(db, listed)
    corpus = corpus_counts(db)
    scorer = Scorer(corpus)
    tags = store.tags_by_event(db)
    out: list[Event] = []
    pool = _pool(db)
    others = pool.events if pool is not None else None
    if marked:
        # The stories no mark names since their event was made: the same event, unless
        # what every listing reads live changed: its tags (then read again), the corpus
        # counts (then scored again from the evidence it was made of: an import, or a
        # deletion, changes every event's importance and no record).
        rest = []
        for sid in story_ids:
            last = listed.get(sid)
            if last is None or last[3] is None or tags.get(last[2], _NO_TAGS) != last[0][2]:
                rest.append(sid)
            elif last[3] is corpus:
                out.append(last[1])
            else:
                key = (*last[0][:4], corpus)
                event = _rescored(last[1], last[0][0], scorer)
                entry: _Kept = (key, event, last[2], corpus)
                listed[sid] = entry
                if others is not None:
                    others[sid] = entry
                out.append(event)
        if not rest:
            return out, []
        story_ids = rest
    rows = store.read_listing(db, story_ids, STAMP)
    if not rows:
        return out, list(story_ids)
    decoded = _decoded(db, rows)
    people = store.actors_by_id(
        db, {a[1] for values in decoded for a in values[_ACTORS] if a[1] is not None}
    )
    known: dict[tuple[int, str | None], Actor] = {}
    for r, template in zip(rows, decoded, strict=True):
        # Everything the event is made of: the record's row (its values, passages and
        # evidence, the lead report's live fields), its tags, its participants as they
        # stand, the corpus counts. The same as at the last read: the same event.
        tag_key = (template[_ARTICLE_ID], r[12])
        tagged = tags.get(tag_key, _NO_TAGS)
        named_now = tuple([people.get(a[1]) for a in template[_ACTORS]])
        key = (
            r[1:16],
            hash(r[16]),  # the passages' bytes, not kept twice once decoded
            tagged,
            named_now,
            corpus,
        )
        # Not trusted: an event read inside a transaction, or one naming a participant
        # without its row (no mark would say when one came back). Compared instead.
        trusted = settled and (
            None not in named_now  # the usual case, told at C speed
            or all(
                p is not None or a[1] is None
                for p, a in zip(named_now, template[_ACTORS], strict=True)
            )
        )
        last = mine = listed.get(r[0])
        if last is None and others is not None:
            last = others.get(r[0])  # made by another connection: compared all the same
        if last is not None and last[0] == key:
            if mine is None or last[3] is not corpus or not trusted:
                # This connection's from now on, trusted again till a mark says.
                listed[r[0]] = (key, last[1], tag_key, corpus if trusted else None)
            out.append(last[1])
            continue
        values = list(template)
        named = []
        for name, aid, role in template[_ACTORS]:
            actor = known.get((aid, role)) if aid is not None else None
            if actor is None:
                live = people.get(aid) if aid is not None else None
                if live is None:
                    actor = Actor(name)
                else:
                    actor = known[(aid, role)] = Actor(
                        name=live[0],
                        kind=live[1],
                        id=aid,
                        role=role,
                        aliases=tuple(a for a in (live[2] or "").split("|") if a),
                    )
            named.append(actor)
        values[_IMPORTANCE] = scorer.score(
            r[5], r[6], r[7], json_names(r[8]) if r[8] else (), r[3], r[4], values[_DATE]
        )  # as `_score` computes it (inlined: once per event of a listing of all)
        values[_ARTICLE_TITLE], values[_ARTICLE_DATE], values[_ARTICLE_URL] = r[13], r[14], r[15]
        values[_STARRED], values[_HIDDEN] = bool(r[10]), bool(r[11])
        values[_TAGS] = tagged
        values[_ACTORS] = tuple(named)
        # In the field's place: the passages' bytes, their count and their articles'.
        values[_PASSAGES : _PASSAGES + 1] = (r[16], *values[_PASSAGES])
        event = event_store._built(ListedEvent, _LISTED, values)
        # Kept, and trusted (when it may be) while no mark names its story; the pool
        # holds the same entry (it never looks at the trust: it compares).
        entry = (key, event, tag_key, corpus if trusted else None)
        listed[r[0]] = entry
        if others is not None:
            if len(others) > _DECODED_KEPT:
                others = pool.events = {}  # type: ignore[union-attr]
            others[r[0]] = entry
        out.append(event)
    if len(rows) == len(story_ids):
        return out, []
    got = {r[0] for r in rows}
    return out, [s for s in story_ids if s not in got]


def _score(scorer: Scorer, row: tuple[Any, ...], date: str | None) -> float:
    """Importance from a record's evidence (``row``: its `store.read_listing` row but
    the story id: lead, date key, granularity, modality, sources, later, lead share,
    participants, ...) and the event's date."""
    names = json_names(row[7]) if row[7] else ()
    return scorer.score(row[4], row[5], row[6], names, row[2], row[3], date)


def _rescored(event: Event, row: tuple[Any, ...], scorer: Scorer) -> Event:
    """``event`` with the importance ``scorer`` gives its evidence: itself when the same,
    else a copy (its passages as they are: undecoded, or decoded by then)."""
    value = _score(scorer, row, event.date)
    if value == event.importance:
        return event
    copy: Event = object.__new__(type(event))
    copy.__dict__.update(event.__dict__)
    copy.__dict__["importance"] = value
    return copy


def _follow_marks(db: Database, listed: dict[int, _Kept]) -> bool:
    """Take out of trust the events in ``listed`` of the stories marked since this
    connection last looked (m010: `tracker.store.records.marks_since`); False when the
    database keeps no marks, and every listed event must be compared with what it was
    made of."""
    state: tuple[str, int] | None = getattr(db, "_tracker_marks", None)
    found = store.marks_since(db, *(state or (None, 0)))
    if found is None:
        db._tracker_marks = None  # type: ignore[attr-defined]
        return False
    epoch, seen, stories = found
    # Those events are read again and compared with what they were made of (a story
    # written again as it was gives the same event), no longer trusted as they are.
    if state is None or stories is None:
        # Nothing known of the marks this connection's events were made under (its
        # first look, another history, a participant changed): every one.
        stories = set(listed)
    for sid in stories:
        last = listed.get(sid)
        if last is not None:
            listed[sid] = (*last[:3], None)
    db._tracker_marks = (epoch, seen)  # type: ignore[attr-defined]
    return True


#: How many decoded records a connection keeps at most (about 300 bytes each).
_DECODED_KEPT = 250_000


#: What a connection keeps of an event it listed: what it was made of (compared with
#: the record's row when it is read again), the event, its lead report's (article id,
#: key) (its tags' key), and the corpus counts it was scored with while no mark names
#: its story since (None once one does: then it is read again and compared).
_Kept = tuple[tuple[Any, ...], Event, tuple[int, str], Any]


class _Pool:
    """What the connections of this process to one database file (the window's reader,
    its own, its writer's; a new connection of a process that has read before) give
    one another: each record's decoded values, checked against the record's text, and
    the events made from records, each compared with what it was made of, as a
    connection's own are after a mark or without marks (never trusted as they are:
    another connection's marks are not this one's). What a pool holds is only ever
    used after such a check, so it can be shared between threads and outlive any
    connection (its entries' trust is never looked at). One database file at a time
    (the last one read)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.decoded: dict[int, tuple[str, tuple[Any, ...]]] = {}
        self.events: dict[int, _Kept] = {}


_POOL: _Pool | None = None


def _pool(db: Database) -> _Pool | None:
    """The `_Pool` of ``db``'s file; None for a database in memory."""
    global _POOL
    file: str | None = getattr(db, "_tracker_file", None)
    if file is None:
        path = getattr(db, "path", None)
        if path is None:
            return None
        file = db._tracker_file = os.path.realpath(path)  # type: ignore[attr-defined]
    pool = _POOL
    if pool is None or pool.file != file:
        pool = _POOL = _Pool(file)
    return pool


def _listed(db: Database) -> dict[int, _Kept]:
    """The events a connection made from their records, by story, each with what it was
    made of: a later read, after a change to the database, gives the same event again
    where none of that changed (the window, after a star or an edit, lists thousands
    of events of which one changed). Immutable, like every listed event."""
    kept: dict[int, _Kept] | None = getattr(db, "_tracker_listed", None)
    if kept is None or len(kept) > _DECODED_KEPT:
        kept = db._tracker_listed = {}  # type: ignore[attr-defined]
    return kept


def _decoded(db: Database, rows: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Each row's record values (``event``, its 10th column) as decoded from their JSON,
    every list made a tuple (what a connection keeps should cost the cycle collector
    nothing: tuples of plain values drop out of its sight).

    Values decoded by an earlier read (of any connection of this process to the same
    database file: `_Pool`) are used again when the record's text is the same (a story that changes has its record rewritten, so the
    same text is the same record): after a change to the database, which drops the
    fused events kept on the connection, a listing decodes only the records that
    changed. What is read live (stars, tags, article title, participants' kinds,
    importance) is read again each time.
    """
    pool = _pool(db)
    memo: dict[int, tuple[str, tuple[Any, ...]]] | None = (
        pool.decoded if pool is not None else getattr(db, "_tracker_decoded", None)
    )
    if memo is None or len(memo) > _DECODED_KEPT:
        memo = {}
        if pool is not None:
            pool.decoded = memo
    db._tracker_decoded = memo  # type: ignore[attr-defined]
    out: list[tuple[Any, ...] | None] = []
    fresh: list[int] = []
    for i, r in enumerate(rows):
        kept = memo.get(r[0])
        if kept is not None and kept[0] == r[9]:
            out.append(kept[1])
        else:
            out.append(None)
            fresh.append(i)
    if fresh:
        # One document for every record's values: a call of `json.loads` each costs as
        # much again as the decoding.
        decoded = json.loads("[" + ",".join([rows[i][9] for i in fresh]) + "]")
        for i, values in zip(fresh, decoded, strict=True):
            values[_ACTORS] = tuple(map(tuple, values[_ACTORS]))
            values[_PASSAGES] = tuple(values[_PASSAGES])
            values[_MEMBERS] = tuple(values[_MEMBERS])
            values[_OTHER] = tuple(map(tuple, values[_OTHER])) if values[_OTHER] else ()
            kept = tuple(values)
            memo[rows[i][0]] = (rows[i][9], kept)
            out[i] = kept
    return out  # type: ignore[return-value]


JsonEntry = tuple[tuple[str, int], int, bytes]


def read_json(db: Database, story_ids: Sequence[int]) -> tuple[list[JsonEntry], list[int]]:
    """((date order key, story id, JSON text as UTF-8)) of the ``tracker events --json``
    entry of each of ``story_ids`` with a record, and the ids of those with none."""
    if not story_ids:
        return [], []
    rows = store.read_json(db, story_ids, STAMP)
    if not rows:
        return [], list(story_ids)
    scorer = Scorer(corpus_counts(db))
    out = []
    for (
        sid,
        lead_id,
        sort_date,
        granularity,
        modality,
        sources,
        later,
        lead,
        names,
        head,
        tail,
    ) in rows:
        date = sort_date if sort_date != "~" else None
        value = scorer.score(
            sources, later, lead, json_names(names) if names else (), granularity, modality, date
        )
        out.append(((sort_date, lead_id), sid, head + float.__repr__(value).encode() + tail))
    if len(out) == len(story_ids):
        return out, []
    got = {r[0] for r in rows}
    return out, [s for s in story_ids if s not in got]


def json_texts(db: Database, events: Sequence[Event]) -> list[bytes]:
    """The ``tracker events --json`` entries of ``events`` (fused events as listed), in
    their order, as UTF-8: from their records where they have one, encoded here otherwise."""
    found, _missing = read_json(db, [ev.story_id for ev in events if ev.story_id is not None])
    by_story: dict[tuple[int, int | None], bytes] = {
        (sid, key[1]): text for key, sid, text in found
    }
    out = []
    for ev in events:
        text = by_story.get((ev.story_id, ev.id)) if ev.story_id is not None else None
        out.append(text if text is not None else encode(ev))
    return out


def encode(ev: Event) -> bytes:
    """The ``tracker events --json`` entry of one fused event, encoded from it (UTF-8)."""
    return _ENCODE(record_maker(EVENTS_JSON_KEYS)(ev)).encode()
