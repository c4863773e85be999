"""CSV export: RFC 4180 via the csv module, one row per event, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from tracker.model import Event

COLUMNS = (
    "event_id",
    "date",
    "date_end",
    "granularity",
    "title",
    "type",
    "modality",
    "actors",
    "location",
    "source_count",
    "article_title",
    "article_date",
    "article_url",
    "quote",
    "timex",
    "confidence",
    "importance",
)

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# and Google Sheets (CSV injection); a leading apostrophe makes it plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def event_row(ev: Event) -> dict[str, str]:
    first = ev.passages[0] if ev.passages else None
    row = {
        "event_id": ev.id,
        "date": ev.date,
        "date_end": ev.date_end,
        "granularity": ev.granularity,
        "title": ev.title,
        "type": ev.type,
        "modality": ev.modality,
        "actors": "; ".join(a.name for a in ev.actors),
        "location": ev.location,
        "source_count": ev.source_count,
        "article_title": ev.article_title,
        "article_date": ev.article_date,
        "article_url": ev.article_url,
        "quote": first.quote if first else "",
        "timex": first.timex if first else "",
        "confidence": f"{ev.confidence:.2f}",
        "importance": f"{ev.importance:.2f}",
    }
    return {k: neutralise(v) for k, v in row.items()}


def write_csv(events: Iterable[Event], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(event_row(ev))
        n += 1
    return n
