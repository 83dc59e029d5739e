"""Painted touch controls: press feedback for any painted control, and the standard button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.widgets import theme


class Hook:
    """A signal for Python listeners only, called directly.

    PySide6 6.12.0 (on Python 3.11) drops a reference to ``True`` on every
    Python-side ``Signal.emit()``; a few hundred taps would end the process
    ("bool_dealloc"). Painted controls that may fire often call their listeners
    directly instead.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[..., object]] = []

    def connect(self, listener: Callable[..., object]) -> None:
        self._listeners.append(listener)

    def __call__(self, *args: object) -> None:
        for listener in list(self._listeners):
            listener(*args)


class Look(Protocol):
    """What a control needs to draw itself: the visit's metrics and language."""

    @property
    def m(self) -> theme.Metrics: ...

    @property
    def lang(self) -> str: ...


class PressableMixin:
    """A painted control that darkens 6 % while pressed (touch feedback within one frame)
    and calls ``activate()`` when released over itself. List it before QWidget."""

    pressed_down = False

    def activate(self) -> None:
        raise NotImplementedError

    def mousePressEvent(self, event) -> None:
        self.pressed_down = True
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        was, self.pressed_down = self.pressed_down, False
        self.update()
        if was and self.rect().contains(event.position().toPoint()):
            self.activate()

    def _press_overlay(self, painter: QPainter, path: QPainterPath) -> None:
        if self.pressed_down:
            painter.fillPath(path, QColor(0, 0, 0, 16))

    def _outline(self, radius: float) -> tuple[QPainter, QRectF, QPainterPath]:
        """For ``paintEvent``: an antialiased painter, the rect inset 1 px, its rounded outline."""
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        path = QPainterPath()
        path.addRoundedRect(r, radius, radius)
        return p, r, path


class Button(PressableMixin, QWidget):
    """A large, calm text button with an optional line icon drawn in code.

    Subclasses that paint otherwise may change the room kept for the icon
    (``ICON_SPACE``), the padding around icon and text (``PADDING``), both in
    1080p pixels, and the font (:meth:`label_font`).
    """

    clicked = Signal()
    ICON_SPACE = 40
    PADDING = 56

    def __init__(
        self,
        ctx: Look,
        text: Callable[[], str],
        *,
        icon: str | None = None,
        accent: bool = False,
        min_size: QSize | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self._text, self.icon, self.accent = ctx, text, icon, accent
        self._min = min_size or QSize(120, 96)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.refresh()

    def text(self) -> str:
        return self._text()

    def label_font(self) -> QFont:
        return self.ctx.m.label(self.ctx.lang)

    def refresh(self) -> None:
        """Size to the text (in the visit's language and scale) and repaint."""
        m = self.ctx.m
        self.setFont(self.label_font())
        fm_w = self.fontMetrics().horizontalAdvance(self._text())
        icon_w = m.px(self.ICON_SPACE) if self.icon else 0
        w = max(m.px(self._min.width()), fm_w + icon_w + m.px(self.PADDING))
        self.setFixedSize(w, max(m.px(self._min.height()), m.touch_min))
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p, r, path = self._outline(m.radius)
        p.fillPath(path, theme.SEAL if self.accent else theme.PAPER_DEEP)
        self._press_overlay(p, path)
        fg = theme.PAPER if self.accent else theme.INK
        x = r.left() + m.px(24)
        if self.icon:
            pen = QPen(
                fg,
                max(2, m.px(3)),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
            p.setPen(pen)
            cy, s = r.center().y(), m.px(14)
            if self.icon == "back":
                p.drawLine(int(x), int(cy), int(x + 2 * s), int(cy))
                p.drawLine(int(x), int(cy), int(x + s), int(cy - s))
                p.drawLine(int(x), int(cy), int(x + s), int(cy + s))
            x += m.px(40)
        p.setPen(fg)
        p.setFont(self.font())
        text_rect = QRectF(x, r.top(), r.right() - x - m.px(16), r.height())
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if self.icon else Qt.AlignmentFlag.AlignHCenter
        )
        if not self.icon:
            text_rect = r
        p.drawText(text_rect, int(align), self._text())

    def activate(self) -> None:
        self.clicked.emit()
