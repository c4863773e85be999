"""PDF articles: the text layer of every page, pages separated by a blank line.

A PDF with no text layer (a scan) has nothing to read and is refused rather
than imported empty. Truncated files are refused too even when pypdf could
recover some pages, since a partial article would silently lose events.
The document's creation stamp is kept only as a fallback date: it records when
the PDF was made (often when a web page was printed), not when the article
appeared, so a dateline in the text wins over it.
"""

from __future__ import annotations

import contextlib
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
    problems = _Problems()
    try:
        with problems.heard():
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
        raise _why_no_text(reader, problems.messages)
    title, author, created = _metadata(reader)
    return make_document(
        text, fmt="pdf", stem=path.stem, title=title, author=author, file_date=created, path=path
    )


class _Problems(logging.Handler):
    """What pypdf reports while it reads: repairs, streams it could not decode.

    pypdf logs these and carries on, so a page whose content stream is corrupt
    just has no text, and would pass for a scan. The messages never reach the
    user's terminal (our one-line reason does); they decide that reason.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    @contextlib.contextmanager
    def heard(self):
        logger = logging.getLogger("pypdf")
        saved = logger.level, logger.propagate
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        logger.addHandler(self)
        try:
            yield self
        finally:
            logger.removeHandler(self)
            logger.setLevel(saved[0])
            logger.propagate = saved[1]


def _why_no_text(reader, problems: list[str]) -> IngestError:
    """No text: damaged content streams, a scan (images only), or truly nothing."""
    if any("decod" in m.lower() or "decompress" in m.lower() for m in problems):
        return IngestError(f"{_DAMAGED} (page content cannot be decoded)", "damaged")
    if any(_has_images(page) for page in reader.pages):
        return IngestError(
            "no extractable text (scanned PDF: images without a text layer)", "no_text"
        )
    if problems:
        return IngestError(f"{_DAMAGED} (no readable text: {problems[0][:80]})", "damaged")
    return IngestError("no extractable text (the PDF's pages hold no text)", "no_text")


def _has_images(page) -> bool:
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            return False
        return any(
            xobjects[name].get_object().get("/Subtype") == "/Image"
            for name in xobjects.get_object()
        )
    except Exception:
        return False


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
