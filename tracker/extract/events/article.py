"""One article as the event layer reads it: its sentences, analysed lazily and
at most once, its date spans, its actors and its dateline."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from tracker.extract.events.actors import ArticleActors
from tracker.extract.events.chrome import tells_nothing
from tracker.extract.events.clauses import Sentence, analyse
from tracker.extract.sentences import split_sentences
from tracker.extract.types import Timex


def count_words(text: str, words: str, most: int = 1) -> int:
    """Whole-word occurrences of ``words`` in ``text``, counted up to ``most``: a plain
    scan, so that no pattern is built per name (they would crowd the regex cache the
    date scanner relies on)."""
    n, i = 0, text.find(words)
    while i >= 0 and n < most:
        end = i + len(words)
        if (i == 0 or not text[i - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            n += 1
        i = text.find(words, i + 1)
    return n


def spans_within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sorted ``spans`` that overlap [start, end): a binary search, not a scan of
    the article's every date for every sentence (the cost must grow with the text)."""
    # Timexes never nest, so a span that overlaps begins after start - the longest one.
    i = bisect.bisect_left(spans, (start - _LONGEST_TIMEX, 0))
    out = []
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] > start:
            out.append(spans[i])
        i += 1
    return out


_LONGEST_TIMEX = 200  # characters; longer date expressions do not occur


SENTENCE_END = ".!?\"'\u201d\u2019:;)"


_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2})"
    r"(?:,[^\n()\u2014\u2013]{0,40}?)?[ \t]*(?:\([A-Za-z .]{1,30}\)[ \t]*)?(?:--|\u2014|\u2013|-)[ \t]"
)
_NOT_CITY = frozenset("The A By Updated Published Posted Photo Image Video Editor".split())


class Article:
    """Lazily analysed sentences of one article."""

    def __init__(self, text: str, timexes: list[Timex]) -> None:
        self.text = text
        self.spans = split_sentences(text) or [(0, len(text))]
        self.starts = [s for s, _ in self.spans]
        self.timex_spans = sorted((t.start, t.end) for t in timexes)
        # Titles drop dates but keep durations ("to mark two years since ...").
        self.date_spans = sorted((t.start, t.end) for t in timexes if t.type in ("DATE", "TIME"))
        self._cache: dict[int, Sentence] = {}
        self.actors = ArticleActors(text)
        # Answers about the article's names, asked once each (`description._company_like`).
        self.name_facts: dict[str, bool] = {}
        # `tells_nothing` of each sentence, asked by the dated events, their follow-ons
        # and the day's news alike: about half the asks repeat one. Per article, so it
        # holds at most one answer per sentence and goes with the article.
        self._tells_nothing: dict[int, bool] = {}

    @property
    def dateline_city(self) -> str | None:
        """The city of a wire dateline ("BRUSSELS (Reuters) -", "Geneva, May 2 --")."""
        m = _DATELINE.search(self.text, 0, 800)
        if m is None:
            return None
        city = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
        return city if city.split()[0] not in _NOT_CITY else None

    @cached_property
    def story_subjects(self) -> frozenset[str]:
        """The companies and products the article is about: those it names three times or
        more, in full or by their first word ("Halvorsen Freight Corp." ... "Halvorsen")."""
        names = {m.name for m in self.actors.mentions if m.kind in ("org", "product")}
        first = {n: ([w for w in n.split() if w.lower() != "the"] or [n])[0] for n in names}
        return frozenset(n for n in names if count_words(self.text, first[n], 3) >= 3)

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def is_heading(self, i: int) -> bool:
        """A headline or crosshead: a line of its own with no sentence-final punctuation.

        Wire copy often has one-sentence paragraphs, so passages may cross
        paragraphs; they never take in a heading.
        """
        start, end = self.spans[i]
        line = self.text[start:end].rstrip()
        if not line or line[-1] in SENTENCE_END or "\n" in line:
            return False
        rest = self.text[end : end + 80].lstrip(" \t")
        return not rest or rest[0] in "\r\n"

    def tells_nothing(self, i: int) -> bool:
        """`chrome.tells_nothing` of sentence ``i``, worked out once."""
        told = self._tells_nothing.get(i)
        if told is None:
            start, end = self.spans[i]
            told = self._tells_nothing[i] = tells_nothing(self.text[start:end])
        return told

    def sentence(self, i: int) -> Sentence:
        sent = self._cache.get(i)
        if sent is None:
            s, e = self.spans[i]
            sent = analyse(self.text, s, e, spans_within(self.timex_spans, s, e))
            self._cache[i] = sent
        return sent
