"""Screenshots of the window for review (issue 14 item 9): run under Xvfb, look at the PNGs.

``python bench/screenshots.py DB OUT_DIR`` opens the window on DB (import
``bench/make_corpus.py``'s articles into it first) and saves: the first view,
the most important event selected with its article open, a badge's list, focus mode, a named period band, and the HTML export (its
file; ``chromium --headless --screenshot`` renders it when installed).
Not a test: it asserts nothing, it shows.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication

from tracker import services
from tracker.store.curation import NamedPeriod
from tracker.ui import create_window
from tracker.ui.settings import Settings


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(path: Path) -> None:
    """The whole screen: popups are windows of their own."""
    QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    print("saved", path)


def main(argv: list[str]) -> int:
    db_path, out = Path(argv[1]), Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)
    win = create_window(db_path, settings=Settings(out / "settings.ini"))
    win.move(0, 0)
    win.resize(1360, 860)
    win.show()
    settle(800)
    shoot(out / "1-first-view.png")

    # The most important event selected: its passage in the details pane, highlighted
    # in the article (the passages of a listed event are read only when it is opened).
    top = services.list_events(win.db, top=1)
    if top and top[0].id is not None:
        win.select_event(top[0].id)
        win.open_event_article(top[0].id)
        settle(600)
        shoot(out / "1b-selected.png")

    view = win.timeline_view
    for _ in range(3):
        view.zoom_in()
    settle()
    layout = view.current_layout()
    if layout.clusters:
        # An inner badge: the edge ones also hold the long periods running into view.
        inner = layout.clusters[1:-1] or layout.clusters
        cluster = max(inner, key=lambda c: c.count)
        view.open_badge(cluster)
        settle()
        shoot(out / "2-badge-list.png")
        view._badge_list.hide()

    win.view_ops.add_period(
        NamedPeriod(None, "Winter talks", "2024-11-18", "2024-12-20", "#d35400")
    )
    settle(600)
    view.fit_core()
    settle()
    shoot(out / "3-period-band.png")

    win.view_ops.toggle_focus()
    settle()
    shoot(out / "4-focus-mode.png")
    win.view_ops.toggle_focus()

    html = out / "5-export.html"
    win.files.export_view(html, "html")
    settle(1500)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--screenshot={out / '5-export.png'}",
                "--window-size=1360,900",
                html.as_uri(),
            ],
            check=False,
            capture_output=True,
            timeout=120,
        )
        print("saved", out / "5-export.png")
    win.undo_stack.undo()  # the period: the database is left as it was
    settle(400)
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
