"""A killed import never leaves a damaged database or a half-imported article."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from tracker import extract

ROOT = Path(__file__).resolve().parent.parent


def _article(i: int) -> str:
    day = 1 + i % 28
    lines = [f"Round {i} of talks", ""]
    for j in range(40):
        lines.append(
            f"Delegation {j} met envoys in Geneva on {day} March 2024 and again on "
            f"{1 + (day + j) % 28} April 2024, officials said on Tuesday (item {i}-{j})."
        )
    return "\n".join(lines)


def test_sigkill_mid_import_leaves_a_sound_database_with_only_whole_articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i:03}.txt").write_text(_article(i), encoding="utf-8")
    db_path = tmp_path / "t.db"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tracker",
            "import",
            "--db",
            str(db_path),
            "--anchor",
            "2024-03-20",
            str(folder),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            if db_path.exists():
                try:
                    with sqlite3.connect(db_path, timeout=1) as conn:
                        if conn.execute("select count(*) from articles").fetchone()[0] >= 5:
                            break
                except sqlite3.OperationalError:
                    pass  # schema not created yet
        assert proc.poll() is None, "import finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()

    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    articles = conn.execute("select id, text from articles").fetchall()
    assert 5 <= len(articles) < 400
    for article_id, text in articles:
        expected = len(extract.extract_events(text, date(2024, 3, 20)))
        stored = conn.execute(
            "select count(*) from events where article_id = ?", [article_id]
        ).fetchone()[0]
        assert stored == expected, f"article {article_id} is incomplete"
        orphan = conn.execute(
            "select count(*) from events e where e.article_id = ? and not exists"
            " (select 1 from passages p where p.event_id = e.id)",
            [article_id],
        ).fetchone()[0]
        assert orphan == 0
