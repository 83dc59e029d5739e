"""A warning case as a text card for the attract loop, and a notice's date in words.

``CaseCard.from_item(row)`` takes what the loop shows of a case: its title (and
the English title), the person and former post, the outcome, the date and the
source.  ``paint_case(painter, rect, card, metrics)`` sets it on a paper card
centred in ``rect``, as the aphorism card is set: the title centred with one
short seal-red rule beneath (the red line of an official notice), the person
and the outcome as reading text, and the source with the date beneath it at
the foot, right aligned where a notice is signed.  A long outcome is set smaller to fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from kiosk.catalog.library import format_years
from kiosk.strings import field, tr
from kiosk.ui.cases.groups import case_year
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.aphorism import paint_paper_card
from kiosk.ui.widgets.text import (
    HorizontalLayout,
    at_size,
    build_horizontal,
    latin_serif,
    layout_horizontal,
    paint_horizontal,
)

_LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def case_date(row: dict[str, Any], lang: str) -> str:
    """The notice's date in words (2000年9月14日 / 14 September 2000), else its year."""
    if row.get("date"):
        day = date.fromisoformat(row["date"])
        qdate = QDate(day.year, day.month, day.day)
        return _LOCALES[lang].toString(qdate, tr("case_date_format", lang))
    year = case_year(row)
    return format_years(year, None, lang) if year is not None else ""


@dataclass(frozen=True)
class CaseCard:
    title: str
    title_en: str = ""
    person: str = ""
    outcome: str = ""
    date: str = ""
    source: str = ""

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> CaseCard:
        return cls(
            field(item, "title", "zh"),
            (item.get("title_en") or "").strip(),
            field(item, "person", "zh"),
            field(item, "outcome", "zh"),
            case_date(item, "zh"),
            field(item, "source", "zh"),
        )


@dataclass
class _Block:
    layout: HorizontalLayout
    color: QColor
    gap: float  # space above it
    ruled: bool = False  # the seal-red rule beneath it (the title's last line)


def _blocks(card: CaseCard, m: theme.Metrics, measure: float, room: float) -> list[_Block]:
    centre, left, right = (
        Qt.AlignmentFlag.AlignHCenter,
        Qt.AlignmentFlag.AlignLeft,
        Qt.AlignmentFlag.AlignRight,
    )
    serif = m.font("serif", 34)
    blocks = [
        _Block(
            build_horizontal(tr("kind_case", "zh"), measure, m.font("sans", 26), 1.4, centre),
            theme.INK_SOFT,
            0,
        ),
        _Block(
            build_horizontal(card.title, measure, m.font("serif", 56, bold=True), 1.35, centre),
            theme.INK,
            m.px(14),
        ),
    ]
    if card.title_en:
        english = build_horizontal(card.title_en, measure, latin_serif(m, 28), 1.4, centre)
        blocks.append(_Block(english, theme.INK_SOFT, m.px(6)))
    blocks[-1].ruled = True
    rule = m.px(64)  # room for the seal-red rule beneath the title
    if card.person:
        person = build_horizontal(card.person, measure, serif, 1.6, left)
        blocks.append(_Block(person, theme.INK, rule))
        rule = m.px(18)
    # signed as a notice is: the source, and the date on a line of its own beneath it
    foot = "\u2028".join(x for x in (card.source, card.date) if x)
    footer = build_horizontal(foot, measure, m.font("serif", 26), 1.5, right) if foot else None
    if card.outcome:
        used = sum(b.layout.size[1] + b.gap for b in blocks) + rule + m.px(36)
        used += footer.size[1] if footer else 0
        outcome = layout_horizontal(
            card.outcome, measure, room - used, serif, m.px(34), m.px(22), line_height=1.6
        ) or build_horizontal(card.outcome, measure, at_size(serif, m.px(22)), 1.6, left)
        blocks.append(_Block(outcome, theme.INK, rule))
    if footer is not None:
        blocks.append(_Block(footer, theme.INK_SOFT, m.px(36)))
    return blocks


def paint_case(painter: QPainter, rect: QRectF, card: CaseCard, m: theme.Metrics) -> QRectF:
    """Set ``card`` on a paper card centred in ``rect``; returns the card's rectangle."""
    pad = m.px(76)
    measure = min(rect.width() - 2 * pad, m.px(1320))
    blocks = _blocks(card, m, measure, rect.height() - 2 * pad)
    height = sum(b.layout.size[1] + b.gap for b in blocks) + 2 * pad
    box = QRectF(0, 0, measure + 2 * pad, min(height, rect.height()))
    box.moveCenter(rect.center())
    painter.save()
    painter.setClipPath(paint_paper_card(painter, box, m))
    y = box.top() + pad
    for block in blocks:
        y += block.gap
        paint_horizontal(painter, block.layout, QPointF(box.left() + pad, y), block.color)
        y += block.layout.size[1]
        if block.ruled:
            width = m.px(56)
            painter.fillRect(
                QRectF(box.center().x() - width / 2, y + m.px(28), width, m.px(3)), theme.SEAL
            )
    painter.restore()
    return box
