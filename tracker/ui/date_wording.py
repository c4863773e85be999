"""How the window words an article's publication date: the date, how it was found, badges.

One place for the wording the article list, the article header, the details
pane, the import report and the review dialog share, so "date unknown" reads
the same everywhere. A suggestion (an "Updated" stamp, the file's date) is
always shown as a suggestion, never as if it were the date. Plain functions of
``model.Article``, testable without widgets.
"""

from __future__ import annotations

import datetime
import os

from tracker.model import Article, DateSource
from tracker.ui.formatting import format_date

UNKNOWN_BADGE = "date unknown"
ASSUMED_BADGE = "date assumed"


def _source(a: Article) -> DateSource | None:
    try:
        return DateSource(a.date_source)
    except ValueError:  # a source written by a newer or older Tracker
        return None


def source_label(a: Article) -> str:
    """How the date was found, in words: the source's label, made precise by the note.

    A note that starts with "from" says the same thing more exactly ("from the
    page's metadata"), so it replaces the label; any other note ("year 2024 from
    the file name or folder") explains it, in brackets.
    """
    src = _source(a)
    label = src.label if src is not None else a.date_source
    note = (a.date_note or "").strip()
    if not note or note == label:
        return label
    if note.startswith("from "):
        return note
    return f"{label} ({note})"


def badge(a: Article) -> str | None:
    """The amber badge: nobody vouched for this date (unknown, or a suggestion taken)."""
    if a.date_unknown:
        return UNKNOWN_BADGE
    if a.date_source == DateSource.ASSUMED:
        return ASSUMED_BADGE
    return None


def suggestion_origin(a: Article) -> str:
    """Where the suggested date came from: the file's date, or an "Updated" line in the text.

    Import suggests the text's "Updated" stamp first, else the file's modification
    day. So a file whose day matches gave it; a file untouched since the import
    whose day does not match means the text did. A file moved or edited since
    leaves it unsaid.
    """
    if not a.suggested_date:
        return ""
    mtime = None
    if a.path:
        try:
            mtime = os.stat(a.path).st_mtime
        except OSError:
            mtime = None
    if mtime is not None:
        try:
            if datetime.date.fromtimestamp(mtime).isoformat() == a.suggested_date:
                return "file date"
            imported = datetime.datetime.fromisoformat(a.imported_at or "").timestamp()
        except (ValueError, OverflowError, OSError):
            imported = None
        if imported is not None and mtime <= imported:
            return "“Updated” line"
    if "updated" in (a.text or "")[:1500].lower():  # lists load no text: only get_article's
        return "“Updated” line"
    return ""


def suggestion_text(a: Article, origin: str | None = None) -> str:
    """ "suggested: 13 Nov 2024 (file date)", or "" when the article has no suggestion."""
    if not a.suggested_date or not a.date_unknown:
        return ""
    origin = suggestion_origin(a) if origin is None else origin
    text = f"suggested: {format_date(a.suggested_date)}"
    return f"{text} ({origin})" if origin else text


def date_line(a: Article, origin: str | None = None) -> str:
    """The date and how it was found, for headers and tooltips.

    "12 Nov 2024 · from the dateline, year inferred (year 2024 from the file name or folder)";
    "date unknown · suggested: 13 Nov 2024 (file date)".
    """
    if a.date_unknown:
        hint = suggestion_text(a, origin)
        return f"{UNKNOWN_BADGE} · {hint}" if hint else UNKNOWN_BADGE
    return f"{format_date(a.anchor_date)} · {source_label(a)}"


def events_text(n: int) -> str:
    return f"{n} event{'s' if n != 1 else ''}"


#: Sources worth a word in the narrow article list; the others are trusted or badged.
_SHORT_SOURCE = {
    DateSource.DATELINE_YEAR: "year inferred",
    DateSource.PATH: "from file name",
    DateSource.USER: "set by you",
}


def subtitle(a: Article, origin: str | None = None) -> str:
    """The article list's second line, beside the badge: short enough for a narrow dock.

    "12 Nov 2024 · year inferred · 2 events"; "suggested 7 Mar 2025 · 1 event" (the
    suggestion's origin is in the tooltip, not here, so the count is not elided).
    """
    count = events_text(a.event_count)
    if a.date_unknown:
        if a.suggested_date:
            return f"suggested {format_date(a.suggested_date)} · {count}"
        return count
    src = _source(a)
    short = _SHORT_SOURCE.get(src) if src is not None else None
    day = format_date(a.anchor_date)
    return f"{day} · {short} · {count}" if short else f"{day} · {count}"


def tooltip(a: Article, origin: str | None = None) -> str:
    """The article list's tooltip: the full date line and what to do about a doubtful date."""
    lines = [a.title or "(untitled)"]
    if a.date_unknown:
        lines.append(
            "Publication date unknown: relative dates in it (“on Wednesday”) are not placed."
        )
        hint = suggestion_text(a, origin)
        if hint:
            lines.append(
                hint[0].upper() + hint[1:] + " — only a suggestion, not used until you accept it "
                "(right-click › Use suggested dates)."
            )
        lines.append("Right-click › Set publication date… to give the real date.")
    else:
        lines.append(f"Published: {date_line(a, origin)}")
        if a.date_source == DateSource.ASSUMED:
            lines.append(
                "You accepted a suggested date; please check it "
                "(right-click › Set publication date…)."
            )
    if a.path:
        lines.append(a.path)
    return "\n".join(lines)
