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
from tracker.model import EventType

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


def merge_events(
    events: list[ExtractedEvent], _index: dict[int, ExtractedEvent] | None = None
) -> list[ExtractedEvent]:
    groups: list[list[ExtractedEvent]] = []
    for ev in events:
        for group in groups:
            if _same(group[0], ev):
                group.append(ev)
                break
        else:
            groups.append([ev])
    out = []
    for group in groups:
        if len(group) == 1:
            out.append(group[0])
            continue
        lead = max(group, key=lambda e: (e.confidence, -e.timex_start))
        rest = [e for e in group if e is not lead]
        actors = list(lead.actors)
        kinds = list(lead.actor_kinds)
        for e in rest:
            for n, k in zip(e.actors, e.actor_kinds, strict=False):
                if n not in actors:
                    actors.append(n)
                    kinds.append(k)
        out.append(
            replace(
                lead,
                actors=tuple(actors[:8]),
                actor_kinds=tuple(kinds[:8]),
                location=lead.location or next((e.location for e in rest if e.location), None),
                importance=boosted(max(e.importance for e in group), len(rest)),
                mentions=tuple(
                    Mention(e.timex, e.timex_start, e.timex_end, e.sentence_start, e.sentence_end)
                    for e in rest
                ),
            )
        )
    out.sort(key=lambda e: e.timex_start)
    return out
