"""Article dates on real news: correct / wrong / unknown against known publication days.

Writes each article of `../shared/data/t17-dev/*/articles.jsonl` (text we did
not write, kept outside the repository) to one flat folder under an
uninformative name, imports the folder with no date (as a user would), and
compares each article's date with its known `pubdate`. Also reports the same
counts for the articles whose first lines carry a date (with or without a
year), the subset where the text itself gives the evidence.

    .venv/bin/python bench/pubdate_eval.py [--data ../shared/data/t17-dev] [--show wrong|unknown|all]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tracker import services

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})(?!\d)"
# A rough, independent "this head carries a dateline or date line" check, to
# report the subset the target is about: a full date next to a clock
# time or a label, or a newspaper/wire dateline "CITY, Mon. D --" / "(Agency)".
_HEAD_DATE = re.compile(
    rf"{_DATE}[,;]?\s*(?:-\s*|at\s+)?\d{{1,2}}[:.]\d{{2}}"
    rf"|(?:Published|Posted|Aired|Updated)\s*:?\s*{_DATE}"
    rf"|{_DATE}\s*[|;]"
    rf"|\b[A-Z]{{3,}}(?:\s[A-Z]{{2,}})*,\s+{_MONTH}\s+\d{{1,2}}\s+(?:--|\()",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent.parent
    parser.add_argument("--data", type=Path, default=here.parent / "shared" / "data" / "t17-dev")
    parser.add_argument("--show", choices=("wrong", "unknown", "all"), default=None)
    parser.add_argument(
        "--per-topic",
        action="store_true",
        help="one folder and import per topic (a batch about one story), not one for all",
    )
    args = parser.parse_args()

    rows = []
    for jsonl in sorted(args.data.glob("*/articles.jsonl")):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["topic"] = jsonl.parent.name
            rows.append(row)
    with tempfile.TemporaryDirectory() as tmp:
        folders: dict[str, Path] = {}
        for i, row in enumerate(rows):
            group = row["topic"] if args.per_topic else "all"
            folder = folders.setdefault(group, Path(tmp) / f"batch{len(folders)}")
            folder.mkdir(exist_ok=True)
            (folder / f"a{i:04d}.txt").write_text(row["text"], encoding="utf-8")
        db = services.open_db(Path(tmp) / "eval.db")
        results = [r for f in folders.values() for r in services.import_paths(db, [f])]
        by_path = {Path(r.path).name: r for r in results}
        articles = {a.id: a for a in services.list_articles(db)}

    counts: Counter[tuple[str, str]] = Counter()
    sources: Counter[str] = Counter()
    for i, row in enumerate(rows):
        result = by_path[f"a{i:04d}.txt"]
        article = articles.get(result.article_id)
        got = article.anchor_date if article is not None and not article.date_assumed else None
        verdict = "unknown" if got is None else ("correct" if got == row["pubdate"] else "wrong")
        head = "dated head" if _HEAD_DATE.search(row["text"][:1500]) else "undated head"
        counts[(verdict, "all")] += 1
        counts[(verdict, head)] += 1
        counts[(verdict, row["topic"])] += 1
        sources[article.date_source if article else "failed"] += 1
        if args.show in (verdict, "all"):
            print(f"--- {verdict} a{i:04d} gold={row['pubdate']} got={got} ({row['topic']})")
            print("    " + row["text"][:300].replace("\n", " / "))
    for group in ("all", "dated head", "undated head", *sorted({r["topic"] for r in rows})):
        c, w, u = (counts[(v, group)] for v in ("correct", "wrong", "unknown"))
        total = c + w + u
        if total:
            print(
                f"{group:24s} n={total:3d} correct={c:3d} ({c / total:.1%}) wrong={w} unknown={u}"
            )
    print("date_source:", dict(sources))
    return 0


if __name__ == "__main__":
    sys.exit(main())
