"""Event extraction grows with the text, not with its square (issue 13, item 1).

Measured by counting the work, never the clock: the comparisons the in-article
merge makes, and the date spans each sentence and title is handed. A text four
times longer must cost about four times as much.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.extract.events import article, description, merge

_PEOPLE = ["Ada Kestrel", "Bruno Falk", "Chiara Moss", "Dmitri Vale", "Erin Cole", "Farid Osei"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def a_long_article(paragraphs: int) -> str:
    """Wire-style paragraphs, each with a dated meeting, a follow-up and a statement."""
    out = []
    for k in range(paragraphs):
        who = _PEOPLE[k % len(_PEOPLE)]
        other = _PEOPLE[(k + 1) % len(_PEOPLE)]
        day = k % 27 + 1
        month = _MONTHS[k % len(_MONTHS)]
        out.append(
            f"{who} met {other} in Geneva on {day} {month} 2021. "
            f"The two signed a trade protocol. "
            f"{who} said on {day} {month} 2021 that talks would resume."
        )
    return "\n\n".join(out)


@pytest.fixture
def counted(monkeypatch):
    counts = {"same": 0, "spans": 0}
    same, within = merge._same, article.spans_within

    def counting_same(a, b):
        counts["same"] += 1
        return same(a, b)

    def counting_within(spans, start, end):
        found = within(spans, start, end)
        counts["spans"] += len(found) + 1
        return found

    monkeypatch.setattr(merge, "_same", counting_same)
    # Every caller of the index counts: the article's sentences and the titles.
    monkeypatch.setattr(article, "spans_within", counting_within)
    monkeypatch.setattr(description, "spans_within", counting_within)
    return counts


def work_for(paragraphs: int, counted: dict[str, int]) -> tuple[int, int, int]:
    counted["same"] = counted["spans"] = 0
    events = extract(a_long_article(paragraphs), date(2021, 12, 31)).events
    return counted["same"], counted["spans"], len(events)


def test_a_four_times_longer_article_costs_about_four_times_the_work(counted):
    same_small, spans_small, events_small = work_for(150, counted)
    same_big, spans_big, events_big = work_for(600, counted)
    assert events_big >= 3 * events_small > 0
    # Each sentence and title is handed its own dates only: about four times as many.
    assert spans_big <= 5 * spans_small
    # At most one merge comparison per dated mention (three a paragraph); all pairs
    # would be about 50,000 here.
    assert same_small <= 3 * 150 and same_big <= 3 * 600


def test_a_long_article_makes_no_pairwise_comparisons(counted):
    same, _, events = work_for(1500, counted)  # about 190 KB of text
    assert events > 1500
    assert same < 4 * events  # all pairs would be about events**2 / 2
