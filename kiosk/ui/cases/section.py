"""The warning cases section (警示案例): the cases by year or by topic, one tap apart.

A list of the history section's cards (``ListScreen``), under a heading per
group: the year of the notice (newest first) or each linked topic (a case
without one under "other").  Two buttons above switch the grouping; the one in
use is the screen's one seal-red mark.  A card gives the title, the person and
former post, and the date with the outcome; a tap opens the case page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.catalog.library import format_years
from kiosk.strings import field
from kiosk.ui.cases.card import case_date
from kiosk.ui.cases.groups import Heading, by_topic, by_year
from kiosk.ui.history.lists import CardDelegate, ListScreen
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.models import ITEM

GROUPINGS = ("year", "topic")


class CaseDelegate(CardDelegate):
    """The history lists' card for a case; a group's heading in section type."""

    def sizeHint(self, option, index) -> QSize:
        if isinstance(index.data(ITEM), Heading):
            return QSize(option.rect.width(), self.screen.heading_height())
        return super().sizeHint(option, index)

    def paint(self, painter: QPainter, option, index) -> None:
        heading = index.data(ITEM)
        if not isinstance(heading, Heading):
            super().paint(painter, option, index)
            return
        m, lang = self.screen.ctx.m, self.screen.ctx.lang
        font = m.section(lang)
        fm = QFontMetrics(font)
        r = QRectF(option.rect)
        text = QRectF(r.left(), r.bottom() - m.px(20) - fm.height(), r.width(), fm.height())
        painter.save()
        painter.setFont(font)
        painter.setPen(theme.INK)
        painter.drawText(
            text,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(heading.label, Qt.TextElideMode.ElideRight, int(r.width())),
        )
        painter.restore()


class CasesScreen(ListScreen):
    name = "cases"
    kinds = ("case",)
    title_key = "case"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        self.grouping = "year"
        self._cases: list[dict[str, Any]] | None = None
        self._topics: dict[str, list[dict[str, Any]]] = {}
        self.toggles: dict[str, Button] = {}
        super().__init__(ctx, parent)
        self.view.setItemDelegate(CaseDelegate(self))
        self.view.setUniformItemSizes(False)  # headings are lower than cards
        self.view.clicked.disconnect()
        self.view.clicked.connect(self._clicked)
        bar = QHBoxLayout()
        bar.setSpacing(ctx.m.gutter)
        for grouping in GROUPINGS:
            button = Button(ctx, lambda g=grouping: ctx.tr(f"cases_by_{g}"))
            button.clicked.connect(lambda g=grouping: self.group_by(g))
            bar.addWidget(button)
            self.toggles[grouping] = button
        bar.addStretch(1)
        self.body.insertLayout(0, bar)
        self._mark()

    @property
    def entries(self) -> list[Heading | dict[str, Any]]:
        return self.model.items

    def headings(self) -> list[str]:
        return [e.label for e in self.entries if isinstance(e, Heading)]

    # ------------------------------------------------------------ navigation
    def enter(self, **args: Any) -> None:
        if self._cases is None or self.ctx.library.changed(self):
            library = self.ctx.library
            self._cases = library.rows(list(self.kinds))
            self._topics = {
                row["key"]: [w.item for w in library.linked(row, ["topic"])] for row in self._cases
            }
            self._fill()
        self.view.setVisible(bool(self._cases))
        self.empty.setVisible(not self._cases)

    def group_by(self, grouping: str) -> None:
        if grouping != self.grouping:
            self.grouping = grouping
            self._fill()
            self.view.scrollToTop()
        self._mark()

    def _fill(self) -> None:
        rows, lang = self._cases or [], self.ctx.lang
        if self.grouping == "topic":
            entries = by_topic(
                rows,
                self._topics,
                lambda topic: field(topic, "title", lang),
                self.ctx.tr("cases_other"),
            )
        else:
            entries = by_year(
                rows,
                lambda year: format_years(year, None, lang),
                self.ctx.tr("cases_undated"),
            )
        self.model.set_items(entries)

    def _mark(self) -> None:
        for grouping, button in self.toggles.items():
            button.accent = grouping == self.grouping
            button.update()

    def _clicked(self, index: QModelIndex) -> None:
        row = index.data(ITEM)
        if not isinstance(row, Heading):
            self.ctx.nav.go("case", key=row["key"])

    def snapshot(self) -> dict[str, Any]:
        return {**super().snapshot(), "grouping": self.grouping}

    def restore(self, state: dict[str, Any]) -> None:
        self.group_by(state.get("grouping", self.grouping))
        super().restore(state)

    def reset(self) -> None:
        self.group_by("year")
        super().reset()

    # ----------------------------------------------------------------- cards
    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        """The title; beneath it the person on one line, then the date and outcome."""
        m, lang = self.ctx.m, self.ctx.lang
        when = " · ".join(x for x in (case_date(row, lang), field(row, "outcome", lang)) if x)
        person = QFontMetrics(m.caption(lang)).elidedText(
            field(row, "person", lang),
            Qt.TextElideMode.ElideRight,
            self.view.viewport().width() - 2 * m.px(36),  # the card's text (CardDelegate)
        )
        return field(row, "title", lang), "\n".join(x for x in (person, when) if x)

    def heading_height(self) -> int:
        m = self.ctx.m
        return QFontMetrics(m.section(self.ctx.lang)).height() + m.px(44)

    def retranslate(self) -> None:
        super().retranslate()
        for button in getattr(self, "toggles", {}).values():
            button.refresh()
        if getattr(self, "_cases", None) is not None:
            self._fill()
