"""The one background worker that writes to the database, and the import job it runs.

All writes (imports, re-anchoring, edits) are queued on a single worker thread
that owns its own SQLite connection, as Anki's task manager does: the GUI thread
only reads, so the window stays responsive while a drop of fifty files is
imported. Results and errors come back to the GUI thread as signal arguments,
never lost in the thread. ``synchronous=True`` runs jobs inline, for tests and
scripts that want no thread at all.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from tracker import services

log = logging.getLogger(__name__)

Callback = Callable[[Any, "str | None"], None]


@dataclass(frozen=True)
class ImportSummary:
    """What one import job did, for the report dialog."""

    results: tuple
    cancelled: bool

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


class _Progress:
    """services.Progress for the import job: forwards to signals, reads the cancel flag."""

    def __init__(self, worker: DbWorker, cancel: threading.Event) -> None:
        self._worker = worker
        self._cancel = cancel
        self._current = ""

    def set_status(self, text: str) -> None:  # services sets the file name, then the count
        self._current = text

    def set_progress(self, done: int, total: int) -> None:
        self._worker.import_progress.emit(done, total, self._current if done < total else "")

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class DbWorker(QObject):
    """Queue of database jobs run one at a time on one thread with its own connection."""

    job_finished = Signal(int, object, object)  # job id, result, error text or None
    import_started = Signal(int)  # number of files
    reread_started = Signal(int)  # number of articles read again
    import_progress = Signal(int, int, str)  # done, total, current file
    import_result = Signal(object)  # one services.ImportResult, as each file finishes
    import_finished = Signal(object)  # ImportSummary
    error = Signal(str)

    def __init__(self, db_path: str | Path, synchronous: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.db_path = str(db_path)
        self.synchronous = synchronous
        self._executor = None if synchronous else ThreadPoolExecutor(1, "tracker-db")
        self._local = threading.local()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, Callback] = {}
        self._cancel = threading.Event()
        self._pending_imports = 0
        self.job_finished.connect(self._dispatch)

    # -- jobs --------------------------------------------------------------
    def submit(
        self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None, **kwargs: Any
    ) -> int:
        """Run ``fn(db, *args, **kwargs)`` on the worker; ``on_done(result, error)`` on the GUI."""
        job_id = next(self._ids)
        if on_done is not None:
            self._callbacks[job_id] = on_done
        if self._executor is None:
            self._run(job_id, fn, args, kwargs)
        else:
            self._executor.submit(self._run, job_id, fn, args, kwargs)
        return job_id

    def _db(self):
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = services.open_db(self.db_path)
        return db

    def _run(self, job_id: int, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        try:
            result, err = fn(self._db(), *args, **kwargs), None
        except Exception as exc:  # shown to the user by the GUI, not lost in the thread
            log.error("database job failed\n%s", traceback.format_exc())
            result, err = None, f"{type(exc).__name__}: {exc}"
        self.job_finished.emit(job_id, result, err)

    @Slot(int, object, object)
    def _dispatch(self, job_id: int, result: Any, err: str | None) -> None:
        cb = self._callbacks.pop(job_id, None)
        if cb is not None:
            cb(result, err)
        elif err:
            self.error.emit(err)

    # -- imports -------------------------------------------------------------
    @property
    def importing(self) -> bool:
        return self._pending_imports > 0

    def import_paths(self, paths: Iterable[str | Path], anchor: date | None = None) -> int:
        """Queue an import of files and folders; results stream through the import signals."""
        self._pending_imports += 1
        self._cancel.clear()  # here, not in the job: a Cancel pressed before it starts still counts
        return self.submit(
            self._import_job, [str(p) for p in paths], anchor, on_done=self._import_done
        )

    def cancel_import(self) -> None:
        self._cancel.set()

    def _import_job(self, db, paths: list[str], anchor: date | None) -> ImportSummary:
        files = services.expand_paths(paths)
        self.import_started.emit(len(files))
        results = services.import_paths(
            db,
            files,
            anchor=anchor,
            progress=_Progress(self, self._cancel),
            on_result=self.import_result.emit,  # Cancel's skipped files never reach it
        )
        # Files a Cancel skipped are left out of the report, not listed one by one.
        done = tuple(r for r in results if r.status != "cancelled")
        return ImportSummary(done, self._cancel.is_set())

    def reread(self, on_done: Callback) -> int:
        """Queue reading every stored article again (``services.reread``); progress and
        Cancel go through the import signals, the ``services.Reread`` to ``on_done``."""
        self._cancel.clear()
        return self.submit(self._reread_job, on_done=on_done)

    def _reread_job(self, db) -> services.Reread:
        self.reread_started.emit(len(services.list_articles(db)))
        return services.reread(db, progress=_Progress(self, self._cancel))

    def _import_done(self, summary: ImportSummary | None, err: str | None) -> None:
        self._pending_imports -= 1
        if err:
            self.error.emit(err)
            summary = ImportSummary((), False)
        self.import_finished.emit(summary)

    # -- lifetime --------------------------------------------------------------
    def shutdown(self) -> None:
        """Finish queued jobs, close the worker's connection and stop its thread."""
        self._cancel.set()
        if self._executor is not None:
            self._executor.submit(self._close)
            self._executor.shutdown(wait=True)
            self._executor = None
        else:
            self._close()

    def _close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None
