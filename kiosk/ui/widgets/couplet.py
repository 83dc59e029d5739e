"""A couplet (对联) typeset as it hangs: two vertical strips and a banner across the top.

``Couplet.from_item(row)``
    The lines, style and credits of a catalogue row.
``compose_couplet(rect, couplet, m, *, english=False) -> CoupletLayout``
    Where everything goes inside ``rect``: the upper line (上联) on the RIGHT strip, the
    lower line (下联) on the LEFT, the banner (横批) across the top read right to left (its
    first character at the right end), all in Kai without punctuation (real boards carry
    none); both strips at one size, shrunk (and set in more columns when a line is long)
    until everything fits, never clipped. Author and source beneath, small; with
    ``english`` the English renderings beneath them.
``paint_couplet(painter, layout, m, *, card=True)``
    Paints it: festival couplets gold on a deep festival red, hall couplets ink on a
    wood-toned board; on a paper card unless ``card`` is False (a page is paper already).

The columns themselves come from ``kiosk.ui.widgets.vertical`` (the banner is a row of
one-character columns, which that layout sets right to left).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from kiosk.strings import field
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import HorizontalLayout, at_size, build_horizontal, latin_serif
from kiosk.ui.widgets.vertical import (
    PUNCTUATION,
    VerticalLayout,
    layout_vertical,
    paint_vertical,
    vertical_columns,
)

CHAR_GAP = 0.12  # between characters in a column (× size)
COLUMN_GAP = 0.5  # between the columns of one strip
BANNER_GAP = 0.3  # between the banner's characters
BANNER_SIZE = 0.85  # the banner's characters, × the strips'
EDGE_X, EDGE_Y = 0.42, 0.6  # the boards' margins around their characters, × the size
#: Lines up to this long always stand in one column, as boards are written.
ONE_COLUMN = 11
#: A longer line stays in one column unless more columns make it this much larger.
MORE_COLUMNS_GAIN = 1.6


@dataclass(frozen=True)
class Couplet:
    upper: str  # 上联
    lower: str  # 下联
    banner: str = ""  # 横批
    style: str = "hall"  # "festival" or "hall"
    credit: str = ""  # author · source, in the language shown
    english: tuple[str, ...] = ()  # banner, upper, lower renderings that exist
    lang: str = "zh"  # the credit's language

    @classmethod
    def from_item(cls, item: dict, lang: str = "zh") -> Couplet:
        credit = " · ".join(
            x for x in (field(item, "author", lang), field(item, "source", lang)) if x
        )
        english = tuple((item.get(f"{k}_en") or "").strip() for k in ("banner", "upper", "lower"))
        return cls(
            (item.get("upper_zh") or "").strip(),
            (item.get("lower_zh") or "").strip(),
            (item.get("banner_zh") or "").strip(),
            "festival" if item.get("style") == "festival" else "hall",
            credit,
            tuple(e for e in english if e),
            lang,
        )


def bare(text: str) -> str:
    """The characters a board carries: no punctuation, no spaces."""
    return "".join(ch for ch in text if ch not in PUNCTUATION and not ch.isspace())


@dataclass
class CoupletLayout:
    couplet: Couplet
    card: QRectF
    upper: VerticalLayout | None  # the right strip's characters
    lower: VerticalLayout | None  # the left strip's
    banner: VerticalLayout | None
    upper_strip: QRectF  # the strips of paper or board
    lower_strip: QRectF
    banner_strip: QRectF | None
    notes: list[tuple[HorizontalLayout, QPointF, QColor]]  # credit and English


# --- sizes ---------------------------------------------------------------------------------------


def _columns(text: str, n: int) -> list[str]:
    """``text`` set in about ``n`` columns: one column whole, else broken at clause ends."""
    if n == 1:
        return [bare(text)] if bare(text) else []
    return vertical_columns(text, math.ceil(len(bare(text)) / n), drop_punct=True)


def _px_for(columns: list[str], width: float, height: float) -> float:
    rows = max((len(c) for c in columns), default=1)
    n = max(len(columns), 1)
    return min(height / (rows + (rows - 1) * CHAR_GAP), width / (n + (n - 1) * COLUMN_GAP))


def _block(columns: int, rows: int, px: int) -> QRectF:
    """The rect ``layout_vertical`` needs to set ``rows`` × ``columns`` cells at ``px``."""
    w = columns * px + (columns - 1) * COLUMN_GAP * px
    h = rows * px + (rows - 1) * CHAR_GAP * px
    return QRectF(0, 0, w + 0.5, h + 0.5)


def _strips(
    c: Couplet, font: QFont, width: float, height: float, max_px: int, min_px: int
) -> tuple[VerticalLayout | None, VerticalLayout | None]:
    """Both lines at one size (the largest both fit), each in ``width`` × ``height``."""
    options = []
    for n in (1, 2, 3):
        up, low = _columns(c.upper, n), _columns(c.lower, n)
        px = min(_px_for(up, width, height), _px_for(low, width, height))
        options.append((min(int(px), max_px), up, low, n))
    px, up, low, n = options[0]
    longest = max(len(bare(c.upper)), len(bare(c.lower)))
    best = max(options, key=lambda o: o[0])
    if longest > ONE_COLUMN and best[0] >= px * MORE_COLUMNS_GAIN:
        px, up, low, n = best
    px = max(px, min_px)

    def strip(text: str, columns: list[str]) -> VerticalLayout | None:
        if not columns:
            return None
        rows = max(len(col) for col in columns)
        source = bare(text) if n == 1 else text
        return layout_vertical(
            source,
            _block(len(columns), rows, px),
            font,
            px,
            min_px,
            drop_punct=True,
            column_gap=COLUMN_GAP,
            char_gap=CHAR_GAP,
        )

    return strip(c.upper, up), strip(c.lower, low)


def _notes(
    c: Couplet, m: theme.Metrics, width: float, budget: float, english: bool
) -> list[tuple[HorizontalLayout, QColor]]:
    """Credit and English paragraphs, at the largest sizes that keep them within ``budget``."""
    big = 34 if m.large else 28
    for step in range(0, 12):
        scale = 1 - step * 0.05
        credit_font = at_size(m.font("serif", big - 2, lang=c.lang), m.px((big - 2) * scale))
        out = []
        if c.credit:
            text = ("— " if c.lang == "en" else "——") + c.credit
            out.append((_paragraph(text, credit_font, width), theme.INK_SOFT))
        if english:
            font = at_size(latin_serif(m, big), m.px(big * scale))
            out += [(_paragraph(line, font, width), theme.INK) for line in c.english]
        gap = m.px(10)
        total = sum(h.size[1] for h, _ in out) + gap * max(0, len(out) - 1)
        if total <= budget or step == 11:
            return out
    return []


def _paragraph(text: str, font: QFont, width: float) -> HorizontalLayout:
    return build_horizontal(text, width, font, 1.45, Qt.AlignmentFlag.AlignHCenter)


def _banner_height(px: float, m: theme.Metrics) -> float:
    """The banner's board and its gap above the strips, for strips at ``px``."""
    return px * BANNER_SIZE * (1 + 2 * EDGE_Y) + m.px(28)


def _sized_strips(
    c: Couplet, m: theme.Metrics, width: float, height: float, max_px: int
) -> tuple[VerticalLayout | None, VerticalLayout | None]:
    """The strips at the largest size whose boards (and the banner above them) fit
    ``width`` (each) × ``height``: the boards and the banner grow with the size, so the
    characters' height is adjusted until the whole fits (the column choice may flip
    between tries; the largest that fits is kept)."""
    kai = m.display(120)
    has_banner = bool(bare(c.banner))
    chars_w = width - 2 * EDGE_X * m.px(40)
    banner_guess = _banner_height(max_px, m) if has_banner else 0.0
    chars_h = max(height * 0.3, height - banner_guess - 2 * EDGE_Y * max_px)
    best = None
    upper = lower = None
    for _ in range(10):
        upper, lower = _strips(c, kai, chars_w, chars_h, max_px, m.px(16))
        px = next((s.px for s in (upper, lower) if s is not None), max_px)
        rows_h = max((s.rect.height() for s in (upper, lower) if s is not None), default=0.0)
        needed = rows_h + 2 * EDGE_Y * px + (_banner_height(px, m) if has_banner else 0.0)
        if needed <= height + 0.5 and (best is None or px > best[0]):
            best = (px, upper, lower)
        if 0.95 * height <= needed <= height or (px >= max_px and needed <= height):
            break
        chars_h *= height / needed * 0.99
    return (best[1], best[2]) if best is not None else (upper, lower)


def _board(layout: VerticalLayout | None, m: theme.Metrics, wide: float = 1.0) -> QRectF:
    """The paper or board around a layout's characters."""
    if layout is None:
        return QRectF(0, 0, m.px(60), m.px(200))
    ex, ey = EDGE_X * wide * layout.px, EDGE_Y * layout.px
    return layout.rect.adjusted(-ex, -ey, ex, ey)


def _banner(c: Couplet, m: theme.Metrics, px: int, room: float) -> VerticalLayout | None:
    """The banner: one row of one-character columns, which ``layout_vertical`` sets right
    to left; at ``px`` or smaller, within ``room``."""
    chars = bare(c.banner)
    if not chars:
        return None
    px = max(m.px(16), min(px, int(room / (len(chars) * (1 + BANNER_GAP) * 1.05))))
    return layout_vertical(
        chars,
        QRectF(0, 0, len(chars) * px * (1 + BANNER_GAP) + 1, px + 0.5),
        m.display(120),
        px,
        m.px(12),
        column_gap=BANNER_GAP,
    )


# --- composition ---------------------------------------------------------------------------------


def compose_couplet(
    rect: QRectF, c: Couplet, m: theme.Metrics, *, english: bool = False
) -> CoupletLayout:
    """See the module docstring."""
    pad = m.px(56)
    inner = rect.adjusted(pad, pad, -pad, -pad)
    note_w = min(inner.width(), m.px(1300))
    notes = _notes(c, m, note_w, inner.height() * (0.34 if english else 0.16), english)
    gap = m.px(10)
    notes_h = sum(h.size[1] for h, _ in notes) + gap * max(0, len(notes) - 1)
    below = notes_h + (m.px(40) if notes else 0)

    portrait = rect.height() > rect.width() * 1.2
    upper, lower = _sized_strips(
        c, m, inner.width() * 0.4, inner.height() - below, m.px(130 if portrait else 120)
    )
    up_board, low_board = _board(upper, m), _board(lower, m)
    strip_w = max(up_board.width(), low_board.width())
    strip_h = max(up_board.height(), low_board.height())
    px = next((s.px for s in (upper, lower) if s is not None), m.px(60))
    middle = max(min(strip_w * 1.1, px * 2.5), m.px(120))  # the door between the strips
    banner = _banner(c, m, int(px * BANNER_SIZE), strip_w * 2 + middle * 2.2)
    banner_board = _board(banner, m, wide=1.6) if banner is not None else None
    if banner_board is not None:  # the door widens under a long banner
        middle = max(middle, banner_board.width() - 2 * strip_w + m.px(40))
    group_w = 2 * strip_w + middle
    banner_h = banner_board.height() + m.px(28) if banner_board is not None else 0.0
    group_h = banner_h + strip_h
    content_w = max(group_w, max((h.size[0] for h, _ in notes), default=0))
    card = QRectF(0, 0, min(content_w + 2 * pad, rect.width()), 0)
    card.setHeight(min(group_h + below + 2 * pad, rect.height()))
    card.moveCenter(rect.center())
    left = card.center().x() - group_w / 2
    top = card.top() + pad

    def place(layout: VerticalLayout | None, box: QRectF, target: QRectF):
        """``layout`` and its board ``box`` moved so the board is centred in ``target``."""
        dx = target.center().x() - box.center().x()
        dy = target.center().y() - box.center().y()
        return (layout.translated(dx, dy) if layout else None), box.translated(dx, dy)

    strips_top = top + banner_h
    right_slot = QRectF(left + group_w - strip_w, strips_top, strip_w, strip_h)
    left_slot = QRectF(left, strips_top, strip_w, strip_h)
    upper, up_board = place(upper, up_board, right_slot)  # 上联 on the right
    lower, low_board = place(lower, low_board, left_slot)  # 下联 on the left
    # equal boards, as a pair is cut
    up_board = QRectF(right_slot)
    low_board = QRectF(left_slot)
    if banner is not None and banner_board is not None:
        target = QRectF(0, 0, banner_board.width(), banner_board.height())
        target.moveCenter(QPointF(card.center().x(), top + banner_board.height() / 2))
        banner, banner_board = place(banner, banner_board, target)
    y = top + group_h + m.px(40)
    placed = []
    for h, colour in notes:
        placed.append((h, QPointF(card.center().x() - note_w / 2, y), colour))
        y += h.size[1] + gap
    return CoupletLayout(c, card, upper, lower, banner, up_board, low_board, banner_board, placed)


# --- painting ------------------------------------------------------------------------------------


def colours(style: str) -> tuple[QColor, QColor]:
    """(board, characters) for a style."""
    if style == "festival":
        return theme.FESTIVAL_RED, theme.FESTIVAL_GOLD
    return theme.BOARD, theme.INK


def paint_couplet(
    painter: QPainter, layout: CoupletLayout, m: theme.Metrics, *, card: bool = True
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if card:
        path = QPainterPath()
        path.addRoundedRect(layout.card, m.radius, m.radius)
        painter.fillPath(path, theme.PAPER)
    board, ink = colours(layout.couplet.style)
    edge = QColor(theme.INK)
    edge.setAlphaF(0.22)
    for strip in (layout.upper_strip, layout.lower_strip, layout.banner_strip):
        if strip is None:
            continue
        painter.fillRect(strip, board)
        painter.setPen(QPen(edge, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(strip.adjusted(0.5, 0.5, -0.5, -0.5))
    for text in (layout.upper, layout.lower, layout.banner):
        if text is not None:
            paint_vertical(painter, text, ink)
    for h, origin, colour in layout.notes:
        painter.setPen(colour)
        h.layout.draw(painter, origin)
    painter.restore()
