"""The details pane: the selected event's fields and every passage it came from.

Each passage shows its sentence with the date expression highlighted, and the
article's title, date and URL, with an "Open article" link that shows the full
text in the article view. The pane renders only HTML we build from escaped
strings, and loads no resource of any kind.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser

from tracker.model import Event, Passage
from tracker.ui.event_table import actor_names
from tracker.ui.formatting import format_date, format_range

EMPTY_HTML = (
    "<p style='color:#777'>Select an event on the timeline or in the table to see "
    "where it comes from.</p>"
)


def highlight_quote(p: Passage) -> str:
    """The passage's sentence as HTML, its date expression wrapped in <b class=timex>."""
    quote = p.quote or ""
    timex = " ".join((p.timex or "").split())
    at = quote.find(timex) if timex else -1
    if at < 0:
        return html.escape(quote)
    return (
        html.escape(quote[:at])
        + f"<span style='background:#ffe08a;color:#222;font-weight:600'>{html.escape(timex)}</span>"
        + html.escape(quote[at + len(timex) :])
    )


def event_html(
    ev: Event, articles: dict[int, tuple[str, str | None, str | None, str | None]]
) -> str:
    """Details HTML for one event; ``articles`` maps article id -> (title, date, url, badge).

    The badge ("date unknown", "date assumed" or None) flags an article date nobody vouched for.
    """
    e = html.escape
    rows = [
        (
            "Date",
            f"{e(format_range(ev.date, ev.date_end, ev.granularity))} "
            f"<span style='color:#888'>({e(ev.granularity or 'unknown')})</span>",
        ),
        ("Type", e(ev.type)),
        ("Modality", e(ev.modality)),
        ("Actors", e(actor_names(ev)) or "<span style='color:#888'>none found</span>"),
    ]
    if ev.location:
        rows.append(("Location", e(ev.location)))
    n_src = ev.source_count
    rows.append(
        (
            "Sources",
            f"{n_src} independent article{'s' if n_src != 1 else ''}"
            f" <span style='color:#888'>(importance {ev.importance:.2f})</span>",
        )
    )
    if ev.other_dates:
        # Sources disagree on the date: say so, and what the others said.
        others = "; ".join(
            f"{e(format_date(d))} ({n} source{'s' if n != 1 else ''})" for d, n in ev.other_dates
        )
        rows.append(
            ("Other dates", f"<span style='color:#b35c00'>Sources disagree: {others}</span>")
        )
    if ev.created_by == "user":
        rows.append(("Edited", "by you"))
    table = "".join(
        f"<tr><td style='color:#777;padding-right:10px'>{k}</td><td>{v}</td></tr>" for k, v in rows
    )
    out = [f"<h3 style='margin-bottom:4px'>{e(ev.title)}</h3>", f"<table>{table}</table>"]
    n = len(ev.passages)
    out.append(
        f"<h4 style='margin-top:12px;margin-bottom:2px'>Source passage{'s' if n != 1 else ''} ({n})</h4>"
    )
    for p in ev.passages:
        title, adate, url, badge = articles.get(
            p.article_id, (ev.article_title or "(article)", ev.article_date, ev.article_url, None)
        )
        meta = f"<b>{e(title)}</b>"
        if adate:
            meta += f" · {e(format_date(adate))}"
        if badge:
            meta += f" <span style='background:#f5b942;color:#3b2a00'>&nbsp;{e(badge)}&nbsp;</span>"
        links = [f"<a href='article:{p.article_id}:{p.id or 0}'>Open article</a>"]
        if url:
            links.append(f"<a href='{e(url, quote=True)}'>{e(url)}</a>")
        out.append(
            "<div style='margin-top:8px'>"
            f"<blockquote style='margin:4px 0 4px 8px'>“{highlight_quote(p)}”</blockquote>"
            f"<div>{meta}<br/>Date expression: <i>{e(p.timex)}</i><br/>{' · '.join(links)}</div>"
            "</div>"
        )
    return "".join(out)


class SourcePane(QTextBrowser):
    """Read-only rich text pane showing one event (objectName ``sourcePassage``)."""

    open_article_requested = Signal(int, int)  # article id, passage id (0 if unknown)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePassage")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.clear_event()

    def loadResource(self, _type: int, _name: QUrl):  # noqa: N802 - Qt override
        return None  # nothing is ever loaded, local or remote

    def clear_event(self) -> None:
        self.shown_event: Event | None = None
        self.setHtml(EMPTY_HTML)

    def show_event(self, ev: Event | None, articles: dict | None = None) -> None:
        if ev is None:
            self.clear_event()
            return
        self.shown_event = ev
        self.setHtml(event_html(ev, articles or {}))

    def _on_link(self, url: QUrl) -> None:
        s = url.toString()
        if s.startswith("article:"):
            _, aid, pid = (s.split(":") + ["0"])[:3]
            self.open_article_requested.emit(int(aid), int(pid or 0))
        elif url.scheme() in ("http", "https"):
            # The user's own browser fetches it, on an explicit click; Tracker never does.
            QDesktopServices.openUrl(url)
