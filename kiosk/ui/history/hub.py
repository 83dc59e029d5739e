"""The history section's front page: a few ways in — timeline, people, places, events,
aphorisms, topics and (when a map was imported) the map.

Each way in is a large card: the kind's mark in Kai, its name, a line on what
is inside, and how many.  Ways with nothing inside are not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import PressableMixin
from kiosk.ui.widgets.cards import draw_glyph
from kiosk.ui.widgets.text import fit_font, wrap_lines


@dataclass(frozen=True)
class Way:
    key: str  # strings.py: the name is tr(key), the line beneath tr("about_" + key)
    screen: str
    glyph_kind: str  # cards.GLYPHS key, or a character


WAYS = (
    Way("timeline", "timeline", "年"),
    Way("person", "people", "person"),
    Way("place", "places", "place"),
    Way("event", "events", "event"),
    Way("aphorism", "aphorisms", "aphorism"),
    Way("topic", "topics", "topic"),
    Way("map", "map", "图"),
)


class WayTile(PressableMixin, QWidget):
    clicked = Signal()

    def __init__(self, ctx: Context, way: Way, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.way, self.count = ctx, way, count
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(ctx.m.touch_min * 2)

    def paintEvent(self, event) -> None:
        """Side by side (mark | name, about, count) when the tile is wide; else stacked."""
        ctx, m = self.ctx, self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect())
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        pad = m.px(32)
        wide = r.width() >= 1.8 * r.height()
        side = min(m.px(150), (r.height() - 2 * pad) * (1 if wide else 0.4))
        name_font = m.section(ctx.lang)
        about_font = m.caption(ctx.lang)
        count_font = m.label(ctx.lang)
        nm, am, cm = QFontMetrics(name_font), QFontMetrics(about_font), QFontMetrics(count_font)
        if wide:
            glyph = QRectF(r.left() + pad, r.top() + (r.height() - side) / 2, side, side)
            rule = QRectF(glyph.right() + pad, glyph.top(), max(1, m.px(3)), glyph.height())
            x = rule.right() + pad
        else:
            glyph = QRectF(r.left() + pad, r.top() + pad, side, side)
            rule = QRectF(r.left() + pad, glyph.bottom() + pad / 2, side, max(1, m.px(3)))
            x = r.left() + pad
        width = r.right() - pad - x
        draw_glyph(p, m, glyph, self.way.glyph_kind)
        p.fillRect(rule, theme.CELADON)  # a thin celadon rule: the colour of links
        name = ctx.tr(self.way.key)
        about = wrap_lines(ctx.tr("about_" + self.way.key), about_font, width, 2)
        block = nm.height() + m.px(8) + len(about) * am.lineSpacing() + m.px(8) + cm.height()
        # Wide: centred beside the mark; stacked: from the top, so names line up in a row.
        y = r.top() + (r.height() - block) / 2 if wide else rule.bottom() + pad / 2
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        p.setPen(theme.INK)
        p.setFont(fit_font(name_font, name, width))
        p.drawText(QRectF(x, y, width, nm.height()), left, name)
        y += nm.height() + m.px(8)
        p.setPen(theme.INK_SOFT)
        p.setFont(about_font)
        for line in about:
            p.drawText(QRectF(x, y, width, am.height()), left, line)
            y += am.lineSpacing()
        p.setPen(theme.CELADON)
        p.setFont(count_font)
        p.drawText(
            QRectF(x, y + m.px(8), width, cm.height()), left, ctx.tr("count").format(n=self.count)
        )
        self._press_overlay(p, path)

    def activate(self) -> None:
        self.clicked.emit()


class HistoryScreen(InnerScreen):
    name = "history"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.grid = QGridLayout()
        self.body.addLayout(self.grid, 1)
        self.tiles: list[WayTile] = []
        self._shape: tuple[int, bool] | None = None
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("history")

    def counts(self) -> dict[str, int]:
        library = self.ctx.library
        counts = library.counts()
        dated = sum(
            1
            for row in library.rows(["person", "event"])
            if row.get("year_from") is not None or row.get("year_to") is not None
        )
        places = library.rows(["place"])
        pinned = 0
        for region in library.maps():
            pinned = max(pinned, sum(1 for row in places if region.position(row) is not None))
        return {
            **{w.key: counts.get(w.key, 0) for w in WAYS},
            "timeline": dated,
            "map": pinned,
        }

    def enter(self, **args: Any) -> None:
        if self._shape is None or self.ctx.library.changed(self):
            self._rebuild()

    def prewarm(self) -> None:
        self.ctx.library.changed(self)  # start watching
        self._rebuild()

    def _rebuild(self) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        counts = self.counts()
        self.tiles = []
        for way in WAYS:
            if counts[way.key] == 0:
                continue
            tile = WayTile(self.ctx, way, counts[way.key])
            tile.clicked.connect(lambda w=way: self.ctx.nav.go(w.screen))
            self.tiles.append(tile)
        self._shape = None
        self._arrange()

    def _arrange(self) -> None:
        landscape = self.width() >= self.height()
        n = len(self.tiles)
        columns = (4 if n > 6 else 3) if landscape else 1
        shape = (columns, landscape)
        if shape == self._shape:
            return
        self._shape = shape
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
        rows = max(1, (n + columns - 1) // columns)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        for r in range(8):
            self.grid.setRowStretch(r, 1 if r < rows else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.tiles:
            self._arrange()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "grid"):
            return
        self.grid.setSpacing(self.ctx.m.gutter)
        for tile in self.tiles:
            tile.setMinimumHeight(self.ctx.m.touch_min * 2)
            tile.update()
