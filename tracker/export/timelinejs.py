"""TimelineJS JSON of a view: the format knightlab's TimelineJS3 loads (``events``, ``eras``).

Dates are split into year/month/day at the event's own precision (a month
event has no day), named periods become eras, and the headline/text carry the
title, actors and source sentence as plain escaped text.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from tracker.model import Period

from .view import View


def _date_parts(value: str | None, granularity: str | None, fallback: str) -> dict[str, str]:
    p = Period.parse(value, granularity) if value else None
    if p is None:
        y, m, d = fallback.split("-")
        return {"year": y, "month": m, "day": d}
    parts = {"year": str(p.start.year)}
    if p.granularity in ("month", "day", "time", "week"):
        parts["month"] = str(p.start.month)
    if p.granularity in ("day", "time", "week"):
        parts["day"] = str(p.start.day)
    return parts


def _day_parts(day: date) -> dict[str, str]:
    return {"year": str(day.year), "month": str(day.month), "day": str(day.day)}


def timelinejs(view: View) -> dict[str, Any]:
    events = []
    for p in view.timed():
        e = p.event
        body = []
        if e.actors:
            body.append("<p>" + html.escape(", ".join(a.name for a in e.actors)) + "</p>")
        if e.passages and e.passages[0].quote:
            body.append(f"<blockquote>{html.escape(e.passages[0].quote)}</blockquote>")
        if e.article_title:
            body.append(f"<p><i>{html.escape(e.article_title)}</i></p>")
        item: dict[str, Any] = {
            "unique_id": f"event-{e.id}",
            "start_date": _date_parts(e.date, e.granularity, p.first_day.isoformat()),
            "display_date": p.label,
            "text": {"headline": html.escape(e.title or "(untitled)"), "text": "".join(body)},
            "group": e.type,
        }
        if e.date_end:
            item["end_date"] = _date_parts(e.date_end, None, p.last_day.isoformat())
        elif (p.last_day - p.first_day).days >= 1:
            item["end_date"] = _day_parts(p.last_day)
        events.append(item)
    eras = [
        {
            "start_date": _day_parts(b.first_day),
            "end_date": _day_parts(b.last_day),
            "text": {"headline": html.escape(b.name)},
        }
        for b in view.bands
    ]
    out: dict[str, Any] = {
        "title": {"text": {"headline": html.escape(view.title)}},
        "events": events,
    }
    if eras:
        out["eras"] = eras
    return out
