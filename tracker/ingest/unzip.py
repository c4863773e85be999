"""Unpacking zip-based inputs (DOCX) under a running byte cap.

A zip's index states each member's sizes, and a hostile file can lie there: a
few kilobytes that claim to unpack to a few hundred bytes may inflate to
gigabytes. So nothing here trusts a declared size. Each member is inflated
from its local header in small steps, and the bytes produced so far, over all
members, are counted as they come; past ``limit`` the file is refused as
"too large once unpacked". Memory stays bounded by the cap, whatever the index
says. A checksum that does not match the bytes produced means a damaged file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from tracker.ingest.document import IngestError

_LOCAL_HEADER = b"PK\x03\x04"
_IN_STEP = 64 * 1024
_OUT_STEP = 256 * 1024


def unpack(data: bytes, *, limit: int, label: str = "zip file") -> dict[str, bytes]:
    """Every file member of the zip in ``data``, inflated; raises IngestError.

    ``too_large`` past ``limit`` bytes unpacked in all; ``damaged`` when the
    archive or a member cannot be read or does not match its checksum.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception as err:
        raise IngestError(f"damaged or not a {label}", "damaged") from err
    members: dict[str, bytes] = {}
    budget = limit
    for info in infos:
        if info.is_dir():
            continue
        body = _member(data, info, budget, label)
        budget -= len(body)
        members[info.filename] = body
    return members


def repack(members: dict[str, bytes]) -> io.BytesIO:
    """The members as a fresh zip without compression, for libraries that want a zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    out.seek(0)
    return out


def _member(data: bytes, info: zipfile.ZipInfo, budget: int, label: str) -> bytes:
    damaged = IngestError(f"damaged {label} (member {info.filename!r})", "damaged")
    if info.flag_bits & 0x1:
        raise IngestError(f"encrypted {label}", "encrypted")
    offset = info.header_offset
    header = data[offset : offset + 30]
    if len(header) < 30 or not header.startswith(_LOCAL_HEADER):
        raise damaged
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    start = offset + 30 + name_len + extra_len
    if info.compress_type == zipfile.ZIP_STORED:
        # The stored size bounds a slice of bytes we already hold: no amplification.
        body = data[start : start + info.compress_size]
        if len(body) > budget:
            raise _too_large(label)
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        body = _inflate(memoryview(data)[start:], budget, label, damaged)
    else:
        raise IngestError(f"{label} uses an unsupported compression method", "damaged")
    if zlib.crc32(body) != info.CRC:
        raise damaged
    return body


def _inflate(stream: memoryview, budget: int, label: str, damaged: IngestError) -> bytes:
    """Raw deflate from ``stream`` until its end marker, never more than ``budget`` bytes."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    parts: list[bytes] = []
    produced = 0
    pos = 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                piece = inflater.decompress(inflater.unconsumed_tail, _OUT_STEP)
            elif pos < len(stream):
                piece = inflater.decompress(stream[pos : pos + _IN_STEP], _OUT_STEP)
                pos += _IN_STEP
            else:
                piece = inflater.decompress(b"", _OUT_STEP)  # output still held inside zlib
                if not piece:
                    raise damaged  # the data ends before the member does
            produced += len(piece)
            if produced > budget:
                raise _too_large(label)
            parts.append(piece)
    except zlib.error as err:
        raise damaged from err
    return b"".join(parts)


def _too_large(label: str) -> IngestError:
    return IngestError(f"{label} too large once unpacked", "too_large")
