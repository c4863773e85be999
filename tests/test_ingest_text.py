"""Specs for plain-text and Markdown ingest, and for the failures read_file reports."""

from __future__ import annotations

import datetime
import os

import pytest

from tracker.ingest import IngestError, read_file

ARTICLE = (
    "Harbour talks end with a fishing accord\n"
    "By Mira Solano\n"
    "Published 13 November 2024 10:02\n"
    "\n"
    "Negotiators from two coastal states signed a fishing accord on Wednesday after "
    "three rounds of talks. The accord takes effect on 1 January 2025.\n"
)


def _failure(path, **kwargs) -> IngestError:
    with pytest.raises(IngestError) as info:
        read_file(path, **kwargs)
    return info.value


def test_txt_text_is_the_decoded_content_unchanged_with_crlf(tmp_path):
    raw = ARTICLE.replace("\n", "\r\n") + "  trailing spaces stay  \r\n"
    path = tmp_path / "accord.txt"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_file(path)
    assert doc.text == raw
    assert doc.title == "Harbour talks end with a fishing accord"
    assert (doc.published, doc.date_source) == (datetime.date(2024, 11, 13), "dateline")
    assert doc.format == "txt"


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert read_file(path).text == ARTICLE


def test_latin1_text_is_decoded_correctly(tmp_path):
    text = (
        "Réunion des ministres à Genève\n\n"
        "Les délégués se sont réunis mercredi à Genève pour un accord sur la pêche. "
        "Le traité entrera en vigueur l'année prochaine, a précisé le négociateur français. "
        "Les pêcheurs côtiers espèrent une amélioration rapide de leurs conditions.\n"
    )
    path = tmp_path / "geneve.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = read_file(path)
    assert doc.text == text
    assert doc.title == "Réunion des ministres à Genève"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_decoded_with_or_without_bom(tmp_path, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode(codec))
    doc = read_file(path)
    assert doc.text == ARTICLE
    assert doc.published == datetime.date(2024, 11, 13)


def test_text_without_date_has_none_and_title_from_first_line(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("\n\n   Council meets again   \nThe council met on Tuesday.\n", "utf-8")
    doc = read_file(path)
    assert doc.title == "Council meets again"
    assert (doc.published, doc.date_source) == (None, "none")


def test_long_first_line_title_is_cut_to_200_chars(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100 + "\nbody\n", "utf-8")
    title = read_file(path).title
    assert 0 < len(title) <= 200 and title.startswith("word word")


def test_markdown_heading_and_front_matter(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Port strike ends\n\nDockworkers returned on Monday.\n", "utf-8")
    doc = read_file(path)
    assert (doc.title, doc.format) == ("Port strike ends", "md")
    assert doc.text == "# Port strike ends\n\nDockworkers returned on Monday.\n"

    fronted = tmp_path / "front.md"
    fronted.write_text(
        '---\ntitle: "Rail link opens"\ndate: 2023-05-02\n---\n\n# Heading\n\nTrains ran.\n',
        "utf-8",
    )
    doc = read_file(fronted)
    assert (doc.title, doc.published, doc.date_source) == (
        "Rail link opens",
        datetime.date(2023, 5, 2),
        "meta",
    )


def test_markdown_front_matter_without_title_takes_first_body_line(tmp_path):
    path = tmp_path / "front.md"
    path.write_text("---\nlayout: post\n---\n## Bridge reopens\n\nTraffic resumed.\n", "utf-8")
    assert read_file(path).title == "Bridge reopens"


def test_random_bytes_named_txt_are_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 8 + os.urandom(2048))
    err = _failure(path)
    assert err.kind == "binary" and "not a text file" in str(err)


def test_random_bytes_without_nul_are_binary(tmp_path):
    import random

    rng = random.Random(7)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)))
    assert _failure(path).kind == "binary"


def test_empty_and_whitespace_only_files_are_empty(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_bytes(b" \r\n\t\n")
    for path in (empty, blank):
        err = _failure(path)
        assert (err.kind, str(err)) == ("empty", "empty file")


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 50, "utf-8")
    err = _failure(path, max_bytes=1000)
    assert err.kind == "too_large" and "too large" in str(err)
    assert read_file(path, max_bytes=10_000_000).text == ARTICLE * 50


def test_unsupported_extension(tmp_path):
    path = tmp_path / "data.xyz"
    path.write_text("some text", "utf-8")
    err = _failure(path)
    assert (err.kind, str(err), err.reason) == (
        "unsupported",
        "unsupported file type .xyz",
        "unsupported file type .xyz",
    )


def test_missing_file_and_directory(tmp_path):
    assert _failure(tmp_path / "gone.txt").kind == "not_found"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _failure(folder).kind == "unreadable"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, "utf-8")
    path.chmod(0)
    try:
        err = _failure(path)
    finally:
        path.chmod(0o600)
    assert err.kind == "unreadable" and "permission" in str(err)


def test_extension_match_is_case_insensitive(tmp_path):
    path = tmp_path / "LOUD.TXT"
    path.write_text(ARTICLE, "utf-8")
    assert read_file(path).format == "txt"


def test_markdown_bare_heading_mark_is_no_title(tmp_path):
    # A "#" with no words names nothing: the title comes from what follows.
    path = tmp_path / "bare.md"
    path.write_text("#\n\nDock workers in Rotterdam walked out on Monday.\n", "utf-8")
    doc = read_file(path)
    assert doc.title and doc.title != "#"
    assert "Dock workers" in doc.title
