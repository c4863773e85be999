"""Import use-case specs: mixed good and bad files, duplicates, re-anchoring, edits."""

from __future__ import annotations

import os
from datetime import date

import pytest

from tracker import services
from tracker.services import EventFilter

ARTICLE = (
    "NATO ministers meet in Brussels\n\n"
    "BRUSSELS, 13 November 2024 - Foreign ministers of the alliance met in Brussels on "
    "13 November 2024 to discuss support for Ukraine. The next summit will be held in "
    "The Hague in June 2025.\n"
)
RELATIVE = (
    "Talks resume\n\nDiplomats said on Tuesday that the talks will resume. "
    "The two delegations met yesterday in Geneva.\n"
)


@pytest.fixture
def db():
    return services.open_db(":memory:")


def test_a_mixed_drop_imports_every_good_file_and_names_each_bad_one(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (tmp_path / "notes.xyz").write_text("hello")
    big = tmp_path / "big.txt"
    big.write_text("word " * 3000)

    paths = [
        good,
        tmp_path / "empty.txt",
        tmp_path / "binary.txt",
        tmp_path / "broken.pdf",
        tmp_path / "notes.xyz",
        big,
        tmp_path / "missing.txt",
    ]
    results = {
        os.path.basename(r.path): r for r in services.import_paths(db, paths, max_bytes=10_000)
    }

    assert results["good.txt"].status == "imported"
    assert results["good.txt"].events >= 2
    for name in ("empty.txt", "binary.txt", "broken.pdf", "notes.xyz", "big.txt", "missing.txt"):
        assert results[name].status == "failed", name
        assert results[name].reason, name
    assert "unsupported" in results["notes.xyz"].reason
    assert "empty" in results["empty.txt"].reason
    assert "large" in results["big.txt"].reason
    assert [a.title for a in services.list_articles(db)] == ["NATO ministers meet in Brussels"]


def test_reimporting_identical_content_is_a_duplicate_and_changes_nothing(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    first = services.import_paths(db, [f])[0]
    before = {t: db[t].count for t in ("articles", "events", "passages", "actors")}
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    again = services.import_paths(db, [f, copy])
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert again[0].article_id == first.article_id
    assert {t: db[t].count for t in before} == before


def test_folders_are_imported_recursively_skipping_unsupported_files(db, tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.md").write_text(RELATIVE, encoding="utf-8")
    (tmp_path / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "sub" / ".git").mkdir()
    (tmp_path / "sub" / ".git" / "notes.txt").write_text(RELATIVE + "(hidden)", encoding="utf-8")
    # A folder dropped together with a file inside it yields that file once.
    results = services.import_paths(
        db, [tmp_path, tmp_path / "sub" / "one.txt"], anchor=date(2024, 11, 13)
    )
    assert sorted(os.path.basename(r.path) for r in results) == ["one.txt", "two.md"]
    assert all(r.status == "imported" for r in results)


def test_explicit_dates_keep_their_value_and_granularity(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    services.import_paths(db, [f])
    events = services.list_events(db)
    pairs = {(e.date, e.granularity) for e in events}
    assert ("2024-11-13", "day") in pairs
    assert ("2025-06", "month") in pairs
    for ev in events:
        p = ev.passages[0]
        article = services.get_article(db, ev.article_id)
        assert article.text[p.timex_start : p.timex_end] == p.timex


def test_reanchor_moves_relative_dates_and_keeps_absolute_ones(db, tmp_path):
    f = tmp_path / "rel.txt"
    f.write_text(RELATIVE + "They first met on 2 March 2023.\n", encoding="utf-8")
    [res] = services.import_paths(db, [f], anchor=date(2024, 11, 13))  # a Wednesday
    before = {p.timex: e.date for e in services.list_events(db) for p in e.passages}
    assert before["yesterday"] == "2024-11-12"
    services.reanchor(db, res.article_id, date(2025, 1, 20))
    after = {p.timex: e.date for e in services.list_events(db) for p in e.passages}
    assert after["yesterday"] == "2025-01-19"
    assert after["2 March 2023"] == before["2 March 2023"] == "2023-03-02"
    article = services.get_article(db, res.article_id)
    assert (article.anchor_date, article.date_source) == ("2025-01-20", "user")


def test_an_edit_survives_reanchoring(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    [res] = services.import_paths(db, [f])
    target = next(e for e in services.list_events(db) if e.date == "2024-11-13")
    services.edit_event(db, target.id, title="Alliance ministers meet", type="meeting")
    services.reanchor(db, res.article_id, date(2024, 11, 14))
    titles = [e.title for e in services.list_events(db, EventFilter(type="meeting"))]
    assert "Alliance ministers meet" in titles


def test_a_reverted_date_edit_follows_the_article_date_again(db, tmp_path):
    f = tmp_path / "rel.txt"
    f.write_text(RELATIVE, encoding="utf-8")
    [res] = services.import_paths(db, [f], anchor=date(2024, 11, 13))
    target = next(e for e in services.list_events(db) if e.passages[0].timex == "yesterday")
    services.edit_event(db, target.id, date="2024-10-01")
    assert services.edited_fields(db, target.id) == {"date"}
    services.revert_edit(db, target.id, date=target.date)
    assert services.edited_fields(db, target.id) == set()
    assert services.get_event(db, target.id).date == "2024-11-12"
    services.reanchor(db, res.article_id, date(2025, 1, 20))
    assert services.get_event(db, target.id).date == "2025-01-19"


def test_undoing_a_reanchor_puts_back_the_date_and_its_source(db, tmp_path):
    f = tmp_path / "undated.txt"
    f.write_text(RELATIVE, encoding="utf-8")
    [res] = services.import_paths(db, [f])
    services.reanchor(db, res.article_id, date(2024, 11, 13), "assumed")
    before = services.get_article(db, res.article_id)
    services.reanchor(db, res.article_id, date(2025, 1, 20))
    services.reanchor(
        db, res.article_id, date.fromisoformat(before.anchor_date), before.date_source
    )
    after = services.get_article(db, res.article_id)
    assert (after.anchor_date, after.date_source, after.date_assumed) == (
        "2024-11-13",
        "assumed",
        True,
    )
    services.reanchor(db, res.article_id, None, "none")
    assert services.get_article(db, res.article_id).anchor_date is None


def test_an_undated_file_stays_unknown_with_its_file_day_as_a_suggestion(db, tmp_path):
    f = tmp_path / "undated.txt"
    f.write_text(RELATIVE, encoding="utf-8")
    os.utime(f, (1731456000, 1731456000))  # 2024-11-13
    [res] = services.import_paths(db, [f])
    assert res.date_assumed and res.date_source == "none"
    article = services.get_article(db, res.article_id)
    assert (article.anchor_date, article.date_source, article.suggested_date) == (
        None,
        "none",
        "2024-11-13",
    )
    assert article.date_unknown and article.date_assumed
    # Nothing was dated by the file's day: relative dates stay unresolved.
    assert all(e.date is None or e.relative is False for e in services.list_events(db))


def test_dropped_text_becomes_an_article(db):
    res = services.import_text(db, text=ARTICLE)
    assert res.status == "imported"
    assert services.get_article(db, res.article_id).title == "NATO ministers meet in Brussels"
    assert services.import_text(db, text="   ").status == "failed"
