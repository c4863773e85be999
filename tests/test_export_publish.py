"""Publishing specs: standalone HTML, TimelineJS JSON, ICS and PDF of a view (issue 14 item 8)."""

from __future__ import annotations

import json
import re
import zlib
from datetime import date, datetime
from html.parser import HTMLParser

from test_curation import given_two_events

from tracker import services
from tracker.export.html_timeline import write_html
from tracker.export.ics import write_ics
from tracker.export.pdf import write_pdf
from tracker.export.timelinejs import timelinejs
from tracker.export.view import Band, View
from tracker.model import Actor, Event, Passage
from tracker.store.curation import NamedPeriod
from tracker.store.events import EventFilter


def a_view():
    events = [
        Event(
            1,
            "2014-09-05",
            "Ceasefire protocol signed in Minsk",
            granularity="day",
            importance=0.9,
            actors=(Actor("Ukraine", "country"), Actor("Russia", "country")),
            passages=(Passage(1, 0, 10, 0, 5, "5 Sept", "The protocol was signed; talks go on."),),
            article_title="Talks in Minsk",
            starred=True,
            tags=(("talks", "#2e86c1"),),
        ),
        Event(2, "2015-02", "Second package agreed", granularity="month", importance=0.7),
        Event(3, "PRESENT_REF", "Undatable aside", granularity=None),
    ]
    return View(
        "Minsk talks <draft>",
        events,
        (Band("Minsk talks", date(2014, 9, 5), date(2015, 2, 12), "#e6a700"),),
    )


class DomCheck(HTMLParser):
    """Collects what a browser would load from elsewhere, and the page's structure."""

    def __init__(self):
        super().__init__()
        self.external, self.tags, self.rows, self.scripts = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        for key in ("src", "href"):
            if a.get(key):
                self.external.append((tag, a[key]))
        if tag == "tr":
            self.rows.append(a.get("id"))
        if tag == "script":
            self.scripts += 1


def test_html_is_one_offline_file_with_a_zoomable_timeline_and_the_event_list():
    page = write_html(a_view())
    dom = DomCheck()
    dom.feed(page)
    assert dom.external == []  # nothing to fetch: opens offline
    assert "svg" in dom.tags and dom.scripts == 2
    assert dom.rows == ["ev-1", "ev-2"]  # the undatable event has no place on a timeline
    assert "wheel" in page and "zoom(" in page
    assert "&lt;draft&gt;" in page and "<draft>" not in page.split("<script")[0]
    data = re.search(r'id="tracker-data">(.*?)</script>', page, re.S).group(1)
    payload = json.loads(data)
    assert payload["bands"][0]["name"] == "Minsk talks"
    assert [e["start"] for e in payload["events"]] == ["2014-09-05", "2015-02-01"]
    assert payload["events"][1]["end"] == "2015-02-28"


def test_timelinejs_keeps_each_dates_precision_and_periods_as_eras():
    out = timelinejs(a_view())
    first, second = out["events"]
    assert first["start_date"] == {"year": "2014", "month": "9", "day": "5"}
    assert second["start_date"] == {"year": "2015", "month": "2"}
    assert second["end_date"] == {"year": "2015", "month": "2", "day": "28"}
    assert out["eras"][0]["text"]["headline"] == "Minsk talks"
    assert "&lt;draft&gt;" in out["title"]["text"]["headline"]


def test_ics_has_all_day_events_escaped_and_folded():
    text = write_ics(a_view(), now=datetime(2025, 1, 2, 3, 4, 5))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20140905\r\nDTEND;VALUE=DATE:20140906" in text
    assert "DTSTART;VALUE=DATE:20150201\r\nDTEND;VALUE=DATE:20150301" in text
    assert "DTSTAMP:20250102T030405Z" in text
    assert "signed\\; talks go on." in text.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_pdf_is_a_valid_file_with_the_timeline_and_the_list():
    pdf = write_pdf(a_view())
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref:].startswith(b"xref")
    streams = [
        zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\n(.*?)\nendstream", pdf, re.S)
    ]
    text = b"\n".join(streams)
    assert b"(Minsk talks <draft>)" in text  # title on the timeline page
    assert b"(Minsk talks)" in text  # the period band's name
    assert b"(Second package agreed)" in text
    assert b"/Count 2" in pdf  # the timeline page and one page of list


def test_exports_honour_the_filters_and_leave_hidden_events_out(tmp_path):
    db, _aid, ids = given_two_events()
    services.add_period(db, NamedPeriod(None, "Talks", "2024-11-01", "2024-11-30"))
    services.flag_events(db, {ids["Leaders gather"]: True}, "hidden")
    for fmt in services.EXPORT_FORMATS:
        out = tmp_path / f"view.{fmt}"
        # Even a view that shows hidden events does not publish them.
        assert services.export_events(db, out, fmt, EventFilter(include_hidden=True)) == 1
    html = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert "Ministers meet" in html and "Leaders gather" not in html and "Talks" in html
    assert "Leaders gather" not in (tmp_path / "view.ics").read_text(encoding="utf-8")
    services.flag_events(db, {ids["Leaders gather"]: False}, "hidden")
    out = tmp_path / "filtered.json"
    assert services.export_events(db, out, "timelinejs", EventFilter(search="gather")) == 1
    csv_text = (tmp_path / "view.csv").read_text(encoding="utf-8")
    assert csv_text.splitlines()[0].startswith("event_id,date,date_end,start_day,end_day")


def test_pdf_timeline_shows_the_story_and_counts_the_far_off_events():
    story = [
        Event(
            k,
            f"2024-11-{k:02d}",
            f"Round {k} of talks with a rather long title to clip",
            granularity="day",
        )
        for k in range(1, 29)
    ]
    far = [Event(100, "1948", "Old treaty", granularity="year", importance=0.2)]
    pdf = write_pdf(View("Story", far + story))
    text = b"\n".join(
        zlib.decompress(m.group(1)) for m in re.finditer(rb"stream\n(.*?)\nendstream", pdf, re.S)
    )
    assert b"<< 1 earlier" in text.replace(b"\\", b"")  # the 1948 treaty, counted
    assert b"(Old treaty)" in text  # still in the event list
