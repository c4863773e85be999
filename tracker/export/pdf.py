"""PDF of a view for print: the timeline on the first page, then its event list.

A small PDF 1.4 writer of our own (no dependency, no Qt): A4 landscape pages,
the standard Helvetica fonts in WinAnsi encoding (characters outside it print
as "?"), lines, rectangles and text. The timeline page draws named periods as
bands, an axis with year or month ticks and the events stacked in rows,
most important first; the pages after list every event with its date,
actors and source.
"""

from __future__ import annotations

import zlib
from datetime import date

from .view import Placed, View, core_span

PAGE_W, PAGE_H = 842.0, 595.0
MARGIN = 36.0
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _text(s: str) -> str:
    raw = s.encode("cp1252", errors="replace").decode("latin-1")
    return raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_width(s: str, size: float) -> float:
    """Helvetica's average advance is about half the font size."""
    return len(s) * size * 0.5


def _hex_rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    try:
        return tuple(int(c[k : k + 2], 16) / 255 for k in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return (0.9, 0.65, 0.0)


class _Page:
    def __init__(self) -> None:
        self.ops: list[str] = []

    def text(self, x: float, y: float, s: str, size: float = 9, bold: bool = False) -> None:
        font = "F2" if bold else "F1"
        self.ops.append(f"BT /{font} {size:.1f} Tf {x:.1f} {y:.1f} Td ({_text(s)}) Tj ET")

    def colour(self, r: float, g: float, b: float, stroke: bool = False) -> None:
        self.ops.append(f"{r:.3f} {g:.3f} {b:.3f} {'RG' if stroke else 'rg'}")

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> None:
        self.ops.append(f"{width:.2f} w {x0:.1f} {y0:.1f} m {x1:.1f} {y1:.1f} l S")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(f"{x:.1f} {y:.1f} {w:.1f} {h:.1f} re f")


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    days = (last - first).days
    if days > 3 * 366:
        step = max(1, days // 365 // 10)
        return [
            (date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1) if y % step == 0
        ]
    out: list[tuple[date, str]] = []
    y, m = first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > last:
            return out
        if days <= 400 or m in (1, 4, 7, 10):
            out.append((d, _MONTHS[m - 1] + (f" {y}" if m == 1 else "")))


def _timeline_page(view: View, items: list[Placed]) -> _Page:
    page = _Page()
    page.colour(0.1, 0.15, 0.2)
    page.text(MARGIN, PAGE_H - MARGIN - 4, view.title, 16, bold=True)
    page.text(MARGIN, PAGE_H - MARGIN - 20, f"{len(items)} events", 9)
    if not items:
        return page
    # The story's dense core, as the window's first view; what lies beyond is counted.
    core = core_span(items)
    if core is not None:
        c0, c1 = (
            date.fromordinal(int(core[0] // 86400)),
            date.fromordinal(int(core[1] // 86400) - 1),
        )
        before = sum(1 for p in items if p.last_day < c0)
        after = sum(1 for p in items if p.first_day > c1)
        items = [p for p in items if p.last_day >= c0 and p.first_day <= c1]
        notes = [f"<< {before} earlier" if before else "", f"{after} later >>" if after else ""]
        page.colour(0.35, 0.42, 0.49)
        if notes[0]:
            page.text(MARGIN, PAGE_H - MARGIN - 34, notes[0] + " (in the list)", 8)
        if notes[1]:
            page.text(PAGE_W - MARGIN - 110, PAGE_H - MARGIN - 34, notes[1] + " (in the list)", 8)
    first = max(min(p.first_day for p in items), c0) if core else min(p.first_day for p in items)
    last = min(max(p.last_day for p in items), c1) if core else max(p.last_day for p in items)
    pad = max((last - first).days // 25, 1)
    t0, t1 = first.toordinal() - pad, last.toordinal() + pad + 1
    x0, x1 = MARGIN, PAGE_W - MARGIN
    top, bottom = PAGE_H - MARGIN - 50, MARGIN + 20

    def x(d: date, end: bool = False) -> float:
        return x0 + (d.toordinal() + (1 if end else 0) - t0) / (t1 - t0) * (x1 - x0)

    for b in view.bands:
        page.colour(*_hex_rgb(b.colour))
        bx0, bx1 = max(x(b.first_day), x0), min(x(b.last_day, end=True), x1)
        if bx1 > bx0:
            page.ops.append("q /GS1 gs")
            page.rect(bx0, bottom, bx1 - bx0, top - bottom)
            page.ops.append("Q")
            page.colour(0.48, 0.35, 0.0)
            page.text(bx0 + 3, bottom + 4, b.name, 8, bold=True)
    for d, label in _ticks(first, last):
        page.colour(0.85, 0.88, 0.92, stroke=True)
        page.line(x(d), bottom, x(d), top + 12)
        page.colour(0.35, 0.42, 0.49)
        page.text(x(d) + 2, top + 4, label, 7)
    row_h, size = 13.0, 7.5
    rows: list[list[tuple[float, float]]] = []
    max_rows = int((top - bottom - 18) // row_h)
    hidden = 0
    for p in sorted(items, key=lambda p: (-(p.event.importance or 0), p.first_day)):
        a, b_x = x(p.first_day), x(p.last_day, end=True)
        label = ("* " if p.event.starred else "") + (p.event.title or "(untitled)")
        label = label if len(label) <= 60 else label[:58] + "..."
        a, b_x = max(a, x0), min(b_x, x1)
        room = x1 - (a + max(b_x - a, 2.5) + 3)
        if text_width(label, size) > room:  # never past the page edge
            keep = max(int(room / (size * 0.5)) - 3, 6)
            label = label[:keep].rstrip() + "..."
        right = max(b_x, a + 8 + text_width(label, size))
        r = 0
        while r < max_rows and any(
            a < q1 + 4 and right > q0 - 4 for q0, q1 in (rows[r] if r < len(rows) else [])
        ):
            r += 1
        if r >= max_rows:
            hidden += 1
            continue
        while len(rows) <= r:
            rows.append([])
        rows[r].append((a, right))
        y = top - 14 - r * row_h
        page.colour(0.85, 0.55, 0.0) if p.event.starred else page.colour(0.18, 0.43, 0.7)
        page.rect(a, y, max(b_x - a, 2.5), 6)
        page.colour(0.1, 0.15, 0.2)
        page.text(a + max(b_x - a, 2.5) + 3, y, label, size)
    if hidden:
        page.colour(0.35, 0.42, 0.49)
        page.text(x1 - 160, MARGIN, f"{hidden} more events: see the list", 8)
    return page


def _wrap(s: str, size: float, width: float) -> list[str]:
    words, lines, cur = s.split(), [], ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if text_width(trial, size) > width and cur:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    return [*lines, cur] if cur else lines or [""]


def _list_pages(items: list[Placed]) -> list[_Page]:
    pages: list[_Page] = []
    page, y = None, 0.0
    for p in items:
        e = p.event
        title = _wrap(("* " if e.starred else "") + (e.title or "(untitled)"), 9, 560)
        extra = ", ".join(a.name for a in e.actors)
        if e.article_title:
            extra = f"{extra}  ·  {e.article_title}" if extra else e.article_title
        need = 12 * len(title) + (11 if extra else 0) + 6
        if page is None or y - need < MARGIN:
            page = _Page()
            pages.append(page)
            page.colour(0.1, 0.15, 0.2)
            page.text(MARGIN, PAGE_H - MARGIN, "Events", 12, bold=True)
            y = PAGE_H - MARGIN - 22
        page.colour(0.22, 0.32, 0.42)
        page.text(MARGIN, y, p.label, 9)
        page.colour(0.1, 0.15, 0.2)
        for k, line in enumerate(title):
            page.text(MARGIN + 130, y - 12 * k, line, 9, bold=True)
        y -= 12 * len(title)
        if extra:
            page.colour(0.35, 0.42, 0.49)
            page.text(MARGIN + 130, y, extra[:130], 8)
            y -= 11
        y -= 6
    return pages


def write_pdf(view: View) -> bytes:
    items = view.timed()
    pages = [_timeline_page(view, items), *_list_pages(items)]
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    gs = add(b"<< /Type /ExtGState /ca 0.18 >>")
    kids = []
    for page in pages:
        stream = zlib.compress("\n".join(page.ops).encode("latin-1"))
        content = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
        kids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W:.0f} {PAGE_H:.0f}]"
                    f" /Resources << /Font << /F1 {font} 0 R /F2 {bold} 0 R >>"
                    f" /ExtGState << /GS1 {gs} 0 R >> >> /Contents {content} 0 R >>"
                ).encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    objects[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    title = _text(view.title)
    info = add(f"<< /Title ({title}) /Producer (Tracker) >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
