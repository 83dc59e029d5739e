"""Touch and mouse on the deep-zoom view, turned into pans, pinches, flings, swipes and taps.

One finger (or the mouse) drags, with a fling when let go moving; two
fingers pinch around their midpoint; the wheel zooms around the cursor; a
double tap zooms in ×2 at that point, or back to fit.  At fit a horizontal
drag is a swipe (see ``zoom_motion``).  A single tap, once the double-tap
interval has passed, emits the view's ``tapped``.
"""

from __future__ import annotations

import math
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QEventPoint, QGuiApplication

from kiosk.ui.gallery.zoom_motion import ZoomMotion

if TYPE_CHECKING:
    from kiosk.ui.gallery.zoom import ZoomView

#: A pan let go faster than this flings (capped at FLING_MAX_PX_S).
FLING_MIN_PX_S = 250.0
FLING_MAX_PX_S = 8000.0
#: Longest press-to-release that still counts as a tap.
TAP_MAX_MS = 350
TOUCH_EVENTS = (
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
)


class ZoomGestures:
    """Reads the events ``view`` hands over and moves it, through ``motion`` when in time."""

    def __init__(self, view: ZoomView, motion: ZoomMotion) -> None:
        self.view, self.motion = view, motion
        self._drag: str | None = None  # "pan" | "swipe" | None
        self._last = QPointF()
        self._press_pos = QPointF()
        self._press_ms = 0
        self._moved = False
        self._stopper = False
        self._samples: deque[tuple[float, QPointF]] = deque()
        self._pinch: tuple[float, float, QPointF] | None = None  # scale0, dist0, image pt
        self._touch_ids: tuple[int, ...] = ()
        self._touching = False
        self._mouse_down = False
        self._clock = QElapsedTimer()
        self._clock.start()
        self._tap_timer = QTimer(view)
        self._tap_timer.setSingleShot(True)
        self._tap_timer.timeout.connect(self._emit_tap)
        self._last_tap: tuple[int, QPointF] | None = None
        self._tap_pos = QPointF()

    # ---------------------------------------------------------------- touch
    def touch(self, event) -> None:
        now = self._clock.elapsed()
        etype = event.type()
        if etype == QEvent.Type.TouchCancel:
            self._touching = False
            self._pinch = None
            self._end_drag()
            return
        points = event.points()
        active = [tp for tp in points if tp.state() != QEventPoint.State.Released]
        if etype == QEvent.Type.TouchBegin:
            self._touching = True
            self._pinch = None
            if len(active) == 1:
                self._press(active[0].position(), now)
                return
        if len(active) >= 2:
            a, b = active[0].position(), active[1].position()
            mid = (a + b) / 2
            dist = max(1.0, math.hypot(a.x() - b.x(), a.y() - b.y()))
            ids = (active[0].id(), active[1].id())
            if self._pinch is None or ids != self._touch_ids:
                self._touch_ids = ids
                self._begin_pinch(mid, dist)
            else:
                s0, d0, q = self._pinch
                self.view.set_view(s0 * dist / d0, q, mid)
            return
        if self._pinch is not None:  # one finger (or none) left after a pinch: no tap, no fling
            self._pinch = None
            self._touch_ids = ()
            self._drag = None
            if active:
                self._start_drag(active[0].position(), now, after_pinch=True)
                self._moved = True
            else:
                self._touching = False
            return
        if not active:
            self._touching = False
            self._release(points[0].position() if points else self._last, now)
            return
        self._move(active[0].position(), now)

    def _begin_pinch(self, mid: QPointF, dist: float) -> None:
        self.motion.stop()
        self._tap_timer.stop()
        self._last_tap = None
        if self.view.swipe_dx:
            self.motion.snap_back()
        self._drag = None
        self._moved = True
        self._pinch = (self.view.scale(), dist, self.view.to_image(mid))

    # ---------------------------------------------------------------- mouse
    def mouse_press(self, event) -> None:
        if self._touching or event.button() != Qt.MouseButton.LeftButton:
            return
        self._mouse_down = True
        self._press(event.position(), self._clock.elapsed())

    def mouse_move(self, event) -> None:
        if self._touching or not self._mouse_down:
            return
        self._move(event.position(), self._clock.elapsed())

    def mouse_release(self, event) -> None:
        if self._touching or event.button() != Qt.MouseButton.LeftButton or not self._mouse_down:
            return
        self._mouse_down = False
        self._release(event.position(), self._clock.elapsed())

    def wheel(self, event) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if not delta or self.view.work is None:
            return
        self.motion.stop()
        self.view.zoom_by(1.0015**delta, event.position())  # one notch (120) ≈ ×1.2
        event.accept()

    # ---------------------------------------------------------------- drags and taps
    def _press(self, pos: QPointF, now: int) -> None:
        self._stopper = self.motion.is_moving()  # a touch that stops a fling is not a tap
        self.motion.stop()
        self._press_pos = QPointF(pos)
        self._press_ms = now
        self._moved = False
        self._start_drag(pos, now)

    def _start_drag(self, pos: QPointF, now: int, *, after_pinch: bool = False) -> None:
        self._last = QPointF(pos)
        self._samples.clear()
        self._samples.append((now, QPointF(pos)))
        view = self.view
        fitted_swipe = view.is_fitted() and not after_pinch and view.work is not None
        self._drag = "swipe" if fitted_swipe else "pan"

    def _move(self, pos: QPointF, now: int) -> None:
        if self._drag is None:
            return
        if not self._moved:
            if (pos - self._press_pos).manhattanLength() < self.view.touch_slop:
                return
            self._moved = True
            self._tap_timer.stop()
            self._last_tap = None
        delta = pos - self._last
        self._last = QPointF(pos)
        self._samples.append((now, QPointF(pos)))
        while len(self._samples) > 2 and now - self._samples[0][0] > 100:
            self._samples.popleft()
        view = self.view
        if self._drag == "pan":
            view.pan_by(delta.x(), delta.y())
        else:
            going = view.swipe_dx + delta.x()
            blocked = (going < 0 and not view.has_next) or (going > 0 and not view.has_prev)
            view.swipe_dx += delta.x() * (0.3 if blocked else 1.0)
            view.update()

    def _release(self, pos: QPointF, now: int) -> None:
        if self._drag is not None and self._moved and pos != self._last:
            self._move(pos, now)  # the last stretch before the finger lifted
        drag, self._drag = self._drag, None
        if drag is None:
            return
        if not self._moved:
            if not self._stopper and now - self._press_ms <= TAP_MAX_MS:
                self._tap(pos, now)
            return
        velocity = self._release_velocity(now)
        if drag == "pan":
            if math.hypot(velocity.x(), velocity.y()) > FLING_MIN_PX_S:
                self.motion.fling(velocity)
        else:
            self.motion.end_swipe(velocity.x())

    def _end_drag(self) -> None:
        drag, self._drag = self._drag, None
        if drag == "swipe" and self.view.swipe_dx:
            self.motion.snap_back()

    def _release_velocity(self, now: int) -> QPointF:
        samples = [s for s in self._samples if now - s[0] <= 100]
        if len(samples) < 2 or now - samples[-1][0] > 80:
            return QPointF()
        (t0, p0), (t1, p1) = samples[0], samples[-1]
        dt = max(16, t1 - t0) / 1000.0  # events closer than a frame apart say little
        v = (p1 - p0) / dt
        speed = math.hypot(v.x(), v.y())
        return v * (FLING_MAX_PX_S / speed) if speed > FLING_MAX_PX_S else v

    def _tap(self, pos: QPointF, now: int) -> None:
        interval = min(350, QGuiApplication.styleHints().mouseDoubleClickInterval())
        last = self._last_tap
        if (
            last is not None
            and now - last[0] <= interval
            and (pos - last[1]).manhattanLength() < 80
        ):
            self._last_tap = None
            self._tap_timer.stop()
            self.view.double_tap(pos)
            return
        self._last_tap = (now, QPointF(pos))
        self._tap_pos = QPointF(pos)
        self._tap_timer.start(interval)

    def _emit_tap(self) -> None:
        self._last_tap = None
        self.view.tapped.emit(self._tap_pos)
