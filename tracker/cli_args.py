"""Argument types and safe printing for the command line.

Every value a user types is checked by an argparse ``type`` here, so a bad one
is a usage error (exit 2) naming the option, never a traceback further in.
``printable`` makes a file name or title safe to print on a terminal: bytes that
are not UTF-8 (kept by Python as surrogate escapes) and control characters
(ANSI escape sequences, newlines) are written as visible escapes.
"""

from __future__ import annotations

import argparse
import math
import re
from datetime import date

#: SQLite integers are signed 64-bit; an id beyond that can name no row.
MAX_ROW_ID = 2**63 - 1
#: Anchor dates keep room either side for relative dates ("in ten years").
MIN_ANCHOR_YEAR, MAX_ANCHOR_YEAR = 1000, 9000

_DATE_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def row_id(value: str) -> int:
    """A database id: a whole number from 1 to 2**63 - 1."""
    try:
        number = int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {printable(value)!r}") from None
    if not 1 <= number <= MAX_ROW_ID:
        raise argparse.ArgumentTypeError(f"no such id (ids run from 1 to {MAX_ROW_ID})")
    return number


def date_bound(value: str) -> str:
    """A date at year, month or day precision: YYYY, YYYY-MM or YYYY-MM-DD; returned as typed."""
    match = _DATE_BOUND.fullmatch(value.strip())
    if match is None:
        raise argparse.ArgumentTypeError(
            f"not a date (want YYYY, YYYY-MM or YYYY-MM-DD): {printable(value)!r}"
        )
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"no such date: {printable(value)!r}") from None
    return match.group(0)


def anchor_date(value: str) -> date:
    """A publication date, YYYY-MM-DD, in a range relative dates can be resolved from."""
    try:
        when = date.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date (want YYYY-MM-DD): {printable(value)!r}"
        ) from None
    if not MIN_ANCHOR_YEAR <= when.year <= MAX_ANCHOR_YEAR:
        raise argparse.ArgumentTypeError(
            f"year out of range ({MIN_ANCHOR_YEAR}-{MAX_ANCHOR_YEAR}): {printable(value)!r}"
        )
    return when


def megabytes(value: str) -> float:
    """A positive, finite size in megabytes."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {printable(value)!r}") from None
    if not math.isfinite(number) or number <= 0 or number > 1024 * 1024:
        raise argparse.ArgumentTypeError(f"want a size in MB above 0: {printable(value)!r}")
    return number


_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """``text`` fit for a terminal: non-UTF-8 bytes as ``\\xNN``, control characters escaped."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:  # any other lone surrogate
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(_CONTROL_ESCAPES.get(ch, f"\\x{code:02x}"))
        elif code in (0x2028, 0x2029) or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
            out.append(f"\\u{code:04x}")  # line breaks and direction overrides
        else:
            out.append(ch)
    return "".join(out)
