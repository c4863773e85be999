"""Dump ``tracker extract --format json`` of many files in one process, to compare versions.

    python bench/extract_dump.py OUT [--anchors ANCHORS.json] FILE_OR_FOLDER...

Writes OUT/<file name>.json (the file's own date, as the command line reads it)
and, for files ANCHORS.json (a JSON object: path -> ISO day) names, also
OUT/<file name>.anchored.json (with that day as ``--anchor``). Run it once with
an older Tracker first on PYTHONPATH (see BENCHMARKS.md) and once with this one,
then ``diff -r`` the two folders: a speed change must leave them identical.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
from datetime import date
from pathlib import Path

from tracker import cli


def _extract(path: Path, anchor: date | None) -> str:
    args = argparse.Namespace(file=str(path), anchor=anchor, day_first=False)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli._cmd_extract(args)
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--anchors", type=Path)
    args = ap.parse_args()
    anchors = json.loads(args.anchors.read_text()) if args.anchors else {}
    files = sorted(
        f for p in args.paths for f in (sorted(p.rglob("*")) if p.is_dir() else [p]) if f.is_file()
    )
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.process_time()
    for f in files:
        stem = f"{f.parent.name}__{f.name}"
        (args.out / f"{stem}.json").write_text(_extract(f, None), encoding="utf-8")
        if str(f) in anchors:
            day = date.fromisoformat(anchors[str(f)])
            (args.out / f"{stem}.anchored.json").write_text(_extract(f, day), encoding="utf-8")
    print(f"{len(files)} files, {time.process_time() - t0:.1f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
