"""Word (.docx) articles: paragraph text and the document's core properties.

Paragraphs are joined by newlines. Core properties give the title and author,
except values python-docx or Word fill in by themselves (author "python-docx",
the python-docx template's 2013 creation time). The creation time is only a
fallback date, after any dateline in the text: it says when the file was made.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from tracker.ingest.assemble import make_document
from tracker.ingest.document import Document, IngestError
from tracker.ingest.unzip import repack, unpack

#: Authors that editors and libraries write by default; they name nobody.
_DEFAULT_AUTHORS = frozenset(
    {"python-docx", "microsoft office user", "user", "admin", "administrator", "author", "unknown"}
)
#: Bytes all parts of a DOCX may unpack to. Text and markup of even a very long
#: article are a few megabytes; pictures are stored compressed already.
MAX_EXPANDED_BYTES = 128 * 1024 * 1024
#: Creation time stored in python-docx's built-in template.
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15)


def read_docx(data: bytes, path: Path) -> Document:
    import docx

    # Inflated here under a running cap (the zip's own index may lie about
    # sizes), then handed to python-docx as an uncompressed zip.
    members = unpack(data, limit=MAX_EXPANDED_BYTES, label="DOCX file")
    try:
        document = docx.Document(repack(members))
        del members
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    except Exception as err:
        raise IngestError("damaged or not a DOCX file", "damaged") from err
    title, author, created = _core_properties(document)
    return make_document(
        text, fmt="docx", stem=path.stem, title=title, author=author, file_date=created, path=path
    )


def _core_properties(document) -> tuple[str | None, str | None, datetime.date | None]:
    try:
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except Exception:  # a malformed core.xml must not cost us the text
        return None, None, None
    if author and author.strip().lower() in _DEFAULT_AUTHORS:
        author = None
    date = None
    if isinstance(created, datetime.datetime) and created.replace(tzinfo=None) != _TEMPLATE_CREATED:
        date = created.date()
    return title or None, author or None, date
