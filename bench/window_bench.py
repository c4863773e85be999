"""Start of the window on a large database: time to the first painted timeline, peak memory.

    python bench/window_bench.py DB [RUNS]

Each run starts a fresh process (offscreen Qt) that opens the window on DB and
exits once every event is painted. Prints the median time from starting the
process to the first paint of the timeline with events in it (a large
database shows its most reported events first) and to the paint with all of
them, next to the time to start
Python and import Qt and the window's modules alone (the floor), the
process's CPU time at each of those points (readable on a busy machine: the
process's own threads, counted by itself) and its peak resident memory.
Figures only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from tracker.ui.app import application, create_window
if sys.argv[2] == "floor":
    print("painted", f"cpu {time.process_time() * 1000:.0f}", flush=True)
    raise SystemExit(0)
app = application()
window = create_window(sys.argv[1])
viewport = window.timeline_view.viewport() if hasattr(window.timeline_view, "viewport") else None

class FirstPaint(QObject):
    first = True

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.events and obj is viewport:
            if self.first:
                cpu = time.process_time() * 1000
                print("painted", len(window.events), f"cpu {cpu:.0f}", flush=True)
                self.first = False
            if not getattr(window, "loading_all", False):  # every event is in
                print("all", len(window.events), flush=True)
                app.exit(0)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
window.resize(1600, 900)
window.show()
app.exec()
"""


def one_run(db: Path, mode: str) -> tuple[float, float, str, float, float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), mode], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - t0
    first_cpu = float(line.rsplit("cpu ", 1)[1]) / 1000
    if mode == "floor":
        whole = elapsed
    else:
        last = proc.stdout.readline().strip()
        whole = time.perf_counter() - t0
        line = f"{line}, then {last}"
    _pid, _status, usage = os.wait4(proc.pid, 0)
    return elapsed, usage.ru_maxrss / 1024, line, usage.ru_utime + usage.ru_stime, whole, first_cpu


def main() -> None:
    db = Path(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    floor = [one_run(db, "floor") for _ in range(runs)]
    full = [one_run(db, "window") for _ in range(runs)]
    print(f"database: {db} ({full[0][2]})")
    print(
        f"python + Qt + window modules (floor): {statistics.median(f[0] for f in floor) * 1000:6.0f} ms"
        f"  peak RSS {statistics.median(f[1] for f in floor):5.0f} MB"
        f"  cpu {statistics.median(f[5] for f in floor) * 1000:6.0f} ms"
    )
    print(
        f"start to first painted timeline:      {statistics.median(f[0] for f in full) * 1000:6.0f} ms"
        f"  peak RSS {max(f[1] for f in full):5.0f} MB"
        f"  cpu {statistics.median(f[5] for f in full) * 1000:6.0f} ms  (median of {runs}; all: "
        + ", ".join(f"{f[0]:.2f}s" for f in full)
        + "; cpu: "
        + ", ".join(f"{f[5]:.2f}s" for f in full)
        + f"; load {os.getloadavg()[0]:.1f})"
    )
    print(
        f"start to every event painted:          {statistics.median(f[4] for f in full) * 1000:6.0f} ms"
        f"  cpu {statistics.median(f[3] for f in full) * 1000:6.0f} ms"
        "  (the same as first paint when the window loads everything before it)"
    )


if __name__ == "__main__":
    main()
