"""Throughput of our extractor against dateparser.search_dates on the same texts.

Times the temporal-expression layer alone and the whole engine (timexes plus
events), each as a ratio to dateparser in the same run.

Texts are read at run time from the TempEval-3 corpus in ../shared/data (never
stored in the repository), or generated when the corpus is absent. Also times
one large (~5 MB) text through our extractor alone.

    .venv/bin/python bench/extract_bench.py [--docs N] [--big-mb 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/data/tempeval3-train"
sys.path.insert(0, str(ROOT))

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r'value="(\d{4})-?(\d\d)-?(\d\d)[^"]*"[^>]*functionInDocument="CREATION_TIME"')


def corpus_texts(limit: int) -> list[tuple[str, date]]:
    out = []
    for f in sorted(CORPUS.rglob("*.tml"))[:limit]:
        raw = f.read_text(encoding="utf-8")
        m, d = _TEXT.search(raw), _DCT.search(raw)
        if m and d:
            text = re.sub(r"<[^>]+>", "", m.group(1))
            out.append((text, date(int(d.group(1)), int(d.group(2)), int(d.group(3)))))
    return out


def generated_texts(n: int) -> list[tuple[str, date]]:
    para = (
        "The ministry said on Tuesday that exports fell 3.1 percent in the third quarter, "
        "after rising in May 2023. Officials may review the figures next month, and a vote "
        "is set for Jan. 20. Two days later, the cabinet met again. Prices have risen over "
        "the past year, and 1,000 workers struck for three weeks in the 1990s. "
    )
    return [(para * 8, date(2024, 11, 13)) for _ in range(n)]


def bench(fn, texts, repeat: int = 1) -> tuple[float, int]:
    """Best throughput (chars/s) over ``repeat`` runs: the machine is shared, best is least noisy."""
    chars = sum(len(t) for t, _ in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for text, anchor in texts:
            fn(text, anchor)
        best = min(best, time.perf_counter() - t0)
    return chars / best, chars


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=40, help="documents for the comparison")
    ap.add_argument(
        "--big-mb", type=float, default=5.0, help="size of the large-text run (0 to skip)"
    )
    args = ap.parse_args(argv)

    from tracker.extract import extract
    from tracker.extract.timex import find_timexes

    texts = corpus_texts(args.docs) if CORPUS.exists() else []
    source = "TempEval-3 corpus" if texts else "generated text"
    texts = texts or generated_texts(args.docs)

    ours, chars = bench(lambda t, a: find_timexes(t, a), texts, repeat=5)
    # The whole engine: timexes plus events (titles, actors, types, modality).
    full, _ = bench(lambda t, a: extract(t, a), texts, repeat=5)
    print(f"texts: {len(texts)} ({source}), {chars:,} chars")
    print(f"tracker find_timexes : {ours:12,.0f} chars/s")
    print(f"tracker extract (all): {full:12,.0f} chars/s")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no comparison")
        return 0

    def dp(text: str, anchor: date) -> None:
        base = datetime(anchor.year, anchor.month, anchor.day)
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})

    dp(texts[0][0][:200], texts[0][1])  # warm up dateparser's lazy loading
    theirs, _ = bench(dp, texts, repeat=2)
    print(f"dateparser search    : {theirs:12,.0f} chars/s")
    print(f"ratio timexes        : {ours / theirs:12.1f}x")
    print(f"ratio full extract   : {full / theirs:12.1f}x")

    if args.big_mb > 0:
        unit = "\n\n".join(t for t, _ in texts)
        big = (unit * (int(args.big_mb * 1_000_000 / max(1, len(unit))) + 1))[
            : int(args.big_mb * 1_000_000)
        ]
        t0 = time.perf_counter()
        n = len(find_timexes(big, texts[0][1]))
        dt = time.perf_counter() - t0
        print(f"large text           : {len(big):,} chars in {dt:.2f}s ({n:,} timexes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
