"""Specs for saved e-mail (.eml) ingest, on messages built with the email package."""

from __future__ import annotations

import datetime
from email.message import EmailMessage

import pytest

from tracker.ingest import IngestError, read_file

BODY = (
    "Coalition talks in Lisbon collapsed late on Thursday after the two largest parties "
    "failed to agree on a budget.\n\nA new round is planned for next week.\n"
)


def write_eml(
    path,
    *,
    subject="Lisbon coalition talks collapse",
    plain=BODY,
    html=None,
    date="Thu, 07 Mar 2024 22:15:00 +0000",
    sender="Rui Matos <rui@example.com>",
    extra=None,
):
    message = EmailMessage()
    if subject is not None:
        message["Subject"] = subject
    if sender is not None:
        message["From"] = sender
    message["To"] = "desk@example.org"
    if date is not None:
        message["Date"] = date
    for name, value in (extra or {}).items():
        message[name] = value
    if plain is not None:
        message.set_content(plain)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    path.write_bytes(bytes(message))
    return path


def test_eml_headers_are_title_date_author_and_plain_body_is_text(tmp_path):
    doc = read_file(write_eml(tmp_path / "talks.eml", html="<p>HTML twin of the body</p>"))
    assert doc.format == "eml"
    assert doc.title == "Lisbon coalition talks collapse"
    assert (doc.published, doc.date_source) == (datetime.date(2024, 3, 7), "meta")
    assert doc.author == "Rui Matos"
    assert doc.text == BODY
    assert "HTML twin" not in doc.text


def test_eml_with_only_html_body_goes_through_the_html_path(tmp_path):
    html = (
        "<html><head><link rel='canonical' href='https://daily.example.com/lisbon'></head>"
        "<body><p>Coalition talks in <b>Lisbon</b> collapsed late on Thursday.</p>"
        "<script>ignored()</script></body></html>"
    )
    doc = read_file(write_eml(tmp_path / "html.eml", plain=None, html=html))
    assert "Coalition talks in Lisbon collapsed late on Thursday." in doc.text
    assert "ignored" not in doc.text
    assert doc.url == "https://daily.example.com/lisbon"
    assert doc.published == datetime.date(2024, 3, 7)


def test_forward_prefix_is_dropped_and_non_ascii_subject_decoded(tmp_path):
    path = write_eml(tmp_path / "fwd.eml", subject="Fwd: Négociations à Lisbonne")
    assert read_file(path).title == "Négociations à Lisbonne"


def test_eml_without_subject_or_date_falls_back_to_text(tmp_path):
    body = "Lisbon, 7 March 2024\nCoalition talks collapsed.\n"
    path = write_eml(tmp_path / "bare.eml", subject=None, date=None, plain=body, sender=None)
    doc = read_file(path)
    assert doc.title == "Lisbon, 7 March 2024"
    assert (doc.published, doc.date_source) == (datetime.date(2024, 3, 7), "dateline")
    assert doc.author is None


def test_saved_page_url_header_becomes_the_url(tmp_path):
    path = write_eml(
        tmp_path / "page.eml", extra={"Snapshot-Content-Location": "https://example.com/a"}
    )
    assert read_file(path).url == "https://example.com/a"


def test_plain_text_named_eml_is_not_an_email(tmp_path):
    path = tmp_path / "note.eml"
    path.write_text("Just a note without any headers at all.\n", "utf-8")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "damaged" and "not an e-mail" in str(info.value)


def test_eml_with_empty_body_has_no_extractable_text(tmp_path):
    path = write_eml(tmp_path / "empty.eml", plain="\n\n")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text"
