"""The gallery's grid: every work of a kind as a card, flicked with a finger.

A card is the picture fitted (never cropped) on a mat, the title and the era
beneath.  The grid is a ``QListView`` that scrolls with ``QScroller`` and
paints only the cards in view, so hundreds of photos cost nothing until seen;
thumbnails come from the shared picture loader as cards are painted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QScroller,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.catalog.library import Work
from kiosk.strings import field
from kiosk.ui.gallery.caption import era_line
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.scrolling import no_overshoot
from kiosk.ui.widgets.text import wrap_lines

#: Picture area of a card: width × this.
PICTURE_RATIO = 0.75
#: Narrowest card at 1080p (a landscape screen gets 4 columns, portrait 2).
CARD_MIN_WIDTH = 400


class WorksModel(QAbstractListModel):
    """The works of one kind; thumbnails arrive later from the image loader."""

    def __init__(self) -> None:
        super().__init__()
        self.works: list[Work] = []
        self.thumbs: dict[str, QPixmap] = {}

    def set_works(self, works: list[Work]) -> None:
        self.beginResetModel()
        self.works = list(works)
        self.thumbs = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.works)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.UserRole:
            return None
        return self.works[index.row()]

    def set_thumb(self, key: str, pixmap: QPixmap) -> None:
        self.thumbs[key] = pixmap
        for row, work in enumerate(self.works):
            if work.key == key:
                index = self.index(row)
                self.dataChanged.emit(index, index)
                break


class CardDelegate(QStyledItemDelegate):
    """Paints a work's card: the picture fitted on a mat, the title and the era beneath."""

    def __init__(self, grid: WorkGrid) -> None:
        super().__init__(grid)
        self.grid = grid
        self._asked: set[tuple[str, int, int]] = set()

    def sizeHint(self, option, index) -> QSize:
        return self.grid.gridSize()

    def card_rect(self, cell: QRect) -> QRect:
        g = self.grid.ctx.m.gutter
        return cell.adjusted(g // 2, 0, -(g - g // 2), -g)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index) -> None:
        grid = self.grid
        ctx, m = grid.ctx, grid.ctx.m
        work: Work = index.data(Qt.ItemDataRole.UserRole)
        card = self.card_rect(option.rect)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        path = QPainterPath()
        path.addRoundedRect(QRectF(card), m.radius, m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        pic = grid.picture_rect(card)
        pixmap = grid.works_model.thumbs.get(work.key)
        if pixmap is None:
            self._request(work, pic.size())
        else:
            size = pixmap.size().scaled(pic.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                pic.left() + (pic.width() - size.width()) // 2,
                pic.top() + (pic.height() - size.height()) // 2,
                size.width(),
                size.height(),
            )
            p.drawPixmap(target, pixmap)
            edge = QColor(theme.INK)
            edge.setAlpha(24)
            p.setPen(QPen(edge, 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5))
        # title and era
        x = card.left() + m.px(24)
        width = card.width() - 2 * m.px(24)
        y = pic.bottom() + 1 + m.px(18)
        title_font = grid.card_title_font()
        fm = QFontMetrics(title_font)
        p.setFont(title_font)
        p.setPen(theme.INK)
        lines = grid.title_lines
        for line in wrap_lines(field(work.item, "title", ctx.lang), title_font, width, lines):
            p.drawText(QRect(x, y, width, fm.lineSpacing()), int(Qt.AlignmentFlag.AlignLeft), line)
            y += fm.lineSpacing()
        y = pic.bottom() + 1 + m.px(18) + fm.lineSpacing() * lines + m.px(6)
        caption = m.caption(ctx.lang)
        cm = QFontMetrics(caption)
        p.setFont(caption)
        p.setPen(theme.INK_SOFT)
        line = cm.elidedText(era_line(work.item, ctx.lang), Qt.TextElideMode.ElideRight, width)
        p.drawText(QRect(x, y, width, cm.lineSpacing()), int(Qt.AlignmentFlag.AlignLeft), line)
        if grid.pressed_row == index.row():
            p.fillPath(path, QColor(0, 0, 0, 16))
        p.restore()

    def _request(self, work: Work, size: QSize) -> None:
        source = work.thumb or work.display
        if source is None or size.width() <= 0:
            return
        key = (work.key, size.width(), size.height())
        if key in self._asked:
            return
        self._asked.add(key)
        model = self.grid.works_model
        self.grid.ctx.images.request(
            source, size, self.grid, lambda pm, k=work.key: model.set_thumb(k, pm)
        )

    def forget(self) -> None:
        self._asked.clear()


class WorkGrid(QListView):
    """The cards, flicked with a finger; a press darkens its card by 6 %.

    Columns follow the width (cards at least ``CARD_MIN_WIDTH`` px at 1080p);
    card titles get as many lines as the longest needs, at most two.
    """

    def __init__(self, ctx: Context, model: WorksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.works_model = model
        self.pressed_row: int | None = None
        self.title_lines = 1
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(False)
        self.viewport().setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(pal.ColorRole.Base, theme.PAPER)
        pal.setColor(pal.ColorRole.Window, theme.PAPER)
        self.setPalette(pal)
        self.viewport().setPalette(pal)
        no_overshoot(self.viewport())
        QScroller.scroller(self.viewport()).stateChanged.connect(self._scroller_state)
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.viewport().installEventFilter(self)  # lay the cards out again on each resize

    def _scroller_state(self, state) -> None:
        if state == QScroller.State.Dragging and self.pressed_row is not None:
            self.pressed_row = None
            self.viewport().update()

    def mousePressEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        self.pressed_row = index.row() if index.isValid() else None
        self.viewport().update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self.pressed_row = None
        self.viewport().update()
        super().mouseReleaseEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.viewport() and event.type() == event.Type.Resize:
            self.layout_cards()
        return super().eventFilter(obj, event)

    # ---------------------------------------------------------------- layout
    def card_title_font(self) -> QFont:
        m = self.ctx.m
        return m.font("serif", 38 if m.large else 32, bold=True, lang=self.ctx.lang)

    def columns(self) -> int:
        m = self.ctx.m
        width = self.viewport().width()
        card = m.px(CARD_MIN_WIDTH + (120 if m.large else 0))
        return max(2, (width + m.gutter) // (card + m.gutter))

    def layout_cards(self) -> None:
        m = self.ctx.m
        width = self.viewport().width()
        if width <= 0:
            return
        cols = self.columns()
        cell_w = (width - 1) // cols  # QListView wraps a row that fills the width exactly
        card_w = cell_w - m.gutter
        title_font = self.card_title_font()
        text_w = card_w - 2 * m.px(24)
        lang = self.ctx.lang
        self.title_lines = max(
            (
                len(wrap_lines(field(w.item, "title", lang), title_font, text_w, 2))
                for w in self.works_model.works
            ),
            default=1,
        )
        text_h = (
            m.px(18)
            + QFontMetrics(title_font).lineSpacing() * max(1, self.title_lines)
            + m.px(6)
            + QFontMetrics(m.caption(self.ctx.lang)).lineSpacing()
            + m.px(24)
        )
        cell_h = round(card_w * PICTURE_RATIO) + text_h + m.gutter
        size = QSize(cell_w, cell_h)
        if self.gridSize() != size:
            self.setGridSize(size)
            self.delegate.forget()
        self.viewport().update()

    def picture_rect(self, card: QRect) -> QRect:
        m = self.ctx.m
        pad = m.px(16)
        h = round(card.width() * PICTURE_RATIO)
        return QRect(card.left() + pad, card.top() + pad, card.width() - 2 * pad, h - pad)
