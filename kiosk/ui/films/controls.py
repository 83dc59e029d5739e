"""The player's controls on night: buttons, play/pause, the seek bar, and their row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.films.look import LIFT, ON_NIGHT, ON_NIGHT_SOFT, TRACK, clock, draw_icon
from kiosk.ui.screen import Context
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.buttons import Button, Hook, PressableMixin

#: The controls fade after this long without a touch while the film plays.
CONTROLS_HIDE_MS = 4000
CONTROLS_FADE_IN_MS = 180
CONTROLS_FADE_OUT_MS = 600


class _Faded:
    """A widget that paints with the player's control opacity."""

    opacity = 1.0


class NightButton(Button, _Faded):
    """A large button for night screens: line icon and label in paper on lifted night."""

    ICON_SPACE = 48
    PADDING = 64

    def label_font(self) -> QFont:
        return self.ctx.m.label()

    def refresh(self) -> None:
        super().refresh()
        # Shaped to its rounded outline, so the film shows around it when it lies over the video.
        m = self.ctx.m
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, self.width(), m.touch_min), m.radius, m.radius)
        self.setMask(QRegion(path.toFillPolygon().toPolygon()))

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), theme.NIGHT)
        p.setOpacity(self.opacity)
        r = QRectF(self.rect())
        path = QPainterPath()
        path.addRoundedRect(r, m.radius, m.radius)
        p.fillPath(path, theme.SEAL if self.accent else LIFT)
        if self.pressed_down:
            p.fillPath(path, QColor(0, 0, 0, 40))
        x = r.left() + m.px(28)
        if self.icon:
            box = QRectF(x, r.center().y() - m.px(16), m.px(32), m.px(32))
            draw_icon(p, self.icon, box, ON_NIGHT, max(2, m.px(3)))
            x += m.px(48)
        p.setPen(ON_NIGHT)
        p.setFont(self.font())
        if self.icon:
            text_rect = QRectF(x, r.top(), r.right() - x - m.px(16), r.height())
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        else:
            text_rect, align = r, Qt.AlignmentFlag.AlignCenter
        p.drawText(text_rect, int(align), self._text())


class PlayPauseButton(PressableMixin, QWidget, _Faded):
    """A round paper button with a play or pause line icon."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clicked = Hook()
        self.ctx = ctx
        self.icon = "pause"
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_icon(self, icon: str) -> None:
        if icon != self.icon:
            self.icon = icon
            self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setOpacity(self.opacity)
        d = min(self.width(), self.height()) - 2
        disc = QRectF((self.width() - d) / 2, (self.height() - d) / 2, d, d)
        path = QPainterPath()
        path.addEllipse(disc)
        p.fillPath(path, theme.PAPER)
        if self.pressed_down:
            p.fillPath(path, QColor(0, 0, 0, 24))
        inner = disc.adjusted(d * 0.28, d * 0.28, -d * 0.28, -d * 0.28)
        if self.icon == "play":
            inner.translate(d * 0.03, 0)
        draw_icon(p, self.icon, inner, theme.INK, max(2, m.px(3)))

    def activate(self) -> None:
        self.clicked()


class SeekBar(QWidget, _Faded):
    """A track to drag with a finger: press anywhere to grab the (big) handle there."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scrubbing = Hook()  # (seconds under the finger) while dragging
        self.seek_requested = Hook()  # (seconds) on release
        self.grabbed = Hook()
        self.ctx = ctx
        self.value = 0.0
        self.duration = 0.0
        self.dragging = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_range(self, duration: float) -> None:
        self.duration = max(0.0, duration)
        self.update()

    def set_value(self, seconds: float) -> None:
        if not self.dragging:
            self.value = max(0.0, seconds)
            self.update()

    def _track(self) -> tuple[float, float]:
        pad = self.ctx.m.px(28)  # half the handle, so it stays inside at both ends
        return pad, self.width() - pad

    def _seconds_at(self, x: float) -> float:
        left, right = self._track()
        if right <= left or self.duration <= 0:
            return 0.0
        return (min(max(x, left), right) - left) / (right - left) * self.duration

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setOpacity(self.opacity)
        left, right = self._track()
        cy = self.height() / 2
        th = m.px(6)
        frac = min(1.0, self.value / self.duration) if self.duration > 0 else 0.0
        x = left + (right - left) * frac
        track = QRectF(left, cy - th / 2, right - left, th)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(TRACK)
        p.drawRoundedRect(track, th / 2, th / 2)
        p.setBrush(theme.SEAL)
        p.drawRoundedRect(QRectF(left, cy - th / 2, x - left, th), th / 2, th / 2)
        r = m.px(26 if self.dragging else 20)
        p.setBrush(theme.PAPER)
        p.drawEllipse(QPointF(x, cy), r, r)

    def mousePressEvent(self, event) -> None:
        self.dragging = True
        self.grabbed()
        self._drag_to(event.position().x())

    def mouseMoveEvent(self, event) -> None:
        if self.dragging:
            self._drag_to(event.position().x())

    def mouseReleaseEvent(self, event) -> None:
        if not self.dragging:
            return
        self._drag_to(event.position().x())
        self.dragging = False
        self.update()
        self.seek_requested(self.value)

    def _drag_to(self, x: float) -> None:
        self.value = self._seconds_at(x)
        self.update()
        self.scrubbing(self.value)


class ControlBar(QWidget, _Faded):
    """Play/pause, elapsed time, the seek bar and the total time, in one row."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.play_pause = PlayPauseButton(ctx, self)
        self.seek = SeekBar(ctx, self)
        self.elapsed = 0.0
        self.total = 0.0
        self.seek.scrubbing.connect(self._show_elapsed)

    def _show_elapsed(self, seconds: float) -> None:
        self.elapsed = seconds
        self.update()

    def set_times(self, elapsed: float, total: float) -> None:
        self.elapsed, self.total = elapsed, total
        self.seek.set_range(total)
        self.seek.set_value(elapsed)
        self.update()

    def _time_width(self) -> int:
        sample = "8:88:88" if self.total >= 3600 else "88:88"
        return QFontMetrics(self.ctx.m.label()).horizontalAdvance(sample) + self.ctx.m.px(8)

    def resizeEvent(self, event) -> None:
        self.relayout()

    def relayout(self) -> None:
        m = self.ctx.m
        h = self.height()
        d = m.touch_min
        self.play_pause.setGeometry(0, (h - d) // 2, d, d)
        tw = self._time_width()
        x = d + m.gutter + tw + m.px(12)
        self.seek.setGeometry(x, 0, max(0, self.width() - x - tw - m.px(12)), h)
        self.update()

    def paintEvent(self, event) -> None:
        m = self.ctx.m
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setOpacity(self.opacity)
        font = m.label()
        p.setFont(font)
        tw = self._time_width()
        left = QRectF(m.touch_min + m.gutter, 0, tw, self.height())
        right = QRectF(self.width() - tw, 0, tw, self.height())
        p.setPen(ON_NIGHT)
        p.drawText(
            left,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            clock(self.elapsed),
        )
        p.setPen(ON_NIGHT_SOFT)
        p.drawText(
            right,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            clock(self.total),
        )

    def mousePressEvent(self, event) -> None:
        event.accept()  # a tap between the controls keeps them; it does not hide them

    def set_opacity(self, value: float) -> None:
        for w in (self, self.play_pause, self.seek):
            w.opacity = value
            w.update()


class ControlsFade(QObject):
    """The controls' opacity: in quickly when shown, out slowly when left alone.

    ``apply(opacity)`` is called at every step, ``done()`` when a fade ends, and
    ``timed_out()`` when ``timer`` (started by the screen) runs out.
    """

    def __init__(
        self,
        parent: QObject,
        *,
        apply: Callable[[float], None],
        done: Callable[[], None],
        timed_out: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.opacity = 0.0
        self.shown = False
        self._apply, self._done = apply, done
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CONTROLS_HIDE_MS)
        self.timer.timeout.connect(timed_out)
        self._animation = QVariantAnimation(self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._animation.valueChanged.connect(self.set)
        self._animation.finished.connect(done)

    def set(self, value: float) -> None:
        """Show the controls at ``value`` now."""
        self.opacity = float(value)
        self._apply(self.opacity)

    def fade_in(self) -> None:
        self.shown = True
        self._animate_to(1.0, CONTROLS_FADE_IN_MS)

    def fade_out(self) -> None:
        self.shown = False
        self.timer.stop()
        self._animate_to(0.0, CONTROLS_FADE_OUT_MS)

    def stop(self) -> None:
        self.timer.stop()
        self._animation.stop()

    def _animate_to(self, target: float, ms: int) -> None:
        self._animation.stop()
        if abs(self.opacity - target) < 1e-3:
            self.set(target)
            self._done()
            return
        self._animation.setStartValue(self.opacity)
        self._animation.setEndValue(target)
        self._animation.setDuration(int(ms * abs(self.opacity - target)) or 1)
        self._animation.start()
