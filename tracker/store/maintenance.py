"""Keeping a database sound: the full check, backups and restore.

``check`` runs SQLite's full integrity check, the full-text indexes' own
checks and the foreign-key check, and returns a report. ``backup`` copies a
live database with SQLite's backup API (consistent even while another process
writes); ``restore`` puts a checked backup back in place, keeping a copy of
what it replaces. A backup is taken before every migration of an existing
database, and the last ``BACKUPS_KEPT`` of those are kept next to it.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tracker.store import schema
from tracker.store.errors import StoreError

BACKUPS_KEPT = 3
FTS_TABLES = ("events_fts", "passages_fts", "articles_fts")
_REQUIRED_TABLES = ("articles", "events", "passages", "actors", "event_actors", "edits")


@dataclass
class CheckReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def problem(self, text: str) -> None:
        self.ok = False
        self.lines.append(f"PROBLEM  {text}")

    def fine(self, text: str) -> None:
        self.lines.append(f"ok       {text}")


def check(db: Database) -> CheckReport:
    """Everything SQLite can verify about the database, as a report."""
    report = CheckReport()
    reason = getattr(db, "read_only", None)
    if reason:
        report.lines.append(f"note     {reason}")
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check(50)").fetchall()]
    except sqlite3.DatabaseError as err:
        report.problem(f"integrity check could not run: {err}")
        return report
    if rows == ["ok"]:
        report.fine("integrity check (every page, index and row)")
    else:
        for row in rows:
            report.problem(f"integrity: {row}")
    _check_schema(db, report)
    _check_fts(db, report)
    try:
        bad_keys = db.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as err:
        report.problem(f"foreign key check could not run: {err}")
    else:
        if bad_keys:
            report.problem(f"{len(bad_keys)} rows point to rows that do not exist")
        else:
            report.fine("links between tables")
    return report


def _check_schema(db: Database, report: CheckReport) -> None:
    try:
        tables = set(db.table_names())
        version = schema.schema_version(db)
    except sqlite3.DatabaseError as err:
        report.problem(f"schema unreadable: {err}")
        return
    missing = [t for t in _REQUIRED_TABLES if t not in tables]
    if missing:
        report.problem(f"missing tables: {', '.join(missing)}")
    known = schema.known_version()
    if version > known:
        report.lines.append(f"note     schema version {version}, newer than this Tracker ({known})")
    else:
        report.fine(f"schema version {version}")
    if not missing:
        counts = [
            f"{db.execute(f'select count(*) from {t}').fetchone()[0]} {t}"
            for t in ("articles", "events", "passages")
        ]
        report.lines.append(f"         {', '.join(counts)}")


def _check_fts(db: Database, report: CheckReport) -> None:
    # FTS5's check is spelt as an INSERT, which a read-only connection refuses:
    # run it on a copy in memory then.
    target: sqlite3.Connection = db.conn
    copy = None
    if getattr(db, "read_only", None):
        try:
            copy = sqlite3.connect(":memory:")
            db.conn.backup(copy)
            target = copy
        except sqlite3.DatabaseError as err:
            report.problem(f"full-text indexes not checked (the database cannot be copied: {err})")
            return
    try:
        names = {r[0] for r in target.execute("select name from sqlite_master")}
        for table in FTS_TABLES:
            if table not in names:
                report.problem(f"full-text index {table} is missing")
                continue
            try:
                target.execute(f"insert into {table}({table}, rank) values ('integrity-check', 1)")
            except sqlite3.DatabaseError as err:
                report.problem(f"full-text index {table}: {err}")
            else:
                report.fine(f"full-text index {table}")
    finally:
        if copy is not None:
            copy.close()


def backup(db: Database, dest: str | Path) -> Path:
    """A consistent copy of ``db`` at ``dest`` (written beside it, then moved in place)."""
    dest = Path(dest)
    if dest.exists() and dest.is_dir():
        raise StoreError(f"{dest} is a folder; name the backup file")
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    target = sqlite3.connect(partial)
    try:
        db.conn.backup(target)
    finally:
        target.close()
    os.replace(partial, dest)
    return dest


def backup_folder(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-backups")


def backup_before_migration(db: Database, db_path: Path) -> Path:
    """Copy the database before its schema changes (or before every article is read
    again, which rewrites as much); keep the last ``BACKUPS_KEPT``."""
    folder = backup_folder(db_path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    version = schema.schema_version(db)
    made = backup(db, folder / f"{db_path.stem}-schema{version}-{stamp}.db")
    _prune(folder, db_path.stem)
    return made


def _prune(folder: Path, stem: str) -> None:
    # Names sort by time: the stamp is fixed-width UTC.
    kept = sorted(folder.glob(f"{stem}-schema*-*.db"), key=lambda p: p.name.rsplit("-", 1)[-1])
    for old in kept[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def restore(source: str | Path, db_path: str | Path) -> Path | None:
    """Replace the database at ``db_path`` with the backup ``source``, once checked.

    The database being replaced is copied into its backups folder first (when
    it can be read); that copy's path is returned.
    """
    source, db_path = Path(source), Path(db_path)
    if not source.is_file():
        raise StoreError(f"no backup file {source}")
    src = sqlite3.connect(f"file:{_uri_path(source)}?mode=ro", uri=True)
    try:
        try:
            rows = [str(r[0]) for r in src.execute("PRAGMA integrity_check(5)").fetchall()]
            tables = {r[0] for r in src.execute("select name from sqlite_master")}
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{source} is not a usable backup: {err}") from err
        if rows != ["ok"]:
            raise StoreError(f"{source} is damaged itself: {'; '.join(rows)}")
        if "articles" not in tables:
            raise StoreError(f"{source} is not a Tracker database")
        kept = _keep_current(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # In place, through SQLite's locks, when the current file is sound enough.
            _copy(src, db_path)
        except sqlite3.DatabaseError:
            # Too damaged for SQLite to write into: swap the whole file.
            fresh = db_path.with_name(db_path.name + ".restoring")
            fresh.unlink(missing_ok=True)
            _copy(src, fresh)
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            os.replace(fresh, db_path)
    finally:
        src.close()
    return kept


def _copy(src: sqlite3.Connection, dest_path: Path) -> None:
    dest = sqlite3.connect(dest_path, timeout=15)
    try:
        src.backup(dest)
        new_listing_epoch(dest)
    finally:
        dest.close()


def new_listing_epoch(conn: sqlite3.Connection) -> None:
    """Start another history of listing marks (m010) in a database just replaced: a
    connection that kept listed events from the one before (or from another copy
    of it) reads every story again instead of trusting marks from another history."""
    try:
        with conn:
            conn.execute("update listing_epoch set epoch = lower(hex(randomblob(8))) where id = 1")
    except sqlite3.OperationalError:  # a backup from before m010: no marks to trust
        pass


def _keep_current(db_path: Path) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = backup_folder(db_path) / f"{db_path.stem}-before-restore-{stamp}.db"
    current = sqlite3.connect(f"file:{_uri_path(db_path)}?mode=ro", uri=True)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(dest)
        try:
            current.backup(target)
        finally:
            target.close()
        return dest
    except sqlite3.DatabaseError:
        # Too damaged to copy page by page: keep the raw file instead.
        dest.unlink(missing_ok=True)
        dest = dest.with_suffix(".raw")
        dest.write_bytes(db_path.read_bytes())
        return dest
    finally:
        current.close()


def _uri_path(path: Path) -> str:
    return urllib.parse.quote(os.fsencode(path.resolve()))
