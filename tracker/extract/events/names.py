"""Open-world names: organisations, companies and products found by their shape.

The gazetteers know states, capitals and the big international bodies; the
actors of a company story or a local conflict are rarely there. Journalists
write such names in a few recognisable shapes, and this module finds them in
one pass per shape over the article:

- a run of capitalised words closed by an organisation word ("Deutsche Bank",
  "General Electric Company", "the Halvorsen Freight Corporation"); the words
  are data (``resources/gazetteers/org_words.txt``);
- an acronym defined in the text, "Northern Grain Authority (NGA)": the
  acronym becomes a short form of the full name;
- a product or brand written with an inner capital ("iPod", "eBay", "zPad 3",
  "iTunes Music Store"), with its model number or the capitalised words after it.

Each hit carries its kind (``org`` or ``product``) and the short forms the
article uses for it, so ``events --actor`` finds it by either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tracker.extract.events.lexicon import known_lemmas
from tracker.resources import resource_path

_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
# One capitalised word of a name ("Deutsche", "AT&T", "McKinsey", "Lloyd's").
_CAP = rf"[{_UP}][\w&\-]*"
_LINK = r"(?:of|for|the|&|de|du|der|la)"
# Space inside a name: a line may wrap in it, a blank line (a new paragraph) never.
_GAP = r"(?:[ \t]+|[ \t]*\r?\n[ \t]*)"


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    name: str
    kind: str  # org | product
    aliases: tuple[str, ...] = ()


@cache
def org_words() -> frozenset[str]:
    words = set()
    with open(resource_path("gazetteers", "org_words.txt"), encoding="utf-8") as fh:
        for line in fh:
            word = line.strip()
            if word and not word.startswith("#"):
                words.add(word)
    return frozenset(words)


@cache
def _org_pattern() -> re.Pattern[str]:
    ends = "|".join(sorted((re.escape(w) for w in org_words()), key=len, reverse=True))
    # "Apple Corps", "Bank of England" is left to the gazetteer; up to five words before
    # the closing word, linked by "of", "and" ... ("Union of Concerned Scientists" aside).
    # (The look at the first character rejects most positions at once: a third faster.)
    return re.compile(
        rf"(?=[{_UP}t])(?<![\w\-])(?:(?:[Tt]he)\s+)?((?:{_CAP}{_GAP}(?:{_LINK}{_GAP})?){{1,5}}(?:{ends}))(?![\w])"
    )


# "the Bass family": a family named as one party (its people, not a company).
_FAMILY = re.compile(rf"(?<![\w\-])[Tt]he[ \t]+([{_UP}][a-z]+[ \t]+family)\b")

# "iPod", "eBay", "iTunes Music Store", "zPad 3", "iPhone 3GS".
_PRODUCT = re.compile(
    rf"(?<![\w\-])([a-z]{{1,2}}[{_UP}][A-Za-z]+)"
    rf"((?:[ \t]+(?:\d(?:[\w.]*\w)?|[{_UP}]{{1,3}}\d*|[{_UP}][a-z]+)){{0,2}})(?![\w])"
)
_ACRONYM_DEF = re.compile(
    rf"((?:{_CAP}{_GAP}(?:{_LINK}{_GAP})?){{1,6}}{_CAP})[ \t]+\(([{_UP}][{_UP}&.]{{1,7}})\)"
)
# Capitalised words that are no part of a name after a product ("iPhone In June ...").
_NOT_IN_NAME = frozenset(
    """The A An In On At For From By With And Or But As To Of It Its This That He She They
    We I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December""".split()
)
# Capitalised words that open sentences or asides, not names ("However Deutsche Bank").
_OPENERS = frozenset(
    """The A An In On At For From By With After Before During Since Until As But And Or If
    When While This That These Those His Her Its Their Our It He She They We I You However
    Meanwhile Also Yet Earlier Later Last Next Some Many Most Both All Shares Sales Chief
    Executive Officials Investors Analysts Customers""".split()
)


# Participles that open a sentence before a name ("Following Kestrel's offer", "Citing
# Reuters"); other words ending in "-ing" may be names ("Boeing", "Beijing Capital
# Airlines", "Morning Star", "King Holdings").
_GERUND_OPENERS = frozenset(
    """following including citing acting according adding noting responding speaking
    saying writing reporting excluding regarding concerning considering starting beginning
    ending using having being making taking giving calling urging warning announcing
    pending barring assuming looking seeking hoping fearing facing referring commenting
    quoting describing explaining welcoming praising criticising criticizing accusing
    leaving joining visiting meeting attending addressing opening closing""".split()
)


def _gerund(word: str) -> bool:
    """An "-ing" form that opens a sentence, not a name that ends so."""
    low = word.lower()
    if low in _GERUND_OPENERS:
        return True
    if not low.endswith("ing") or len(low) < 6:
        return False
    stem = low[:-3]
    lemmas = known_lemmas()
    return (
        stem in lemmas or stem + "e" in lemmas or (stem[-1:] == stem[-2:-1] and stem[:-1] in lemmas)
    )


def _trim_openers(text: str, start: int, end: int) -> tuple[int, int]:
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    while k < len(words) - 1 and (
        words[k].group() in _OPENERS
        or _gerund(words[k].group())
        or (k and re.fullmatch(_LINK, words[k].group()))  # "Shares of Meridale Bank"
    ):
        k += 1
    return start + words[k].start(), end


# Where an acronym definition ends: " (NGA)". Cheap to find (it opens with a bracket).
_ACRONYM_END = re.compile(rf"(?<=[ \t])\(([{_UP}][{_UP}&.]{{1,7}})\)")


def _acronym_definitions(text: str) -> Iterator[re.Match[str]]:
    """What ``_ACRONYM_DEF.finditer(text)`` finds, trying it only before each bracketed
    acronym: a definition ends at one, and its name holds nothing but word characters,
    "&", "-" and spaces, so no match starts before the run of those that ends there.
    (Tried at every capital of the article, the pattern costs a few per cent of
    extraction.)"""
    for end in _ACRONYM_END.finditer(text):
        lo = end.start()
        while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in _NAME_CHARS):
            lo -= 1
        yield from _ACRONYM_DEF.finditer(text, lo, end.end())


_NAME_CHARS = frozenset("_&- \t\r\n")  # beside letters and digits, in a name and its gap


def find_names(text: str) -> list[Name]:
    """Organisation and product names by shape, sorted, never overlapping."""
    found: list[Name] = []
    acronyms: dict[str, str] = {}
    for m in _acronym_definitions(text):
        s, e = _trim_openers(text, m.start(1), m.end(1))
        full = text[s:e]
        short = m.group(2)
        letters = "".join(w[0] for w in full.split() if w[0].isupper())
        if short.replace(".", "").replace("&", "") and short[0] == letters[:1]:
            acronyms[short] = full
            found.append(Name(s, e, full, "org", (short,)))
    for m in _org_pattern().finditer(text):
        s, e = _trim_openers(text, m.start(1), m.end(1))
        if s == e or " " not in text[s:e].strip() and text[s:e] in org_words():
            continue
        found.append(Name(s, e, " ".join(text[s:e].split()), "org"))
    for m in _FAMILY.finditer(text):
        found.append(Name(m.start(1), m.end(1), " ".join(m.group(1).split()), "org"))
    for m in _PRODUCT.finditer(text):
        head = m.group(1)
        tail = m.group(2).split()
        kept = []
        for w in tail:
            if w in _NOT_IN_NAME:
                break
            kept.append(w)
        name = " ".join([head, *kept])
        end = m.start(1) + len(head)
        if kept:
            end = text.find(kept[-1], end) + len(kept[-1])
        found.append(Name(m.start(1), end, name, "product"))
    if acronyms:
        pat = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, acronyms)) + r")(?![\w])")
        for m in pat.finditer(text):
            if text[m.start() - 1 : m.start()] == "(":
                continue  # the definition itself: "Northern Grain Authority (NGA)"
            found.append(Name(m.start(), m.end(), acronyms[m.group()], "org", (m.group(),)))
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Name] = []
    for n in found:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out
