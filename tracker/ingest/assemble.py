"""Turns what a format reader found into a `Document`, with the shared rules.

Every reader ends here so the rules hold for all formats alike: the text must
contain something besides whitespace, the title is never empty (metadata
title, else the first non-empty line, else the file stem), and the date comes
from all the evidence in the order `tracker.ingest.pubdate` trusts it.
"""

from __future__ import annotations

import datetime
import re
from pathlib import PurePath

from tracker.ingest.document import Document, IngestError
from tracker.ingest.pubdate import find_publication

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
    path: str | PurePath | None = None,
    url: str | None = None,
    author: str | None = None,
    source_name: str | None = None,
    title_line_prefix: str = "",
) -> Document:
    """Apply the shared title and date rules; raise IngestError if `text` is blank.

    `published` is a date from metadata that states publication; `file_date` is
    a document-properties creation stamp, trusted below the text's dateline;
    `path` is where the file was read from (its name and folders may hold a date).
    `title_line_prefix` lists characters stripped from the first line when it
    becomes the title (e.g. "#" for Markdown headings).
    """
    if not text or not text.strip():
        raise IngestError("no extractable text", "no_text")
    found = find_publication(text, meta=published, properties=file_date, path=path)
    return Document(
        text=text,
        title=choose_title(title, text, stem, title_line_prefix),
        published=found.date,
        date_source=found.source,
        date_note=found.note,
        pending_date=found.pending,
        suggested_date=found.suggested,
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
