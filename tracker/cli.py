"""Command line: ``tracker`` with no command opens the window; subcommands work headless.

Exit status: 0 on success, 1 when any input failed (the rest still done), 2 on
usage errors (argparse). Errors go to stderr and name the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.services import EventFilter

# The database side (sqlite-utils, services) is imported inside the commands
# that use it, so `tracker extract`, run once per file by evaluation scripts,
# starts fast.


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (want YYYY-MM-DD): {value!r}") from None


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: $TRACKER_DB or tracker.db in the user's data folder)",
    )


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search", metavar="Q", help="full-text search over titles, quotes and articles"
    )
    p.add_argument("--actor", metavar="A", help="only events with this actor")
    p.add_argument("--type", help="only events of this type (meeting, statement, ...)")
    p.add_argument("--modality", choices=["reported", "planned", "hypothetical", "denied"])
    p.add_argument("--article", type=int, metavar="ID", help="only events from this article")
    p.add_argument(
        "--from", dest="date_from", metavar="D1", help="events on or after D1 (YYYY[-MM[-DD]])"
    )
    p.add_argument(
        "--to", dest="date_to", metavar="D2", help="events on or before D2 (YYYY[-MM[-DD]])"
    )


def _filter(args: argparse.Namespace) -> EventFilter:
    from tracker.services import EventFilter

    return EventFilter(
        search=args.search,
        actor=args.actor,
        type=args.type,
        modality=args.modality,
        date_from=args.date_from,
        date_to=args.date_to,
        article_id=args.article,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker",
        description=(
            "Turn news articles into a timeline of dated events. Without a command, opens the window."
        ),
    )
    _add_db(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import article files or folders into the database")
    _add_db(p)
    p.add_argument(
        "--anchor",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date to resolve relative dates against (overrides the file's)",
    )
    p.add_argument(
        "--max-mb", type=float, default=20, help="refuse files larger than this (default 20)"
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")

    p = sub.add_parser("events", help="list events")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_filters(p)

    p = sub.add_parser("export", help="export events (CSV)")
    _add_db(p)
    p.add_argument("--format", choices=["csv"], default="csv")
    p.add_argument("--out", metavar="FILE", help="output file (default: stdout)")
    p.add_argument("--excel", action="store_true", help="add a UTF-8 byte-order mark for Excel")
    _add_filters(p)

    p = sub.add_parser("extract", help="extract dates and events from one file, without a database")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--anchor", type=_iso_date, metavar="YYYY-MM-DD", help="the article's publication date"
    )
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--day-first", action="store_true", help="read 01/02/2025 as 1 February")

    p = sub.add_parser("articles", help="list imported articles")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("anchor", help="set an article's date and re-resolve its relative dates")
    _add_db(p)
    p.add_argument("article_id", type=int, metavar="ARTICLE_ID")
    p.add_argument("date", type=_iso_date, metavar="YYYY-MM-DD")
    return parser


class _TerminalProgress:
    """One self-overwriting progress line on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.status = ""

    def set_status(self, text: str) -> None:
        self.status = text

    def set_progress(self, done: int, total: int) -> None:
        if self.enabled and total > 1:
            name = Path(self.status).name[:50]
            end = "\n" if done == total else ""
            print(f"\r[{done}/{total}] {name:<50}", end=end, file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def _cmd_import(args: argparse.Namespace) -> int:
    from tracker import services

    db = services.open_db(args.db)
    results = services.import_paths(
        db,
        args.paths,
        anchor=args.anchor,
        progress=_TerminalProgress(),
        max_bytes=int(args.max_mb * 1024 * 1024),
    )
    failed = 0
    for r in results:
        if r.status == "imported":
            note = " (no date found: relative dates unresolved)" if r.date_assumed else ""
            print(f"imported  {r.path}: {r.events} events{note}")
        elif r.status == "duplicate":
            print(f"duplicate {r.path}")
        else:
            failed += 1
            print(f"failed    {r.path}: {r.reason}", file=sys.stderr)
    if not results:
        print("tracker: no files found", file=sys.stderr)
        return 1
    n_imp = sum(r.status == "imported" for r in results)
    n_dup = sum(r.status == "duplicate" for r in results)
    print(f"{n_imp} imported, {n_dup} duplicate, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _event_json(ev) -> dict:
    first = ev.passages[0] if ev.passages else None
    return {
        "id": ev.id,
        "date": ev.date,
        "date_end": ev.date_end,
        "granularity": ev.granularity,
        "title": ev.title,
        "type": ev.type,
        "modality": ev.modality,
        "confidence": ev.confidence,
        "importance": ev.importance,
        "actors": [a.name for a in ev.actors],
        "location": ev.location,
        "article_id": ev.article_id,
        "article_title": ev.article_title,
        "timex": first.timex if first else None,
        "quote": first.quote if first else None,
        "source_count": ev.source_count,
        "created_by": ev.created_by,
    }


def _cmd_events(args: argparse.Namespace) -> int:
    from tracker import services

    db = services.open_db(args.db)
    events = services.list_events(db, _filter(args))
    if args.json:
        json.dump([_event_json(e) for e in events], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for ev in events:
        actors = ", ".join(a.name for a in ev.actors)
        print(
            f"{ev.id:>5}  {ev.date or '?':<10}  {ev.type:<9} {ev.title}"
            + (f"  [{actors}]" if actors else "")
        )
    print(f"{len(events)} events", file=sys.stderr)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from tracker import services

    db = services.open_db(args.db)
    flt = _filter(args)
    if args.out:
        n = services.export_csv(db, args.out, flt, excel=args.excel)
        print(f"{n} events written to {args.out}", file=sys.stderr)
    else:
        from tracker.export.csv_writer import write_csv

        if args.excel:
            sys.stdout.write("\ufeff")
        write_csv(services.list_events(db, flt), sys.stdout)
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from tracker import extract, ingest

    try:
        doc = ingest.read_file(Path(args.file))
    except ingest.IngestError as err:
        print(f"tracker: {args.file}: {err}", file=sys.stderr)
        return 1
    if args.anchor is not None:
        anchor, source = args.anchor, "cli"
    elif doc.published is not None:
        # A PDF/DOCX creation date is stored as "file" (assumed); the contract
        # knows it as document metadata.
        anchor, source = doc.published, "meta" if doc.date_source == "file" else doc.date_source
    else:
        anchor, source = None, "none"
    options = extract.ExtractOptions(day_first=args.day_first)
    result = extract.extract(doc.text, anchor, options)
    out = {
        "article": {
            "title": doc.title,
            "anchor_date": anchor.isoformat() if anchor else None,
            "anchor_source": source,
        },
        "events": [e.to_json() for e in result.events],
        "timexes": [t.to_json() for t in result.timexes],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    print()
    return 0


def _cmd_articles(args: argparse.Namespace) -> int:
    from tracker import services

    db = services.open_db(args.db)
    arts = services.list_articles(db)
    if args.json:
        json.dump(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "date": a.anchor_date,
                    "date_source": a.date_source,
                    "url": a.url,
                    "path": a.path,
                    "events": a.event_count,
                }
                for a in arts
            ],
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        print()
        return 0
    for a in arts:
        badge = " (date assumed)" if a.date_assumed else ""
        print(f"{a.id:>5}  {a.anchor_date or '?':<10}{badge}  {a.event_count:>3} events  {a.title}")
    return 0


def _cmd_anchor(args: argparse.Namespace) -> int:
    from tracker import services

    db = services.open_db(args.db)
    try:
        n = services.reanchor(db, args.article_id, args.date)
    except KeyError:
        print(f"tracker: no article with id {args.article_id}", file=sys.stderr)
        return 1
    print(f"article {args.article_id} anchored on {args.date.isoformat()}: {n} events")
    return 0


COMMANDS = {
    "import": _cmd_import,
    "events": _cmd_events,
    "export": _cmd_export,
    "extract": _cmd_extract,
    "articles": _cmd_articles,
    "anchor": _cmd_anchor,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui(args.db)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # `tracker events | head`
        return 0
    except KeyboardInterrupt:
        print("tracker: interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        # An unwritable --out or a --db that is not a database: one line, not a traceback.
        # sqlite3 is looked up, not imported, so `tracker extract` does not pay for it.
        sqlite3 = sys.modules.get("sqlite3")
        if isinstance(err, OSError):
            print(f"tracker: {err}", file=sys.stderr)
        elif sqlite3 is not None and isinstance(err, sqlite3.Error):
            print(f"tracker: database {args.db or '(default)'}: {err}", file=sys.stderr)
        else:
            raise
        return 1


def _run_gui(db: str | None, files: list[str] | None = None) -> int:
    from tracker import services
    from tracker.ui import run

    return run(Path(db) if db else services.default_db_path(), files=files or None)


def gui_main(argv: list[str] | None = None) -> int:
    """Entry point of ``tracker-gui`` and main.py: ``[--db PATH] [FILE...]``.

    Files (e.g. dropped on the desktop launcher, ``%F``) are imported on start.
    """
    parser = argparse.ArgumentParser(prog="tracker-gui", description="Open the Tracker window.")
    _add_db(parser)
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to import on start")
    args = parser.parse_args(argv)
    return _run_gui(args.db, args.files)
