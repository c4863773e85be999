"""Specs for Word (.docx) ingest, on documents written with python-docx."""

from __future__ import annotations

import datetime
import zipfile

import docx
import pytest

from tracker.ingest import IngestError, read_file

PARAGRAPHS = [
    "Mountain pass reopens to trucks",
    "Geneva, 21 August 2023",
    "Freight traffic resumed through the pass on Monday after a landslide closed it.",
    "Engineers will inspect the slope again in October.",
]


def write_docx(path, paragraphs, *, title=None, author=None, created=None):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    props = document.core_properties
    if title is not None:
        props.title = title
    if author is not None:
        props.author = author
    if created is not None:
        props.created = created
    document.save(str(path))
    return path


def test_docx_paragraphs_are_joined_by_newlines_with_core_properties(tmp_path):
    path = write_docx(
        tmp_path / "pass.docx", PARAGRAPHS, title="Pass reopens", author="Lena Brandt"
    )
    doc = read_file(path)
    assert doc.format == "docx"
    assert doc.text == "\n".join(PARAGRAPHS)
    assert (doc.title, doc.author) == ("Pass reopens", "Lena Brandt")
    assert (doc.published, doc.date_source) == (datetime.date(2023, 8, 21), "dateline")


def test_docx_library_defaults_are_not_metadata(tmp_path):
    # python-docx's template says author "python-docx", created 2013-12-23.
    path = write_docx(tmp_path / "plain.docx", PARAGRAPHS[2:])
    doc = read_file(path)
    assert (doc.title, doc.author) == (PARAGRAPHS[2], None)
    assert (doc.published, doc.date_source) == (None, "none")


def test_docx_properties_date_comes_after_the_dateline(tmp_path):
    created = datetime.datetime(2023, 8, 22, 7, 30)
    undated = write_docx(tmp_path / "undated.docx", PARAGRAPHS[2:], created=created)
    assert read_file(undated).published == datetime.date(2023, 8, 22)
    assert read_file(undated).date_source == "meta"
    dated = write_docx(tmp_path / "dated.docx", PARAGRAPHS, created=created)
    assert read_file(dated).published == datetime.date(2023, 8, 21)


def test_zip_that_is_not_a_docx_is_damaged(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "This archive holds no Word document.")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged" and "DOCX" in str(info.value)


def test_truncated_docx_is_damaged(tmp_path):
    whole = write_docx(tmp_path / "whole.docx", PARAGRAPHS).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged"


def test_docx_with_only_empty_paragraphs_has_no_extractable_text(tmp_path):
    path = write_docx(tmp_path / "blank.docx", ["", "   ", ""])
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text"


def test_docx_that_would_unpack_to_gigabytes_is_refused(tmp_path, monkeypatch):
    from tracker.ingest import word

    monkeypatch.setattr(word, "MAX_EXPANDED_BYTES", 1000)
    path = write_docx(tmp_path / "bomb.docx", PARAGRAPHS)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "too_large"
