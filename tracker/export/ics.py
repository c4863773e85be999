"""ICS (RFC 5545) calendar of a view's events: one all-day VEVENT each, periods as spans.

A day event is DTSTART;VALUE=DATE with an exclusive DTEND on the next day; a
month or a range runs over every day it covers. Text is escaped and lines are
folded at 75 octets as the RFC asks, so calendar apps import it unchanged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .view import View


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r", "")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line into 75-octet pieces (continuations start with a space)."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def write_ics(view: View, now: datetime | None = None) -> str:
    stamp = (now or datetime(2000, 1, 1)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Tracker//Timeline export//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(view.title)}",
    ]
    for p in view.timed():
        e = p.event
        desc = []
        if p.label:
            desc.append(f"Date: {p.label}")
        if e.actors:
            desc.append("Actors: " + ", ".join(a.name for a in e.actors))
        if e.passages and e.passages[0].quote:
            desc.append(f"“{e.passages[0].quote}”")
        if e.article_title:
            desc.append(f"Source: {e.article_title}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{e.id}@tracker",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{p.first_day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{p.last_day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(e.title or '(untitled)')}",
        ]
        if e.location:
            lines.append(f"LOCATION:{_escape(e.location)}")
        if desc:
            lines.append(f"DESCRIPTION:{_escape(chr(10).join(desc))}")
        if e.tags:
            lines.append(f"CATEGORIES:{','.join(_escape(n) for n, _c in e.tags)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
