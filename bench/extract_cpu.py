"""Extraction CPU per article on the t17-dev articles, best of 3 runs in one process.

    .venv/bin/python bench/extract_cpu.py LABEL

Compare two versions back to back, alternately, each with its ``tracker`` first on
PYTHONPATH (an exported copy: ``git archive REV tracker resources | tar -x -C DIR``).
The articles are read at run time from ../shared/data/t17-dev (never stored here).
Figures only: nothing asserts a time.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from tracker import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "t17-dev"


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "this"
    arts = []
    for topic in sorted(p for p in DATA.iterdir() if p.is_dir()):
        for line in open(topic / "articles.jsonl", encoding="utf-8"):
            a = json.loads(line)
            arts.append((a["text"], date.fromisoformat(a["pubdate"])))
    for text, d in arts[:40]:
        extract.extract(text, d)  # warm the caches (compiled patterns, gazetteers)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for text, d in arts:
            extract.extract(text, d)
        best = min(best, (time.process_time() - t0) / len(arts) * 1000)
    print(f"{label} {best:.1f} ms CPU per article, best of 3 ({len(arts)} t17 articles)")


if __name__ == "__main__":
    main()
