"""Headline titles, participants and places on our own short articles (bench/headline_articles).

Twelve articles we wrote in the shapes news takes (wire lead, company news, joint
statement, analysis piece, a keynote told over several sentences, a news
conference with an aside about an older date ...). Each ``NAME.json`` gives the anchor date and
the gold events: date, a trigger word inside the event's sentence, the title
an editor would publish, the participants and the place. A system event
matches a gold one when the dates are equal and the trigger lies in its
quote. Prints every pair, then the share of titles equal to the gold
(ignoring case and a leading article), participant precision/recall and
place accuracy, and the titles of all events (gold or not) that read as
fragments: two words or fewer, a question, a "what/how ..." clause, an
auxiliary first, page furniture ("Updated"), a gerund right after the subject.

    .venv/bin/python bench/titles_bench.py [-v]
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

ARTICLES = Path(__file__).resolve().parent / "headline_articles"


def _norm(title: str) -> str:
    t = re.sub(r"^(?:the|a|an)\s+", "", title.strip().lower())
    return re.sub(r"[\s.]+$", "", t)


_FRAGMENT = re.compile(
    r"^(?:What|How|Why|Where|Whether|Who|When|Does|Do|Did|Is|Are|Was|Were|Here's)\b|\?|"
    r"\b(?:Updated|Posted|yous|wes)\b|^(?!The |A |An )\S+ [a-z]+ing\b"
)


def fragment(title: str) -> bool:
    """A title no editor would publish (see the module docstring)."""
    return len(title.split()) <= 2 or bool(_FRAGMENT.search(title))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="print every gold/system pair")
    args = ap.parse_args()
    gold_n = matched = same_title = place_ok = 0
    part_gold = part_sys = part_hit = 0
    all_events = fragments = 0
    for gold_path in sorted(ARTICLES.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        events = extract(text, date.fromisoformat(gold["anchor"])).events
        for e in events:
            all_events += 1
            if fragment(e.title):
                fragments += 1
                print(f"FRAGMENT {gold_path.stem}: {e.date} {e.title!r}")
        for g in gold["events"]:
            gold_n += 1
            at = [m.start() for m in re.finditer(rf"\b{re.escape(g['trigger'])}\b", text)]
            ev = next(
                (
                    e
                    for e in events
                    if e.date == g["date"]
                    and any(e.sentence_start <= a < e.sentence_end for a in at)
                ),
                None,
            )
            if ev is None:
                print(f"MISS {gold_path.stem}: {g['date']} {g['title']!r}")
                continue
            matched += 1
            same = _norm(ev.title) == _norm(g["title"])
            same_title += same
            place_ok += (ev.location or None) == g["place"]
            want, got = set(g["participants"]), set(ev.actors)
            part_gold += len(want)
            part_sys += len(got)
            part_hit += len(want & got)
            if args.v or not same:
                print(f"{'SAME' if same else 'DIFF'} {gold_path.stem}")
                print(f"   gold: {g['title']!r} {sorted(want)} @ {g['place']}")
                print(f"   ours: {ev.title!r} {sorted(got)} @ {ev.location}")
    print(
        f"gold={gold_n} matched={matched} titles_unchanged={same_title}/{gold_n}"
        f" ({same_title / max(gold_n, 1):.2f})"
    )
    print(
        f"participants P={part_hit / max(part_sys, 1):.2f} R={part_hit / max(part_gold, 1):.2f}"
        f" place_acc={place_ok / max(matched, 1):.2f}"
    )
    print(f"fragment titles={fragments}/{all_events}")


if __name__ == "__main__":
    main()
