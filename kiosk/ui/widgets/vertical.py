"""Vertical Chinese typesetting, which Qt does not do: columns right to left, glyphs upright.

Typesetting rules
=================

- Columns run top to bottom and are set right to left; every character stands
  upright in a square cell (ideographs sit on the face's em box).
- Text is broken at clause ends (，。；！？ …) whenever every clause fits a
  column: whole clauses are packed into columns. Otherwise it flows on from
  column to column, and a column never starts with closing punctuation nor
  ends with an opening bracket (the character is pushed on instead).
- Pause and stop marks (，。、；：！？·) are centred in their cell (the vertical
  convention of classical and display setting). Brackets, quotes, dashes and
  ellipses take their vertical forms (﹁﹂ ︽︾ ︵︶ ︱ ︙) when the face has them and
  are turned a quarter otherwise. ``drop_punct=True`` leaves punctuation out,
  as classical calligraphy does, keeping the clause breaks as column breaks.
- Chinese set horizontally (``layout_lines``) follows the same breaking, line
  by line. (English goes through ``kiosk.ui.widgets.text.layout_horizontal``;
  whole aphorism cards are composed in ``kiosk.ui.widgets.aphorism``.)

Public API
==========

``vertical_columns(text, rows, *, drop_punct=False) -> list[str]``, ``clauses_fit(text, rows)``
    Pure line breaking: ``text`` in columns of at most ``rows`` cells.
``layout_vertical(text, rect, font, max_px, min_px=12, *, drop_punct=False,
column_gap=0.6, char_gap=0.12, whole_clauses=False) -> VerticalLayout | None``
    The largest size (≤ ``max_px``) at which ``text`` fits in ``rect`` (a
    slightly smaller one when that keeps clauses whole; only such with
    ``whole_clauses``); the block is centred in ``rect``. None if nothing fits.
``paint_vertical(painter, layout, color)``
``layout_lines(text, width, height, font, max_px, min_px=12, *, line_height=1.75)
-> LinesLayout | None`` and ``paint_lines(painter, layout, rect, color)``
    Chinese set horizontally, by the same rules (lines of whole clauses centred).
``fits_vertically(text, limit=32) -> bool``
    Whether a text is short enough to set vertically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
)

from kiosk.ui.widgets.text import at_size

#: Marks that end a clause: a column may end after them.
CLAUSE_ENDS = frozenset("，。、；：！？,.;:!?")
#: Never at the top of a column.
CLOSING = frozenset("，。、；：！？,.;:!?”’」』》〉）】〕}）·…—")
#: Never at the bottom of a column.
OPENING = frozenset("“‘「『《〈（【〔{(")
#: Centred in their cell.
CENTRED = frozenset("，。、；：！？·・,.;:!?")
#: Vertical presentation forms.
VERTICAL_FORMS = {
    "“": "﹁",
    "”": "﹂",
    "‘": "﹃",
    "’": "﹄",
    "「": "﹁",
    "」": "﹂",
    "『": "﹃",
    "』": "﹄",
    "《": "︽",
    "》": "︾",
    "〈": "︿",
    "〉": "﹀",
    "（": "︵",
    "）": "︶",
    "(": "︵",
    ")": "︶",
    "【": "︻",
    "】": "︼",
    "〔": "︹",
    "〕": "︺",
    "—": "︱",
    "…": "︙",
}
PUNCTUATION = CLOSING | OPENING | CENTRED | frozenset(VERTICAL_FORMS)

#: Aphorisms up to this many characters are set vertically.
VERTICAL_LIMIT = 32
#: A size this much smaller is accepted to keep every clause in one column.
CLAUSE_SHRINK = 0.8


def _visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def fits_vertically(text: str, limit: int = VERTICAL_LIMIT) -> bool:
    return 0 < len(_visible(text)) <= limit


# --- line breaking (pure) -----------------------------------------------------------------------


def _clauses(text: str) -> list[str]:
    """Split after clause-ending marks (with any closing quotes that follow them)."""
    out, current = [], ""
    chars = _visible(text)
    i = 0
    while i < len(chars):
        current += chars[i]
        if chars[i] in CLAUSE_ENDS:
            while i + 1 < len(chars) and chars[i + 1] in CLOSING:
                i += 1
                current += chars[i]
            out.append(current)
            current = ""
        i += 1
    if current:
        out.append(current)
    return out


def _flow(chars: str, rows: int) -> list[str]:
    """Fill columns to ``rows`` cells, pushing a character on rather than breaking a rule."""
    columns, i = [], 0
    while i < len(chars):
        end = min(i + rows, len(chars))
        while (
            end < len(chars)
            and end - 1 > i
            and (chars[end] in CLOSING or chars[end - 1] in OPENING)
        ):
            end -= 1
        columns.append(chars[i:end])
        i = end
    return columns


def vertical_columns(text: str, rows: int, *, drop_punct: bool = False) -> list[str]:
    """``text`` broken into columns of at most ``rows`` cells (first column first).

    When every clause fits a column, clauses are packed whole into columns;
    otherwise the text flows on from column to column.
    """
    if rows < 1:
        raise ValueError("a column needs at least one row")
    clauses = _clauses(text)
    if all(len(c) <= rows for c in clauses):
        columns: list[str] = []
        for clause in clauses:
            if columns and len(columns[-1]) + len(clause) <= rows:
                columns[-1] += clause
            else:
                columns.append(clause)
    else:
        columns = _flow(_visible(text), rows)
    if drop_punct:
        columns = ["".join(ch for ch in col if ch not in PUNCTUATION) for col in columns]
        columns = [col for col in columns if col]
    return columns


def clauses_fit(text: str, rows: int) -> bool:
    """Whether every clause of ``text`` fits a column of ``rows`` cells."""
    return all(len(c) <= rows for c in _clauses(text))


# --- vertical layout ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Glyph:
    char: str  # what is drawn (a vertical form where one was used)
    origin: QPointF  # baseline origin for drawText
    rotate: bool = False  # turned a quarter clockwise about the cell centre
    cell: QRectF = field(default_factory=QRectF)


@dataclass
class VerticalLayout:
    font: QFont
    px: int
    columns: list[str]
    glyphs: list[Glyph]
    rect: QRectF  # the block's bounds

    def translated(self, dx: float, dy: float) -> VerticalLayout:
        d = QPointF(dx, dy)
        return VerticalLayout(
            self.font,
            self.px,
            self.columns,
            [Glyph(g.char, g.origin + d, g.rotate, g.cell.translated(d)) for g in self.glyphs],
            self.rect.translated(d),
        )


@lru_cache(maxsize=64)
def _em_centre(family: str, px: int) -> float:
    """How far above the baseline the centre of the ideographic em box lies."""
    font = QFont()
    font.setFamilies([family])
    font.setPixelSize(px)
    fm = QFontMetricsF(font)
    box = QRectF()
    for ch in "国永田口圆":
        box = box.united(fm.tightBoundingRect(ch))
    return -box.center().y() if box.isValid() else fm.ascent() * 0.42


def _block_size(
    columns: list[str], px: int, column_gap: float, char_gap: float
) -> tuple[float, float]:
    n = len(columns)
    longest = max((len(c) for c in columns), default=0)
    width = n * px + max(0, n - 1) * column_gap * px
    height = longest * px + max(0, longest - 1) * char_gap * px
    return width, height


def _glyphs(
    columns: list[str],
    font: QFont,
    px: int,
    left: float,
    top: float,
    width: float,
    column_gap: float,
    char_gap: float,
) -> list[Glyph]:
    fm = QFontMetricsF(font)
    centre_up = _em_centre(font.family(), px)
    out = []
    for c, column in enumerate(columns):
        x = left + width - px - c * px * (1 + column_gap)  # right to left
        for r, ch in enumerate(column):
            cell = QRectF(x, top + r * px * (1 + char_gap), px, px)
            cx, cy = cell.center().x(), cell.center().y()
            form = VERTICAL_FORMS.get(ch)
            if form is not None and fm.inFontUcs4(ord(form)):
                ch, rotate = form, False
            else:
                rotate = form is not None
            if ch in CENTRED or rotate:
                ink = fm.tightBoundingRect(ch)
                if rotate:  # drawn about the cell centre after a quarter turn
                    origin = QPointF(-ink.center().x(), -ink.center().y())
                else:
                    origin = QPointF(cx - ink.center().x(), cy - ink.center().y())
            else:
                origin = QPointF(cx - fm.horizontalAdvance(ch) / 2, cy + centre_up)
            out.append(Glyph(ch, origin, rotate, cell))
    return out


def layout_vertical(
    text: str,
    rect: QRectF,
    font: QFont,
    max_px: int,
    min_px: int = 12,
    *,
    drop_punct: bool = False,
    column_gap: float = 0.6,
    char_gap: float = 0.12,
    whole_clauses: bool = False,
) -> VerticalLayout | None:
    """``text`` at the largest size ≤ ``max_px`` that fits ``rect``, centred in it.

    A slightly smaller size (down to ``CLAUSE_SHRINK``) is preferred when it
    keeps every clause in one column; ``whole_clauses=True`` accepts nothing
    else (None when no size from ``max_px`` to ``min_px`` does).
    """
    if not _visible(text) or rect.width() <= 0 or rect.height() <= 0:
        return None

    def attempt(px: int) -> tuple[list[str], int] | None:
        rows = int((rect.height() + char_gap * px) // (px * (1 + char_gap)))
        if rows < 1:
            return None
        columns = vertical_columns(text, rows, drop_punct=drop_punct)
        w, h = _block_size(columns, px, column_gap, char_gap)
        return (columns, rows) if w <= rect.width() + 0.5 and h <= rect.height() + 0.5 else None

    best: tuple[int, list[str]] | None = None
    px = max_px
    while px >= min_px:
        found = attempt(px)
        if found is not None:
            columns, rows = found
            if best is None and not whole_clauses:
                best = (px, columns)
            if clauses_fit(text, rows):
                best = (px, columns)  # whole clauses per column: worth a slightly smaller size
                break
            if best is not None and px < best[0] * CLAUSE_SHRINK:
                break
        px -= 1 if px <= 40 else 2
    if best is None:
        return None
    px, columns = best
    w, h = _block_size(columns, px, column_gap, char_gap)
    sized = at_size(font, px)
    left = rect.left() + (rect.width() - w) / 2
    top = rect.top() + (rect.height() - h) / 2
    glyphs = _glyphs(columns, sized, px, left, top, w, column_gap, char_gap)
    return VerticalLayout(sized, px, columns, glyphs, QRectF(left, top, w, h))


def paint_vertical(painter: QPainter, layout: VerticalLayout, color: QColor) -> None:
    painter.save()
    painter.setFont(layout.font)
    painter.setPen(color)
    for g in layout.glyphs:
        if g.rotate:
            painter.save()
            painter.translate(g.cell.center())
            painter.rotate(90)
            painter.drawText(g.origin, g.char)
            painter.restore()
        else:
            painter.drawText(g.origin, g.char)
    painter.restore()


# --- Chinese in horizontal lines ------------------------------------------------------------------


@dataclass
class LinesLayout:
    """Chinese set horizontally in lines broken at clause ends (like the columns)."""

    font: QFont
    px: int
    lines: list[str]
    line_height: float  # in px
    centred: bool  # whole clauses per line: lines centred; flowing prose: ranged left
    size: tuple[float, float]

    @property
    def count(self) -> int:
        return len(self.lines)


def layout_lines(
    text: str,
    width: float,
    height: float,
    font: QFont,
    max_px: int,
    min_px: int = 12,
    *,
    line_height: float = 1.75,
) -> LinesLayout | None:
    """Chinese ``text`` in lines of whole clauses where possible, at the largest size that fits."""
    if not _visible(text) or width <= 0:
        return None
    best: LinesLayout | None = None
    px = max_px
    while px >= min_px:
        sized = at_size(font, px)
        fm = QFontMetricsF(sized)
        per_line = int(width // max(fm.horizontalAdvance("国"), 1))
        if per_line >= 1:
            lines = vertical_columns(text, per_line)
            longest = max(fm.horizontalAdvance(line) for line in lines)
            size = (longest, len(lines) * px * line_height)
            whole = clauses_fit(text, per_line)
            if longest <= width + 0.5 and size[1] <= height + 0.5:
                found = LinesLayout(sized, px, lines, px * line_height, whole, size)
                if best is None:
                    best = found
                if whole:
                    return found if found.px >= best.px * CLAUSE_SHRINK else best
                if px < best.px * CLAUSE_SHRINK:
                    break
        px -= 1 if px <= 40 else 2
    return best


def paint_lines(painter: QPainter, layout: LinesLayout, rect: QRectF, color: QColor) -> None:
    """Lines from the top of ``rect``: centred in it, or ranged left for flowing prose."""
    painter.save()
    painter.setFont(layout.font)
    painter.setPen(color)
    fm = QFontMetricsF(layout.font)
    left = rect.left() + (rect.width() - layout.size[0]) / 2
    for i, line in enumerate(layout.lines):
        top = rect.top() + i * layout.line_height
        x = rect.center().x() - fm.horizontalAdvance(line) / 2 if layout.centred else left
        baseline = top + (layout.line_height - fm.height()) / 2 + fm.ascent()
        painter.drawText(QPointF(x, baseline), line)
    painter.restore()
