"""The wall as the attract loop shows it: a paper card with the pledge's heading, how many
have signed (Chinese and English) and the newest signatures drawn from their strokes (no
picture to decode on the GUI thread); with none yet, an invitation to be the first."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPainterPath, QPen

from kiosk.catalog.library import Library, Signature
from kiosk.strings import field, trn
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.aphorism import paint_paper_card
from kiosk.ui.widgets.text import latin_serif

SHOWN = 12  # the newest signatures on the card (4 × 3 landscape, 3 × 4 portrait)


@dataclass(frozen=True)
class WallCard:
    heading_zh: str
    heading_en: str
    count: int
    newest: tuple[Signature, ...]

    @classmethod
    def from_library(cls, library: Library) -> WallCard:
        pledge = library.pledge_text() or {}
        return cls(
            field(pledge, "title", "zh") or trn("pledges", "zh", 1),
            field(pledge, "title", "en") or trn("pledges", "en", 1),
            library.pledges.count(),
            tuple(library.pledges.newest_strokes(SHOWN)),
        )


def signature_path(signature: Signature, cell: QRectF) -> tuple[QPainterPath, float]:
    """The signature's strokes fitted (aspect kept, centred) into ``cell``; the scale."""
    xs = [x for s in signature.strokes for x, _ in s]
    ys = [y for s in signature.strokes for _, y in s]
    path = QPainterPath()
    if not xs:
        return path, 1.0
    w, h = max(max(xs) - min(xs), 1), max(max(ys) - min(ys), 1)
    scale = min(cell.width() / w, cell.height() / h)
    ox = cell.left() + (cell.width() - w * scale) / 2 - min(xs) * scale
    oy = cell.top() + (cell.height() - h * scale) / 2 - min(ys) * scale
    for stroke in signature.strokes:
        path.moveTo(QPointF(ox + stroke[0][0] * scale, oy + stroke[0][1] * scale))
        for x, y in stroke[1:]:
            path.lineTo(QPointF(ox + x * scale, oy + y * scale))
        if len(stroke) == 1:
            path.lineTo(QPointF(ox + stroke[0][0] * scale + 0.01, oy + stroke[0][1] * scale))
    return path, scale


def paint_wall_card(p: QPainter, rect: QRectF, card: WallCard, m: theme.Metrics) -> QRectF:
    """The card centred in ``rect``; returns its rectangle."""
    landscape = rect.width() >= rect.height()
    box = QRectF(rect)
    box.setWidth(min(rect.width(), m.px(1600)))
    box.setHeight(min(rect.height(), m.px(900) if landscape else m.px(1500)))
    box.moveCenter(rect.center())
    p.save()
    p.setClipPath(paint_paper_card(p, box, m))
    pad = m.px(64)
    inner = box.adjusted(pad, pad, -pad, -pad)
    y = inner.top()
    lines = [
        (card.heading_zh, m.font("serif", 56, bold=True), theme.INK),
        (card.heading_en, latin_serif(m, 28), theme.INK_SOFT),
        (trn("pledge_wall_count", "zh", card.count), m.font("serif", 40), theme.SEAL),
        (trn("pledge_wall_count", "en", card.count), latin_serif(m, 26), theme.INK_SOFT),
    ]
    if not card.count:
        lines += [
            (trn("pledge_wall_none", "zh", 0), m.font("serif", 34), theme.INK),
            (trn("pledge_wall_none", "en", 0), latin_serif(m, 26), theme.INK_SOFT),
        ]
    for text, font, color in lines:
        fm = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(color)
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        p.drawText(
            QPointF(inner.center().x() - fm.horizontalAdvance(text) / 2, y + fm.ascent()), text
        )
        y += fm.height() + m.px(12)
    columns, rows = (4, 3) if landscape else (3, 4)
    grid = QRectF(inner.left(), y + m.px(24), inner.width(), inner.bottom() - y - m.px(24))
    cw, ch = grid.width() / columns, grid.height() / rows
    gap = m.px(16)
    for n, signature in enumerate(card.newest[: columns * rows]):
        cell = QRectF(grid.left() + (n % columns) * cw, grid.top() + (n // columns) * ch, cw, ch)
        cell = cell.adjusted(gap, gap, -gap, -gap)
        back = QPainterPath()
        back.addRoundedRect(cell, m.radius, m.radius)
        p.fillPath(back, theme.PAPER_DEEP)
        path, _ = signature_path(signature, cell.adjusted(gap, gap, -gap, -gap))
        pen = QPen(theme.INK, max(1.5, m.px(3)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.restore()
    return box
