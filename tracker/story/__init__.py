"""Cross-article work: fusing reports of one happening into stories, and their salience.

Qt-free and above the store: services call `refresh` after an import, a
re-dating or an edit, and read fused events with `fused_events` / `fused_event`;
`top_events` orders them for "key events" and ``--top K``.

- `evidence`: what two reports are compared on (dates, participants, type, words);
- `fusion`: `fuse`, the deterministic grouping of reports into stories;
- `choose`: a story's date, title, actors and place from its best-evidenced reports;
- `days`: the days articles refer to, their weight, and events for days without one;
- `salience`: the documented corpus-level `importance` and the key-event ranking;
- `refresh`: incremental re-fusion around what changed, stored in ``stories``;
- `build`: fused events built from their reports' stored rows;
- `records`: fused events kept ready to list, written with their story;
- `query`: fused events read back as model `Event`s (or as ``events --json`` text).
"""

from tracker.story.days import day_refs_of
from tracker.story.query import (
    KEY_IMPORTANCE,
    fused_event,
    fused_events,
    fused_json,
    key_events,
    top_events,
)
from tracker.story.records import decode_passages, fill_records, json_texts, records_missing
from tracker.story.refresh import (
    UNFUSED,
    Spread,
    needs_refresh,
    refresh,
    refresh_all,
    refresh_unfused,
)
from tracker.story.salience import Evidence, importance

__all__ = [
    "KEY_IMPORTANCE",
    "UNFUSED",
    "day_refs_of",
    "Evidence",
    "decode_passages",
    "fused_event",
    "fused_events",
    "fused_json",
    "fill_records",
    "json_texts",
    "records_missing",
    "importance",
    "key_events",
    "Spread",
    "needs_refresh",
    "refresh",
    "refresh_all",
    "refresh_unfused",
    "top_events",
]
