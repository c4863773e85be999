"""Listings kept across changes (m010's marks), checked on a large database.

    python bench/listing_check.py DB [STEPS] [--seed N]

Makes STEPS random changes on ``DB`` (a copy: it is written to) through one
long-lived connection, as the window does: stars, hidden marks, tags, event titles,
deletions, and by SQL an article's title and a participant's short forms (writes no
service makes today, which the triggers must see all the same). After each, that
connection's listings for a few filters must equal, field by field, those of a new
connection of a new process (no pool shared with this one). Prints the CPU time of
the kept connection's listings and stops at the first difference.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from tracker import services
from tracker.export.serialize import EVENTS_JSON_KEYS, record_maker
from tracker.services import EventFilter

FILTERS = {
    "actor": EventFilter(actor="Omar Haddad"),
    "search": EventFilter(search="Geneva"),
    "range": EventFilter(date_from="2020-03", date_to="2020-04"),
    "type, hidden too": EventFilter(
        type="meeting", date_from="2019", date_to="2019", include_hidden=True
    ),
}

_CHILD = """
import json, sys
from tracker import services
from tracker.export.serialize import EVENTS_JSON_KEYS, record_maker
sys.path.insert(0, {here!r})
from listing_check import FILTERS, shown
db = services.open_db(sys.argv[1])
print(json.dumps({{k: shown(services.list_events(db, f)) for k, f in FILTERS.items()}}))
"""


def shown(events) -> list:
    """Every field of each event as ``events --json`` writes it, plus what the window
    shows beside it (stars, hidden marks, tags, the article's title)."""
    record = record_maker(EVENTS_JSON_KEYS)
    return [
        [record(e), e.starred, e.hidden, [list(t) for t in e.tags], e.article_title] for e in events
    ]


def change(db, rng: random.Random, ids: list[int], step: int) -> str:
    kind = rng.choice(["star", "hide", "tag", "title", "article", "participant", "delete"])
    event_id = rng.choice(ids)
    try:
        if kind == "star":
            services.flag_events(db, {event_id: rng.random() < 0.5}, "starred")
        elif kind == "hide":
            services.flag_events(db, {event_id: rng.random() < 0.5}, "hidden")
        elif kind == "tag":
            services.tag_events(db, [event_id], rng.choice(["a", "b"]), rng.random() < 0.7)
        elif kind == "title":
            services.edit_event(db, event_id, title=f"Edited {step}")
        elif kind == "delete":
            services.delete_event(db, event_id)
        elif kind == "article":
            with db.atomic():
                db.execute(
                    "update articles set title = title || '+' where id ="
                    " (select article_id from events where id = ?)",
                    [event_id],
                )
        else:
            with db.atomic():
                db.execute(
                    "update actors set aliases = coalesce(aliases, '') || '|x' where id ="
                    " (select actor_id from event_actors where event_id = ? limit 1)",
                    [event_id],
                )
    except KeyError:  # an event deleted by an earlier step
        pass
    return kind


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("steps", type=int, nargs="?", default=12)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    db = services.open_db(args.db)
    for flt in FILTERS.values():
        services.list_events(db, flt)
    ids = sorted({e.id for flt in FILTERS.values() for e in services.list_events(db, flt) if e.id})
    child = _CHILD.format(here=str(Path(__file__).resolve().parent))
    for step in range(args.steps):
        kind = change(db, rng, ids, step)
        cpu = time.process_time()
        kept = {k: services.list_events(db, f) for k, f in FILTERS.items()}
        cpu = time.process_time() - cpu
        fresh = json.loads(
            subprocess.run(
                [sys.executable, "-c", child, str(args.db)], check=True, capture_output=True
            ).stdout
        )
        mine = json.loads(json.dumps({k: shown(v) for k, v in kept.items()}))
        same = mine == fresh
        print(
            f"{step:3} {kind:<12} the same: {same}   kept connection's listings {cpu * 1000:5.0f} ms"
        )
        if not same:
            sys.exit(f"step {step} ({kind}): the kept connection's listing differs")
    print(f"all {args.steps} the same")


if __name__ == "__main__":
    main()
