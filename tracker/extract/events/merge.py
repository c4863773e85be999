"""Merging the mentions of one happening within an article.

Two dated mentions are the same event when they carry the same date and
describe the same kind of happening with a shared participant ("Blinken's
one-day trip on Wednesday" and "On Wednesday, Blinken met ..."). The mention
with the most specific description (highest confidence, then earliest) leads;
the others become its extra passages.
"""

from __future__ import annotations

from dataclasses import replace

from tracker.extract.events.scoring import boosted
from tracker.extract.types import ExtractedEvent, Mention
from tracker.model import EventType, Period

_FAMILY: dict[str, str] = {EventType.MEETING: "meet", EventType.CALL: "meet"}
# Vague or talk-only happenings: two of them on one day are rarely the same one
# ("Castro declared ..." and "Eitan said ..." on the same Sunday).
_NEVER = frozenset(("other", "statement"))


def _family(etype: str) -> str:
    return _FAMILY.get(etype, etype)


def _same(a: ExtractedEvent, b: ExtractedEvent) -> bool:
    if a.date != b.date or a.modality != b.modality:
        return False
    if a.type in _NEVER or b.type in _NEVER or _family(a.type) != _family(b.type):
        return False
    shared = {n for n, k in zip(a.actors, a.actor_kinds, strict=False) if k in ("person", "org")}
    shared &= {n for n, k in zip(b.actors, b.actor_kinds, strict=False) if k in ("person", "org")}
    return bool(shared)


def _keys(ev: ExtractedEvent) -> list[tuple[str, str, str, str]]:
    """Where a mergeable event is filed: everything `_same` asks for, once per person or
    body taking part, so the first group filed under a key is the one it joins."""
    if ev.type in _NEVER:
        return []
    return [
        (ev.date, ev.modality, _family(ev.type), n)
        for n, k in zip(ev.actors, ev.actor_kinds, strict=False)
        if k in ("person", "org")
    ]


def _mention(ev: ExtractedEvent) -> Mention:
    """``ev`` as a further mention of the event it merges into."""
    return Mention(ev.timex, ev.timex_start, ev.timex_end, ev.sentence_start, ev.sentence_end)


def merge_events(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Groups the mentions of one happening. Each event is compared only with the
    groups filed under its date and one of its participants, never with every
    other event: the cost grows with the article, not with its square."""
    groups: list[list[ExtractedEvent]] = []
    index: dict[tuple[str, str, str, str], list[int]] = {}
    for ev in events:
        keys = _keys(ev)
        candidates = sorted({g for key in keys for g in index.get(key, ())})
        found = next((g for g in candidates if _same(groups[g][0], ev)), None)
        if found is None:
            found = len(groups)
            groups.append([ev])
            for key in keys:  # a group is filed under its first mention's participants
                index.setdefault(key, []).append(found)
        else:
            groups[found].append(ev)
    out = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        lead = max(group, key=lambda e: (e.confidence, -e.timex_start))
        rest = [e for e in group if e is not lead]
        people: dict[str, tuple[str, str, str]] = {}  # name -> kind, role, aliases
        for e in (lead, *rest):
            n_act = len(e.actors)
            for n, k, r, a in zip(
                e.actors,
                e.actor_kinds or ("other",) * n_act,
                e.actor_roles or ("",) * n_act,
                e.actor_aliases or ("",) * n_act,
                strict=False,
            ):
                people.setdefault(n, (k, r, a))
        actors = list(people)
        out.append(
            replace(
                lead,
                actors=tuple(actors[:8]),
                actor_kinds=tuple(people[n][0] for n in actors[:8]),
                actor_roles=tuple(people[n][1] for n in actors[:8]),
                actor_aliases=tuple(people[n][2] for n in actors[:8]),
                location=lead.location or next((e.location for e in rest if e.location), None),
                importance=boosted(max(e.importance for e in group), len(rest)),
                mentions=tuple(_mention(e) for e in rest),
            )
        )
    out = _fold_coarse(out)
    out.sort(key=lambda e: e.timex_start)
    return out


#: How many day events of its kind a month's or a week's event is compared with.
_FOLD_REACH = 20
_NOT_PROPER = frozenset("The A An In On At To Of For And With By".split())


def _proper_words(title: str) -> set[str]:
    """The capitalised words of a title, places and parties ("Tartu", "Baltic")."""
    return {w for w in title.split() if w[:1].isupper() and w not in _NOT_PROPER}


#: Periods a headline or a lead gives for what the body dates to the day.
_COARSE = frozenset(("month", "week"))


def _fold_coarse(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A happening dated by its month or week that the article also dates to a day in
    it, of the same kind and modality, at the same place or naming the same place or
    party ("Tartu to host ministers in December" above "... will meet in Tartu on 2
    December"), is that day's event: one entry, the day's, with the other as a further
    mention. Only the opening line's (a headline or a lead sums up what the body
    tells); it looks only at the day events of its kind and modality (the first few)."""
    days: dict[tuple[str, str], list[int]] = {}
    for k, ev in enumerate(events):
        if ev.granularity == "day" and ev.type not in _NEVER:
            days.setdefault((_family(ev.type), ev.modality), []).append(k)
    if not days:
        return events
    into: dict[int, list[ExtractedEvent]] = {}
    folded: set[int] = set()
    for k, ev in enumerate(events):
        if ev.granularity not in _COARSE or ev.type in _NEVER or ev.sentence_start > 0:
            continue  # only the opening line (a headline, a lead) sums up the body
        period = Period.parse(ev.date, ev.granularity)
        if period is None:
            continue
        names = _proper_words(ev.title)
        for d in days.get((_family(ev.type), ev.modality), ())[:_FOLD_REACH]:
            day = events[d]
            if day.sentence_start <= ev.sentence_start:
                continue  # the summary comes first, in a sentence of its own
            same_place = bool(ev.location) and ev.location == day.location
            if not (same_place or names & _proper_words(day.title)):
                continue
            when = Period.parse(day.date, "day")
            if when is not None and period.first_day <= when.first_day <= period.last_day:
                into.setdefault(d, []).append(ev)
                folded.add(k)
                break
    if not folded:
        return events
    out = []
    for k, ev in enumerate(events):
        if k in folded:
            continue
        more = into.get(k)
        if more:
            ev = replace(
                ev,
                importance=boosted(max(e.importance for e in (ev, *more)), len(more)),
                mentions=ev.mentions + tuple(_mention(e) for e in more),
            )
        out.append(ev)
    return out
