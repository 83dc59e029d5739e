"""The small card that stands for an item wherever one is offered to tap.

Search results and the detail screens' linked tiles look alike: the work's
picture on a paper mat (kept whole, never cropped), or a seal-like glyph for
the item's kind, then the title and one line beneath.  One painter for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap

from kiosk.ui.widgets import theme

PRESSED = QColor(0, 0, 0, 16)  # 6 % darker

# One character per kind, set in Kai inside a thin square: the kind's mark when
# an item has no picture.
GLYPHS = {
    "person": "人",
    "place": "地",
    "event": "事",
    "aphorism": "言",
    "topic": "题",
    "film": "影",
    "poster": "画",
    "calligraphy": "书",
    "photo": "图",
    "couplet": "联",
    "riddle": "谜",
    "case": "案",
}

GALLERY_KINDS = ("poster", "calligraphy", "photo")


def destination(kind: str, key: str) -> tuple[str, dict[str, str]]:
    """The screen (and its arguments) that shows an item of ``kind``."""
    if kind == "film":
        return "film", {"key": key}
    if kind == "song":
        return "song", {"key": key}
    if kind in GALLERY_KINDS:
        return "gallery", {"kind": kind, "key": key}
    if kind == "couplet":
        return "couplet", {"key": key}
    if kind == "riddle":
        return "riddles", {"key": key}
    if kind == "case":
        return "case", {"key": key}
    return "item", {"key": key}


@dataclass
class Card:
    title: str
    subtitle: str
    kind: str
    title_font: QFont
    caption_font: QFont
    pixmap: QPixmap | None = None  # the picture, once loaded
    has_picture: bool = False  # a picture is coming (keep its mat in place meanwhile)
    pressed: bool = False
    fill: QColor = field(default_factory=lambda: QColor(theme.PAPER_DEEP))  # PAPER on a card


def paint_card(p: QPainter, m: theme.Metrics, rect: QRectF, card: Card, pad: int) -> None:
    """Paint ``card`` into ``rect``: a square picture box at the left, text beside it."""
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addRoundedRect(rect, m.radius, m.radius)
    p.fillPath(path, card.fill)
    if card.pressed:
        p.fillPath(path, PRESSED)
    side = rect.height() - 2 * pad
    pic = QRectF(rect.left() + pad, rect.top() + pad, side, side)
    if card.pixmap is not None or card.has_picture:
        _picture(p, m, pic, card.pixmap)
    else:
        draw_glyph(p, m, pic, card.kind)
    x = pic.right() + m.px(28)
    width = text_width(m, rect.width(), rect.height(), pad)
    tm, cm = QFontMetrics(card.title_font), QFontMetrics(card.caption_font)
    gap = m.px(6)
    block = tm.height() + gap + cm.height()
    y = rect.top() + (rect.height() - block) / 2
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    p.setFont(card.title_font)
    p.setPen(theme.INK)
    p.drawText(
        QRectF(x, y, width, tm.height()),
        left,
        tm.elidedText(card.title, Qt.TextElideMode.ElideRight, int(width)),
    )
    p.setFont(card.caption_font)
    p.setPen(theme.INK_SOFT)
    p.drawText(
        QRectF(x, y + tm.height() + gap, width, cm.height()),
        left,
        cm.elidedText(card.subtitle, Qt.TextElideMode.ElideRight, int(width)),
    )
    p.restore()


def text_width(m: theme.Metrics, width: float, height: float, pad: int) -> float:
    """Room for a card's text beside its square picture (see ``paint_card``)."""
    side = height - 2 * pad
    return width - pad - side - 2 * m.px(28)


def picture_side(m: theme.Metrics, rect_height: float, pad: int) -> int:
    """The size to load a card's picture at (the box inside its mat)."""
    return int(rect_height - 2 * pad) - 2 * m.px(6)


def _picture(p: QPainter, m: theme.Metrics, pic: QRectF, pixmap: QPixmap | None) -> None:
    # A mat of paper, the picture whole on it (thumbnails keep their aspect ratio).
    mat = QPainterPath()
    mat.addRoundedRect(pic, m.radius * 0.75, m.radius * 0.75)
    p.fillPath(mat, theme.PAPER)
    if pixmap is None:
        return
    inset = m.px(6)
    box = pic.adjusted(inset, inset, -inset, -inset)
    fitted = QSizeF(pixmap.size()).scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    target = QRectF(
        box.center().x() - fitted.width() / 2,
        box.center().y() - fitted.height() / 2,
        fitted.width(),
        fitted.height(),
    )
    p.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
    edge = QColor(theme.INK)
    edge.setAlpha(24)
    p.setPen(QPen(edge, 1))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5))


def draw_glyph(p: QPainter, m: theme.Metrics, rect: QRectF, kind: str) -> None:
    """The kind's character (or ``kind`` itself, if one character) in Kai in a thin square."""
    inset = rect.width() * 0.14
    square = rect.adjusted(inset, inset, -inset, -inset)
    p.setPen(QPen(theme.INK_SOFT, max(1.5, m.px(2))))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(square, m.px(6), m.px(6))
    p.setFont(m.display(square.height() * 0.62 / max(m.scale, 0.01)))
    p.setPen(theme.INK_SOFT)
    p.drawText(
        square,
        int(Qt.AlignmentFlag.AlignCenter),
        GLYPHS.get(kind, kind if len(kind) == 1 else "文"),
    )
