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
  which runs on one core after the readers are done, so it counts in full
  towards the wall time;
- unpickling: turning a reader's reply back into objects.

To compare with an older version, run the same command with that version's
``tracker`` first on PYTHONPATH (see BENCHMARKS.md). Figures only: nothing
here asserts a time.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from tracker import services, story  # noqa: E402


def _best(fn, reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


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
        t0 = time.process_time()
        with db.atomic():
            story.refresh(db, article_ids=[i for i in ids if i is not None])
        fusing = time.process_time() - t0
    n = args.n
    print(f"{n} corpus articles; CPU ms per article (best of {args.reps} where repeated)")
    for label, seconds in (
        ("reading (reader process)", reading),
        ("unpickling (importer)", unpickling),
        ("storing (importer)", storing),
        ("fusing at the end (importer)", fusing),
    ):
        print(f"  {label:<30} {seconds / n * 1000:7.2f}")


if __name__ == "__main__":
    main()
