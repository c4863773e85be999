"""Who a pronoun or an unwieldy subject stands for, as a title's subject."""

from __future__ import annotations

import bisect
import re

from tracker.extract.events.actors import ActorMention
from tracker.extract.events.article import Article
from tracker.extract.events.lexicon import REPORTING

_PRONOUN_REACH = 40  # actor mentions a pronoun may look back over


class FallbackActor:
    """Who a pronoun or an unwieldy subject stands for, as a short title subject.

    ``person`` is the full name of the actor last resolved, for the actors, and
    ``kind`` its kind; ``parties`` the names and kinds "they" stood for, when several.
    """

    def __init__(
        self, art: Article, offset: int, actors: tuple[str, ...], kinds: tuple[str, ...]
    ) -> None:
        self.art, self.offset, self.actors, self.kinds = art, offset, actors, kinds
        self.person: str | None = None
        self.kind = "person"
        # "they" as several parties named before: as written, and their names and kinds
        self.parties: tuple[str, list[tuple[str, str]]] = ("", [])

    def __call__(self, subject: str) -> str | None:
        art, offset, actors, kinds = self.art, self.offset, self.actors, self.kinds
        pronoun = subject.lower()
        mentions = art.actors.mentions
        i = bisect.bisect_left(art.actors.starts, offset) - 1
        if pronoun == "it":
            noun = _previous_noun(art, offset)
            if noun:
                return noun
        wanted = ("country", "org", "product") if pronoun in ("it", "they") else ("person",)
        if pronoun not in ("it", "they"):
            # "He spent a week with Kask": "he" is never one the clause does something to.
            done_to = _objects_after(art, offset) if pronoun in ("he", "she") else set()
            for name, kind in zip(actors, kinds, strict=False):
                if kind == "person" and name not in done_to:
                    return art.actors.short_name(name)
        if pronoun not in ("he", "she", "it", "they"):
            return actors[0] if actors else None
        floor = max(-1, i - _PRONOUN_REACH)  # a pronoun looks back a few names, not the article
        # ... and no further than the sentence before for "they" (a group just named;
        # "they sent a message" after a column's aside on Iraq is not Iraq) or for "it"
        # as a state; "it" as the company or product the story is about carries further,
        # since company news keeps calling its subject "it" ("Yesterday it closed at
        # $9.10"); a body named once in a column does not ("it shelled the port").
        si = art.index(offset)
        if pronoun == "they":
            joined = _conjoined_subject(art, si, offset)
            if joined:
                self.parties = (joined[0], [(m.name, m.kind) for m in joined[1]])
                return joined[0]
        nearest = art.spans[max(0, si - 1)][0] if pronoun in ("it", "they") else -1
        subjects = art.story_subjects if pronoun == "it" else frozenset()

        def reachable(m: ActorMention) -> bool:
            if pronoun == "they" and m.kind != "person" and _modifier(art.text, m):
                return False  # "the role of the Iraq war": a name that only describes a noun
            if m.start >= nearest or m.kind == "person":
                return True
            return m.name in subjects

        while i > floor:
            if not reachable(mentions[i]):
                i -= 1
                continue
            if mentions[i].kind in wanted:
                m = mentions[i]
                if m.kind != "person":
                    # "It is slated for release in June": the phone, company or state
                    # "it" stands for takes part.
                    self.person, self.kind = m.name, m.kind
                    return m.name
                self.person = m.name if pronoun in ("he", "she") else None
                self.kind = "person"
                return art.actors.short_name(m.name)
            i -= 1
        # The clause's own participants last, of a kind the pronoun can stand for ("they"
        # is no one person, "he" no country); none fits: the pronoun stays as written.
        return next((a for a, k in zip(actors, kinds, strict=False) if k in wanted), None)


_BEFORE_MODIFIER = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,})\b")


def _modifier(text: str, m: ActorMention) -> bool:
    """A name used as a noun's modifier ("the Iraq war", "the UK government"): a
    determiner before it and a lower-case word after it that reads as no verb.

    >>> from tracker.extract.events.actors import ActorMention
    >>> text = "the Iraq war began; the US said so"
    >>> _modifier(text, ActorMention(4, 8, "Iraq", "country")), _modifier(text, ActorMention(24, 26, "US", "country"))
    (True, False)
    """
    if not _BEFORE_MODIFIER.search(text, max(0, m.start - 8), m.start):
        return False
    after = _NOUN_AFTER.match(text, m.end)
    if after is None:
        return False
    word = after.group(1)
    return not (word.endswith(("ed", "s")) or word in REPORTING)


def _objects_after(art: Article, offset: int) -> set[str]:
    """The people named after the verb at ``offset`` in its sentence who do not act
    there ("He spent a week with Kask and Lind": Kask is no "he"; "As he spoke,
    Kask left": Kask acts, a verb right after the name, and may be "he")."""
    si = art.index(offset)
    start, end = art.spans[si]
    sent = art.sentence(si)
    verbs = {t.token.start for t in sent.triggers if t.pos == "verb"}
    starts = [t.start for t in sent.tokens]
    out = set()
    for m in art.actors.within(offset, end):
        if m.kind != "person" or m.start <= offset:
            continue
        k = bisect.bisect_left(starts, m.end)
        if k >= len(starts) or starts[k] not in verbs:
            out.add(m.name)
    return out


_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _conjoined_subject(art: Article, si: int, offset: int) -> tuple[str, list[ActorMention]] | None:
    """ "The ministers of Norway and Finland met Rutte. They agreed ...": "they" at the
    head of a sentence is the parties the sentence before opened with, joined by "and"
    ("Norway and Finland"), not the last body named (NATO, Rutte's): English keeps the
    subject as the topic. The title's subject and those parties; None when this
    sentence names a body before the pronoun or the one before does not open with
    two or more parties."""
    if si == 0 or art.actors.within(art.spans[si][0], offset):
        return None
    start, _end = art.spans[si - 1]
    verb = next((t for t in art.sentence(si - 1).triggers if t.pos == "verb"), None)
    if verb is None:
        return None
    parties = [
        m
        for m in art.actors.within(start, verb.token.start)
        if m.kind in ("person", "org", "country") and m.role is None
    ]
    if len(parties) < 2 or any(
        not _JOINED.fullmatch(art.text[a.end : b.start])
        for a, b in zip(parties, parties[1:], strict=False)
    ):
        return None
    if "and" not in art.text[parties[-2].end : parties[-1].start].split():
        return None
    # People as the article wrote them ("Xi Jinping", whose family name comes first).
    names = [art.text[m.start : m.end] if m.kind == "person" else m.name for m in parties]
    return ", ".join(names[:-1]) + " and " + names[-1], parties


def _previous_noun(art: Article, offset: int) -> str | None:
    """The happening "it" most likely refers to: the last event noun before it."""
    si = art.index(offset)
    for j in (si, si - 1):
        if j < 0:
            continue
        nouns = [t for t in art.sentence(j).triggers if t.pos == "noun" and t.token.start < offset]
        if nouns:
            return "The " + nouns[-1].token.text.lower()
    return None
