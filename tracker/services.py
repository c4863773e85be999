"""Use cases shared by the command line and the window.

Plain functions over an open database: import files or dropped text, change an
article's date, list and filter events, edit them, export them. Widgets and
CLI commands only gather input and show what these return.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from sqlite_utils import Database

from tracker import store, story, workers
from tracker.export.csv_writer import write_csv
from tracker.model import Article, DateSource, Event
from tracker.store import articles as article_store
from tracker.store import curation, maintenance
from tracker.store import events as event_store
from tracker.store.dayrefs import DayRef, replace_day_refs
from tracker.store.events import EventFilter

if TYPE_CHECKING:
    from tracker import extract, ingest
    from tracker.extract.types import ExtractedEvent
else:

    class _OnFirstUse(ModuleType):
        """A module imported when first used: listing events or opening the window never
        loads the readers and the extraction engine (a third of a second to import)."""

        def __getattr__(self, name: str) -> Any:
            import importlib

            return getattr(importlib.import_module(self.__name__), name)

    ingest = _OnFirstUse("tracker.ingest")
    extract = _OnFirstUse("tracker.extract")

__all__ = [
    "EventFilter",
    "ImportResult",
    "Progress",
    "default_db_path",
    "delete_event",
    "edit_event",
    "edited_fields",
    "expand_paths",
    "get_article",
    "get_event",
    "grouping_of",
    "import_document",
    "import_paths",
    "import_text",
    "list_actors",
    "list_articles",
    "list_events",
    "merge_events",
    "open_db",
    "read_dates_csv",
    "reanchor",
    "reanchor_many",
    "reread",
    "restore_event",
    "deleted_happenings",
    "DeletedHappening",
    "restore_grouping",
    "revert_edit",
    "split_event",
    "split_reports",
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
    # Its reports of happenings the user had deleted: hidden with them (`story.refresh`).
    hidden: int = 0


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


def open_db(path: str | Path | None = None, *, upkeep: bool = True) -> Database:
    """Open a database (see `tracker.store.connect`), and do the upkeep a writer owes it
    first: fuse what an import cut short left unfused, store missing fused records.

    ``upkeep=False``: a connection that only reads (the window's own, beside its writer
    and reader threads, which open with their upkeep): neither the upkeep nor the quick
    check on opening (a quarter of a second on a large database), except before a
    migration. A damaged database still refuses the writer's writes.
    """
    db = store.connect(path if path is not None else default_db_path(), check=upkeep)
    if upkeep and db.read_only is None:
        # Events no story holds yet, or stories that lost a report: an import cut
        # short, or a database made before stories.
        if story.needs_refresh(db):
            with db.atomic():
                story.refresh_unfused(db)
        # Fused events kept ready to list: missing after m008, or of another shape.
        # Opening stores only a bounded share (a large import can leave 100,000 to
        # store, 15-20 s): the events without one are built from their reports, with
        # the same result, and the window stores the rest when idle.
        if story.records_missing(db):
            store_records(db, RECORDS_ON_OPEN)
    return db


#: How many missing fused-event records opening a database stores (about 0.3 s).
RECORDS_ON_OPEN = 2000


def store_records(db: Database, limit: int | None = None) -> int:
    """Store the fused-event records that a batch import left to later (a refresh of
    many stories only drops their old ones: `tracker.story.refresh.RECORDS_AT_ONCE`),
    so listings read them instead of building those events: at most ``limit``, the
    most reported first, in one transaction. `open_db` stores a bounded share; the
    window stores the rest in steps when idle. Returns how many were stored."""
    with db.atomic():
        return story.fill_records(db, limit)


#: What handing part of a large fusion to a reader may cost: it fuses some
#: hundred thousand reports, far more than one file (the importer does it itself
#: when this is exceeded).
FUSE_BUDGET = workers.Budget(seconds=900.0, memory_mb=8192)


def _fuse(
    db: Database, article_ids: Iterable[int | None], readers: workers.WorkerPool | None = None
) -> None:
    """Fuse the new or changed articles' events with the reports near their dates
    (a large batch hands part of the work to an idle reader, ``readers``)."""
    ids = [i for i in article_ids if i is not None]
    if ids:
        with db.atomic():
            story.refresh(db, article_ids=ids, spread=_spread_over(readers))


def _with_hidden(db: Database, results: list[ImportResult]) -> list[ImportResult]:
    """``results`` with how many of each new article's reports were hidden with a
    happening the user had deleted, just now by the fusion (a new article's events are
    deleted by nothing else), so the user hears of it."""
    ids = [r.article_id for r in results if r.status == "imported" and r.article_id is not None]
    if not ids:
        return results
    marks = ",".join("?" * len(ids))
    hidden = dict(
        db.execute(
            "select article_id, count(*) from events where deleted = 1"
            f" and article_id in ({marks}) group by article_id",
            ids,
        ).fetchall()
    )
    if not hidden:
        return results
    return [
        dataclasses.replace(r, hidden=hidden[r.article_id]) if r.article_id in hidden else r
        for r in results
    ]


def _spread_over(readers: workers.WorkerPool | None) -> story.Spread | None:
    """A fusion's helper process from ``readers`` (when it has more than one)."""
    if readers is None or readers.size < 2:
        return None
    pool = readers

    def spread(fn: Callable[..., object], args: tuple[object, ...]) -> Callable[[], object]:
        return workers.in_background(pool, fn, args, FUSE_BUDGET)

    return spread


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


#: What reading one file may cost (issue 13): over it, the file fails alone.
DEFAULT_BUDGET = workers.Budget(seconds=30.0, memory_mb=1024)


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
    events: list[ExtractedEvent] | None = None,
    days: list[DayRef] | None = None,
) -> ImportResult:
    """One article, one transaction: either all of it lands or none of it.

    The date is, in order: the one given (``given``), the one the batch
    settled (``settled``), the one the file's own evidence gave. An article
    with none stays "date unknown"; ``suggested`` (an "Updated" stamp, the
    file's modification day) is only stored for the user to review.
    ``events`` and ``days`` (its day references), when given, were extracted
    already (by a worker, against the same date); otherwise they are extracted here.
    """
    label = path or doc.title
    digest = article_store.content_hash(doc.text)
    existing = article_store.find_by_hash(db, digest)
    if existing is not None:
        return _duplicate(label, existing)
    when, source, note = _article_date(doc, given, settled)
    suggestion = doc.suggested_date or suggested
    if events is None:
        events, days = _extract(doc, when)
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
            replace_day_refs(db, article_id, days or ())
    except article_store.DuplicateArticle as dup:  # another process stored it meanwhile
        return _duplicate(label, dup.article_id)
    return ImportResult(
        label,
        "imported",
        events=count,
        article_id=article_id,
        date_assumed=when is None,
        date_source=source,
        warnings=doc.warnings,
    )


def _duplicate(label: str, article_id: int) -> ImportResult:
    return ImportResult(
        label, "duplicate", reason="same content already imported", article_id=article_id
    )


def _article_date(
    doc: ingest.Document, given: DateChoice | None, settled: ingest.Found | None
) -> tuple[date | None, str, str | None]:
    """(date, source, note) an article is stored and extracted with."""
    if given is not None:
        return given.date, str(given.source), None
    if settled is not None and settled.date is not None:
        return settled.date, settled.source, settled.note
    return doc.published, doc.date_source, doc.date_note


def _extract(
    doc: ingest.Document, when: date | None, day_first: bool | None = None
) -> tuple[list[ExtractedEvent], list[DayRef]]:
    """Events and day references of one article, never from its page chrome;
    ``day_first`` reads 03/04 dates."""
    options = extract.ExtractOptions(day_first=day_first) if day_first is not None else None
    return _extract_text(ingest.extraction_text(doc.text, doc.chrome), when, options)


def _extract_text(
    text: str, when: date | None, options: extract.ExtractOptions | None = None
) -> tuple[list[ExtractedEvent], list[DayRef]]:
    found = extract.extract(text, when, options)
    return list(found.events), story.day_refs_of(text, found.timexes)


@dataclass(frozen=True)
class _Read:
    """What a worker sends back for one file: the document and, unless its date
    waits for the batch, its events; or the reason it could not be read."""

    doc: ingest.Document | None = None
    events: list[ExtractedEvent] | None = None
    days: list[DayRef] | None = None
    reason: str | None = None


def _read_task(
    path: Path, given: DateChoice | None, max_bytes: int, day_first: bool | None
) -> _Read:
    """Runs in a worker process: read one file and, when its date is known, extract it."""
    try:
        doc = ingest.read_file(path, max_bytes=max_bytes, day_first=day_first)
    except ingest.IngestError as err:
        return _Read(reason=str(err))
    if given is None and doc.published is None and doc.pending_date is not None:
        return _Read(doc=doc)  # extracted once the batch has settled its date
    events, days = _extract(doc, _article_date(doc, given, None)[0], day_first)
    return _Read(doc=doc, events=events, days=days)


def _extract_task(doc: ingest.Document, when: date | None, day_first: bool | None) -> _Read:
    """Runs in a worker process: extract an article whose date the batch settled."""
    events, days = _extract(doc, when, day_first)
    return _Read(doc=doc, events=events, days=days)


@contextlib.contextmanager
def _readers(pool: workers.WorkerPool | None) -> Iterator[workers.WorkerPool]:
    """``pool``, else the process's shared reader pool (its workers stay warm between
    imports), else, while another thread holds that one, a private pool closed after."""
    if pool is not None:
        yield pool
        return
    shared = workers.shared_pool()
    if shared.lock.acquire(blocking=False):
        try:
            yield shared
        finally:
            shared.lock.release()
        return
    private = workers.WorkerPool()
    try:
        yield private
    finally:
        private.close()


def import_paths(
    db: Database,
    paths: Iterable[str | Path],
    anchor: date | None = None,
    progress: Progress | None = None,
    max_bytes: int | None = None,  # ingest.DEFAULT_MAX_BYTES
    on_result: Callable[[ImportResult], None] | None = None,
    *,
    dates: dict[Path, date] | None = None,
    dates_from_path: bool = False,
    day_first: bool | None = None,
    budget: workers.Budget | None = None,
    pool: workers.WorkerPool | None = None,
) -> list[ImportResult]:
    """Import files and folders (recursively); one result per file, in order.

    A bad file becomes a ``failed`` result with a reason and never stops the
    rest. Dates, most binding first: ``anchor`` (one date for all), ``dates``
    (a date per file, keyed by resolved path), ``dates_from_path`` (each
    file's name or folders), then what each file says of itself. A dateline
    that one file cannot settle (no year; 03/04 both ways) is settled by the
    dates of the rest of the batch, so those files are stored last.
    ``on_result`` hears each file's result as soon as it is stored.

    Files are read and extracted in worker processes (``pool``, by default
    one per CPU kept for the life of the process), each under ``budget``
    (30 s, 1 GB by default): a file over it fails alone with the reason.
    This process stores the articles, in file order, one transaction each.
    """
    files = expand_paths(paths)
    dates = {Path(p).resolve(): d for p, d in (dates or {}).items()}
    budget = budget or DEFAULT_BUDGET
    if max_bytes is None:
        max_bytes = ingest.DEFAULT_MAX_BYTES
    results: dict[int, ImportResult] = {}
    waiting: list[tuple[int, ingest.Document]] = []
    batch_dates: list[date] = []
    givens = [_given_date(path, anchor, dates, dates_from_path) for path in files]
    stopped: str | None = None

    def finish(i: int, result: ImportResult) -> None:
        results[i] = result
        if on_result is not None:
            on_result(result)
        if progress is not None and len(results) < len(files):
            progress.set_status(str(files[min(i + 1, len(files) - 1)]))  # the one stored next
            progress.set_progress(len(results), len(files))

    def cancelled() -> bool:
        return progress is not None and progress.cancelled()

    def store_one(i: int, read: _Read, settled: ingest.Found | None = None) -> bool:
        """Store file ``i`` from what its worker sent; False when the batch must stop."""
        nonlocal stopped
        path = files[i]
        if read.doc is None:
            finish(i, ImportResult(str(path), "failed", reason=read.reason))
            return True
        doc = read.doc
        if read.events is None:  # its date waits for the rest of the batch
            waiting.append((i, doc))
            return True
        if givens[i] is None and settled is None and doc.published is not None:
            batch_dates.append(doc.published)
        try:
            result = _store_document(
                db,
                doc,
                path=str(path),
                given=givens[i],
                settled=settled,
                suggested=_file_day(path),
                events=read.events,
                days=read.days,
            )
        except Exception as err:  # noqa: BLE001 - a bad file must never stop the batch
            stopped = store.batch_stopper(err)
            if stopped is not None:
                # ...but a full disk or an unwritable database fails every file after it.
                finish(i, ImportResult(str(path), "failed", reason=stopped))
                return False
            result = ImportResult(str(path), "failed", reason=f"unexpected error: {err}")
        finish(i, result)
        return True

    if progress is not None and files:
        progress.set_status(str(files[0]))
        progress.set_progress(0, len(files))
    with _readers(pool) as readers:
        tasks = (
            (i, _read_task, (path, givens[i], max_bytes, day_first)) for i, path in enumerate(files)
        )
        _in_order(readers.run(tasks, budget, cancelled), range(len(files)), store_one, cancelled)
        if stopped is None and not cancelled():
            settled_by: dict[int, ingest.Found | None] = {}
            held = sorted(waiting)
            waiting.clear()
            for i, doc in held:
                assert doc.pending_date is not None
                settled_by[i] = ingest.resolve_with_batch(doc.pending_date, batch_dates)
            tasks = (
                (i, _extract_task, (doc, _article_date(doc, None, settled_by[i])[0], day_first))
                for i, doc in held
            )
            _in_order(
                readers.run(tasks, budget, cancelled),
                [i for i, _ in held],
                lambda i, read: store_one(i, read, settled_by[i]),
                cancelled,
            )
        reason = f"not tried: import stopped ({stopped})" if stopped else "cancelled"
        for i, path in enumerate(files):
            if i not in results:
                results[i] = ImportResult(str(path), "cancelled", reason=reason)
        imported = [r.article_id for r in results.values() if r.status == "imported"]
        if imported:
            if progress is not None:
                progress.set_status("linking reports across articles")
            try:
                _fuse(db, imported, readers)
            except Exception as err:  # noqa: BLE001 - the articles are stored; fused on next open
                if store.batch_stopper(err) is None:
                    raise
            else:
                results.update(zip(results, _with_hidden(db, list(results.values())), strict=True))
    if progress is not None:
        progress.set_progress(len(files), len(files))
    return [results[i] for i in sorted(results)]


def _in_order(
    outcomes: Iterable[tuple[int, object]],
    order: Sequence[int],
    store_one: Callable[[int, _Read], bool],
    cancelled: Callable[[], bool],
) -> None:
    """Hand each worker outcome to ``store_one`` in ``order`` (file order; workers finish
    out of order); stop at a cancel or when ``store_one`` says the batch must stop."""
    ready: dict[int, _Read] = {}
    position = 0
    for key, outcome in outcomes:
        if isinstance(outcome, workers.Failure):
            outcome = _Read(reason=outcome.reason)
        assert isinstance(outcome, _Read)
        ready[key] = outcome
        while position < len(order) and order[position] in ready:
            if cancelled():
                return
            if not store_one(order[position], ready.pop(order[position])):
                return
            position += 1


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
        (result,) = _with_hidden(db, [result])
    return result


def reanchor(
    db: Database, article_id: int, new_date: date | None, source: str = DateSource.USER
) -> int:
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
    counts: list[int] = []
    ids: list[int] = []
    with db.atomic():
        for change in changes:
            article_id, new_date, source = change[0], change[1], change[2]
            note = change[3] if len(change) > 3 else None
            article = article_store.get_article(db, article_id)
            if article is None:
                raise KeyError(f"no article {article_id}")
            events, days = _extract_text(ingest.extraction_text(article.text), new_date)
            article_store.set_anchor(
                db, article_id, new_date.isoformat() if new_date else None, source, note
            )
            counts.append(event_store.replace_extracted(db, article_id, events, article.text))
            replace_day_refs(db, article_id, days)
            ids.append(article_id)
        story.refresh(db, article_ids=ids)  # once, around every changed article
    return counts


@dataclass(frozen=True)
class Reread:
    """What reading the stored articles again did: articles read, events before and after."""

    articles: int
    events_before: int
    events_after: int
    cancelled: bool = False
    backup: Path | None = None  # the database as it was, for `tracker restore`
    failed: tuple[tuple[int, str], ...] = ()  # (article id, reason): kept as they were


# Articles re-read per transaction: a cancel or a crash keeps every finished batch,
# and the window's other work waits at most one batch for the database.
_REREAD_BATCH = 25


def _reread_task(text: str, when: date | None) -> tuple[list[ExtractedEvent], list[DayRef]]:
    """Runs in a worker process: the events and day references of a stored article."""
    return _extract_text(ingest.extraction_text(text), when)


def reread(
    db: Database,
    article_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    pool: workers.WorkerPool | None = None,
    budget: workers.Budget | None = None,
) -> Reread:
    """Read the stored articles (all, or ``article_ids``) again with this version's engine.

    A newer Tracker reads dates and events better than the one that imported the
    articles; this brings a database up to it without importing anything again.
    Each article keeps its date, where the date came from and how it was found;
    every correction the user made (edits, deletions, merges, splits, hand-made
    events) is kept as a re-dating keeps it. Articles are extracted in the
    worker processes, under the import's time and memory budget (one that fails
    keeps its events and is reported), and stored in atomic batches, so
    cancelling keeps the articles already read and leaves the rest as they were;
    the new reports are fused once at the end.
    """
    known = {a.id: a for a in article_store.list_articles(db)}
    ids = list(known) if article_ids is None else list(dict.fromkeys(article_ids))
    missing = [i for i in ids if i not in known]
    if missing:
        raise KeyError(f"no article {missing[0]}")
    ids.sort()
    saved = None
    path = getattr(db, "path", None)
    if ids and path is not None and db.read_only is None:
        # Every extracted event of the corpus is rewritten: keep the database as it was.
        saved = maintenance.backup_before_migration(db, Path(path))

    def cancelled() -> bool:
        return progress is not None and progress.cancelled()

    before = done = 0
    failed: list[tuple[int, str]] = []
    stored: list[int] = []
    with _readers(pool) as readers:
        for k in range(0, len(ids), _REREAD_BATCH):
            if cancelled():
                break
            batch = [known[i] for i in ids[k : k + _REREAD_BATCH]]
            if progress is not None:
                progress.set_status(batch[0].title)
            texts: dict[int, str] = {}
            for a in batch:
                full = article_store.get_article(db, a.id) if a.id is not None else None
                if full is not None:
                    texts[full.id or 0] = full.text
            tasks = (
                (
                    a.id,
                    _reread_task,
                    (texts[a.id], date.fromisoformat(a.anchor_date) if a.anchor_date else None),
                )
                for a in batch
                if a.id in texts
            )
            results = dict(readers.run(tasks, budget or workers.Budget()))
            with db.atomic():
                for a in batch:
                    got = results.get(a.id)
                    if a.id is None or got is None or isinstance(got, workers.Failure):
                        reason = got.reason if isinstance(got, workers.Failure) else "not read"
                        failed.append((a.id or 0, reason))
                        continue
                    events, days = got
                    event_store.replace_extracted(db, a.id, events, texts[a.id])
                    replace_day_refs(db, a.id, days)
                    stored.append(a.id)
            before += sum(a.event_count for a in batch)
            done += len(batch)
            if progress is not None:
                progress.set_progress(done, len(ids))
    # Fused once, as an import is: a batch's neighbours in time are mostly the next
    # batch's too. Cut short before this, the unfused reports are fused on next open.
    # Every article read again: the whole corpus is fused afresh, as a new import of it
    # would be (stories formed by an older engine's reports and rules do not linger;
    # the user's groupings are pinned and kept).
    if article_ids is None and done == len(ids) and stored:
        with db.atomic():
            story.refresh_all(db)
    else:
        _fuse(db, stored)
    read = set(ids[:done])
    # Counted as the article list counts them (kept events, the user's own included).
    after = sum(a.event_count for a in article_store.list_articles(db) if a.id in read)
    return Reread(
        done, before, after, cancelled=done < len(ids), backup=saved, failed=tuple(failed)
    )


# ---------------------------------------------------------------- queries and edits


def list_events(
    db: Database,
    flt: EventFilter | None = None,
    *,
    top: int | None = None,
    key: bool = False,
    preview: int | None = None,
    passages: bool = False,
) -> list[Event]:
    """Fused events (one per happening) matching ``flt``, in date order.

    ``top``: only the ``top`` most important, in rank order (most important
    first); ``key``: only the key events (see ``story.KEY_IMPORTANCE``), in date order.
    ``preview``: read only that many of the most reported first (a large
    database's first screen, shown while the rest loads). ``passages``: with every
    event's passages decoded at once (an export writes them all); otherwise an event
    read from its record decodes them when they are first asked for.
    """
    top, key = _level(flt, top, key)
    events = story.fused_events(db, flt, most_reported=preview)
    if key:
        events = story.key_events(events)
    if top is not None:
        events = story.top_events(events, top)
    if passages:
        story.decode_passages(events)
    return events


def events_json(
    db: Database, flt: EventFilter | None = None, *, top: int | None = None
) -> list[str]:
    """The ``tracker events --json`` entry (one JSON object's text) of each event
    `list_events` gives, in its order: read from the stored records, not re-encoded."""
    top, key = _level(flt, top, False)
    if top is None and not key:
        return story.fused_json(db, flt)
    return story.json_texts(db, list_events(db, flt, top=top, key=key))


def _level(flt: EventFilter | None, top: int | None, key: bool) -> tuple[int | None, bool]:
    """``top`` and ``key`` with the filter's level ("key", "top20") applied."""
    level = flt.level if flt is not None else None
    if level == "key":
        key = True
    elif level and level.startswith("top") and level[3:].isdigit():
        top = int(level[3:]) if top is None else min(top, int(level[3:]))
    return top, key


def is_large(db: Database, events: int = 5000) -> bool:
    """Whether the database holds more than about ``events`` events (from the
    highest row id: no count over the table)."""
    top = db.execute("select max(rowid) from events").fetchone()[0]
    return (top or 0) > events


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


def _members_of_all(db: Database, event_ids: Iterable[int]) -> list[int]:
    """The stored events fused with any of ``event_ids``, each once, in order."""
    members: list[int] = []
    for event_id in event_ids:
        members.extend(i for i in _members_of(db, event_id) if i not in members)
    return members


def _pin_together(db: Database, event_ids: list[int], token: str | None = None) -> None:
    """Pin events into one user group (kept through re-imports and re-extraction).

    Without a ``token``, a lone event or events already pinned together are left as they are.
    """
    if not event_ids:
        return
    if token is None:
        marks = ",".join("?" * len(event_ids))
        pins = {
            r[0] for r in db.execute(f"select pin from events where id in ({marks})", event_ids)
        }
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


def split_reports(db: Database, event_id: int) -> None:
    """Split the fused event holding ``event_id`` into its reports, each its own event, for good."""
    with db.atomic():
        members = _members_of(db, event_id)
        stamp = f"{datetime.now():%Y%m%d%H%M%S%f}"
        for member in members:
            _pin_together(db, [member], f"split{member}-{stamp}")
        story.refresh(db, event_ids=members)


def grouping_of(db: Database, event_ids: Iterable[int]) -> dict[int, str | None]:
    """The user grouping (pin) of every report fused with ``event_ids``: what
    `restore_grouping` needs to undo a merge or a split."""
    members = _members_of_all(db, event_ids)
    marks = ",".join("?" * len(members))
    # ``events.pin`` is written only by the user's grouping edits, so it is the grouping.
    pins = dict(db.execute(f"select id, pin from events where id in ({marks})", members).fetchall())
    return {i: pins.get(i) for i in members}


def restore_grouping(db: Database, grouping: dict[int, str | None]) -> None:
    """Put reports back in the user groups ``grouping`` names (None: no user group)."""
    with db.atomic():
        for event_id, pin in grouping.items():
            if pin is None:
                event_store.forget_edit(db, event_id, "pin", None)
            else:
                event_store.record_edit(db, event_id, "pin", pin)
        story.refresh(db, event_ids=list(grouping))


def merge_events(db: Database, event_ids: Iterable[int]) -> None:
    """Fuse the events ``event_ids`` (and everything fused with them) into one, for good."""
    with db.atomic():
        members = _members_of_all(db, event_ids)
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


@dataclass(frozen=True)
class DeletedHappening:
    """A happening the user deleted: its reports hidden together (one story)."""

    event_id: int  # one of its reports: `restore_event` brings every one back
    date: str | None
    title: str
    reports: int
    deleted_at: str | None  # when, ISO 8601 (UTC)


def deleted_happenings(db: Database) -> list[DeletedHappening]:
    """What the user deleted, most recently deleted first, one entry per happening (the
    reports of one story, with those of later articles hidden with them)."""
    rows = db.execute(
        "select e.id, e.date, e.title, g.reports, g.deleted_at from (select min(e.id) as id,"
        " count(*) as reports, max(d.created_at) as deleted_at,"
        " coalesce(sm.story_id, -e.id) as happening"
        " from events e left join story_members sm on sm.event_id = e.id"
        " left join edits d on d.article_id = e.article_id and d.event_key = e.key"
        " and d.field = 'deleted' where e.deleted = 1 group by happening) g"
        " join events e on e.id = g.id order by g.deleted_at desc, g.id"
    ).fetchall()
    return [DeletedHappening(*row) for row in rows]


def restore_event(db: Database, event_id: int) -> None:
    """Undo `delete_event`: the reports hidden with ``event_id`` come back."""
    with db.atomic():
        members = _members_of(db, event_id, deleted=True)
        for member in members:
            event_store.record_edit(db, member, "deleted", False)
        story.refresh(db, event_ids=members)


# ---------------------------------------------------------------- curation


def flag_events(db: Database, states: dict[int, bool], flag: str) -> None:
    """Star or hide events (``flag`` "starred" or "hidden"); kept through re-extraction."""
    with db.atomic():
        event_store.set_flags(db, states, flag)


def tag_events(db: Database, event_ids: list[int], name: str, on: bool = True) -> None:
    with db.atomic():
        curation.tag_events(db, event_ids, name, on)


def set_tag_colour(db: Database, name: str, colour: str) -> None:
    with db.atomic():
        curation.tag_id(db, name, colour)


def list_tags(db: Database) -> list[tuple[str, str]]:
    return curation.list_tags(db)


def add_period(db: Database, period: curation.NamedPeriod) -> int:
    with db.atomic():
        return curation.add_period(db, period)


def remove_period(db: Database, period_id: int) -> None:
    with db.atomic():
        curation.remove_period(db, period_id)


def list_periods(db: Database) -> list[curation.NamedPeriod]:
    return curation.list_periods(db)


def save_view(db: Database, name: str, state: dict) -> None:
    with db.atomic():
        curation.save_view(db, name, state)


def delete_view(db: Database, name: str) -> None:
    with db.atomic():
        curation.delete_view(db, name)


def load_view(db: Database, name: str) -> dict | None:
    return curation.load_view(db, name)


def list_views(db: Database) -> list[str]:
    return curation.list_views(db)


def add_event(db: Database, fields: dict, source: curation.Source | None = None) -> int:
    """An event made by hand (optionally linked to a passage); survives re-extraction."""
    with db.atomic():
        event_id = curation.add_user_event(db, fields, source)
        story.refresh(db, event_ids=[event_id])
        return event_id


def event_from_selection(
    db: Database, article_id: int, start: int, end: int
) -> tuple[dict, curation.Source] | None:
    """Prefill for "New event from selection": the date the selection names (resolved
    against the article's date), its sentence as the title and quote, linked to it."""
    from tracker.extract.sentences import split_sentences

    article = get_article(db, article_id)
    if article is None or not (0 <= start < end <= len(article.text or "")):
        return None
    text = article.text
    anchor = date.fromisoformat(article.anchor_date) if article.anchor_date else None
    s0, s1 = next(((a, b) for a, b in split_sentences(text) if a <= start < b), (start, end))
    fields: dict = {"title": " ".join(text[start:end].split())[:120], "granularity": "day"}
    for t in extract.find_timexes(text[s0:s1], anchor):
        if t.type == "DATE" and t.value and s0 + t.end > start and s0 + t.start < end:
            fields["date"], fields["granularity"] = t.value, t.granularity or "day"
            start, end = s0 + t.start, s0 + t.end
            fields["title"] = " ".join(text[s0:s1].split())[:120]
            break
    quote = " ".join(text[s0:s1].split())
    return fields, curation.Source(article_id, start, end, text[start:end], quote)


# ---------------------------------------------------------------- publishing

EXPORT_FORMATS = ("csv", "html", "timelinejs", "ics", "pdf")


def view_for_export(
    db: Database, flt: EventFilter | None = None, title: str = "Timeline", top: int | None = None
):
    """The events a view shows (its filters; hidden events never) and its named periods."""
    from datetime import date as _date

    from tracker.export.view import Band, View

    flt = dataclasses.replace(flt or EventFilter(), include_hidden=False)
    bands = [
        Band(p.name, _date.fromisoformat(p.start_day), _date.fromisoformat(p.end_day), p.colour)
        for p in curation.list_periods(db)
    ]
    return View(title, list_events(db, flt, top=top, passages=True), tuple(bands))


def export_events(
    db: Database,
    out: str | Path,
    fmt: str,
    flt: EventFilter | None = None,
    title: str = "Timeline",
    excel: bool = False,
    top: int | None = None,
) -> int:
    """Write the view (filters applied, hidden events left out) as ``fmt``; returns the
    number of events written. ``top``: only the most important, in rank order."""
    import json

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {EXPORT_FORMATS}")
    view = view_for_export(db, flt, title, top)
    if fmt == "csv":
        with open(out, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
            return write_csv(view.events, fh)
    n = len(view.timed())
    if fmt == "pdf":
        from tracker.export.pdf import write_pdf

        Path(out).write_bytes(write_pdf(view))
        return n
    if fmt == "html":
        from tracker.export.html_timeline import write_html

        text = write_html(view)
    elif fmt == "ics":
        from tracker.export.ics import write_ics

        text = write_ics(view, datetime.now(UTC).replace(tzinfo=None, microsecond=0))
    else:
        from tracker.export.timelinejs import timelinejs

        text = json.dumps(timelinejs(view), ensure_ascii=False, indent=1)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return n
