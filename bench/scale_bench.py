"""Scale (issue 13 item 8): parallel import, listing and queries, against a baseline in the same run.

    python bench/scale_bench.py import [N] [--keep DB]   # N corpus articles (default 10,000)
    python bench/scale_bench.py query DB [RUNS] [--min]  # events --json and filtered queries

``import`` writes N articles from ``corpus.py`` (deterministic, ~3-5 KB), then
imports a sample of them with ONE reader process (the baseline: one core of
extraction, as before) and all N with the default pool (one reader per CPU),
each into a fresh database, and prints articles/s, the speed-up, and CPU
seconds per article (parent and readers) so a busy shared machine can be read
through. ``query`` times ``tracker events --json`` (a subprocess, to stdout
discarded) and in-process filtered and full-text queries; medians of RUNS. It
puts a star on one event and takes it off again, several times (the change a
first read after a change follows): the database ends as it was but for the
edit log.
Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from tracker import services  # noqa: E402
from tracker.services import EventFilter  # noqa: E402


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _proc_cpu(pids: list[int]) -> float:
    """CPU seconds the live processes ``pids`` have used (Linux; 0 for those gone)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _timed_import(db_path: Path, files: list[Path], pool) -> dict[str, float]:
    """Import ``files``; also the fusion at the end on its own (from the last file
    stored to the end): its wall time and the CPU of this process and of the readers."""
    db = services.open_db(db_path)
    stored: list[tuple[float, float, float]] = []  # (wall, own CPU, readers' CPU) at the last

    def pids() -> list[int]:
        return [w.process.pid for w in getattr(pool, "_workers", [])]

    def on_result(_result) -> None:
        stored[:] = [(time.perf_counter(), time.process_time(), _proc_cpu(pids()))]

    cpu0, kids0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
    results = services.import_paths(db, files, pool=pool, on_result=on_result)
    wall = time.perf_counter() - t0
    tail_own = time.process_time() - stored[0][1]
    tail_readers = _proc_cpu(pids()) - stored[0][2]
    tail_wall = time.perf_counter() - stored[0][0]
    pool.close()  # reap the readers so their CPU time is counted
    n = len(files)
    return {
        "n": n,
        "wall": wall,
        "rate": n / wall,
        "parent_ms": (time.process_time() - cpu0) / n * 1000,
        "readers_ms": (_children_cpu() - kids0) / n * 1000,
        "imported": sum(r.status == "imported" for r in results),
        "events": sum(r.events for r in results),
        "tail_wall": tail_wall,
        "tail_own": tail_own,
        "tail_readers": tail_readers,
    }


def _show(label: str, r: dict[str, float]) -> None:
    print(
        f"{label:<28} {r['n']:>6.0f} articles {r['wall']:7.1f} s {r['rate']:7.1f} articles/s"
        f"  cpu/article: parent {r['parent_ms']:5.1f} ms, readers {r['readers_ms']:5.1f} ms"
        f"  ({r['imported']:.0f} imported, {r['events']:.0f} events)"
    )


def bench_import(n: int, keep: Path | None, sample: int) -> None:
    from tracker import workers

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        t0 = time.perf_counter()
        files = write_corpus(folder, n)
        size = sum(f.stat().st_size for f in files)
        print(
            f"corpus: {n} articles, {size / n / 1024:.1f} KB mean, {time.perf_counter() - t0:.1f} s"
        )
        print(f"cpus available: {workers.default_workers()}, load {os.getloadavg()[0]:.1f}")
        base = _timed_import(Path(tmp) / "base.db", files[:sample], workers.WorkerPool(1))
        _show("baseline: 1 reader", base)
        db_path = keep or Path(tmp) / "all.db"
        full = _timed_import(db_path, files, workers.WorkerPool())
        _show(f"pool: {workers.default_workers()} readers", full)
        print(f"speed-up (articles/s, pool / 1 reader): {full['rate'] / base['rate']:.2f}x")
        print(
            f"fusion at the end (after the last file stored): wall {full['tail_wall']:.1f} s,"
            f" CPU this process {full['tail_own']:.1f} s, readers {full['tail_readers']:.1f} s"
        )
        cpu = (full["parent_ms"] + full["readers_ms"]) / 1000 * n
        tail = full["tail_own"] + full["tail_readers"]
        print(
            f"all {n} on 2 idle cores would take about "
            f"{(cpu - tail) / 2 + max(full['tail_own'], full['tail_readers']):.0f} s"
            " (CPU seconds of reading and storing / 2, then the fusion's busier process)"
        )


def _median_ms(fn, runs: int, before=None) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn()`` (CPU: this process and children it
    waited for), so a machine shared with other work can still be read. ``before()``
    runs ahead of each, untimed."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        c0, k0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0 + _children_cpu() - k0)
    return _STAT(walls) * 1000, _STAT(cpus) * 1000


#: How several runs are summed up: the median, or the minimum (``query --min``: the run
#: least disturbed by other work on a busy machine).
_STAT = statistics.median


def bench_query(db_path: Path, runs: int) -> None:
    db = services.open_db(db_path)
    total = db.execute("select count(*) from events where deleted = 0").fetchone()[0]
    n_articles = db.execute("select count(*) from articles").fetchone()[0]
    what = "minimum" if _STAT is min else "medians"
    print(f"database: {total} events, {n_articles} articles; {what} of {runs}, wall / cpu")
    cmd = [sys.executable, "-m", "tracker", "events", "--db", str(db_path), "--json"]
    base = [sys.executable, "-c", "import tracker.cli"]
    wall, cpu = _median_ms(lambda: subprocess.run(base, check=True), runs)
    print(f"python + import tracker.cli:      {wall:7.0f} / {cpu:7.0f} ms")
    wall, cpu = _median_ms(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL), runs)
    print(f"tracker events --json:            {wall:7.0f} / {cpu:7.0f} ms")
    starred = [False]
    some_event = db.execute("select min(id) from events where deleted = 0").fetchone()[0]

    def change() -> None:
        starred[0] = not starred[0]
        services.flag_events(db, {some_event: starred[0]}, "starred")

    services.list_events(db, EventFilter(article_id=1))  # warm: SQL functions registered
    wall, cpu = _median_ms(lambda: services.list_events(db), runs, change)
    print(f"in-process list_events, all:      {wall:7.0f} / {cpu:7.0f} ms  (after a change)")
    filters = {
        "one article": EventFilter(article_id=42),
        "actor 'Omar Haddad'": EventFilter(actor="Omar Haddad"),
        "search 'Haddad'": EventFilter(search="Haddad"),
        "search 'frank constructive'": EventFilter(search="frank constructive"),
        "search 'Geneva'": EventFilter(search="Geneva"),
        "from 2020-03 to 2020-04": EventFilter(date_from="2020-03", date_to="2020-04"),
        "type meeting, 2019": EventFilter(type="meeting", date_from="2019", date_to="2019"),
    }
    print(
        "  (after a change: the first read after a write to the database (a star put on or"
        " taken off an event), which drops what the connection kept;"
        " fresh: the first read of a new connection;"
        " again: read again, as kept on the connection since the last read)"
    )
    fresh: list = []

    def new_connection() -> None:
        while fresh:
            fresh.pop().conn.close()
        fresh.append(services.open_db(db_path))

    for label, flt in filters.items():
        hits = len(services.list_events(db, flt))
        wall0, cpu0 = _median_ms(lambda flt=flt: services.list_events(db, flt), runs, change)
        wall1, cpu1 = _median_ms(
            lambda flt=flt: services.list_events(fresh[0], flt), runs, new_connection
        )
        services.list_events(db, flt)
        wall, cpu = _median_ms(lambda flt=flt: services.list_events(db, flt), runs)
        print(
            f"  {label:<28} {hits:>7} hits  after a change {wall0:6.1f} / {cpu0:6.1f} ms"
            f"  fresh {wall1:6.1f} / {cpu1:6.1f} ms  again {wall:6.1f} / {cpu:6.1f} ms"
        )
    if starred[0]:
        change()  # as it was
    while fresh:
        fresh.pop().conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    imp = sub.add_parser("import")
    imp.add_argument("n", type=int, nargs="?", default=10_000)
    imp.add_argument("--keep", type=Path, help="keep the full import's database here")
    imp.add_argument("--sample", type=int, default=300, help="articles for the 1-reader baseline")
    q = sub.add_parser("query")
    q.add_argument("db", type=Path)
    q.add_argument("runs", type=int, nargs="?", default=5)
    q.add_argument("--min", action="store_true", help="minimum of the runs, not the median")
    args = ap.parse_args()
    if args.cmd == "import":
        bench_import(args.n, args.keep, min(args.sample, args.n))
    else:
        if args.min:
            global _STAT
            _STAT = min
        bench_query(args.db, args.runs)


if __name__ == "__main__":
    main()
