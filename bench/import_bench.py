"""Import and query speed on a synthetic corpus of articles we generate here.

Prints articles/s for a full import (read, extract, store) next to the floor
of just reading the same files, as a ratio, then the time to list and search
every event. Usage: python bench/import_bench.py [N_ARTICLES]
"""

from __future__ import annotations

import calendar
import random
import sys
import tempfile
import time
from pathlib import Path

from tracker import ingest, services
from tracker.services import EventFilter

CITIES = ["Brussels", "Geneva", "Doha", "Ankara", "Vienna", "Nairobi", "Hanoi", "Lima"]
MONTHS = list(calendar.month_name)[1:]


def article(i: int, rng: random.Random) -> str:
    city = rng.choice(CITIES)
    year = rng.randint(2015, 2025)
    lines = [
        f"Envoys gather in {city} for round {i}",
        "",
        f"{city.upper()}, {rng.randint(1, 28)} {rng.choice(MONTHS)} {year} - "
        f"Foreign ministers met in {city} on Tuesday to discuss a ceasefire.",
    ]
    for _ in range(8):
        lines.append(
            f"The delegations met on {rng.randint(1, 28)} {rng.choice(MONTHS)} {year - 1} and agreed "
            f"to meet again next month, officials said. Talks in {rng.choice(CITIES)} will resume "
            f"in {rng.choice(MONTHS)} {year + 1}, two years after the first round."
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(n):
            (folder / f"a{i:05}.txt").write_text(article(i, rng), encoding="utf-8")
        files = sorted(folder.iterdir())

        t0 = time.perf_counter()
        for f in files:
            ingest.read_file(f)
        read_s = time.perf_counter() - t0

        db = services.open_db(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        results = services.import_paths(db, [folder])
        import_s = time.perf_counter() - t0
        n_events = sum(r.events for r in results)

        t0 = time.perf_counter()
        events = services.list_events(db)
        list_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        found = services.list_events(db, EventFilter(search="Geneva"))
        search_s = time.perf_counter() - t0

    print(f"articles: {n}, events: {n_events}")
    print(f"read only (floor):  {n / read_s:8.1f} articles/s")
    print(
        f"full import:        {n / import_s:8.1f} articles/s  ({n_events / import_s:.0f} events/s)"
    )
    print(f"ratio import/floor: {read_s / import_s:8.3f}")
    print(
        f"list all {len(events)} events: {list_s * 1000:.0f} ms; search 'Geneva' "
        f"({len(found)} hits): {search_s * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
