"""Sentence boundaries for news text, as character offsets.

News copy defeats naive splitting on full stops: abbreviated months ("Jan. 20"),
titles ("Mr. Smith"), initialisms ("U.S. officials"), initials ("George W. Bush")
and decimal numbers all carry periods that end nothing, while headlines,
datelines and bylines end without any punctuation, separated only by line
breaks. This module finds boundaries with one precompiled regex for candidate
breaks and a small set of rules about the word before and after each one.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["split_sentences"]

# Abbreviations after which a period does not end a sentence when the next word
# could continue it (a name, a number, a lower-case word).
_ABBREV = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt cmdr sgt maj adm pres supt
    st ave blvd rd mt ft jr sr rev hon messrs mme mlle sra sr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn
    no nos vol vols pp fig figs est approx vs etc cf al op
    a.m p.m u.s u.k u.n e.u d.c n.y l.a i.e e.g
    """.split()
)

# Words that, capitalised after an abbreviation such as "U.S." or "Inc.", very
# likely begin a new sentence rather than continue a name.
_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those
    but and or so yet however meanwhile still also in on at for if when while as
    there here what who why how after before since despite although though some
    many most officials analysts police
    """.split()
)

# A candidate break: sentence-final punctuation (with closing quotes/brackets)
# followed by whitespace, or a blank line, or a line break after an
# unpunctuated line (headline, dateline, byline).
_BREAK = re.compile(
    r"""
    (?=[.!?\s])  # each kind of break opens with one of these: a quick test at every character
    (?:
      (?P<punct>[.!?]+[\"'\u201d\u2019)\]]*)(?=\s)   # end punctuation before whitespace
    | (?P<blank>\n[ \t]*\n\s*)                     # paragraph break
    | (?P<line>(?<=[^.!?:;,\s\"'\u201d\u2019])[ \t]*\n(?=[ \t]*[A-Z\"\u201c(]))  # unpunctuated line end
    )
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"\s*[\"'\u201c\u2018(]*([A-Za-z0-9]\w*)")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")
# A brand written with an inner capital opens a sentence as a capital would ("iPhone 4 ...").
_BRAND = re.compile(r"[a-z]{1,2}[A-Z]")


# `_WORD_BEFORE` and `_INITIAL` are read by the two functions below, which give their
# answers without trying the patterns at each of the 40 characters (a few per cent of
# extraction); the tests hold them to the patterns.
_ASCII_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(before: str) -> str:
    """The word ``_WORD_BEFORE.search(before)`` finds (its group 1), or ""."""
    # "$" stands at the end or before a final line break
    end = len(before) - 1 if before.endswith("\n") else len(before)
    i = end
    while i > 0 and before[i - 1] in _ASCII_WORD:
        i -= 1
    while i < end and before[i] == ".":
        i += 1  # the word starts with a letter
    return before[i:end]


def _ends_in_initial(before: str) -> bool:
    """Whether ``_INITIAL.search(before)`` matches: a capital letter alone at the end."""
    end = len(before) - 1 if before.endswith("\n") else len(before)
    return (
        end >= 1
        and "A" <= before[end - 1] <= "Z"
        and (end == 1 or before[end - 2].isspace() or before[end - 2] == "(")
    )


#: Lines of prose this long were not wrapped by hand or by a layout: wrapped lines keep
#: near one width (65-110 characters); a paragraph on one line runs to hundreds.
_UNWRAPPED_LINE = 200
_UNWRAPPED_LINES = 120  # two lines this long


def unwrapped(text: str) -> bool:
    r"""Whether ``text`` puts each paragraph on one line (a web page's or a document's
    paragraphs, text copied from a browser) rather than wrapping its lines: a line of
    prose (eight spaces or more) longer than anyone wraps, or two rather long ones.

    >>> unwrapped("A wrapped paragraph goes on\nto the next line.")
    False
    >>> unwrapped("Title\n" + "One paragraph of a page that runs on, " * 6 + "\nThe next one")
    True
    >>> unwrapped(("A paragraph that runs on, " * 5 + "\n") * 2)
    True
    """
    start = 0
    long_lines = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if end - start > _UNWRAPPED_LINES and text.count(" ", start, end) >= 8:
            long_lines += 1
            if long_lines >= 2 or end - start > _UNWRAPPED_LINE:
                return True
        start = end + 1
    return False


def _is_break(text: str, m: re.Match[str], paragraph_lines: bool = False) -> bool:
    if m.lastgroup == "blank":
        return True
    if m.lastgroup == "line":
        # A lone line break inside a paragraph of wrapped prose is not a break;
        # after a short unpunctuated line (a headline or dateline) it is, and so
        # after blanked page chrome (a dateline glued between a headline and the
        # first sentence, turned into spaces: `tracker.ingest.chrome.mask`) or a
        # Markdown hard break, two spaces or more before the line break. In a text
        # whose paragraphs are lines, every line ends its paragraph (a list's
        # unpunctuated entries among them).
        if m.end() - m.start() >= 3 or paragraph_lines:
            return True
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        return len(line.split()) <= 12
    punct = m.group("punct")
    if "!" in punct or "?" in punct or punct.startswith(".."):
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    nxt = _NEXT_WORD.match(text, m.end())
    next_word = nxt.group(1) if nxt else ""
    if not next_word:
        return True
    # A lower-case continuation ("U.S. officials", "approx. three") never starts
    # a sentence in edited news copy.
    if next_word[0].islower() and not _BRAND.match(next_word):
        return False
    word = _word_before(before).lower().rstrip(".")
    if _ends_in_initial(before):
        return False  # "George W. Bush", "J. Smith"
    if word in _ABBREV or (word.count(".") >= 1 and len(word) <= 6):
        if next_word[0].isdigit():
            return False  # "Jan. 20", "No. 5"
        return next_word.lower() in _STARTERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``, in order.

    Spans exclude surrounding whitespace, never overlap, and together cover all
    non-whitespace characters of ``text``.
    """
    # Several layers split the same article in turn; the cache makes the
    # repeat calls free. Callers get their own list to mutate.
    return list(_split_cached(text))


@lru_cache(maxsize=8)
def _split_cached(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    paragraph_lines = unwrapped(text)
    for m in _BREAK.finditer(text):
        if not _is_break(text, m, paragraph_lines):
            continue
        end = m.start() if m.lastgroup != "punct" else m.end()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
