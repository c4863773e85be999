"""Every refusal names its real cause: damaged not scanned, nested not empty, disk full
stops the batch."""

from __future__ import annotations

import errno
import io
import random
import re
from pathlib import Path

import pytest
from filemakers import make_pdf, pdf_file, write_pdf
from pypdf import PdfReader, PdfWriter

from tracker import services
from tracker.cli import main
from tracker.ingest import IngestError, read_file
from tracker.store import events as event_store

LINES = ["Ceasefire talks resume", "Negotiators met in Doha on 15 July 2024."] * 10


def compressed_pdf(path: Path) -> bytes:
    """A text PDF whose page content is Flate-compressed, as most real PDFs are."""
    make_pdf(path, LINES)
    writer = PdfWriter(clone_from=PdfReader(path))
    for page in writer.pages:
        page.compress_content_streams()
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def test_a_pdf_with_a_corrupted_content_stream_is_damaged_not_scanned(tmp_path):
    path = tmp_path / "talks.pdf"
    data = bytearray(compressed_pdf(path))
    assert "Doha" in read_file(path).text
    start = re.search(rb"/FlateDecode[^>]*>>\s*stream\r?\n", data).end() + 5
    data[start : start + 60] = random.Random(3).randbytes(60)
    path.write_bytes(bytes(data))
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged"
    assert str(info.value).startswith("damaged PDF")
    assert "scanned" not in str(info.value)


def image_only_pdf(path: Path) -> None:
    """One page showing a 1x1 grey image and no text: what a scanner makes."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        b" /Resources << /XObject << /Im1 3 0 R >> >> >>",
        b"<< /Length 31 >>\nstream\nq 612 0 0 792 0 0 cm /Im1 Do Q\nendstream",
    ]
    path.write_bytes(pdf_file(objects))


def test_a_pdf_of_images_without_text_is_called_a_scan(tmp_path):
    path = tmp_path / "scan.pdf"
    image_only_pdf(path)
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text" and "scanned PDF" in str(info.value)


def test_a_pdf_with_no_text_and_no_images_says_just_that(tmp_path):
    path = tmp_path / "lines.pdf"
    write_pdf(path, [[]])  # a page that only draws a line
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text" and "scanned" not in str(info.value)


def test_a_page_nested_100000_deep_is_too_deeply_nested(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(
        "<html><body>"
        + "<div>" * 100_000
        + "Ministers met in Rome on 3 May 2024."
        + "</div>" * 100_000
        + "</body></html>",
        encoding="utf-8",
    )
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "too_complex"
    assert "too deeply nested" in str(info.value)


def test_a_deep_widget_does_not_hide_shallow_text(tmp_path):
    path = tmp_path / "widget.html"
    path.write_text(
        "<html><body><p>Ministers met in Rome on 3 May 2024 to sign the accord.</p>"
        + "<span>" * 400
        + "x"
        + "</span>" * 400
        + "</body></html>",
        encoding="utf-8",
    )
    assert "Ministers met in Rome" in read_file(path).text


def many_articles(folder: Path, n: int, size: int = 1) -> Path:
    folder.mkdir()
    for i in range(n):
        body = f"Envoys met in Vienna on {1 + i} May 2024 for round {i} of talks. " * size
        (folder / f"a{i}.txt").write_text(f"Round {i}\n\n{body}\n", encoding="utf-8")
    return folder


def test_a_full_database_disk_stops_the_batch_at_the_first_failure(tmp_path):
    folder = many_articles(tmp_path / "articles", 5, size=300)
    db = services.open_db(tmp_path / "t.db")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 12}")  # SQLite's own "disk is full"
    results = services.import_paths(db, [folder])
    statuses = [r.status for r in results]
    first_failure = statuses.index("failed")
    assert results[first_failure].reason == "disk full (database or disk is full)"
    assert statuses[first_failure + 1 :] == ["cancelled"] * (4 - first_failure)
    assert all("import stopped (disk full" in r.reason for r in results[first_failure + 1 :])
    assert db.execute("select count(*) from articles").fetchone()[0] == first_failure


def test_no_space_left_on_device_stops_the_batch_and_the_cli_says_so(tmp_path, capsys, monkeypatch):
    folder = many_articles(tmp_path / "articles", 4)
    real = event_store.replace_extracted
    calls = []

    def replace_then_run_out_of_space(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(event_store, "replace_extracted", replace_then_run_out_of_space)
    assert main(["import", "--db", str(tmp_path / "t.db"), str(folder)]) == 1
    out, err = capsys.readouterr()
    assert out.count("imported  ") == 1
    assert "a1.txt: disk full (no space left on device)" in err
    assert "2 files not tried: import stopped (disk full" in err
    assert len(calls) == 2  # nothing was tried after the disk filled up
