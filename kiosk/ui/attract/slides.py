"""What the attract loop shows besides pictures and films: cards, the placeholder, captions.

Cards are aphorisms, couplets (kiosk.ui.widgets.couplet), warning cases
(kiosk.ui.cases.card) and riddles, whose answer card (``revealed``) replaces the
riddle card after a pause.

Cards and the placeholder are rendered into pixmaps the size of the picture
layer (at its device pixel ratio), on night; the placeholder (nothing
playable) shows the exhibition's name, the time and the date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.playlist import Slot
from kiosk.strings import field
from kiosk.ui.attract.band import paper
from kiosk.ui.cases.card import CaseCard, paint_case
from kiosk.ui.pledge.card import WallCard, paint_wall_card
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.aphorism import Aphorism, paint_aphorism
from kiosk.ui.widgets.couplet import Couplet, compose_couplet, paint_couplet
from kiosk.ui.widgets.riddle import paint_riddle_card
from kiosk.ui.widgets.text import latin_serif

#: The slots shown as cards rendered here (``Slides.card``), not as a picture or a film.
CARDS = ("aphorism", "couplet", "riddle", "case", "pledge")


def caption(slot: Slot) -> tuple[str, str]:
    """The band's caption for ``slot``: (title · author, English title)."""
    if slot.show in CARDS:
        return "", ""  # the card carries the text and its source
    item = slot.item
    title = field(item, "title", "zh")
    by = (item.get("author_zh") or item.get("source_zh") or "").strip()
    zh = " · ".join(x for x in (title, by) if x)
    en = (item.get("title_en") or "").strip()
    return zh, en


class Slides:
    """Renders the cards and the placeholder at the size of ``surface`` (the layer)."""

    def __init__(self, ctx: Context, surface: QWidget, now: Callable[[], datetime]) -> None:
        self.ctx = ctx
        self.surface = surface
        self._now = now

    def _canvas(self) -> QPixmap:
        size = self.surface.size()
        ratio = self.surface.devicePixelRatioF()
        pm = QPixmap(QSize(round(size.width() * ratio), round(size.height() * ratio)))
        pm.setDevicePixelRatio(ratio)
        pm.fill(theme.NIGHT)
        return pm

    def canvas(self) -> QPixmap:
        """A night pixmap the size of the layer, for a card drawn elsewhere (a song's)."""
        return self._canvas()

    def card(self, slot: Slot, *, revealed: bool = False) -> QPixmap:
        """The card showing ``slot`` (one of CARDS): an aphorism's, a couplet's, a warning
        case's or a riddle's (with its answer when ``revealed``)."""
        pm = self._canvas()
        size = self.surface.size()
        m = self.ctx.m
        inset = m.margin / 2
        area = QRectF(inset, inset, size.width() - 2 * inset, size.height() - 2 * inset)
        p = QPainter(pm)
        if slot.show == "couplet":
            couplet = Couplet.from_item(slot.item, "zh")
            paint_couplet(p, compose_couplet(area, couplet, m, english=True), m)
        elif slot.show == "riddle":
            paint_riddle_card(p, area, slot.item, m, revealed=revealed)
        elif slot.show == "case":
            paint_case(p, area, CaseCard.from_item(slot.item), m)
        elif slot.show == "pledge":  # the signature wall, read afresh for each showing
            paint_wall_card(p, area, WallCard.from_library(self.ctx.library), m)
        else:
            paint_aphorism(p, area, Aphorism.from_item(slot.item), m, english=True)
        p.end()
        return pm

    def placeholder(self) -> QPixmap:
        pm = self._canvas()
        size = self.surface.size()
        m = self.ctx.m
        ex = self.ctx.settings.exhibition
        now = self._now()
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        cx, cy = size.width() / 2, size.height() / 2
        width = size.width() - 2 * m.margin
        name_font = m.display(96 if size.width() >= size.height() else 72)
        fm = QFontMetricsF(name_font)
        while fm.horizontalAdvance(ex.name_zh) > width and name_font.pixelSize() > m.px(40):
            name_font.setPixelSize(name_font.pixelSize() - 2)
            fm = QFontMetricsF(name_font)
        en_font = latin_serif(m, 32)
        date_font = m.font("serif", 30)
        time_font = m.font("serif", 64)
        rule = m.px(56)

        def line(text: str, font: QFont, color: QColor, y: float) -> float:
            f = QFontMetricsF(font)
            text = f.elidedText(text, Qt.TextElideMode.ElideRight, width)
            p.setFont(font)
            p.setPen(color)
            p.drawText(QPointF(cx - f.horizontalAdvance(text) / 2, y + f.ascent()), text)
            return y + f.height()

        heights = fm.height() + m.px(20) + QFontMetricsF(en_font).height() + rule * 2
        heights += QFontMetricsF(time_font).height() + m.px(8) + QFontMetricsF(date_font).height()
        y = cy - heights / 2
        y = line(ex.name_zh, name_font, paper(0.94), y)
        y = line(ex.name_en, en_font, paper(0.6), y + m.px(20))
        y += rule
        p.setPen(theme.SEAL)
        p.fillRect(QRectF(cx - m.px(28), y - m.px(2), m.px(56), m.px(3)), theme.SEAL)
        y += rule
        y = line(now.strftime("%H:%M"), time_font, paper(0.9), y)
        weekday = "一二三四五六日"[now.weekday()]
        date_text = f"{now.year}年{now.month}月{now.day}日　星期{weekday}"
        line(date_text, date_font, paper(0.6), y + m.px(8))
        p.end()
        return pm
