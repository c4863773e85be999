"""Plain-text and Markdown articles: decode the bytes, keep the text unchanged.

The decoded text is the article text exactly (line endings included), because
event offsets index into it. Only a byte-order mark is removed. Without one,
`charset.guess` reads the bytes (UTF-8 first, then likely Western encodings by
the words they produce) and says when its guess is weak. Bytes that decode only
to control characters are binary.
"""

from __future__ import annotations

import codecs
import datetime
import re
import unicodedata
from collections import Counter
from pathlib import Path

from tracker.ingest import charset
from tracker.ingest.assemble import choose_title, make_document
from tracker.ingest.charset import Decoded, with_warning
from tracker.ingest.dateline import parse_date
from tracker.ingest.document import Document, IngestError

# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_SAMPLE_CHARS = 65536


def read_txt(data: bytes, path: Path) -> Document:
    decoded = decode(data)
    return with_warning(make_document(decoded.text, fmt="txt", stem=path.stem, path=path), decoded)


def read_md(data: bytes, path: Path) -> Document:
    decoded = decode(data)
    text = decoded.text
    title, published, body_start = _front_matter(text)
    if title is None and body_start:
        # The first line of the file is the "---" fence; title from the body instead.
        title = choose_title(None, text[body_start:], path.stem, "#")
    doc = make_document(
        text,
        fmt="md",
        stem=path.stem,
        title=title,
        published=published,
        title_line_prefix="#",
        path=path,
    )
    return with_warning(doc, decoded)


def decode(data: bytes) -> Decoded:
    """The text in `data` and how it was read; raises IngestError when it is not text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            decoded = Decoded(_strict(data[len(bom) :], codec), codec)
            break
    else:
        if b"\x00" in data:
            codec = _utf16_without_bom(data)
            if codec is None:
                raise IngestError("not a text file (binary data)", "binary")
            decoded = Decoded(_strict(data, codec), codec)
        else:
            found = charset.guess(data)
            if found is None:
                raise IngestError("not a text file (no plausible text encoding)", "binary")
            decoded = found
    if _looks_binary(decoded.text):
        raise IngestError("not a text file (binary data)", "binary")
    return decoded


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise IngestError(f"cannot decode text as {codec}", "undecodable") from err


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le/be when NULs sit in every other byte (mostly-ASCII UTF-16)."""
    sample = data[:4096]
    half = max(len(sample) // 2, 1)
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    """More than 1% of the sample is controls, surrogates, private-use or unassigned."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    # Counted by regex for ASCII and by distinct character beyond it: a Python
    # loop over every character cost 2 ms per article.
    odd = len(_ASCII_CONTROLS.findall(sample))
    if not sample.isascii():
        for ch, n in Counter(_NON_ASCII.findall(sample)).items():
            if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
                odd += n
    return odd / len(sample) > 0.01


_ASCII_CONTROLS = re.compile(
    "["
    + "".join(re.escape(chr(c)) for c in [*range(32), 127] if chr(c) not in _ALLOWED_CONTROLS)
    + "]"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _front_matter(text: str) -> tuple[str | None, datetime.date | None, int]:
    """Title, date and body offset from a YAML front-matter block (two regexes, no YAML)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, None, 0
    block = match.group(1)
    title = re.search(r"^title:[ \t]*['\"]?(.*?)['\"]?[ \t]*$", block, re.MULTILINE)
    date = re.search(r"^(?:date|published):[ \t]*['\"]?(.*?)['\"]?[ \t]*$", block, re.MULTILINE)
    return (
        title.group(1) if title else None,
        parse_date(date.group(1)) if date else None,
        match.end(),
    )
