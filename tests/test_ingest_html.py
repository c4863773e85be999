"""Specs for HTML files and for text or HTML dropped from a browser."""

from __future__ import annotations

import datetime

import pytest

from tracker.ingest import Document, IngestError, read_dropped, read_file

PARAGRAPHS = [
    "Energy ministers from five Baltic states agreed on Tuesday to link their power grids "
    "by the end of next year, officials in Tallinn said.",
    "The agreement follows eighteen months of negotiations over cost sharing and grid "
    "stability, and will be reviewed at a summit in March.",
    "Engineers expect the first interconnector to carry power within weeks of completion.",
]

PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Baltic states agree to link power grids | The Northern Ledger</title>
<meta property="og:title" content="Baltic states agree to link power grids">
<meta property="og:site_name" content="The Northern Ledger">
<meta name="author" content="Ines Varga">
<meta property="article:published_time" content="2024-11-12T08:30:00Z">
<link rel="canonical" href="https://ledger.example.net/energy/baltic-grid">
<script>var tracking = "should never appear";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/energy">Energy</a> | <a href="/sport">Sport</a></nav>
<article><h1>Baltic states agree to link power grids</h1>
{paragraphs}
</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer>
</body></html>"""


def _page() -> str:
    return PAGE.replace("{paragraphs}", "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS))


def test_html_file_gives_main_text_and_metadata(tmp_path):
    path = tmp_path / "grid.html"
    path.write_text(_page(), "utf-8")
    doc = read_file(path)
    assert doc.format == "html"
    assert doc.title == "Baltic states agree to link power grids"
    assert (doc.published, doc.date_source) == (datetime.date(2024, 11, 12), "meta")
    assert doc.author == "Ines Varga"
    assert doc.url == "https://ledger.example.net/energy/baltic-grid"
    assert doc.source_name == "The Northern Ledger"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert "tracking" not in doc.text
    assert "Subscribe" not in doc.text


def test_htm_in_a_legacy_encoding_is_decoded(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<title>Sommet à Genève</title></head><body><article>"
        "<p>Les délégués se sont réunis à Genève pour parler de l'énergie côtière.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "geneve.htm"
    path.write_bytes(page.encode("latin-1"))
    doc = read_file(path)
    assert doc.title == "Sommet à Genève"
    assert "délégués se sont réunis à Genève" in doc.text


def test_html_without_meta_date_uses_the_dateline(tmp_path):
    page = (
        "<html><head><title>Bridge reopens</title></head><body>"
        "<p>Published 3 March 2023</p>"
        "<p>The river bridge reopened to traffic after repairs lasting most of the winter.</p>"
        "</body></html>"
    )
    path = tmp_path / "bridge.html"
    path.write_text(page, "utf-8")
    doc = read_file(path)
    assert (doc.published, doc.date_source) == (datetime.date(2023, 3, 3), "dateline")


def test_date_only_in_body_sentence_is_not_a_publication_date(tmp_path):
    page = (
        "<html><head><title>Dam plans</title></head><body><p>The agency said the dam would "
        "be finished on 4 July 2026, two years late.</p></body></html>"
    )
    path = tmp_path / "dam.html"
    path.write_text(page, "utf-8")
    assert read_file(path).date_source == "none"


def test_tiny_fragment_falls_back_to_visible_text(tmp_path):
    path = tmp_path / "frag.html"
    path.write_text("<div><b>Talks</b> resume <i>today</i>.</div><script>x=1</script>", "utf-8")
    doc = read_file(path)
    assert "Talks resume today." in doc.text
    assert "x=1" not in doc.text
    assert doc.title == "Talks resume today."


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script><style>p {}</style></body></html>",
    ],
)
def test_html_with_nothing_in_it_has_no_extractable_text(tmp_path, markup):
    path = tmp_path / "hollow.html"
    path.write_text(markup, "utf-8")
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "no_text" and "no extractable text" in str(info.value)


def test_binary_named_html_is_refused(tmp_path):
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert info.value.kind == "binary"


def test_dropped_plain_text_is_kept_verbatim():
    text = "Grid deal signed\r\nTallinn, 12 Nov 2024\r\n\r\nMinisters signed the deal.\r\n"
    doc = read_dropped(text=text)
    assert doc.text == text
    assert (doc.title, doc.format) == ("Grid deal signed", "text")
    assert (doc.published, doc.date_source) == (datetime.date(2024, 11, 12), "dateline")


def test_dropped_html_alone_goes_through_the_html_path():
    doc = read_dropped(html=_page())
    assert doc.format == "html"
    assert doc.title == "Baltic states agree to link power grids"
    assert doc.published == datetime.date(2024, 11, 12)
    assert PARAGRAPHS[0] in doc.text


def test_dropped_text_with_html_keeps_the_text_and_takes_the_metadata():
    text = "\n\n".join(PARAGRAPHS)
    doc = read_dropped(text=text, html=_page())
    assert doc.text == text
    assert doc.format == "text"
    assert doc.url == "https://ledger.example.net/energy/baltic-grid"
    assert (doc.published, doc.date_source) == (datetime.date(2024, 11, 12), "meta")


def test_windows_clipboard_html_header_is_ignored():
    cf_html = (
        "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\n"
        "StartFragment:0000000141\r\nEndFragment:0000000163\r\n"
        "<html><body><!--StartFragment--><p>Ceasefire holds in the valley.</p>"
        "<!--EndFragment--></body></html>"
    )
    doc = read_dropped(html=cf_html)
    assert doc.text == "Ceasefire holds in the valley."
    assert "Version" not in doc.title


@pytest.mark.parametrize(
    "text,html", [(None, None), ("  \n ", None), ("", "   "), (None, "<p> </p>")]
)
def test_empty_drops_are_refused(text, html):
    with pytest.raises(IngestError):
        read_dropped(text=text, html=html)


def test_json_ld_gives_date_author_and_publisher(tmp_path):
    page = (
        "<html><head><title>Port deal signed</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Port deal signed", '
        '"datePublished": "2023-09-05T07:00:00+02:00", '
        '"author": {"@type": "Person", "name": "Kofi Mensah"}, '
        '"publisher": {"@type": "Organization", "name": "Coastal Post"}}</script></head>'
        "<body><article><p>The two governments signed the port deal on Monday in Accra "
        "after months of talks about dredging and fees.</p>"
        "<p>Work starts next year, officials said.</p></article></body></html>"
    )
    path = tmp_path / "port.html"
    path.write_text(page, "utf-8")
    doc = read_file(path)
    assert (doc.published, doc.date_source) == (datetime.date(2023, 9, 5), "meta")
    assert (doc.author, doc.source_name) == ("Kofi Mensah", "Coastal Post")


def test_html_is_never_fetched_or_its_resources_loaded(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    page = _page().replace(
        "</head>",
        '<link rel="stylesheet" href="https://cdn.example.com/a.css">'
        '<img src="https://cdn.example.com/b.png"><iframe src="https://ads.example.com/"></iframe>'
        "</head>",
    )
    path = tmp_path / "remote.html"
    path.write_text(page, "utf-8")
    assert PARAGRAPHS[0] in read_file(path).text
    # A bare URL dropped as HTML is text, not an address to download.
    assert read_dropped(html="https://ledger.example.net/energy/baltic-grid").text.startswith(
        "https://"
    )


def _titled(tmp_path, title: str, body: str) -> Document:
    """A page with this <title> and these paragraphs, as read."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>{title}</title></head><body>{paragraphs}</body></html>", "utf-8"
    )
    return read_file(path)


def test_a_title_glued_to_its_dateline_and_first_sentence_keeps_only_the_headline(tmp_path):
    glued = (
        "Port strike spreads to the north Dockers in two more cities walk out "
        "Tuesday 4 March 2025 08.43 GMT Dockers in Tarsa joined the strike on Monday."
    )
    doc = _titled(tmp_path, glued, glued)
    assert doc.title.startswith("Port strike spreads to the north")
    assert "08.43" not in doc.title and "joined the strike" not in doc.title


def test_a_title_that_opens_with_its_dateline_is_the_first_sentence_after_it(tmp_path):
    glued = "Tuesday 4 March 2025 08.43 GMT Dockers in Tarsa joined the strike on Monday. More"
    assert _titled(tmp_path, glued, glued).title == "Dockers in Tarsa joined the strike on Monday."


def test_a_show_title_drops_its_aired_date(tmp_path):
    doc = _titled(
        tmp_path,
        "Harbour Strike; Storm Warnings Aired March 4, 2025",
        "ANA RUIZ, HOST: Good evening. Harbour pilots walked out today.",
    )
    assert doc.title == "Harbour Strike; Storm Warnings"


def test_a_title_that_is_only_a_date_gives_way_to_the_headline_in_the_text(tmp_path):
    doc = _titled(
        tmp_path,
        "March 4, 2025",
        "Dockers walk out in Tarsa\nDockers in Tarsa walked out on Monday over a pay offer.",
    )
    assert doc.title == "Dockers walk out in Tarsa"


@pytest.mark.parametrize(
    ("glued", "title"),
    [
        (
            "Dockers walk out in Tarsa NEW: Ships wait offshore NEW: Talks set for Friday",
            "Dockers walk out in Tarsa",
        ),
        (
            "NEW: Ships wait offshore as dockers strike NEW: Talks set",
            "Ships wait offshore as dockers strike",
        ),
        # a headline run into its standfirst without a stop
        (
            "Two years on, the strike grows harder to end As the talks stall, the port "
            "loses ships to its rivals",
            "Two years on, the strike grows harder to end",
        ),
    ],
)
def test_what_a_page_runs_into_its_title_is_not_the_headline(tmp_path, glued, title):
    assert _titled(tmp_path, glued, "Dockers in Tarsa walked out on Monday.").title == title
