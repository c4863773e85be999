"""Damage and versions: a damaged, newer or read-only database opens read-only and says
why; `tracker check`, `backup` and `restore`; a backup before every migration."""

from __future__ import annotations

import importlib
import os
import random
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from tracker import services, store
from tracker.cli import main
from tracker.store import maintenance, schema

connect_module = importlib.import_module("tracker.store.connect")
ARTICLE = "Envoys met in Vienna on {day} May 2024 to talk about round {i} of the grain deal.\n"


def given_a_database_with_articles(path: Path, n: int = 60) -> Path:
    db = services.open_db(path)
    folder = path.parent / f"{path.stem}-articles"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(ARTICLE.format(day=1 + i % 28, i=i), encoding="utf-8")
    results = services.import_paths(db, [folder])
    assert {r.status for r in results} == {"imported"}
    db.conn.close()  # the last connection folds the WAL back into the file
    assert not Path(str(path) + "-wal").exists()
    return path


def when_4kb_of_random_bytes_land_in_the_middle(path: Path) -> None:
    """Random bytes over the middle page of the event rows. (A page of the schema
    itself, which the middle of a small file can be, leaves nothing to open at all.)"""
    page = 4096
    with sqlite3.connect(path) as db:
        pages = [r[0] for r in db.execute("select pageno from dbstat where name = 'events'")]
    db.close()
    middle = (sorted(pages)[len(pages) // 2] - 1) * page
    noise = random.Random(13).randbytes(page)
    with open(path, "r+b") as fh:
        fh.seek(middle)
        fh.write(noise)


def test_a_damaged_database_opens_read_only_and_says_so(tmp_path):
    path = given_a_database_with_articles(tmp_path / "t.db")
    when_4kb_of_random_bytes_land_in_the_middle(path)
    db = services.open_db(path)
    assert db.read_only is not None and "damaged" in db.read_only
    with pytest.raises(store.ReadOnlyDatabase):
        with db.atomic():
            pass


def test_import_into_a_damaged_database_writes_nothing_and_stops(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db")
    when_4kb_of_random_bytes_land_in_the_middle(path)
    before = path.read_bytes()
    new = tmp_path / "new"
    new.mkdir()
    for i in range(3):
        (new / f"n{i}.txt").write_text(ARTICLE.format(day=5, i=100 + i), encoding="utf-8")
    assert main(["import", "--db", str(path), str(new)]) == 1
    err = capsys.readouterr().err
    assert "warning: database is damaged" in err
    assert "n0.txt: database is damaged" in err
    assert "2 files not tried: import stopped (database is damaged" in err
    assert path.read_bytes() == before


def test_check_reports_damage_with_exit_1_and_a_sound_database_with_exit_0(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db")
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "ok       integrity check" in out
    for table in maintenance.FTS_TABLES:
        assert f"ok       full-text index {table}" in out
    assert "60 articles" in out and "no problems found" in out

    when_4kb_of_random_bytes_land_in_the_middle(path)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM" in out and "DAMAGED" in out


def test_check_finds_a_full_text_index_out_of_step(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db", n=3)
    conn = sqlite3.connect(path)
    conn.execute("delete from events_fts")  # the index loses its rows, the table keeps them
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "PROBLEM  full-text index events_fts" in out
    assert "ok       full-text index passages_fts" in out


def test_backup_and_restore_round_trip(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db", n=2)
    copy = tmp_path / "copies" / "t-copy.db"
    assert main(["backup", "--db", str(path), str(copy)]) == 0
    when_4kb_of_random_bytes_land_in_the_middle(path)
    assert main(["restore", "--db", str(path), str(copy)]) == 0
    err = capsys.readouterr().err
    assert "kept as" in err
    db = services.open_db(path)
    assert db.read_only is None
    assert [a.title for a in services.list_articles(db)] != []
    assert len(services.list_articles(db)) == 2
    kept = list(maintenance.backup_folder(path).glob("t-before-restore-*"))
    assert len(kept) == 1


def test_restore_refuses_a_damaged_backup(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db", n=2)
    bad = given_a_database_with_articles(tmp_path / "bad.db", n=40)
    when_4kb_of_random_bytes_land_in_the_middle(bad)
    before = path.read_bytes()
    assert main(["restore", "--db", str(path), str(bad)]) == 1
    assert "bad.db" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_database_from_a_newer_tracker_refuses_writes_and_names_the_version(tmp_path, capsys):
    path = given_a_database_with_articles(tmp_path / "t.db", n=2)
    newer = schema.known_version() + 1
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    db = services.open_db(path)
    assert f"newer Tracker (schema version {newer}" in db.read_only
    assert f"writes version {schema.known_version()}" in db.read_only
    assert len(services.list_articles(db)) == 2  # reads work
    db.conn.close()
    extra = tmp_path / "x.txt"
    extra.write_text(ARTICLE.format(day=9, i=9), encoding="utf-8")
    assert main(["import", "--db", str(path), str(extra)]) == 1
    assert f"schema version {newer}" in capsys.readouterr().err
    assert main(["events", "--db", str(path), "--json"]) == 0


def test_an_unknown_migration_also_means_a_newer_tracker(tmp_path):
    path = given_a_database_with_articles(tmp_path / "t.db", n=1)
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at)"
        " values ('tracker', 'm099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    assert "newer Tracker" in services.open_db(path).read_only


def _migrations_with(today: Migrations, extra: int) -> Migrations:
    """Today's migrations plus ``extra`` later ones, as a later Tracker would have."""
    later = Migrations("tracker")
    for migration in today._migrations:
        later(name=migration.name)(migration.fn)
    for k in range(extra):

        def step(db, k=k):
            db.execute(f"create table later_{k} (x)")

        later(name=f"test_later_{k}")(step)
    return later


def test_every_migration_of_an_existing_database_is_backed_up_first_keeping_three(
    tmp_path, monkeypatch
):
    path = given_a_database_with_articles(tmp_path / "t.db", n=2)
    base, today = schema.known_version(), schema.migrations
    for extra in range(1, 5):
        monkeypatch.setattr(schema, "migrations", _migrations_with(today, extra))
        db = services.open_db(path)
        assert store.schema_version(db) == base + extra
        db.conn.close()
    backups = sorted(maintenance.backup_folder(path).iterdir())
    assert len(backups) == maintenance.BACKUPS_KEPT
    versions = sorted(int(b.name.split("-schema")[1].split("-")[0]) for b in backups)
    assert versions == [base + 1, base + 2, base + 3]  # the oldest (schema `base`) was pruned
    old = sqlite3.connect(backups[0])
    tables = {r[0] for r in old.execute("select name from sqlite_master")}
    assert "articles" in tables and "later_0" in tables and "later_3" not in tables


def test_a_fresh_database_needs_no_backup(tmp_path):
    services.open_db(tmp_path / "t.db")
    assert not maintenance.backup_folder(tmp_path / "t.db").exists()


def _read_only_folder(path: Path):
    os.chmod(path.parent, 0o555)
    os.chmod(path, 0o444)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_database_in_a_read_only_folder_opens_for_reading(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = given_a_database_with_articles(folder / "t.db", n=2)
    _read_only_folder(path)
    try:
        db = services.open_db(path)
        assert "read-only" in db.read_only
        assert len(services.list_articles(db)) == 2
    finally:
        os.chmod(folder, 0o755)


def test_read_only_files_and_folders_open_for_reading(tmp_path, monkeypatch, capsys):
    # As root (CI containers) chmod does not stop writes, so the permission
    # probe is made to answer as it would for a normal user; the connection
    # itself is then a real read-only one.
    path = given_a_database_with_articles(tmp_path / "t.db", n=2)
    real_access = os.access
    monkeypatch.setattr(
        connect_module.os,
        "access",
        lambda p, mode: False if mode & os.W_OK else real_access(p, mode),
    )
    before = path.read_bytes()
    assert main(["articles", "--db", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "read-only" in err and '"events": 1' in out
    extra = tmp_path / "x.txt"
    extra.write_text(ARTICLE.format(day=9, i=9), encoding="utf-8")
    assert main(["import", "--db", str(path), str(extra)]) == 1
    assert "x.txt: the database file is read-only" in capsys.readouterr().err
    assert path.read_bytes() == before
    with pytest.raises(store.StoreError):
        services.open_db(tmp_path / "new.db")  # cannot be created there


def test_a_file_that_is_not_a_database_is_one_line(tmp_path, capsys):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"plain notes " * 500)
    assert main(["check", "--db", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "not a Tracker database" in err and "Traceback" not in err
