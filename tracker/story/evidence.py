"""What fusion compares: one reported event reduced to the cheap signals of coreference.

A `Member` is one stored per-article event seen by fusion: its date as a
`Period`, type, modality, place, participants under alias keys, and the content
words of its title and sentence. `link` decides whether two reports can be the
same happening and how strongly; `tokens` and `actor_keys` normalise text so
that differently worded reports of one summit meet.

The signals follow cross-document event coreference practice (ECB+): compatible
time, shared participants, the same event type, lexical overlap. None of them
is enough alone; `link` asks for a combination, and positive evidence of a
different happening (another place, no shared content word) vetoes a link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Generic, TypeVar, overload

from tracker.model import Granularity, Period

_RANK = {g: g.rank for g in Granularity}
_FINE = frozenset(g for g in Granularity if g.rank <= Granularity.DAY.rank)

#: Two day-dated reports further apart than this are never the same happening.
MAX_DAY_GAP = 7

_WORD = re.compile(r"[^\W\d_]{3,}")
# Words every news sentence has: they say nothing about which happening it is.
_STOP = frozenset(
    """the and for that with was were has have had this from they their them his her its
    are but not been will would could should said says say told also which who whom whose
    what when where while after before during since than then there here into onto over
    under about against between through more most some such only other others again
    new one two three four five six seven eight nine ten first second third last next
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    week weeks month months year years day days night morning evening afternoon
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    earlier later late early ago recent recently now just still yet very much many
    our out all any each both can did does done being because around also per
    officials official spokesman spokeswoman statement reported report reports according
    mr mrs ms dr president minister prime secretary""".split()
)


def tokens(text: str | None) -> frozenset[str]:
    """Content words of ``text``: lower case, letters only, minus news boilerplate words."""
    if not text:
        return frozenset()
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, deterministic suffix strip so "meets"/"meeting"/"met" style variants meet."""
    for suffix in ("ings", "ing", "ers", "ies", "ed", "es", "er", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def actor_keys(name: str, kind: str = "other") -> frozenset[str]:
    """Alias keys of a participant: its full name, and a person's surname on its own.

    "George Bush", "Bush" and "President Bush" (titles are split off by the
    extractor) share the key "bush", so reports naming a person differently meet.
    """
    full = " ".join(name.lower().split())
    if not full:
        return frozenset()
    keys = {full}
    parts = full.split()
    if kind == "person" and len(parts) > 1:
        keys.add(parts[-1])
    elif len(parts) == 1:
        keys.add(parts[0])
    return frozenset(keys)


_T = TypeVar("_T")


class _Once(Generic[_T]):
    """``functools.cached_property`` without the lock Python 3.11 takes on every first
    read: fusion reads a few such values of each of its hundreds of thousands of members."""

    def __init__(self, fn: Callable[[Any], _T]) -> None:
        self.fn = fn
        self.name = fn.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, cls: type | None = None) -> _Once[_T]: ...
    @overload
    def __get__(self, obj: object, cls: type | None = None) -> _T: ...
    def __get__(self, obj: Any, cls: type | None = None) -> _Once[_T] | _T:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)  # later reads find it there
        return value


@dataclass(frozen=True)
class Member:
    """One stored event as fusion sees it."""

    event_id: int
    article_id: int
    period: Period | None
    type: str
    modality: str
    location: str | None
    actors: frozenset[str]  # alias keys, see `actor_keys`
    words: frozenset[str]  # stemmed content words of title and sentence, actor names removed
    names: frozenset[str] = frozenset()  # every word of title and sentence, lower case
    headline: frozenset[str] = frozenset()  # stemmed content words of the title alone
    published: date | None = None  # the article's date
    pin: str | None = None  # the user's grouping: same pin together, different pins apart
    story_id: int | None = None  # the story it belonged to before this fusion
    # A report the user deleted: when (ISO time). Deleted reports come to fusion only as
    # whole happenings, so that new reports of them stay deleted (see `fusion`).
    deleted_at: str | None = None
    added: str | None = None  # when its article was added (ISO time), for `deleted_at`

    @_Once
    def day(self) -> date | None:
        return self.period.first_day if self.period is not None else None

    @_Once
    def fine(self) -> bool:
        """Known to the day (or time)."""
        return self.period is not None and self.period.granularity in _FINE

    @_Once
    def _span(self) -> tuple[int, int, int]:
        """(granularity rank, first day, last day) as ordinals: compared many times."""
        p = self.period
        if p is None:
            return (99, 0, 0)
        return (_RANK[p.granularity], p.first_day.toordinal(), p.last_day.toordinal())

    @_Once
    def _multi(self) -> tuple[frozenset[str], ...]:
        """The words of each several-word participant key ("european union"), as sets: such
        a participant is named in a sentence holding all its words (`shares_participant`)."""
        return tuple(frozenset(k.split()) for k in self.actors if " " in k)


def name_words(text: str) -> frozenset[str]:
    """Every word of ``text``, lower case (a participant is named when all its words are)."""
    return frozenset(_WORD.findall(text.lower()))


def content_words(names: frozenset[str], actor_names: list[str]) -> frozenset[str]:
    """Stemmed content words of an event (``names``: its words, see `name_words`),
    leaving out boilerplate words and its participants' names.

    Participants are compared separately; two meetings of the same two people
    must differ in what else their reports say.
    """
    words = names - _STOP
    if actor_names:
        words = words.difference(*(_WORD.findall(n.lower()) for n in actor_names))
    return frozenset(map(stem, words))


def text_words(title: str, sentence: str, actor_names: list[str]) -> frozenset[str]:
    """`content_words` straight from an event's title and sentence."""
    return content_words(name_words(f"{title} {sentence}"), actor_names)


def shares_participant(a: Member, b: Member) -> bool:
    """A participant of one is a participant of the other, or named in its sentence
    (extractors miss names; a report naming Lavrov is about Lavrov)."""
    # isdisjoint and subset tests: no set is built per pair (fusion compares many pairs).
    if not (
        a.actors.isdisjoint(b.actors)
        and a.actors.isdisjoint(b.names)
        and b.actors.isdisjoint(a.names)
    ):
        return True
    return any(words <= b.names for words in a._multi) or any(
        words <= a.names for words in b._multi
    )


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


#: Title words two reports of one day and type must share (Dice) to be one happening
#: on their titles alone: "Egypt blocks Twitter" and "Twitter blocked in Egypt", or
#: "September 11 attacks" and "terrorist attacks of September 11" (dates and months are
#: no content words; the day is already the same). Places and participants that
#: differ have ruled the pair out before.
_SAME_HEADLINE = 0.65


def _same_headline(a: Member, b: Member) -> bool:
    return dice(a.headline, b.headline) >= _SAME_HEADLINE


def date_relation(a: Member, b: Member) -> str | None:
    """How two reports' dates can agree: "same", "adjacent" (a day apart), "near" (days
    apart, one source probably wrong), "inside" (a finer date inside a coarser one), or None."""
    if a.period is None or b.period is None:
        return None
    if a.period.value == b.period.value:
        return "same"
    rank_a, first_a, last_a = a._span
    rank_b, first_b, last_b = b._span
    if a.fine and b.fine:
        gap = abs(first_a - first_b)
        if gap == 0:
            # Two different clock times of one day are as likely two happenings as one.
            both_timed = a.period.granularity is b.period.granularity is Granularity.TIME
            return "adjacent" if both_timed else "same"
        if gap == 1:
            return "adjacent"
        return "near" if gap <= MAX_DAY_GAP else None
    coarse_a = rank_a > rank_b
    outer = (first_a, last_a) if coarse_a else (first_b, last_b)
    inner = (first_b, last_b) if coarse_a else (first_a, last_a)
    if outer[0] <= inner[0] and inner[1] <= outer[1]:
        # A month or a week holds a day; a whole year is too vague to tie to one.
        return "inside" if outer[1] - outer[0] < 31 else None
    return None


#: The least evidence (shared content, same place) any rule of `link` takes, by date
#: relation, but the rule of one title (`_same_headline`); most candidate pairs fall
#: below it, so it is checked first.
_LEAST_EVIDENCE = {"same": 0.12, "adjacent": 0.25, "inside": 0.4, "near": 0.5}


def link(a: Member, b: Member) -> float:
    """How strongly two reports look like one happening, 0 when they cannot be.

    Needed, by how well the dates agree: the same day or a day apart takes a
    shared participant and the same type with some shared content, or much
    shared content; dates days apart (one source wrong) or a day inside a month
    take all of it and more. A different place, a different type with little
    in common, or a pinned user grouping rule a link out.
    """
    if a.pin is not None and b.pin is not None:
        return 1.0 if a.pin == b.pin else 0.0
    if a.article_id == b.article_id:
        # Which mentions in one article are one happening the extractor's
        # in-article merge has already decided (it sees the sentences between
        # them); two reports it kept apart, such as four announcements of one
        # keynote, are four events, not one.
        return 0.0
    rel = date_relation(a, b)
    if rel is None:
        return 0.0
    if a.location and b.location and a.location.lower() != b.location.lower():
        return 0.0
    lex = dice(a.words, b.words)
    same_place = bool(a.location) and a.location == b.location
    evidence = lex + (0.25 if same_place else 0.0)
    if evidence < _LEAST_EVIDENCE[rel] and not (
        rel == "same" and a.type == b.type and _same_headline(a, b)
    ):
        return 0.0  # below what any rule below asks for: spare the participant test
    shared = shares_participant(a, b)
    if not shared and a.actors and b.actors:
        # Both name participants and none is shared: different people, different happening.
        return 0.0
    same_type = a.type == b.type
    if rel == "same":
        if same_type and _same_headline(a, b):
            # "September 11 attacks" and "the attacks of September 11", told in sentences
            # about other things: the titles name one happening.
            return 0.45 + evidence
        if shared and same_type and evidence >= 0.12:
            return 0.5 + evidence
        if same_type and evidence >= 0.35:
            return 0.4 + evidence
        if shared and evidence >= 0.45:
            return 0.3 + evidence
        return 0.0
    if rel == "adjacent":
        if shared and same_type and evidence >= 0.25:
            return 0.4 + evidence
        if same_type and evidence >= 0.5:
            return 0.3 + evidence
        return 0.0
    if rel == "inside":  # one source is vaguer: ask for strong agreement
        if same_type and (shared or not (a.actors or b.actors)) and evidence >= 0.4:
            return 0.2 + evidence
        return 0.0
    # "near": days apart, so one source has the date wrong; only the same people doing
    # the same kind of thing, told in much the same words, make it one happening.
    if same_type and a.actors & b.actors and evidence >= 0.5:
        return 0.2 + evidence
    return 0.0
