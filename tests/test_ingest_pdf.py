"""Specs for PDF ingest, on PDFs written by a tiny PDF writer in this module."""

from __future__ import annotations

import datetime

import pytest

from tracker.ingest import IngestError, read_file

PAGE_ONE = [
    "Desert rail line reaches the coast",
    "Port Sudan, 4 June 2024",
    "The first freight train crossed the new desert line on Tuesday.",
]
PAGE_TWO = ["Officials expect passenger services to begin next spring."]


def _escape(line: str) -> str:
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
        ops = ["BT /F1 11 Tf 72 740 Td 14 TL"] + [f"({_escape(x)}) Tj T*" for x in lines] + ["ET"]
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
        entries = " ".join(f"/{k} ({_escape(v)})" for k, v in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
        info_ref = len(objects)

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
    path.write_bytes(bytes(out))
    return bytes(out)


def test_pdf_pages_are_joined_with_a_blank_line_and_metadata_read(tmp_path):
    path = tmp_path / "rail.pdf"
    write_pdf(
        path,
        [PAGE_ONE, PAGE_TWO],
        info={"Title": "Desert rail reaches coast", "Author": "Omar Haddad"},
    )
    doc = read_file(path)
    assert doc.format == "pdf"
    assert doc.text == "\n".join(PAGE_ONE) + "\n\n" + "\n".join(PAGE_TWO)
    assert (doc.title, doc.author) == ("Desert rail reaches coast", "Omar Haddad")
    assert (doc.published, doc.date_source) == (datetime.date(2024, 6, 4), "dateline")


def test_pdf_without_metadata_takes_title_from_first_line(tmp_path):
    path = tmp_path / "rail.pdf"
    write_pdf(path, [PAGE_ONE[2:]])
    doc = read_file(path)
    assert doc.title == PAGE_ONE[2]
    assert (doc.author, doc.published, doc.date_source) == (None, None, "none")


def test_pdf_creation_date_is_only_a_fallback_marked_file(tmp_path):
    undated = tmp_path / "undated.pdf"
    write_pdf(undated, [PAGE_TWO], info={"CreationDate": "D:20240611093000Z"})
    doc = read_file(undated)
    assert (doc.published, doc.date_source) == (datetime.date(2024, 6, 11), "file")

    dated = tmp_path / "dated.pdf"
    write_pdf(dated, [PAGE_ONE], info={"CreationDate": "D:20240611093000Z"})
    assert read_file(dated).published == datetime.date(2024, 6, 4)


def test_placeholder_pdf_titles_are_ignored(tmp_path):
    path = tmp_path / "rail.pdf"
    write_pdf(path, [PAGE_ONE], info={"Title": "Microsoft Word - draft7.docx"})
    assert read_file(path).title == PAGE_ONE[0]


def test_truncated_pdf_is_damaged(tmp_path):
    whole = write_pdf(tmp_path / "whole.pdf", [PAGE_ONE, PAGE_TWO])
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged" and "damaged PDF" in str(info.value)


def test_pdf_with_garbage_body_is_damaged(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(1, 255)) * 4 + b"\n%%EOF\n")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged"


def test_text_file_named_pdf_is_not_a_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("Just some notes, not a PDF at all.", "utf-8")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert str(info.value) == "not a PDF file"


def test_pdf_without_a_text_layer_has_no_extractable_text(tmp_path):
    path = tmp_path / "scan.pdf"
    write_pdf(path, [[], []])
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text" and "no extractable text" in str(info.value)


def test_encrypted_pdf_needing_a_password_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    write_pdf(plain, [PAGE_ONE])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="opensesame", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(IngestError) as info:
        read_file(locked)
    assert info.value.kind == "encrypted"
