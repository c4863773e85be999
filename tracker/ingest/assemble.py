"""Turns what a format reader found into a `Document`, with the shared rules.

Every reader ends here so the rules hold for all formats alike: the text must
contain something besides whitespace, the title is never empty (metadata
title, else the first non-empty line, else the file stem), and the date comes
from metadata, else from a dateline in the text, else from a file-creation
stamp (marked "file"), else none.
"""

from __future__ import annotations

import datetime
import re

from tracker.ingest.dateline import find_dateline
from tracker.ingest.document import Document, IngestError

MAX_TITLE_CHARS = 200

#: Metadata titles that editors fill in by themselves; they name no article.
_JUNK_TITLE = re.compile(
    r"^(?:untitled.*|document\d*|new document|no title|title|microsoft word\b.*|.*\.(?:docx?|pdf|rtf|odt|indd|txt|html?))$",
    re.IGNORECASE,
)


def make_document(
    text: str,
    *,
    fmt: str,
    stem: str,
    title: str | None = None,
    published: datetime.date | None = None,
    file_date: datetime.date | None = None,
    url: str | None = None,
    author: str | None = None,
    source_name: str | None = None,
    title_line_prefix: str = "",
) -> Document:
    """Apply the shared title and date rules; raise IngestError if `text` is blank.

    `published` is a date from metadata that states publication; `file_date` is
    a creation stamp, used only when the text has no dateline either.
    `title_line_prefix` lists characters stripped from the first line when it
    becomes the title (e.g. "#" for Markdown headings).
    """
    if not text or not text.strip():
        raise IngestError("no extractable text", "no_text")
    if published is not None:
        date, source = published, "meta"
    elif (found := find_dateline(text)) is not None:
        date, source = found, "dateline"
    elif file_date is not None:
        date, source = file_date, "file"
    else:
        date, source = None, "none"
    return Document(
        text=text,
        title=choose_title(title, text, stem, title_line_prefix),
        published=date,
        date_source=source,
        url=clean(url),
        author=clean(author),
        source_name=clean(source_name),
        format=fmt,
    )


def choose_title(meta_title: str | None, text: str, stem: str, line_prefix: str = "") -> str:
    meta = clean(meta_title)
    if meta and not _JUNK_TITLE.match(meta):
        return meta[:MAX_TITLE_CHARS].rstrip()
    for line in text.splitlines():
        line = line.strip().lstrip(line_prefix).strip() if line_prefix else line.strip()
        if line:
            return line[:MAX_TITLE_CHARS].rstrip()
    return clean(stem) or "Untitled"


def clean(value: object) -> str | None:
    """A metadata string with whitespace collapsed, or None when blank."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
