"""The attract loop's picture layer: pictures and cards on night, crossfades, panned scrolls.

``PictureLayer`` is a native widget over the stage area (above the film
surfaces) that paints one ``Visual`` — a pixmap letterboxed, or panning along
one axis — or crossfades from the previous one, its opacity from a
``QVariantAnimation`` (no opacity effects over native windows).

Handscrolls and hanging scrolls (``pan_plan``) fill the short axis and pan
along the long one, pausing at each end (handscrolls from their right end, as
they are read).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEasingCurve,
    QElapsedTimer,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets import theme

#: Pan redraw interval (ms).
PAN_FRAME_MS = 16
#: Works panned when fitting would leave them this much smaller than panning.
PAN_MIN_GAIN = 1.5
#: A work lying across the screen's orientation is panned at this share of the area's
#: long side (or its fitted size times ``CROSS_PAN_MIN_GAIN``, if larger).
CROSS_PAN_SHARE = 0.4
CROSS_PAN_MIN_GAIN = 2.5


@dataclass
class PanPlan:
    axis: str  # "x" or "y"
    size: QSizeF  # drawn size of the whole work
    distance: float  # px travelled along the axis

    def seconds(self, px_per_s: float, pause_s: float) -> float:
        return pause_s * 2 + self.distance / max(px_per_s, 1e-6)


def pan_plan(aspect: float | None, area: QSizeF, *, elongated: bool) -> PanPlan | None:
    """How to pan a work of ``aspect`` (w/h) across ``area``, or None to letterbox it.

    Elongated works (handscrolls, hanging scrolls) are scaled so their short
    axis fills the area and travel along the long one — unless letterboxing
    loses little. A work lying across the screen's orientation (a hanging
    scroll on a landscape screen, a handscroll on a portrait one) would be
    enlarged enormously that way; it is shown at ``CROSS_PAN_SHARE`` of the
    area's long side instead, so it is neither a sliver nor a blur.

    Handscrolls are read from the right: the pan starts at their right end.
    Hanging scrolls start at the top.
    """
    if not elongated or not aspect or area.isEmpty():
        return None
    aw, ah = area.width(), area.height()
    fit = min(aw / aspect, ah)  # fitted height
    horizontal = aspect >= 1
    fill_h = ah if horizontal else aw / aspect
    gain = fill_h / fit
    if (aspect >= 1) != (aw >= ah):
        across = CROSS_PAN_SHARE * max(aw, ah)  # short side of the work, drawn
        short_fit = fit if horizontal else fit * aspect
        gain = min(gain, max(across / short_fit, CROSS_PAN_MIN_GAIN))
    if gain < PAN_MIN_GAIN:
        return None
    h = fit * gain
    size = QSizeF(h * aspect, h)
    if horizontal:
        distance = size.width() - aw
        axis = "x"
    else:
        distance = size.height() - ah
        axis = "y"
    if distance <= 1:
        return None
    return PanPlan(axis, size, distance)


class Visual:
    """A pixmap placed in the layer's area: letterboxed, or panning along one axis."""

    def __init__(
        self,
        pixmap: QPixmap,
        *,
        pan: PanPlan | None = None,
        px_per_s: float = 40.0,
        pause_s: float = 2.0,
    ) -> None:
        self.pixmap = pixmap
        self.pan = pan
        self.px_per_s = px_per_s
        self.pause_s = pause_s
        self._clock = QElapsedTimer()

    def start(self) -> None:
        if not self._clock.isValid():
            self._clock.start()

    def moving(self) -> bool:
        if self.pan is None or not self._clock.isValid():
            return False
        t = self._clock.elapsed() / 1000.0
        return self.pause_s <= t <= self.pause_s + self.pan.distance / self.px_per_s + 0.1

    def target(self, area: QRectF) -> QRectF:
        size = self.pixmap.size()
        if size.isEmpty():
            return QRectF()
        if self.pan is None:
            s = min(area.width() / size.width(), area.height() / size.height())
            rect = QRectF(0, 0, size.width() * s, size.height() * s)
            rect.moveCenter(area.center())
            return rect
        t = self._clock.elapsed() / 1000.0 if self._clock.isValid() else 0.0
        travelled = min(max(0.0, t - self.pause_s) * self.px_per_s, self.pan.distance)
        rect = QRectF(QPointF(0, 0), self.pan.size)
        rect.moveCenter(area.center())
        if self.pan.axis == "x":  # a handscroll unrolls from its right end
            rect.moveRight(area.right() + travelled)
        else:
            rect.moveTop(area.top() - travelled)
        return rect


class PictureLayer(QWidget):
    """Native widget painting one visual, or crossfading from the previous one, on night."""

    painted = Signal()
    fade_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.current: Visual | None = None
        self.previous: Visual | None = None
        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._fade.valueChanged.connect(self.update)
        self._fade.finished.connect(self._fade_done)
        self._pan_timer = QTimer(self)
        self._pan_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._pan_timer.setInterval(PAN_FRAME_MS)
        self._pan_timer.timeout.connect(self._pan_tick)

    @property
    def fading(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    @property
    def progress(self) -> float:
        return float(self._fade.currentValue() or 0.0) if self.fading else 1.0

    def show_visual(self, visual: Visual | None, fade_ms: int) -> None:
        """Crossfade to ``visual`` (None: night) over ``fade_ms``."""
        self._fade.stop()
        self.previous = self.current if fade_ms > 0 else None
        self.current = visual
        if visual is not None:
            visual.start()
        if self.previous is None and visual is None:
            fade_ms = 0
        if fade_ms > 0:
            self._fade.setDuration(fade_ms)
            self._fade.start()
        else:
            self.previous = None
            self.update()
            QTimer.singleShot(0, self, self.fade_finished.emit)
        self._pan_timer.start()

    def set_still(self, visual: Visual | None) -> None:
        """Show ``visual`` at once (no fade), e.g. a film's last frame before uncovering."""
        self._fade.stop()
        self.previous = None
        self.current = visual
        if visual is not None:
            visual.start()
        self.update()

    def replace_current(self, visual: Visual) -> None:
        """Swap the pixmap of what is shown (the placeholder's clock), without a fade."""
        visual.start()
        self.current = visual
        self.update()

    def stop(self) -> None:
        self._fade.stop()
        self._pan_timer.stop()
        self.previous = None

    def _fade_done(self) -> None:
        self.previous = None
        self.update()
        self.fade_finished.emit()

    def _pan_tick(self) -> None:
        moving = any(v is not None and v.moving() for v in (self.current, self.previous))
        if moving and self.isVisible():
            self.update()
        elif (self.current is None or self.current.pan is None) and not self.fading:
            self._pan_timer.stop()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        area = QRectF(self.rect())
        p.fillRect(self.rect(), theme.NIGHT)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        e = self.progress
        if self.previous is not None and e < 1.0:
            self._draw(p, self.previous, area)
        if self.current is not None:
            target = self.current.target(area)
            if e < 1.0:
                p.setOpacity(e)
                _fill_around(p, area, target, theme.NIGHT)
            self._draw(p, self.current, area, target)
        elif self.previous is not None and e < 1.0:
            p.setOpacity(e)
            p.fillRect(area, theme.NIGHT)
        p.end()
        self.painted.emit()

    @staticmethod
    def _draw(p: QPainter, visual: Visual, area: QRectF, target: QRectF | None = None) -> None:
        target = target if target is not None else visual.target(area)
        if target.isEmpty():
            return
        pm = visual.pixmap
        visible = target.intersected(area)
        sx = pm.width() / target.width()
        sy = pm.height() / target.height()
        source = QRectF(
            (visible.left() - target.left()) * sx,
            (visible.top() - target.top()) * sy,
            visible.width() * sx,
            visible.height() * sy,
        )
        p.drawPixmap(visible, pm, source)


def _fill_around(p: QPainter, area: QRectF, inner: QRectF, color: QColor) -> None:
    """Fill ``area`` outside ``inner`` (the night bars of a letterboxed picture)."""
    inner = inner.intersected(area)
    if inner.isEmpty():
        p.fillRect(area, color)
        return
    p.fillRect(QRectF(area.left(), area.top(), area.width(), inner.top() - area.top()), color)
    p.fillRect(
        QRectF(area.left(), inner.bottom(), area.width(), area.bottom() - inner.bottom()), color
    )
    p.fillRect(QRectF(area.left(), inner.top(), inner.left() - area.left(), inner.height()), color)
    p.fillRect(
        QRectF(inner.right(), inner.top(), area.right() - inner.right(), inner.height()), color
    )
