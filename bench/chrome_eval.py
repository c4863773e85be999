"""Headlines and masked chrome on the scraped news of ../shared/data/t17-dev.

For each article prints the headline `tracker.ingest.chrome.headline` chose
(or "-" for none) and how many characters `find_chrome` masked; `--show`
also prints every masked piece so a reader can check nothing real was hidden.
Corpus text is read at run time and never stored here.

    .venv/bin/python bench/chrome_eval.py [DATA_DIR] [--show] [--topic egypt_cnn]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.ingest.chrome import find_chrome, headline  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "t17-dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show", action="store_true", help="print every masked piece")
    parser.add_argument("--topic", help="only this topic folder")
    args = parser.parse_args()

    files = sorted(Path(args.data).glob("*/articles.jsonl"))
    if args.topic:
        files = [f for f in files if f.parent.name == args.topic]
    articles = headlines = masked_docs = masked_chars = total_chars = 0
    elapsed = 0.0
    for path in files:
        for raw in path.open(encoding="utf-8"):
            row = json.loads(raw)
            text = row["text"]
            started = time.perf_counter()
            spans = find_chrome(text)
            title = headline(text)
            elapsed += time.perf_counter() - started
            chars = sum(end - start for start, end in spans)
            articles += 1
            headlines += title is not None
            masked_docs += bool(spans)
            masked_chars += chars
            total_chars += len(text)
            print(f"{row['id']}\t{chars:6d}\t{title or '-'}")
            if args.show:
                for start, end in spans:
                    print(f"    masked: {text[start:end][:160]!r}")
    print(
        f"\n{articles} articles: {headlines} with a headline, {masked_docs} with chrome masked, "
        f"{masked_chars:,} of {total_chars:,} chars masked "
        f"({100 * masked_chars / max(total_chars, 1):.1f}%), {elapsed:.2f}s"
    )


if __name__ == "__main__":
    main()
