"""Command line: ``tracker`` with no command opens the window; subcommands work headless.

Exit status: 0 on success, 1 when any input failed (the rest still done), 2 on
usage errors (argparse). Errors go to stderr and name the file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import cli_store
from tracker.cli_args import anchor_date, date_bound, megabytes, printable, row_id
from tracker.model import MODALITIES, EventType

if TYPE_CHECKING:
    from tracker.services import EventFilter

# The database side (sqlite-utils, services) is imported inside the commands
# that use it, so `tracker extract`, run once per file by evaluation scripts,
# starts fast.


def _add_db(p: argparse.ArgumentParser, command: bool = True) -> None:
    """``--db`` on the main parser and again on each command. A command's own has no
    default (SUPPRESS): else its None would replace the one given before the command
    (`tracker --db X import f` would import into the default database)."""
    p.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS if command else None,
        help="database file (default: $TRACKER_DB or tracker.db in the user's data folder)",
    )


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--search", metavar="Q", help="search events: titles, actors, places and quotes")
    p.add_argument(
        "--search-articles",
        action="store_true",
        help="let --search match the whole text of the events' articles too",
    )
    p.add_argument("--actor", metavar="A", help="only events with this actor")
    p.add_argument(
        "--type", help=f"only events of this type ({', '.join(EventType)}, or one of your own)"
    )
    p.add_argument("--modality", choices=MODALITIES, help="only events of this modality")
    p.add_argument("--article", type=row_id, metavar="ID", help="only events from this article")
    p.add_argument(
        "--from",
        dest="date_from",
        type=date_bound,
        metavar="D1",
        help="events on or after D1 (YYYY[-MM[-DD]])",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=date_bound,
        metavar="D2",
        help="events on or before D2 (YYYY[-MM[-DD]])",
    )


def _add_top(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--top",
        type=row_id,
        metavar="K",
        help="only the K most important events, most important first",
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
        search_scope="articles" if args.search_articles else "events",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tracker",
        description=(
            "Turn news articles into a timeline of dated events. Without a command, opens the window."
        ),
    )
    _add_db(parser, command=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import article files or folders into the database")
    _add_db(p)
    p.add_argument(
        "--anchor",
        type=anchor_date,
        metavar="YYYY-MM-DD",
        help="one publication date for every file (overrides what the files say)",
    )
    dates = p.add_mutually_exclusive_group()
    dates.add_argument(
        "--dates-from",
        choices=["path"],
        help="take each file's date from its name or folders (2024-11-13/248.txt, 20241113_x.html)",
    )
    dates.add_argument(
        "--dates",
        type=Path,
        metavar="CSV",
        help="a date per file from path,date rows (paths relative to the CSV)",
    )
    p.add_argument(
        "--day-first",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read a dateline such as 03/04/2024 as 3 April (--no-day-first: March 4); "
        "by default such a date is settled by the batch or left unknown",
    )
    p.add_argument(
        "--max-mb", type=megabytes, default=20, help="refuse files larger than this (default 20)"
    )
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")

    p = sub.add_parser("events", help="list events (one per happening, fused across articles)")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_top(p)
    _add_filters(p)

    p = sub.add_parser(
        "export", help="export events: CSV, standalone HTML timeline, TimelineJS JSON, ICS, PDF"
    )
    _add_db(p)
    p.add_argument("--format", choices=["csv", "html", "timelinejs", "ics", "pdf"], default="csv")
    p.add_argument("--out", metavar="FILE", help="output file (default: stdout; required for pdf)")
    p.add_argument("--excel", action="store_true", help="add a UTF-8 byte-order mark for Excel")
    _add_top(p)
    _add_filters(p)

    p = sub.add_parser("extract", help="extract dates and events from one file, without a database")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--anchor", type=anchor_date, metavar="YYYY-MM-DD", help="the article's publication date"
    )
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--day-first", action="store_true", help="read 01/02/2025 as 1 February")

    p = sub.add_parser("articles", help="list imported articles")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("anchor", help="set an article's date and re-resolve its relative dates")
    _add_db(p)
    p.add_argument("article_id", type=row_id, metavar="ARTICLE_ID")
    p.add_argument("date", type=anchor_date, metavar="YYYY-MM-DD")

    p = sub.add_parser(
        "reread",
        help="read the stored articles again with this version's engine,"
        " keeping their dates and your corrections",
    )
    _add_db(p)
    p.add_argument(
        "article_ids", type=row_id, nargs="*", metavar="ARTICLE_ID", help="only these articles"
    )

    cli_store.add_parsers(sub, _add_db)
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

    dates = None
    if args.dates is not None:
        try:
            dates = services.read_dates_csv(args.dates)
        except (OSError, ValueError, UnicodeDecodeError) as err:
            print(f"tracker: --dates {printable(str(args.dates))}: {err}", file=sys.stderr)
            return 2
    if args.anchor is not None and (dates is not None or args.dates_from):
        print("tracker: --anchor cannot be combined with --dates or --dates-from", file=sys.stderr)
        return 2
    db = cli_store.open_db(args.db)
    results = services.import_paths(
        db,
        args.paths,
        anchor=args.anchor,
        progress=_TerminalProgress(),
        max_bytes=int(args.max_mb * 1024 * 1024),
        dates=dates,
        dates_from_path=args.dates_from == "path",
        day_first=args.day_first,
    )
    failed = not_tried = 0
    for r in results:
        if r.status == "imported":
            if r.date_assumed:
                note = " (date unknown: relative dates unresolved; set it with `tracker anchor`)"
            else:
                note = f" (date {r.date_source})"
            hidden = f", {r.hidden} hidden with happenings you deleted" if r.hidden else ""
            print(f"imported  {printable(r.path)}: {r.events} events{hidden}{note}")
            _print_warnings(r.path, r.warnings)
        elif r.status == "duplicate":
            print(f"duplicate {printable(r.path)}")
        elif r.status == "cancelled":
            not_tried += 1
        else:
            failed += 1
            print(f"failed    {printable(r.path)}: {printable(r.reason)}", file=sys.stderr)
    if not results:
        print("tracker: no files found", file=sys.stderr)
        return 1
    if not_tried:
        failed += not_tried
        stopped = next(r.reason for r in results if r.status == "cancelled")
        print(f"tracker: {not_tried} files {printable(stopped)}", file=sys.stderr)
    n_imp = sum(r.status == "imported" for r in results)
    n_dup = sum(r.status == "duplicate" for r in results)
    print(f"{n_imp} imported, {n_dup} duplicate, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _print_warnings(name: str, warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(f"warning   {printable(name)}: {printable(warning)}", file=sys.stderr)


def _cmd_events(args: argparse.Namespace) -> int:
    from tracker import services

    db = cli_store.open_db(args.db)
    if args.json:
        # One event per line, as stored with its fused event (see tracker.story.records):
        # UTF-8 bytes written as they are.
        texts = services.events_json(db, _filter(args), top=args.top)
        data = b"[\n" + b",\n".join(texts) + b"\n]\n" if texts else b"[]\n"
        _write_utf8(data)
        return 0
    events = services.list_events(db, _filter(args), top=args.top)
    for ev in events:
        actors = ", ".join(a.name for a in ev.actors)
        print(
            f"{ev.id:>5}  {ev.date or '?':<10}  {ev.type:<9} {ev.importance:.2f}"
            f" {ev.source_count:>3}  {printable(ev.title)}"
            + (f"  [{printable(actors)}]" if actors else "")
        )
    print(f"{len(events)} events", file=sys.stderr)
    return 0


def _write_utf8(data: bytes) -> None:
    """Write UTF-8 text to stdout as bytes when stdout is UTF-8 without newline
    translation (45 MB of JSON need not be decoded and encoded again); through the
    text stream otherwise (a test's StringIO, a console in another encoding)."""
    out = getattr(sys.stdout, "buffer", None)
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if out is not None and encoding == "utf8" and os.linesep == "\n":
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:
        sys.stdout.write(data.decode())


def _cmd_export(args: argparse.Namespace) -> int:
    from tracker import services

    db = cli_store.open_db(args.db)
    flt = _filter(args)
    if args.format != "csv" and not args.out:
        if args.format == "pdf":
            print("tracker: export --format pdf needs --out FILE", file=sys.stderr)
            return 2
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"view.{args.format}"
            services.export_events(db, out, args.format, flt, title=_title(args), top=args.top)
            sys.stdout.write(out.read_text(encoding="utf-8"))
        return 0
    if args.out:
        n = services.export_events(
            db, args.out, args.format, flt, title=_title(args), excel=args.excel, top=args.top
        )
        print(f"{n} events written to {args.out}", file=sys.stderr)
    else:
        from tracker.export.csv_writer import write_csv

        if args.excel:
            sys.stdout.write("\ufeff")
        write_csv(services.list_events(db, flt, top=args.top, passages=True), sys.stdout)
    return 0


def _title(args: argparse.Namespace) -> str:
    return Path(args.db).stem if args.db else "Timeline"


def _cmd_extract(args: argparse.Namespace) -> int:
    from tracker import extract, ingest
    from tracker.export.serialize import extracted_event_json

    try:
        doc = ingest.read_file(Path(args.file), day_first=args.day_first or None)
    except ingest.IngestError as err:
        print(f"tracker: {printable(args.file)}: {printable(err)}", file=sys.stderr)
        return 1
    _print_warnings(args.file, doc.warnings)
    if args.anchor is not None:
        anchor, source = args.anchor, "cli"
    elif doc.published is not None:
        anchor, source = doc.published, doc.date_source
    else:
        anchor, source = None, "none"
    options = extract.ExtractOptions(day_first=args.day_first)
    if doc.chrome:
        # Every temporal expression counts, but no event is read from page chrome.
        timexes = tuple(extract.find_timexes(doc.text, anchor, options))
        masked = ingest.extraction_text(doc.text, doc.chrome)
        events = tuple(extract.extract_events(masked, anchor, options))
    else:
        result = extract.extract(doc.text, anchor, options)
        timexes, events = result.timexes, result.events
    out = {
        "article": {
            "title": doc.title,
            "anchor_date": anchor.isoformat() if anchor else None,
            "anchor_source": source,
        },
        "events": [extracted_event_json(e) for e in events],
        "timexes": [t.to_json() for t in timexes],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)
    print()
    return 0


def _cmd_articles(args: argparse.Namespace) -> int:
    from tracker import services
    from tracker.model import DateSource

    db = cli_store.open_db(args.db)
    arts = services.list_articles(db)
    if args.json:
        json.dump(
            [
                {
                    "id": a.id,
                    "title": a.title,
                    "date": a.anchor_date,
                    "date_source": a.date_source,
                    "date_note": a.date_note,
                    "suggested_date": a.suggested_date,
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
        if a.anchor_date is None:
            shown = "unknown" + (f" (suggested {a.suggested_date})" if a.suggested_date else "")
        else:
            shown = f"{a.anchor_date} ({DateSource(a.date_source).label})"
        print(f"{a.id:>5}  {shown:<40}  {a.event_count:>3} events  {printable(a.title)}")
    return 0


def _cmd_anchor(args: argparse.Namespace) -> int:
    from tracker import services

    db = cli_store.open_db(args.db)
    try:
        n = services.reanchor(db, args.article_id, args.date)
    except KeyError:
        print(f"tracker: no article with id {args.article_id}", file=sys.stderr)
        return 1
    print(f"article {args.article_id} anchored on {args.date.isoformat()}: {n} events")
    return 0


def _cmd_reread(args: argparse.Namespace) -> int:
    from tracker import services

    db = cli_store.open_db(args.db)
    if getattr(db, "read_only", None):
        print("tracker: the database is open read-only; nothing was re-read", file=sys.stderr)
        return 1
    try:
        done = services.reread(db, args.article_ids or None, progress=_TerminalProgress())
    except KeyError as err:
        print(f"tracker: {err.args[0]}", file=sys.stderr)
        return 1
    print(
        f"re-read {done.articles} articles: {done.events_after} events"
        f" (before: {done.events_before})"
    )
    for article_id, reason in done.failed:
        print(f"tracker: article {article_id} kept as it was: {printable(reason)}", file=sys.stderr)
    if done.backup is not None:
        print(f"the database as it was: {printable(str(done.backup))} (`tracker restore` it)")
    return 1 if done.failed else 0


COMMANDS = {
    "import": _cmd_import,
    "events": _cmd_events,
    "export": _cmd_export,
    "extract": _cmd_extract,
    "articles": _cmd_articles,
    "anchor": _cmd_anchor,
    "reread": _cmd_reread,
    **cli_store.COMMANDS,
}


def main(argv: list[str] | None = None) -> int:
    _print_safely()
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
            print(f"tracker: {printable(err)}", file=sys.stderr)
        elif sqlite3 is not None and isinstance(err, sqlite3.Error):
            print(f"tracker: database {printable(args.db or '(default)')}: {err}", file=sys.stderr)
        elif os.environ.get("TRACKER_DEBUG"):
            raise
        else:
            # A bug of ours: still one line; TRACKER_DEBUG=1 shows the traceback.
            print(
                f"tracker: internal error ({type(err).__name__}: {printable(err)});"
                " run with TRACKER_DEBUG=1 for details",
                file=sys.stderr,
            )
        return 1


def _print_safely() -> None:
    """Never fail on printing: a name the terminal's encoding cannot show is escaped."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or unusual stream
                pass


def _run_gui(db: str | None, files: list[str] | None = None) -> int:
    from tracker import desktop_libs, services

    problem = desktop_libs.check()
    if problem is not None:  # say what to install instead of letting Qt abort
        print(problem, file=sys.stderr)
        return 1
    from tracker.ui import run

    return run(Path(db) if db else services.default_db_path(), files=files or None)


def gui_main(argv: list[str] | None = None) -> int:
    """Entry point of ``tracker-gui`` and main.py: ``[--db PATH] [FILE...]``.

    Files (e.g. dropped on the desktop launcher, ``%F``) are imported on start.
    """
    parser = argparse.ArgumentParser(prog="tracker-gui", description="Open the Tracker window.")
    _add_db(parser, command=False)
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to import on start")
    args = parser.parse_args(argv)
    return _run_gui(args.db, args.files)
