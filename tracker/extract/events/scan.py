"""Plain scans for a whole word, read as a regex's ``\\b`` reads it.

Names are looked up in the article many times; a pattern built for each
(``rf"\\b{name}\\b"``) costs more to compile than the scan costs to run, and
hundreds of them push the date scanner's patterns out of ``re``'s cache (512).

>>> has_word("Xi Jinping met Li. Jinping spoke.", "Jinping", not_after="Xi")
True
>>> has_word("Xi Jinping met Li.", "Jinping", not_after="Xi")
False
>>> has_word("Sununu's aides", "Sununu"), has_word("Sununus", "Sununu")
(True, False)
"""

from __future__ import annotations


def word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a word character (``\\w``); nothing out of range is."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def has_word(text: str, word: str, not_after: str | None = None) -> bool:
    """Whether ``word`` occurs in ``text`` with a word boundary (``\\b``) on both sides,
    and, given ``not_after``, somewhere not right after it and a space: the answer of
    ``re.search(rf"(?<!{not_after} )\\b{word}\\b", text)`` with both escaped."""
    before = f"{not_after} " if not_after is not None else ""
    i = text.find(word) if word else -1
    while i >= 0:
        end = i + len(word)
        if (
            word_char(text, i - 1) != word_char(text, i)
            and word_char(text, end - 1) != word_char(text, end)
            and not (before and i >= len(before) and text.startswith(before, i - len(before)))
        ):
            return True
        i = text.find(word, i + 1)
    return False


# The odd folds: the letters ``re.IGNORECASE`` reads as "i" or "s" though ``str.lower``
# makes them something else, "İ", "ı" and "ſ" (every other letter it reads as a Latin
# one, lowered, is that letter).
ODD_FOLDS = ("\u0130", "\u0131", "\u017f")


def _odd_fold(text: str) -> bool:
    """Whether ``text`` holds one of `ODD_FOLDS` (three tests: no generator to start)."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text`` holds none of ``words`` (lower-case Latin letters) in any
    case, as ``re.IGNORECASE`` reads case: a cheap test before a costly pattern that
    cannot match without one of them.

    >>> may_hold("Up 4% FROM the", ("from",)), may_hold("up 4% on the", ("from",))
    (True, False)
    """
    if _odd_fold(text):
        return True
    low = text.lower()
    for w in words:
        if w in low:
            return True
    return False


def may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """False only when ``text``, less its trailing whitespace (``\\s`` and
    ``str.rstrip`` agree on it), ends with none of ``words`` (lower-case) in any case, as
    ``re.IGNORECASE`` reads case: a cheap test before a look-back pattern anchored at
    the end (``\\bsince\\s+$``) that cannot match without one of them last.

    >>> may_end_with("profits rose SINCE ", ("since",)), may_end_with("rose since then ", ("since",))
    (True, False)
    """
    if _odd_fold(text):
        return True
    return text.rstrip().lower().endswith(words)
