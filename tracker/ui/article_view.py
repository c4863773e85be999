"""The article view: an article's full text with every extracted date as a clickable highlight.

The text is shown as plain text in a QTextDocument (HTML sources were already
reduced to text on import, and nothing is ever loaded from the network).
Each date expression that produced an event becomes an anchor ``event:ID``;
clicking it selects that event, and selecting an event elsewhere scrolls here to
its sentence and highlights it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from tracker.model import Article, Event, Passage
from tracker.ui import date_wording
from tracker.ui.formatting import format_date

DATE_BG = QColor("#ffe08a")
SENTENCE_BG = QColor("#cfe3ff")
SEARCH_BG = QColor("#b8ecb0")


def utf16_index(text: str):
    """Map Python str indices to QTextDocument positions (UTF-16 code units)."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    prefix = [0]
    for c in text:
        prefix.append(prefix[-1] + (2 if ord(c) >= 0x10000 else 1))
    return lambda i: prefix[max(0, min(i, len(text)))]


class ArticleView(QTextBrowser):
    """Read-only text of one article (objectName ``articleView``)."""

    event_clicked = Signal(int)
    new_event_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.article: Article | None = None
        self.search_term = ""  # occurrences are highlighted (the search's hits)
        self._events: list[Event] = []
        self._hit_count = 0
        self._passages: dict[int, Passage] = {}  # event id -> its passage in this article
        self._pos = utf16_index("")
        self.document().setDocumentMargin(12)

    def loadResource(self, _type: int, _name: QUrl):  # noqa: N802 - Qt override
        return None

    def show_article(self, article: Article | None, events: Sequence[Event] = ()) -> None:
        self.setExtraSelections([])
        self._passages = {}
        self._events = list(events)
        self._hit_count = 0
        self.article = article
        if article is None:
            self.setPlainText("")
            return
        text = article.text or ""
        self._pos = utf16_index(text)
        self.setPlainText(text)
        done: set[tuple[int, int]] = set()
        for ev in events:
            for p in ev.passages:
                if p.article_id != article.id or ev.id is None:
                    continue
                self._passages.setdefault(ev.id, p)
                span = (p.timex_start, p.timex_end)
                if span in done or not (0 <= p.timex_start < p.timex_end <= len(text)):
                    continue
                done.add(span)
                self._mark_date(p, ev)
        self._mark_search()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_search(self, term: str) -> None:
        """Highlight ``term`` in the article (its next show, or now if it changed)."""
        term = term.strip()
        if term != self.search_term:
            self.search_term = term
            if self.article is not None:
                # Re-marking keeps the reader's place in the article.
                bar = self.verticalScrollBar()
                place, selected = bar.value(), self.extraSelections()
                self.show_article(self.article, self._events)
                self.setExtraSelections(selected)
                bar.setValue(place)

    def selection_span(self) -> tuple[int, int, int] | None:
        """(article id, start, end) of the selected text as Python str indices, or None."""
        cur = self.textCursor()
        if self.article is None or not cur.hasSelection():
            return None
        text = self.article.text or ""
        a, b = cur.selectionStart(), cur.selectionEnd()
        # Document positions count UTF-16 units; map back to str indices.
        back = (
            {self._pos(i): i for i in range(len(text) + 1)}
            if self._pos(len(text)) != len(text)
            else None
        )
        start, end = (back.get(a, a), back.get(b, b)) if back else (a, b)
        return self.article.id, start, end

    def contextMenuEvent(self, e) -> None:  # noqa: N802 - Qt override
        menu = self.createStandardContextMenu(e.pos())
        menu.addSeparator()
        act = menu.addAction("New event from selection…", self.new_event_requested.emit)
        act.setEnabled(self.textCursor().hasSelection())
        menu.exec(e.globalPos())

    def search_hits(self) -> int:
        return self._hit_count

    def _mark_search(self) -> None:
        self._hit_count = 0
        if not self.search_term:
            return
        fmt = QTextCharFormat()
        fmt.setBackground(SEARCH_BG)
        doc = self.document()
        cur = doc.find(self.search_term)
        while not cur.isNull() and self._hit_count < 5000:
            cur.mergeCharFormat(fmt)
            self._hit_count += 1
            cur = doc.find(self.search_term, cur)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cur = QTextCursor(self.document())
        cur.setPosition(self._pos(start))
        cur.setPosition(self._pos(end), QTextCursor.MoveMode.KeepAnchor)
        return cur

    def _mark_date(self, p: Passage, ev: Event) -> None:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"event:{ev.id}")
        fmt.setBackground(DATE_BG)
        fmt.setForeground(QColor("#222"))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(QColor("#b88a00"))
        fmt.setToolTip(f"{format_date(ev.date, ev.granularity)}: {ev.title}")
        self._cursor(p.timex_start, p.timex_end).mergeCharFormat(fmt)

    def date_rect(self, event_id: int):
        """Viewport rectangle of an event's date expression (for tests and tooltips)."""
        p = self._passages.get(event_id)
        if p is None:
            return None
        cur = QTextCursor(self.document())
        cur.setPosition(self._pos((p.timex_start + p.timex_end) // 2))
        return self.cursorRect(cur)

    def select_event(self, event_id: int | None) -> bool:
        """Highlight an event's sentence and scroll it into view; False if not in this article."""
        p = self._passages.get(event_id) if event_id is not None else None
        if p is None:
            self.setExtraSelections([])
            return False
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(p.sentence_start, p.sentence_end)
        sel.format.setBackground(SENTENCE_BG)
        date_sel = QTextEdit.ExtraSelection()
        date_sel.cursor = self._cursor(p.timex_start, p.timex_end)
        date_sel.format.setBackground(QColor("#ffc93c"))
        date_sel.format.setProperty(QTextFormat.Property.FontWeight, 700)
        self.setExtraSelections([sel, date_sel])
        self._scroll_to(p.sentence_start)
        return True

    def _scroll_to(self, start: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(self._pos(start))
        self.setTextCursor(cur)
        rect = self.cursorRect(cur)
        bar = self.verticalScrollBar()
        # Put the sentence about a third of the way down rather than at the very edge.
        bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def _on_anchor(self, url: QUrl) -> None:
        s = url.toString()
        if s.startswith("event:"):
            self.event_clicked.emit(int(s.split(":", 1)[1]))


class ArticlePanel(QWidget):
    """The article view with a header naming the article, its date and source."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("articleHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(8, 6, 8, 6)
        self.header_text = ""  # the header as plain text (what the rich text says)
        self.view = ArticleView(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(self.view, 1)
        self._shown: tuple | None = None
        self.show_article(None)

    def show_article(self, article: Article | None, events: Sequence[Event] = ()) -> None:
        shown = (article, tuple(events))
        if article is not None and shown == self._shown:
            return  # a refresh that changed nothing here keeps the reader's scroll position
        self._shown = shown
        if article is None:
            self.header_text = (
                "No article open. Select one in the article list, or "
                "“Open article” in the details pane."
            )
            self.header.setText(html.escape(self.header_text))
        else:
            title, line = article.title or "(untitled)", date_wording.date_line(article)
            if article.source_name:
                line += f" · {article.source_name}"
            self.header_text = f"{title}\n{line}"
            badge = date_wording.badge(article)
            if badge and line.startswith(badge + " · "):  # "date unknown · suggested: …"
                line = line[len(badge) + 3 :]
            shown = html.escape(line)
            if badge:
                shown = (
                    "<span style='background:#f5b942;color:#3b2a00'>"
                    f"&nbsp;{html.escape(badge)}&nbsp;</span>&nbsp; {shown}"
                )
            self.header.setText(
                f"{html.escape(title)}<br/><span style='font-weight:normal'>{shown}</span>"
            )
        self.view.show_article(article, events)
