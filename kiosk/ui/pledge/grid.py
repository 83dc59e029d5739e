"""The wall's grid of signatures, newest first, flicked with a finger.

Virtual: only the cells in view are painted (a row's top is ``row × cell height``), so ten
thousand signatures cost no more than a screenful; pictures are decoded off the GUI thread
by the shared picture loader (``ctx.images``, which caches them) and drawn as they come.
The newest signature may arrive: it fades in and settles from 96 % to full size in
``ARRIVE_MS`` (ease-out, no bounce; VISUAL.md).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEasingCurve, QRect, QRectF, QSize, Qt, QVariantAnimation
from PySide6.QtGui import QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from kiosk.catalog.library import Signed
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.scrolling import kinetic

CELL_MIN_WIDTH = 300  # 1080p px: five columns on a landscape screen, three in portrait
CELL_RATIO = 0.55  # cell height / width: a 2:1 picture and its margin
ARRIVE_MS = 360
THUMBS_KEPT = 400  # pictures held by the grid itself (the loader's cache holds more)


class SignatureGrid(QAbstractScrollArea):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.signed: list[Signed] = []
        self.arrived: int | None = None  # the id of the signature arriving
        self.arrival = 1.0
        self.paints = 0  # paint events (benchmarks count frames with it)
        self._thumbs: OrderedDict[int, QPixmap] = OrderedDict()
        self._asked: set[tuple[int, int]] = set()
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(ARRIVE_MS)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._arriving)
        kinetic(self)
        self.viewport().setAutoFillBackground(True)
        pal = self.viewport().palette()
        pal.setColor(pal.ColorRole.Window, theme.PAPER)
        pal.setColor(pal.ColorRole.Base, theme.PAPER)
        self.viewport().setPalette(pal)

    # ------------------------------------------------------------------ content
    def set_signatures(self, signed: list[Signed], arrived: int | None = None) -> None:
        self.signed = signed
        self.arrived = arrived
        self._layout()
        self.verticalScrollBar().setValue(0)
        if arrived is not None:
            self.arrival = 0.0
            self._animation.stop()
            self._animation.start()
        else:
            self.arrival = 1.0
        self.viewport().update()

    def _arriving(self, value) -> None:
        self.arrival = float(value)
        rect = self.cell_rect(0)
        self.viewport().update(rect)

    # ------------------------------------------------------------------ geometry
    def columns(self) -> int:
        width = max(1, self.viewport().width())
        return max(1, int(width // max(1, self.ctx.m.px(CELL_MIN_WIDTH))))

    def cell_size(self) -> QSize:
        width = self.viewport().width() // self.columns()
        return QSize(width, round(width * CELL_RATIO))

    def rows(self) -> int:
        return -(-len(self.signed) // self.columns())

    def cell_rect(self, n: int) -> QRect:
        """Cell ``n`` in viewport coordinates."""
        size, columns = self.cell_size(), self.columns()
        top = (n // columns) * size.height() - self.verticalScrollBar().value()
        return QRect((n % columns) * size.width(), top, size.width(), size.height())

    def _layout(self) -> None:
        h = self.cell_size().height()
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self.rows() * h - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(max(1, h // 4))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._asked.clear()
        self._thumbs.clear()
        self._layout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # ------------------------------------------------------------------ paint
    def visible_range(self) -> range:
        size, columns = self.cell_size(), self.columns()
        if size.height() <= 0:
            return range(0)
        top = self.verticalScrollBar().value()
        first = top // size.height() * columns
        last = (top + self.viewport().height()) // size.height() * columns + columns
        return range(first, min(last, len(self.signed)))

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        gap = m.px(12)
        for n in self.visible_range():
            cell = self.cell_rect(n)
            if not cell.intersects(event.rect()):
                continue
            s = self.signed[n]
            card = QRectF(cell.adjusted(gap // 2, gap // 2, -(gap - gap // 2), -(gap - gap // 2)))
            arriving = s.id == self.arrived and self.arrival < 1.0
            if arriving:
                p.save()
                p.setOpacity(self.arrival)
                scale = 0.96 + 0.04 * self.arrival
                c = card.center()
                p.translate(c)
                p.scale(scale, scale)
                p.translate(-c)
            path = QPainterPath()
            path.addRoundedRect(card, m.radius, m.radius)
            p.fillPath(path, theme.PAPER_DEEP)
            pixmap = self._thumb(s, card.size().toSize() - QSize(2 * gap, 2 * gap))
            if pixmap is not None:
                size = pixmap.size().scaled(
                    card.size().toSize() - QSize(2 * gap, 2 * gap),
                    Qt.AspectRatioMode.KeepAspectRatio,
                )
                x = card.left() + (card.width() - size.width()) / 2
                y = card.top() + (card.height() - size.height()) / 2
                p.drawPixmap(QRectF(x, y, size.width(), size.height()).toRect(), pixmap)
            if arriving:
                p.restore()
        p.end()
        self.paints += 1

    def _thumb(self, s: Signed, size: QSize) -> QPixmap | None:
        pixmap = self._thumbs.get(s.id)
        if pixmap is not None:
            self._thumbs.move_to_end(s.id)
            return pixmap
        key = (s.id, size.width())
        if s.picture is not None and key not in self._asked and size.width() > 0:
            self._asked.add(key)
            self.ctx.images.request(s.picture, size, self, lambda pm, i=s.id: self._got(i, pm))
        return self._thumbs.get(s.id)

    def _got(self, signature_id: int, pixmap: QPixmap) -> None:
        self._thumbs[signature_id] = pixmap
        while len(self._thumbs) > THUMBS_KEPT:
            old, _ = self._thumbs.popitem(last=False)
            self._asked = {k for k in self._asked if k[0] != old}
        for n in self.visible_range():
            if self.signed[n].id == signature_id:
                self.viewport().update(self.cell_rect(n))
                break
