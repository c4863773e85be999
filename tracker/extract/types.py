"""Result types of the extraction library: temporal expressions and extracted events.

These are what `tracker.extract` promises to callers (store, CLI, evaluation):
plain frozen dataclasses whose fields map one-to-one onto the `tracker extract`
JSON contract in DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.model import EventType, Modality


@dataclass(frozen=True)
class Derivation:
    """How a timex value was obtained, so it can be re-resolved later.

    rule:    name of the normalisation rule that fired (e.g. "absolute-date",
             "weekday-past", "offset-days").
    anchor:  what it was resolved against: "none" (absolute, needs nothing),
             "document" (the article's anchor date) or "timex" (another
             expression in the text, see anchor_index).
    anchor_value: the anchor's value at resolution time (ISO), if any.
    anchor_index: index into the timex list of the expression it hangs on.
    """

    rule: str
    anchor: str = "none"
    anchor_value: str | None = None
    anchor_index: int | None = None


@dataclass(frozen=True)
class Timex:
    """One temporal expression: text[start:end] == text, always."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when it needs an anchor we lack
    granularity: str | None = None  # time day week month season quarter year decade century
    value_end: str | None = None  # for ranges ("from 20 to 22 January")
    derivation: Derivation = field(default_factory=lambda: Derivation("absolute"))
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX ...

    @property
    def relative(self) -> bool:
        return self.derivation.anchor != "none"

    @property
    def unresolved(self) -> bool:
        return self.value is None

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True)
class Mention:
    """One passage of an extracted event: a sentence and the date expression in it."""

    timex: str
    timex_start: int
    timex_end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class ExtractedEvent:
    date: str
    granularity: str
    title: str
    timex: str
    timex_start: int
    timex_end: int
    sentence_start: int
    sentence_end: int
    date_end: str | None = None
    type: str = EventType.OTHER
    modality: str = Modality.REPORTED
    confidence: float = 0.5
    importance: float = 0.5
    actors: tuple[str, ...] = ()
    actor_kinds: tuple[str, ...] = ()  # parallel to actors: person | org | country | other
    location: str | None = None
    relative: bool = False
    mentions: tuple[Mention, ...] = ()  # further passages merged into this event


@dataclass(frozen=True)
class Extraction:
    timexes: tuple[Timex, ...]
    events: tuple[ExtractedEvent, ...]
