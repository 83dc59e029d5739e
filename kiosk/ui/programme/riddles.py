"""The lantern riddles (screen "riddles", optional argument ``key``): guess, then tap.

Every riddle is a card with its face and hint; a tap reveals the answer, the
explanation and the source beneath (the card grows), a second tap hides them. Cards
stand in two columns on a landscape screen, one on a portrait one, and reflow with
the text size and language.

Search opens a riddle here scrolled into view and marked, but not revealed: a riddle
is there to be guessed, and the answer is one tap away. Each riddle the visitor
reads — revealed, or opened from search — is recorded as a visitor showing, ended
when it is hidden again or the screen is left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.screen import Context, InnerScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import PressableMixin
from kiosk.ui.widgets.riddle import Block, Stack, fit_stack, paint_stack, riddle_blocks
from kiosk.ui.widgets.scrolling import kinetic_area


class RiddleCard(PressableMixin, QWidget):
    """One riddle: face and hint, and with ``revealed`` its answer; its height follows."""

    clicked = Signal()

    def __init__(self, ctx: Context, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.revealed = False
        self.marked = False  # the riddle search asked for
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._width = 0

    @property
    def key(self) -> str:
        return self.row["key"]

    def pad(self) -> int:
        return self.ctx.m.px(40)

    def stack(self, width: float) -> Stack:
        ctx, m = self.ctx, self.ctx.m
        blocks = riddle_blocks(self.row, m, ctx.lang, revealed=self.revealed)
        prompt = ctx.tr("riddle_tap_again" if self.revealed else "riddle_tap")
        blocks.append(Block(prompt, m.caption(ctx.lang), theme.CELADON, m.px(24)))
        return fit_stack(blocks, width - 2 * self.pad(), 10**6)  # the card grows: never shrunk

    def needed_height(self, width: int) -> int:
        return int(self.stack(width).height + 0.999) + 2 * self.pad()

    def fit(self) -> None:
        """Take the height the text needs at the current width."""
        if self.width() > 0:
            self.setFixedHeight(self.needed_height(self.width()))

    def set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        self.fit()
        self.update()

    def resizeEvent(self, event) -> None:
        if self.width() != self._width:
            self._width = self.width()
            self.fit()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        p.fillPath(path, theme.PAPER_DEEP)
        if self.marked:
            p.setPen(QPen(theme.SEAL, m.px(3)))
            p.drawPath(path)
        self._press_overlay(p, path)
        pad = self.pad()
        paint_stack(p, self.stack(self.width()), QPointF(pad, pad))

    def activate(self) -> None:
        self.clicked.emit()


class RiddlesScreen(InnerScreen):
    name = "riddles"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scroll = kinetic_area()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.empty, 1)
        self.empty.hide()
        self.rows: list[dict[str, Any]] = []
        self.cards: list[RiddleCard] = []
        self.showings: dict[str, Any] = {}  # key -> the open record of a riddle being read
        self._loaded = False
        self._columns = 0
        self.retranslate()

    def title(self) -> str:
        return self.ctx.tr("riddles")

    # ------------------------------------------------------------ navigation
    def enter(self, key: str | None = None, **args: Any) -> None:
        if not self._loaded or self.ctx.library.changed(self):
            self.rows = self.ctx.library.rows(["riddle"])
            self._loaded = True
            self._build()
        for card in self.cards:
            card.marked = card.key == key
            card.update()
        self.scroll.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        if key is not None:
            card = self.card(key)
            if card is not None:
                self._begin(card.row)
                QTimer.singleShot(0, self, lambda c=card: self._show_card(c))

    def leave(self) -> None:
        for key in list(self.showings):
            self._end(key)

    def reset(self) -> None:
        self.leave()
        for card in self.cards:
            card.marked = False
            if card.revealed:
                card.set_revealed(False)
        self.scroll.verticalScrollBar().setValue(0)

    def snapshot(self) -> dict[str, Any]:
        return {"scroll": self.scroll.verticalScrollBar().value()}

    def restore(self, state: dict[str, Any]) -> None:
        value = int(state.get("scroll", 0))
        QTimer.singleShot(0, self, lambda: self.scroll.verticalScrollBar().setValue(value))

    def card(self, key: str) -> RiddleCard | None:
        return next((c for c in self.cards if c.key == key), None)

    def _show_card(self, card: RiddleCard) -> None:
        content = self.scroll.widget()
        if content is not None and content.layout() is not None:
            content.layout().activate()
        self.scroll.ensureWidgetVisible(card, 0, self.ctx.m.gutter)

    # --------------------------------------------------------------- reveal
    def toggle(self, card: RiddleCard) -> None:
        card.set_revealed(not card.revealed)
        if card.revealed:
            self._begin(card.row)
            QTimer.singleShot(0, self, lambda: self._show_card(card))  # the answer in view
        else:
            self._end(card.key)

    def _begin(self, row: dict[str, Any]) -> None:
        if row["key"] not in self.showings and self.ctx.records is not None:
            self.showings[row["key"]] = self.ctx.records.begin(row, "visitor")

    def _end(self, key: str) -> None:
        showing = self.showings.pop(key, None)
        if showing is not None:
            self.ctx.records.end(showing, "completed")

    # ---------------------------------------------------------------- build
    def _build(self) -> None:
        revealed = {c.key for c in self.cards if c.revealed}
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        m = self.ctx.m
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(m.px(8), m.px(8), m.px(8), m.gutter)
        self.grid = QGridLayout()
        self.grid.setSpacing(m.gutter)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.cards = []
        for row in self.rows:
            card = RiddleCard(self.ctx, row)
            card.revealed = row["key"] in revealed
            card.clicked.connect(lambda c=card: self.toggle(c))
            self.cards.append(card)
        self._columns = 0
        self._arrange()
        self.scroll.setWidget(content)

    def _arrange(self) -> None:
        columns = 2 if self.width() >= self.height() else 1
        if columns == self._columns or not hasattr(self, "grid"):
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
        for c in range(2):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "scroll"):
            return
        self.empty.setFont(self.ctx.m.reading(self.ctx.lang))
        self.empty.setText(self.ctx.tr("no_items"))
        for card in self.cards:
            card.fit()
            card.update()
