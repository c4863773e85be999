"""Import (issue 13 item 8) piece by piece, in one process: CPU per article of each part.

    python bench/import_parts.py [N] [--reps R]

Writes N corpus articles (``corpus.py``), then measures, as CPU time of this
process (so a busy shared machine can still be read; the smallest of R runs
where a part is repeated):

- reading: what a reader process does for one file (``services._read_task``:
  read, dateline, chrome, extraction, day references);
- storing: what the importing process does per article (``_store_document``:
  one transaction with its rows and full-text index) into a fresh database
  (the one article in 40 whose date waits for the batch is left out);
- fusing: the end-of-import fusion over all N articles (``story.refresh``),
  which runs after the readers are done, so it counts in full towards the wall
  time: in one process, and (when this Tracker can, ``story.Spread``) split with
  one reader process as an import does (CPU of this process and of the reader,
  and wall time; the same stories either way, checked here);
- unpickling: turning a reader's reply back into objects.

To compare with an older version, run the same command with that version's
``tracker`` first on PYTHONPATH (see BENCHMARKS.md). Figures only: nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from tracker import services, store, story, workers  # noqa: E402


def _best(fn, reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _cpu(pid: int) -> float:
    """CPU seconds a live process has used (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tables(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [
            list(conn.execute("select * from stories order by id")),
            list(conn.execute("select * from story_members order by event_id")),
        ]
    finally:
        conn.close()


def _split(tmp: Path, ids: list[int | None]) -> tuple[float, float, float, bool]:
    """The same fusion with one reader taking part of it (as `services.import_paths`)."""
    pool = workers.WorkerPool(2)
    list(pool.run([(0, time.sleep, (0,)), (1, time.sleep, (0,))], workers.Budget()))  # started
    pids = [w.process.pid for w in pool._workers]
    before = sum(_cpu(p) for p in pids)
    db = store.connect(tmp / "split.db")  # not open_db: it would fuse them at once
    t0, c0 = time.perf_counter(), time.process_time()
    services._fuse(db, ids, pool)
    wall, own = time.perf_counter() - t0, time.process_time() - c0
    reader = sum(_cpu(p) for p in pids) - before
    pool.close()
    db.conn.close()
    return own, reader, wall, _tables(tmp / "split.db") == _tables(tmp / "parts.db")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=500)
    ap.add_argument("--reps", type=int, default=3, help="runs of the repeatable parts")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "corpus", args.n)
        services._read_task(files[0], None, 10_000_000, None)  # warm: patterns compiled
        reads = []

        def read_all() -> None:
            reads[:] = [services._read_task(f, None, 10_000_000, None) for f in files]

        reading = _best(read_all, args.reps)
        blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in reads]
        unpickling = _best(lambda: [pickle.loads(b) for b in blobs], args.reps)
        db = services.open_db(Path(tmp) / "parts.db")
        t0 = time.process_time()
        ids = []
        for f, r in zip(files, reads, strict=True):
            if r.doc is not None and r.events is not None:
                result = services._store_document(
                    db, r.doc, path=str(f), events=r.events, days=r.days
                )
                ids.append(result.article_id)
        storing = time.process_time() - t0
        db.conn.close()
        shutil.copy(Path(tmp) / "parts.db", Path(tmp) / "split.db")
        db = store.connect(Path(tmp) / "parts.db")
        t0 = time.process_time()
        with db.atomic():
            story.refresh(db, article_ids=[i for i in ids if i is not None])
        fusing = time.process_time() - t0
        split = _split(Path(tmp), ids) if hasattr(story, "Spread") else None
    n = args.n
    print(f"{n} corpus articles; CPU ms per article (best of {args.reps} where repeated)")
    for label, seconds in (
        ("reading (reader process)", reading),
        ("unpickling (importer)", unpickling),
        ("storing (importer)", storing),
        ("fusing at the end (importer)", fusing),
    ):
        print(f"  {label:<30} {seconds / n * 1000:7.2f}")
    if split is not None:
        own, reader, wall, same = split
        print(
            f"  fusing split with one reader: this process {own / n * 1000:.2f},"
            f" reader {reader / n * 1000:.2f}, wall {wall / n * 1000:.2f}"
            f" ({'same stories' if same else 'STORIES DIFFER'})"
        )


if __name__ == "__main__":
    main()
