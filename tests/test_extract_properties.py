"""Properties of the whole engine (timexes + events) on arbitrary and news-like text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import extract

_PIECES = st.sampled_from(
    [
        "The ministers met", "Blinken", "NATO", "the Kremlin", "said", "will meet", "could",
        "denied", "in Brussels", "on Wednesday", "on 13 November 2024", "in 2022", "last week",
        "two days later", "the next day", "Jan. 20", ". ", ", ", "\n\n", " ", "\"", "Mr.", "U.S.",
        "Ukrainian", "President", "Lula", "Inácio", "summit", "sanctions", "since", "by", "until",
        "every Monday", "now", "between March and May 2023", "from Friday to Sunday", "—", "(",
    ]
)  # fmt: skip
_NEWSISH = st.lists(_PIECES, max_size=40).map(" ".join)
_ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _check(text: str, anchor: date | None) -> None:
    result = extract(text, anchor)
    for ev in result.events:
        assert text[ev.timex_start : ev.timex_end] == ev.timex
        assert 0 <= ev.sentence_start < ev.sentence_end <= len(text)
        if ev.dated_by == "publication":
            assert ev.timex == "" and ev.timex_start == ev.sentence_start  # the day's news
        else:
            # The date lies in the event's sentence or, for a happening told beside it,
            # in the context that holds both.
            assert ev.timex_start < ev.timex_end
            assert ev.context_start is not None and ev.context_end is not None
            lo, hi = min(ev.sentence_start, ev.timex_start), max(ev.sentence_end, ev.timex_end)
            assert ev.context_start <= lo and hi <= ev.context_end <= len(text)
        assert ev.title and len(ev.title) <= 120
        assert ev.modality in ("reported", "planned", "hypothetical", "denied")
        assert 0.0 <= ev.confidence <= 1.0 and 0.0 <= ev.importance <= 1.0
        for m in ev.mentions:
            assert text[m.timex_start : m.timex_end] == m.timex
    assert extract(text, anchor) == result


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), _ANCHORS)
def test_the_engine_never_raises_on_arbitrary_unicode(text, anchor):
    _check(text, anchor)


@settings(max_examples=200, deadline=None)
@given(_NEWSISH, _ANCHORS)
def test_events_always_point_into_the_text_and_are_deterministic(text, anchor):
    _check(text, anchor)
