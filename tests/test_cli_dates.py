"""CLI specs for article dates: per-file dates, unknown dates, how each date was found."""

from __future__ import annotations

import json

from tracker.cli import main

UNDATED = "Harbour reopens\nThe port authority said ships docked on Monday.\n"


def _articles(db, capsys) -> list[dict]:
    capsys.readouterr()
    assert main(["articles", "--db", str(db), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_dates_from_paths(tmp_path, capsys):
    folder = tmp_path / "2025-03-10"
    folder.mkdir()
    (folder / "248.txt").write_text(UNDATED, encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["import", "--db", str(db), "--dates-from", "path", str(folder)]) == 0
    [article] = _articles(db, capsys)
    assert (article["date"], article["date_source"]) == ("2025-03-10", "path")


def test_dates_from_a_csv_and_a_clear_error_for_a_bad_row(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    listing = tmp_path / "dates.csv"
    listing.write_text("a.txt,2025-03-11\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["import", "--db", str(db), "--dates", str(listing), str(tmp_path / "a.txt")]) == 0
    [article] = _articles(db, capsys)
    assert (article["date"], article["date_source"]) == ("2025-03-11", "cli")

    listing.write_text("a.txt,2025-03-11\nb.txt,11/03/2025\n", encoding="utf-8")
    assert main(["import", "--db", str(db), "--dates", str(listing), str(tmp_path)]) == 2
    assert "dates.csv row 2" in capsys.readouterr().err


def test_an_undated_article_is_unknown_with_a_suggestion_not_a_date(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    db = tmp_path / "t.db"
    assert main(["import", "--db", str(db), str(tmp_path / "a.txt")]) == 0
    assert "date unknown" in capsys.readouterr().out
    [article] = _articles(db, capsys)
    assert article["date"] is None and article["date_source"] == "none"
    assert article["suggested_date"]  # the file's day, offered for review
    assert main(["articles", "--db", str(db)]) == 0
    assert "unknown (suggested " in capsys.readouterr().out


def test_extract_reports_how_the_date_was_found(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text("Harbour reopens\nCALAIS, March 3 (Wire) - Ships docked. 2025 and 2025.\n")
    assert main(["extract", str(story), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)["article"]
    assert (article["anchor_date"], article["anchor_source"]) == ("2025-03-03", "dateline+year")
