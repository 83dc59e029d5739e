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
  by line; English goes through ``QTextLayout`` in a Latin serif.

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
``layout_horizontal(text, width, height, font, max_px, min_px=12, *,
line_height=1.6, align=…, max_lines=None) -> HorizontalLayout | None`` and
``paint_horizontal(painter, layout, origin, color)``
    Fitting for Latin text (English renderings, sources).
``fits_vertically(text, limit=32) -> bool``
    Whether a text is short enough to set vertically.
``latin_serif(metrics, size) -> QFont``
    A serif for English with the Chinese serif as fallback (CJK faces set
    quotes and apostrophes full-width).
``Aphorism(text, source, english)``, ``Aphorism.from_item(row)``, ``citation(row)``
    An aphorism from a catalogue row; the citation reads 〔东汉〕杨震《后汉书·杨震列传》.
``paint_aphorism(painter, rect, aphorism, metrics, *, english=True) -> QRectF``
    A whole aphorism on a paper card centred in ``rect``: Kai text (vertical
    when short and its clauses fit a column at ≥ 72 px, else in lines), the
    source in a small serif (an inscription column at the left, or a line
    beneath), and the English rendering beneath in ink-soft. Returns the card;
    ``aphorism_card_rect(rect, aphorism, metrics)`` computes it without painting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)

from kiosk.ui.widgets import theme

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


def _sized(font: QFont, px: int) -> QFont:
    f = QFont(font)
    f.setPixelSize(px)
    return f


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
    sized = _sized(font, px)
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


# --- horizontal layout --------------------------------------------------------------------------


@dataclass
class HorizontalLayout:
    layout: QTextLayout
    font: QFont
    px: int
    size: tuple[float, float]  # width of the longest line, height of the block
    lines: int


def _build_horizontal(
    text: str, width: float, font: QFont, line_height: float, align: Qt.AlignmentFlag
) -> HorizontalLayout:
    layout = QTextLayout(text, font)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    px = font.pixelSize()
    lead = px * line_height
    fm = QFontMetricsF(font)
    y, longest, n = 0.0, 0.0, 0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        # centre the glyphs' line box in a line of ``lead`` height
        line.setPosition(QPointF(0, y + (lead - fm.height()) / 2))
        longest = max(longest, line.naturalTextWidth())
        y += lead
        n += 1
    layout.endLayout()
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
        built = _build_horizontal(text, width, _sized(font, px), line_height, align)
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
        sized = _sized(font, px)
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


# --- aphorisms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Aphorism:
    text: str  # the Chinese text
    source: str = ""  # e.g. "〔东汉〕杨震《后汉书·杨震列传》"
    english: str = ""

    @classmethod
    def from_item(cls, item: dict) -> Aphorism:
        text = (item.get("title_zh") or item.get("body_zh") or "").strip()
        english = (item.get("title_en") or "").strip()
        return cls(text, citation(item), english)


def citation(item: dict) -> str:
    """Era, author and source in the usual Chinese form: 〔东汉〕杨震《后汉书·杨震列传》."""
    era = (item.get("era_zh") or "").strip()
    author = (item.get("author_zh") or "").strip()
    source = (item.get("source_zh") or "").strip()
    who = author
    if era and author:
        who = f"〔{era}〕{author}"
    if source and author and source.startswith(author):
        who = f"〔{era}〕" if era else ""  # the source names the author already
    return "".join(p for p in (who, source) if p) or ""


#: Latin serif faces for English renderings, best first (CJK faces set quotes full-width).
_LATIN_SERIFS = ("Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif", "Times New Roman")


def latin_serif(m: theme.Metrics, size: float) -> QFont:
    """A serif for English text, with the Chinese serif as fallback."""
    font = m.font("serif", size)
    installed = set(QFontDatabase.families())
    latin = [f for f in _LATIN_SERIFS if f in installed][:1]
    font.setFamilies([*latin, *font.families()])
    return font


@dataclass
class _Composition:
    card: QRectF
    text: VerticalLayout | LinesLayout
    text_origin: QPointF
    source: VerticalLayout | HorizontalLayout | None
    source_origin: QPointF
    english: HorizontalLayout | None
    english_origin: QPointF
    block_w: float = 0.0


def _english(a: Aphorism, m: theme.Metrics, width: float) -> HorizontalLayout | None:
    if not a.english:
        return None
    font = latin_serif(m, 28)
    for lines in (1, 2, 3):
        built = layout_horizontal(
            a.english,
            width,
            m.px(28) * 1.5 * lines,
            font,
            m.px(28),
            m.px(24),
            line_height=1.5,
            align=Qt.AlignmentFlag.AlignHCenter,
            max_lines=lines,
        )
        if built is not None:
            return built
    return _build_horizontal(
        " ".join(a.english.split()),
        width,
        _sized(font, m.px(22)),
        1.5,
        Qt.AlignmentFlag.AlignHCenter,
    )


def _compose(rect: QRectF, a: Aphorism, m: theme.Metrics, english: bool) -> _Composition:
    pad = m.px(76)
    gap = m.px(36)
    kai = m.display(120)
    serif = m.font("serif", 30)
    inner_w = rect.width() - 2 * pad
    eng_w = min(inner_w, m.px(1200))
    eng = _english(a, m, eng_w) if english else None
    eng_h = eng.size[1] if eng else 0.0
    text_h = rect.height() - 2 * pad - (eng_h + gap if eng else 0)

    def english_at(card: QRectF) -> QPointF:
        return QPointF(card.center().x() - eng_w / 2, card.bottom() - pad - eng_h)

    if fits_vertically(a.text):
        source, source_w = None, 0.0
        if a.source:
            source = layout_vertical(
                a.source,
                QRectF(0, 0, m.px(70), text_h * 0.8),
                serif,
                m.px(30),
                m.px(20),
                column_gap=0.4,
                char_gap=0.06,
            )
            source_w = source.rect.width() + m.px(64) if source else 0.0
        body = layout_vertical(
            a.text,
            QRectF(0, 0, inner_w - source_w, text_h),
            kai,
            m.px(120),
            m.px(72),
            whole_clauses=True,
        )
        if body is not None:
            group_w = body.rect.width() + source_w
            source_h = source.rect.height() if source else 0.0
            drop = min(m.px(2 * 120), max(0.0, text_h - source_h))  # the inscription starts lower
            group_h = max(body.rect.height(), source_h + drop if source else 0.0)
            card_w = max(group_w, eng.size[0] if eng else 0.0, m.px(420)) + 2 * pad
            card_h = group_h + 2 * pad + (eng_h + gap if eng else 0)
            card = QRectF(0, 0, min(card_w, rect.width()), min(card_h, rect.height()))
            card.moveCenter(rect.center())
            gx = card.center().x() - group_w / 2
            gy = card.top() + pad
            text_at = body.translated(gx + source_w - body.rect.left(), gy - body.rect.top())
            source_at = None
            if source is not None:
                source_at = source.translated(
                    gx - source.rect.left(), gy + group_h - source_h - source.rect.top()
                )
            return _Composition(
                card, text_at, QPointF(), source_at, QPointF(), eng, english_at(card)
            )

    # horizontal: long texts (or ones the vertical setting cannot hold)
    measure = min(inner_w, m.px(1440))
    src, source_h = None, 0.0
    if a.source:
        src = layout_horizontal(
            "——" + a.source,
            measure,
            m.px(30) * 1.6 * 2,
            serif,
            m.px(30),
            m.px(22),
            line_height=1.6,
            align=Qt.AlignmentFlag.AlignRight,
        )
        source_h = src.size[1] + m.px(12) if src else 0.0
    body_h = text_h - source_h
    hbody = layout_lines(a.text, measure, body_h, kai, m.px(84), m.px(30))
    if hbody is None:  # absurdly long: the smallest size, clipped by the card
        hbody = layout_lines(a.text, measure, 10**6, kai, m.px(30), m.px(30))
    assert hbody is not None
    block_w = max(hbody.size[0], src.size[0] if src else 0.0)
    content_h = hbody.size[1] + source_h + (eng_h + gap if eng else 0)
    card_w = max(block_w, eng.size[0] if eng else 0.0, m.px(420)) + 2 * pad
    card = QRectF(0, 0, min(card_w, rect.width()), min(content_h + 2 * pad, rect.height()))
    card.moveCenter(rect.center())
    x = card.center().x() - block_w / 2
    y = card.top() + pad
    if src is not None:
        src = _build_horizontal(
            "——" + a.source, block_w, src.font, 1.6, Qt.AlignmentFlag.AlignRight
        )
    src_origin = QPointF(x, y + hbody.size[1] + m.px(12))
    text_box = QPointF(x, y)
    return _Composition(card, hbody, text_box, src, src_origin, eng, english_at(card), block_w)


def aphorism_card_rect(
    rect: QRectF, aphorism: Aphorism, m: theme.Metrics, *, english: bool = True
) -> QRectF:
    """The card ``paint_aphorism`` would paint inside ``rect``."""
    return _compose(rect, aphorism, m, english).card


def paint_aphorism(
    painter: QPainter,
    rect: QRectF,
    aphorism: Aphorism,
    m: theme.Metrics,
    *,
    english: bool = True,
) -> QRectF:
    """Typeset ``aphorism`` on a paper card centred in ``rect``; returns the card."""
    c = _compose(rect, aphorism, m, english)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    path = QPainterPath()
    path.addRoundedRect(c.card, m.radius, m.radius)
    painter.fillPath(path, theme.PAPER)
    # a hairline inner frame, as the mount around a scroll
    inset = m.px(20)
    line = QColor(theme.INK)
    line.setAlphaF(0.16)
    painter.setPen(QPen(line, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(c.card.adjusted(inset, inset, -inset, -inset))
    if isinstance(c.text, VerticalLayout):
        paint_vertical(painter, c.text, theme.INK)
    else:
        box = QRectF(c.text_origin.x(), c.text_origin.y(), c.block_w, c.text.size[1])
        paint_lines(painter, c.text, box, theme.INK)
    if isinstance(c.source, VerticalLayout):
        paint_vertical(painter, c.source, theme.INK_SOFT)
    elif c.source is not None:
        paint_horizontal(painter, c.source, c.source_origin, theme.INK_SOFT)
    if c.english is not None:
        paint_horizontal(painter, c.english, c.english_origin, theme.INK_SOFT)
    painter.restore()
    return c.card
