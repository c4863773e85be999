"""Specs for PDF ingest, on PDFs written by the tiny PDF writer in filemakers."""

from __future__ import annotations

import datetime

import pytest
from filemakers import write_pdf

from tracker.ingest import IngestError, read_file

PAGE_ONE = [
    "Desert rail line reaches the coast",
    "Port Sudan, 4 June 2024",
    "The first freight train crossed the new desert line on Tuesday.",
]
PAGE_TWO = ["Officials expect passenger services to begin next spring."]


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


def test_pdf_properties_date_comes_after_the_dateline(tmp_path):
    undated = tmp_path / "undated.pdf"
    write_pdf(undated, [PAGE_TWO], info={"CreationDate": "D:20240611093000Z"})
    doc = read_file(undated)
    assert (doc.published, doc.date_source) == (datetime.date(2024, 6, 11), "meta")

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
