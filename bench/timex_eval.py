"""In-process TempEval-3 scoring of `find_timexes` (fast iteration driver).

Uses the gold reader and metrics of the shared scorer (../shared/tools/timex/
score.py) but calls the extractor in this process instead of once per document
through the CLI. Corpus text is read at run time and never stored.

    .venv/bin/python bench/timex_eval.py [CORPUS_DIR] [--errors N] [--kind missed,spurious]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _load_scorer():
    spec = importlib.util.spec_from_file_location("timex_score", SHARED / "tools/timex/score.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["timex_score"] = mod
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "data/tempeval3-train"))
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors with context")
    ap.add_argument("--kind", default="", help="only these error kinds (comma-separated)")
    ap.add_argument("--all-types", action="store_true", help="show errors in the all-types scope")
    args = ap.parse_args(argv)

    from tracker.extract.timex import find_timexes

    sc = _load_scorer()
    docs = [sc.read_tml(f, n) for f, n in sc.collect_docs([args.corpus])]
    prim, allc = sc.Counts(), sc.Counts()
    details: list[tuple[str, str, dict]] = []
    t0 = time.perf_counter()
    outputs = {}
    for d in docs:
        outputs[d.name] = find_timexes(d.text, date.fromisoformat(d.anchor))
    run_s = time.perf_counter() - t0
    for d in docs:
        spans = [sc.Span(t.start, t.end, t.text, t.value, t.type) for t in outputs[d.name]]
        det: list = []
        prim.add(sc.score_doc(d, spans, {"DATE", "TIME"}, None if args.all_types else det))
        allc.add(sc.score_doc(d, spans, None, det if args.all_types else None))
        details.extend((d.name, d.text, it) for it in det)
    chars = sum(len(d.text) for d in docs)
    for nm, c in (("DATE+TIME", prim), ("ALL", allc)):
        sp, sr, sf = sc.prf(c.strict, c.sys, c.gold)
        rp, rr, rf = sc.prf(c.relaxed, c.sys, c.gold)
        vp, vr, vf = sc.prf(c.value, c.sys, c.gold)
        print(
            f"{nm:<10} gold {c.gold:5d} sys {c.sys:5d} | strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f}"
            f" | relaxed F1 {rf:.3f} | value P {vp:.3f} R {vr:.3f} F1 {vf:.3f}"
        )
    order = ["day", "month", "year", "week", "qtr/season", "time", "*_REF", "duration", "other"]
    print(
        "value recall by shape: "
        + "  ".join(f"{k} {prim.gran[k][0]}/{prim.gran[k][1]}" for k in order if k in prim.gran)
    )
    print(f"{len(docs)} docs, {chars} chars in {run_s:.2f}s = {chars / run_s:,.0f} chars/s")
    kinds = set(filter(None, args.kind.split(",")))
    shown = 0
    for name, text, it in details:
        if (kinds and it["kind"] not in kinds) or (not kinds and it["kind"] == "ok"):
            continue
        if shown >= args.errors:
            continue
        ref = it.get("gold") or it["sys"]
        ctx = text[max(0, ref[0] - 60) : ref[1] + 40].replace("\n", " ")
        print(
            f"[{it['kind']}] gold={it.get('gold', ['', '', ''])[2:]} sys={it.get('sys', ['', '', ''])[2:]}"
            f"  {name}  ...{ctx}..."
        )
        shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
