"""Text helpers shared by painted widgets."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout, QTextOption


def fit_font(font: QFont, text: str, width: float, floor: float = 0.6) -> QFont:
    """``font``, made smaller (down to ``floor`` of its size) until ``text`` fits ``width``."""
    size = font.pixelSize()
    smallest = int(size * floor)
    while size > smallest and QFontMetrics(font).horizontalAdvance(text) > width:
        size -= 1
        font.setPixelSize(size)
    return font


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width`` px, the last elided."""
    if not text or width <= 0:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].strip() for start, length in spans]
    if len(lines) > max_lines:
        rest = text[spans[max_lines - 1][0] :].strip()
        elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, int(width))
        lines = [*lines[: max_lines - 1], elided]
    return lines


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
