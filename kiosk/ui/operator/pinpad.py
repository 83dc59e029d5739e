"""The operator's PIN pad.

The pad is reached only through the hidden gesture (see ``kiosk.ui.window``).
It shows dots, never digits, checks the PIN with a ``PinGuard`` against the
stored hash, and opens the operator panel when it is right.  With no PIN set
(no ``kiosk set-pin`` yet) the pad says so and accepts nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.pin import MAX_DIGITS, MIN_DIGITS, PinGuard
from kiosk.ui.operator.labels import plain_label, set_color
from kiosk.ui.screen import Context, Screen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, PressableMixin


class PadKey(PressableMixin, QWidget):
    """One key of the PIN pad: a digit, "delete" or "ok"."""

    clicked = Signal()

    def __init__(self, ctx: Context, text: Callable[[], str], *, role: str = "digit") -> None:
        super().__init__()
        self.ctx, self._text, self.role = ctx, text, role
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.refresh()

    def text(self) -> str:
        return self._text()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFixedSize(m.px(200), m.px(120))
        self.update()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        enabled = self.isEnabled()
        strong = self.role == "ok" and enabled
        p.fillPath(path, theme.INK if strong else theme.PAPER_DEEP)
        if enabled:
            self._press_overlay(p, path)
        fg = QColor(theme.PAPER if strong else theme.INK)
        if not enabled:
            fg = QColor(theme.INK_SOFT)
            fg.setAlphaF(0.45)
        p.setPen(fg)
        p.setFont(m.font("sans", 52) if self.role == "digit" else m.label())
        p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self._text())

    def activate(self) -> None:
        self.clicked.emit()


class PinDots(QWidget):
    """How many digits are typed: filled dots, with open ones up to the minimum length."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.count = 0
        self.refresh()

    def refresh(self) -> None:
        m = self.ctx.m
        self.setFixedSize(MAX_DIGITS * m.px(56), m.px(56))
        self.update()

    def set_count(self, count: int) -> None:
        self.count = count
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = max(MIN_DIGITS, self.count)
        d, step = m.px(22), m.px(56)
        x0 = (self.width() - (shown - 1) * step) / 2
        cy = self.height() / 2
        for i in range(shown):
            rect = QRectF(x0 + i * step - d / 2, cy - d / 2, d, d)
            if i < self.count:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(theme.INK)
            else:
                p.setPen(QPen(theme.INK_SOFT, max(1.5, m.px(2))))
                p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(rect)


class PinScreen(Screen):
    """A calm full-screen PIN pad; a right PIN opens the operator panel."""

    name = "pin"

    def __init__(
        self,
        ctx: Context,
        guard: PinGuard,
        load_hash: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.guard = guard
        self._load_hash = load_hash
        self._typed: list[str] = []
        self.state = "hint"  # hint | wrong | locked | unset
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.back_button = Button(ctx, lambda: ctx.tr("back"), icon="back", parent=self)
        self.back_button.clicked.connect(ctx.nav.back)

        self.title_label = plain_label()
        self.dots = PinDots(ctx)
        self.message = plain_label()
        self.detail = plain_label()
        for label in (self.title_label, self.message, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.keys: dict[str, PadKey] = {}
        grid = QGridLayout()
        layout_keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]
        for i, name in enumerate(layout_keys):
            if name == "delete":
                key = PadKey(ctx, lambda: ctx.tr("pin_delete"), role="delete")
                key.clicked.connect(self.delete)
            elif name == "ok":
                key = PadKey(ctx, lambda: ctx.tr("pin_ok"), role="ok")
                key.clicked.connect(self.confirm)
            else:
                key = PadKey(ctx, lambda d=name: d)
                key.clicked.connect(lambda d=name: self.type_digit(d))
            self.keys[name] = key
            grid.addWidget(key, i // 3, i % 3)
        self._grid = grid

        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.detail, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(grid)
        column.addStretch(1)
        grid.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._column = column

        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(250)
        self._lock_timer.timeout.connect(self.update_lock)
        self.retranslate()
        self._show_state()

    # ------------------------------------------------------------ what shows
    def typed_count(self) -> int:
        return len(self._typed)

    def retranslate(self) -> None:
        m = self.ctx.m
        self.back_button.refresh()
        self._place_back()
        self.title_label.setFont(m.heading())
        self.title_label.setText(self.ctx.tr("pin_title"))
        self.message.setFont(m.label())
        self.detail.setFont(m.caption())
        line = QFontMetrics(m.label()).lineSpacing()
        self.message.setFixedHeight(line + m.px(8))
        self.detail.setFixedHeight(QFontMetrics(m.caption()).lineSpacing() + m.px(8))
        self.dots.refresh()
        for key in self.keys.values():
            key.refresh()
        self._grid.setSpacing(m.gutter)
        self._column.setSpacing(m.px(16))
        self._column.setContentsMargins(m.bezel, m.bezel, m.bezel, m.bezel)
        self._show_state()

    def _place_back(self) -> None:
        m = self.ctx.m
        self.back_button.move(m.margin // 2 + m.bezel // 2, m.bezel)
        self.back_button.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_back()

    def _show_state(self) -> None:
        tr = self.ctx.tr
        locked = self.state == "locked"
        if self.state == "wrong":
            line, detail, color = tr("pin_wrong"), "", theme.SEAL
            left = self.guard.tries_left()
            if left <= 2:
                detail = self.ctx.trn("pin_tries_left", left)
        elif locked:
            seconds = math.ceil(self.guard.locked_for())
            line, color = tr("pin_locked"), theme.SEAL
            detail = self.ctx.trn("pin_wait", seconds)
        elif self.state == "unset":
            line, detail, color = tr("pin_unset"), tr("pin_unset_how"), theme.INK
        else:
            line, detail, color = tr("pin_hint"), "", theme.INK_SOFT
        self.message.setText(line)
        set_color(self.message, color)
        self.detail.setText(detail)
        set_color(self.detail, theme.INK_SOFT)
        usable = not locked and self.state != "unset"
        for name, key in self.keys.items():
            if name == "ok":
                key.setEnabled(usable and len(self._typed) >= MIN_DIGITS)
            elif name == "delete":
                key.setEnabled(usable and bool(self._typed))
            else:
                key.setEnabled(usable and len(self._typed) < MAX_DIGITS)
        self.dots.set_count(len(self._typed))

    # ------------------------------------------------------------ typing
    def type_digit(self, digit: str) -> None:
        if self.state in ("locked", "unset") or len(self._typed) >= MAX_DIGITS:
            return
        self._typed.append(digit)
        if self.state == "wrong":
            self.state = "hint"
        self._show_state()

    def delete(self) -> None:
        if self._typed:
            self._typed.pop()
        self._show_state()

    def confirm(self) -> None:
        if len(self._typed) < MIN_DIGITS or self.state in ("locked", "unset"):
            return
        stored = self._load_hash()
        pin = "".join(self._typed)
        self._typed.clear()
        if stored is None:
            self.state = "unset"
            self._show_state()
            return
        result = self.guard.attempt(pin, stored)
        if result == "ok":
            self.state = "hint"
            self._show_state()
            self.ctx.nav.go("operator")
            return
        if self.guard.locked_for() > 0:
            self._lock()
        else:
            self.state = "wrong"
            self._show_state()

    def _lock(self) -> None:
        self.state = "locked"
        self._show_state()
        self._lock_timer.start()

    def update_lock(self) -> None:
        """Count the lockout down; when it ends the pad accepts tries again."""
        if self.state != "locked":
            self._lock_timer.stop()
            return
        if self.guard.locked_for() <= 0:
            self._lock_timer.stop()
            self.state = "hint"
        self._show_state()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        text = event.text()
        if text and text.isascii() and text.isdigit():
            self.type_digit(text)
        elif key == Qt.Key.Key_Backspace:
            self.delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
        else:
            super().keyPressEvent(event)

    # ------------------------------------------------------------ life cycle
    def enter(self, **args: Any) -> None:
        self._typed.clear()
        if self.guard.locked_for() > 0:
            self._lock()
        else:
            self.state = "hint" if self._load_hash() is not None else "unset"
            self._show_state()
        self.setFocus()

    def leave(self) -> None:
        self._typed.clear()
        self._lock_timer.stop()
        if self.state == "wrong":
            self.state = "hint"
        self._show_state()

    def reset(self) -> None:
        self.leave()
