"""Command line: the database's health. ``check``, ``backup`` and ``restore``.

Kept apart from ``cli.py`` so the article commands there stay small; ``cli``
adds these subparsers and commands to its own. ``open_db`` is how every
command opens the database: a database opened read-only (damaged, newer,
read-only file) says so on stderr once, and reads go on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.cli_args import printable

if TYPE_CHECKING:
    from sqlite_utils import Database


def open_db(path: str | None) -> Database:
    from tracker import services

    db = services.open_db(path)
    reason = getattr(db, "read_only", None)
    if reason:
        print(f"tracker: warning: {printable(reason)}", file=sys.stderr)
    return db


def add_parsers(sub, add_db) -> None:
    """The maintenance subcommands, on ``sub`` (the main parser's subparsers)."""
    p = sub.add_parser(
        "check", help="full integrity and full-text index check of the database, with a report"
    )
    add_db(p)

    p = sub.add_parser("backup", help="copy the database to a file (safe while it is in use)")
    add_db(p)
    p.add_argument("out", metavar="BACKUP_FILE")

    p = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)"
    )
    add_db(p)
    p.add_argument("backup", metavar="BACKUP_FILE")


def _db_path(args: argparse.Namespace) -> Path:
    from tracker import services

    return Path(args.db) if args.db else services.default_db_path()


def cmd_check(args: argparse.Namespace) -> int:
    from tracker.store import maintenance

    path = _db_path(args)
    if not path.exists():
        print(f"tracker: no database at {printable(path)}", file=sys.stderr)
        return 1
    from tracker import store

    db = store.connect(path, read_only=True)  # checking never writes
    report = maintenance.check(db)
    print(f"database {printable(path)}")
    for line in report.lines:
        if not line.startswith("note     opened read-only as asked"):
            print(printable(line))
    print("no problems found" if report.ok else "DAMAGED: restore a backup (`tracker restore`)")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from tracker.store import maintenance

    db = open_db(args.db)
    dest = maintenance.backup(db, args.out)
    print(f"backed up {printable(_db_path(args))} to {printable(dest)}", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from tracker.store import maintenance

    path = _db_path(args)
    kept = maintenance.restore(args.backup, path)
    print(f"restored {printable(path)} from {printable(args.backup)}", file=sys.stderr)
    if kept is not None:
        print(f"the database it replaced is kept as {printable(kept)}", file=sys.stderr)
    return 0


COMMANDS = {"check": cmd_check, "backup": cmd_backup, "restore": cmd_restore}
