"""The article list: title, publication date, a badge for doubtful dates and the event count.

An article whose date is unknown, or a suggestion the user accepted, carries a
visible badge, because its relative dates are unplaced or resolved against a
guess; a suggestion is shown as one ("suggested: 13 Nov 2024"), never as the
date. Many articles can be selected; the context menu dates them all at once,
or gives each its own suggested date.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
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
from tracker.ui import date_wording

ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # the second line, beside the badge
BADGE_ROLE = Qt.ItemDataRole.UserRole + 3  # "date unknown", "date assumed" or None
_Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._articles: list[Article] = []
        self._origins: dict[int | None, str] = {}

    def set_articles(self, articles: Sequence[Article]) -> None:
        self.beginResetModel()
        self._articles = list(articles)
        # Where each suggestion came from needs a stat of the file: once per refresh, not per paint.
        self._origins = {
            a.id: date_wording.suggestion_origin(a) for a in self._articles if a.date_unknown
        }
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
        origin = self._origins.get(a.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return a.title or "(untitled)"
        if role == ARTICLE_ROLE:
            return a
        if role == SUBTITLE_ROLE:
            return date_wording.subtitle(a, origin)
        if role == BADGE_ROLE:
            return date_wording.badge(a)
        if role == Qt.ItemDataRole.ToolTipRole:
            return date_wording.tooltip(a, origin)
        return None


def fit_subtitle(text: str, width_of, width: int) -> str:
    """Drop the subtitle's last parts (the event count first) until it fits ``width``.

    A narrow dock then keeps "suggested 7 Mar 2025" whole rather than eliding it.
    """
    parts = text.split(" · ")
    while len(parts) > 1 and width_of(" · ".join(parts)) > width:
        parts.pop()
    return " · ".join(parts)


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article: bold title, then an amber badge (if any), date and event count."""

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
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(QRect(r.left(), r.top(), r.width(), fm.height()), left, title)
        painter.setFont(option.font)
        line2 = QRect(r.left(), r.top() + fm.height() + self.PAD, r.width(), fm.height())
        x = line2.left()
        badge_text = index.data(BADGE_ROLE)
        if badge_text:
            # First, so a narrow dock elides the suggestion and the count, never the badge.
            w = fm.horizontalAdvance(badge_text) + 10
            badge = QRect(x, line2.top(), w, fm.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#f5b942"))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("#3b2a00"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), badge_text)
            x += w + 6
        painter.setPen(dim)
        rest = QRect(x, line2.top(), max(0, line2.right() - x), fm.height())
        sub = fit_subtitle(index.data(SUBTITLE_ROLE) or "", fm.horizontalAdvance, rest.width())
        sub = fm.elidedText(sub, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, left, sub)
        painter.restore()


class ArticleList(QListView):
    """List of imported articles with actions to open, filter by, and re-date them.

    Extended selection: the date actions apply to every selected article.
    """

    article_selected = Signal(int)
    set_date_requested = Signal(int)  # one article (a double-click on a doubtful date)
    set_dates_requested = Signal(list)  # article ids: one date for all
    use_suggested_requested = Signal(list)  # article ids: each its own suggestion
    filter_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.list_model = ArticleListModel(self)
        self.setModel(self.list_model)
        self.setItemDelegate(ArticleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.doubleClicked.connect(self._on_double)
        self._quiet = False

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Show ``articles``, keeping the current article and the selection across the reset."""
        current = self.current_article_id()
        selected = self.selected_article_ids()
        self._quiet = True
        try:
            self.list_model.set_articles(articles)
            if current is not None:
                self.select_article(current)
            if len(selected) > 1:
                self.select_articles(selected, current=current)
        finally:
            self._quiet = False

    def current_article_id(self) -> int | None:
        a = self.currentIndex().data(ARTICLE_ROLE)
        return a.id if a is not None else None

    def selected_article_ids(self) -> list[int]:
        """The selected articles' ids, in list order."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        arts = self.list_model.articles()
        return [arts[r].id for r in rows if 0 <= r < len(arts) and arts[r].id is not None]

    def selected_articles(self) -> list[Article]:
        by_id = {a.id: a for a in self.list_model.articles()}
        return [by_id[i] for i in self.selected_article_ids()]

    def select_article(self, article_id: int | None) -> None:
        row = self.list_model.row_of(article_id) if article_id is not None else None
        quiet, self._quiet = self._quiet, True
        try:
            if row is None:
                self.clearSelection()
            else:
                idx = self.list_model.index(row)
                flags = QItemSelectionModel.SelectionFlag
                if idx != self.currentIndex():
                    # Within a selection it only becomes current: a refresh, or the window
                    # opening the article just clicked, keeps the user's many selected.
                    # (QListView.setCurrentIndex would follow the keys held: Ctrl toggles.)
                    selected = self.selectionModel().isSelected(idx)
                    self.selectionModel().setCurrentIndex(
                        idx, flags.NoUpdate if selected else flags.ClearAndSelect
                    )
                elif not self.selectionModel().isSelected(idx) and not self.selectedIndexes():
                    self.selectionModel().select(idx, flags.ClearAndSelect)
                self.scrollTo(idx)
        finally:
            self._quiet = quiet

    def select_articles(self, article_ids: Sequence[int], current: int | None = None) -> int:
        """Select exactly these articles (quietly: the open article stays); returns how many."""
        rows = [r for r in (self.list_model.row_of(i) for i in article_ids) if r is not None]
        quiet, self._quiet = self._quiet, True
        try:
            sel = QItemSelection()
            for r in rows:
                idx = self.list_model.index(r)
                sel.select(idx, idx)
            flags = QItemSelectionModel.SelectionFlag
            cur_row = self.list_model.row_of(current) if current is not None else None
            if cur_row is None and rows:
                cur_row = rows[0]
            if cur_row is not None:
                self.selectionModel().setCurrentIndex(
                    self.list_model.index(cur_row), flags.NoUpdate
                )
            self.selectionModel().select(sel, flags.ClearAndSelect)
            if rows:
                self.scrollTo(self.list_model.index(rows[0]))
        finally:
            self._quiet = quiet
        return len(rows)

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

    def context_menu_for(self, index: QModelIndex) -> QMenu | None:
        """The menu a right-click on ``index`` opens (built apart from exec, for tests)."""
        a = index.data(ARTICLE_ROLE)
        if a is None:
            return None
        if a.id not in self.selected_article_ids():
            self.select_articles([a.id], current=a.id)  # as file managers do
        ids = self.selected_article_ids()
        n = len(ids)
        menu = QMenu(self)
        open_act = QAction("Open article", menu)
        open_act.triggered.connect(lambda: self.article_selected.emit(a.id))
        open_act.setEnabled(n == 1)
        date_act = QAction("Set publication date…", menu)
        date_act.setStatusTip(
            f"One date for the {n} selected articles" if n > 1 else "Set this article's date"
        )
        date_act.triggered.connect(lambda: self.set_dates_requested.emit(ids))
        with_hint = sum(1 for x in self.selected_articles() if x.date_unknown and x.suggested_date)
        sugg_act = QAction("Use suggested dates", menu)
        sugg_act.setEnabled(with_hint > 0)
        sugg_act.triggered.connect(lambda: self.use_suggested_requested.emit(ids))
        filt_act = QAction("Show only this article's events", menu)
        filt_act.triggered.connect(lambda: self.filter_requested.emit(a.id))
        menu.addActions([open_act, date_act, sugg_act])
        menu.addSeparator()
        menu.addAction(filt_act)
        return menu

    def _menu(self, pos) -> None:
        menu = self.context_menu_for(self.indexAt(pos))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(pos))
