"""Zip-based inputs are unpacked under a running byte cap, whatever their index claims."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import docx
import pytest

from tracker.ingest import IngestError, read_file, word
from tracker.ingest.unzip import unpack

BOMB_BYTES = 48 * 1024 * 1024  # what the hidden member really inflates to
CLAIMED = 1000  # what the zip's index says it inflates to
CAP = 4 * 1024 * 1024


def lie_about_size(data: bytes, member: str, claimed: int) -> bytes:
    """Rewrite the uncompressed size of ``member`` in its local and central headers."""
    out = bytearray(data)
    name = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = out.find(signature)
        while pos != -1:
            name_len = struct.unpack_from("<H", out, pos + (26 if name_at == 30 else 28))[0]
            if bytes(out[pos + name_at : pos + name_at + name_len]) == name:
                struct.pack_into("<I", out, pos + size_at, claimed)
            pos = out.find(signature, pos + 4)
    return bytes(out)


def docx_bomb(path, member="word/document.xml") -> bytes:
    """A real DOCX whose main part is padded to 48 MB, while its index says 1000 bytes."""
    original = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Delegates met in Oslo on 2 June 2024.")
    document.save(original)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(original) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            body = source.read(info)
            if info.filename == member:
                body += b" " * BOMB_BYTES  # white space after the root: still valid XML
            archive.writestr(info.filename, body)
    data = lie_about_size(buffer.getvalue(), member, CLAIMED)
    path.write_bytes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:  # the lie is what a reader sees
        assert archive.getinfo(member).file_size == CLAIMED
        assert sum(i.file_size for i in archive.infolist()) < CAP
    return data


def test_a_docx_bomb_whose_index_lies_is_too_large_once_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_EXPANDED_BYTES", CAP)
    path = tmp_path / "bomb.docx"
    docx_bomb(path)
    tracemalloc.start()
    try:
        with pytest.raises(IngestError) as info:
            read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.kind == "too_large"
    assert str(info.value) == "DOCX file too large once unpacked"
    assert peak < 4 * CAP  # never inflated past the cap, whatever the index said


def test_a_docx_under_the_cap_reads_normally(tmp_path):
    path = tmp_path / "ok.docx"
    document = docx.Document()
    document.add_paragraph("Delegates met in Oslo on 2 June 2024.")
    document.save(str(path))
    assert read_file(path).text == "Delegates met in Oslo on 2 June 2024."


def test_a_member_that_does_not_match_its_checksum_is_damaged(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(buffer.getvalue())
    data[data.find(b"<w:document/>")] = ord("X")
    with pytest.raises(IngestError) as info:
        unpack(bytes(data), limit=CAP, label="DOCX file")
    assert info.value.kind == "damaged"


def test_a_truncated_deflate_stream_is_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", bytes(range(256)) * 400)
    data = buffer.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    start = 30 + len("a.xml")
    cut = data[: start + info.compress_size // 2]  # the member's data stops halfway
    with pytest.raises(IngestError) as err:
        unpack(cut + data[start + info.compress_size :], limit=CAP)
    assert err.value.kind == "damaged"
