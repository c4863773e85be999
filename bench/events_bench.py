"""Score the event layer on our own wire-style articles (bench/events_articles).

Each article is ``NAME.txt`` with ``NAME.json`` holding the anchor date and the
gold events (date, granularity, type, modality, actors, and a trigger word
that must lie inside the event's sentence span). A system event matches a gold
event when the dates are equal and the trigger lies in one of its passages;
matching is one-to-one. A part-of-day value ("2024-04-14TAF") also matches
its plain day, since whether "Sunday afternoon" keeps its part of day is the
timex layer's choice. Prints precision and recall of events, then actor,
type and modality accuracy over matched pairs.

    .venv/bin/python bench/events_bench.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.extract import extract  # noqa: E402

ARTICLES = Path(__file__).resolve().parent / "events_articles"


def _spans(ev) -> list[tuple[int, int]]:
    return [(ev.sentence_start, ev.sentence_end)] + [
        (m.sentence_start, m.sentence_end) for m in ev.mentions
    ]


def _same_date(system: str, gold: str) -> bool:
    """Equal, or the same day when one side adds only a part of day ("2024-04-14TAF")."""
    if system == gold:
        return True
    short, long = sorted((system, gold), key=len)
    return len(short) == 10 and long[:10] == short and long[10:] in ("TMO", "TAF", "TEV", "TNI")


def _trigger_offsets(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="show misses and extra events")
    args = ap.parse_args()
    n_gold = n_sys = matched = 0
    actor_hits = actor_total = actors_all = type_ok = mod_ok = 0
    for gold_path in sorted(ARTICLES.glob("*.json")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        events = list(extract(text, date.fromisoformat(gold["anchor"])).events)
        n_gold += len(gold["events"])
        n_sys += len(events)
        used: set[int] = set()
        for g in gold["events"]:
            offsets = _trigger_offsets(text, g["trigger"])
            hit = None
            for k, ev in enumerate(events):
                if k in used or not _same_date(ev.date, g["date"]):
                    continue
                if any(s <= o < e for o in offsets for s, e in _spans(ev)):
                    hit = k
                    break
            if hit is None:
                if args.verbose:
                    print(f"MISS {gold_path.stem}: {g['date']} {g['type']} {g['trigger']!r}")
                continue
            used.add(hit)
            ev = events[hit]
            matched += 1
            found = [a for a in g["actors"] if a in ev.actors]
            actor_hits += len(found)
            actor_total += len(g["actors"])
            actors_all += len(found) == len(g["actors"])
            type_ok += ev.type == g["type"]
            mod_ok += ev.modality == g["modality"]
            if args.verbose and (
                ev.type != g["type"]
                or ev.modality != g["modality"]
                or len(found) != len(g["actors"])
            ):
                print(
                    f"DIFF {gold_path.stem}: {ev.title!r} type {ev.type}/{g['type']} "
                    f"mod {ev.modality}/{g['modality']} actors {list(ev.actors)} vs {g['actors']}"
                )
        if args.verbose:
            for k, ev in enumerate(events):
                if k not in used:
                    print(f"EXTRA {gold_path.stem}: {ev.date} {ev.type} {ev.title!r}")
    precision = matched / n_sys if n_sys else 0.0
    recall = matched / n_gold if n_gold else 0.0
    print(
        f"articles={len(list(ARTICLES.glob('*.json')))} gold={n_gold} system={n_sys} matched={matched}"
    )
    print(f"precision={precision:.3f} recall={recall:.3f}")
    if matched:
        print(
            f"actor_recall={actor_hits / max(1, actor_total):.3f} "
            f"actors_all_found={actors_all / matched:.3f} "
            f"type_acc={type_ok / matched:.3f} modality_acc={mod_ok / matched:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
