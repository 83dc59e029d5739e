"""An aphorism typeset on a paper card: the attract loop's aphorism slides.

``Aphorism(text, source, english)``, ``Aphorism.from_item(row)``, ``citation(row)``
    An aphorism from a catalogue row; the citation reads 〔东汉〕杨震《后汉书·杨震列传》.
``paint_aphorism(painter, rect, aphorism, metrics, *, english=True) -> QRectF``
    A whole aphorism on a paper card centred in ``rect``: Kai text (vertical
    when short and its clauses fit a column at ≥ 72 px, else in lines), the
    source in a small serif (an inscription column at the left, or a line
    beneath), and the English rendering beneath in ink-soft. Returns the card;
    ``aphorism_card_rect(rect, aphorism, metrics)`` computes it without painting.
``paint_paper_card(painter, card, metrics)``
    The paper and hairline mount of the loop's text cards (the case card's too).

The typesetting itself is ``kiosk.ui.widgets.vertical`` (Chinese) and
``kiosk.ui.widgets.text`` (English).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from kiosk.ui.widgets import theme
from kiosk.ui.widgets.text import (
    HorizontalLayout,
    at_size,
    build_horizontal,
    latin_serif,
    layout_horizontal,
    paint_horizontal,
)
from kiosk.ui.widgets.vertical import (
    LinesLayout,
    VerticalLayout,
    fits_vertically,
    layout_lines,
    layout_vertical,
    paint_lines,
    paint_vertical,
)


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
    return build_horizontal(
        " ".join(a.english.split()),
        width,
        at_size(font, m.px(22)),
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
        src = build_horizontal("——" + a.source, block_w, src.font, 1.6, Qt.AlignmentFlag.AlignRight)
    src_origin = QPointF(x, y + hbody.size[1] + m.px(12))
    text_box = QPointF(x, y)
    return _Composition(card, hbody, text_box, src, src_origin, eng, english_at(card), block_w)


def aphorism_card_rect(
    rect: QRectF, aphorism: Aphorism, m: theme.Metrics, *, english: bool = True
) -> QRectF:
    """The card ``paint_aphorism`` would paint inside ``rect``."""
    return _compose(rect, aphorism, m, english).card


def paint_paper_card(painter: QPainter, card: QRectF, m: theme.Metrics) -> QPainterPath:
    """The loop's text cards' ground: paper in ``card``, with a hairline inner frame as the
    mount around a scroll; antialiased from here on.  Returns the card's outline."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    path = QPainterPath()
    path.addRoundedRect(card, m.radius, m.radius)
    painter.fillPath(path, theme.PAPER)
    inset = m.px(20)
    line = QColor(theme.INK)
    line.setAlphaF(0.16)
    painter.setPen(QPen(line, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(card.adjusted(inset, inset, -inset, -inset))
    return path


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
    paint_paper_card(painter, c.card, m)
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
