"""Spec: sentence boundaries in news copy, as character offsets."""

from __future__ import annotations

from tracker.extract.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_full_stops_split_sentences():
    assert sentences("The vote passed. Critics objected! Will it hold?") == [
        "The vote passed.",
        "Critics objected!",
        "Will it hold?",
    ]


def test_abbreviated_months_and_titles_do_not_split():
    text = "Mr. Ortiz arrived on Jan. 20 with Dr. Lee. They left at 4 p.m. on Friday."
    assert sentences(text) == [
        "Mr. Ortiz arrived on Jan. 20 with Dr. Lee.",
        "They left at 4 p.m. on Friday.",
    ]


def test_initialisms_split_only_before_a_sentence_starter():
    text = "He visited the U.S. The trip was short. U.S. officials said the U.N. team left."
    assert sentences(text) == [
        "He visited the U.S.",
        "The trip was short.",
        "U.S. officials said the U.N. team left.",
    ]


def test_middle_initials_do_not_split():
    assert sentences("George W. Bush spoke. Then he left.") == [
        "George W. Bush spoke.",
        "Then he left.",
    ]


def test_headline_and_dateline_are_separate_from_the_body():
    text = "Storm Hits Coast\n\nMIAMI (AP) — A storm hit the coast on Monday. Thousands fled."
    assert sentences(text) == [
        "Storm Hits Coast",
        "MIAMI (AP) — A storm hit the coast on Monday.",
        "Thousands fled.",
    ]


def test_unpunctuated_short_line_is_its_own_sentence():
    assert sentences("Markets slump\nShares fell sharply on Tuesday.") == [
        "Markets slump",
        "Shares fell sharply on Tuesday.",
    ]


def test_decimals_and_quotes_are_kept_whole():
    text = 'Growth was 2.5 percent. "We are pleased," she said. "It worked."'
    assert sentences(text) == [
        "Growth was 2.5 percent.",
        '"We are pleased," she said.',
        '"It worked."',
    ]


def test_offsets_slice_the_text_and_skip_whitespace():
    text = "  One.  Two.\n\n Three  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two.", "Three"]
    assert split_sentences("") == []


def test_repeat_calls_on_the_same_text_give_equal_independent_lists():
    text = "The vote passed. Critics objected."
    first = split_sentences(text)
    first.append((99, 100))  # a caller mutating its copy must not affect the next caller
    assert split_sentences(text) == [(0, 16), (17, 34)]
    assert split_sentences(text) is not split_sentences(text)


def test_a_brand_with_an_inner_capital_opens_a_sentence():
    text = "Voltrix opened its first shop in Oslo. zPad 3 orders start next week."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Voltrix opened its first shop in Oslo.",
        "zPad 3 orders start next week.",
    ]


def test_a_long_headline_ends_where_the_blanked_dateline_after_it_was():
    # What `tracker.ingest.chrome.mask` leaves of "Headline Standfirst <dateline> First
    # sentence": the headline, spaces, a line break, the first sentence.
    head = "Arms race returns as the two powers test new rockets over the northern sea, report our staff"
    text = head + " " * 30 + "\nIt was 1.22 am on Monday when the missile rose. It flew north."
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans[0] == head
    assert spans[1] == "It was 1.22 am on Monday when the missile rose."


def test_a_wrapped_line_of_prose_still_runs_on():
    text = (
        "The ministers of the two countries met for the third time this year in the old\n"
        "harbour town and agreed on a new timetable for the talks."
    )
    assert len(split_sentences(text)) == 1


# A web page's or a document's paragraphs, one on each line: an entry of a list ends
# without a full stop, and the next paragraph is no part of it.
_PARAGRAPH_LINES = (
    "The ministry on Monday named the soldiers killed in the north this month, the "
    "heaviest losses in a single month since the army was sent to the border two years ago. "
    "Their families were told at the weekend.\n"
    "Sergeant Tomas Berg, 24, of Lund, who died when a bomb hit his patrol on 3 November\n"
    "Corporal Ana Lind, 31, of Malmo, who was shot by a sniper at a checkpoint on 6 November\n"
    "The ministry said the families had been told."
)


def test_each_paragraph_on_its_own_line_ends_there_with_or_without_a_full_stop():
    got = sentences(_PARAGRAPH_LINES)
    assert got[2] == "Sergeant Tomas Berg, 24, of Lund, who died when a bomb hit his patrol on 3 November"
    assert got[3].startswith("Corporal Ana Lind") and got[3].endswith("on 6 November")
    assert got[4] == "The ministry said the families had been told."


def test_the_same_lines_wrapped_by_hand_would_run_on():
    wrapped = _PARAGRAPH_LINES.replace("this month, the ", "this month, the\n")
    assert "\n" in sentences(wrapped.split("Sergeant")[0])[0]  # the first paragraph runs on
