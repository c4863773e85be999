"""CLI input specs: every bad argument is a usage error, every file name prints safely."""

from __future__ import annotations

import json
import os
import sys

import pytest

from tracker.cli import main
from tracker.cli_args import printable

ARTICLE = "Ministers met in Lisbon on 3 May 2024 to discuss fishing quotas.\n"


def usage_error(args: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--article", "99999999999999999999999"],
        ["events", "--article", "0"],
        ["events", "--article", "seven"],
        ["events", "--from", "xxxxx"],
        ["events", "--from", "2024-13-45"],
        ["events", "--to", "2024-02-30"],
        ["export", "--from", "2024-1"],
        ["anchor", "99999999999999999999999", "2024-01-01"],
        ["anchor", "1", "0001-01-01"],
        ["import", "--max-mb", "inf", "x.txt"],
        ["import", "--max-mb", "-3", "x.txt"],
        ["import", "--max-mb", "nan", "x.txt"],
        ["extract", "x.txt", "--anchor", "2024-02-30"],
    ],
)
def test_bad_arguments_are_usage_errors_naming_the_option(args, tmp_path, capsys):
    if args[0] != "extract":
        args = [args[0], "--db", str(tmp_path / "t.db"), *args[1:]]
    err = usage_error(args, capsys)
    assert "error:" in err


def test_valid_date_bounds_at_each_precision_filter_events(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["import", "--db", db, str(f)]) == 0
    capsys.readouterr()
    for bound, count in (("2024", 1), ("2024-05", 1), ("2024-05-04", 0), ("2025", 0)):
        assert main(["events", "--db", db, "--json", "--from", bound]) == 0
        assert len(json.loads(capsys.readouterr().out)) == count, bound


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs arbitrary byte names")
def test_a_non_utf8_file_name_is_imported_and_printed_escaped(tmp_path, capsys):
    name = os.fsdecode(b"caf\xe9 notes.txt")  # latin-1 byte: a surrogate escape in Python
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["import", "--db", db, str(tmp_path / name)]) == 0
    out = capsys.readouterr().out
    assert "imported  " in out and "caf\\xe9 notes.txt: 1 events" in out
    assert main(["articles", "--db", db, "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert article["path"].endswith("caf\\xe9 notes.txt")


@pytest.mark.skipif(sys.platform == "win32", reason="needs control characters in names")
def test_escape_sequences_and_newlines_in_file_names_are_not_echoed_raw(tmp_path, capsys):
    name = "red\x1b[31m\nfake line.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "gone\x1b]0;title\x07.txt"
    db = str(tmp_path / "t.db")
    assert main(["import", "--db", db, str(tmp_path / name), str(missing)]) == 1
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert "\x1b" not in stream and "\x07" not in stream
    assert "red\\x1b[31m\\nfake line.txt: 1 events" in out
    assert "gone\\x1b]0;title\\x07.txt: file not found" in err
    assert len(out.splitlines()) == 1


def test_shown_escapes_what_a_terminal_would_act_on():
    assert printable("plain café") == "plain café"
    assert printable("a\tb\r\n") == "a\\tb\\r\\n"
    assert printable("\x9b2J") == "\\x9b2J"  # the 8-bit CSI
    assert printable("abc\u202egpj.txt") == "abc\\u202egpj.txt"  # right-to-left override
    assert printable(os.fsdecode(b"\xff")) == "\\xff"


def test_extract_on_a_folder_says_it_is_a_folder(tmp_path, capsys):
    assert main(["extract", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "extension" not in err


def test_an_unexpected_error_is_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    import tracker.services

    def boom(*_a, **_k):
        raise ValueError("something odd")

    monkeypatch.delenv("TRACKER_DEBUG", raising=False)
    monkeypatch.setattr(tracker.services, "list_articles", boom)
    assert main(["articles", "--db", str(tmp_path / "t.db")]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err and "something odd" in err and "Traceback" not in err
