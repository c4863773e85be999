"""The result and error types of ingest, shared by every format reader.

`Document` is what any input (a file of any supported format, or text dropped
from a browser) becomes: the article text plus whatever metadata the input
carried. `IngestError` is the only exception ingest lets out; its message is a
short reason fit to show a user next to the file name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Where `Document.published` came from. "file" marks a file-creation stamp
#: (PDF/DOCX), which records when the file was made, not when the article
#: appeared, so the model treats it as an assumed date.
DATE_SOURCES = ("meta", "dateline", "file", "none")


@dataclass(frozen=True)
class Document:
    text: str  # the article text; for .txt exactly the decoded file content
    title: str  # never empty
    published: datetime.date | None
    date_source: str  # one of DATE_SOURCES
    url: str | None = None
    author: str | None = None
    source_name: str | None = None  # site or publisher name when known
    format: str = "txt"  # txt md html pdf docx eml text
    #: Things the user should know about how the text was read ("encoding unclear").
    warnings: tuple[str, ...] = ()


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
