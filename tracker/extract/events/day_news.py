"""The day's news as events: lead sentences with no date, dated by the article."""

from __future__ import annotations

import re
from datetime import date

from tracker.extract.events.article import Article
from tracker.extract.events.clauses import SAY_LIKE, refine_type
from tracker.extract.events.description import describe
from tracker.extract.events.frames import concrete, content_trigger
from tracker.extract.events.modality import modality
from tracker.extract.events.news import LEAD_SENTENCES, is_lead_candidate, news_trigger
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


def day_news(
    art: Article,
    anchor: date,
    dated: set[int],
    moves: dict[int, bool],
    told: set[int],
    cast: set[str],
) -> list[ExtractedEvent]:
    """Events the article reports as its day's news without a date expression.

    The lead's sentences report the day's news. After the lead, a past-tense
    sentence keeps reporting it while the story's reference time is still the
    article's day (no older date named since), when it names someone the day's
    news is about ("Jobs also demoed ..."): news narrative keeps a time until
    a new one appears.
    """
    out: list[ExtractedEvent] = []
    seen = 0
    today = True  # the story's reference time is the article's day
    cast = set(cast)  # people and bodies of the day's news
    for i in range(len(art.spans)):
        if seen >= LEAD_SENTENCES and not today and i not in dated:
            continue  # past the lead, in another time: not worth reading closely
        if art.is_heading(i):
            continue
        if seen >= LEAD_SENTENCES and i not in dated and not _may_name(art, i, cast):
            continue  # names nobody of the day's news (checked before tokenising)
        sent = art.sentence(i)
        if not is_lead_candidate(sent):
            continue
        seen += 1
        if i in dated:
            today = moves.get(i, today)
            continue  # its own date expression says when
        if i in told:
            continue  # already told as part of a dated passage
        lead = seen <= LEAD_SENTENCES
        if not lead and not today:
            continue
        trig = news_trigger(sent, content_trigger, SAY_LIKE)
        if trig is None or (not lead and trig.tense != "past"):
            continue
        mod = modality(sent, trig, False)
        etype = refine_type(sent, trig)
        if mod != "reported" or not (concrete(sent, trig) or trig.lemma in SAY_LIKE):
            continue  # an announcement is news; what someone merely said is not
        title, actors, kinds, loc = describe(art, sent, trig, mod, (sent.start, sent.start), None)
        if not actors or len(title.split()) < 3:
            continue  # nobody acting, or nothing a title can show
        if lead:
            cast.update(n for n, k in zip(actors, kinds, strict=False) if k in ("person", "org"))
        elif not cast.intersection(actors):
            continue
        start, end = art.spans[i]
        context = continuation(art, (start, end), dated)
        out.append(
            ExtractedEvent(
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
        )
    return out
