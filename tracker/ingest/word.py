"""Word (.docx) articles: paragraph text and the document's core properties.

Paragraphs are joined by newlines. Core properties give the title and author,
except values python-docx or Word fill in by themselves (author "python-docx",
the python-docx template's 2013 creation time). The creation time is only a
fallback date, after any dateline in the text: it says when the file was made.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from tracker.ingest.assemble import make_document
from tracker.ingest.document import Document, IngestError

#: Authors that editors and libraries write by default; they name nobody.
_DEFAULT_AUTHORS = frozenset(
    {"python-docx", "microsoft office user", "user", "admin", "administrator", "author", "unknown"}
)
MAX_EXPANDED_BYTES = 512 * 1024 * 1024
#: Creation time stored in python-docx's built-in template.
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15)


def read_docx(data: bytes, path: Path) -> Document:
    import docx

    _check_expanded_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    except Exception as err:
        raise IngestError("damaged or not a DOCX file", "damaged") from err
    title, author, created = _core_properties(document)
    return make_document(
        text, fmt="docx", stem=path.stem, title=title, author=author, file_date=created, path=path
    )


def _check_expanded_size(data: bytes) -> None:
    # max_bytes limits the zip on disk; a tiny zip can still inflate to gigabytes.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except Exception as err:
        raise IngestError("damaged or not a DOCX file", "damaged") from err
    if expanded > MAX_EXPANDED_BYTES:
        raise IngestError("DOCX file too large once unpacked", "too_large")


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
