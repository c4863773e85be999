"""Plain domain objects shared by every layer: articles, events, passages, actors.

They are frozen dataclasses with no behaviour beyond small derived properties;
storage, extraction and the UI build and consume them but never subclass them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Where an article's publication (anchor) date came from.
DATE_SOURCES = ("meta", "dateline", "cli", "user", "file", "none")
GRANULARITIES = ("time", "day", "week", "month", "season", "quarter", "year", "decade", "century")
MODALITIES = ("reported", "planned", "hypothetical", "denied")
ACTOR_KINDS = ("person", "org", "country", "other")


@dataclass(frozen=True)
class Article:
    id: int | None
    title: str
    text: str
    anchor_date: str | None = None  # ISO date the relative dates resolve against
    date_source: str = "none"  # one of DATE_SOURCES
    source_name: str | None = None
    url: str | None = None
    author: str | None = None
    path: str | None = None
    content_hash: str | None = None
    imported_at: str | None = None
    event_count: int = 0

    @property
    def date_assumed(self) -> bool:
        """True when nobody vouched for the date (taken from the file, or none)."""
        return self.date_source in ("file", "none")


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str = "other"  # one of ACTOR_KINDS
    id: int | None = None


@dataclass(frozen=True)
class Passage:
    """Where an event is mentioned: offsets are str indices into the article text."""

    article_id: int
    sentence_start: int
    sentence_end: int
    timex_start: int
    timex_end: int
    timex: str
    quote: str
    id: int | None = None
    event_id: int | None = None


@dataclass(frozen=True)
class Event:
    id: int | None
    date: str | None  # ISO 8601 at its own granularity: 2024-11-13, 2024-11, 2024-Q3 ...
    title: str
    granularity: str | None = None
    date_end: str | None = None
    type: str = "other"
    modality: str = "reported"
    location: str | None = None
    confidence: float = 0.5
    importance: float = 0.5
    created_by: str = "extractor"  # extractor | user
    relative: bool = False  # date resolved against the article date (re-resolves on reanchor)
    actors: tuple[Actor, ...] = ()
    passages: tuple[Passage, ...] = field(default=())
    article_id: int | None = None
    article_title: str | None = None
    article_date: str | None = None
    article_url: str | None = None
    # Articles reporting this event: its own plus those with an event on the
    # same date, of the same type, sharing an actor (filled by the store).
    sources: int = 1

    @property
    def source_count(self) -> int:
        return max(self.sources, len({p.article_id for p in self.passages}), 1)
