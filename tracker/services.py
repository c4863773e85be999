"""Use cases shared by the command line and the window.

Plain functions over an open database: import files or dropped text, change an
article's date, list and filter events, edit them, export them. Widgets and
CLI commands only gather input and show what these return.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from tracker import extract, ingest, store, story
from tracker.export.csv_writer import write_csv
from tracker.model import Article, DateSource, Event
from tracker.store import articles as article_store
from tracker.store import events as event_store
from tracker.store.events import EventFilter

__all__ = [
    "EventFilter",
    "ImportResult",
    "Progress",
    "default_db_path",
    "delete_event",
    "edit_event",
    "edited_fields",
    "expand_paths",
    "export_csv",
    "get_article",
    "get_event",
    "import_document",
    "import_paths",
    "import_text",
    "read_dates_csv",
    "reanchor_many",
    "list_actors",
    "list_articles",
    "list_events",
    "merge_events",
    "open_db",
    "reanchor",
    "restore_event",
    "revert_edit",
    "split_event",
    "supported_extensions",
]


class Progress(Protocol):
    """What long work reports to: the CLI prints it, the window turns it into signals."""

    def set_progress(self, done: int, total: int) -> None: ...
    def set_status(self, text: str) -> None: ...
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class ImportResult:
    path: str
    status: str  # imported | duplicate | failed | cancelled
    events: int = 0
    reason: str | None = None
    article_id: int | None = None
    date_assumed: bool = False  # imported with no date: listed for review
    date_source: str | None = None
    warnings: tuple[str, ...] = ()  # how the file was read, e.g. "text encoding unclear"


def default_db_path() -> Path:
    """``$TRACKER_DB``, else tracker.db in the user's data folder (XDG on Linux)."""
    env = os.environ.get("TRACKER_DB")
    if env:
        return Path(env).expanduser()
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "Tracker" / "tracker.db"


def open_db(path: str | Path | None = None) -> Database:
    db = store.connect(path if path is not None else default_db_path())
    if getattr(db, "read_only", None) is None:
        # Events no story holds yet: an import cut short, or a database made before stories.
        if db.execute(f"{story.UNFUSED} limit 1").fetchone():
            with db.atomic():
                story.refresh_unfused(db)
    return db


def _fuse(db: Database, article_ids: Iterable[int | None]) -> None:
    """Fuse the new or changed articles' events with the reports near their dates."""
    ids = [i for i in article_ids if i is not None]
    if ids:
        with db.atomic():
            story.refresh(db, article_ids=ids)


def supported_extensions() -> tuple[str, ...]:
    return ingest.supported_extensions()


# ---------------------------------------------------------------- import


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import, in a stable order and each once: folders recursively.

    Inside folders only supported files count, and nothing hidden (``.git``,
    ``.DS_Store``): a folder of articles often holds images and sidecar files.
    Files named explicitly are kept whatever their extension, so that an
    unsupported one is reported as failed rather than silently skipped.
    """
    out: dict[Path, None] = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if (
                    sub.is_file()
                    and ingest.is_supported(sub)
                    and not any(part.startswith(".") for part in sub.relative_to(p).parts)
                ):
                    out[sub] = None
        else:
            out[p] = None
    return list(out)


@dataclass(frozen=True)
class DateChoice:
    """A date decided before reading the file: ``--anchor``, ``--dates`` rows, the window."""

    date: date
    source: str = DateSource.CLI


def _store_document(
    db: Database,
    doc: ingest.Document,
    *,
    path: str | None,
    given: DateChoice | None = None,
    settled: ingest.Found | None = None,
    suggested: date | None = None,
) -> ImportResult:
    """One article, one transaction: either all of it lands or none of it.

    The date is, in order: the one given (``given``), the one the batch
    settled (``settled``), the one the file's own evidence gave. An article
    with none stays "date unknown"; ``suggested`` (an "Updated" stamp, the
    file's modification day) is only stored for the user to review.
    """
    label = path or doc.title
    digest = article_store.content_hash(doc.text)
    existing = article_store.find_by_hash(db, digest)
    if existing is not None:
        return ImportResult(
            label, "duplicate", reason="same content already imported", article_id=existing
        )
    note: str | None
    if given is not None:
        when, source, note = given.date, str(given.source), None
    elif settled is not None and settled.date is not None:
        when, source, note = settled.date, settled.source, settled.note
    else:
        when, source, note = doc.published, doc.date_source, doc.date_note
    suggestion = doc.suggested_date or suggested
    events = extract.extract_events(ingest.extraction_text(doc.text, doc.chrome), when)
    article = Article(
        id=None,
        title=doc.title,
        text=doc.text,
        anchor_date=when.isoformat() if when else None,
        date_source=source,
        source_name=doc.source_name,
        url=doc.url,
        author=doc.author,
        path=path,
        content_hash=digest,
        date_note=note,
        suggested_date=suggestion.isoformat() if when is None and suggestion else None,
    )
    try:
        with db.atomic():
            article_id = article_store.insert_article(db, article)
            count = event_store.replace_extracted(db, article_id, events, doc.text)
    except article_store.DuplicateArticle as dup:  # another process stored it meanwhile
        return ImportResult(
            label, "duplicate", reason="same content already imported", article_id=dup.article_id
        )
    return ImportResult(
        label,
        "imported",
        events=count,
        article_id=article_id,
        date_assumed=when is None,
        date_source=source,
        warnings=doc.warnings,
    )


def import_paths(
    db: Database,
    paths: Iterable[str | Path],
    anchor: date | None = None,
    progress: Progress | None = None,
    max_bytes: int = ingest.DEFAULT_MAX_BYTES,
    on_result: Callable[[ImportResult], None] | None = None,
    *,
    dates: dict[Path, date] | None = None,
    dates_from_path: bool = False,
    day_first: bool | None = None,
) -> list[ImportResult]:
    """Import files and folders (recursively); one result per file, in order.

    A bad file becomes a ``failed`` result with a reason and never stops the
    rest. Dates, most binding first: ``anchor`` (one date for all), ``dates``
    (a date per file, keyed by resolved path), ``dates_from_path`` (each
    file's name or folders), then what each file says of itself. A dateline
    that one file cannot settle (no year; 03/04 both ways) is settled by the
    dates of the rest of the batch, so those files are stored last.
    ``on_result`` hears each file's result as soon as it is stored.
    """
    files = expand_paths(paths)
    dates = {Path(p).resolve(): d for p, d in (dates or {}).items()}
    results: dict[int, ImportResult] = {}
    waiting: list[tuple[int, Path, ingest.Document]] = []
    batch_dates: list[date] = []

    def finish(i: int, result: ImportResult) -> None:
        results[i] = result
        if on_result is not None:
            on_result(result)

    for i, path in enumerate(files):
        if progress is not None:
            if progress.cancelled():
                for j, p in enumerate(files[i:], start=i):
                    results[j] = ImportResult(str(p), "cancelled", reason="cancelled")
                waiting.clear()
                break
            progress.set_status(str(path))
            progress.set_progress(i, len(files))
        try:
            doc = ingest.read_file(path, max_bytes=max_bytes, day_first=day_first)
            given = _given_date(path, anchor, dates, dates_from_path)
            if given is None and doc.published is None and doc.pending_date is not None:
                waiting.append((i, path, doc))
                continue
            if given is None and doc.published is not None:
                batch_dates.append(doc.published)
            result = _store_document(
                db, doc, path=str(path), given=given, suggested=_file_day(path)
            )
        except ingest.IngestError as err:
            result = ImportResult(str(path), "failed", reason=str(err))
        except Exception as err:  # noqa: BLE001 - a bad file must never stop the batch
            stop = store.batch_stopper(err)
            if stop is not None:
                # ...but a full disk or an unwritable database fails every file after it.
                finish(i, ImportResult(str(path), "failed", reason=stop))
                _not_tried(results, files[i + 1 :], i + 1, waiting, stop)
                break
            result = ImportResult(str(path), "failed", reason=f"unexpected error: {err}")
        finish(i, result)
    while waiting:
        i, path, doc = waiting.pop(0)
        assert doc.pending_date is not None
        settled = ingest.resolve_with_batch(doc.pending_date, batch_dates)
        try:
            result = _store_document(
                db, doc, path=str(path), settled=settled, suggested=_file_day(path)
            )
        except Exception as err:  # noqa: BLE001 - a bad file must never stop the batch
            stop = store.batch_stopper(err)
            if stop is not None:
                finish(i, ImportResult(str(path), "failed", reason=stop))
                _not_tried(results, [], 0, waiting, stop)
                break
            result = ImportResult(str(path), "failed", reason=f"unexpected error: {err}")
        finish(i, result)
    imported = [r.article_id for r in results.values() if r.status == "imported"]
    if imported:
        if progress is not None:
            progress.set_status("linking reports across articles")
        try:
            _fuse(db, imported)
        except Exception as err:  # noqa: BLE001 - the articles are stored; fused on next open
            if store.batch_stopper(err) is None:
                raise
    if progress is not None:
        progress.set_progress(len(files), len(files))
    return [results[i] for i in sorted(results)]


def _not_tried(
    results: dict[int, ImportResult],
    rest: list[Path],
    first: int,
    waiting: list[tuple[int, Path, ingest.Document]],
    stop: str,
) -> None:
    """Mark the files after a batch-stopping failure, and those held back, as not tried."""
    reason = f"not tried: import stopped ({stop})"
    for j, p in enumerate(rest, start=first):
        results[j] = ImportResult(str(p), "cancelled", reason=reason)
    for j, p, _ in waiting:
        results[j] = ImportResult(str(p), "cancelled", reason=reason)
    waiting.clear()


def _given_date(
    path: Path, anchor: date | None, dates: dict[Path, date], dates_from_path: bool
) -> DateChoice | None:
    if anchor is not None:
        return DateChoice(anchor)
    if (listed := dates.get(path.resolve())) is not None:
        return DateChoice(listed)
    if dates_from_path and (from_path := ingest.path_date(path)) is not None:
        return DateChoice(from_path, DateSource.PATH)
    return None


def _file_day(path: Path) -> date | None:
    """The file's modification day: a suggestion to review, never a silent date."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, ValueError, OverflowError):
        return None


def read_dates_csv(path: str | Path) -> dict[Path, date]:
    """``path,date`` rows (a header row is allowed); relative paths are relative to the CSV.

    Raises ValueError naming the row when a date or a row is malformed.
    """
    import csv

    csv_path = Path(path)
    out: dict[Path, date] = {}
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            if not row or not "".join(row).strip():
                continue
            if len(row) < 2:
                raise ValueError(f"{csv_path.name} row {number}: expected path,date")
            name, value = row[0].strip(), row[1].strip()
            try:
                day = date.fromisoformat(value)
            except ValueError:
                if number == 1:
                    continue  # a header row
                raise ValueError(
                    f"{csv_path.name} row {number}: {value!r} is not a YYYY-MM-DD date"
                ) from None
            file = Path(name)
            out[(file if file.is_absolute() else csv_path.parent / file).resolve()] = day
    return out


def import_text(
    db: Database,
    text: str | None = None,
    html: str | None = None,
    *,
    title: str | None = None,
    anchor: date | None = None,
) -> ImportResult:
    """Import text or HTML dropped or pasted into the window."""
    try:
        doc = ingest.read_dropped(text=text, html=html)
    except ingest.IngestError as err:
        return ImportResult(title or "dropped text", "failed", reason=str(err))
    if title:
        doc = dataclasses.replace(doc, title=title)
    return import_document(db, doc, anchor=anchor)


def import_document(
    db: Database, doc: ingest.Document, *, anchor: date | None = None
) -> ImportResult:
    """Import an article already read (the window reads a drop first to see if it has a date)."""
    given = DateChoice(anchor, DateSource.USER) if anchor is not None else None
    result = _store_document(db, doc, path=None, given=given)
    if result.status == "imported":
        _fuse(db, [result.article_id])
    return result


def reanchor(db: Database, article_id: int, new_date: date | None, source: str = "user") -> int:
    """Set an article's date and re-resolve the dates that depend on it; returns its event count.

    ``source`` says where the date came from (one of ``model.DATE_SOURCES``):
    "user" for a correction, the previous source when an undo puts it back.
    """
    return reanchor_many(db, [(article_id, new_date, source)])[0]


def reanchor_many(
    db: Database,
    changes: Iterable[tuple[int, date | None, str] | tuple[int, date | None, str, str | None]],
) -> list[int]:
    """Set many articles' dates in one transaction (one undo step); their event counts.

    Each change is ``(article_id, date or None, source)``, optionally with the
    note that says how the date was found (an undo puts the old one back).
    Either every article gets its new date or, on any error, none does.
    """
    counts = []
    with db.atomic():
        for change in changes:
            article_id, new_date, source = change[0], change[1], change[2]
            note = change[3] if len(change) > 3 else None
            article = article_store.get_article(db, article_id)
            if article is None:
                raise KeyError(f"no article {article_id}")
            events = extract.extract_events(ingest.extraction_text(article.text), new_date)
            article_store.set_anchor(
                db, article_id, new_date.isoformat() if new_date else None, source, note
            )
            counts.append(event_store.replace_extracted(db, article_id, events, article.text))
            story.refresh(db, article_ids=[article_id])
    return counts


# ---------------------------------------------------------------- queries and edits


def list_events(
    db: Database, flt: EventFilter | None = None, *, top: int | None = None, key: bool = False
) -> list[Event]:
    """Fused events (one per happening) matching ``flt``, in date order.

    ``top``: only the ``top`` most important, in rank order (most important
    first); ``key``: only the key events (see ``story.KEY_IMPORTANCE``), in date order.
    """
    level = flt.level if flt is not None else None
    if level == "key":
        key = True
    elif level and level.startswith("top") and level[3:].isdigit():
        top = int(level[3:]) if top is None else min(top, int(level[3:]))
    events = story.fused_events(db, flt)
    if key:
        events = story.key_events(events)
    if top is not None:
        events = story.top_events(events, top)
    return events


def get_event(db: Database, event_id: int) -> Event | None:
    """The fused event that the stored event ``event_id`` belongs to."""
    return story.fused_event(db, event_id)


def list_articles(db: Database) -> list[Article]:
    """Every article with its event count, without its text (see ``get_article``)."""
    return article_store.list_articles(db)


def get_article(db: Database, article_id: int) -> Article | None:
    return article_store.get_article(db, article_id)


def list_actors(db: Database) -> list[str]:
    return event_store.list_actor_names(db)


def edit_event(db: Database, event_id: int, **fields: object) -> None:
    """Correct an event; the correction is kept across re-extraction and re-anchoring.

    The fused event it belongs to is held together as the user saw it when
    they corrected it: its reports are pinned to one group.
    """
    with db.atomic():
        _pin_together(db, _members_of(db, event_id))
        _each_field(db, event_id, fields, event_store.record_edit)


def revert_edit(db: Database, event_id: int, **fields: object) -> None:
    """Undo first corrections: give the fields their old values and stop pinning them."""
    _each_field(db, event_id, fields, event_store.forget_edit)


def _each_field(
    db: Database, event_id: int, fields: dict, write: Callable[[Database, int, str, object], None]
) -> None:
    with db.atomic():
        for name, value in fields.items():
            write(db, event_id, name, list(value) if name == "actors" else value)
        story.refresh(db, event_ids=_members_of(db, event_id))


def _members_of(db: Database, event_id: int, deleted: bool = False) -> list[int]:
    """The stored events fused with ``event_id`` (itself included)."""
    if db.execute("select 1 from events where id = ?", [event_id]).fetchone() is None:
        raise KeyError(f"no event {event_id}")
    row = db.execute("select story_id from story_members where event_id = ?", [event_id]).fetchone()
    if row is None or row[0] is None:
        return [event_id]
    flag = 1 if deleted else 0
    ids = [
        r[0]
        for r in db.execute(
            "select e.id from events e join story_members sm on sm.event_id = e.id"
            " where sm.story_id = ? and e.deleted = ? order by e.id",
            [row[0], flag],
        )
    ]
    return ids if event_id in ids else [event_id, *ids]


def _pin_together(db: Database, event_ids: list[int], token: str | None = None) -> None:
    """Pin events into one user group (kept through re-imports and re-extraction).

    Without a ``token``, a lone event or events already pinned together are left as they are.
    """
    if not event_ids:
        return
    if token is None:
        marks = ",".join("?" * len(event_ids))
        pins = {r[0] for r in db.execute(f"select pin from events where id in ({marks})", event_ids)}
        if len(event_ids) == 1 or (len(pins) == 1 and None not in pins):
            return
        token = f"edit{min(event_ids)}-{datetime.now():%Y%m%d%H%M%S%f}"
    for event_id in event_ids:
        event_store.record_edit(db, event_id, "pin", token)


def split_event(db: Database, event_id: int) -> None:
    """Take the stored event ``event_id`` out of the fused event it is in, for good:
    it and the rest each become their own user-pinned group."""
    with db.atomic():
        members = _members_of(db, event_id)
        rest = [i for i in members if i != event_id]
        _pin_together(db, [event_id], f"split{event_id}-{datetime.now():%Y%m%d%H%M%S%f}")
        if rest:
            _pin_together(db, rest, f"split{rest[0]}-{datetime.now():%Y%m%d%H%M%S%f}")
        story.refresh(db, event_ids=members)


def merge_events(db: Database, event_ids: Iterable[int]) -> None:
    """Fuse the events ``event_ids`` (and everything fused with them) into one, for good."""
    with db.atomic():
        members: list[int] = []
        for event_id in event_ids:
            members.extend(i for i in _members_of(db, event_id) if i not in members)
        _pin_together(db, members, f"merge{min(members)}-{datetime.now():%Y%m%d%H%M%S%f}")
        story.refresh(db, event_ids=members)


def edited_fields(db: Database, event_id: int) -> set[str]:
    return event_store.edited_fields(db, event_id)


def delete_event(db: Database, event_id: int) -> None:
    """Hide the fused event ``event_id`` is in: each of its reports, for good."""
    with db.atomic():
        members = _members_of(db, event_id)
        for member in members:
            event_store.record_edit(db, member, "deleted", True)
        story.refresh(db, event_ids=members)


def restore_event(db: Database, event_id: int) -> None:
    """Undo `delete_event`: the reports hidden with ``event_id`` come back."""
    with db.atomic():
        members = _members_of(db, event_id, deleted=True)
        for member in members:
            event_store.record_edit(db, member, "deleted", False)
        story.refresh(db, event_ids=members)


def export_csv(
    db: Database,
    out: str | Path,
    flt: EventFilter | None = None,
    excel: bool = False,
    top: int | None = None,
) -> int:
    """Write the filtered fused events as CSV (``top``: the most important, in rank
    order); returns the number of rows."""
    events = list_events(db, flt, top=top)
    with open(out, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        return write_csv(events, fh)
