"""HTML pages (saved files, dropped markup, e-mail bodies): main text and metadata.

trafilatura finds the article body, title, author, publication date, canonical
URL and site name. We parse the markup with lxml ourselves and hand trafilatura
the tree: a string could be mistaken for a URL by htmldate, and nothing here
may touch the network. When trafilatura finds no body (short fragments, odd
pages) the visible text of the page, block by block, is used instead.
"""

from __future__ import annotations

import codecs
import copy
import re
from pathlib import Path
from typing import Any

from tracker.ingest import charset, nesting
from tracker.ingest.assemble import clean, make_document
from tracker.ingest.charset import Decoded, with_warning
from tracker.ingest.dateline import parse_date
from tracker.ingest.document import Document, IngestError

_BLOCK_TAGS = (
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer "
    "blockquote pre figure figcaption dd dt hr main aside td th"
).split()
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_html(data: bytes, path: Path) -> Document:
    decoded = html_decoding(data)
    try:
        doc = extract_html(decoded.text, stem=path.stem, fmt="html", path=path)
    except (IngestError, RecursionError) as err:
        if (isinstance(err, RecursionError) or err.kind == "no_text") and nesting.too_deep(
            decoded.text
        ):
            raise IngestError(
                f"page too deeply nested to read (tags more than {nesting.MAX_DEPTH} levels deep)",
                "too_complex",
            ) from None
        raise
    return with_warning(doc, decoded)


def extract_html(
    markup: str, *, stem: str, fmt: str = "html", path: Path | None = None
) -> Document:
    """A Document from HTML markup (a whole page or a fragment)."""
    found = html_parts(markup)
    return make_document(
        found["text"],
        fmt=fmt,
        stem=stem,
        title=found["title"],
        published=found["published"],
        url=found["url"],
        author=found["author"],
        source_name=found["source_name"],
        path=path,
    )


def html_parts(markup: str) -> dict[str, Any]:
    """Text and metadata of `markup`; raises IngestError when there is no text."""
    import lxml.etree
    import lxml.html

    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""), count=1)
    if not markup.strip():
        raise IngestError("no extractable text", "no_text")
    try:
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as err:
        raise IngestError("no extractable text (unreadable HTML)", "no_text") from err

    title_from_tree = _title_from_tree(tree)  # before visible_text() prunes the tree
    result = _trafilatura(copy.deepcopy(tree))
    text = (getattr(result, "text", None) or "").strip()
    visible = visible_text(tree)
    if not text or _squeezed(text) == _squeezed(visible):
        # Nothing was boilerplate; the block-aware text keeps inline markup
        # (<b>, <i>) on its line, where trafilatura may split it.
        text = visible
    if not text:
        raise IngestError("no extractable text", "no_text")
    title = getattr(result, "title", None) or title_from_tree
    date = getattr(result, "date", None)
    hostname = getattr(result, "hostname", None)
    return {
        "text": text,
        "title": title,
        "published": parse_date(date) if date else None,
        "url": getattr(result, "url", None),
        "author": getattr(result, "author", None),
        "source_name": getattr(result, "sitename", None) or hostname,
    }


def _trafilatura(tree: Any) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Only dates the page states in its markup; no guessing from body text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura has failed on unusual trees; fall back to lxml
        return None


def _squeezed(text: str) -> str:
    return "".join(text.split())


def visible_text(tree: Any) -> str:
    """The page's text with one line per block element, blank lines collapsed."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in list(root.iter(*_INVISIBLE_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    raw = root.text_content()
    lines = (" ".join(line.split()) for line in raw.splitlines())
    return "\n".join(line for line in lines if line)


def _title_from_tree(tree: Any) -> str | None:
    for path in ("//head/title", "//h1"):
        found = tree.xpath(path)
        if found:
            title = clean(found[0].text_content())
            if title:
                return title
    return None


#: Labels that browsers read as windows-1252 (WHATWG Encoding), a superset of them.
_READ_AS_CP1252 = frozenset({"iso-8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii"})


def html_decoding(data: bytes) -> Decoded:
    """How to read HTML bytes; a declared charset is trusted only when it decodes cleanly."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    if b"\x00" in data[:4096]:
        raise IngestError("not an HTML file (binary data)", "binary")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        codec = "cp1252" if label in _READ_AS_CP1252 else label
        try:
            name = codecs.lookup(codec).name
        except LookupError:
            name = None  # unknown charset name: guess instead
        if name is not None and name != "utf-8":
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError:
                pass  # the page is not in the charset it declares: guess instead
    found = charset.guess(data)
    if found is None:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252", "text encoding unclear")
    return found
