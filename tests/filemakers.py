"""Builders for article files in every supported format, from text we write ourselves."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path


def _pdf_escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path, pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text block per page, optional /Info."""
    page_count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages dictionary, filled in once the kids are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        ops = (
            ["BT /F1 11 Tf 72 740 Td 14 TL"] + [f"({_pdf_escape(x)}) Tj T*" for x in lines] + ["ET"]
        )
        stream = "\n".join(ops).encode("latin-1") if lines else b"0 0 m 100 100 l S"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % content_ref
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), page_count)
    info_ref = None
    if info:
        entries = " ".join(f"/{k} ({_pdf_escape(v)})" for k, v in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        info_ref = len(objects)
    data = pdf_file(objects, info_ref)
    path.write_bytes(data)
    return data


def pdf_file(objects: list[bytes], info_ref: int | None = None) -> bytes:
    """A PDF file of numbered `objects` (object 1 the catalog), its xref and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1)
    if info_ref:
        trailer += b" /Info %d 0 R" % info_ref
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF with a real text layer, one line per string."""
    write_pdf(path, [lines])
    return path


def make_docx(path: Path, title: str, paragraphs: list[str]) -> Path:
    import docx

    doc = docx.Document()
    doc.core_properties.title = title
    doc.add_heading(title, level=1)
    for para in paragraphs:
        doc.add_paragraph(para)
    doc.save(str(path))
    return path


def make_eml(path: Path, subject: str, date_header: str, body: str) -> Path:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "Desk Editor <desk@example.org>"
    msg["To"] = "analyst@example.org"
    msg["Date"] = date_header
    msg.set_content(body)
    path.write_bytes(bytes(msg))
    return path


def make_html(path: Path, title: str, date_iso: str, paragraphs: list[str]) -> Path:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        f"""<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="{date_iso}T09:00:00Z">
<meta name="author" content="Jane Reporter">
<link rel="canonical" href="https://news.example.org/{path.stem}">
</head><body><nav>Home | World | Politics</nav><article><h1>{title}</h1>{body}</article>
<footer>Copyright Example News</footer></body></html>""",
        encoding="utf-8",
    )
    return path
