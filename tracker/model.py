"""Plain domain objects shared by every layer: articles, events, passages, actors.

They are frozen dataclasses with no behaviour beyond small derived properties;
storage, extraction and the UI build and consume them but never subclass them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DateSource(StrEnum):
    """Where an article's publication (anchor) date came from, most trusted first.

    The values are stored in the database and printed by the CLI.
    """

    META = "meta"  # page metadata, e-mail Date header, document properties
    DATELINE = "dateline"  # a dateline or "Published" line in the text
    DATELINE_YEAR = "dateline+year"  # a year-less dateline, its year inferred from evidence
    PATH = "path"  # a date in the file's name or folders
    CLI = "cli"  # given on the command line (--anchor, --dates)
    USER = "user"  # set by the user in the window
    ASSUMED = "assumed"  # the user accepted a suggestion (the file's date): to be reviewed
    NONE = "none"  # unknown: relative dates stay unresolved

    @property
    def label(self) -> str:
        return _DATE_SOURCE_LABELS[self]

    @property
    def needs_review(self) -> bool:
        """True when nobody vouched for the date: unknown, or a suggestion taken."""
        return self in (DateSource.ASSUMED, DateSource.NONE)


_DATE_SOURCE_LABELS = {
    DateSource.META: "from metadata",
    DateSource.DATELINE: "from the dateline",
    DateSource.DATELINE_YEAR: "from the dateline, year inferred",
    DateSource.PATH: "from the file name",
    DateSource.CLI: "given on the command line",
    DateSource.USER: "set by you",
    DateSource.ASSUMED: "assumed, please review",
    DateSource.NONE: "date unknown",
}

#: Where an article's publication (anchor) date came from (the stored strings).
DATE_SOURCES = tuple(s.value for s in DateSource)
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
    date_note: str | None = None  # how the date was found, in words
    suggested_date: str | None = None  # ISO day offered for review when the date is unknown
    event_count: int = 0

    @property
    def date_assumed(self) -> bool:
        """True when nobody vouched for the date (unknown, or a suggestion taken)."""
        return self.date_source in (DateSource.ASSUMED, DateSource.NONE)

    @property
    def date_unknown(self) -> bool:
        return self.anchor_date is None


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
