"""Database failures that are about the database, not about one article.

A bad article fails alone; these stop a batch, because every later article
would fail the same way: the disk is full, the database is read-only, damaged,
made by a newer Tracker, or held by another program for too long. They are
`sqlite3.OperationalError`s, so callers that catch sqlite3 errors keep working.
"""

from __future__ import annotations

import errno
import sqlite3

# Primary result codes (https://sqlite.org/rescode.html).
_BUSY, _LOCKED, _READONLY, _CORRUPT, _FULL, _NOTADB = 5, 6, 8, 11, 13, 26


class StoreError(sqlite3.OperationalError):
    """The database cannot take this write; ``str()`` says why in a user's words."""


class ReadOnlyDatabase(StoreError):
    """Opened read-only (damaged, newer schema, or a read-only file or folder)."""


def batch_stopper(err: BaseException) -> str | None:
    """Why ``err`` means no later write can succeed either, or None for a one-off failure."""
    if isinstance(err, StoreError):
        return str(err)
    if isinstance(err, OSError) and err.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk full (no space left on device)"
    if isinstance(err, sqlite3.Error):
        code = (getattr(err, "sqlite_errorcode", None) or 0) & 0xFF
        message = str(err).lower()
        if code == _FULL or "disk is full" in message:
            return "disk full (database or disk is full)"
        if code == _READONLY or "readonly database" in message:
            return "database is read-only"
        if code in (_CORRUPT, _NOTADB) or "malformed" in message:
            return "database is damaged (run `tracker check`)"
        if code in (_BUSY, _LOCKED) or "database is locked" in message:
            return "database is busy (another program kept it locked)"
    return None
