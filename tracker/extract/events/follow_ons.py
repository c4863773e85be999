"""Undated sentences next to a dated one that tell happenings of their own."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extract.events.article import Article
from tracker.extract.events.clauses import Sentence, Trigger, refine_type
from tracker.extract.events.description import describe
from tracker.extract.events.filters import FIGURES
from tracker.extract.events.frames import VAGUE, content_trigger
from tracker.extract.events.modality import modality
from tracker.extract.events.news import (
    HABITUAL,
    back_at_occasion,
    first_person_act,
    first_person_title,
)
from tracker.extract.types import ExtractedEvent

#: A reporting period given as a count of months: "the nine months", "the first six
#: months", "year to date" (the quarter and the year are dates of their own).
LONGER_PERIOD = re.compile(
    r"\b(?:the|first|latest)\s+(?:(?:first|latest)\s+)?(?:three|six|nine|twelve|\d+)\s+months\b"
    r"|\byear[- ]to[- ]date\b",
    re.IGNORECASE,
)


def follow_ons(
    art: Article,
    ev: ExtractedEvent,
    own: tuple[int, int],
    context: tuple[int, int],
    claimed: set[int],
    flashback: bool = False,
    planned: bool = False,
    recent_day: bool = False,
    story: tuple[int, int] | None = None,
    dated: set[int] | None = None,
) -> list[ExtractedEvent]:
    """Happenings told in the undated sentences around a dated one, dated alike.

    News narrative keeps a date as the reference time of the sentences after
    it until a new date appears ("Iran fired missiles on Tuesday. Most were
    intercepted."), and the sentence just before often tells what the dated
    one pins down ("Bombs hit two embassies. The blasts came minutes apart on
    Friday."). Each such sentence with a happening of its own is an event of
    its own, with its own sentence as the quote, less sure and less important
    than the dated one. After an aside about an older date (``flashback``), a
    sentence naming the story's occasion again ("during the keynote") is back at
    the occasion's time, and so are the sentences after it.

    A wire story of the day's news goes on telling that day's occasion further
    than a passage runs ("A tanker exploded at a market on Friday. ... Rescue
    workers pulled bodies from the wreckage. The driver fled the scene."): past
    the passage, up to the end of ``story``, a sentence is still dated by the
    lead when it narrates, in the writer's own voice, a happening in the past
    tense (see `narrated`).
    """
    out: list[ExtractedEvent] = []
    first, last = art.index(context[0]), art.index(context[1] - 1)
    passage_last = last
    if story is not None:
        last = max(last, art.index(story[1] - 1))
    for j in range(first, last + 1):
        start, end = art.spans[j]
        if own[0] <= start < own[1] or j in claimed:
            continue
        if flashback and start < own[0] and ev.granularity not in ("quarter", "year"):
            # An aside's date ("The scandal erupted last month") does not reach back into
            # the day's story; a reporting period sums up the figures on either side of it.
            continue
        if flashback and start >= own[1]:
            if back_at_occasion(art.text, start, end):
                break  # back at the story's own time
        if HABITUAL.search(art.text, start, end):
            continue  # "fined more than a dozen times": a habit, not one happening
        if art.tells_nothing(j):
            continue  # a question or a teaser
        if LONGER_PERIOD.search(art.text, start, end):
            # "For the nine months, net rose 4%": a sentence naming a period of its own
            # is not dated by its neighbour, and after a quarter's figures it turns the
            # story to that longer period, so what follows is no longer the quarter's.
            claimed.add(j)
            if ev.granularity == "quarter" and start > own[0]:
                break
            continue
        if ev.granularity == "quarter" and not FIGURES.search(art.text, start, end):
            # A quarter is a reporting period: it carries on to the figures told after
            # it ("Revenue rose 4%"), not to what the company did ("It hired a lawyer").
            continue

        sent = art.sentence(j)
        trig = told_happening(sent, perfect=recent_day)
        if trig is not None and start < own[0] and trig.pos != "verb":
            trig = None  # before the date, only a verb's happening is what the date pins down
        if j > passage_last and (
            trig is None or not narrated(sent, trig) or (dated is not None and j in dated)
        ):
            continue  # past the passage, only narration is sure to be the day's, and unclaimed
        claimed.add(j)  # the first date told of wins it
        if trig is None or first_person_act(sent, trig):
            continue
        mod = modality(sent, trig, False)
        if mod != ("planned" if planned else "reported"):
            continue
        title, actors, kinds, loc = describe(art, sent, trig, mod, (start, start), None)
        etype = refine_type(sent, trig)
        if first_person_title(title):
            continue  # the writer's or a speaker's own voice
        if len(title.split()) < (4 if j > passage_last else 3) or (
            etype == "statement" and not actors
        ):
            continue  # "Officials spoke at length": talk by nobody named is no entry
        out.append(
            replace(
                ev,
                title=title,
                sentence_start=start,
                sentence_end=end,
                type=etype,
                confidence=round(ev.confidence * 0.7, 3),
                importance=round(ev.importance * 0.6, 3),
                actors=actors[:6],
                actor_kinds=kinds[:6],
                actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
                actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
                location=loc,
                mentions=(),
            )
        )
    return out


def told_happening(sent: Sentence, perfect: bool = False) -> Trigger | None:
    """The happening a narrative sentence tells: its first past-tense verb (what a
    reporting verb introduces), else a happening noun; with ``perfect``, a present
    perfect too ("has pleaded innocent": done by now, when the story is of these days)."""
    for tr in sent.triggers:
        if tr.pos != "verb":
            continue
        if tr.reporting:
            tr = content_trigger(sent, tr) or tr
            if tr.reporting:
                return None
        before = sent.tokens[tr.index - 1].low if tr.index else ""
        if tr.tense == "3sg" or before == "had" or (before in ("has", "have") and not perfect):
            # The present and present perfect speak of now, the past perfect of before.
            return None
        return tr
    nouns = [t for t in sent.triggers if t.pos == "noun" and t.type not in VAGUE]
    return nouns[0] if nouns else None


_AUXILIARIES = frozenset("has have had is are am be been being".split())
_QUOTE_MARKS = ('"', "\u201c", "\u201d", "`", "''")


def narrated(sent: Sentence, trig: Trigger) -> bool:
    """Whether ``trig`` is a happening the writer narrates: a past-tense verb of the
    sentence's own (not one that a quotation or a "said" introduces, nor a participle).

    >>> from tracker.extract.events.clauses import analyse
    >>> s = "The driver of the truck fled before the police arrived."
    >>> narrated(sent := analyse(s, 0, len(s), []), told_happening(sent))
    True
    >>> s = '"We have lost everything," a shopkeeper said.'
    >>> narrated(sent := analyse(s, 0, len(s), []), told_happening(sent) or sent.triggers[0])
    False
    """
    if (
        trig.pos != "verb"
        or trig.tense != "past"
        or sent.clause_of[trig.index] != sent.clause_of[0]
    ):
        return False  # a past verb of the sentence's first clause, not "..., which they ruled"
    if trig.index and sent.tokens[trig.index - 1].low in _AUXILIARIES:
        return False  # "have massed", "are aided": a perfect or a passive present, not narration
    if any(q in t.text for t in sent.tokens for q in _QUOTE_MARKS):
        return False  # a quotation keeps its speaker's time
    return not any(t.reporting for t in sent.triggers if t.index < trig.index)


def own_dates_first(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Drop an event carried into a sentence (dated by a date told elsewhere) when the
    sentence's own date already gives that sentence an event of that date: told once,
    by its own words."""
    # A set of (date, sentence) pairs: one look-up per event, so an article of thousands
    # of events of one date costs no more per event than a short one.
    own = {
        (e.date, e.sentence_start, e.sentence_end)
        for e in events
        if e.sentence_start <= e.timex_start < e.sentence_end
    }
    return [
        e
        for e in events
        if e.sentence_start <= e.timex_start < e.sentence_end
        or (e.date, e.sentence_start, e.sentence_end) not in own
    ]
