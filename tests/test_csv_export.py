"""CSV export specs: DESIGN.md columns, formula neutralisation, UTF-8 round trip."""

from __future__ import annotations

import csv
import io

from tracker.export.csv_writer import COLUMNS, write_csv
from tracker.model import Actor, Event, Passage

DESIGN_COLUMNS = [
    "event_id",
    "date",
    "date_end",
    "start_day",
    "end_day",
    "granularity",
    "title",
    "type",
    "modality",
    "actors",
    "location",
    "source_count",
    "importance",
    "article_title",
    "article_date",
    "article_url",
    "quote",
    "timex",
]


def _event(title: str, quote: str = "Ministers met in Brussels on Wednesday.") -> Event:
    return Event(
        id=7,
        date="2024-11-13",
        title=title,
        granularity="day",
        type="meeting",
        actors=(Actor("Antony Blinken", "person"), Actor("NATO", "org")),
        passages=(Passage(1, 0, 40, 29, 41, "on Wednesday", quote),),
        article_title="Zürich–Brussels talks",
        article_date="2024-11-13",
    )


def _rows(events) -> list[dict]:
    buf = io.StringIO()
    write_csv(events, buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_header_has_every_design_column_in_order():
    buf = io.StringIO()
    write_csv([], buf)
    header = next(csv.reader(io.StringIO(buf.getvalue())))
    assert header[: len(DESIGN_COLUMNS)] == DESIGN_COLUMNS
    assert list(COLUMNS) == header


def test_cells_that_look_like_formulas_are_neutralised():
    [row] = _rows([_event('=HYPERLINK("http://x")', quote="+1 -2 @SUM(A1)")])
    assert row["title"] == '\'=HYPERLINK("http://x")'
    assert row["quote"] == "'+1 -2 @SUM(A1)"
    assert row["date"] == "2024-11-13"  # ordinary cells untouched


def test_non_ascii_round_trips_and_actors_are_joined():
    [row] = _rows([_event("Außenminister trifft Kuleba in Kyiv — «talks»")])
    assert row["title"] == "Außenminister trifft Kuleba in Kyiv — «talks»"
    assert row["article_title"] == "Zürich–Brussels talks"
    assert row["actors"] == "Antony Blinken; NATO"
    assert row["timex"] == "on Wednesday"
    assert row["source_count"] == "1"


def test_start_and_end_day_are_the_first_and_last_day_each_event_covers():
    quarter = Event(id=1, date="2024-Q3", title="Quarterly figures", granularity="quarter")
    spring = Event(
        id=2, date="2024-03", title="Spring talks", granularity="month", date_end="2024-05"
    )
    undated = Event(id=3, date="PRESENT_REF", title="Ongoing talks")
    rows = _rows([quarter, spring, undated])
    assert [(r["date"], r["start_day"], r["end_day"]) for r in rows] == [
        ("2024-Q3", "2024-07-01", "2024-09-30"),
        ("2024-03", "2024-03-01", "2024-05-31"),
        ("PRESENT_REF", "", ""),
    ]
    assert rows[1]["date_end"] == "2024-05"


def test_scores_are_written_to_two_places():
    [row] = _rows([_event("Ministers meet")])
    assert (row["importance"], row["confidence"]) == ("0.50", "0.50")
