"""The article list: title, publication date, an "assumed date" badge and the event count.

An article whose date was taken from the file (or not found) carries a visible
badge, because every relative date in it was resolved against a guess; the
context menu and a double-click on the badge set the real date in one step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from tracker.model import Article
from tracker.ui.formatting import format_date

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

BADGE_TEXT = "date assumed"


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []

    def set_articles(self, articles: Sequence[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        self.endResetModel()

    def articles(self) -> list[Article]:
        return list(self._articles)

    def row_of(self, article_id: int) -> int | None:
        for i, a in enumerate(self._articles):
            if a.id == article_id:
                return i
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._articles)):
            return None
        a = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return a.title or "(untitled)"
        if role == ARTICLE_ROLE:
            return a
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [a.title, f"Published: {format_date(a.anchor_date)}"]
            if a.date_assumed:
                tip.append(
                    "The publication date was not found; it was assumed from the file. "
                    "Right-click › Set publication date… to fix it."
                )
            if a.path:
                tip.append(a.path)
            return "\n".join(tip)
        return None


def subtitle(a: Article) -> str:
    n = a.event_count
    return f"{format_date(a.anchor_date)} · {n} event{'s' if n != 1 else ''}"


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: bold title, then date and event count with an amber badge."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + self.PAD * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        a: Article | None = index.data(ARTICLE_ROLE)
        if a is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlpha(170)
        r = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        fm = option.fontMetrics
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(fg)
        title = painter.fontMetrics().elidedText(
            index.data() or "", Qt.TextElideMode.ElideRight, r.width()
        )
        painter.drawText(
            QRect(r.left(), r.top(), r.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        painter.setFont(option.font)
        painter.setPen(dim)
        line2 = QRect(r.left(), r.top() + fm.height() + self.PAD, r.width(), fm.height())
        sub = subtitle(a)
        painter.drawText(
            line2, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), sub
        )
        if a.date_assumed:
            x = line2.left() + fm.horizontalAdvance(sub) + 8
            w = fm.horizontalAdvance(BADGE_TEXT) + 10
            badge = QRect(x, line2.top(), w, fm.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f5b942"))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("#3b2a00"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), BADGE_TEXT)
        painter.restore()


class ArticleList(QListView):
    """List of imported articles with actions to open, filter by, and re-date one."""

    article_selected = Signal(int)
    set_date_requested = Signal(int)
    filter_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.list_model = ArticleListModel(self)
        self.setModel(self.list_model)
        self.setItemDelegate(ArticleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.doubleClicked.connect(self._on_double)
        self._quiet = False

    def set_articles(self, articles: Sequence[Article]) -> None:
        current = self.current_article_id()
        self._quiet = True
        try:
            self.list_model.set_articles(articles)
            if current is not None:
                self.select_article(current)
        finally:
            self._quiet = False

    def current_article_id(self) -> int | None:
        a = self.currentIndex().data(ARTICLE_ROLE)
        return a.id if a is not None else None

    def select_article(self, article_id: int | None) -> None:
        row = self.list_model.row_of(article_id) if article_id is not None else None
        quiet, self._quiet = self._quiet, True
        try:
            if row is None:
                self.clearSelection()
            else:
                idx = self.list_model.index(row)
                self.setCurrentIndex(idx)
                self.scrollTo(idx)
        finally:
            self._quiet = quiet

    def _on_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        a = current.data(ARTICLE_ROLE)
        if a is not None and not self._quiet:
            self.article_selected.emit(a.id)

    def _on_double(self, index: QModelIndex) -> None:
        a = index.data(ARTICLE_ROLE)
        if a is not None and a.date_assumed:
            self.set_date_requested.emit(a.id)
        elif a is not None:
            self.filter_requested.emit(a.id)

    def _menu(self, pos) -> None:
        a = self.indexAt(pos).data(ARTICLE_ROLE)
        if a is None:
            return
        menu = QMenu(self)
        open_act = QAction("Open article", menu)
        open_act.triggered.connect(lambda: self.article_selected.emit(a.id))
        date_act = QAction("Set publication date…", menu)
        date_act.triggered.connect(lambda: self.set_date_requested.emit(a.id))
        filt_act = QAction("Show only this article's events", menu)
        filt_act.triggered.connect(lambda: self.filter_requested.emit(a.id))
        menu.addActions([open_act, date_act, filt_act])
        menu.exec(self.viewport().mapToGlobal(pos))
