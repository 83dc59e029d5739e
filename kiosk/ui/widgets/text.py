"""Text helpers shared by painted widgets: fitting, wrapping and Latin text set in lines.

``wrap_lines`` (plain lines for list cells and cards) and ``layout_horizontal`` (a laid-out
block to draw, used for English renderings and sources) break text with the same
``QTextLayout`` loop, ``break_lines``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from kiosk.ui.widgets import theme

#: Latin serif faces for English renderings, best first (CJK faces set quotes full-width).
_LATIN_SERIFS = ("Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Times New Roman")


def at_size(font: QFont, px: int) -> QFont:
    """A copy of ``font`` at ``px`` pixels."""
    f = QFont(font)
    f.setPixelSize(px)
    return f


def latin_serif(m: theme.Metrics, size: float) -> QFont:
    """A serif for English text, with the Chinese serif as fallback."""
    font = m.font("serif", size)
    installed = set(QFontDatabase.families())
    latin = [f for f in _LATIN_SERIFS if f in installed][:1]
    font.setFamilies([*latin, *font.families()])
    return font


def fit_font(font: QFont, text: str, width: float, floor: float = 0.6) -> QFont:
    """``font``, made smaller (down to ``floor`` of its size) until ``text`` fits ``width``."""
    size = font.pixelSize()
    smallest = int(size * floor)
    while size > smallest and QFontMetrics(font).horizontalAdvance(text) > width:
        size -= 1
        font.setPixelSize(size)
    return font


# --- line breaking -------------------------------------------------------------------------------


def wrapping_layout(
    text: str, font: QFont, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
) -> QTextLayout:
    """A ``QTextLayout`` of ``text`` that wraps at word boundaries (anywhere in a long word)."""
    layout = QTextLayout(text, font)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    return layout


def break_lines(layout: QTextLayout, width: float) -> Iterator[QTextLine]:
    """Lay ``layout`` out in lines of ``width`` px, yielding each line (the caller may place it).

    The layout is finished when the iteration is.
    """
    layout.beginLayout()
    try:
        while True:
            line = layout.createLine()
            if not line.isValid():
                return
            line.setLineWidth(width)
            yield line
    finally:
        layout.endLayout()


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` px, the last elided."""
    if not text or width <= 0:
        return []
    layout = wrapping_layout(text, font)
    spans = [(line.textStart(), line.textLength()) for line in break_lines(layout, width)]
    lines = [text[start : start + length].strip() for start, length in spans]
    if len(lines) > max_lines:
        rest = text[spans[max_lines - 1][0] :].strip()
        elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, int(width))
        lines = [*lines[: max_lines - 1], elided]
    return lines


# --- Latin text in a block -----------------------------------------------------------------------


@dataclass
class HorizontalLayout:
    layout: QTextLayout
    font: QFont
    px: int
    size: tuple[float, float]  # width of the longest line, height of the block
    lines: int


def build_horizontal(
    text: str, width: float, font: QFont, line_height: float, align: Qt.AlignmentFlag
) -> HorizontalLayout:
    """``text`` wrapped to ``width`` in ``font``, lines ``line_height`` × its size apart."""
    layout = wrapping_layout(text, font, align)
    px = font.pixelSize()
    lead = px * line_height
    fm = QFontMetricsF(font)
    y, longest, n = 0.0, 0.0, 0
    for line in break_lines(layout, width):
        # centre the glyphs' line box in a line of ``lead`` height
        line.setPosition(QPointF(0, y + (lead - fm.height()) / 2))
        longest = max(longest, line.naturalTextWidth())
        y += lead
        n += 1
    return HorizontalLayout(layout, font, px, (longest, y), n)


def layout_horizontal(
    text: str,
    width: float,
    height: float,
    font: QFont,
    max_px: int,
    min_px: int = 12,
    *,
    line_height: float = 1.6,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    max_lines: int | None = None,
) -> HorizontalLayout | None:
    """``text`` wrapped to ``width`` at the largest size ≤ ``max_px`` within ``height``."""
    text = " ".join(text.split())
    if not text or width <= 0:
        return None
    px = max_px
    while px >= min_px:
        built = build_horizontal(text, width, at_size(font, px), line_height, align)
        if built.size[1] <= height + 0.5 and (max_lines is None or built.lines <= max_lines):
            return built
        px -= 1 if px <= 40 else 2
    return None


def paint_horizontal(
    painter: QPainter, layout: HorizontalLayout, origin: QPointF, color: QColor
) -> None:
    painter.save()
    painter.setPen(color)
    layout.layout.draw(painter, origin)
    painter.restore()


# --- rich text -----------------------------------------------------------------------------------


def paragraphs_html(text_blocks: list[str], font: QFont, gap_px: int) -> str:
    """Rich text for QLabel: each block's lines as paragraphs at VISUAL.md's line height.

    VISUAL.md's 1.7 is of the type size; Qt's percentage is of the font's line spacing.
    """
    height = round(170 * font.pixelSize() / max(1, QFontMetrics(font).lineSpacing()))
    return "".join(
        f"<p style='line-height:{height}%; margin-bottom:{gap_px}px;'>"
        f"{escape(block).replace(chr(10), '<br>')}</p>"
        for block in text_blocks
        if block
    )
