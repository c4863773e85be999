"""CSV export: RFC 4180 via the csv module, one row per event, safe to open in a spreadsheet.

Columns and values come from `tracker.export.serialize`; ``start_day``/``end_day``
are the first and last ISO day an event covers, which a spreadsheet sorts and
filters, beside the precise ``date``/``date_end`` values ("2024-Q3").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from tracker.export.serialize import CSV_COLUMNS, event_record
from tracker.model import Event

COLUMNS = CSV_COLUMNS

# A cell starting with one of these is read as a formula by Excel, LibreOffice
# and Google Sheets (CSV injection); a leading apostrophe makes it plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        # Dates other sources gave (see serialize): "2024-11-14 (1 source)".
        return "; ".join(
            f"{v['date']} ({v['sources']} source{'s' if v['sources'] != 1 else ''})"
            if isinstance(v, dict)
            else str(v)
            for v in value
        )
    if isinstance(value, float):
        return f"{value:.2f}"
    return value


def event_row(ev: Event) -> dict[str, str]:
    """One CSV row: the serializer's values, lists joined with "; ", scores to two places."""
    return {k: neutralise(_cell(v)) for k, v in event_record(ev, COLUMNS).items()}


def write_csv(events: Iterable[Event], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow(event_row(ev))
        n += 1
    return n
