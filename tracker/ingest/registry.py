"""The one table of supported formats, and `read_file`, which dispatches on it.

Each format names its extensions and its reader; the file dialog filter, the
drop filter and `read_file` are all built from `FORMATS`, so adding a format
is one entry here plus its reader module. Readers import their heavy
libraries inside their functions, so importing this table stays cheap.
`read_file` checks what can be checked without reading (existence, type,
size), then lets the reader work, and turns any failure into IngestError.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tracker.ingest.document import DEFAULT_MAX_BYTES, Document, IngestError
from tracker.ingest.mail import read_eml
from tracker.ingest.pdf import read_pdf
from tracker.ingest.plain import read_md, read_txt
from tracker.ingest.pubdate import read_day_first
from tracker.ingest.web import read_html
from tracker.ingest.word import read_docx

Reader = Callable[[bytes, Path], Document]


@dataclass(frozen=True)
class Format:
    name: str  # the Document.format value
    label: str  # for file dialogs: "Web pages (*.html *.htm)"
    extensions: tuple[str, ...]  # lowercase, with the dot
    reader: Reader


FORMATS: tuple[Format, ...] = (
    Format("txt", "Text files", (".txt",), read_txt),
    Format("md", "Markdown", (".md",), read_md),
    Format("html", "Web pages", (".html", ".htm"), read_html),
    Format("pdf", "PDF documents", (".pdf",), read_pdf),
    Format("docx", "Word documents", (".docx",), read_docx),
    Format("eml", "E-mail messages", (".eml",), read_eml),
)

_BY_EXTENSION = {ext: fmt for fmt in FORMATS for ext in fmt.extensions}


def supported_extensions() -> tuple[str, ...]:
    return tuple(ext for fmt in FORMATS for ext in fmt.extensions)


def dialog_filters() -> list[str]:
    """File-dialog filter strings: all supported types first, then one per format."""
    every = " ".join(f"*{ext}" for ext in supported_extensions())
    per_format = [
        f"{fmt.label} ({' '.join('*' + ext for ext in fmt.extensions)})" for fmt in FORMATS
    ]
    return [f"Articles ({every})", *per_format]


def is_supported(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in _BY_EXTENSION


def format_for(path: str | os.PathLike[str]) -> Format | None:
    return _BY_EXTENSION.get(Path(path).suffix.lower())


def read_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, day_first: bool | None = None
) -> Document:
    """Read one article file; raises IngestError (and nothing else) on failure.

    ``day_first`` reads a dateline such as 03/04/2024 as 3 April (True) or
    March 4 (False); None leaves such a date to evidence or unknown.
    """
    try:
        path = Path(path)
        if path.is_dir():
            raise IngestError("is a folder, not a file", "unreadable")
        fmt = format_for(path)
        if fmt is None:
            suffix = path.suffix.lower()
            raise IngestError(
                f"unsupported file type {suffix}"
                if suffix
                else "unsupported file type (no extension)",
                "unsupported",
            )
        data = _read_bytes(path, max_bytes)
        doc = fmt.reader(data, path)
        pending = doc.pending_date
        if day_first is not None and pending is not None and pending.swapped is not None:
            found = read_day_first(pending, day_first)
            doc = dataclasses.replace(
                doc,
                published=found.date,
                date_source=found.source,
                date_note=found.note,
                pending_date=None,
            )
        return doc
    except IngestError:
        raise
    except MemoryError as err:
        raise IngestError("file too large to read", "too_large") from err
    except Exception as err:  # a reader bug or library surprise must not escape
        raise IngestError(f"damaged or unreadable file ({type(err).__name__})", "damaged") from err


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError("not a file", "unreadable")
        if size > max_bytes:
            raise IngestError(
                f"file too large ({_megabytes(size)}; limit {_megabytes(max_bytes)})", "too_large"
            )
        if size == 0:
            raise IngestError("empty file", "empty")
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise IngestError("file not found", "not_found") from err
    except PermissionError as err:
        raise IngestError("cannot read file (permission denied)", "unreadable") from err
    except IsADirectoryError as err:
        raise IngestError("not a file", "unreadable") from err
    except OSError as err:
        raise IngestError(
            f"cannot read file ({err.strerror or type(err).__name__})", "unreadable"
        ) from err
    # The file may have changed between stat and read.
    if len(data) > max_bytes:
        raise IngestError(f"file too large (limit {_megabytes(max_bytes)})", "too_large")
    if not data.strip():
        raise IngestError("empty file", "empty")
    return data


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
