"""Opening a database: pragmas, a quick health check, the schema version, migrations.

Several processes (the window and the command line) may use one database at
once; each waits its turn. The busy timeout is set when the connection is made,
so it covers the very first statement, and every write transaction starts with
``BEGIN IMMEDIATE``: a transaction that read first and then tried to write
would be refused at once instead of waiting (SQLite cannot let it wait without
risking a deadlock).

A database that cannot safely take writes still opens, read-only, with the
reason in ``db.read_only``: damaged (a quick, time-bounded check on open), made
by a newer Tracker, or in a read-only file or folder. Writing to it raises
``ReadOnlyDatabase`` with that reason. Before any migration of an existing
database a backup is taken (see ``maintenance``).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import urllib.parse
from collections.abc import Generator
from pathlib import Path

from sqlite_utils import Database

from tracker.store import schema
from tracker.store.errors import ReadOnlyDatabase, StoreError

#: How long a write waits for another process's transaction to finish.
BUSY_TIMEOUT_S = 15.0
#: Time the open-time check may take; a check cut short counts as passed
#: (`tracker check` does the full one).
QUICK_CHECK_BUDGET_S = 0.25
_HEADER = b"SQLite format 3\x00"


class TrackerDatabase(Database):
    """A sqlite-utils Database whose transactions take the write lock up front."""

    #: Why this database refuses writes, or None when it takes them.
    read_only: str | None = None
    path: Path | None = None

    @contextlib.contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.read_only is not None:
            raise ReadOnlyDatabase(self.read_only)
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise


def connect(
    path: str | Path | None = None,
    *,
    memory: bool = False,
    read_only: bool = False,
    check: bool = True,
) -> TrackerDatabase:
    """Open (creating if needed) a Tracker database and bring its schema up to date.

    Raises StoreError when ``path`` is not a database at all or cannot be
    created; any other trouble opens it read-only with ``db.read_only`` saying why.
    ``check=False`` leaves out the quick check (up to `QUICK_CHECK_BUDGET_S`) unless a
    migration is due: for a connection that only reads, beside others that write and
    check first (the window's own; its writes go through its writer thread).
    """
    if memory or path is None or str(path) == ":memory:":
        db = TrackerDatabase(memory=True)
        db.execute("PRAGMA foreign_keys=ON")
        schema.apply(db)
        return db
    p = Path(path)
    exists = p.exists()
    if exists:
        _check_header(p)
    reason = "opened read-only as asked" if read_only else _not_writable(p, exists)
    if reason is not None:
        if not exists:
            raise StoreError(f"cannot create database {p}: {reason}")
        return _open_read_only(p, reason)
    p.parent.mkdir(parents=True, exist_ok=True)
    db = _open(p)
    _use_wal(db)
    db.execute("PRAGMA synchronous=NORMAL")
    damage = quick_check(db) if check or _migration_due(db) else None
    if damage is not None:
        db.conn.close()
        return _open_read_only(
            p,
            f"database is damaged ({damage}); opened read-only: run `tracker check`,"
            " then `tracker restore` a backup",
        )
    if schema.is_newer(db):
        version = schema.schema_version(db)
        db.conn.close()
        return _open_read_only(
            p,
            f"database was made by a newer Tracker (schema version {version}; this Tracker"
            f" writes version {schema.known_version()}): update Tracker to change it",
        )
    if schema.pending(db) and schema.migrations.applied(db):
        from tracker.store import maintenance

        maintenance.backup_before_migration(db, p)
    schema.apply(db)
    return db


def _migration_due(db: Database) -> bool:
    """Whether opening will migrate (write): also when the schema cannot even be read."""
    try:
        return bool(schema.pending(db))
    except sqlite3.DatabaseError:
        return True


def _open(p: Path, uri: str | None = None) -> TrackerDatabase:
    # timeout= installs the busy handler before the first statement runs.
    # check_same_thread=False: the GUI hands the connection to one worker
    # thread at a time; sqlite3 objects are safe when not used concurrently.
    conn = sqlite3.connect(
        uri or p,  # a Path: names that are not UTF-8 pass through os.fsencode
        timeout=BUSY_TIMEOUT_S,
        check_same_thread=False,
        isolation_level=None,
        uri=uri is not None,
    )
    db = TrackerDatabase(conn)
    db.path = p
    db.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    db.execute("PRAGMA foreign_keys=ON")
    return db


def _use_wal(db: Database) -> None:
    """Switch to WAL; the switch needs the database to itself and SQLite does not
    call the busy handler for it, so wait for other writers here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _open_read_only(p: Path, reason: str) -> TrackerDatabase:
    """Reads work; every write is refused with ``reason``."""
    location = urllib.parse.quote(os.fsencode(p.resolve()))
    db = _open(p, f"file:{location}?mode=ro")
    try:
        db.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a read-only folder: its -shm file cannot be made.
        # Nobody can be writing there, so read the file as it stands.
        db.conn.close()
        db = _open(p, f"file:{location}?immutable=1")
    db.execute("PRAGMA query_only=ON")
    db.read_only = reason
    return db


def _check_header(p: Path) -> None:
    try:
        with open(p, "rb") as fh:
            head = fh.read(len(_HEADER))
    except OSError as err:
        raise StoreError(f"cannot read database {p}: {err.strerror or err}") from err
    if head and head != _HEADER:
        raise StoreError(f"{p} is not a Tracker database (no SQLite header)")


def _not_writable(p: Path, exists: bool) -> str | None:
    if exists and not os.access(p, os.W_OK):
        return "the database file is read-only"
    folder = p.parent if p.parent.exists() else _existing_parent(p)
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None


def _existing_parent(p: Path) -> Path:
    for parent in p.parents:
        if parent.exists():
            return parent
    return Path(".")


def quick_check(db: Database, budget_s: float = QUICK_CHECK_BUDGET_S) -> str | None:
    """The first problems ``PRAGMA quick_check`` finds within ``budget_s``, or None."""
    deadline = time.monotonic() + budget_s
    db.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
    try:
        rows = db.execute("PRAGMA quick_check(3)").fetchall()
    except sqlite3.OperationalError as err:
        if "interrupt" in str(err):
            return None  # a large database: the full check is `tracker check`
        return str(err)
    except sqlite3.DatabaseError as err:
        return str(err)
    finally:
        db.conn.set_progress_handler(None, 0)
    found = [str(row[0]) for row in rows]
    return None if found == ["ok"] else "; ".join(found)[:300]
