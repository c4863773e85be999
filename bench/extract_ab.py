"""Extraction CPU of two Trackers side by side, in alternating chunks, on a noisy machine.

    .venv/bin/python bench/extract_ab.py OLD_SRC [--set corpus|t17] [--rounds R]

OLD_SRC is an exported copy of the older version (``git archive REV tracker resources |
tar -x -C OLD_SRC``); the newer one is this checkout. Each version runs in a process of
its own (started with its ``tracker`` first on PYTHONPATH) that extracts chunks of 25
articles when told to and reports the CPU time each took; the two take turns, chunk by
chunk, the first of each pair alternating. A burst of load from other processes falls
on both alike, so the ratio printed last is steadier than two runs of
``extract_cpu.py`` minutes apart. ``corpus``: 300 articles of ``corpus.py`` (the import
benchmarks' wire copy, 3-5 KB); ``t17``: the 300 Timeline17 dev articles, read at run
time from ../shared/data (never stored here). Figures only: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
T17 = HERE.parents[1] / "shared" / "data" / "t17-dev"
CHUNK = 25


def _articles(which: str) -> list[tuple[str, date]]:
    if which == "t17":
        arts = []
        for topic in sorted(p for p in T17.iterdir() if p.is_dir()):
            for line in open(topic / "articles.jsonl", encoding="utf-8"):
                a = json.loads(line)
                arts.append((a["text"], date.fromisoformat(a["pubdate"])))
        return arts
    sys.path.insert(0, str(HERE))
    from corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "corpus", 300)
        return [(f.read_text(encoding="utf-8"), date(2020, 6, 1)) for f in files]


def _child(which: str) -> None:
    """Extract the chunks asked for on stdin ("START END"), answering with their CPU."""
    from tracker import extract

    arts = _articles(which)
    for text, day in arts[:30]:
        extract.extract(text, day)  # warm: patterns compiled, gazetteers read
    print(len(arts), flush=True)
    for line in sys.stdin:
        a, b = map(int, line.split())
        t0 = time.process_time()
        for text, day in arts[a:b]:
            extract.extract(text, day)
        print(time.process_time() - t0, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("old_src", nargs="?", type=Path)
    ap.add_argument("--set", dest="which", choices=("corpus", "t17"), default="corpus")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(args.which)
        return
    if args.old_src is None:
        ap.error("OLD_SRC is needed")

    def start(pythonpath: str) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=pythonpath)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--set", args.which]
        # Run in a folder without tracker/ in it, so that PYTHONPATH decides.
        return subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tempfile.gettempdir(),
        )

    procs = {"old": start(str(args.old_src.resolve())), "new": start(str(HERE.parent))}
    n = int(procs["old"].stdout.readline())  # type: ignore[union-attr]
    procs["new"].stdout.readline()  # type: ignore[union-attr]
    cpu = {"old": 0.0, "new": 0.0}
    turn = 0
    for _ in range(args.rounds):
        for a in range(0, n, CHUNK):
            for name in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                p = procs[name]
                p.stdin.write(f"{a} {min(n, a + CHUNK)}\n")  # type: ignore[union-attr]
                p.stdin.flush()  # type: ignore[union-attr]
                cpu[name] += float(p.stdout.readline())  # type: ignore[union-attr]
            turn += 1
    for p in procs.values():
        p.stdin.close()  # type: ignore[union-attr]
        p.wait()
    per = {k: v / (n * args.rounds) * 1000 for k, v in cpu.items()}
    print(f"{args.which}: {n} articles x {args.rounds} rounds, CPU ms per article")
    print(f"  old {per['old']:.2f}  new {per['new']:.2f}  new/old {per['new'] / per['old']:.3f}")


if __name__ == "__main__":
    main()
