"""Who a pronoun or an unwieldy subject stands for, as a title's subject."""

from __future__ import annotations

import bisect
import re

from tracker.extract.events.actors import ActorMention
from tracker.extract.events.article import Article
from tracker.extract.events.clauses import Token
from tracker.extract.events.gazetteer import gazetteer
from tracker.extract.events.lexicon import REPORTING
from tracker.extract.events.phrases import DETERMINERS

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
            # "It" is a body that is a subject just before, a happening just told, or the
            # company the story is about; else it stays "It": a place named in passing
            # ("snow fell in Milwaukee. It was ...") is no subject to guess.
            if _EXPLETIVE.match(art.text, offset):
                return None  # "It seems that ...", "it looked like ...": no one is meant
            si = art.index(offset)
            verbs = _verb_starts(art, si)
            after_verb = any(v < offset for v in verbs)  # "X said on Friday it had ..."
            body = _subject_body(art, offset, si, verbs if after_verb else None)
            if body is not None:
                self.person, self.kind = body.name, body.kind
                return body.name
            noun = _previous_noun(art, offset)
            if noun:
                return noun
            if after_verb and not _COMPANY_NOUN.search(art.text, art.spans[si][0], offset):
                # "X, a press group, said it had ...": the one meant is in the sentence,
                # unless that is "the company" the article is about.
                return None
            # The company or product the article is about, named in the last few
            # sentences ("Shares of Orvane fell. ... Yesterday it closed at $9.10").
            subjects, since = art.story_subjects, art.spans[max(0, si - 3)][0]
            for m in reversed(mentions[max(0, i - _PRONOUN_REACH) : i + 1]):
                if m.start < since:
                    break
                if m.name in subjects and m.kind in ("org", "product"):
                    self.person, self.kind = m.name, m.kind
                    return m.name
            return None
        wanted = ("country", "org", "product") if pronoun == "they" else ("person",)
        if pronoun != "they":
            # "He spent a week with Kask": "he" is never one the clause does something to.
            done_to = _objects_after(art, offset) if pronoun in ("he", "she") else set()
            for name, kind in zip(actors, kinds, strict=False):
                if kind == "person" and name not in done_to:
                    return art.actors.short_name(name)
        if pronoun not in ("he", "she", "they"):
            return actors[0] if actors else None
        floor = max(-1, i - _PRONOUN_REACH)  # a pronoun looks back a few names, not the article
        # ... and no further than the sentence before for "they" (a group just named;
        # "they sent a message" after a column's aside on Iraq is not Iraq).
        si = art.index(offset)
        if pronoun == "they":
            joined = _conjoined_subject(art, si, offset)
            if joined:
                self.parties = (joined[0], [(m.name, m.kind) for m in joined[1]])
                return joined[0]
        nearest = art.spans[max(0, si - 1)][0] if pronoun == "they" else -1

        def reachable(m: ActorMention) -> bool:
            if pronoun == "they" and m.kind != "person" and _modifier(art.text, m):
                return False  # "the role of the Iraq war": a name that only describes a noun
            return m.start >= nearest or m.kind == "person"

        while i > floor:
            if not reachable(mentions[i]):
                i -= 1
                continue
            if mentions[i].kind in wanted:
                m = mentions[i]
                if m.kind != "person":
                    # "They agreed": the body or state "they" stands for takes part.
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


# "It" as no one: the subject English needs before these verbs ("it seems that", "it
# looked as if", "it emerged that", "it turned out", "it remains to be seen").
_EXPLETIVE = re.compile(
    r"it\s+(?:(?:has|had|would|may|might)\s+)?(?:seem|seems|seemed|appear|appears|appeared|"
    r"looks?\s+(?:like|as\s+if)|looked\s+(?:like|as\s+if)|emerges?\s+that|emerged\s+that|"
    r"turns?\s+out|turned\s+out|remains?\s+to\s+be|remained\s+to\s+be|goes\s+without)\b",
    re.IGNORECASE,
)
# A noun after one of these is a setting or a circumstance ("after the storm", "for the
# celebrations"), not what a following "it" goes on about.
_PREPOSITIONS = frozenset(
    "after before during amid since for of in at on from with without by against about".split()
)
_OBJECT_WORDS = frozenset("us me him them the a an".split())


def _previous_noun(art: Article, offset: int) -> str | None:
    """The happening "it" most likely refers to: the last event noun before it that
    heads a noun phrase ("The blast tore through the market. It killed ..."; "They
    held a march. It drew thousands").

    A body named before "it" in the same sentence is what "it" stands for ("The
    committee said on Friday it had recorded ..."), and a noun after a preposition
    ("after the storm") or inside a name ("Make Poverty History") is not what "it"
    goes on about: then no noun is given and the actors are asked."""
    si = art.index(offset)
    here = art.actors.within(art.spans[si][0], offset)
    if any(m.kind in ("org", "country", "product") for m in here):
        return None
    for j in (si, si - 1):
        if j < 0:
            continue
        sent = art.sentence(j)
        nouns = [
            t
            for t in sent.triggers
            if t.pos == "noun" and t.token.start < offset and _heads_noun_phrase(sent.tokens, t.index)
        ]
        if nouns:
            return "The " + nouns[-1].token.text.lower()
    return None


_SPACE = re.compile(r"\s+")
_OPENS_WITH_IT = re.compile(r"(?:[^,.]{0,40},\s*)?[Ii]t\s")
_OWNER_BEFORE = re.compile(r"\b[A-Z][\w.&-]*(?:'s|\u2019s)\s+$")
_OWNS = re.compile(r"(?:'s|\u2019s)\s+[a-z]")
# The subject of a company's news named by its kind ("the company said it ...").
_COMPANY_NOUN = re.compile(
    r"\b[Tt]he\s+(?:company|firm|bank|group|carrier|airline|maker|retailer|insurer|lender)\b"
)
# What may stand before a subject: the sentence's or a clause's opening ("On Friday,
# Iran said ..."; "... and the committee said ..."; a dateline's dash, "OSLO (Wire) -
# The bank said ..."), not a verb or a preposition ("told CNN", "a report by the
# Senate", "snow in Milwaukee").
_SUBJECT_OPENING = re.compile(
    r"(?:^|[,;:(\"'\u201c\u2014]|\s[-\u2013_]|\b(?:and|but|that|while|as|when|because|after|before|"
    r"since|though|although|so|then|yesterday|today|now))\s*(?:the\s+)?$",
    re.IGNORECASE,
)


def _subject_body(
    art: Article, offset: int, si: int, verbs: list[int] | None
) -> ActorMention | None:
    """The body "it" stands for: an organisation, country or product that is a subject
    (at the opening of a clause, no possessive after it, a verb of its own before the
    next name). In its own sentence, the last such before "it" ("Iran said on Friday
    it had ..."); when "it" comes before any verb of its sentence, the subject of the
    sentence before ("The State Department issued a warning. It said ...").

    ``si`` is the sentence of "it"; ``verbs``, where its verbs start when one comes
    before "it" (`_verb_starts`), else None."""
    if verbs is not None:
        found = _subjects(art, si, offset, verbs)
        if found or not _OPENS_WITH_IT.match(art.text, art.spans[si][0], offset):
            return found[-1] if found else None
        # "It said on Tuesday it would ...": both are the one the sentence before told of
    if si == 0:
        return None
    before = _verb_starts(art, si - 1)
    found = _subjects(art, si - 1, art.spans[si - 1][1], before)
    if found and before and found[0].end <= before[0]:
        m = found[0]
        # Across a sentence break "it" goes on with a body, not a country or a place
        # (after "Myanmar held a vote.", "It ..." is as often the vote), and a single
        # capitalised word is a body only when known ("Congress") or its verb follows
        # it ("Paribas says ..."), not any capitalised word that opens a sentence.
        known = len(m.name.split()) > 1 or m.name in gazetteer().entries
        if m.kind != "country" and (known or _verb_right_after(art, m, before)):
            return m
    return None


def _verb_starts(art: Article, si: int) -> list[int]:
    """Where the verbs of sentence ``si`` start: its verb triggers and its reporting
    words ("Unisys also noted that ...")."""
    sent = art.sentence(si)
    verbs = {t.token.start for t in sent.triggers if t.pos == "verb"}
    verbs.update(t.start for t in sent.tokens if t.low in REPORTING)
    return sorted(verbs)


def _verb_right_after(art: Article, m: ActorMention, verbs: list[int]) -> bool:
    """Whether one of ``verbs`` (where its sentence's verbs start) is the word right
    after ``m``."""
    gap = _SPACE.match(art.text, m.end)
    return (gap.end() if gap else m.end) in verbs


def _subjects(art: Article, si: int, offset: int, verbs: list[int]) -> list[ActorMention]:
    """The bodies before ``offset`` in sentence ``si`` (whose verbs start at ``verbs``)
    that read as subjects."""
    start, end = art.spans[si]
    named = art.actors.within(start, min(end, offset))
    out = []
    for k, m in enumerate(named):
        if m.kind not in ("org", "country", "product") or m.role == "location":
            continue
        opening = m.start
        owner = _OWNER_BEFORE.search(art.text, start, m.start)
        if owner:
            opening = owner.start()  # "Young's Market Co.": a name that opens with an owner's
        if not _SUBJECT_OPENING.search(art.text[start:opening]) or _modifier(art.text, m):
            continue
        if _OWNS.match(art.text, m.end):
            continue  # "Japan's main opposition": Japan is whose, not who
        nxt = named[k + 1].start if k + 1 < len(named) else min(end, offset)
        if any(m.end <= v < nxt for v in verbs):
            out.append(m)
    return out


def _heads_noun_phrase(tokens: list[Token], i: int) -> bool:
    """A lower-case word after a determiner, with at most two lower-case words
    between ("the blast", "the second car bomb"): a common noun heading a phrase, not
    a capitalised word of a name nor a verb form ("saying", "says") taken for a noun."""
    word = tokens[i].text
    if not word.islower() or word.endswith("ing"):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].low in _OBJECT_WORDS:
        return False  # "would the show make us laugh": a verb with its object
    for k in range(i - 1, max(-1, i - 4), -1):
        before = tokens[k].text
        if tokens[k].low in DETERMINERS:
            return k == 0 or tokens[k - 1].low not in _PREPOSITIONS
        if not before.islower() and not before.replace("-", "").isdigit():
            return False
    return False
