"""Two processes on one database: each waits its turn, nobody aborts, duplicates are duplicates.

Real processes (subprocess), started together through a file barrier so their
first statements race. Every wait is bounded by a timeout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tracker import services
from tracker.store import schema

ROOT = Path(__file__).resolve().parent.parent

IMPORTER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from tracker import services

    db_path, folder, go, ready = sys.argv[1:5]
    Path(ready).touch()
    deadline = time.monotonic() + 30
    while not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.002)
    db = services.open_db(db_path)
    results = services.import_paths(db, [folder])
    print(json.dumps([[Path(r.path).name, r.status, r.reason] for r in results]))
    """
)

HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(sys.argv[3])
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
    """
)


HOLDER_WRITE = "insert into actors (name, kind) values ('Holder', 'person')"


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02}.txt").write_text(
            f"Round {i} of talks\n\nEnvoys met in Vienna on {1 + i} May 2024 for round {i}.\n",
            encoding="utf-8",
        )
    return folder


def _run_together(tmp_path: Path, db: Path, folder: Path) -> list[list[list]]:
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER, encoding="utf-8")
    go = tmp_path / "go"
    go.unlink(missing_ok=True)
    readies = [tmp_path / f"ready{k}" for k in range(2)]
    procs = []
    for ready in readies:
        ready.unlink(missing_ok=True)
        procs.append(
            subprocess.Popen(
                [sys.executable, str(script), str(db), str(folder), str(go), str(ready)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in readies) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outputs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        outputs.append(json.loads(out))
    return outputs


def test_two_imports_of_the_same_files_into_a_fresh_database(tmp_path):
    folder = _articles(tmp_path / "articles", 12)
    for round_ in range(2):
        db = tmp_path / f"fresh{round_}.db"
        first, second = _run_together(tmp_path, db, folder)
        for (name, status1, reason1), (_, status2, reason2) in zip(first, second, strict=True):
            assert sorted([status1, status2]) == ["duplicate", "imported"], (name, reason1, reason2)
        conn = services.open_db(db)
        assert conn.execute("select count(*) from articles").fetchone()[0] == 12
        # Each migration ran once, whichever process got there first.
        applied = conn.execute("select count(*) from _sqlite_migrations").fetchone()[0]
        assert applied == schema.known_version()


def test_a_lock_held_when_an_import_starts_is_waited_out(tmp_path):
    folder = _articles(tmp_path / "articles", 2)
    db_path = tmp_path / "t.db"
    services.open_db(db_path).conn.close()  # an existing database
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), "1.0", HOLDER_WRITE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        db = services.open_db(db_path)  # opening already needs the database
        results = services.import_paths(db, [folder])
    finally:
        holder.communicate(timeout=30)
    assert [(r.status, r.reason) for r in results] == [("imported", None)] * 2
    names = [r[0] for r in db.execute("select name from actors where name = 'Holder'")]
    assert names == ["Holder"]  # the other process's work landed too


def test_a_lock_held_while_a_fresh_database_is_created_is_waited_out(tmp_path):
    folder = _articles(tmp_path / "articles", 1)
    db_path = tmp_path / "t.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), "1.0", "create table notes (x)"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        db = services.open_db(db_path)  # journal mode change and migrations wait
        results = services.import_paths(db, [folder])
    finally:
        holder.communicate(timeout=30)
    assert [r.status for r in results] == ["imported"]
