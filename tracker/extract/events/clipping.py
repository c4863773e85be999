"""How long a title may be and where a long one is cut: at most MAX_WORDS words
(trailing adjuncts go first), about MAX_TITLE characters, ending at a phrase boundary
on a word that can end a phrase, never inside a noun phrase."""

from __future__ import annotations

import re

MAX_TITLE = 90
_DANGLING = frozenset(
    """a an the of to in on at for with by from and or but as that which who whom its his
    her their our this these those than into onto over under about after before during
    while since until when where whose is are was were be been has have had will would
    could should may might can not also said says soon later earlier 's across through
    against between among toward towards via near within without amid despite including
    than per like they he she we""".split()
)


_OVERRUN = 20  # characters a title may run over MAX_TITLE to finish its phrase
_BACKTRACK = 25  # characters a clip may go back to end before a preposition


def phrase_end(words: str, keep: int) -> int:
    """Where to clip a long title: before the last preposition or comma a little
    before MAX_TITLE ("... financial statements | in order to"), else at the end of
    the phrase running a little past it ("would join multinational forces | in ..."),
    else at MAX_TITLE. Never inside the first ``keep`` characters."""
    if len(words) <= MAX_TITLE + _OVERRUN // 2:
        return len(words)  # nearly short enough: a whole phrase beats a clipped one
    back = [
        m.start()
        for m in re.finditer(r",| (\w+)", words[: MAX_TITLE + 1])
        if m.start() > max(keep, MAX_TITLE - _BACKTRACK)
        and (m.group(0) == "," or (m.group(1) or "").lower() in _ADJUNCT)
    ]
    if back:
        return back[-1]
    for m in re.finditer(r",| (\w+)", words[MAX_TITLE : MAX_TITLE + _OVERRUN + 1]):
        if m.group(0) == "," or (m.group(1) or "").lower() in _ADJUNCT:
            return MAX_TITLE + m.start()
    return MAX_TITLE


def clip(words: str, keep: int = 0) -> str:
    """About MAX_TITLE characters (see ``phrase_end``), ending on a word that can end
    a phrase. The first ``keep`` characters (subject and verb) are never stripped.
    """
    words = " ".join(words.split())
    cut_name = False
    limit = phrase_end(words, keep) if len(words) > MAX_TITLE else len(words)
    clipped = len(words) > limit
    if clipped:
        rest = words[limit + 1 :].split()
        if words[limit] in ", ":
            words = words[:limit]  # at a phrase boundary
        else:
            words = words[: limit + 1].rsplit(" ", 1)[0]
        nxt = words and len(words) < MAX_TITLE + 1 and rest
        cut_name = bool(nxt) and rest[0][:1].isupper()
    parts = words.split()
    keep_n = len(words[:keep].split()) if keep else 0

    def strip_dangling() -> None:
        while len(parts) > keep_n and (
            parts[-1].lower().strip(",") in _DANGLING or parts[-1] in {",", "-", "--"}
        ):
            parts.pop()

    while cut_name and len(parts) > keep_n and parts[-1][:1].isupper():
        parts.pop()  # never end on half a name ("in New" for "in New Delhi")
    strip_dangling()
    if (
        clipped
        and len(parts) > keep_n
        and parts[-1].islower()
        and parts[-1].endswith(("ed", "ing"))
    ):
        parts.pop()  # "summit chaired" once "by António Costa" is cut off
        strip_dangling()
    while parts and parts[0].lower() in {"and", "but", "or", ",", "so", "then", "also"}:
        parts.pop(0)
    title = " ".join(parts).replace("``", "").replace("''", "").strip(" ,;:-\u2014")
    # Unbalanced quotes or brackets read as fragments.
    for ch in ('"', "\u201c", "\u201d"):
        if title.count(ch) == 1:
            title = title.replace(ch, "")
    if title.count("(") != title.count(")"):
        title = title.replace("(", "").replace(")", "")
    # The title's only spaces are single " " (split and joined above).
    if " ," in title or " ." in title or " ;" in title or " :" in title:
        title = re.sub(r"\s+([,.;:])", r"\1", title)
    # A dropped date can leave "a" before a vowel ("a [1997] attack"): "an attack".
    title = re.sub(
        r"\b([Aa]) (?=(?:[aioAIO]|[eE][^u]|un[^i])[a-z])(?!one\b|once\b)", r"\1n ", title
    )
    if (
        title.endswith(".")  # no line break in a title: "$" is its end
        and re.search(r"(?:^|\s)[a-z]{2,}\.$", title)
        and not title.endswith(" etc.")
    ):
        title = title[:-1]  # a headline has no full stop; "Inc." and "U.S." keep theirs
    if re.match(r"[a-z]{1,2}[A-Z]", title):
        return title  # "iPhone 4 goes on sale": a brand keeps its own case
    return title[:1].upper() + title[1:] if title else title


MAX_WORDS = 12  # a headline says what happened in 3-12 words
# Words that open an adjunct a headline can lose: a purpose, a reason, a setting.
_ADJUNCT = frozenset(
    """to for over after on with in at from by across against amid because while as
    during before despite following""".split()
)


def headline(title: str, keep: int) -> str:
    """At most MAX_WORDS words: trailing adjuncts go first ("... to discuss a shared
    power line", "... for misleading labels"), the subject and verb never."""
    words = title.split()
    while words and not any(c.isalnum() for c in words[0]):
        words.pop(0)  # the dash of a dateline ("BRUSSELS (Wire) - The Council ...")
        keep -= 1
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    cuts = [
        k
        for k in range(keep + 1, min(len(words), MAX_WORDS + 1))
        if words[k].lower() in _ADJUNCT and words[k - 1].lower() not in _ADJUNCT
    ]
    # No adjunct to lose: a long title beats half a noun phrase ("reopen a grain").
    return " ".join(words[: max(cuts)] if cuts else words)
