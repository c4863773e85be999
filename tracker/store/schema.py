"""Schema migrations: the database's shape, versioned inside the database itself.

Each migration is applied once, in order, and recorded in ``_sqlite_migrations``
(sqlite-utils). Never edit a migration that has shipped; add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("tracker")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "title": str,
            "source_name": str,
            "url": str,
            "author": str,
            "anchor_date": str,  # ISO date relative dates resolve against
            "date_source": str,  # model.DateSource (m002: "file" became "assumed")
            "text": str,
            "content_hash": str,
            "path": str,
            "format": str,
            "imported_at": str,
        },
        pk="id",
        not_null={"title", "text", "content_hash", "date_source"},
        defaults={"date_source": "none"},
    )
    db.table("articles").create_index(["content_hash"], unique=True)

    db.table("events").create(
        {
            "id": int,
            "article_id": int,
            "key": str,  # stable key of an extractor event within its article: "start-end" of its timex
            "date": str,
            "date_end": str,
            "granularity": str,
            "title": str,
            "type": str,
            "modality": str,
            "location": str,
            "confidence": float,
            "importance": float,
            "relative": int,
            "created_by": str,  # extractor | user
            "deleted": int,  # hidden by the user; kept so undo and re-extraction know it
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"title", "created_by"},
        defaults={
            "created_by": "extractor",
            "type": "other",
            "modality": "reported",
            "relative": 0,
            "deleted": 0,
        },
    )
    db.table("events").create_index(["article_id"])
    db.table("events").create_index(["date"])

    db.table("passages").create(
        {
            "id": int,
            "event_id": int,
            "article_id": int,
            "sentence_start": int,
            "sentence_end": int,
            "timex_start": int,
            "timex_end": int,
            "timex": str,
            "quote": str,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id")],
    )
    db.table("passages").create_index(["event_id"])
    db.table("passages").create_index(["article_id"])

    db.table("actors").create({"id": int, "name": str, "kind": str}, pk="id", not_null={"name"})
    db.table("actors").create_index(["name"], unique=True)
    db.table("event_actors").create(
        {"event_id": int, "actor_id": int, "position": int},
        pk=("event_id", "actor_id"),
        foreign_keys=[("event_id", "events", "id"), ("actor_id", "actors", "id")],
    )
    db.table("event_actors").create_index(["actor_id"])

    # User corrections, keyed so they survive re-extraction: an edit names the
    # article and the event key (its timex span), not the volatile event id.
    db.table("edits").create(
        {
            "id": int,
            "article_id": int,
            "event_key": str,
            "field": str,  # title date date_end granularity type modality location actors deleted
            "value": str,  # JSON
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("edits").create_index(["article_id", "event_key", "field"], unique=True)

    db.table("events").enable_fts(["title"], create_triggers=True, tokenize="unicode61")
    db.table("passages").enable_fts(["quote"], create_triggers=True, tokenize="unicode61")
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


@migrations()
def m002_article_date_evidence(db: Database) -> None:
    # How an article's date was found, and a date offered for review when none
    # was. A file's modification time is no longer used silently: rows that
    # took it ("file") become "assumed", the source that asks for review.
    db.table("articles").add_column("date_note", str)
    db.table("articles").add_column("suggested_date", str)
    db.execute("update articles set date_source = 'assumed' where date_source = 'file'")


@migrations()
def m003_curation(db: Database) -> None:
    # Stars and hidden events are edits too (fields "starred" and "hidden" in
    # ``edits``), so they survive re-extraction; these columns hold their
    # current state for queries. Tags attach to an event by the same key as
    # edits (article, event key), never by the volatile event id.
    db.table("events").add_column("starred", int, not_null_default=0)
    db.table("events").add_column("hidden", int, not_null_default=0)
    db.table("tags").create(
        {"id": int, "name": str, "colour": str}, pk="id", not_null={"name", "colour"}
    )
    db.table("tags").create_index(["name"], unique=True)
    db.table("event_tags").create(
        {"article_id": int, "event_key": str, "tag_id": int},
        pk=("article_id", "event_key", "tag_id"),
        foreign_keys=[("article_id", "articles", "id"), ("tag_id", "tags", "id")],
    )
    # Named periods ("Minsk talks", 2014-09-05 to 2015-02-12), drawn as bands.
    db.table("periods").create(
        {"id": int, "name": str, "start": str, "end": str, "colour": str},
        pk="id",
        not_null={"name", "start", "end"},
    )
    # Saved views: a name and the view's state (filters, lanes, range) as JSON.
    db.table("saved_views").create(
        {"id": int, "name": str, "state": str}, pk="id", not_null={"name", "state"}
    )
    db.table("saved_views").create_index(["name"], unique=True)


@migrations()
def m004_stories(db: Database) -> None:
    # Fused events (tracker.story): one ``stories`` row per real-world happening;
    # ``story_members`` files each stored event under its story with the first
    # and last day it covers, so fusion finds the events near a date by index
    # instead of scanning the corpus. (A table of its own: updating ``events``
    # rows would rewrite their full-text index for nothing.) ``events.pin`` is
    # the user's grouping (a split or a merge), re-applied from ``edits``.
    db.table("events").add_column("pin", str)
    db.execute(
        "create table story_members (event_id integer primary key, story_id integer,"
        " start_day text, end_day text)"
    )
    db.execute("create index story_members_story on story_members (story_id)")
    db.execute("create index story_members_start on story_members (start_day)")
    db.execute(
        "create table stories (id integer primary key autoincrement, lead_event_id integer,"
        " date text, date_end text, granularity text, title text, type text, modality text,"
        " location text, actors text, start_day text, end_day text, source_count integer,"
        " later_sources integer, lead real, other_dates text)"
    )
    db.execute("create index stories_start_day on stories (start_day)")


@migrations()
def m005_event_participants_and_context(db: Database) -> None:
    # Issue 11: an actor's role in an event ("CEO"), the short forms an actor goes by
    # ("IBM", "Blinken", "|"-joined) for `events --actor`, the sentences around a
    # passage kept apart from its quote, and events dated by their article's day.
    db.table("event_actors").add_column("role", str)
    db.table("actors").add_column("aliases", str)
    db.table("passages").add_column("context", str)
    db.table("events").add_column("dated_by", str)


@migrations()
def m006_event_days(db: Database) -> None:
    # The first and last ISO day each event covers, written with its date, so a
    # date filter is an index range instead of parsing every event's value in
    # Python (issue 13: 100,000 events). NULL for a value no calendar places.
    from tracker.store.events import event_days

    db.table("events").add_column("start_day", str)
    db.table("events").add_column("end_day", str)
    rows = db.execute("select id, date, granularity, date_end from events").fetchall()
    # The full-text trigger rewrites an event's title on any update: these columns
    # are not in it, so it is set aside while they are filled in.
    trigger = db.execute(
        "select sql from sqlite_master where type = 'trigger' and name = 'events_au'"
    ).fetchone()
    if trigger is not None:
        db.execute("drop trigger events_au")
    db.conn.executemany(
        "update events set start_day = ?, end_day = ? where id = ?",
        [
            (*event_days(value, granularity, end), event_id)
            for event_id, value, granularity, end in rows
        ],
    )
    if trigger is not None:
        db.execute(trigger[0])
    # "Ends on or after the first day, starts by the last": read from the index alone.
    db.execute("create index events_end_start on events (end_day, start_day)")


@migrations()
def m007_day_references(db: Database) -> None:
    # Issue 12: every day an article's sentences name (one row per mention, the
    # sentence's offsets in the article text), whether or not an event was built
    # on it. Salience counts how many articles refer to a day, and from how much
    # later; a day many articles point back at without an event gets one.
    db.execute(
        "create table day_refs (article_id integer not null references articles(id),"
        " day text not null, sentence_start integer, sentence_end integer,"
        " timex_start integer, timex_end integer, timex text)"
    )
    db.execute("create index day_refs_day on day_refs (day)")
    db.execute("create index day_refs_article on day_refs (article_id)")


@migrations()
def m008_fused_records(db: Database) -> None:
    # Issue 13 item 8: each fused event kept as listings read it (`tracker.store.records`),
    # rewritten by `tracker.story.refresh` with its story, so a listing reads one row per
    # fused event instead of building it from every report and passage it holds. Filled
    # in when the database next opens for writing (`tracker.services.open_db`); until
    # then listings build the missing ones as before.
    db.execute(
        "create table fused_records (story_id integer primary key, stamp text not null,"
        " lead_id integer, sort_date text, granularity text, modality text, sources integer,"
        " later integer, lead real, names text, event text not null, json_head text not null,"
        " json_tail text not null)"
    )
    # A story whose report disappears (re-extraction dropped it) must be rebuilt even when
    # nothing else near it changed: the trigger files it for the next `story.refresh`.
    db.execute("create table stale_stories (story_id integer primary key)")
    db.execute(
        "create trigger events_gone_from_story after delete on events begin"
        " insert or ignore into stale_stories select story_id from story_members"
        " where event_id = old.id and story_id is not null;"
        " delete from story_members where event_id = old.id; end"
    )
    db.execute("create index fused_records_stamp on fused_records (stamp)")
    # The corpus counts salience needs (articles per participant, weight per day), as
    # the last refresh counted them: one row, two JSON objects.
    db.execute(
        "create table corpus_counts (id integer primary key check (id = 1),"
        " actors text not null, days text not null)"
    )
    # A search looks for its words in places too ("location like '%Geneva%'"): the index
    # is scanned instead of the table's rows, which also hold titles and dates.
    db.execute("create index events_location on events (location)")


@migrations()
def m009_lighter_listing(db: Database) -> None:
    # Issue 13 item 8. A fused event's passages (quotes and contexts, most of a record)
    # kept apart from its other values, so a listing carries them without decoding them:
    # they are decoded when an event is opened, exported or printed
    # (`tracker.story.records.ListedEvent`). Records of the older shape are rebuilt
    # (their stamp changed), as m008's were filled in.
    db.execute("alter table fused_records add column passages text")
    # A large database's first screen, its most reported stories, read from this index
    # until enough are found instead of sorting every story (`tracker.story.query`).
    db.execute("create index stories_by_sources on stories (source_count desc, id)")
    # The article list's event counts, counted in this index instead of each event's row.
    db.execute("create index events_article_deleted on events (article_id, deleted)")
    # A search's passages found in their full-text index, then their events read here
    # instead of in the passages' rows, which hold their quotes and contexts.
    db.execute("create index passages_event_by_id on passages (id, event_id)")


@migrations()
def m010_listing_marks(db: Database) -> None:
    # Issue 13 item 8. A connection keeps the events it listed; after a change it must
    # know which of them the change touched without reading every listed story's row
    # again (the window's first listing after a star read thousands). Triggers file the
    # stories whose listed event may have changed (`tracker.store.records.marks_since`):
    # each story once, under an ever-growing number (AUTOINCREMENT: never given twice,
    # even to a story marked again after being the last one marked), so a reader asks
    # for the marks above the last it saw. Story -1 means "every story" (a participant's
    # name, kind or short forms changed: any listed event may show it).
    db.execute(
        "create table listing_marks (seq integer primary key autoincrement,"
        " story_id integer not null unique)"
    )
    # The marks' history: a restored backup (or another database's) starts another one,
    # so a reader that saw marks up to some number never trusts a count from another
    # history (`tracker.store.maintenance.restore` draws a new one).
    db.execute(
        "create table listing_epoch (id integer primary key check (id = 1), epoch text not null)"
    )
    db.execute("insert into listing_epoch (id, epoch) values (1, lower(hex(randomblob(8))))")
    # The stories whose record's lead report is an event: where a listed event's star,
    # hidden mark and article come from.
    db.execute("create index fused_records_lead on fused_records (lead_id)")
    # What a listed event is made of (`tracker.story.records._read_events`), by table:
    # its story's record; its lead report's star, hidden mark, key and article; that
    # article's title, date and address; its participants' names, kinds and short forms.
    # (Tags and the corpus counts are read live by every listing.) A trigger marks a story
    # whenever its listed event may differ; a change nothing listed shows may mark one
    # too: it is read again, no harm.
    mark = "insert or replace into listing_marks (story_id)"
    by_lead = f"{mark} select story_id from fused_records where lead_id in ({{}});"
    by_article = (
        f"{mark} select r.story_id from events e join fused_records r on r.lead_id = e.id"
        " where e.article_id in ({});"
    )
    for sql in (
        f"create trigger listing_record_in after insert on fused_records begin"
        f" {mark} values (new.story_id); end",
        f"create trigger listing_record_changed after update on fused_records begin"
        f" {mark} values (old.story_id);"
        f" {mark} select new.story_id where new.story_id != old.story_id; end",
        f"create trigger listing_record_gone after delete on fused_records begin"
        f" {mark} values (old.story_id); end",
        "create trigger listing_lead_changed after update of id, starred, hidden, key,"
        f" article_id on events begin {by_lead.format('old.id, new.id')} end",
        f"create trigger listing_lead_gone after delete on events begin {by_lead.format('old.id')} end",
        "create trigger listing_article_changed after update of id, title, anchor_date, url"
        f" on articles begin {by_article.format('old.id, new.id')} end",
        "create trigger listing_article_gone after delete on articles begin"
        f" {by_article.format('old.id')} end",
        "create trigger listing_actor_changed after update of id, name, kind, aliases on actors"
        f" begin {mark} values (-1); end",
        f"create trigger listing_actor_gone after delete on actors begin {mark} values (-1); end",
    ):
        db.execute(sql)


def known_version() -> int:
    """The schema version this Tracker writes: the number of migrations it knows."""
    return len(migrations._migrations)


def schema_version(db: Database) -> int:
    """The database's schema version: migrations applied, or a newer Tracker's stamp."""
    stamp = int(db.execute("PRAGMA user_version").fetchone()[0])
    return max(stamp, len(migrations.applied(db)))


def is_newer(db: Database) -> bool:
    """True when a later Tracker has changed the schema: this one must not write to it."""
    if db.execute("PRAGMA user_version").fetchone()[0] > known_version():
        return True
    ours = {m.name for m in migrations._migrations}
    return any(m.name not in ours for m in migrations.applied(db))


def pending(db: Database) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def apply(db: Database) -> None:
    """Apply pending migrations holding the write lock, so two processes opening a
    fresh database one moment apart never both create the tables."""
    if not migrations.pending(db):
        return
    db.conn.execute("BEGIN IMMEDIATE")  # waits out other writers (busy timeout)
    try:
        migrations.apply(db)  # re-reads what is pending, now under the lock
        db.execute(f"PRAGMA user_version = {known_version()}")
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
