"""Specs for page chrome: what is blanked, which line is the headline, site names in titles.

Every article here was written for these tests, in the shapes news arrives in:
a wire story, a broadcast transcript, a newspaper page saved as text, PDF text
with a running head, an e-mail newsletter.
"""

from __future__ import annotations

import pytest

from tracker.ingest.chrome import clean_title, find_chrome, headline, mask
from tracker.ingest.chrome_rules import RULES

# --- Helpers -----------------------------------------------------------------------


def marked(example: str) -> tuple[str, str]:
    """(plain text, the text as `mask` should leave it) for an example with ⟦marked⟧ parts.

    An example without brackets is chrome as a whole.
    """
    if "⟦" not in example:
        return example, " " * len(example)
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    for char in example:
        if char == "⟦":
            spans.append((len(plain), len(plain)))
        elif char == "⟧":
            spans[-1] = (spans[-1][0], len(plain))
        else:
            plain.append(char)
    # The marked parts blanked as `mask` blanks chrome (its own examples test how).
    return "".join(plain), mask("".join(plain), spans)


def blanked(text: str) -> str:
    return mask(text, find_chrome(text))


def blanked_lines(text: str) -> list[str]:
    """The lines of `text` that chrome masking leaves with any text, stripped."""
    return [line.strip() for line in blanked(text).splitlines() if line.strip()]


def assert_untouched(text: str, *lines: str) -> None:
    after = blanked(text)
    for line in lines:
        assert line in after, f"masked a real sentence: {line!r}"


# --- Every rule's own examples -------------------------------------------------------

CHROME_EXAMPLES = [
    pytest.param(example, id=f"{rule.name}: {example[:40]}")
    for rule in RULES
    for example in rule.chrome
]
PROSE_EXAMPLES = [
    pytest.param(example, id=f"{rule.name}: {example[:40]}")
    for rule in RULES
    for example in rule.prose
]


@pytest.mark.parametrize("example", CHROME_EXAMPLES)
def test_each_rule_marks_its_chrome_examples(example):
    plain, expected = marked(example)
    assert blanked(plain).rstrip() == expected.rstrip()


@pytest.mark.parametrize("example", PROSE_EXAMPLES)
def test_each_rule_leaves_its_prose_examples_alone(example):
    assert find_chrome(example) == []
    assert find_chrome("Ferry services resume\n" + example) == []


def test_every_rule_has_a_chrome_example_and_a_known_kind():
    for rule in RULES:
        assert rule.chrome, rule.name
        assert rule.how in ("line", "lead", "span", "in"), rule.name


# --- Sentences that must never be marked ---------------------------------------------

NEWS_SENTENCES = [
    "By Tuesday the harbour pilots had been on strike for a week.",
    "By Christmas Eve the island had run out of fuel.",
    "From Monday, ferries will sail only in daylight.",
    "Published in 2019, the audit warned of ageing vessels.",
    "Share prices of the operator fell 4 percent on Tuesday.",
    "Sign-ups for the volunteer crews doubled in March.",
    "Live exports of cattle resumed on Friday.",
    "Photograph the damage before calling the insurer, officials advised.",
    "Copyright lawyers say the ruling on ferry timetables is narrow.",
    "Comments from the minister angered the unions.",
    "Related talks on port fees begin in Oslo next week.",
    "Read more carefully, the law bans night crossings.",
    "No deal was reached after twelve hours of talks.",
    "Home owners on the island say prices have doubled.",
    "The ministers met on Tuesday 4 March 2025 to discuss the timetable.",
    "On Wednesday, 13 November 2024 at 10:00 the sirens sounded.",
    "Elections were held on 13 November 2024.",
    "Lagos (the largest city) - a megacity - keeps growing.",
    "NATO, the alliance, met -- again -- on Tuesday.",
    "The report (by the auditor) was late.",
    "Subscribers to the ferry pass lost money when the service stopped.",
    "Cookie sales rose 8 percent in the holiday quarter.",
    "Posted to the island in 2019, the doctor stayed for five years.",
    "Page 3 of the report lists the ferry routes.",
    "World leaders met in Geneva on Monday.",
    "Business owners on the quay closed early.",
    "Click, the harbour master said, was the sound the cable made before it snapped.",
    "Reporting by Reuters showed that shipping rose.",
    "All rights are reserved for the crew, the captain said.",
    "Interview With Port Chief Ends Abruptly",
]


@pytest.mark.parametrize("sentence", NEWS_SENTENCES)
def test_news_sentences_are_never_chrome(sentence):
    # At the top of a text (where top-only rules apply) and further down.
    assert find_chrome(sentence) == []
    body = "\n".join(["Ferry services resume"] + ["The crossing took an hour."] * 20 + [sentence])
    assert find_chrome(body) == []


# --- Articles in each shape ----------------------------------------------------------

WIRE = """\
Harbour pilots strike over night shifts
By Ana Ruiz, Staff Writer
PORTO ALEGRE, Brazil, March 4 (Reuters) - Harbour pilots walked out on Tuesday, leaving 40 ships at anchor.
The union said the walkout would last until the port agreed to hire more pilots.
Port officials said talks would resume on Thursday.
Reporting by Tom Berg; Editing by Lena Fischer
© 2025 Example Wire. All rights reserved.
"""


def test_wire_story_keeps_its_sentences_and_drops_byline_dateline_and_footer():
    assert headline(WIRE) == "Harbour pilots strike over night shifts"
    assert blanked_lines(WIRE) == [
        "Harbour pilots strike over night shifts",
        "Harbour pilots walked out on Tuesday, leaving 40 ships at anchor.",
        "The union said the walkout would last until the port agreed to hire more pilots.",
        "Port officials said talks would resume on Thursday.",
    ]


TRANSCRIPT = """\
Harbour Strike; Flood Warnings; Interview With Port Chief
Aired March 4, 2025 - 18:30:00 EST
THIS IS A RUSH TRANSCRIPT. WORDING MAY CHANGE.
ANA RUIZ, HOST: Good evening. Harbour pilots walked out today.
TOM BERG, CORRESPONDENT: The port has been quiet since noon.
RUIZ: Thank you, Tom.
"""

GLUED_TRANSCRIPT = (
    "Harbour Strike; Flood Warnings Aired March 4, 2025 - 18:30:00 EST THIS IS A RUSH "
    "TRANSCRIPT. WORDING MAY CHANGE LATER.\nANA RUIZ, HOST: Good evening.\n"
)


def test_broadcast_transcript_header_is_chrome_and_the_show_title_is_the_headline():
    assert headline(TRANSCRIPT) == "Harbour Strike; Flood Warnings; Interview With Port Chief"
    assert "Aired" not in blanked(TRANSCRIPT)
    assert "RUSH" not in blanked(TRANSCRIPT)
    assert_untouched(TRANSCRIPT, "ANA RUIZ, HOST: Good evening. Harbour pilots walked out today.")


def test_transcript_header_glued_to_the_show_title_is_cut_off():
    assert headline(GLUED_TRANSCRIPT) == "Harbour Strike; Flood Warnings"
    assert blanked_lines(GLUED_TRANSCRIPT) == [
        "Harbour Strike; Flood Warnings",
        "ANA RUIZ, HOST: Good evening.",
    ]


WEB_PAGE = """\
Skip to content
Menu
• en
World | Business | Sport
Ferry operator cancels winter timetable
Islanders say the cuts leave them stranded for days
By Lena Fischer, Transport Correspondent
Published 13 November 2024
Share this
Photograph: Tom Berg/Reuters
The operator said on Tuesday that it would run two crossings a day from December.
Image caption Queues formed at the terminal on Monday
Residents of the island have asked the regional council to step in.
We use cookies to improve your experience on our site.
Sign up for our morning briefing
Related Topics
Ferries
Island life
Comments are closed.
© 2024 Example News
"""


def test_newspaper_page_keeps_headline_standfirst_and_body_only():
    assert headline(WEB_PAGE) == "Ferry operator cancels winter timetable"
    assert blanked_lines(WEB_PAGE) == [
        "Ferry operator cancels winter timetable",
        "Islanders say the cuts leave them stranded for days",
        "The operator said on Tuesday that it would run two crossings a day from December.",
        "Residents of the island have asked the regional council to step in.",
    ]


GLUED_PAGE = (
    "Troops leave the city as talks stall Ministers meet again next week "
    "Tuesday 4 March 2025 08.43 GMT The defence ministry said the last convoy left at dawn.\n"
    "Photograph: Ana Ruiz/AFP A soldier waves from a truck.\n"
    "Talks are due to resume in Geneva next week.\n"
)


def test_glued_headline_standfirst_and_dateline_give_the_part_before_the_dateline():
    assert headline(GLUED_PAGE) == (
        "Troops leave the city as talks stall Ministers meet again next week"
    )
    after = blanked(GLUED_PAGE)
    assert "08.43" not in after
    assert "AFP" not in after
    assert_untouched(
        GLUED_PAGE,
        "The defence ministry said the last convoy left at dawn.",
        "A soldier waves from a truck.",
    )


PDF_TEXT = """\
THE ISLAND COURIER    Thursday 14 November 2024    Page 1
Ferry cuts spark protest in harbour town
Hundreds of islanders marched to the ferry terminal on Wednesday.
They carried banners asking the operator to restore the winter timetable.
THE ISLAND COURIER    Thursday 14 November 2024    Page 2
The operator said it was losing money on every night crossing.
Page 2 of 3
THE ISLAND COURIER    Thursday 14 November 2024    Page 3
A council meeting on the cuts is set for 2 December.
"""


def test_pdf_running_heads_and_page_numbers_are_chrome():
    assert headline(PDF_TEXT) == "Ferry cuts spark protest in harbour town"
    assert blanked_lines(PDF_TEXT) == [
        "Ferry cuts spark protest in harbour town",
        "Hundreds of islanders marched to the ferry terminal on Wednesday.",
        "They carried banners asking the operator to restore the winter timetable.",
        "The operator said it was losing money on every night crossing.",
        "A council meeting on the cuts is set for 2 December.",
    ]


NEWSLETTER = """\
View this email in your browser
Port talks collapse after twelve hours
Tuesday, 4 March 2025
Negotiators for the harbour pilots walked out of talks at 3am, the union said.
The port authority said it would ask the labour court to rule on Friday.
Forward to a friend
You are receiving this email because you subscribed at example.org.
Unsubscribe | Update your preferences
"""


def test_newsletter_furniture_is_chrome():
    assert headline(NEWSLETTER) == "Port talks collapse after twelve hours"
    assert blanked_lines(NEWSLETTER) == [
        "Port talks collapse after twelve hours",
        "Negotiators for the harbour pilots walked out of talks at 3am, the union said.",
        "The port authority said it would ask the labour court to rule on Friday.",
    ]


EDITION_WIDGETS = """\
You've selected the International Edition.
Would you like to make this your home edition?
YES | NO Ferry crews on the northern route voted to strike on Monday.
ON NOW
What do you think of this story?
The vote was 212 to 40, the union said.
"""


def test_edition_and_prompt_widgets_are_chrome_but_the_glued_sentence_stays():
    assert blanked_lines(EDITION_WIDGETS) == [
        "Ferry crews on the northern route voted to strike on Monday.",
        "The vote was 212 to 40, the union said.",
    ]


def test_reader_comments_signed_with_a_date_are_chrome():
    text = (
        "Ferry fares to rise in May\n"
        "The operator said fares would rise by 6 percent.\n"
        "Outrageous, as usual. Posted by: islander22 | March 4, 2025 6:12 PM\n"
        "Comments are closed.\n"
    )
    assert blanked_lines(text) == [
        "Ferry fares to rise in May",
        "The operator said fares would rise by 6 percent.",
    ]


def test_link_list_after_related_topics_ends_at_the_next_sentence():
    text = (
        "Ferry fares to rise in May\n"
        "The operator said fares would rise by 6 percent.\n"
        "More on this story\n"
        "Island council votes on subsidy\n"
        "Night crossings cut\n"
        "The operator will publish the new fares on Friday, a spokesman said.\n"
    )
    assert blanked_lines(text) == [
        "Ferry fares to rise in May",
        "The operator said fares would rise by 6 percent.",
        "The operator will publish the new fares on Friday, a spokesman said.",
    ]


# --- Headline --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• Harbour reopens after storm\nShips entered at dawn.", "Harbour reopens after storm"),
        (
            "Skip to content\nShare this\nHarbour reopens after storm\nShips entered.",
            "Harbour reopens after storm",
        ),
        (
            "13 November 2024\nhttps://example.com/news/harbour\nHarbour reopens after storm",
            "Harbour reopens after storm",
        ),
        (
            "What do you think of this story?\nHarbour reopens after storm",
            "Harbour reopens after storm",
        ),
        ("read more below\nHarbour reopens after storm", "Harbour reopens after storm"),
        (
            "By Ana Ruiz, CNN\nHarbour reopens after storm\nShips entered.",
            "Harbour reopens after storm",
        ),
        (
            "Harbour reopens after storm 4 March 2025 | By Lena Fischer, CNN The harbour opened.",
            "Harbour reopens after storm",
        ),
        (
            "Ferry Operator Cancels Winter Timetable The operator said on Tuesday it would cut crossings.",
            "Ferry Operator Cancels Winter Timetable",
        ),
        ("Harbour reopens after storm\nBy Ana Ruiz\nShips entered.", "Harbour reopens after storm"),
    ],
)
def test_headline_skips_chrome_markers_and_what_follows_it(text, expected):
    assert headline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Skip to content\nShare this\nSign Up",
        # A dateline, then the first sentence: the page has no headline.
        "Tuesday 4 March 2025 08.43 GMT The ministry said on Tuesday that talks had stalled.",
        "WASHINGTON, Nov. 13, 2024 (Reuters) - Officials said talks would resume next week.",
        # A long first sentence is the body, not a headline.
        "The harbour authority said on Tuesday that it would reopen the northern basin to "
        "container ships after three weeks of dredging, ending a closure that has cost the "
        "port millions in lost fees and left dozens of vessels waiting offshore.",
    ],
)
def test_headline_is_none_when_nothing_is_headline_like(text):
    assert headline(text) is None


def test_headline_is_cut_at_a_word_boundary():
    text = "Harbour reopens after the longest storm anyone on the island can remember"
    assert headline(text, max_chars=30) == "Harbour reopens after the"


# --- Site names in titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Israel-Hamas truce holds - Reuters", None, "Israel-Hamas truce holds"),
        ("Ukraine war: Kyiv hit overnight | BBC News", None, "Ukraine war: Kyiv hit overnight"),
        ("Ferry cuts anger islanders — The Guardian", None, "Ferry cuts anger islanders"),
        ("CNN.com - Ferry cuts anger islanders", None, "Ferry cuts anger islanders"),
        (
            "Ferry cuts anger islanders | World news | The Guardian",
            None,
            "Ferry cuts anger islanders",
        ),
        (
            "Ferry cuts anger islanders | Transport | Courier Online",
            None,
            "Ferry cuts anger islanders",
        ),
        (
            "Ferry cuts anger islanders - Island Courier",
            "Island Courier",
            "Ferry cuts anger islanders",
        ),
        ("Ferry cuts anger islanders - islandcourier.com", None, "Ferry cuts anger islanders"),
        ("Markets slide - and oil follows - Reuters", None, "Markets slide - and oil follows"),
        ("Ferry cuts anger islanders", None, "Ferry cuts anger islanders"),
        ("Reuters", None, "Reuters"),
    ],
)
def test_clean_title_drops_the_site_name_but_keeps_dashes_inside_the_headline(
    title, site, expected
):
    assert clean_title(title, site) == expected


# --- Masking and spans ----------------------------------------------------------------------


def test_mask_keeps_length_offsets_and_newlines():
    text = "ON NOW\nShare this\nShips entered at dawn.\n"
    after = mask(text, find_chrome(text))
    assert len(after) == len(text)
    assert after.count("\n") == text.count("\n")
    assert after.index("Ships") == text.index("Ships")
    assert after.splitlines()[:2] == ["      ", "          "]


def test_mask_of_no_spans_is_the_text():
    assert mask("Ships entered.", []) == "Ships entered."


@pytest.mark.parametrize("text", [WIRE, TRANSCRIPT, WEB_PAGE, GLUED_PAGE, PDF_TEXT, NEWSLETTER])
def test_spans_are_sorted_disjoint_and_inside_the_text(text):
    spans = find_chrome(text)
    assert spans == sorted(spans)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end < start
    assert all(0 <= start < end <= len(text) for start, end in spans)


def test_windows_line_endings_give_the_same_chrome():
    assert blanked_lines(WEB_PAGE.replace("\n", "\r\n")) == blanked_lines(WEB_PAGE)


# --- Hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "a" * 5_000_000,
        "Tuesday 4 March 2025 " * 250_000,
        "By Ana Ruiz and Tom Berg and " * 170_000,
        "(By " * 1_250_000,
        "Posted by: x | " * 330_000,
        "PARIS, " * 700_000,
    ],
    ids=["letters", "dates", "bylines", "parentheses", "comments", "places"],
)
def test_a_five_megabyte_single_line_is_handled(text):
    # Linear patterns finish in well under a second; a catastrophic one would hang here.
    spans = find_chrome(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    headline(text)


def test_module_docstring_examples_hold():
    import doctest

    from tracker.ingest import chrome

    assert doctest.testmod(chrome).failed == 0


def test_a_reader_comment_thread_is_chrome_but_the_article_before_it_is_not():
    article = (
        "Ferry fares rise in May\nThe operator said on Monday that fares would rise by a tenth.\n"
    )
    comments = "".join(
        f"Reader view number {k}: the minister met the unions on Tuesday.\n"
        f"Posted by: Reader{k} | May {k}, 2025 6:15 PM | Report abuse\n"
        for k in range(1, 5)
    )
    text = article + comments
    masked = mask(text, find_chrome(text))
    assert "fares would rise by a tenth" in masked
    for k in (2, 3, 4):
        assert f"Reader view number {k}" not in masked
    assert len(masked) == len(text)
