"""The deep-zoom view's movements in time: flings, zoom animations, swipes between works.

A fling decelerates exponentially (velocity falls by e every ``FLING_TAU_S``);
a double tap animates the zoom (``ZOOM_ANIM_MS``); at fit a horizontal drag
moves the work with the finger and, past a fifth of the width or flung, asks
for the next or previous work (``swipeRequested``), which ``slide_to`` slides
in (``SLIDE_MS``); an unanswered swipe snaps back.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QElapsedTimer, QPointF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QPixmap

from kiosk.catalog.library import Work

if TYPE_CHECKING:
    from kiosk.ui.gallery.zoom import ZoomView

#: Fling: velocity falls by e every FLING_TAU_S; it stops below FLING_STOP_PX_S.
FLING_TAU_S = 0.33
FLING_STOP_PX_S = 40.0
#: Swipe between works: a drag past this fraction of the width, or a fling this fast.
SWIPE_FRACTION = 0.2
SWIPE_MIN_PX_S = 700.0
SLIDE_MS = 250
ZOOM_ANIM_MS = 260


class ZoomMotion:
    """Timers and animations that move ``view``; ``stop`` ends them all at once."""

    def __init__(self, view: ZoomView) -> None:
        self.view = view
        self._velocity = QPointF()
        self._fling_timer = QTimer(view)
        self._fling_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._fling_timer.setInterval(16)
        self._fling_timer.timeout.connect(self._fling_step)
        self._fling_clock = QElapsedTimer()
        self._anim = QVariantAnimation(view)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._anim_step)
        self._anim_plan: tuple = ()
        self._slide_anim = QVariantAnimation(view)
        self._slide_anim.setDuration(SLIDE_MS)
        self._slide_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._slide_anim.valueChanged.connect(self._offset_step)
        self._slide_anim.finished.connect(self._slide_done)
        self._snap_anim = QVariantAnimation(view)
        self._snap_anim.setDuration(180)
        self._snap_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._snap_anim.valueChanged.connect(self._offset_step)

    def is_moving(self) -> bool:
        running = QVariantAnimation.State.Running
        return (
            self._fling_timer.isActive()
            or self._anim.state() == running
            or self._slide_anim.state() == running
            or self._snap_anim.state() == running
        )

    def stop(self) -> None:
        self._fling_timer.stop()
        running = QVariantAnimation.State.Running
        if self._anim.state() == running:
            self._anim.stop()
        if self._snap_anim.state() == running:
            self._snap_anim.stop()
        if self._slide_anim.state() == running:
            self._slide_anim.stop()
            self._slide_done()

    # ---------------------------------------------------------------- fling
    def fling(self, velocity: QPointF) -> None:
        self._velocity = QPointF(velocity)
        self._fling_clock.start()
        self._fling_timer.start()

    def _fling_step(self) -> None:
        dt = max(1, self._fling_clock.restart()) / 1000.0
        decay = math.exp(-dt / FLING_TAU_S)
        # Distance covered under exponential decay over dt.
        step = self._velocity * FLING_TAU_S * (1 - decay)
        self._velocity *= decay
        moved = self.view.pan_by(step.x(), step.y())
        if not moved or math.hypot(self._velocity.x(), self._velocity.y()) < FLING_STOP_PX_S:
            self._fling_timer.stop()

    # ---------------------------------------------------------------- zoom
    def animate(self, scale: float, anchor: QPointF | None) -> None:
        """Zoom to ``scale`` keeping ``anchor`` (view px) still, or to fit (``None``)."""
        view = self.view
        self.stop()
        scale = max(view.fit_scale(), min(view.max_scale(), scale))
        if anchor is None:  # to fit: the centre glides to the middle
            plan = ("centre", view.scale(), scale, view.center())
        else:
            plan = ("anchor", view.scale(), scale, QPointF(anchor), view.to_image(anchor))
        self._anim_plan = plan
        self._anim.setDuration(ZOOM_ANIM_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.start()

    def _anim_step(self, value: float) -> None:
        if not self._anim_plan:
            return
        view = self.view
        kind, s0, s1 = self._anim_plan[:3]
        scale = s0 * (s1 / s0) ** float(value)
        if kind == "anchor":
            anchor, q = self._anim_plan[3], self._anim_plan[4]
            view.set_view(scale, q, anchor)
        else:
            c0 = self._anim_plan[3]
            t = float(value)
            size = view.image_size()
            q = QPointF(
                c0.x() + (size.width() / 2 - c0.x()) * t, c0.y() + (size.height() / 2 - c0.y()) * t
            )
            view.set_view(scale, q, QPointF(view.width() / 2, view.height() / 2))

    # ---------------------------------------------------------------- swiping
    def end_swipe(self, vx: float) -> None:
        view = self.view
        dx = view.swipe_dx
        direction = 0
        if dx < -view.width() * SWIPE_FRACTION or (vx < -SWIPE_MIN_PX_S and dx < 0):
            direction = 1
        elif dx > view.width() * SWIPE_FRACTION or (vx > SWIPE_MIN_PX_S and dx > 0):
            direction = -1
        if (direction == 1 and not view.has_next) or (direction == -1 and not view.has_prev):
            direction = 0
        if direction:
            view.swipeRequested.emit(direction)
            if view.swipe_dx and self._slide_anim.state() != QVariantAnimation.State.Running:
                self.snap_back()  # nobody took the swipe
        elif dx:
            self.snap_back()

    def snap_back(self) -> None:
        self._snap_anim.stop()
        self._snap_anim.setStartValue(float(self.view.swipe_dx))
        self._snap_anim.setEndValue(0.0)
        self._snap_anim.start()

    def slide_to(self, work: Work, direction: int, placeholder: QPixmap | None = None) -> None:
        """Show ``work``, sliding in from the right (+1) or the left (-1) over 250 ms."""
        view = self.view
        snapshot = view.render_snapshot() if view.width() > 1 else None
        offset = view.swipe_dx
        view.set_work(work, placeholder)
        if snapshot is None:
            return
        view.slide_from = snapshot
        view.slide_dir = direction
        self._slide_anim.setStartValue(float(offset + direction * view.width()))
        self._slide_anim.setEndValue(0.0)
        view.swipe_dx = offset + direction * view.width()
        self._slide_anim.start()

    def _offset_step(self, value: float) -> None:
        self.view.swipe_dx = float(value)
        self.view.update()

    def _slide_done(self) -> None:
        view = self.view
        view.slide_from = None
        view.slide_dir = 0
        view.swipe_dx = 0.0
        view.update()
