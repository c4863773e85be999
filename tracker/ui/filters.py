"""The search box and filter bar that decide which events the window shows.

It only gathers input: ``current_filter()`` turns the widgets into a
``services.EventFilter`` and ``filters_changed`` fires (debounced while
typing). The table, the timeline and File › Export CSV… all use that one filter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QRegularExpression, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from tracker import services
from tracker.model import EventType, Modality

ANY_ACTOR, ANY_TYPE, ANY_MODALITY, ALL_ARTICLES = (
    "Any actor",
    "Any type",
    "Any modality",
    "All articles",
)
_NO_FILTER = {ANY_ACTOR, ANY_TYPE, ANY_MODALITY, ALL_ARTICLES}
#: The "Key events" control: label -> ``EventFilter.level`` (see services.list_events).
KEY_LEVELS = {"All events": None, "Key events": "key", "Top 20": "top20"}
_DATE_RE = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")


class FlowLayout(QLayout):
    """Lays widgets left to right and wraps to a new row when the window is narrow."""

    def __init__(self, parent=None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list = []
        self.setSpacing(spacing)

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int):  # noqa: N802 - Qt override
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int):  # noqa: N802 - Qt override
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line: what a toolbar gives the bar when there is room."""
        sp, m = self.spacing(), self.contentsMargins()
        shown = [i for i in self._items if i.widget() is None or not i.widget().isHidden()]
        w = sum(i.sizeHint().width() for i in shown) + sp * max(len(shown) - 1, 0)
        h = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_h = area.x(), area.y(), 0
        sp = self.spacing()
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_h = area.x(), y + row_h + sp, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + sp
            row_h = max(row_h, hint.height())
        return y + row_h - rect.y() + m.bottom()


def _combo(name: str, tip: str, editable: bool = False) -> QComboBox:
    c = QComboBox()
    c.setObjectName(name)
    c.setToolTip(tip)
    c.setEditable(editable)
    # Sized by a fixed number of characters, not by the longest article title.
    c.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    c.setMinimumContentsLength(8)
    return c


class FilterBar(QWidget):
    filters_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("Search events…  (Ctrl+F, F3 next hit)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.scope = _combo(
            "searchScope", "Search event titles, actors, places and quotes, or whole articles"
        )
        self.scope.addItem("in events", "events")
        self.scope.addItem("in articles", "articles")
        self.show_hidden = QCheckBox("Show hidden", self)
        self.show_hidden.setObjectName("showHidden")
        self.show_hidden.setToolTip("Show the events you hid (they stay out of exports)")
        self.actor = _combo("actorFilter", "Only events involving this actor", editable=True)
        self.type = _combo("typeFilter", "Only events of this type")
        self.modality = _combo("modalityFilter", "Reported, planned, hypothetical or denied")
        self.article = _combo("articleFilter", "Only events from this article")
        self.level = _combo(
            "keyEvents",
            "Key events: every event, only the key ones, or the 20 most important "
            "(ranked by independent sources, later mentions, lead position and precision)",
        )
        for label, level in KEY_LEVELS.items():
            self.level.addItem(label, level)
        for c, chars in ((self.actor, 9), (self.type, 9), (self.modality, 11), (self.article, 12)):
            c.setMinimumContentsLength(chars)
        self.article.setMaximumWidth(170)
        validator = QRegularExpressionValidator(_DATE_RE, self)
        self.date_from = QLineEdit(self)
        self.date_from.setObjectName("dateFrom")
        self.date_to = QLineEdit(self)
        self.date_to.setObjectName("dateTo")
        for w, ph in ((self.date_from, "From date"), (self.date_to, "To date")):
            w.setPlaceholderText(ph)
            w.setToolTip(f"{ph}: YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
            w.setValidator(validator)
            w.setClearButtonEnabled(True)
            w.setFixedWidth(w.fontMetrics().horizontalAdvance("2024-11-13") + 44)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Clear the search and every filter (Ctrl+Shift+L)")
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)

        self.actor.addItem(ANY_ACTOR)
        self.type.addItems([ANY_TYPE, *(str(t) for t in EventType)])
        self.modality.addItems([ANY_MODALITY, *(str(m) for m in Modality)])
        self.article.addItem(ALL_ARTICLES, None)

        self.search.setFixedWidth(210)
        lay = FlowLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.search)
        lay.addWidget(self.scope)
        for w in (
            self.level,
            self.actor,
            self.type,
            self.modality,
            self.article,
            self.date_from,
            self.date_to,
        ):
            lay.addWidget(w)
        lay.addWidget(self.show_hidden)
        lay.addWidget(self.clear_button)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.filters_changed)
        self._quiet = False
        self.search.textChanged.connect(self._typed)
        self.date_from.textChanged.connect(self._typed)
        self.date_to.textChanged.connect(self._typed)
        self.actor.currentTextChanged.connect(self._typed)
        for c in (self.type, self.modality, self.article, self.scope, self.level):
            c.currentIndexChanged.connect(self._changed)
        self.show_hidden.toggled.connect(self._changed)

    def _typed(self, *_args) -> None:
        if not self._quiet:
            self._debounce.start()

    def _changed(self, *_args) -> None:
        if not self._quiet:
            self._debounce.stop()
            self.filters_changed.emit()

    def flush(self) -> None:
        """Apply a pending debounced change now (tests, Enter key)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.filters_changed.emit()

    def current_filter(self):
        def val(text: str) -> str | None:
            t = text.strip()
            return None if not t or t in _NO_FILTER else t

        return services.EventFilter(
            search=val(self.search.text()),
            actor=val(self.actor.currentText()),
            type=val(self.type.currentText()),
            modality=val(self.modality.currentText()),
            date_from=val(self.date_from.text().rstrip("-")),
            date_to=val(self.date_to.text().rstrip("-")),
            article_id=self.article.currentData(),
            search_scope=self.scope.currentData() or "events",
            include_hidden=self.show_hidden.isChecked(),
            level=self.level.currentData(),
        )

    def search_text(self) -> str:
        return self.search.text().strip()

    def is_active(self) -> bool:
        f = self.current_filter()
        return (
            any(
                v is not None
                for k, v in vars(f).items()
                if k not in ("search_scope", "include_hidden")
            )
            or f.include_hidden
        )

    def set_choices(self, actors: Sequence[str], articles: Sequence[tuple[int, str]]) -> None:
        """Refresh the actor and article lists, keeping the current choices."""
        self._quiet = True
        try:
            actor = self.actor.currentText()
            self.actor.clear()
            self.actor.addItems([ANY_ACTOR, *actors])
            self.actor.setCurrentText(actor or ANY_ACTOR)
            art = self.article.currentData()
            self.article.clear()
            self.article.addItem(ALL_ARTICLES, None)
            for aid, title in articles:
                self.article.addItem(title or "(untitled)", aid)
            i = self.article.findData(art)
            self.article.setCurrentIndex(i if i >= 0 else 0)
        finally:
            self._quiet = False

    def set_filter(self, flt) -> None:
        """Show ``flt`` in the bar (a saved view); emits one ``filters_changed``."""
        self._quiet = True
        try:
            self.search.setText(flt.search or "")
            self.actor.setCurrentText(flt.actor or ANY_ACTOR)
            self.type.setCurrentText(flt.type or ANY_TYPE)
            self.modality.setCurrentText(flt.modality or ANY_MODALITY)
            self.date_from.setText(flt.date_from or "")
            self.date_to.setText(flt.date_to or "")
            self.scope.setCurrentIndex(max(self.scope.findData(flt.search_scope), 0))
            self.show_hidden.setChecked(flt.include_hidden)
            self.level.setCurrentIndex(max(self.level.findData(flt.level), 0))
            k = self.article.findData(flt.article_id)
            self.article.setCurrentIndex(k if k >= 0 else 0)
        finally:
            self._quiet = False
        self._debounce.stop()
        self.filters_changed.emit()

    def set_article(self, article_id: int | None) -> None:
        i = self.article.findData(article_id)
        self.article.setCurrentIndex(i if i >= 0 else 0)

    def clear(self) -> None:
        self._quiet = True
        try:
            self.search.clear()
            self.actor.setCurrentText(ANY_ACTOR)
            for c in (self.type, self.modality, self.article, self.scope, self.level):
                c.setCurrentIndex(0)
            self.show_hidden.setChecked(False)
            self.date_from.clear()
            self.date_to.clear()
        finally:
            self._quiet = False
        self._debounce.stop()
        self.filters_changed.emit()

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt override
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
        super().keyPressEvent(e)
