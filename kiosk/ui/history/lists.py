"""Long, calm lists: sayings (aphorisms and couplets), and the history section's people,
places, events and topics.

Model/view, so ten thousand items scroll as smoothly as ten: each row is a
card painted by a delegate (title, then two lines beneath, elided), of one
height per screen.  Tapping a card opens the item's detail screen; back
returns to the list exactly where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyledItemDelegate,
    QWidget,
)

from kiosk.catalog.library import format_years
from kiosk.strings import field
from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.cards import destination
from kiosk.ui.widgets.models import ITEM, ObjectListModel
from kiosk.ui.widgets.scrolling import kinetic_list, press_feedback
from kiosk.ui.widgets.text import wrap_lines


def _years(row: dict[str, Any], lang: str) -> str:
    return format_years(row.get("year_from"), row.get("year_to"), lang)


class CardDelegate(QStyledItemDelegate):
    """Paints one card: a title line and up to two lines beneath, on paper-deep.

    ``screen`` gives the text and sizes: ``card_text(row)``, ``card_title_font()``,
    ``card_height()``, and ``pressed_row`` for touch feedback.
    """

    def __init__(self, screen: ListScreen) -> None:
        super().__init__(screen)
        self.screen = screen

    def sizeHint(self, option, index) -> QSize:
        return QSize(option.rect.width(), self.screen.card_height())

    def paint(self, painter: QPainter, option, index) -> None:
        screen = self.screen
        m = screen.ctx.m
        row = index.data(ITEM)
        title, sub = screen.card_text(row)
        gap = m.gutter
        r = QRectF(option.rect).adjusted(0, 0, 0, -gap)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        painter.fillPath(path, theme.PAPER_DEEP)
        if screen.pressed_row == index.row():
            painter.fillPath(path, QColor(0, 0, 0, 16))  # touch feedback: 6 % darker
        pad_x, pad_y = m.px(36), m.px(24)
        inner = r.adjusted(pad_x, pad_y, -pad_x, -pad_y)
        title_font = screen.card_title_font()
        fm = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(theme.INK)
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        if sub:
            sub_font = m.caption(screen.ctx.lang)
            painter.setFont(sub_font)
            painter.setPen(theme.INK_SOFT)
            top = inner.top() + fm.height() + m.px(10)
            _draw_lines(
                painter,
                sub,
                sub_font,
                QRectF(inner.left(), top, inner.width(), inner.bottom() - top),
                2,
            )
        painter.restore()


def _draw_lines(painter: QPainter, text: str, font, rect: QRectF, max_lines: int) -> None:
    """Paragraphs of ``text`` wrapped into at most ``max_lines`` lines in ``rect``."""
    fm = QFontMetrics(font)
    y, left = rect.top(), max_lines
    for paragraph in text.split("\n"):
        for line in wrap_lines(paragraph, font, rect.width(), left):
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), fm.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
            y += fm.lineSpacing()
            left -= 1
        if left <= 0:
            break


class ListScreen(InnerScreen):
    """Cards of items of some kinds; a tap opens the item's detail screen."""

    kinds: tuple[str, ...] = ()
    title_key = ""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ObjectListModel()
        self.view = kinetic_list(QListView())
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self))
        self.view.setUniformItemSizes(True)
        press_feedback(self, self.view)
        self.view.clicked.connect(lambda index: self.open(index.data(ITEM)["key"]))
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.empty, 1)
        self.empty.hide()
        self._loaded = False
        self.retranslate()

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.model.items

    def title(self) -> str:
        return self.ctx.tr(self.title_key) if self.title_key else ""

    def enter(self, **args: Any) -> None:
        if not self._loaded or self.ctx.library.changed(self):
            self.model.set_items(self.ctx.library.rows(list(self.kinds)))
            self._loaded = True
        self.view.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)

    def open(self, key: str) -> None:
        self.ctx.nav.go("item", key=key)

    def snapshot(self) -> dict[str, Any]:
        return {"scroll": self.view.verticalScrollBar().value()}

    def restore(self, state: dict[str, Any]) -> None:
        self.view.doItemsLayout()
        self.view.verticalScrollBar().setValue(int(state.get("scroll", 0)))

    def card_height(self) -> int:
        m = self.ctx.m
        title = QFontMetrics(self.card_title_font()).height()
        sub = QFontMetrics(m.caption(self.ctx.lang)).lineSpacing() * 2
        return title + sub + m.px(10) + 2 * m.px(24) + m.gutter

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        raise NotImplementedError

    def card_title_font(self):
        return self.ctx.m.font(
            "serif", 40 if self.ctx.m.large else 34, bold=True, lang=self.ctx.lang
        )

    def reset(self) -> None:
        self.view.scrollToTop()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "view"):
            return
        self.view.setSpacing(0)
        self.view.reset()  # card height follows the text size
        self.empty.setFont(self.ctx.m.reading(self.ctx.lang))
        self.empty.setText(self.ctx.tr("no_items"))


def source_line(row: dict[str, Any], lang: str) -> str:
    """An aphorism's author and source: 杨震 · 《后汉书·杨震列传》."""
    return " · ".join(x for x in (field(row, "author", lang), field(row, "source", lang)) if x)


class AphorismScreen(ListScreen):
    """The sayings: aphorisms, and couplets (marked 对联, opening their own page)."""

    name = "aphorisms"
    kinds = ("aphorism", "couplet")
    title_key = "aphorisms"

    def card_title_font(self):
        return self.ctx.m.display(52 if self.ctx.m.large else 46)

    def open(self, key: str) -> None:
        kind = next((r["kind"] for r in self.rows if r["key"] == key), "aphorism")
        screen, args = destination(kind, key)
        self.ctx.nav.go(screen, **args)

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        lang = self.ctx.lang
        source = source_line(row, lang)
        if row["kind"] == "couplet":
            return couplet_card_text(self.ctx, row, source)
        if lang == "en" and row.get("title_en"):
            return row["title_zh"] or "", f"{row['title_en']}\n— {source}" if source else ""
        return row["title_zh"] or "", f"—— {source}" if source else ""


def couplet_card_text(ctx: Context, row: dict[str, Any], source: str) -> tuple[str, str]:
    """A couplet among the sayings: its upper and lower lines, then 对联 · its source."""
    lang = ctx.lang
    title = "　".join(x for x in (row.get("upper_zh"), row.get("lower_zh")) if x)
    mark = " · ".join(x for x in (ctx.tr("kind_couplet"), source) if x)
    if lang == "en":
        english = " / ".join(x for x in (row.get("upper_en"), row.get("lower_en")) if x)
        return title, "\n".join(x for x in (mark, english) if x)  # the mark never elided
    return title, mark


def meta_line(ctx: Context, row: dict[str, Any], *, kind: bool = True) -> str:
    """Kind · era · years, in the visitor's language."""
    lang = ctx.lang
    parts = (
        ctx.tr("kind_" + row["kind"]) if kind else "",
        field(row, "era", lang),
        _years(row, lang),
    )
    return " · ".join(x for x in parts if x)


class KindListScreen(ListScreen):
    """People, places, events or topics: one screen per kind (each keeps its own scroll)."""

    def __init__(self, ctx: Context, kind: str, parent: QWidget | None = None) -> None:
        self.kinds = (kind,)
        self.title_key = kind
        self.name = {"person": "people", "place": "places", "event": "events"}.get(kind, kind + "s")
        super().__init__(ctx, parent)

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        lang = self.ctx.lang
        meta = meta_line(self.ctx, row, kind=False)
        if row["kind"] == "place":
            meta = " · ".join(x for x in (meta, row.get("region") if lang == "zh" else "") if x)
        summary = field(row, "summary", lang)
        lines = "\n".join(x for x in (meta, summary) if x)
        return field(row, "title", lang), lines
