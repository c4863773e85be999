"""Timeline speed with many events: open time, zoom and pan repaint times (medians).

Runs offscreen, renders the view's viewport into a QImage (through the real
paintEvent path) and prints figures; it never asserts. Usage:

    .venv/bin/python bench/timeline_bench.py [--events 100000] [--lanes none|actor|...]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker.model import Actor, Event, EventType, Modality, Passage  # noqa: E402  # noqa: E402
from tracker.ui.timeline import TimelinePanel  # noqa: E402

WORDS = "summit talks ceasefire sanctions aid vote rally treaty visit call statement deal".split()


def synthetic_events(n: int, seed: int = 7, years: int = 30) -> list[Event]:
    """News-like data: mostly day dates, some months/years/quarters/weeks and ranges."""
    rnd = random.Random(seed)
    base = datetime(1996, 1, 1).toordinal()
    actors = [Actor(f"Actor {k}", "country" if k % 3 == 0 else "person") for k in range(80)]
    events = []
    for i in range(n):
        moment = datetime.fromordinal(base + rnd.randint(0, years * 365))
        kind = rnd.choices(
            ["day", "month", "year", "quarter", "week", "range"], [70, 14, 6, 4, 3, 3]
        )[0]
        granularity, end = kind, None
        if kind == "day":
            date = moment.strftime("%Y-%m-%d")
        elif kind == "month":
            date = moment.strftime("%Y-%m")
        elif kind == "year":
            date = str(moment.year)
        elif kind == "quarter":
            date = f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"
        elif kind == "week":
            iso = moment.isocalendar()
            date = f"{iso[0]}-W{iso[1]:02d}"
        else:
            granularity, date = "day", moment.strftime("%Y-%m-%d")
            end = (moment + timedelta(days=rnd.randint(2, 60))).strftime("%Y-%m-%d")
        passages = tuple(
            Passage(rnd.randint(1, 5000), 0, 1, 0, 1, "t", "q")
            for _ in range(rnd.choice([1, 1, 1, 2, 3]))
        )
        title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6))).capitalize()
        events.append(
            Event(
                i + 1,
                date,
                f"{title} {i}",
                granularity=granularity,
                date_end=end,
                type=rnd.choice(list(EventType)),
                modality=rnd.choices(list(Modality), [80, 10, 5, 5])[0],
                importance=round(rnd.random(), 2),
                actors=tuple(rnd.sample(actors, rnd.choice([0, 1, 1, 2, 3]))),
                passages=passages,
                article_id=rnd.randint(1, 300),
            )
        )
    return events


def render(panel: TimelinePanel, image: QImage) -> float:
    start = time.perf_counter()
    panel.view.viewport().render(image)
    return time.perf_counter() - start


def ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"median {statistics.median(values) * 1000:7.2f} ms   p90 {p90 * 1000:7.2f} ms   (n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--lanes", default="none")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    events = synthetic_events(args.events)
    print(f"{len(events)} events, lanes={args.lanes}, viewport ~{args.width}x{args.height}")

    opens = []
    for _ in range(3):
        start = time.perf_counter()
        panel = TimelinePanel()
        panel.resize(args.width, args.height)
        panel.show()
        app.processEvents()
        panel.view.set_lane_mode(args.lanes)
        panel.view.set_events(events)
        image = QImage(panel.view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        panel.view.viewport().render(image)
        app.processEvents()
        opens.append(time.perf_counter() - start)
        if len(opens) < 3:
            panel.close()
            panel.deleteLater()
            app.processEvents()
    print(f"open (build panel, set_events, first render): {ms(opens)}")

    view = panel.view
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    rnd = random.Random(3)
    zooms, pans = [], []
    for _cycle in range(3):
        view.fit_all()
        render(panel, image)
        # Zoom from the whole range down to about an hour, around changing cursors.
        while view.time_scale.span > 2 * 3600:
            view.zoom_at(1.25, rnd.uniform(0.2, 0.8) * view.time_scale.width)
            zooms.append(render(panel, image))
            if len(zooms) % 8 == 0:
                # Pan a little at this zoom level, as a drag would.
                for _ in range(4):
                    view._set_scale(view.time_scale.panned(rnd.uniform(-150, 150)))
                    pans.append(render(panel, image))
    print(f"zoom repaint (fit-all down to ~1 h):          {ms(zooms)}")
    print(f"pan repaint (at every zoom level):             {ms(pans)}")
    view.fit_all()
    layout = view.current_layout()
    print(
        f"at fit-all: {len(layout.placed)} labelled events, {layout.hidden} in {len(layout.clusters)} badges"
    )


if __name__ == "__main__":
    main()
