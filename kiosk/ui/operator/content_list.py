"""The Content page's list: every item of one kind, hidden ones too, as cards in display order.

One card per row, painted by a delegate (hundreds of rows scroll as smoothly as ten): the
picture or the kind's glyph, the title, and beneath it the place in the order, whether it
is shown and its key.  The chosen row is outlined in ink; a hidden one sits on paper.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyledItemDelegate

from kiosk.strings import field
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.cards import Card, paint_card, picture_side
from kiosk.ui.widgets.models import ITEM, ObjectListModel
from kiosk.ui.widgets.scrolling import kinetic_list, press_feedback

Row = dict[str, Any]


class ContentList(QListView):
    """Rows of one kind; ``on_pick(row)`` when one is tapped."""

    def __init__(self, ctx: Context, on_pick: Callable[[Row], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.chosen: str | None = None
        self.positions: dict[str, int] = {}  # key -> place in the kind's order (from 1)
        self._pictures: dict[str, Path | None] = {}
        self._thumbs: dict[tuple[str, int], QPixmap] = {}
        self._asked: set[tuple[str, int]] = set()
        self.model_ = ObjectListModel()
        self.setModel(self.model_)
        self.setItemDelegate(_RowDelegate(self))
        self.setUniformItemSizes(True)
        kinetic_list(self)
        press_feedback(self, self)
        self.clicked.connect(lambda index: on_pick(index.data(ITEM)))

    @property
    def rows(self) -> list[Row]:
        return self.model_.items

    def set_rows(self, rows: list[Row], positions: dict[str, int]) -> None:
        self.positions = positions
        self.model_.set_items(rows)

    def forget_pictures(self) -> None:
        """The catalogue changed: pictures are looked up again."""
        self._pictures.clear()
        self._thumbs.clear()
        self._asked.clear()

    def choose(self, key: str | None) -> None:
        self.chosen = key
        for i, row in enumerate(self.rows):
            if row["key"] == key:
                self.scrollTo(self.model_.index(i))
        self.viewport().update()

    def row_height(self) -> int:
        m = self.ctx.m
        title = QFontMetrics(self.title_font()).height()
        text = title + m.px(6) + QFontMetrics(m.caption(self.ctx.lang)).height()
        return max(m.px(112), text + 2 * self.padding())

    def padding(self) -> int:
        return self.ctx.m.px(12)

    def title_font(self):
        m = self.ctx.m
        return m.font("serif", 36 if m.large else 30, bold=True, lang=self.ctx.lang)

    def subtitle(self, row: Row) -> str:
        ctx = self.ctx
        parts = [str(self.positions.get(row["key"], "")), row["key"]]
        if not row["enabled"]:
            parts.insert(1, ctx.tr("manage_hidden"))
        return " · ".join(p for p in parts if p)

    # ------------------------------------------------------------ pictures
    def picture(self, row: Row) -> Path | None:
        if row["key"] not in self._pictures:
            work = self.ctx.library.work(row)
            self._pictures[row["key"]] = work.thumb or work.picture
        return self._pictures[row["key"]]

    def thumb(self, row: Row, size: QSize) -> QPixmap | None:
        wanted = (row["key"], size.width())
        pixmap = self._thumbs.get(wanted)
        if pixmap is not None or wanted in self._asked:
            return pixmap
        path = self.picture(row)
        if path is None:
            return None
        self._asked.add(wanted)

        def loaded(pm: QPixmap) -> None:
            self._thumbs[wanted] = pm
            self.viewport().update()

        self.ctx.images.request(path, size, self, loaded)
        return self._thumbs.get(wanted)


class _RowDelegate(QStyledItemDelegate):
    def __init__(self, view: ContentList) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index) -> QSize:
        return QSize(self.view.viewport().width(), self.view.row_height() + self.view.ctx.m.px(12))

    def paint(self, p: QPainter, option, index) -> None:
        view, m = self.view, self.view.ctx.m
        row: Row = index.data(ITEM)
        rect = QRectF(option.rect).adjusted(0, 0, -m.px(4), -m.px(12))
        pad = view.padding()
        side = picture_side(m, rect.height(), pad)
        pixmap = view.thumb(row, QSize(side, side))
        card = Card(
            title=field(row, "title", view.ctx.lang) or row["key"],
            subtitle=view.subtitle(row),
            kind=row["kind"],
            title_font=view.title_font(),
            caption_font=m.caption(view.ctx.lang),
            pixmap=pixmap,
            has_picture=view.picture(row) is not None,
            pressed=view.pressed_row == index.row(),
            fill=QColor(theme.PAPER_DEEP if row["enabled"] else theme.PAPER),
        )
        paint_card(p, m, rect, card, pad)
        if not row["enabled"] or row["key"] == view.chosen:
            p.save()
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            chosen = row["key"] == view.chosen
            pen = QPen(theme.INK if chosen else theme.INK_SOFT, m.px(3 if chosen else 1))
            if not chosen:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            outline = QPainterPath()
            half = pen.widthF() / 2
            outline.addRoundedRect(rect.adjusted(half, half, -half, -half), m.radius, m.radius)
            p.drawPath(outline)
            p.restore()
