"""Aphorisms and (until the history section is built) local history: readable lists of cards.

A card shows a title and a line or two beneath; tapping it opens the item's
text in full on the same screen, and back returns to the list where it was.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalog.years import format_years
from kiosk.ui import theme
from kiosk.ui.base import Context, InnerScreen
from kiosk.ui.strings import field


def _years(row: dict[str, Any], lang: str) -> str:
    return format_years(row.get("year_from"), row.get("year_to"), lang)


class Card(QFrame):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.sub = QLabel()
        self.sub.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.sub)
        self._down = False

    def apply_style(self, ctx: Context, title_font, sub_font) -> None:
        m = ctx.m
        self.layout().setContentsMargins(m.px(36), m.px(28), m.px(36), m.px(28))
        self.layout().setSpacing(m.px(10))
        self.title.setFont(title_font)
        self.sub.setFont(sub_font)
        self.setStyleSheet(
            f"#card {{ background: {theme.PAPER_DEEP.name()}; border-radius: {m.radius}px; }}"
            f"#card[down='true'] {{ background: {theme.PAPER_DEEP.darker(106).name()}; }}"
            f"QLabel {{ color: {theme.INK.name()}; background: transparent; }}"
        )
        pal = self.sub.palette()
        pal.setColor(self.sub.foregroundRole(), theme.INK_SOFT)
        self.sub.setPalette(pal)
        self.sub.setStyleSheet(f"color: {theme.INK_SOFT.name()}; background: transparent;")

    def _set_down(self, down: bool) -> None:
        self._down = down
        self.setProperty("down", "true" if down else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event) -> None:
        self._down = True
        self._press_pos = event.position()
        self._set_down(True)

    def mouseMoveEvent(self, event) -> None:
        if self._down and (event.position() - self._press_pos).manhattanLength() > 24:
            self._down = False  # a drag scrolls the list; it is not a tap
            self._set_down(False)

    def mouseReleaseEvent(self, event) -> None:
        was = self._down
        self._set_down(False)
        if was and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()


class ListScreen(InnerScreen):
    """Cards of items of some kinds; a tap shows one item's full text."""

    kinds: tuple[str, ...] = ()
    title_key = ""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages = QStackedWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            self.scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        self.scroll.setWidget(self.list_widget)
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setFrameShape(QFrame.Shape.NoFrame)
        self.detail.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            self.detail.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setWidget(self.detail_label)
        for area in (self.scroll, self.detail):
            area.setStyleSheet(
                "QScrollArea, QScrollArea > QWidget > QWidget "
                f"{{ background: {theme.PAPER.name()}; }}"
            )
        self.pages.addWidget(self.scroll)
        self.pages.addWidget(self.detail)
        self.body.addWidget(self.pages, 1)
        self.back_button.clicked.disconnect()
        self.back_button.clicked.connect(self._back)
        self.rows: list[dict[str, Any]] = []
        self.cards: list[Card] = []
        self.open_key: str | None = None
        self._loaded = False

    def title(self) -> str:
        return self.ctx.tr(self.title_key) if self.title_key else ""

    def enter(self, **args: Any) -> None:
        if not self._loaded or self.ctx.library.changed():
            self._load()
        if args.get("key"):
            self.show_item(args["key"])

    def _load(self) -> None:
        self.rows = [w.item for w in self.ctx.library.works(list(self.kinds))]
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for row in self.rows:
            card = Card()
            card.clicked.connect(lambda key=row["key"]: self.show_item(key))
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
        self._loaded = True
        self.retranslate()

    def card_text(self, row: dict[str, Any]) -> tuple[str, str]:
        raise NotImplementedError

    def detail_html(self, row: dict[str, Any]) -> str:
        raise NotImplementedError

    def show_item(self, key: str) -> None:
        row = next((r for r in self.rows if r["key"] == key), None)
        if row is None:
            return
        self.open_key = key
        self.detail_label.setText(self.detail_html(row))
        self.detail.verticalScrollBar().setValue(0)
        self.pages.setCurrentWidget(self.detail)
        if self.ctx.records is not None:
            self._showing = self.ctx.records.begin(row, "visitor")

    def _close_item(self) -> None:
        if getattr(self, "_showing", None) is not None:
            self.ctx.records.end(self._showing, "completed")
            self._showing = None
        self.open_key = None
        self.pages.setCurrentWidget(self.scroll)

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
        self.scroll.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "cards"):
            return
        m = self.ctx.m
        self.list_layout.setSpacing(m.gutter)
        self.list_layout.setContentsMargins(0, 0, m.px(8), m.gutter)
        for card, row in zip(self.cards, self.rows, strict=True):
            title, sub = self.card_text(row)
            card.title.setText(title)
            card.sub.setText(sub)
            card.sub.setVisible(bool(sub))
            card.apply_style(self.ctx, self.card_title_font(), m.caption(self.ctx.lang))
        self.detail_label.setFont(m.reading(self.ctx.lang))
        self.detail_label.setContentsMargins(m.px(8), 0, m.px(48), m.gutter)
        if self.open_key is not None:
            row = next(r for r in self.rows if r["key"] == self.open_key)
            self.detail_label.setText(self.detail_html(row))

    def card_title_font(self):
        return self.ctx.m.font(
            "serif", 40 if self.ctx.m.large else 34, bold=True, lang=self.ctx.lang
        )


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


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
        parts = [
            f'<p style=\'font-family:"{theme.family("kai") or ""}"; '
            f"font-size:{m.px(88)}px; line-height:150%;'>{_esc(row['title_zh'] or '')}</p>"
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
        years = _years(row, lang)
        head = field(row, "title", lang)
        era = field(row, "era", lang)
        meta = " · ".join(x for x in (self.ctx.tr(row["kind"]), era, years) if x)
        summary = field(row, "summary", lang)
        return head, f"{meta}\n{summary}" if summary else meta

    def detail_html(self, row: dict[str, Any]) -> str:
        m, lang = self.ctx.m, self.ctx.lang
        meta = " · ".join(
            x
            for x in (
                field(row, "era", lang),
                _years(row, lang),
                field(row, "region", lang) if lang == "zh" else "",
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
