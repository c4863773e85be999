"""Specs for article publication dates in the shapes real files carry them.

Every article here is written for these tests; the shapes (wire datelines,
broadcast transcripts, newspaper pages saved as text, PDFs, e-mail
newsletters) are the ones real news comes in, including their traps.
"""

from __future__ import annotations

import datetime
import os

import pytest
from filemakers import make_eml, make_pdf

from tracker import services
from tracker.ingest import find_publication, path_date, read_file, resolve_with_batch
from tracker.ingest.dateline import scan_head

D = datetime.date
BODY = "\nThe ministers talked for three hours and agreed to meet again soon.\n"


# ------------------------------------------------------------------ shapes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Wire copy: headline, then the dateline opening the first paragraph.
        (
            "Ferry strike ends after four days\nCALAIS, March 3, 2025 (Wire) - Dockers voted to "
            "return to work on Monday.",
            D(2025, 3, 3),
        ),
        # A newspaper page saved as text: headline, standfirst, dateline and lead on one line.
        (
            "Harbour reopens as storm passes Engineers say repairs will take weeks Tuesday 4 "
            "March 2025 08.43 GMT The port authority said the first ships docked at noon.",
            D(2025, 3, 4),
        ),
        # After a photo caption and credit.
        (
            "Harbour reopens\nA crane lifts a container at dawn.\nPhotograph: Ana Ruiz/Agency\n"
            "Credit: Agency/Ana Ruiz LISBON | Wed Mar 5, 2025 3:12pm EST\nThe port reopened.",
            D(2025, 3, 5),
        ),
        # A broadcast transcript header.
        (
            "Storm Special; Interview with the Mayor Aired March 6, 2025 - 20:00:00 ET\n"
            "THIS IS A TRANSCRIPT.\nHOST: Good evening.",
            D(2025, 3, 6),
        ),
        # A byline with a numeric, day-first date (13 > 12 settles it).
        ("Harbour reopens\nBy Jane Doe, 13/03/2025\nThe port reopened.", D(2025, 3, 13)),
        # A byline glued to the dateline by a scraper.
        (
            "Harbour reopens\nBy Jane Doe, staff reporterMarch 7, 2025: 5:11 PM ET\nThe port.",
            D(2025, 3, 7),
        ),
        # "Published" label; an "Updated" stamp earlier on the line does not win.
        (
            "Harbour reopens\nUpdated 9 March 2025 | Published 8 March 2025\n" + BODY,
            D(2025, 3, 8),
        ),
        # A date line on its own below the headline.
        ("Harbour reopens\nSaturday, 8 March 2025\n" + BODY, D(2025, 3, 8)),
        # A two-digit year.
        ("Harbour reopens\nPosted 13/03/25\n" + BODY, D(2025, 3, 13)),
        # An ISO time stamp in a byline.
        ("Harbour reopens\nBy Tomas Reyes | 2025-03-08T10:02:00Z\n" + BODY, D(2025, 3, 8)),
    ],
)
def test_publication_dates_in_real_layouts(text, expected):
    found = find_publication(text)
    assert (found.date, found.source) == (expected, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        # A lead sentence that opens with an event date is not a dateline.
        "24 February 2022: troops cross the border\nThe invasion began before dawn.",
        "Timeline of the crisis\n3 March 2025: ministers meet in Lisbon.",
        # An event date inside a running sentence, even near the top.
        "Harbour reopens\nDockers voted on 3 March 2025 to return to work.",
        "Harbour reopens\n3 March 2025 was the first calm day in a week.",
        # A weekday that contradicts its day: one of them is wrong, so neither is used.
        "Harbour reopens\nTuesday 5 March 2025 08.43 GMT\n" + BODY,
        # A reader's comment stamp is not the article's date.
        "Harbour reopens\nGreat news for the town.\nMarch 9, 2025 at 9:47 am | Report abuse |\n",
        # A lone month-and-day with no dateline shape.
        "Harbour reopens\nOn March 3 the dockers met.\n",
        # A date far below the top.
        "Harbour reopens\n" + "A line of text.\n" * 20 + "8 March 2025\n",
    ],
)
def test_no_publication_date_from_event_dates_or_contradictions(text):
    found = find_publication(text)
    assert found.date is None and found.source == "none"


def test_an_updated_stamp_alone_is_only_a_suggestion():
    found = find_publication("Harbour reopens\nUpdated: 9 March 2025 10:02\n" + BODY)
    assert (found.date, found.suggested) == (None, D(2025, 3, 9))


# ------------------------------------------------------------------ day first or month first


def test_a_numeric_date_that_reads_both_ways_is_never_guessed():
    text = "Harbour reopens\nBy Jane Doe, 04/03/2025\n" + BODY
    found = find_publication(text)
    assert found.date is None and found.pending is not None
    assert find_publication(text, day_first=True).date == D(2025, 3, 4)
    assert find_publication(text, day_first=False).date == D(2025, 4, 3)


def test_a_weekday_settles_which_reading_is_meant():
    # 4 March 2025 is a Tuesday; 3 April 2025 a Thursday.
    assert find_publication("Harbour reopens\nTue 04/03/2025 10:00\n" + BODY).date == D(2025, 3, 4)
    assert find_publication("Harbour reopens\nThu 04/03/2025 10:00\n" + BODY).date == D(2025, 4, 3)


def test_month_first_when_the_second_number_is_over_twelve():
    assert find_publication("Harbour reopens\nPosted 03/13/2025\n" + BODY).date == D(2025, 3, 13)


# ------------------------------------------------------------------ year-less datelines


WIRE_NO_YEAR = "Dockers end strike\nCALAIS, Dec. 30 (Wire) - Dockers voted to return to work."


def test_a_year_less_dateline_takes_its_year_from_the_file_name():
    found = find_publication(WIRE_NO_YEAR, path="news/2025-01-02-calais.txt")
    assert (found.date, found.source) == (D(2024, 12, 30), "dateline+year")
    assert "file name" in (found.note or "")


def test_a_year_less_dateline_takes_a_year_the_text_names_twice_and_only():
    text = WIRE_NO_YEAR + " The 2024 season was the busiest. Traffic in 2024 doubled."
    found = find_publication(text)
    assert (found.date, found.source) == (D(2024, 12, 30), "dateline+year")


def test_one_historical_year_in_the_text_settles_nothing():
    text = WIRE_NO_YEAR + " The last strike of this length was in 1998."
    found = find_publication(text)
    assert found.date is None and found.pending is not None


def test_a_year_less_dateline_with_a_weekday_picks_the_year_it_fits():
    # 30 December is a Monday in 2024 and a Saturday in 2023.
    text = "Dockers end strike\nCALAIS, Mon Dec 30 10:15 GMT - Talks ended. Unlike 2023, 2024 was calm."
    assert find_publication(text).date == D(2024, 12, 30)


def test_a_batch_spanning_new_year_settles_year_less_datelines():
    dateline = find_publication(WIRE_NO_YEAR).pending
    assert dateline is not None
    batch = [D(2024, 12, 28), D(2024, 12, 31), D(2025, 1, 2), D(2025, 1, 3)]
    settled = resolve_with_batch(dateline, batch)
    assert settled is not None and settled.date == D(2024, 12, 30)
    january = find_publication("Port news\nCALAIS, Jan. 2 (Wire) - Ships sailed.").pending
    assert january is not None
    assert resolve_with_batch(january, batch).date == D(2025, 1, 2)


def test_a_batch_spread_over_years_settles_nothing():
    dateline = find_publication(WIRE_NO_YEAR).pending
    assert dateline is not None
    assert resolve_with_batch(dateline, [D(2022, 12, 1), D(2024, 12, 1)]) is None
    assert resolve_with_batch(dateline, []) is None


# ------------------------------------------------------------------ paths


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("2024-11-13/248.txt", D(2024, 11, 13)),
        ("news/2024-11-13-blinken.txt", D(2024, 11, 13)),
        ("20241113_brussels.html", D(2024, 11, 13)),
        ("archive/2024/11/13/story.txt", D(2024, 11, 13)),
        ("2023-01-01/2024_11_13 notes.txt", D(2024, 11, 13)),  # the file beats its folder
        ("report-2024.txt", None),
        ("20241313_x.txt", None),
        ("invoice 1234567890.txt", None),
    ],
)
def test_dates_in_file_names_and_folders(path, expected):
    assert path_date(path) == expected


def test_the_text_beats_the_path_and_the_path_beats_nothing():
    assert find_publication("Harbour\nSaturday, 8 March 2025\n", path="2025-03-10/a.txt").date == D(
        2025, 3, 8
    )
    found = find_publication("Harbour reopens\n" + BODY, path="2025-03-10/a.txt")
    assert (found.date, found.source) == (D(2025, 3, 10), "path")


def test_candidates_after_the_first_fifteen_lines_are_ignored():
    assert scan_head("x\n" * 16 + "Published 8 March 2025\n") == []


# ------------------------------------------------------------------ formats


def test_pdf_takes_the_dateline_from_its_text(tmp_path):
    pdf = make_pdf(
        tmp_path / "notice.pdf",
        ["Harbour reopens", "LISBON, 5 March 2025 - The port reopened today."],
    )
    doc = read_file(pdf)
    assert (doc.published, doc.date_source) == (D(2025, 3, 5), "dateline")


def test_email_date_header_is_metadata(tmp_path):
    eml = make_eml(
        tmp_path / "letter.eml",
        "Harbour newsletter",
        "Wed, 05 Mar 2025 09:00:00 +0000",
        "The port reopened on Tuesday.",
    )
    doc = read_file(eml)
    assert (doc.published, doc.date_source) == (D(2025, 3, 5), "meta")


# ------------------------------------------------------------------ the import


def _write(folder, name, text, mtime=None):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_an_import_settles_year_less_datelines_by_the_batch(tmp_path):
    folder = tmp_path / "batch"
    _write(folder, "a.txt", "Port news\nPublished 28 December 2024\nShips sailed.")
    _write(folder, "b.txt", "Port news\nPublished 3 January 2025\nShips sailed again.")
    _write(folder, "c.txt", WIRE_NO_YEAR)
    db = services.open_db(tmp_path / "t.db")
    results = services.import_paths(db, [folder])
    assert [r.status for r in results] == ["imported"] * 3
    assert [r.path for r in results] == sorted(str(p) for p in folder.iterdir())
    article = services.get_article(db, results[2].article_id)
    assert (article.anchor_date, article.date_source) == ("2024-12-30", "dateline+year")
    assert "imported with it" in article.date_note


def test_an_undatable_article_stays_unknown_in_the_cli_and_the_window_alike(tmp_path):
    path = _write(tmp_path, "note.txt", "Harbour reopens\n" + BODY, mtime=1741435200)
    db = services.open_db(tmp_path / "t.db")
    [result] = services.import_paths(db, [path])
    article = services.get_article(db, result.article_id)
    assert (article.anchor_date, article.date_source) == (None, "none")
    assert article.suggested_date == "2025-03-08"


def test_per_file_dates_from_paths_and_from_a_csv(tmp_path):
    a = _write(tmp_path / "2025-03-01", "a.txt", "Harbour reopens\n" + BODY)
    b = _write(tmp_path, "b.txt", "Harbour closes\n" + BODY)
    db = services.open_db(tmp_path / "t.db")
    [ra, rb] = services.import_paths(db, [a, b], dates_from_path=True)
    assert services.get_article(db, ra.article_id).date_source == "path"
    assert services.get_article(db, rb.article_id).anchor_date is None

    listing = tmp_path / "dates.csv"
    listing.write_text("path,date\nc.txt,2025-02-01\n", encoding="utf-8")
    c = _write(tmp_path, "c.txt", "Harbour floods\n" + BODY)
    [rc] = services.import_paths(db, [c], dates=services.read_dates_csv(listing))
    article = services.get_article(db, rc.article_id)
    assert (article.anchor_date, article.date_source) == ("2025-02-01", "cli")

    listing.write_text("c.txt,yesterday\nd.txt,2025-02-30\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 2"):
        services.read_dates_csv(listing)


def test_bulk_redating_is_one_transaction(tmp_path):
    db = services.open_db(tmp_path / "t.db")
    paths = [_write(tmp_path, f"{n}.txt", f"Story {n}\nTalks on Monday.\n") for n in "ab"]
    ids = [r.article_id for r in services.import_paths(db, paths)]
    changes = [(ids[0], D(2025, 3, 7), "assumed"), (ids[1], D(2025, 3, 8), "user")]
    assert len(services.reanchor_many(db, changes)) == 2
    dated = [services.get_article(db, i) for i in ids]
    assert [(a.anchor_date, a.date_source) for a in dated] == [
        ("2025-03-07", "assumed"),
        ("2025-03-08", "user"),
    ]
    with pytest.raises(KeyError):
        services.reanchor_many(db, [(ids[0], D(2025, 1, 1), "user"), (999, None, "user")])
    assert services.get_article(db, ids[0]).anchor_date == "2025-03-07"  # rolled back


def test_a_newspapers_filing_dateline_is_printed_the_next_day(tmp_path):
    # "CITY, Mon. D --" is the day the story was filed; the paper came out the next morning.
    text = "Dockers end strike\nCALAIS, Dec. 30 -- Dockers voted to return to work."
    found = find_publication(text + " Traffic in 2024 doubled; 2024 was busy.")
    assert (found.date, found.source) == (D(2024, 12, 31), "dateline+year")
    assert "printed the day after" in found.note
    folder = tmp_path / "batch"
    _write(folder, "a.txt", "Port news\nPublished 31 December 2024\nShips sailed.")
    _write(folder, "b.txt", text)
    db = services.open_db(tmp_path / "t.db")
    results = services.import_paths(db, [folder])
    assert services.get_article(db, results[1].article_id).anchor_date == "2024-12-31"


@pytest.mark.parametrize(
    "head",
    [
        "Published 3:12 PM EST, November 13, 2024",
        "Published Nov. 13, 2024 Updated Nov. 14, 2024, 10:02 a.m. ET",
        "11/13/2024 05:00 AM EST",
        "Wed 13 Nov 2024 10.02 GMT",
        "13.11.2024",
    ],
)
def test_web_page_date_lines(head):
    found = find_publication("Ferry service resumes\n" + head + BODY)
    assert (found.date, found.source) == (D(2024, 11, 13), "dateline")


def test_an_updated_line_with_the_time_first_is_still_only_a_suggestion():
    found = find_publication(
        "Ferry service resumes\nUpdated 10:02 AM EST, Thu November 14, 2024" + BODY
    )
    assert (found.date, found.suggested) == (None, D(2024, 11, 14))


def test_an_embedded_posts_time_stamp_is_not_the_articles_date():
    text = "Ferry service resumes\nbit.ly/x1 7:01 pm ET March 2, 2025 RETWEET Ships are back!\n"
    assert find_publication(text).date is None


def test_undoing_a_bulk_redate_puts_back_how_the_date_was_found(tmp_path):
    folder = tmp_path / "2025-03-10"
    path = _write(folder, "a.txt", WIRE_NO_YEAR)
    db = services.open_db(tmp_path / "t.db")
    [result] = services.import_paths(db, [path])
    before = services.get_article(db, result.article_id)
    assert before.date_source == "path" or before.date_note
    services.reanchor_many(db, [(result.article_id, D(2025, 1, 1), "user")])
    assert services.get_article(db, result.article_id).date_note is None
    services.reanchor_many(
        db,
        [
            (
                result.article_id,
                D.fromisoformat(before.anchor_date),
                before.date_source,
                before.date_note,
            )
        ],
    )
    after = services.get_article(db, result.article_id)
    assert (after.anchor_date, after.date_source, after.date_note) == (
        before.anchor_date,
        before.date_source,
        before.date_note,
    )


def test_the_day_first_setting_reaches_the_dates_in_the_body(tmp_path):
    path = _write(
        tmp_path, "a.txt", "Harbour reopens\nPublished 1 March 2025\nThe vote is on 03/04/2025."
    )
    for day_first, expected in ((True, "2025-04-03"), (False, "2025-03-04")):
        db = services.open_db(tmp_path / f"t{day_first}.db")
        services.import_paths(db, [path], day_first=day_first)
        assert expected in {e.date for e in services.list_events(db)}


def test_read_file_reads_an_ambiguous_dateline_by_the_day_first_setting(tmp_path):
    path = _write(tmp_path, "a.txt", "Harbour reopens\n03/04/2025 | By Ana Ruiz\nShips waited.")
    assert read_file(path).published is None
    for day_first, expected in ((True, D(2025, 4, 3)), (False, D(2025, 3, 4))):
        doc = read_file(path, day_first=day_first)
        assert (doc.published, doc.date_source, doc.pending_date) == (expected, "dateline", None)
        assert doc.date_note == "from the dateline, read with the day-first setting"


def test_the_day_first_setting_makes_a_dateline_outrank_the_file_name(tmp_path):
    # 04/03/2025 reads as 4 March or 3 April, both a month from the folder's day:
    # the path cannot choose, so the path date stands until the setting is given.
    path = _write(
        tmp_path / "2025-03-19", "a.txt", "Harbour reopens\nBy Jane Doe, 04/03/2025\n" + BODY
    )
    assert (read_file(path).published, read_file(path).date_source) == (D(2025, 3, 19), "path")
    doc = read_file(path, day_first=True)
    assert (doc.published, doc.date_source) == (D(2025, 3, 4), "dateline")
    assert read_file(path, day_first=False).published == D(2025, 4, 3)
