"""One serializer for an event: the plain values the CLI's JSON and the CSV export write.

Every field an event can be written with is defined once in `FIELDS`; each
output is a list of keys over it: `EVENTS_JSON_KEYS` (``tracker events
--json``), `EXTRACT_JSON_KEYS` (the event entries of ``tracker extract``) and
`CSV_COLUMNS`. Key names and the CSV column order are the contracts in
DESIGN.md. Imports only the model and the extraction result types, so
``tracker extract`` stays quick to start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from tracker.model import Event, Passage, event_span

if TYPE_CHECKING:  # the extraction engine loads only for `tracker extract`
    from tracker.extract.types import ExtractedEvent


def _first(ev: Event) -> Passage | None:
    return ev.passages[0] if ev.passages else None


@lru_cache(maxsize=65536)
def _days(value: str | None, granularity: str | None, end: str | None) -> tuple[str, str] | None:
    """First and last ISO day of a date value; cached: a corpus repeats its dates."""
    span = event_span(value, granularity, end)
    return (span.start_day, span.end_day) if span is not None else None


def _start_day(ev: Event) -> str | None:
    days = _days(ev.date, ev.granularity, ev.date_end)
    return days[0] if days is not None else None


def _end_day(ev: Event) -> str | None:
    days = _days(ev.date, ev.granularity, ev.date_end)
    return days[1] if days is not None else None


def _passage_field(name: str) -> Callable[[Event], Any]:
    def get(ev: Event) -> Any:
        first = _first(ev)
        return getattr(first, name) if first is not None else None

    return get


def _other_dates(ev: Event) -> list[dict[str, Any]]:
    return [{"date": d, "sources": n} for d, n in ev.other_dates]


def _sources(ev: Event) -> list[dict[str, Any]]:
    return [
        {
            "article_id": p.article_id,
            "event_id": p.event_id,
            "sentence_start": p.sentence_start,
            "sentence_end": p.sentence_end,
            "timex": p.timex,
            "timex_start": p.timex_start,
            "timex_end": p.timex_end,
        }
        for p in ev.passages
    ]


#: Fields that are an attribute of `Event` as it is: key -> attribute.
_PLAIN = {
    "id": "id",
    "event_id": "id",
    "date": "date",
    "date_end": "date_end",
    "granularity": "granularity",
    "title": "title",
    "type": "type",
    "modality": "modality",
    "confidence": "confidence",
    "importance": "importance",
    "location": "location",
    "article_id": "article_id",
    "article_title": "article_title",
    "article_date": "article_date",
    "article_url": "article_url",
    "created_by": "created_by",
}

#: Every field an event is written with: key -> how to read it from an `Event`.
FIELDS: dict[str, Callable[[Event], Any]] = {
    **{key: attrgetter(name) for key, name in _PLAIN.items()},
    "start_day": _start_day,
    "end_day": _end_day,
    "actors": lambda ev: [a.name for a in ev.actors],
    "source_count": lambda ev: ev.source_count,
    "other_dates": _other_dates,
    "passages": _sources,
    "quote": _passage_field("quote"),
    "timex": _passage_field("timex"),
    "timex_start": _passage_field("timex_start"),
    "timex_end": _passage_field("timex_end"),
    "sentence_start": _passage_field("sentence_start"),
    "sentence_end": _passage_field("sentence_end"),
    # Additions of issue 11 (the contract's keys above are unchanged):
    "actor_roles": lambda ev: {a.name: a.role for a in ev.actors if a.role},
    "context": _passage_field("context"),
    "dated_by": attrgetter("dated_by"),
}


#: What `record_maker` writes in place of a call to `FIELDS` (the same values): ``p``
#: is the event's first passage or None, ``d`` its (first, last) day or None.
_INLINE = {
    **{key: f"ev.{name}" for key, name in _PLAIN.items()},
    "start_day": "d[0] if d is not None else None",
    "end_day": "d[1] if d is not None else None",
    "actors": "[a.name for a in ev.actors]",
    "source_count": "ev.source_count",
    **{
        key: f"p.{key} if p is not None else None"
        for key in (
            "quote",
            "timex",
            "timex_start",
            "timex_end",
            "sentence_start",
            "sentence_end",
            "context",
        )
    },
    "actor_roles": "{a.name: a.role for a in ev.actors if a.role}",
    "dated_by": "ev.dated_by",
}


@lru_cache(maxsize=32)
def record_maker(keys: tuple[str, ...]) -> Callable[[Event], dict[str, Any]]:
    """A function giving `event_record(ev, keys)`, for writing many events.

    Written out once as one dict display (as `dataclasses` writes its methods):
    plain fields are read in place rather than through a function each, which
    makes ``events --json`` on 100,000 events about twice as fast.
    """
    parts = []
    for key in keys:
        if key not in FIELDS:
            raise KeyError(key)
        parts.append(f"{key!r}: " + _INLINE.get(key, f"F[{key!r}](ev)"))
    namespace: dict[str, Any] = {"F": FIELDS, "days": _days}
    exec(
        "def record(ev):\n"
        "    ps = ev.passages\n"
        "    p = ps[0] if ps else None\n"
        "    d = days(ev.date, ev.granularity, ev.date_end)\n"
        "    return {" + ", ".join(parts) + "}\n",
        namespace,
    )
    record: Callable[[Event], dict[str, Any]] = namespace["record"]
    return record


#: ``tracker events --json``: one object per stored event.
EVENTS_JSON_KEYS = (
    "id",
    "date",
    "date_end",
    "start_day",
    "end_day",
    "granularity",
    "title",
    "type",
    "modality",
    "confidence",
    "importance",
    "actors",
    "location",
    "article_id",
    "article_title",
    "timex",
    "quote",
    "source_count",
    "other_dates",
    "passages",
    "created_by",
    "actor_roles",
    "context",
    "dated_by",
)

#: The event entries of ``tracker extract --format json`` (DESIGN.md), exactly.
EXTRACT_JSON_KEYS = (
    "date",
    "date_end",
    "granularity",
    "title",
    "type",
    "modality",
    "confidence",
    "importance",
    "actors",
    "location",
    "timex",
    "timex_start",
    "timex_end",
    "sentence_start",
    "sentence_end",
    "actor_roles",
    "dated_by",
)

#: CSV export columns: DESIGN.md's list in its order, then the extras.
CSV_COLUMNS = (
    "event_id",
    "date",
    "date_end",
    "start_day",
    "end_day",
    "granularity",
    "title",
    "type",
    "modality",
    "actors",
    "location",
    "source_count",
    "importance",
    "article_title",
    "article_date",
    "article_url",
    "quote",
    "timex",
    "confidence",
    "other_dates",
    "context",
    "dated_by",
)


def event_record(ev: Event, keys: Sequence[str] = EVENTS_JSON_KEYS) -> dict[str, Any]:
    """The event's values under ``keys``, as JSON-ready Python values (lists, numbers, None)."""
    return {key: FIELDS[key](ev) for key in keys}


def from_extracted(ev: ExtractedEvent) -> Event:
    """An extracted event as a model `Event` not yet stored (no ids, no article)."""
    return Event(
        id=None,
        date=ev.date,
        title=ev.title,
        granularity=ev.granularity,
        date_end=ev.date_end,
        type=ev.type,
        modality=ev.modality,
        location=ev.location,
        confidence=ev.confidence,
        importance=ev.importance,
        relative=ev.relative,
        actors=ev.actor_records(),
        dated_by=ev.dated_by,
        passages=(
            # Article 0: not stored; the passage only carries the offsets and the timex.
            Passage(
                0, ev.sentence_start, ev.sentence_end, ev.timex_start, ev.timex_end, ev.timex, ""
            ),
        ),
    )


def extracted_event_json(ev: ExtractedEvent) -> dict[str, Any]:
    """One event entry of the ``tracker extract`` JSON."""
    return event_record(from_extracted(ev), EXTRACT_JSON_KEYS)
