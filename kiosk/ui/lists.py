"""Aphorisms and (until the history section is built) local history: long, calm lists.

Model/view, so ten thousand items scroll as smoothly as ten: each row is a
card painted by a delegate (title, then two lines beneath, elided), of one
height per screen.  Tapping a card opens the item's full text on the same
screen; back returns to the list exactly where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QStyledItemDelegate,
    QWidget,
)

from kiosk.catalog.years import format_years
from kiosk.ui import theme
from kiosk.ui.base import Context, InnerScreen
from kiosk.ui.models import ITEM, ObjectListModel
from kiosk.ui.strings import field
from kiosk.ui.text import wrap_lines


def _years(row: dict[str, Any], lang: str) -> str:
    return format_years(row.get("year_from"), row.get("year_to"), lang)


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


class CardDelegate(QStyledItemDelegate):
    """Paints one card: a title line and up to two lines beneath, on paper-deep."""

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
    """Cards of items of some kinds; a tap shows one item's full text."""

    kinds: tuple[str, ...] = ()
    title_key = ""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pressed_row: int | None = None
        self.pages = QStackedWidget()
        self.model = ObjectListModel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self))
        self.view.setUniformItemSizes(True)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setStyleSheet(f"QListView {{ background: {theme.PAPER.name()}; }}")
        QScroller.grabGesture(
            self.view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.view.pressed.connect(self._pressed)
        self.view.clicked.connect(lambda index: self.show_item(index.data(ITEM)["key"]))
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setFrameShape(QFrame.Shape.NoFrame)
        self.detail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            self.detail.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setWidget(self.detail_label)
        self.detail.setStyleSheet(
            f"QScrollArea, QScrollArea > QWidget > QWidget {{ background: {theme.PAPER.name()}; }}"
        )
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.detail)
        self.body.addWidget(self.pages, 1)
        self.back_button.clicked.disconnect()
        self.back_button.clicked.connect(self._back)
        self.open_key: str | None = None
        self._showing = None
        self._loaded = False
        self.retranslate()

    def _pressed(self, index: QModelIndex) -> None:
        self.pressed_row = index.row()
        self.view.viewport().update()
        QTimer.singleShot(180, self._released)

    def _released(self) -> None:
        self.pressed_row = None
        self.view.viewport().update()

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self.model.items

    def title(self) -> str:
        return self.ctx.tr(self.title_key) if self.title_key else ""

    def enter(self, **args: Any) -> None:
        if not self._loaded or self.ctx.library.changed(self):
            self.model.set_items(self.ctx.library.rows(list(self.kinds)))
            self._loaded = True
        if args.get("key"):
            self.show_item(args["key"])

    def card_height(self) -> int:
        m = self.ctx.m
        title = QFontMetrics(self.card_title_font()).height()
        sub = QFontMetrics(m.caption(self.ctx.lang)).lineSpacing() * 2
        return title + sub + m.px(10) + 2 * m.px(24) + m.gutter

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        raise NotImplementedError

    def detail_html(self, row: dict[str, Any]) -> str:
        raise NotImplementedError

    def card_title_font(self):
        return self.ctx.m.font(
            "serif", 40 if self.ctx.m.large else 34, bold=True, lang=self.ctx.lang
        )

    def show_item(self, key: str) -> None:
        row = self.ctx.library.item(key)
        if row is None:
            return
        self._end_showing()
        self.open_key = key
        self.detail_label.setText(self.detail_html(row))
        self.detail.verticalScrollBar().setValue(0)
        self.pages.setCurrentWidget(self.detail)
        if self.ctx.records is not None:
            self._showing = self.ctx.records.begin(row, "visitor")

    def _end_showing(self) -> None:
        if self._showing is not None:
            self.ctx.records.end(self._showing, "completed")
            self._showing = None

    def _close_item(self) -> None:
        self._end_showing()
        self.open_key = None
        self.pages.setCurrentWidget(self.view)

    def _back(self) -> None:
        if self.open_key is not None:
            self._close_item()
        else:
            self.ctx.nav.back()

    def leave(self) -> None:
        if self.open_key is not None:
            self._close_item()

    def reset(self) -> None:
        self.leave()
        self.view.scrollToTop()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "view"):
            return
        m = self.ctx.m
        self.view.setSpacing(0)
        self.view.reset()  # card height follows the text size
        self.detail_label.setFont(m.reading(self.ctx.lang))
        self.detail_label.setContentsMargins(m.px(8), 0, m.px(48), m.gutter)
        if self.open_key is not None:
            row = self.ctx.library.item(self.open_key)
            if row is not None:
                self.detail_label.setText(self.detail_html(row))


class AphorismScreen(ListScreen):
    name = "aphorisms"
    kinds = ("aphorism",)
    title_key = "aphorisms"

    def card_title_font(self):
        return self.ctx.m.display(52 if self.ctx.m.large else 46)

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        lang = self.ctx.lang
        source = " · ".join(
            x for x in (field(row, "author", lang), field(row, "source", lang)) if x
        )
        if lang == "en" and row.get("title_en"):
            return row["title_zh"] or "", f"{row['title_en']}\n— {source}" if source else ""
        return row["title_zh"] or "", f"—— {source}" if source else ""

    def detail_html(self, row: dict[str, Any]) -> str:
        m, lang = self.ctx.m, self.ctx.lang
        kai = theme.family("kai") or ""
        parts = [
            f"<p style='font-family:\"{kai}\"; font-size:{m.px(88)}px; line-height:150%;'>"
            f"{_esc(row['title_zh'] or '')}</p>"
        ]
        if lang == "en" and row.get("title_en"):
            parts.append(f"<p style='font-size:{m.px(36)}px;'>{_esc(row['title_en'])}</p>")
        source = " · ".join(
            x for x in (field(row, "author", lang), field(row, "source", lang)) if x
        )
        if source:
            parts.append(f"<p style='color:{theme.INK_SOFT.name()};'>—— {_esc(source)}</p>")
        body = field(row, "body", lang)
        if body:
            parts.append(f"<p>{_esc(body)}</p>")
        return "".join(parts)


class HistoryScreen(ListScreen):
    name = "history"
    kinds = ("person", "place", "event")
    title_key = "history"

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        lang = self.ctx.lang
        meta = " · ".join(
            x for x in (self.ctx.tr(row["kind"]), field(row, "era", lang), _years(row, lang)) if x
        )
        summary = field(row, "summary", lang)
        return field(row, "title", lang), f"{meta}\n{summary}" if summary else meta

    def detail_html(self, row: dict[str, Any]) -> str:
        m, lang = self.ctx.m, self.ctx.lang
        meta = " · ".join(
            x
            for x in (
                field(row, "era", lang),
                _years(row, lang),
                row.get("region") if lang == "zh" else "",
            )
            if x
        )
        parts = [
            f"<p style='font-size:{m.px(64)}px; font-weight:bold;'>"
            f"{_esc(field(row, 'title', lang))}</p>"
        ]
        if meta:
            parts.append(f"<p style='color:{theme.INK_SOFT.name()};'>{_esc(meta)}</p>")
        for name in ("summary", "body"):
            text = field(row, name, lang)
            if text:
                parts.append(f"<p style='line-height:170%;'>{_esc(text)}</p>")
        linked = self.ctx.library.linked(row)
        if linked:
            names = "、".join(field(w.item, "title", lang) for w in linked[:12])
            label = "相关" if lang == "zh" else "Related"
            parts.append(f"<p style='color:{theme.CELADON.name()};'>{label}: {_esc(names)}</p>")
        return "".join(parts)
