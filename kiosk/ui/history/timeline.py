"""The timeline: people and events in order of their years, grouped by era, BCE to today.

A vertical spine with the year on its left and a card on its right, so it
reads the same on a landscape or a portrait screen and scrolls kinetically
through thousands of entries (model/view: rows are painted, not widgets).
Entries are grouped under the era the catalogue gives them (朝代 — the
operator's own words, so 三国·蜀汉 stays 三国·蜀汉); an entry without an era
falls under its century.  Each era appears once, in the order of its
earliest entry.  A strip of era names above jumps to each group.
A person stands at the year of birth (else death); an undated entry is left
out — it is still in the people and events lists.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QScroller,
    QStyledItemDelegate,
    QWidget,
)

from kiosk.catalog.library import format_century, format_years
from kiosk.strings import field
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button
from kiosk.ui.widgets.cards import PRESSED
from kiosk.ui.widgets.models import ITEM, ObjectListModel
from kiosk.ui.widgets.scrolling import kinetic_area, kinetic_list, press_feedback

KINDS = ("person", "event")


@dataclass(frozen=True)
class Era:
    label: str


@dataclass(frozen=True)
class Entry:
    row: dict[str, Any]
    year: int


def entry_year(row: dict[str, Any]) -> int | None:
    """Where a row stands on the timeline: its first year, else its last."""
    year = row.get("year_from")
    return year if year is not None else row.get("year_to")


def era_label(row: dict[str, Any], year: int, lang: str) -> str:
    return field(row, "era", lang) or format_century(year, lang)


def timeline(rows: list[dict[str, Any]], lang: str) -> list[Era | Entry]:
    """Dated rows under one heading per era: eras in order of their earliest entry,
    entries within an era by year (a person before an event of the same year).

    Eras overlap (a man born under one regime acts under the next), so each era
    gathers its own entries rather than the heading flipping back and forth.
    """
    dated = [(entry_year(r), r) for r in rows]
    ordered = sorted(
        ((y, r) for y, r in dated if y is not None),
        key=lambda yr: (yr[0], yr[1]["kind"] != "person", yr[1]["sort_order"], yr[1]["id"]),
    )
    groups: dict[str, list[Entry]] = {}
    for year, row in ordered:
        groups.setdefault(era_label(row, year, lang), []).append(Entry(row, year))
    out: list[Era | Entry] = []
    for label, entries in groups.items():  # dicts keep the order of first appearance
        out.append(Era(label))
        out.extend(entries)
    return out


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, screen: TimelineScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def sizeHint(self, option, index) -> QSize:
        obj = index.data(ITEM)
        s = self.screen
        height = s.era_height() if isinstance(obj, Era) else s.entry_height()
        return QSize(option.rect.width(), height)

    def paint(self, p: QPainter, option, index) -> None:
        s = self.screen
        ctx, m = s.ctx, s.ctx.m
        obj = index.data(ITEM)
        r = QRectF(option.rect)
        spine = s.spine_x()
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(
            QRectF(spine - m.px(1.5), r.top(), max(2, m.px(3)), r.height()),
            theme.CELADON,
        )
        if isinstance(obj, Era):
            font = m.section(ctx.lang)
            fm = QFontMetrics(font)
            y = r.bottom() - m.px(18) - fm.height()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(theme.CELADON)
            side = m.px(22)
            p.drawRect(QRectF(spine - side / 2, y + (fm.height() - side) / 2, side, side))
            p.setFont(font)
            p.setPen(theme.INK)
            p.drawText(
                QRectF(spine + m.px(36), y, r.width() - spine - m.px(36), fm.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fm.elidedText(obj.label, Qt.TextElideMode.ElideRight, int(r.width() - spine)),
            )
            p.restore()
            return
        row = obj.row
        gap = m.px(16)
        card = QRectF(spine + m.px(36), r.top() + gap / 2, r.right() - spine - m.px(36), 0)
        card.setBottom(r.bottom() - gap / 2)
        # The dot on the spine: a ring for a person, filled for an event.
        dot = m.px(11)
        centre = QPointF(spine, card.center().y())
        p.setPen(QPen(theme.CELADON, max(2, m.px(4))))
        p.setBrush(theme.PAPER if row["kind"] == "person" else theme.CELADON)
        p.drawEllipse(centre, dot, dot)
        # The year, right-aligned against the spine.
        year_font = m.label(ctx.lang)
        p.setFont(year_font)
        p.setPen(theme.INK_SOFT)
        ym = QFontMetrics(year_font)
        year_text = format_years(obj.year, None, ctx.lang)
        p.drawText(
            QRectF(0, centre.y() - ym.height() / 2, spine - m.px(30), ym.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            year_text,
        )
        path = QPainterPath()
        path.addRoundedRect(card, m.radius, m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        if s.pressed_row == index.row():
            p.fillPath(path, PRESSED)
        pad = m.px(28)
        inner = card.adjusted(pad, 0, -pad, 0)
        title_font = s.title_font()
        tm = QFontMetrics(title_font)
        cap = m.caption(ctx.lang)
        cm = QFontMetrics(cap)
        top = inner.top() + (inner.height() - tm.height() - m.px(6) - cm.height()) / 2
        p.setFont(title_font)
        p.setPen(theme.INK)
        title = field(row, "title", ctx.lang)
        p.drawText(
            QRectF(inner.left(), top, inner.width(), tm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            tm.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        years = format_years(row.get("year_from"), row.get("year_to"), ctx.lang)
        sub = " · ".join(
            x for x in (ctx.tr("kind_" + row["kind"]), years, field(row, "summary", ctx.lang)) if x
        )
        p.setFont(cap)
        p.setPen(theme.INK_SOFT)
        p.drawText(
            QRectF(inner.left(), top + tm.height() + m.px(6), inner.width(), cm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            cm.elidedText(sub, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        p.restore()


class TimelineScreen(InnerScreen):
    name = "timeline"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ObjectListModel()
        self.view = kinetic_list(QListView())
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self))
        press_feedback(self, self.view, lambda index: isinstance(index.data(ITEM), Entry))
        self.view.clicked.connect(self._clicked)
        self.view.verticalScrollBar().valueChanged.connect(lambda _: self._mark_era())
        # The eras, as a strip of buttons that scrolls sideways when there are many.
        self.eras = kinetic_area()
        self.era_buttons: list[Button] = []
        self._era_rows: list[int] = []  # the model row of each era's heading
        self.body.addWidget(self.eras)
        self.body.addWidget(self.view, 1)
        self._rows: list[dict[str, Any]] | None = None
        self._built_lang: str | None = None

    def title(self) -> str:
        return self.ctx.tr("timeline")

    @property
    def entries(self) -> list[Era | Entry]:
        return self.model.items

    def enter(self, **args: Any) -> None:
        if self._rows is None or self.ctx.library.changed(self):
            self._rows = self.ctx.library.rows(list(KINDS))
            self._built_lang = None
        if self._built_lang != self.ctx.lang:
            self._fill()

    def prewarm(self) -> None:
        self.ctx.library.changed(self)
        self.enter()

    def _fill(self) -> None:
        self._built_lang = self.ctx.lang
        self.model.set_items(timeline(self._rows or [], self.ctx.lang))
        for button in self.era_buttons:
            button.deleteLater()
        strip = QWidget()
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(self.ctx.m.px(12))
        self.era_buttons = []
        self._era_rows = []
        for i, obj in enumerate(self.entries):
            if isinstance(obj, Era):
                button = Button(self.ctx, lambda label=obj.label: label)
                button.clicked.connect(lambda i=i: self.jump(i))
                row.addWidget(button)
                self.era_buttons.append(button)
                self._era_rows.append(i)
        row.addStretch(1)
        old = self.eras.takeWidget()
        if old is not None:
            old.deleteLater()
        self.eras.setWidget(strip)
        self.eras.setFixedHeight(self.ctx.m.touch_min + self.ctx.m.px(8))
        self.eras.setVisible(len(self.era_buttons) > 1)
        self._mark_era()

    def current_era(self) -> int:
        """Which era the top of the list is in (an index into ``era_buttons``)."""
        top = self.view.indexAt(self.view.viewport().rect().topLeft() + QPoint(1, 1))
        row = top.row() if top.isValid() else 0
        return max(0, bisect_right(self._era_rows, row) - 1)

    def _mark_era(self) -> None:
        """The era being read is the strip's one seal-red button, kept in view."""
        if not self.era_buttons:
            return
        current = self.current_era()
        for i, button in enumerate(self.era_buttons):
            if button.accent != (i == current):
                button.accent = i == current
                button.update()
        self.eras.ensureWidgetVisible(self.era_buttons[current], self.ctx.m.px(48), 0)

    def jump(self, row: int) -> None:
        QScroller.scroller(self.view.viewport()).stop()
        self.view.scrollTo(self.model.index(row), QListView.ScrollHint.PositionAtTop)

    def _clicked(self, index: QModelIndex) -> None:
        obj = index.data(ITEM)
        if isinstance(obj, Entry):
            self.ctx.nav.go("item", key=obj.row["key"])

    def snapshot(self) -> dict[str, Any]:
        return {"scroll": self.view.verticalScrollBar().value()}

    def restore(self, state: dict[str, Any]) -> None:
        self.view.doItemsLayout()
        self.view.verticalScrollBar().setValue(int(state.get("scroll", 0)))

    def reset(self) -> None:
        self.view.scrollToTop()

    # --------------------------------------------------------------- metrics
    def title_font(self):
        m = self.ctx.m
        return m.font("serif", 38 if m.large else 32, bold=True, lang=self.ctx.lang)

    def entry_height(self) -> int:
        m = self.ctx.m
        text = QFontMetrics(self.title_font()).height() + m.px(6)
        text += QFontMetrics(m.caption(self.ctx.lang)).height()
        return text + 2 * m.px(22) + m.px(16)

    def era_height(self) -> int:
        return QFontMetrics(self.ctx.m.section(self.ctx.lang)).height() + self.ctx.m.px(56)

    def spine_x(self) -> int:
        m = self.ctx.m
        sample = format_years(-1000, None, self.ctx.lang)
        return QFontMetrics(m.label(self.ctx.lang)).horizontalAdvance(sample) + m.px(56)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "view"):
            return
        if self._rows is not None:
            self._fill()
        self.view.reset()
