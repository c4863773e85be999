"""Text or HTML dragged from a browser (or any app) onto the window.

Browsers offer a selection both as text/plain and as text/html. The plain
text is exactly what the user saw and selected, so it becomes the article
text; the HTML is read only for metadata (title, date, author, URL). With
HTML alone, the HTML path extracts the text too.
"""

from __future__ import annotations

import re

from tracker.ingest.assemble import make_document
from tracker.ingest.document import Document, IngestError
from tracker.ingest.web import extract_html, html_parts

DROPPED_STEM = "Dropped text"

# Windows' clipboard HTML format puts "Version:0.9 StartHTML:..." before the markup.
_CF_HTML_HEADER = re.compile(r"\AVersion:\d[^<]*?(?=<)", re.DOTALL)


def read_dropped(text: str | None = None, html: str | None = None) -> Document:
    """A Document from dropped data; raises IngestError (and nothing else)."""
    try:
        return _read(text, html)
    except IngestError:
        raise
    except Exception as err:
        raise IngestError(f"cannot read dropped data ({type(err).__name__})", "damaged") from err


def _read(text: str | None, html: str | None) -> Document:
    has_text = bool(text and text.strip())
    has_html = bool(html and html.strip())
    if not has_text and not has_html:
        raise IngestError("nothing to import (the dropped data is empty)", "empty")
    html = _CF_HTML_HEADER.sub("", html or "", count=1)
    if not has_text:
        return extract_html(html, stem=DROPPED_STEM, fmt="html")
    meta: dict = {}
    if has_html:
        try:
            meta = html_parts(html)
        except IngestError:
            meta = {}  # the plain text stands on its own
    return make_document(
        text or "",
        fmt="text",
        stem=DROPPED_STEM,
        title=meta.get("title"),
        published=meta.get("published"),
        url=meta.get("url"),
        author=meta.get("author"),
        source_name=meta.get("source_name"),
    )
