"""How far an event's context runs around its own sentence."""

from __future__ import annotations

from collections.abc import Container

from tracker.extract.events.article import Article

# How far a passage may run on past its date's sentence (see continuation).
_CONTINUATION_SENTENCES = 4
_MAX_PASSAGE = 900
# How far the day's story runs on from its dated lead (see follow_ons.narrated): a wire
# story keeps telling the day's occasion for a dozen short paragraphs, until a new date.
STORY_SENTENCES = 12
STORY_CHARS = 3500


def continuation(
    art: Article,
    span: tuple[int, int],
    dated: Container[int],
    sentences: int = _CONTINUATION_SENTENCES,
    chars: int = _MAX_PASSAGE,
) -> tuple[int, int]:
    """Extend a passage over the undated sentences that carry its story on.

    In narrative news copy a date stays the reference time of the sentences
    after it until a new date appears ("Iran fired missiles on Tuesday. Most
    were intercepted."), so those sentences belong to the same passage; and an
    undated sentence just before often tells what the dated one pins down
    ("Bombs hit two embassies. The blasts came minutes apart on Friday.").
    """
    first = art.index(span[0])
    if (
        first > 0
        and first - 1 not in dated
        and span[1] - art.spans[first - 1][0] <= chars
        and not art.is_heading(first - 1)
    ):
        span = (art.spans[first - 1][0], span[1])
    last = art.index(span[1] - 1)
    for _ in range(sentences):
        nxt = last + 1
        if nxt >= len(art.spans) or nxt in dated or art.is_heading(nxt):
            break
        if art.spans[nxt][1] - span[0] > chars:
            break
        span = (span[0], art.spans[nxt][1])
        last = nxt
    return span


class OtherDates:
    """The sentences of ``told_at`` that give a date other than ``value``: where a
    passage dated ``value`` ends. One that names the same date again ("Police said
    on Friday that the body was found ...") goes on telling the same time.

    Asked sentence by sentence, never listed: an article of thousands of dates
    would otherwise build a set of its dated sentences for each of them.

    >>> told_at = {1: {"2024-11-08"}, 3: {"2024-11-08", "2024-11"}, 5: {"2024-11-01"}}
    >>> ends = OtherDates(told_at, "2024-11-08")
    >>> [k for k in range(6) if k in ends]
    [3, 5]
    """

    __slots__ = ("told_at", "value")

    def __init__(self, told_at: dict[int, set[str]], value: str) -> None:
        self.told_at, self.value = told_at, value

    def __contains__(self, k: object) -> bool:
        values = self.told_at.get(k) if isinstance(k, int) else None
        return values is not None and values != {self.value}
