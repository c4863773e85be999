"""Spec: the extractor is total, exact about offsets and deterministic, on any input."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract.timex import find_timexes

# Text built from date-ish pieces exercises far more rules than random Unicode.
_PIECES = st.sampled_from(
    [
        "Jan.", "January", "May", "march", "20", "20th", "2024", "1990s", "'90s", " ", ", ", ". ",
        "\n\n", "the", "last", "next", "week", "Friday", "morning", "10", "a.m.", "-", "/", "Q3",
        "third quarter", "ago", "two", "days", "later", "now", "ON NOW", "fiscal", "mid-", "early",
        "$", "1,000", "555-", "every", "century", "19th", "from", "to", "between", "and", "\u00e9",
        "on the", "12th", "H1", "end-", "the day before", '"', "said", "will", "Theresa", "NOW",
    ]
)  # fmt: skip
_DATEISH = st.lists(_PIECES, max_size=30).map("".join)
_ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _check(text: str, anchor: date | None) -> None:
    found = find_timexes(text, anchor)
    prev_end = 0
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end and t.end > t.start
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        prev_end = t.end
    assert find_timexes(text, anchor) == found


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), _ANCHORS)
def test_never_raises_and_offsets_slice_to_the_text_on_arbitrary_unicode(text, anchor):
    _check(text, anchor)


@settings(max_examples=300, deadline=None)
@given(_DATEISH, _ANCHORS)
def test_never_raises_and_is_deterministic_on_date_like_text(text, anchor):
    _check(text, anchor)


def test_relative_values_are_none_without_anchor():
    found = find_timexes("Two days ago, last week, on Friday and tomorrow.", None)
    assert found and all(t.value is None for t in found if t.type == "DATE")
