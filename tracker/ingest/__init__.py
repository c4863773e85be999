"""Article ingest: a file of any supported format, or dropped text, to a Document.

One module per format (plain, web, pdf, word, mail), one table of formats
(`registry`), publication dates from text (`dateline`). Failures are always
`IngestError` with a short reason to show the user.
"""

from tracker.ingest.dateline import Dateline, find_dateline
from tracker.ingest.document import DEFAULT_MAX_BYTES, Document, IngestError, extraction_text
from tracker.ingest.dropped import read_dropped
from tracker.ingest.pubdate import Found, find_publication, path_date, resolve_with_batch
from tracker.ingest.registry import (
    FORMATS,
    Format,
    dialog_filters,
    is_supported,
    read_file,
    supported_extensions,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Dateline",
    "Found",
    "FORMATS",
    "Document",
    "Format",
    "IngestError",
    "dialog_filters",
    "extraction_text",
    "find_dateline",
    "find_publication",
    "path_date",
    "resolve_with_batch",
    "is_supported",
    "read_dropped",
    "read_file",
    "supported_extensions",
]
