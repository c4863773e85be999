"""Saved e-mails (.eml), e.g. a newsletter or an article someone forwarded.

Subject is the title, the Date header the publication date, From the author.
The text/plain body is preferred; an HTML-only body goes through the HTML path,
which may also supply a date, URL and site name the headers lack. MHTML pages
saved by browsers are MIME messages too, and name their page URL in a header.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tracker.ingest.assemble import clean, make_document
from tracker.ingest.document import Document, IngestError
from tracker.ingest.web import html_parts

_FORWARD_PREFIX = re.compile(r"^\s*(?:(?:fwd?|tr|wg)\s*:\s*)+", re.IGNORECASE)
_URL_HEADERS = ("Snapshot-Content-Location", "Content-Location", "X-Url", "X-Source-Url")


def read_eml(data: bytes, path: Path) -> Document:
    from email import policy
    from email.parser import BytesParser

    if b"\x00" in data[:4096]:
        raise IngestError("not an e-mail message (binary data)", "binary")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as err:
        raise IngestError("damaged e-mail message", "damaged") from err
    if not message.keys():
        raise IngestError("not an e-mail message (no headers)", "damaged")

    subject = _header(message, "Subject")
    published = None
    date_header = message.get("Date")
    if date_header is not None and getattr(date_header, "datetime", None) is not None:
        published = date_header.datetime.date()
    author = _sender(message)
    url = next((clean(_header(message, name)) for name in _URL_HEADERS if message.get(name)), None)

    text, html_meta = _body(message)
    return make_document(
        text,
        fmt="eml",
        stem=path.stem,
        title=_FORWARD_PREFIX.sub("", subject or "") or html_meta.get("title"),
        published=published or html_meta.get("published"),
        url=url or html_meta.get("url"),
        author=author,
        source_name=html_meta.get("source_name"),
        path=path,
    )


def _body(message: Any) -> tuple[str, dict[str, Any]]:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise IngestError("no extractable text (e-mail has no text body)", "no_text")
    content = _content(part)
    if part.get_content_subtype() == "html":
        found = html_parts(content)
        return found["text"], found
    return content, {}


def _content(part: Any) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError):
        # Unknown or wrong charset label: keep the text, lose a few characters.
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def _header(message: Any, name: str) -> str | None:
    try:
        value = message.get(name)
    except Exception:  # malformed header
        return None
    return str(value) if value is not None else None


def _sender(message: Any) -> str | None:
    try:
        header = message.get("From")
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except Exception:
        return None
    if not addresses:
        return clean(header)
    first = addresses[0]
    return clean(first.display_name) or clean(first.addr_spec)
