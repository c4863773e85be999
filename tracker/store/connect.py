"""Opening a database: pragmas every connection needs, then pending migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tracker.store import schema


def connect(path: str | Path | None = None, *, memory: bool = False) -> Database:
    """Open (creating if needed) a Tracker database and bring its schema up to date."""
    if memory or path is None or str(path) == ":memory:":
        db = Database(memory=True)
    else:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: the GUI hands the connection to one worker
        # thread at a time; sqlite3 objects are safe when not used concurrently.
        db = Database(sqlite3.connect(str(p), check_same_thread=False, isolation_level=None))
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=5000")
    schema.apply(db)
    return db
