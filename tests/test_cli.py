"""CLI specs: round trip in every format, exit codes, extract contract, help and README."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from filemakers import make_docx, make_eml, make_html, make_pdf

from tracker.cli import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parent.parent

PARAS = [
    "Foreign ministers of the alliance met in Brussels on 13 November 2024.",
    "The leaders agreed to meet again in March 2025.",
]


def _write_all_formats(folder: Path) -> dict[str, Path]:
    txt = folder / "a.txt"
    txt.write_text(
        "Ministers meet\n\nBRUSSELS, 13 November 2024 - " + " ".join(PARAS), encoding="utf-8"
    )
    md = folder / "b.md"
    md.write_text("# Kyiv visit\n\nThe envoy visited Kyiv on 2 October 2024.\n", encoding="utf-8")
    return {
        "txt": txt,
        "md": md,
        "html": make_html(
            folder / "c.html",
            "Summit in Helsinki",
            "2024-09-01",
            [
                "The presidents met in Helsinki on 30 August 2024 for talks on trade.",
                "A second round is planned for December 2024.",
            ],
        ),
        "pdf": make_pdf(
            folder / "d.pdf",
            ["Ceasefire talks in Doha", "Negotiators met in Doha on 15 July 2024."],
        ),
        "docx": make_docx(
            folder / "e.docx",
            "Election in Moldova",
            ["Moldova held a presidential election on 20 October 2024."],
        ),
        "eml": make_eml(
            folder / "f.eml",
            "Tokyo meeting",
            "Mon, 04 Nov 2024 09:00:00 +0000",
            "The ministers met in Tokyo on 4 November 2024 to sign an accord.\n",
        ),
    }


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_round_trip_import_events_export_in_every_format(tmp_path, capsys):
    files = _write_all_formats(tmp_path)
    db = str(tmp_path / "t.db")
    code, out, err = run(["import", "--db", db, *map(str, files.values())], capsys)
    assert code == 0, err
    assert out.count("imported") == 6

    code, out, _ = run(["events", "--db", db, "--json"], capsys)
    dates = {e["date"] for e in json.loads(out)}
    assert {
        "2024-11-13",
        "2024-10-02",
        "2024-08-30",
        "2024-07-15",
        "2024-10-20",
        "2024-11-04",
    } <= dates

    out_csv = tmp_path / "out.csv"
    code, _, _ = run(["export", "--db", db, "--format", "csv", "--out", str(out_csv)], capsys)
    assert code == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert {r["date"] for r in rows} >= dates - {None}
    assert any(r["article_title"] == "Election in Moldova" for r in rows)


def test_export_applies_the_same_filters_as_events(tmp_path, capsys):
    files = _write_all_formats(tmp_path)
    db = str(tmp_path / "t.db")
    run(["import", "--db", db, *map(str, files.values())], capsys)
    _, out, _ = run(["events", "--db", db, "--json", "--search", "Doha"], capsys)
    expected = {e["id"] for e in json.loads(out)}
    assert expected
    _, out, _ = run(["export", "--db", db, "--search", "Doha"], capsys)
    assert {int(r["event_id"]) for r in csv.DictReader(io.StringIO(out))} == expected


def test_bad_files_fail_by_name_with_exit_status_1_and_the_rest_are_imported(tmp_path, capsys):
    files = _write_all_formats(tmp_path)
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    db = str(tmp_path / "t.db")
    code, out, err = run(
        ["import", "--db", db, str(files["txt"]), str(bad), str(files["pdf"])], capsys
    )
    assert code == 1
    assert out.count("imported") == 2
    assert re.search(r"bad\.docx: .+", err)


def test_the_database_may_be_named_before_or_after_the_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "default.db"))
    article = tmp_path / "a.txt"
    article.write_text("Ministers meet\n\nBRUSSELS, 13 November 2024 - " + PARAS[0])
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert main(["--db", str(before), "import", str(article)]) == 0
    assert main(["import", "--db", str(after), str(article)]) == 0
    capsys.readouterr()
    assert not (tmp_path / "default.db").exists()
    for first in (["--db", str(before), "events"], ["events", "--db", str(after)]):
        assert main(first) == 0
        assert "Brussels" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import", "--anchor", "13/11/2024", "x.txt"])
    assert exc.value.code == 2


def test_extract_prints_the_design_contract(tmp_path):
    f = tmp_path / "a.txt"
    text = "Talks\r\n\r\nThe ministers met on 13 November 2024 and will meet again next week."
    f.write_bytes(text.encode("utf-8"))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tracker",
            "extract",
            str(f),
            "--anchor",
            "2024-11-13",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    data = json.loads(proc.stdout)
    assert data["article"]["anchor_date"] == "2024-11-13"
    assert data["article"]["anchor_source"] == "cli"
    for t in data["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]
        assert t["type"] in ("DATE", "TIME", "DURATION", "SET")
    assert {"text": "13 November 2024", "type": "DATE", "value": "2024-11-13"}.items() <= next(
        t for t in data["timexes"] if t["text"] == "13 November 2024"
    ).items()
    for e in data["events"]:
        assert text[e["timex_start"] : e["timex_end"]] == e["timex"]
        assert e["sentence_start"] <= e["timex_start"] < e["timex_end"] <= e["sentence_end"]
        assert set(e) >= {
            "date",
            "date_end",
            "granularity",
            "title",
            "type",
            "modality",
            "confidence",
            "importance",
            "actors",
            "location",
        }


@pytest.mark.parametrize(("flag", "value"), [([], "2021-03-04"), (["--day-first"], "2021-04-03")])
def test_extract_day_first_reads_the_day_before_the_month(tmp_path, capsys, flag, value):
    f = tmp_path / "a.txt"
    f.write_text("The ministers signed the accord on 03/04/2021.", encoding="utf-8")
    code, out, err = run(["extract", str(f), "--anchor", "2024-11-13", *flag], capsys)
    assert code == 0, err
    assert [(t["text"], t["value"]) for t in json.loads(out)["timexes"]] == [("03/04/2021", value)]


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)
    for name, parser in sub.choices.items():
        assert parser.description or sub._name_parser_map[name].format_help()
        assert any(a.help for a in sub._choices_actions if a.dest == name), name
        assert f"tracker {name}" in readme, name


def test_articles_and_anchor_commands(tmp_path, capsys):
    f = tmp_path / "rel.txt"
    f.write_text("Talks\n\nThe delegations met yesterday in Geneva.", encoding="utf-8")
    db = str(tmp_path / "t.db")
    run(["import", "--db", db, "--anchor", "2024-11-13", str(f)], capsys)
    _, out, _ = run(["articles", "--db", db, "--json"], capsys)
    [art] = json.loads(out)
    assert art["date"] == "2024-11-13"
    code, _, _ = run(["anchor", "--db", db, str(art["id"]), "2024-12-01"], capsys)
    assert code == 0
    _, out, _ = run(["events", "--db", db, "--json"], capsys)
    assert [e["date"] for e in json.loads(out)] == ["2024-11-30"]
    code, _, err = run(["anchor", "--db", db, "999", "2024-12-01"], capsys)
    assert code == 1 and "999" in err


def test_a_database_or_output_that_cannot_be_used_is_one_line_on_stderr(tmp_path, capsys):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"plain notes, not a database " * 100)
    assert main(["events", "--db", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "notes.db" in err and "Traceback" not in err

    db = str(tmp_path / "t.db")
    out = tmp_path / "missing" / "folder" / "out.csv"
    assert main(["export", "--db", db, "--out", str(out)]) == 1
    assert "out.csv" in capsys.readouterr().err


def test_export_publishes_html_timelinejs_ics_and_pdf(tmp_path, capsys):
    files = _write_all_formats(tmp_path)
    db = str(tmp_path / "t.db")
    run(["import", "--db", db, *map(str, files.values())], capsys)
    _, out, _ = run(["events", "--db", db, "--json"], capsys)
    n = len(json.loads(out))
    _, out, _ = run(["export", "--db", db, "--format", "ics"], capsys)
    assert out.startswith("BEGIN:VCALENDAR") and out.count("BEGIN:VEVENT") <= n
    _, out, _ = run(["export", "--db", db, "--format", "timelinejs"], capsys)
    assert json.loads(out)["events"]
    html_file = tmp_path / "t.html"
    run(["export", "--db", db, "--format", "html", "--out", str(html_file)], capsys)
    assert "<svg" in html_file.read_text(encoding="utf-8")
    pdf = tmp_path / "t.pdf"
    run(["export", "--db", db, "--format", "pdf", "--out", str(pdf)], capsys)
    assert pdf.read_bytes().startswith(b"%PDF")
    code, _, err = run(["export", "--db", db, "--format", "pdf"], capsys)
    assert code == 2 and "--out" in err
