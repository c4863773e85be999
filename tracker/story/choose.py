"""What a fused event says: its date, title, actors and place, chosen from its reports.

Pure: `choose` reads the member events of one group (with their passages and
article dates) and returns a `Choice`. Votes are counted per independent
article (wire copies, identical sentences in several articles, count once),
and a user's correction of any member wins over every vote.

- date: the finest date given; among those, the one most independent articles
  give (ties: the earliest-published report). The dates other sources gave and
  that the chosen one does not fall inside are kept in ``other_dates``.
- title and lead event: the best report of the chosen date (highest in-article
  importance plus `centrality`, a little more when its title names who acted,
  then confidence, then earliest published).
- type: the most reported type; modality: "reported" if any source reports it
  as having happened; place: the most named place; actors: the lead's, then
  any named by two or more independent sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.model import Event, Granularity, Modality, Period, event_span

from .evidence import dice, text_words

#: An article this long after the happening that reports it is looking back at it.
LATER_DAYS = 3


@dataclass(frozen=True)
class Choice:
    lead_event_id: int
    date: str | None
    date_end: str | None
    granularity: str | None
    title: str
    type: str
    modality: str
    location: str | None
    actors: tuple[str, ...]
    start_day: str | None
    end_day: str | None
    source_count: int  # independent articles
    later_sources: int  # of those, published LATER_DAYS or more after it
    lead: float  # the best in-article importance (headline, lead, main clause)
    other_dates: tuple[tuple[str, int], ...]  # (date, independent articles) not taken


def _published(ev: Event) -> date | None:
    try:
        return date.fromisoformat(ev.article_date) if ev.article_date else None
    except ValueError:
        return None


def independent_sources(members: Sequence[Event]) -> dict[int, int]:
    """Article id -> the id of the source it counts as: articles repeating a member
    sentence word for word (wire copy) count as the earliest of them."""
    first_of_quote: dict[str, int] = {}
    source: dict[int, int] = {}
    for ev in sorted(members, key=lambda e: (e.article_date or "~", e.article_id or 0)):
        aid = ev.article_id or 0
        quotes = [" ".join(p.quote.lower().split()) for p in ev.passages if p.quote]
        known = next((first_of_quote[q] for q in quotes if q in first_of_quote), None)
        source.setdefault(aid, known if known is not None else source.get(aid, aid))
        for q in quotes:
            first_of_quote.setdefault(q, source[aid])
    return source


_RANK = {g: g.rank for g in Granularity}


#: Above this many reports of one date, centrality is measured on the first ones only.
CENTRAL_SAMPLE = 40


def centrality(
    reports: Sequence[Event], known: dict[int, frozenset[str]] | None = None
) -> dict[int, float]:
    """Event id -> 0..1: how much a report's words share with the other reports of the
    same happening (mean Dice overlap). The most central sentence is the most typical
    account, the one a journalist would pick to summarise what the sources say."""
    sample = sorted(reports, key=lambda e: e.id or 0)[:CENTRAL_SAMPLE]
    if len(sample) < 2:
        return {}
    known = known or {}
    words = {
        e.id or 0: known.get(e.id or 0)
        or text_words(e.title, e.passages[0].quote if e.passages else "", [])
        for e in sample
    }
    out = {}
    for i, ws in words.items():
        out[i] = sum(dice(ws, other) for j, other in words.items() if j != i) / (len(words) - 1)
    return out


#: What a title that names who acted adds to a report's claim to lead its story.
NAMED_DOER = 0.1


def _names_doer(ev: Event) -> float:
    """`NAMED_DOER` when the title names one of the report's actors ("Kask and Ilves
    meet in Tartu", not "Summit in Tartu"): a headline says who did what."""
    words = set(ev.title.replace("'s", " ").split())
    return NAMED_DOER if any(a.name.split()[-1] in words for a in ev.actors) else 0.0


def _rank_of(ev: Event) -> int:
    p = Period.parse(ev.date, ev.granularity)
    return _RANK[p.granularity] if p is not None else 99


def choose(
    members: Sequence[Event],
    edited: dict[int, set[str]] | None = None,
    words: dict[int, frozenset[str]] | None = None,
) -> Choice:
    """The fused event's fields from its ``members`` (stored events, at least one).

    ``edited`` maps a member's id to the fields the user corrected on it;
    ``words``, a member's content words when the caller has them already.
    """
    edited = edited or {}
    if len(members) == 1:
        return _alone(members[0])
    source = independent_sources(members)
    finest = min(_rank_of(e) for e in members)
    votes: dict[str, set[int]] = {}
    for ev in members:
        if ev.date:
            votes.setdefault(ev.date, set()).add(source.get(ev.article_id or 0, 0))

    def published_key(ev: Event) -> str:
        return ev.article_date or "~"

    pinned_date = next((e for e in members if "date" in edited.get(e.id or 0, ())), None)
    if pinned_date is not None:
        chosen_date = pinned_date.date
    else:
        fine = [e for e in members if e.date and _rank_of(e) == finest]
        if fine:
            first_seen: dict[str | None, int] = {}
            for e in sorted(fine, key=lambda e: (published_key(e), e.id or 0)):
                first_seen.setdefault(e.date, len(first_seen))
            chosen_date = min(
                first_seen, key=lambda d: (-len(votes.get(d or "", ())), first_seen[d])
            )
        else:
            chosen_date = None
    reports = [e for e in members if e.date == chosen_date] or list(members)
    central = centrality(reports, words)
    lead = min(
        reports,
        key=lambda e: (
            -len(edited.get(e.id or 0, ())),
            -((e.importance or 0.0) + central.get(e.id or 0, 0.0) + _names_doer(e)),
            -(e.confidence or 0.0),
            published_key(e),
            e.id or 0,
        ),
    )

    def pinned(name: str) -> Event | None:
        return next((e for e in members if name in edited.get(e.id or 0, ())), None)

    title_src = pinned("title") or lead
    type_votes = Counter[str]()
    place_votes = Counter[str]()
    actor_votes: dict[str, set[int]] = {}
    for ev in members:
        src = source.get(ev.article_id or 0, 0)
        type_votes[ev.type] += 1
        if ev.location:
            place_votes[ev.location] += 1
        for a in ev.actors:
            actor_votes.setdefault(a.name, set()).add(src)
    type_src = pinned("type")
    chosen_type = (
        type_src.type
        if type_src is not None
        else max(type_votes, key=lambda t: (type_votes[t], t == lead.type, t))
    )
    modality_src = pinned("modality")
    if modality_src is not None:
        modality = modality_src.modality
    elif any(e.modality == Modality.REPORTED for e in members):
        modality = str(Modality.REPORTED)
    else:
        modality = lead.modality
    place_src = pinned("location")
    location = (
        place_src.location
        if place_src is not None
        else (max(place_votes, key=lambda p: (place_votes[p], p)) if place_votes else None)
    )
    actor_src = pinned("actors")
    if actor_src is not None:
        actors = tuple(a.name for a in actor_src.actors)
    else:
        names = [a.name for a in lead.actors]
        extra = sorted(
            (n for n, s in actor_votes.items() if len(s) >= 2 and n not in names),
            key=lambda n: (-len(actor_votes[n]), n),
        )
        actors = tuple(names + extra)
    date_src = pinned_date or lead
    span = event_span(chosen_date, date_src.granularity, date_src.date_end)
    chosen_period = Period.parse(chosen_date, date_src.granularity)
    others: list[tuple[str, int]] = []
    for value, srcs in votes.items():
        if value == chosen_date:
            continue
        other = Period.parse(value)
        if other is not None and chosen_period is not None and other.contains(chosen_period):
            continue  # "in March" does not disagree with "on 3 March"
        others.append((value, len(srcs)))
    others.sort(key=lambda vc: (-vc[1], vc[0]))
    independent = set(source.values())
    later = 0
    if span is not None:
        cutoff = span.last_day + timedelta(days=LATER_DAYS)
        later_srcs = {
            source.get(e.article_id or 0, 0)
            for e in members
            if (day := _published(e)) is not None and day >= cutoff
        }
        later = len(later_srcs)
    return Choice(
        lead_event_id=lead.id or 0,
        date=chosen_date,
        date_end=date_src.date_end if chosen_date == date_src.date else None,
        granularity=date_src.granularity
        if chosen_date == date_src.date
        else (chosen_period.granularity.value if chosen_period else None),
        title=title_src.title,
        type=chosen_type,
        modality=modality,
        location=location,
        actors=actors,
        start_day=span.start_day if span is not None else None,
        end_day=span.end_day if span is not None else None,
        source_count=max(len(independent), 1),
        later_sources=later,
        lead=max((e.importance or 0.0) for e in members),
        other_dates=tuple(others),
    )


def _alone(ev: Event) -> Choice:
    """A report no other report joined: its own fields (most stories in a real corpus)."""
    span = event_span(ev.date, ev.granularity, ev.date_end)
    later = 0
    if span is not None and (day := _published(ev)) is not None:
        later = int(day >= span.last_day + timedelta(days=LATER_DAYS))
    return Choice(
        lead_event_id=ev.id or 0,
        date=ev.date,
        date_end=ev.date_end,
        granularity=ev.granularity,
        title=ev.title,
        type=ev.type,
        modality=ev.modality,
        location=ev.location,
        actors=tuple(a.name for a in ev.actors),
        start_day=span.start_day if span is not None else None,
        end_day=span.end_day if span is not None else None,
        source_count=1,
        later_sources=later,
        lead=ev.importance or 0.0,
        other_dates=(),
    )


#: The granularities as fine as a day (rank up to `Granularity.DAY`'s).
_FINE = frozenset(str(g) for g in Granularity if g.rank <= Granularity.DAY.rank)


def is_fine(granularity: str | None) -> bool:
    """A date known to the day or better; a set look-up: it runs once per listed event."""
    return granularity in _FINE
