"""Compare ``tracker events --json`` and ``tracker export --format csv`` of two Trackers.

    python bench/compare_outputs.py OLD_SRC OLD_DB NEW_DB

Runs the code under ``OLD_SRC`` (an exported copy: ``git archive main tracker
resources | tar -x -C OLD_SRC``) on ``OLD_DB`` and this checkout's code on
``NEW_DB`` (a copy of the same database), for a dozen filter sets, and says
whether each output is byte for byte the same. Both run from a temporary folder
with no ``tracker/`` in it, so the old code is not shadowed by this one.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

FILTERS = {
    "all": [],
    "actor Omar Haddad": ["--actor", "Omar Haddad"],
    "search Haddad": ["--search", "Haddad"],
    "search frank constructive": ["--search", "frank constructive"],
    "search Geneva": ["--search", "Geneva"],
    "2020-03 to 2020-04": ["--from", "2020-03", "--to", "2020-04"],
    "2019-01-10 to 2019-02-20": ["--from", "2019-01-10", "--to", "2019-02-20"],
    "from 2021-06": ["--from", "2021-06"],
    "to 2018-12": ["--to", "2018-12"],
    "article 42": ["--article", "42"],
    "top 20": ["--top", "20"],
    "type meeting, 2019": ["--type", "meeting", "--from", "2019", "--to", "2019"],
}


def run(src: Path | None, db: Path, args: list[str], cwd: str) -> tuple[str, float]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    else:
        env["PYTHONPATH"] = str(HERE)
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "tracker", *args[:1], "--db", str(db), *args[1:]],
        check=True,
        capture_output=True,
        cwd=cwd,
        env=env,
    ).stdout
    return hashlib.sha256(out).hexdigest() + f" {len(out)}", time.perf_counter() - t0


def main() -> None:
    old_src, old_db, new_db = (Path(a).resolve() for a in sys.argv[1:4])
    same = True
    with tempfile.TemporaryDirectory() as cwd:
        for label, flt in FILTERS.items():
            for command in (["events", "--json"], ["export", "--format", "csv"]):
                args = [command[0], *command[1:], *flt]
                old, t_old = run(old_src, old_db, args, cwd)
                new, t_new = run(None, new_db, args, cwd)
                ok = old == new
                same &= ok
                print(
                    f"{'same' if ok else 'DIFFERENT':<9} {command[0]:<6} {label:<26}"
                    f" {old.split()[1]:>10} bytes  old {t_old:5.1f} s  new {t_new:5.1f} s"
                )
    print("all the same" if same else "OUTPUTS DIFFER")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
