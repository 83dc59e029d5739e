"""A lantern riddle (灯谜) as a stack of centred text blocks: face, hint, then the answer.

``riddle_blocks(item, m, lang, *, revealed, loop=False) -> list[Block]``
    What a riddle says: its face (谜面, in Kai) and hint (谜目, "——打一字"); revealed,
    its answer (谜底, seal red), the explanation and the source (or "传统灯谜" when the
    sheet names none). ``loop``: the attract loop's card, Chinese with the English
    face, hint and answer beneath, the explanation in Chinese only.
``fit_stack(blocks, width, height) -> Stack``
    The blocks wrapped to ``width``, all shrunk together (to half at most) until they
    fit ``height``; ``Stack.height`` is what they take. ``paint_stack(painter, stack,
    origin)`` draws them from ``origin`` (the top left of a ``width``-wide column).
``paint_riddle_card(painter, rect, item, m, *, revealed) -> QRectF``
    The loop's card: the stack on paper, centred in ``rect``, the size of the revealed
    riddle from the start (until then "谜底稍后揭晓" where the answer will be).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath

from kiosk.strings import field, tr
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import HorizontalLayout, at_size, build_horizontal, latin_serif
from kiosk.ui.widgets.vertical import vertical_columns

LINE_BREAK = "\u2028"  # a line break inside one QTextLayout paragraph


@dataclass
class Block:
    text: str
    font: QFont  # at its largest size
    colour: QColor
    gap: float = 0.0  # space above it
    line_height: float = 1.5
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter  # prose reads better ranged left
    clauses: bool = False  # Chinese display text: lines of whole clauses where they fit


@dataclass
class Stack:
    lines: list[tuple[HorizontalLayout, QColor, float]]  # (text, colour, space above)
    width: float
    height: float


def _answer(item: dict, lang: str) -> str:
    return field(item, "answer", lang)


def riddle_blocks(
    item: dict, m: theme.Metrics, lang: str, *, revealed: bool, loop: bool = False
) -> list[Block]:
    """See the module docstring."""
    big = m.large
    first = "zh" if loop else lang
    out = [
        Block(
            item.get("title_zh") or "",
            m.display(96 if loop else (76 if big else 64)),
            theme.INK,
            0,
            1.35,
            clauses=True,
        )
    ]
    english = item.get("title_en") if (loop or lang == "en") else ""
    if english:
        out.append(Block(english, latin_serif(m, 32 if big else 28), theme.INK_SOFT, m.px(12)))
    hint = field(item, "hint", first)
    if loop and item.get("hint_en"):
        hint = " · ".join(x for x in (hint, item["hint_en"]) if x)
    if hint:
        dash = "——" if first == "zh" else "— "
        out.append(
            Block(
                dash + hint,
                m.font("serif", 36 if big else 30, lang=first),
                theme.INK_SOFT,
                m.px(18),
            )
        )
    if not revealed:
        return [b for b in out if b.text.strip()]
    answer = tr("riddle_answer", first).format(answer=_answer(item, first))
    size = 84 if loop else (64 if big else 54)
    font = m.display(size) if first == "zh" else latin_serif(m, size * 0.7)
    out.append(Block(answer, font, theme.SEAL, m.px(40), 1.35, clauses=first == "zh"))
    if loop and item.get("answer_en") and item.get("answer_zh"):
        out.append(Block(item["answer_en"], latin_serif(m, 28), theme.INK_SOFT, m.px(8)))
    body = item.get("body_zh") if loop else field(item, "body", lang)
    if body:
        out.append(
            Block(
                body,
                m.font("serif", 30 if loop else (40 if big else 30), lang=first),
                theme.INK,
                m.px(24),
                1.7,
                Qt.AlignmentFlag.AlignLeft,
            )
        )
    source = (item.get("source_zh") if loop else field(item, "source", lang)) or tr(
        "riddle_traditional", first
    )
    dash = "——" if first == "zh" else "— "
    out.append(
        Block(
            dash + source,
            m.font("serif", 26 if not big else 30, lang=first),
            theme.INK_SOFT,
            m.px(20),
        )
    )
    return [b for b in out if b.text.strip()]


def fit_stack(blocks: list[Block], width: float, height: float) -> Stack:
    """See the module docstring."""
    for step in range(11):
        scale = 1 - step * 0.05
        lines, total = [], 0.0
        for b in blocks:
            font = at_size(b.font, max(1, round(b.font.pixelSize() * scale)))
            text = _in_clauses(b.text, font, width) if b.clauses else b.text
            built = build_horizontal(text, width, font, b.line_height, b.align)
            gap = b.gap * scale if lines else 0.0
            lines.append((built, b.colour, gap))
            total += gap + built.size[1]
        if total <= height or step == 10:
            return Stack(lines, width, total)
    raise AssertionError("unreachable")


def _in_clauses(text: str, font: QFont, width: float) -> str:
    """``text`` with line breaks after whole clauses (as ``vertical.layout_lines`` breaks)
    when it needs more than one line."""
    fm = QFontMetricsF(font)
    if fm.horizontalAdvance(text) <= width:
        return text
    per_line = max(1, int(width // max(fm.horizontalAdvance("国"), 1)))
    return LINE_BREAK.join(vertical_columns(text, per_line))


def paint_stack(painter: QPainter, stack: Stack, origin: QPointF, count: int | None = None) -> None:
    """The first ``count`` blocks of ``stack`` (all by default)."""
    painter.save()
    y = origin.y()
    for built, colour, gap in stack.lines[:count]:
        y += gap
        painter.setPen(colour)
        built.layout.draw(painter, QPointF(origin.x(), y))
        y += built.size[1]
    painter.restore()


def paint_riddle_card(
    painter: QPainter, rect: QRectF, item: dict, m: theme.Metrics, *, revealed: bool
) -> QRectF:
    """The attract loop's riddle card, centred in ``rect``; returns the card.

    The card is made for the answer from the start, so nothing moves when it appears.
    """
    pad = m.px(72)
    width = min(rect.width() - 2 * pad, m.px(1300))
    stack = fit_stack(
        riddle_blocks(item, m, "zh", revealed=True, loop=True), width, rect.height() - 2 * pad
    )
    shown = None if revealed else len(riddle_blocks(item, m, "zh", revealed=False, loop=True))
    card = QRectF(0, 0, width + 2 * pad, min(rect.height(), stack.height + 2 * pad))
    card.moveCenter(rect.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    path = QPainterPath()
    path.addRoundedRect(card, m.radius, m.radius)
    painter.fillPath(path, theme.PAPER)
    # a lantern's tassel of seal red down the card's left edge marks the riddle
    painter.fillRect(
        QRectF(card.left() + m.px(28), card.top() + pad, m.px(6), card.height() - 2 * pad),
        theme.SEAL,
    )
    paint_stack(painter, stack, QPointF(card.left() + pad, card.top() + pad), shown)
    if shown is not None:  # where the answer will be, a quiet word that it is coming
        top = card.top() + pad + sum(g + b.size[1] for b, _, g in stack.lines[:shown])
        soon = " · ".join(tr("riddle_answer_soon", lang) for lang in ("zh", "en"))
        painter.setFont(m.font("serif", 30, lang="en"))
        painter.setPen(theme.CELADON)
        painter.drawText(
            QRectF(card.left() + pad, top, width, card.bottom() - pad - top),
            int(Qt.AlignmentFlag.AlignCenter),
            soon,
        )
    painter.restore()
    return card
