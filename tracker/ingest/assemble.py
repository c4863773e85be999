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

from tracker.ingest.chrome import (
    clean_title,
    find_chrome,
    headline,
    headline_before_standfirst,
    mask,
    without_highlights,
)
from tracker.ingest.dateline import parse_date
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
    chrome = find_chrome(text)
    return Document(
        text=text,
        title=choose_title(title, text, stem, title_line_prefix, source_name, chrome),
        chrome=tuple(chrome),
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


def choose_title(
    meta_title: str | None,
    text: str,
    stem: str,
    line_prefix: str = "",
    site: str | None = None,
    chrome_spans: list[tuple[int, int]] | None = None,
) -> str:
    """The article's headline: metadata (site name removed), else the text's headline.

    Page chrome ("Skip to content", bylines, credits, datelines) is never a
    title. When the text shows no headline-like line, the start of its first
    sentence stands in, and only an empty text falls back to the file name.
    """
    meta = clean(meta_title)
    if meta and parse_date(meta) is not None and len(meta.split()) <= 6:
        meta = None  # "February 11, 2011": a page's date, not its headline
    if meta and not _JUNK_TITLE.match(meta):
        meta = clean_title(meta, site) or meta
        if glued := find_chrome(meta):
            # A scraper's title holding the headline, a dateline and the first
            # sentence ("Headline Tuesday 4 January 2005 08.43 GMT First ..."):
            # the headline before the dateline, else the sentence after it.
            found = headline(meta, MAX_TITLE_CHARS)
            if found:
                return found
            rest = " ".join(mask(meta, glued).split())
            if rest:
                return _first_sentence(rest)
        return headline_before_standfirst(without_highlights(meta))[:MAX_TITLE_CHARS].rstrip()
    if line_prefix:
        for line in text.splitlines():
            if line.strip():
                if line.lstrip().startswith(line_prefix):
                    title = line.strip().lstrip(line_prefix).strip()[:MAX_TITLE_CHARS].rstrip()
                    if title:  # a bare "#" names nothing: look further
                        return title
                break
    found = headline(text, MAX_TITLE_CHARS)
    if found:
        return headline_before_standfirst(without_highlights(found))
    spans = find_chrome(text) if chrome_spans is None else chrome_spans
    for line in mask(text, spans).splitlines():
        line = " ".join(line.split())
        if line:
            return _first_sentence(line)
    return clean(stem) or "Untitled"


def _first_sentence(line: str, max_words: int = 16) -> str:
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“])", line, maxsplit=1)[0]
    words = sentence.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + "…"
    return sentence[:MAX_TITLE_CHARS].rstrip()


def clean(value: object) -> str | None:
    """A metadata string with whitespace collapsed, or None when blank."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
