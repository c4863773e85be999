"""Decoding specs: UTF-8 survives a stray byte, Western encodings are told apart by
the words they make, and a weak guess says so."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.cli import main
from tracker.ingest import read_file
from tracker.ingest.charset import guess
from tracker.ingest.plain import _looks_binary
from tracker.ingest.web import html_decoding

# Our own sentences, with the accents Western European news is full of.
FRENCH = (
    "Café et société à Genève\n\n"
    "Les négociateurs se sont retrouvés mercredi à Genève, où l’accord « très équilibré » "
    "a été salué par la délégation suisse. Prochaine séance prévue en février.\n"
)
GERMAN = (
    "Die Außenminister trafen sich am Dienstag in München; über Zölle wurde nicht gesprochen.\n"
)
POLISH = "Delegacja z Łodzi przyjechała wczoraj do Gdańska; rozmowy dotyczyły żeglugi na Bałtyku.\n"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (FRENCH, "cp1252"),
        (FRENCH.replace("’", "'"), "latin-1"),
        (GERMAN, "iso-8859-15"),
        (FRENCH, "mac-roman"),
        (POLISH, "cp1250"),
    ],
)
def test_western_single_byte_text_reads_as_real_words(tmp_path, text, codec):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    doc = read_file(path)
    assert doc.text == text
    assert doc.warnings == ()


def test_cp1252_french_is_not_read_as_a_baltic_code_page(tmp_path):
    path = tmp_path / "geneve.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    doc = read_file(path)
    assert doc.title == "Café et société à Genève"
    assert "Genève" in doc.text and "Cafķ" not in doc.text


def test_one_stray_byte_in_utf8_is_replaced_and_the_rest_kept(tmp_path):
    data = FRENCH.encode("utf-8")
    cut = data.index(b"mercredi")
    path = tmp_path / "stray.txt"
    path.write_bytes(data[:cut] + b"\x9d" + data[cut:])
    doc = read_file(path)
    assert (
        doc.text
        == FRENCH[: FRENCH.index("mercredi")] + "\ufffd" + FRENCH[FRENCH.index("mercredi") :]
    )
    assert doc.warnings == ("1 byte not valid UTF-8 replaced by \ufffd",)


def test_a_weak_guess_comes_with_a_warning():
    # Two bytes of symbols and no word to judge them by.
    found = guess(b"Score: 3\xb1 1 \xa6 ok\n")
    assert found is not None and found.warning is not None
    assert "encoding unclear" in found.warning


def test_html_with_an_unknown_charset_is_guessed_from_its_words(tmp_path):
    page = (
        '<html><head><meta charset="x-unheard-of"><title>Café et société à Genève</title>'
        "</head><body><p>" + FRENCH.split("\n\n")[1] + "</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    doc = read_file(path)
    assert doc.title == "Café et société à Genève"
    assert "délégation suisse" in doc.text


def test_html_declaring_utf8_with_a_stray_byte_keeps_its_utf8(tmp_path):
    page = f'<html><head><meta charset="utf-8"></head><body><p>{GERMAN}</p></body></html>'
    data = page.encode("utf-8").replace(b"Dienstag", b"Diens\xfftag")
    decoded = html_decoding(data)
    assert "Außenminister" in decoded.text and "München" in decoded.text
    assert decoded.warning is not None


def test_html_declaring_latin1_reads_cp1252_quotes_like_a_browser():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>l’accord</p></body></html>'
    assert "l’accord" in html_decoding(page.encode("cp1252")).text


def test_import_prints_the_warning_next_to_the_file(tmp_path, capsys):
    path = tmp_path / "stray.txt"
    path.write_bytes(GERMAN.encode("utf-8").replace(b"Dienstag", b"Diens\xfftag"))
    assert main(["import", "--db", str(tmp_path / "t.db"), str(path)]) == 0
    err = capsys.readouterr().err
    assert "warning   " in err and "stray.txt: 1 byte not valid UTF-8" in err


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0, max_codepoint=127),
            st.characters(min_codepoint=0x80, max_codepoint=0x9F),
            st.characters(codec="utf-8"),
            st.sampled_from("\ue000\U000f0000\u0378\t\n"),
        ),
        max_size=400,
    )
)
def test_binary_text_is_told_by_the_share_of_control_private_and_unassigned_characters(text):
    odd = sum(
        ch not in "\t\n\r\f\v\x1b" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
        for ch in text
    )
    assert _looks_binary(text) == (bool(text) and odd / len(text) > 0.01)
