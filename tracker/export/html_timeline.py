"""A standalone HTML timeline of a view: one file, no network, zoomable, with its event list.

Everything is inline (style, script, data); nothing refers to another file or
host, so it opens offline in any browser and can be mailed or archived. The
script draws the timeline as SVG, zooms with the wheel or the +/- buttons
around the cursor, pans by dragging, and stacks labels in rows so they never
overlap. The event list below it is plain HTML, so the file reads and prints
without the script too.
"""

from __future__ import annotations

import html
import json
from datetime import date
from typing import Any

from .view import View, core_span


def _payload(view: View) -> dict[str, Any]:
    events = []
    for p in view.timed():
        e = p.event
        events.append(
            {
                "id": e.id,
                "title": e.title or "(untitled)",
                "label": p.label,
                "start": p.first_day.isoformat(),
                "end": p.last_day.isoformat(),
                "point": p.first_day == p.last_day,
                "type": e.type,
                "modality": e.modality,
                "importance": e.importance,
                "starred": e.starred,
                "actors": [a.name for a in e.actors],
                "tags": [list(t) for t in e.tags],
            }
        )
    bands = [
        {
            "name": b.name,
            "start": b.first_day.isoformat(),
            "end": b.last_day.isoformat(),
            "colour": b.colour,
        }
        for b in view.bands
    ]
    # The first view is the story's dense core, as in the window; "Fit" shows everything.
    items = view.timed()
    day_ms = 86400000
    core = core_span(items)
    epoch = date(1970, 1, 1).toordinal()
    first_view = (
        [(core[0] / 86400 - epoch) * day_ms, (core[1] / 86400 - epoch) * day_ms] if core else None
    )
    return {"title": view.title, "events": events, "bands": bands, "core": first_view}


def _rows(view: View) -> str:
    out = []
    for p in view.timed():
        e = p.event
        quote = e.passages[0].quote if e.passages else ""
        star = "★ " if e.starred else ""
        tags = "".join(
            f'<span class="tag" style="background:{html.escape(c)}">{html.escape(n)}</span>'
            for n, c in e.tags
        )
        out.append(
            f'<tr id="ev-{e.id}"><td class="when">{html.escape(p.label)}</td>'
            f"<td><b>{star}{html.escape(e.title or '(untitled)')}</b> {tags}"
            f'<div class="who">{html.escape(", ".join(a.name for a in e.actors))}</div>'
            f'<div class="quote">{html.escape(quote)}</div></td>'
            f'<td class="src">{html.escape(e.article_title or "")}</td></tr>'
        )
    return "\n".join(out)


_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#1d2733;background:#fff}
header{padding:10px 16px;border-bottom:1px solid #d5dde6;display:flex;gap:12px;align-items:center}
header h1{font-size:18px;margin:0;flex:1}
button{font:inherit;padding:2px 10px}
#tl{width:100%;height:460px;display:block;cursor:grab;background:#fbfcfd;border-bottom:1px solid #d5dde6}
#tl text{font-size:12px;fill:#1d2733}
#tl .tick{stroke:#e3e8ee}
#tl .ticklabel{fill:#5b6b7c;font-size:11px}
#tl .band text{fill:#7a5a00;font-weight:bold}
#tl .ev circle{fill:#2f6db3}
#tl .ev.star circle{fill:#d98b00}
#tl .ev rect{fill:#2f6db3;opacity:.35}
table{border-collapse:collapse;margin:12px 16px;width:calc(100% - 32px)}
td{border-bottom:1px solid #e6ebf0;padding:6px 8px;vertical-align:top}
td.when{white-space:nowrap;color:#38516b}
.who{color:#5b6b7c;font-size:12px}.quote{color:#333;font-style:italic;font-size:12px}
.src{color:#5b6b7c;font-size:12px}
.tag{color:#fff;border-radius:8px;padding:0 6px;font-size:11px;margin-left:4px}
@media print{#tl,header button{display:none}}
"""

_SCRIPT = r"""
(function(){
const data = JSON.parse(document.getElementById('tracker-data').textContent);
const svg = document.getElementById('tl'), NS = 'http://www.w3.org/2000/svg';
const DAY = 86400000, ROW = 22, TOP = 34;
const t = s => Date.parse(s + 'T00:00:00Z');
const evs = data.events.map(e => Object.assign({}, e, {t0: t(e.start), t1: t(e.end) + DAY}));
let W = svg.clientWidth || 1000, H = svg.clientHeight || 460;
let lo, hi;
function core(){
  if(!data.core){ fit(); return; }
  lo = data.core[0]; hi = data.core[1];
  const pad = Math.max((hi - lo) * 0.04, DAY); lo -= pad; hi += pad;
}
function fit(){
  if(!evs.length){ lo = Date.now() - 30*DAY; hi = Date.now(); return; }
  lo = Math.min(...evs.map(e => e.t0)); hi = Math.max(...evs.map(e => e.t1));
  const pad = Math.max((hi - lo) * 0.04, DAY); lo -= pad; hi += pad;
}
const x = v => (v - lo) / (hi - lo) * W;
function el(name, attrs, parent){
  const n = document.createElementNS(NS, name);
  for(const k in attrs) n.setAttribute(k, attrs[k]);
  (parent || svg).appendChild(n); return n;
}
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
function ticks(){
  const span = (hi - lo) / DAY, out = [];
  const d = new Date(lo);
  if(span > 3650){ const step = Math.pow(10, Math.floor(Math.log10(span/365/5)));
    for(let y = Math.floor(d.getUTCFullYear()/step)*step; Date.UTC(y,0,1) < hi; y += step)
      out.push([Date.UTC(y,0,1), String(y)]); }
  else if(span > 400){ for(let y = d.getUTCFullYear(); Date.UTC(y,0,1) < hi; y++) out.push([Date.UTC(y,0,1), String(y)]); }
  else if(span > 45){ for(let y = d.getUTCFullYear(), m = d.getUTCMonth(); Date.UTC(y,m,1) < hi; m++){
      if(m > 11){ m = 0; y++; } out.push([Date.UTC(y,m,1), MONTHS[m] + (m ? '' : ' ' + y)]); } }
  else { const step = span > 14 ? 7 : 1;
    for(let v = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); v < hi; v += step*DAY){
      const q = new Date(v); out.push([v, q.getUTCDate() + ' ' + MONTHS[q.getUTCMonth()]]); } }
  return out;
}
function draw(){
  W = svg.clientWidth || W; H = svg.clientHeight || H;
  while(svg.firstChild) svg.removeChild(svg.firstChild);
  for(const b of data.bands){
    const g = el('g', {'class': 'band'});
    const x0 = x(t(b.start)), x1 = x(t(b.end) + DAY);
    el('rect', {x: x0, y: 0, width: Math.max(x1 - x0, 2), height: H, fill: b.colour, 'fill-opacity': .16}, g);
    const lab = el('text', {x: Math.max(x0, 0) + 4, y: H - 8}, g); lab.textContent = b.name;
  }
  for(const [v, label] of ticks()){
    const xv = x(v); el('line', {'class': 'tick', x1: xv, x2: xv, y1: 0, y2: H});
    const tl = el('text', {'class': 'ticklabel', x: xv + 3, y: 14}); tl.textContent = label;
  }
  const rows = [], shown = evs.filter(e => e.t1 >= lo && e.t0 <= hi)
    .sort((a, b) => (b.importance - a.importance) || (a.t0 - b.t0));
  const maxRows = Math.floor((H - TOP - 28) / ROW);
  let hidden = 0;
  for(const e of shown){
    const x0 = x(e.t0), x1 = x(e.t1), w = e.title.length * 6.6 + 14;
    const left = e.point ? (x0 + x1)/2 - 6 : x0, right = Math.max(left + w, x1);
    let r = 0; while(r < maxRows && (rows[r] || []).some(([a, b]) => left < b + 6 && right > a - 6)) r++;
    if(r >= maxRows){ hidden++; continue; }
    (rows[r] = rows[r] || []).push([left, right]);
    const y = TOP + r * ROW, g = el('g', {'class': 'ev' + (e.starred ? ' star' : '')});
    const title = el('title', {}, g); title.textContent = e.label + ' — ' + e.title;
    if(e.point) el('circle', {cx: (x0 + x1)/2, cy: y + 8, r: 5}, g);
    else el('rect', {x: x0, y: y + 3, width: Math.max(x1 - x0, 3), height: 10, rx: 3}, g);
    const lab = el('text', {x: e.point ? (x0 + x1)/2 + 9 : Math.max(x0, 0) + 4, y: y + 12}, g);
    lab.textContent = (e.starred ? '★ ' : '') + e.title;
    g.addEventListener('click', () => { const row = document.getElementById('ev-' + e.id);
      if(row){ row.scrollIntoView({block: 'center'}); row.style.background = '#fff6d0'; } });
  }
  document.getElementById('hidden').textContent = hidden ? hidden + ' more: zoom in' : '';
  const before = evs.filter(e => e.t1 <= lo), after = evs.filter(e => e.t0 >= hi);
  const eb = document.getElementById('earlier'), la = document.getElementById('later');
  eb.textContent = '\u25c0 ' + before.length + ' earlier'; eb.hidden = !before.length;
  la.textContent = after.length + ' later \u25b6'; la.hidden = !after.length;
  eb.onclick = () => { const t = Math.max(...before.map(e => e.t0)), s = hi - lo; lo = t - s/2; hi = t + s/2; draw(); };
  la.onclick = () => { const t = Math.min(...after.map(e => e.t0)), s = hi - lo; lo = t - s/2; hi = t + s/2; draw(); };
}
function zoom(f, cx){ const c = lo + (cx === undefined ? W/2 : cx) / W * (hi - lo);
  lo = c - (c - lo) / f; hi = c + (hi - c) / f; draw(); }
svg.addEventListener('wheel', ev => { ev.preventDefault(); zoom(ev.deltaY < 0 ? 1.25 : 0.8, ev.offsetX); }, {passive: false});
let drag = null;
svg.addEventListener('mousedown', ev => { drag = [ev.clientX, lo, hi]; });
window.addEventListener('mouseup', () => { drag = null; });
window.addEventListener('mousemove', ev => { if(!drag) return;
  const dt = (ev.clientX - drag[0]) / W * (drag[2] - drag[1]); lo = drag[1] - dt; hi = drag[2] - dt; draw(); });
document.getElementById('zin').onclick = () => zoom(1.5);
document.getElementById('zout').onclick = () => zoom(1/1.5);
document.getElementById('fit').onclick = () => { fit(); draw(); };
document.getElementById('story').onclick = () => { core(); draw(); };
window.addEventListener('resize', draw);
core(); draw();
})();
"""


def write_html(view: View) -> str:
    data = json.dumps(_payload(view), ensure_ascii=False).replace("</", "<\\/")
    title = html.escape(view.title)
    n = len(view.timed())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Tracker">
<title>{title}</title>
<style>{_STYLE}</style></head>
<body>
<header><h1>{title}</h1><span>{n} event{"s" if n != 1 else ""}</span><span id="hidden"></span>
<button id="earlier" hidden></button><button id="later" hidden></button>
<button id="zout" title="Zoom out">−</button><button id="zin" title="Zoom in">+</button>
<button id="story" title="Where most events are">Fit story</button>
<button id="fit" title="Every event">Fit all</button></header>
<svg id="tl" role="img" aria-label="Timeline of {title}"></svg>
<table id="events"><tbody>
{_rows(view)}
</tbody></table>
<script type="application/json" id="tracker-data">{data}</script>
<script>{_SCRIPT}</script>
</body></html>
"""
