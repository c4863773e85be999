"""The day's news as events: sentences with no date, dated by the article or by the
recent day the story is told at (what its protagonist says and does that day)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tracker.extract.events.article import Article
from tracker.extract.events.clauses import SAY_LIKE, Sentence, Trigger, refine_type
from tracker.extract.events.dates import holds, recent
from tracker.extract.events.description import describe
from tracker.extract.events.frames import concrete, content_trigger
from tracker.extract.events.modality import modality
from tracker.extract.events.news import (
    HABITUAL,
    LEAD_SENTENCES,
    back_at_occasion,
    first_person_title,
    is_lead_candidate,
    news_trigger,
    tells_present,
)
from tracker.extract.events.passages import continuation
from tracker.extract.events.scoring import importance
from tracker.extract.types import ExtractedEvent

_PRONOUN_START = re.compile(r"\s*(?:He|She|They|It)\b")


def _may_name(art: Article, i: int, cast: set[str]) -> bool:
    """Whether sentence ``i`` names, or may stand for, someone of the day's news."""
    start, end = art.spans[i]
    if _PRONOUN_START.match(art.text, start):
        return True
    return any(m.name in cast for m in art.actors.within(start, end))


_HE_SHE = frozenset(("he", "she"))
_BE = frozenset("was were is are been being".split())
_POSSESSIVE = re.compile(r"['\u2019]s?\b")  # "Laden's extradition": not the subject
_GOVERNED = re.compile(r"\b(?:of|for|to|with|against|from|about|on|by)\s+(?:the\s+)?$")
_PERSON_NOUN = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|ministers?|officers?|judge|envoy|ambassador|"
    r"president|director|chief|analysts?|lawyers?|witness|source|aide|diplomats?)\b",
    re.IGNORECASE,
)


# "has been arrested", "had met": told as background, not as the day's happening.
_PERFECT = frozenset("has have had been".split())


def cast_verb(art: Article, sent: Sentence, i: int, cast: set[str]) -> Trigger | None:
    """The verb whose subject is a person of the day's news, if the sentence has one:
    named in its clause before it ("Jobs then showed", "For those still unhappy,
    Jobs said"), as a passive's agent ("was praised by Jobs"), or as "he"/"she"
    before it when the sentences before named one of them."""
    toks = sent.tokens
    for verb in (t for t in sent.triggers if t.pos == "verb"):
        clause = sent.clause_of[verb.index]
        k = verb.index
        while k > 0 and sent.clause_of[k - 1] == clause and toks[k - 1].text != ",":
            k -= 1
        lo = toks[k].start if k < verb.index else verb.token.start
        people = [
            m
            for m in art.actors.within(lo, verb.token.start)
            if m.kind == "person"
            and not _POSSESSIVE.match(art.text, m.end)
            and not _GOVERNED.search(art.text, max(0, m.start - 12), m.start)
        ]
        nxt = verb.index + 1
        if nxt + 1 < len(toks) and toks[nxt].low == "by" and toks[verb.index - 1].low in _BE:
            # "The phone was praised by Jobs": the agent of a passive acts.
            agent = art.actors.within(toks[nxt + 1].start, sent.end)[:1]
            if agent and agent[0].start == toks[nxt + 1].start and agent[0].kind == "person":
                return verb if agent[0].name in cast else None
        if people:
            return verb if people[-1].name in cast else None
        if any(t.low in _HE_SHE for t in toks[k : verb.index]):
            # "He" looks back over the sentence before, or two when that one names nobody.
            back = art.spans[max(0, i - 2)][0]
            named = [m for m in art.actors.within(back, lo) if m.kind == "person"]
            if not named or named[-1].name not in cast:
                return None
            # "a spokesman ... He said": someone unnamed came between.
            return None if _PERSON_NOUN.search(art.text, named[-1].end, lo) else verb
    return None


_PREPOSITIONS = frozenset("in on at during to of for with from by about after before".split())
_SAYING = frozenset("says said tells told adds added notes noted states stated".split())


def says_something(title: str) -> bool:
    """A statement's title gives what was said: some words after the verb, not a
    place or occasion ("X says during a news conference")."""
    words = title.split()
    k = next((n for n, w in enumerate(words) if w.lower() in _SAYING), None)
    if k is None:
        return True
    rest = words[k + 1 :]
    return len(rest) >= 3 and rest[0].lower() not in _PREPOSITIONS


def day_news(
    art: Article,
    anchor: date,
    dated: set[int],
    moves: dict[int, ExtractedEvent],
    told: set[int],
    cast: set[str],
) -> list[ExtractedEvent]:
    """Events the article reports as its day's news without a date expression.

    The lead's sentences report the day's news. After the lead, a past-tense
    sentence keeps reporting it while the story's reference time is still the
    article's day (no older date named since), when it names someone the day's
    news is about ("Jobs also demoed ..."): news narrative keeps a time until
    a new one appears. When a dated sentence has moved that time to a recent
    day ("on Friday Jobs held a press conference"), the past-tense sentences
    after it happened on that day, and take its date.
    """
    out: list[ExtractedEvent] = []
    anchor_day = anchor.isoformat()
    seen = 0
    today = True  # the story's reference time is the article's day, or a recent one
    ref: ExtractedEvent | None = None  # the dated event that set a recent reference time
    occasion: ExtractedEvent | None = None  # the first of those: the story's occasion
    cast = set(cast)  # people and bodies of the day's news
    for i in range(len(art.spans)):
        start, end = art.spans[i]
        if (
            occasion is not None
            and not today
            and i not in dated
            and back_at_occasion(art.text, start, end)
        ):
            today, ref = True, occasion  # "During the keynote, ...": back at its time
        elif (
            occasion is not None
            and not today
            and i not in dated
            and not art.is_heading(i)
            and tells_present(art.sentence(i))
        ):
            # "The new version adds ...": the present tense ends an aside about the past.
            today, ref = True, occasion
        if seen >= LEAD_SENTENCES and not today and i not in dated:
            continue  # past the lead, in another time: not worth reading closely
        if art.is_heading(i):
            continue
        if seen >= LEAD_SENTENCES and i not in dated and not _may_name(art, i, cast):
            continue  # names nobody of the day's news (checked before tokenising)
        if art.tells_nothing(i):
            continue  # a question or a teaser
        sent = art.sentence(i)
        if not is_lead_candidate(sent):
            continue
        seen += 1
        if i in dated:
            if i in moves and not holds(moves[i].date, ref.date if ref else anchor_day):
                # "this year" holds the day the story is told at: the time stays.
                today = recent(moves[i].date, anchor)
                ref = moves[i] if today else None  # an older date is no day of the news
                if today and occasion is None:
                    occasion = ref
            continue  # its own date expression says when
        if i in told:
            continue  # already told as part of a dated passage
        lead = seen <= LEAD_SENTENCES
        if not lead and not today:
            continue
        # What the day's protagonist said counts on a day the text has named: a
        # speech or a press conference told in sentences after its date.
        cast_did = cast_verb(art, sent, i, cast) if ref is not None else None
        by_cast = (
            cast_did is not None
            and cast_did.tense == "past"
            and not any(
                t.low in _PERFECT for t in sent.tokens[max(0, cast_did.index - 2) : cast_did.index]
            )
        )
        trig = cast_did if by_cast else news_trigger(sent, content_trigger, SAY_LIKE)
        if trig is None or (not lead and trig.tense != "past"):
            continue
        if HABITUAL.search(art.text, start, end):
            continue  # "arrested more than a dozen times": a habit, not the day's happening
        mod = modality(sent, trig, False)
        etype = refine_type(sent, trig)
        if mod != "reported" or not (concrete(sent, trig) or trig.lemma in SAY_LIKE or by_cast):
            # An announcement is news; what someone merely said or did is news when
            # the day's own protagonist says or does it ("Jobs demoed", "he said").
            continue
        title, actors, kinds, loc = describe(art, sent, trig, mod, (sent.start, sent.start), None)
        if not actors or len(title.split()) < 3 or first_person_title(title):
            continue  # nobody acting, nothing a title can show, or the first person
        if trig.reporting and not says_something(title):
            continue  # "Bush says in an interview": who spoke, not what was said
        if lead:
            cast.update(n for n, k in zip(actors, kinds, strict=False) if k in ("person", "org"))
        elif not cast.intersection(actors):
            continue
        context = continuation(art, (start, end), dated)
        ev = ExtractedEvent(
            date=anchor.isoformat(),
            granularity="day",
            title=title,
            timex="",
            timex_start=start,
            timex_end=start,
            sentence_start=start,
            sentence_end=end,
            type=etype,
            modality=mod,
            confidence=0.45,
            importance=importance(etype, i, len(art.spans), False, anchor.isoformat(), anchor),
            actors=actors[:6],
            actor_kinds=kinds[:6],
            actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
            actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
            location=loc or art.dateline_city,
            relative=True,
            context_start=context[0],
            context_end=context[1],
            dated_by="publication",
        )
        if ref is not None and trig.tense == "past":
            ev = replace(
                ev,
                date=ref.date,
                date_end=ref.date_end,
                granularity=ref.granularity,
                timex=ref.timex,
                timex_start=ref.timex_start,
                timex_end=ref.timex_end,
                relative=ref.relative,
                dated_by="text",
            )
        out.append(ev)
    return out
