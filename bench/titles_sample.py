"""A seeded random sample of event titles on TempEval-3 documents, for judging by eye.

Runs extraction on every ``.tml`` in a folder (plain text and DCT anchor read
with the events scorer's ``read_tml``), pools the titles of all events and
prints ``-n`` of them picked with ``--seed``, each with its document name and
the event's own sentence (``-s``) so a reader can tell a faithful headline
from a garbled one. Corpus text is read at run time only, never stored.

    .venv/bin/python bench/titles_sample.py ../shared/data/tempeval3-train/TimeBank --seed 1 -n 60 [-s]
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools" / "events"))

from score import read_tml  # type: ignore[import-not-found]  # noqa: E402

from tracker.extract import extract  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=60)
    ap.add_argument("-s", action="store_true", help="print each event's sentence too")
    ap.add_argument("--all", action="store_true", help="every title in document order, keyed")
    args = ap.parse_args()
    pool: list[tuple[str, str, str]] = []
    keyed: list[str] = []
    for path in sorted(args.folder.glob("*.tml")):
        doc = read_tml(path, path.stem)
        for ev in extract(doc.text, date.fromisoformat(doc.anchor)).events:
            sentence = " ".join(doc.text[ev.sentence_start : ev.sentence_end].split())
            pool.append((path.stem, ev.title, sentence))
            keyed.append(f"{path.stem}:{ev.timex_start}\t{ev.title}\t{sentence[:200]}")
    if args.all:
        print("\n".join(keyed))
        return
    rng = random.Random(args.seed)
    picked = rng.sample(pool, min(args.n, len(pool)))
    for k, (name, title, sentence) in enumerate(picked, 1):
        print(f"{k:2d}. {title}    [{name}]")
        if args.s:
            print(f"      {sentence[:300]}")
    print(f"# {len(pool)} events in {args.folder}, seed {args.seed}")


if __name__ == "__main__":
    main()
