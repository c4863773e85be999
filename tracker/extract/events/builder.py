"""Orchestration: dated mentions -> scored, merged timeline events.

One pass over the timexes; each sentence is tokenised at most once and the
article's actors are indexed once, so the cost grows with the article, not
with the number of events times the article.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.extract.events.actors import unique_actors
from tracker.extract.events.article import Article
from tracker.extract.events.bases import compared_result, figure_title, reports_results
from tracker.extract.events.clauses import (
    SAY_LIKE,
    Sentence,
    Trigger,
    choose_trigger,
    refine_type,
    token_index,
)
from tracker.extract.events.dates import (
    granularity_of,
    holds,
    is_calendar,
    one_per_moment,
    recent,
)
from tracker.extract.events.day_news import day_news as find_day_news
from tracker.extract.events.description import describe, untold
from tracker.extract.events.filters import (
    compared_figure,
    comparison_base,
    dates_a_happening,
    lone_date,
)
from tracker.extract.events.follow_ons import follow_ons, own_dates_first
from tracker.extract.events.frames import (
    VAGUE,
    concrete,
    concrete_tail,
    content_trigger,
    counted_plan,
    names_happening,
    names_product,
    neighbour_trigger,
    official_speaker,
    tail_content,
)
from tracker.extract.events.groups import Groups
from tracker.extract.events.merge import merge_events
from tracker.extract.events.modality import modality
from tracker.extract.events.named import (
    name_span,
    named_happening,
    passing_participle,
    title_of,
)
from tracker.extract.events.news import first_person_act, first_person_title, generic_anaphor
from tracker.extract.events.noise import QUIET, quiet_topic
from tracker.extract.events.passages import (
    STORY_CHARS,
    STORY_SENTENCES,
    OtherDates,
    continuation,
)
from tracker.extract.events.scoring import after_anchor, confidence, importance
from tracker.extract.types import ExtractedEvent, Timex
from tracker.model import Modality


def build_events(
    text: str, timexes: list[Timex], anchor: date | None, *, day_news: bool = True
) -> list[ExtractedEvent]:
    """Events of the article: each dated happening, and (``day_news``) what its lead
    reports without a date, dated by the article's own day (``anchor``)."""
    dated = [t for t in timexes if is_calendar(t)]
    if not dated and (not day_news or anchor is None):
        return []
    art = Article(text, timexes)
    # Sentences whose date moves the story's time. A date that only dates a compared
    # figure leaves the sentence at the time the story is being told: "Net income rose
    # 11% in the quarter. Revenue advanced to $4 billion from $3.8 billion a year
    # earlier." both tell the quarter.
    told_at: dict[int, set[str]] = {}  # the dates each such sentence gives
    for t in dated:
        if not compared_figure(text, t, art.spans[si := art.index(t.start)]):
            told_at.setdefault(si, set()).add(t.value or "")
    dated_sentences = set(told_at)
    moving: dict[int, set[str]] | None = None  # see _moving, read when a day's story runs
    moved_on: dict[str, set[int]] = {}  # `moved_from(moving, day)` of each day asked (read only)
    events: list[ExtractedEvent] = []
    groups_seen = Groups(art)
    claimed: set[int] = set()  # sentences that already tell an event
    bases: set[int] = set()  # ids of the events dated by a comparison base
    story_day: str | None = None  # the date of the last reported happening
    has_day = False  # a happening of the article's own days has been told
    for tx in one_per_moment(text, dated):
        si = art.index(tx.start)
        figure: Trigger | None = None  # the compared result a base date stands beside
        if not dates_a_happening(text, tx, art.spans[si], bases=True):
            if not dates_a_happening(text, tx, art.spans[si], figures=True):
                continue
            figure = compared_result(art.sentence(si), tx)
            if figure is None:
                continue
        # "Harlow Mills earned $7 million in the year-ago quarter": a figure's past, told
        # as a dated fact but ranked last, and no time the story moves to.
        base = comparison_base(text, tx, art.spans[si])
        if art.tells_nothing(si):
            continue  # a question or a teaser asks or points; it tells no happening
        sent = art.sentence(si)
        if generic_anaphor(sent, tx.text):
            continue  # "you lose money that day": any such day, not one on the calendar
        trig = figure or choose_trigger(sent, tx.start, tx.end)
        lone: tuple[int, Trigger] | None = None
        if trig is None:
            # "January 1997. A bomb at a clinic in Atlanta.": a date standing alone as a
            # sentence dates the happening the next one tells.
            if lone_date(text, art.spans[si], tx) and not art.is_heading(si):
                lone = neighbour_trigger(art, si, dated_sentences)
            if lone is None:
                continue
            trig = lone[1]
        if (
            lone is None
            and figure is None
            and (
                (noun := named_happening(sent, tx)) is not None
                or (noun := passing_participle(sent, tx)) is not None
            )
        ):
            # "Blair defended the 2003 invasion": the date names a happening of its own.
            events.append(_named_event(art, sent, tx, noun, anchor, si))
            continue
        frame_trig = trig
        span = art.spans[si]
        host = sent
        if lone is not None:
            host = art.sentence(lone[0])
            span = (span[0], art.spans[lone[0]][1])
            how = "neighbour"
        else:
            how = "clause" if not trig.reporting or reports_results(sent, trig) else "frame"
            if sent.clause_of[trig.index] != sent.clause_of[token_index(sent, tx.start)]:
                how = "sentence"
        content: Trigger | None = None  # the happening the frame reports, when how is "frame"
        silent = False  # talk about talk: no entry, but the story is at its date
        if how == "frame":
            content = content_trigger(sent, trig)
            if not official_speaker(art, sent, frame_trig):
                # Only a state or organisation makes a statement an entry; otherwise the date
                # stamps what was reported ("officials said Wednesday they had identified
                # the suspect").
                if content is None:
                    silent = True
                else:
                    trig, how = content, "content"
            elif content is None and (tail := concrete_tail(sent, trig)) is not None:
                # "X has won an order, the company announced today": the news is the order.
                trig, how = tail, "content"
            elif content is None and not any(t.text == "," for t in sent.tokens[: trig.index]):
                # "The ministry said on Tuesday. Two diplomats were expelled.": nothing was
                # said in the frame itself, so the next sentence holds the happening.
                nb = neighbour_trigger(art, si, dated_sentences)
                if nb is not None:
                    j, trig = nb
                    host = art.sentence(j)
                    span = (span[0], art.spans[j][1])
                    how = "neighbour"
        # A headline's date tells nothing about the sentences below it. The same day
        # named again ("Police said on Friday that ...") does not end the passage.
        if art.is_heading(si):
            context = span
        else:
            context = continuation(art, span, OtherDates(told_at, tx.value or ""))
        later = after_anchor(tx.value or "", anchor)
        mod = modality(host, trig, later, tx.text)
        etype = refine_type(host, trig)
        if (
            trig.lemma in SAY_LIKE
            and etype in VAGUE
            and not names_happening(host, trig)
            and not names_product(host, trig)
        ):
            silent = True  # "announced the plan Aug. 21": an announcement of nothing concrete
        if how in ("frame", "content", "neighbour"):
            # "X said on Tuesday that Y": an entry only when Y is a concrete happening (a
            # call, a strike, sanctions, a deal ...); talk about talk is no timeline event.
            said: Trigger | None = trig
            if how == "frame":
                said = content or tail_content(sent, frame_trig)
            if said is None or not (concrete(host, said) or counted_plan(host, said)):
                silent = True
        if silent:
            # "The minister said Tuesday that the government would not resign": no entry,
            # but the story is now at that day; an older date after it is an aside.
            has_day = has_day or (
                mod == "reported" and anchor is not None and recent(tx.value or "", anchor)
            )
            continue
        if first_person_act(host, content if how == "frame" and content else trig):
            continue  # "I watched in horror on Friday": the writer's own voice, not news
        title, actors, kinds, loc = describe(
            art, host, trig, mod, (tx.start, tx.end), frame_trig if how == "content" else None
        )
        if first_person_title(title):
            continue  # "We have all read reports of ...": told in the first person
        title, actors, kinds = groups_seen.resolve(title, host, trig, actors, kinds)
        if figure is not None:
            title = figure_title(title)
        if how == "frame" and len(title.split()) <= 3:
            continue  # "Fitzwater says": nothing said that a title could show
        ev = _dated_event(
            art, tx, trig, how, span, context, etype, mod, (title, actors, kinds, loc), anchor
        )
        if base:
            ev = replace(ev, importance=QUIET)
            bases.add(id(ev))
            events.append(ev)
            continue
        events.append(ev)
        claimed.add(si)
        # "this year" after the day's news "on Tuesday" frames that day: the
        # sentences after it stay on Tuesday, not in the year.
        frame_only_date = (
            story_day is not None
            and anchor is not None
            and recent(story_day, anchor)
            and holds(ev.date, story_day)
        )
        if mod == "reported" and not frame_only_date:
            story_day = ev.date
            # An older date after the day's news is an aside; without a day's news
            # there is no story time to come back to.
            is_today = anchor is not None and recent(ev.date, anchor)
            flashback = has_day and not is_today
            has_day = has_day or is_today
            story = None
            # "This week" holds the article's own day: a story told at it runs on as a
            # recent day's does ("The court this week struck down the law. ... Dock
            # workers marched in protest.").
            this_week = (
                ev.granularity == "week"
                and anchor is not None
                and holds(ev.date, anchor.isoformat())
            )
            if (
                (is_today and ev.granularity in ("day", "time")) or this_week
            ) and not art.is_heading(si):
                # Only another date moves the story: "Friday's volume was heavy" is still Friday.
                if moving is None:
                    moving = _moving(text, art, dated, told_at)
                moved = moved_on.get(ev.date)
                if moved is None:  # several events of one day see the same moves
                    moved = moved_on[ev.date] = moved_from(moving, ev.date)
                story = continuation(art, span, moved, STORY_SENTENCES, STORY_CHARS)
            events.extend(
                follow_ons(
                    art,
                    ev,
                    span,
                    context,
                    claimed,
                    flashback,
                    recent_day=is_today,
                    story=story,
                    dated=dated_sentences,
                )
            )
        elif mod == "planned":
            # "The summit opens on Thursday. Leaders will discuss sanctions.": what is
            # announced next for the same occasion is planned for its date too.
            events.extend(follow_ons(art, ev, span, context, claimed, planned=True))
    if day_news and anchor is not None:
        # Where the story's time moves: sentences whose date made an event.
        moves: dict[int, ExtractedEvent] = {}
        for e in events:
            # "in the past decade" is background and "will ship in 2007" a forecast:
            # neither moves the time the story is told at. Of two dates in one
            # sentence ("yesterday, at this year's conference"), the recent one does.
            if e.granularity == "decade" or e.modality != "reported" or id(e) in bases:
                continue
            k = art.index(e.timex_start)
            if k not in moves or not recent(moves[k].date, anchor):
                moves[k] = e
        told = {art.index(e.sentence_start) for e in events}
        # Who the day's news is about: the people and bodies of its dated events.
        cast = {
            n
            for e in events
            if recent(e.date, anchor)
            for n, k in zip(e.actors, e.actor_kinds, strict=False)
            if k in ("person", "org")
        }
        events.extend(find_day_news(art, anchor, dated_sentences, moves, told, cast))
    events = [_quieted(text, e) for e in own_dates_first(events)]
    return merge_events(events) if len(events) > 1 else events


def _moving(
    text: str, art: Article, dated: list[Timex], told_at: dict[int, set[str]]
) -> dict[int, set[str]]:
    """The dates of each sentence that could date a happening: one that only bounds or
    labels something ("notes due 2030", "since 1990") does not move the story's time."""
    moving: dict[int, set[str]] = {}
    for t in dated:
        si = art.index(t.start)
        if si in told_at and dates_a_happening(text, t, art.spans[si], figures=True):
            moving.setdefault(si, set()).add(t.value or "")
    return moving


def moved_from(moving: dict[int, set[str]], day: str) -> set[int]:
    """The sentences of ``moving`` with a date away from ``day``: one neither ``day``
    nor a period holding it. The same dates recur from sentence to sentence, so each
    is weighed once (the answer of asking ``holds`` of every sentence's every date)."""
    away = {v for v in set().union(*moving.values()) if v != day and not holds(v, day)}
    return {k for k, values in moving.items() if not values.isdisjoint(away)}


def _named_event(
    art: Article, sent: Sentence, tx: Timex, trig: Trigger, anchor: date | None, si: int
) -> ExtractedEvent:
    """The happening a date names ("the September 11 attacks"), titled by its name and
    with only the participants the name holds ("the 2003 invasion of Iraq": Iraq)."""
    name = name_span(sent, tx, trig)
    actors, kinds = unique_actors(art.actors.within(*name))
    mod = Modality.PLANNED if after_anchor(tx.value or "", anchor) else Modality.REPORTED
    span = art.spans[si]
    described = (title_of(art.text, name), actors, kinds, None)
    return _dated_event(
        art, tx, trig, "clause", span, span, refine_type(sent, trig), mod, described, anchor
    )


def _dated_event(
    art: Article,
    tx: Timex,
    trig: Trigger,
    how: str,
    span: tuple[int, int],
    context: tuple[int, int],
    etype: str,
    mod: str,
    described: tuple[str, tuple[str, ...], tuple[str, ...], str | None],
    anchor: date | None,
) -> ExtractedEvent:
    """The event of a dated happening: ``described`` is its title, participants (with
    kinds) and place; ``how`` says how its trigger was found (see `confidence`)."""
    title, actors, kinds, loc = described
    gran = granularity_of(tx)
    return ExtractedEvent(
        date=tx.value or "",
        granularity=gran,
        title=title or tx.text,
        timex=tx.text,
        timex_start=tx.start,
        timex_end=tx.end,
        sentence_start=span[0],
        sentence_end=span[1],
        date_end=tx.value_end,
        type=etype,
        modality=mod,
        confidence=confidence(how, trig, mod, gran, tx.relative),
        importance=importance(
            etype, art.index(tx.start), len(art.spans), trig.reporting, tx.value or "", anchor
        ),
        actors=actors[:6],
        actor_kinds=kinds[:6],
        actor_roles=tuple(art.actors.roles.get(n, "") for n in actors[:6]),
        actor_aliases=tuple("|".join(art.actors.aliases_of(n)) for n in actors[:6]),
        location=loc,
        relative=tx.relative,
        context_start=context[0],
        context_end=context[1],
    )


def _quieted(text: str, ev: ExtractedEvent) -> ExtractedEvent:
    """Market reports, weather, sport and listings stay on the timeline, but last;
    conjecture, and what no title can tell, rank below what happened."""
    if quiet_topic(text[ev.sentence_start : ev.sentence_end]):
        return replace(ev, importance=QUIET, confidence=round(ev.confidence * 0.5, 3))
    if ev.modality == "hypothetical":
        return replace(ev, importance=round(ev.importance * 0.5, 2))
    if untold(ev.title):
        # "Missile", "Shifting against the war": an entry no one could read as news
        # ranks below the ones that say who did what.
        return replace(ev, importance=round(max(0.0, ev.importance - UNTOLD), 2))
    return ev


#: What an entry whose title tells no one doing anything (`untold`) loses in importance.
UNTOLD = 0.15
