"""Specs for the format registry and for read_file's promise: IngestError or a Document."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker import ingest
from tracker.ingest import registry

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".eml")


def test_supported_extensions_come_from_the_registry():
    assert ingest.supported_extensions() == EXTENSIONS
    assert set(ingest.supported_extensions()) == {
        ext for fmt in ingest.FORMATS for ext in fmt.extensions
    }


@pytest.mark.parametrize(
    "name,expected",
    [("a.txt", True), ("A.HTM", True), ("dir/b.Docx", True), ("c.xyz", False), ("README", False)],
)
def test_is_supported(name, expected):
    assert ingest.is_supported(name) is expected
    assert ingest.is_supported(Path(name)) is expected


def test_a_reader_bug_still_comes_out_as_ingest_error(tmp_path, monkeypatch):
    def broken(data, path):
        raise RuntimeError("boom")

    txt = registry._BY_EXTENSION[".txt"]
    monkeypatch.setitem(registry._BY_EXTENSION, ".txt", dataclasses.replace(txt, reader=broken))
    path = tmp_path / "a.txt"
    path.write_text("Some text.", "utf-8")
    with pytest.raises(ingest.IngestError) as info:
        ingest.read_file(path)
    assert info.value.kind == "damaged" and "RuntimeError" in str(info.value)


def test_importing_tracker_ingest_loads_no_heavy_library():
    heavy = ["trafilatura", "pypdf", "docx", "dateparser", "charset_normalizer", "lxml"]
    code = f"import sys, tracker.ingest; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(min_size=1, max_size=400), ext=st.sampled_from(EXTENSIONS))
def test_any_bytes_give_a_document_or_an_ingest_error(tmp_path, data, ext):
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    try:
        doc = ingest.read_file(path)
    except ingest.IngestError as err:
        assert str(err)
    else:
        assert doc.text.strip() and doc.title
        assert doc.date_source in ("meta", "dateline", "file", "none")


def test_dialog_filters_list_every_extension():
    filters = ingest.dialog_filters()
    assert filters[0] == "Articles (*.txt *.md *.html *.htm *.pdf *.docx *.eml)"
    assert "Web pages (*.html *.htm)" in filters


def test_ingest_error_keeps_reason_and_kind_across_pickling():
    import pickle

    err = pickle.loads(pickle.dumps(ingest.IngestError("empty file", "empty")))
    assert (str(err), err.reason, err.kind) == ("empty file", "empty file", "empty")
