"""Guessing the encoding of text bytes that carry no reliable label.

Order of trust: valid UTF-8; then UTF-8 with a few stray bytes replaced, when
the rest is clearly UTF-8 (an odd byte must not turn a whole article into
mojibake); then the likely Western single-byte encodings (cp1252, latin-1,
iso-8859-15, mac-roman, cp1250), each scored by whether it produces real
words: common accented letters inside words of mostly plain letters score,
symbols, control characters and odd capitals inside words cost. When no
Western encoding reads well, charset-normalizer (all encodings) decides.
A guess that is weak or ambiguous comes back with a warning for the user.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from tracker.ingest.document import Document

#: Tried in this order; the first wins a tie (cp1252 is what "latin-1" text
#: usually really is, and a superset of its printable characters).
CANDIDATES = ("cp1252", "latin-1", "iso-8859-15", "mac-roman", "cp1250")

_WESTERN = set("éèêëàâäáãåçîïíìôöóòõøûüúùñÿýæœßÉÈÊÀÂÄÁÇÎÍÔÖÓÕØÛÜÚÑÆŒ")
_CENTRAL = set("ąćęłńśźżčďěňřšťůžőűĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰăşţĂŞŢ")
_PUNCTUATION = set("’‘“”„–—…«»€£°§·•¿¡×")
_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")  # words with a non-ASCII character
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_UTF8_LEADS = [bytes([b]) for b in range(0xC2, 0xF5)]
_SAMPLE_BYTES = 64 * 1024
_EDGES = "\"'()[]{}<>.,;:!?«»“”‘’„…"
#: Fewer invalid bytes than this share of UTF-8 multi-byte characters: UTF-8 with strays.
_STRAY_SHARE = 0.05
#: Mean score per non-ASCII character below which a guess is called weak.
_WEAK = 1.5
#: Score lead over every different reading that makes a guess sure (a letter's worth).
_MARGIN = 2.5


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def with_warning(doc: Document, decoded: Decoded) -> Document:
    """``doc`` carrying the decoding's warning, if any."""
    if decoded.warning is None:
        return doc
    return dataclasses.replace(doc, warnings=(*doc.warnings, decoded.warning))


def guess(data: bytes) -> Decoded | None:
    """The most plausible reading of ``data`` (no byte-order mark, no NULs), or None."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    valid, invalid = _utf8_counts(data)
    if valid and invalid <= max(1, int(valid * _STRAY_SHARE)):
        plural = "s" if invalid > 1 else ""
        return Decoded(
            data.decode("utf-8", errors="replace"),
            "utf-8",
            f"{invalid} byte{plural} not valid UTF-8 replaced by \ufffd",
        )
    # Judged on a sample (scoring is Python, per word); decoded whole once chosen.
    sample = data[:_SAMPLE_BYTES]
    scored = []
    for codec in CANDIDATES:
        try:
            data.decode(codec)  # every byte must mean something in it
        except UnicodeDecodeError:
            continue
        text = sample.decode(codec)
        scored.append((score(text), codec, text))
    # max() keeps the first of equal scores: the candidates' order breaks ties.
    best = max(scored, key=lambda s: s[0], default=None)
    if best is None or best[0] <= 0:
        return _any_encoding(data)
    points, codec, text = best
    non_ascii = len(_NON_ASCII.findall(text)) or 1
    # A rival reading that scores about as well: which one is right is a coin toss.
    rivals = [s for s in scored if s[2] != text and s[0] > points - _MARGIN]
    whole = data.decode(codec)
    if points / non_ascii < _WEAK or rivals:
        return Decoded(whole, codec, f"text encoding unclear; read as {codec}, check accents")
    return Decoded(whole, codec)


def score(text: str) -> float:
    """How much ``text``'s non-ASCII characters look like real Western or Central European words."""
    total = 0.0
    for word in _WORD.findall(text):
        core = word.strip(_EDGES)
        foreign = sum(1 for ch in core if ord(ch) > 127)
        # Accents are a minority in Western words; all-accent "words" are another script misread.
        crowded = len(core) > 3 and foreign * 2 > len(core)
        for i, ch in enumerate(word):
            if ord(ch) <= 127:
                continue
            total += -3 if crowded else _char_score(word, i, ch)
    return total


def _char_score(word: str, i: int, ch: str) -> float:
    category = unicodedata.category(ch)
    if category[0] == "C":  # C1 controls, unassigned
        return -5
    if ch in _PUNCTUATION:
        inside = 0 < i < len(word) - 1 and word[i - 1].isalpha() and word[i + 1].isalpha()
        return -2 if inside and ch not in "’-" else 1  # l’accord, but not Œœ◊œ≈
    if not ch.isalpha():
        return -3  # ¤ ¦ ¨ ¹ ³ ± ¬ and the like, rare in running text
    weight = 3 if ch in _WESTERN else 2 if ch in _CENTRAL else 0.5
    before = word[i - 1] if i else ""
    if ch.isupper() and before.isalpha() and before.islower():
        return -2  # a capital after a small letter: "GenĶve"
    return weight


def _utf8_counts(data: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, bytes that are not part of valid UTF-8)."""
    # Counted with bytes methods (C speed): this runs on files of many megabytes.
    clean = data.decode("utf-8", errors="ignore").encode("utf-8")
    invalid = len(data) - len(clean)
    valid = sum(clean.count(lead) for lead in _UTF8_LEADS)
    return valid, invalid


def _any_encoding(data: bytes) -> Decoded | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    encoding = best.encoding
    warning = None
    if best.chaos > 0.2 or best.coherence < 0.2:
        warning = f"text encoding unclear; read as {encoding}, check the text"
    return Decoded(str(best), encoding, warning)
