"""PDF articles: the text layer of every page, pages separated by a blank line.

A PDF with no text layer (a scan) has nothing to read and is refused rather
than imported empty. Truncated files are refused too even when pypdf could
recover some pages, since a partial article would silently lose events.
The document's creation stamp is kept only as a fallback date: it records when
the PDF was made (often when a web page was printed), not when the article
appeared, so a dateline in the text wins over it.
"""

from __future__ import annotations

import datetime
import io
import logging
from pathlib import Path

from tracker.ingest.assemble import make_document
from tracker.ingest.document import Document, IngestError

_DAMAGED = "damaged PDF file"


def read_pdf(data: bytes, path: Path) -> Document:
    if b"%PDF-" not in data[:1024]:
        raise IngestError("not a PDF file", "damaged")
    if b"%%EOF" not in data[-4096:]:
        raise IngestError(f"{_DAMAGED} (truncated)", "damaged")

    from pypdf import PdfReader

    # pypdf logs (even at ERROR) every repair and workaround it applies; the
    # user gets our one-line reason instead of library noise on stderr.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted PDF (password required)", "encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as err:
        raise IngestError(_DAMAGED, "damaged") from err

    text = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not text.strip():
        raise IngestError("no extractable text (scanned PDF without a text layer?)", "no_text")
    title, author, created = _metadata(reader)
    return make_document(
        text, fmt="pdf", stem=path.stem, title=title, author=author, file_date=created, path=path
    )


def _metadata(reader) -> tuple[str | None, str | None, datetime.date | None]:
    # Broken /Info dictionaries are common and never worth refusing a file over.
    try:
        info = reader.metadata
    except Exception:
        return None, None, None
    if info is None:
        return None, None, None
    values = []
    for name in ("title", "author", "creation_date"):
        try:
            values.append(getattr(info, name))
        except Exception:
            values.append(None)
    title, author, created = values
    date = created.date() if isinstance(created, datetime.datetime) else None
    return (
        title if isinstance(title, str) else None,
        author if isinstance(author, str) else None,
        date,
    )
