"""The result and error types of ingest, shared by every format reader.

`Document` is what any input (a file of any supported format, or text dropped
from a browser) becomes: the article text plus whatever metadata the input
carried. `IngestError` is the only exception ingest lets out; its message is a
short reason fit to show a user next to the file name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from tracker.ingest.chrome import find_chrome, mask
from tracker.ingest.dateline import Dateline

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    text: str  # the article text; for .txt exactly the decoded file content
    title: str  # never empty
    published: datetime.date | None
    date_source: str  # a `model.DateSource`: meta, dateline, dateline+year, path or none
    url: str | None = None
    author: str | None = None
    source_name: str | None = None  # site or publisher name when known
    format: str = "txt"  # txt md html pdf docx eml text
    date_note: str | None = None  # how the date was found, in words for the user
    #: A dateline the file alone cannot settle (no year, or 03/04 read both
    #: ways); the import settles it by the other articles of its batch, or the
    #: day-first setting does (then it outranks a properties or path date).
    pending_date: Dateline | None = None
    suggested_date: datetime.date | None = None  # offered for review, never used silently
    #: Spans of `text` that are page chrome (widgets, bylines, credits, notices):
    #: no event is read from them (see `extraction_text`).
    chrome: tuple[tuple[int, int], ...] = ()
    #: Things the user should know about how the text was read ("encoding unclear").
    warnings: tuple[str, ...] = ()


def extraction_text(text: str, chrome: tuple[tuple[int, int], ...] | None = None) -> str:
    """`text` with its page chrome blanked (same length, same offsets) for event extraction."""
    return mask(text, list(chrome) if chrome is not None else find_chrome(text))


class IngestError(Exception):
    """An input that cannot become a Document; `str(err)` is a short reason.

    `kind` is a stable code for callers that branch on the failure (the
    message may be reworded): not_found, unreadable, unsupported, empty,
    too_large, binary, undecodable, no_text, damaged, encrypted, too_complex.
    """

    def __init__(self, reason: str, kind: str = "error") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind

    def __str__(self) -> str:
        return self.reason

    def __reduce__(self):
        # Keep `kind` when the error crosses a process boundary.
        return (type(self), (self.reason, self.kind))
