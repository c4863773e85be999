"""Each file is read under a time and memory budget in a worker: one file fails alone.

The pathological input is generated here: a few megabytes of dated sentences
in one paragraph, far more than an article, which no budget below lets
through. Budgets are tiny so the tests stay quick; every wait is bounded by
the budget itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from tracker import services, workers

LINE = (
    "Envoys met in Vienna on 4 May 2023 and agreed to meet again on 9 June 2023, officials said. "
)


def given_a_batch_with_one_pathological_file(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks\n\nMinisters met in Geneva on 3 March 2024 to discuss a ceasefire.\n"
    )
    (folder / "b_huge.txt").write_text("Huge\n\n" + LINE * (3_000_000 // len(LINE)))
    (folder / "c.txt").write_text(
        "More talks\n\nThe summit opened in Doha on 5 April 2024, officials said.\n"
    )
    return folder


def statuses(results: list[services.ImportResult]) -> list[tuple[str, str, str | None]]:
    return [(Path(r.path).name, r.status, r.reason) for r in results]


def test_a_file_over_the_time_budget_fails_alone_and_the_batch_goes_on(tmp_path):
    folder = given_a_batch_with_one_pathological_file(tmp_path / "in")
    db = services.open_db(tmp_path / "t.db")
    seen: list[str] = []
    results = services.import_paths(
        db,
        [folder],
        budget=workers.Budget(seconds=2.0),
        on_result=lambda r: seen.append(Path(r.path).name),
    )
    assert statuses(results) == [
        ("a.txt", "imported", None),
        ("b_huge.txt", "failed", "too complex to read in 2 s"),
        ("c.txt", "imported", None),
    ]
    assert seen == ["a.txt", "b_huge.txt", "c.txt"]
    assert db.execute("select count(*) from articles").fetchone()[0] == 2


def test_a_file_over_the_memory_budget_fails_alone_and_the_batch_goes_on(tmp_path):
    folder = given_a_batch_with_one_pathological_file(tmp_path / "in")
    db = services.open_db(tmp_path / "t.db")
    results = services.import_paths(db, [folder], budget=workers.Budget(memory_mb=48))
    assert statuses(results) == [
        ("a.txt", "imported", None),
        ("b_huge.txt", "failed", "too large to read in memory (over 48 MB)"),
        ("c.txt", "imported", None),
    ]


def test_the_cli_names_the_file_and_the_reason(tmp_path, capsys, monkeypatch):
    from tracker import cli

    folder = given_a_batch_with_one_pathological_file(tmp_path / "in")
    monkeypatch.setattr(services, "DEFAULT_BUDGET", workers.Budget(seconds=2.0))
    code = cli.main(["import", "--db", str(tmp_path / "t.db"), str(folder)])
    err = capsys.readouterr().err
    assert code == 1
    assert "b_huge.txt" in err and "too complex to read in 2 s" in err


# ------------------------------------------------------------ the pool itself


def _crash(code: int) -> None:
    os._exit(code)


def _double(x: int) -> int:
    return 2 * x


def _hold(n_mb: int) -> int:
    return len(bytearray(n_mb * 1024 * 1024))


def test_a_reader_that_dies_fails_its_task_and_the_next_task_runs():
    pool = workers.WorkerPool(1)
    try:
        tasks = [("a", _double, (1,)), ("b", _crash, (3,)), ("c", _double, (5,))]
        out = dict(pool.run(tasks, workers.Budget(seconds=60)))
    finally:
        pool.close()
    assert out["a"] == 2 and out["c"] == 10
    assert out["b"] == workers.Failure("crash", "the reader stopped unexpectedly (exit status 3)")


def test_memory_over_the_budget_is_refused_inside_the_worker():
    pool = workers.WorkerPool(1)
    try:
        tasks = [("big", _hold, (400,)), ("small", _hold, (1,))]
        out = dict(pool.run(tasks, workers.Budget(seconds=60, memory_mb=100)))
    finally:
        pool.close()
    assert out["big"] == workers.Failure("memory", "too large to read in memory (over 100 MB)")
    assert out["small"] == 1024 * 1024
