"""What a diplomacy timeline keeps quiet: market and price reports, weather, sport, listings,
and the biography of an obituary or a casualty list ("He was married with two daughters").

Such sentences are dated and often lead a brief ("December wheat edged lower on
Tuesday"), but they are not the happenings a reader follows; an event whose
sentence speaks of one of these topics (two cue words or more) gets the lowest
importance, so it shows only when there is room. A month written before a
commodity or a contract ("December wheat", "the March contract") names the
contract, not a date. The cue words are data: ``resources/gazetteers/noise_topics.txt``.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.extract.timex.lexicon import MONTHS
from tracker.resources import resource_path

_WORD = re.compile(r"[a-z][a-z\-]*")
QUIET = 0.05  # the importance of a quiet topic's event


@cache
def _topics() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    with open(resource_path("gazetteers", "noise_topics.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#") or ":" not in line:
                continue
            name, words = line.split(":", 1)
            out[name.strip()] = frozenset(words.split())
    return out


def quiet_topic(sentence: str) -> str | None:
    """The quiet topic a sentence speaks of, if two of its cue words occur."""
    words = set(_WORD.findall(sentence.lower()))
    best, hits = None, 1
    for name, cues in _topics().items():
        if name == "contract-after-month":
            continue
        n = len(words & cues)
        if n > hits:
            best, hits = name, n
    return best


@cache
def _contract_pattern() -> re.Pattern[str]:
    after = "|".join(sorted(_topics().get("contract-after-month", ()), key=len, reverse=True))
    return re.compile(rf"\s+(?:{after})\b", re.IGNORECASE)  # match() anchors at the month


def names_a_contract(text: str, timex_text: str, end: int) -> bool:
    """ "December wheat", "March crude", "the June contract": a month that names a
    commodity contract, not the date of a happening."""
    if timex_text.strip().lower().rstrip(".") not in MONTHS:
        return False
    return bool(_contract_pattern().match(text, end, end + 30))
