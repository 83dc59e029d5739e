"""Deep zoom: one work fitted to the view, pinch/wheel to zoom, drag to pan, fling, double-tap.

Coordinates are the work's full-resolution pixels ("image px"); ``scale`` is
screen px per image px, from *fit* (the whole work visible) up to
``MAX_SCALE`` (two screen px per pixel of the largest scan).

``ZoomView`` holds where the work lies and ties the parts that do the rest:
``ZoomSources`` asks the shared ``ImageLoader`` for the tiles or whole
pictures the view needs, ``ZoomPainter`` draws what is already decoded
(nothing is decoded on the GUI thread), ``ZoomGestures`` reads touch and
mouse, ``ZoomMotion`` runs flings, zoom animations and swipes between works.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QWidget

from kiosk.catalog.library import Work
from kiosk.ui.gallery.pyramid import level_for
from kiosk.ui.gallery.zoom_gestures import TOUCH_EVENTS, ZoomGestures
from kiosk.ui.gallery.zoom_motion import ZoomMotion
from kiosk.ui.gallery.zoom_painter import ZoomPainter
from kiosk.ui.gallery.zoom_sources import TileKey, ZoomSources
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.widgets.picture_cache import Picture

#: Deepest zoom: two screen px per image px of the largest scan (1.0 is full detail).
MAX_SCALE = 2.0


class ZoomView(QWidget):
    """Shows one ``Work``; see the module docstring."""

    tapped = Signal(QPointF)
    swipeRequested = Signal(int)  # +1 next, -1 previous

    def __init__(
        self,
        loader: ImageLoader,
        parent: QWidget | None = None,
        *,
        background: QColor = theme.PAPER,
    ) -> None:
        super().__init__(parent)
        self.loader = loader
        self.background = QColor(background)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.work: Work | None = None
        self.placeholder: QPixmap | None = None
        self._w = self._h = 1.0  # work size in image px
        self._scale = 1.0
        self._cx = self._cy = 0.5
        self._fitted = True
        self.has_prev = self.has_next = True
        self.touch_slop = 20.0
        #: Horizontal offset of the work while swiped or sliding, and the view sliding away.
        self.swipe_dx = 0.0
        self.slide_from: QPixmap | None = None
        self.slide_dir = 0
        self.sources = ZoomSources(self, loader)
        self.painter = ZoomPainter(self, self.sources, loader.cache)
        self.motion = ZoomMotion(self)
        self.gestures = ZoomGestures(self, self.motion)
        self.paint_ms = self.painter.paint_ms
        self.requested = self.sources.requested

    # ---------------------------------------------------------------- the work
    def set_work(self, work: Work | None, placeholder: QPixmap | None = None) -> None:
        """Show ``work`` fitted (``placeholder``, e.g. its thumbnail, until pictures load)."""
        self.motion.stop()
        self.work = work
        self.placeholder = placeholder if placeholder and not placeholder.isNull() else None
        self.sources.new_work()
        self.painter.new_work()
        self.swipe_dx = 0.0
        w, h = self._work_size(work)
        self._w, self._h = float(w), float(h)
        self._fitted = True
        self._apply_fit()
        self.sources.schedule()
        self.update()

    def _work_size(self, work: Work | None) -> tuple[int, int]:
        if work is None:
            return 1, 1
        if work.tiles is not None:
            return work.tiles.width, work.tiles.height
        if work.width and work.height:
            return work.width, work.height
        if self.placeholder is not None:
            return self.placeholder.width(), self.placeholder.height()
        return 1, 1

    def image_size(self) -> QSizeF:
        return QSizeF(self._w, self._h)

    def slide_to(self, work: Work, direction: int, placeholder: QPixmap | None = None) -> None:
        """Show ``work``, sliding in from the right (+1) or the left (-1) over 250 ms."""
        self.motion.slide_to(work, direction, placeholder)

    def prefetch(self, work: Work) -> None:
        """Start decoding what ``work`` needs at fit (the next or previous work)."""
        self.sources.prefetch(work)

    def wanted_tiles(self) -> list[TileKey]:
        return self.sources.wanted_tiles()

    def tile_key(self, level: int, col: int, row: int) -> Picture:
        return self.sources.tile_key(level, col, row)

    # ---------------------------------------------------------------- the view
    def scale(self) -> float:
        return self._scale

    def fit_scale(self) -> float:
        vw, vh = max(1, self.width()), max(1, self.height())
        return min(vw / self._w, vh / self._h)

    def max_scale(self) -> float:
        return max(MAX_SCALE, self.fit_scale())

    def is_fitted(self) -> bool:
        return self._scale <= self.fit_scale() * 1.001

    def center(self) -> QPointF:
        return QPointF(self._cx, self._cy)

    def level(self) -> int | None:
        tiles = self.work.tiles if self.work else None
        return level_for(self._scale, tiles.levels) if tiles else None

    def to_image(self, p: QPointF) -> QPointF:
        return QPointF(
            self._cx + (p.x() - self.width() / 2) / self._scale,
            self._cy + (p.y() - self.height() / 2) / self._scale,
        )

    def to_view(self, q: QPointF) -> QPointF:
        return QPointF(
            (q.x() - self._cx) * self._scale + self.width() / 2,
            (q.y() - self._cy) * self._scale + self.height() / 2,
        )

    def image_rect(self) -> QRectF:
        """Where the whole work lies on the view (may reach far beyond it)."""
        tl = self.to_view(QPointF(0, 0))
        return QRectF(tl.x(), tl.y(), self._w * self._scale, self._h * self._scale)

    def visible_rect(self) -> QRectF:
        """The part of the work in view, in image px."""
        tl = self.to_image(QPointF(0, 0))
        br = self.to_image(QPointF(self.width(), self.height()))
        return QRectF(tl, br).intersected(QRectF(0, 0, self._w, self._h))

    def zoom_to(self, scale: float, anchor: QPointF | None = None) -> None:
        """Set the scale keeping the work point under ``anchor`` (view px) in place."""
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        q = self.to_image(anchor)
        self.set_view(scale, q, anchor)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        self.zoom_to(self._scale * factor, anchor)

    def pan_by(self, dx: float, dy: float) -> bool:
        """Move the work by (dx, dy) view px; False if it could not move at all (an edge)."""
        old = (self._cx, self._cy)
        self._cx -= dx / self._scale
        self._cy -= dy / self._scale
        self._clamp()
        moved = (self._cx, self._cy) != old
        if moved:
            self._view_changed()
        return moved

    def open_at_reading_start(self) -> None:
        """For a long scroll: fill the short side and start where it is read.

        A handscroll (much wider than the view) starts at its right end, as it is
        unrolled; a hanging scroll (much taller) at its top. Other works stay fitted.
        """
        if self.work is None:
            return
        vw, vh = max(1, self.width()), max(1, self.height())
        wide = (self._w / self._h) / (vw / vh)
        if wide > 2.0:
            scale = min(vh / self._h, self.max_scale())
            self.zoom_to(scale)
            self.center_on(QPointF(self._w, self._h / 2))
        elif wide < 0.5:
            scale = min(vw / self._w, self.max_scale())
            self.zoom_to(scale)
            self.center_on(QPointF(self._w / 2, 0))

    def center_on(self, q: QPointF) -> None:
        self._cx, self._cy = q.x(), q.y()
        self._clamp()
        self._view_changed()

    def reset(self) -> None:
        """Back to fit at once: no fling, no animation, no swipe offset."""
        self.motion.stop()
        self.swipe_dx = 0.0
        self._fitted = True
        self._apply_fit()
        self._view_changed()

    def double_tap(self, pos: QPointF) -> None:
        """Zoom in ×2 at ``pos``, or back to fit when already zoomed."""
        if self.work is None:
            return
        if self.is_fitted():
            self.animate_zoom(min(self.max_scale(), self._scale * 2), pos)
        else:
            self.animate_to_fit()

    def animate_to_fit(self) -> None:
        self.motion.animate(self.fit_scale(), anchor=None)

    def animate_zoom(self, scale: float, anchor: QPointF) -> None:
        self.motion.animate(scale, anchor=anchor)

    def is_moving(self) -> bool:
        return self.motion.is_moving()

    def set_view(self, scale: float, q: QPointF, anchor: QPointF) -> None:
        """Scale to ``scale`` (within fit and the maximum) with image point ``q`` at ``anchor``."""
        fit = self.fit_scale()
        self._scale = max(fit, min(self.max_scale(), scale))
        self._fitted = self._scale <= fit * 1.001
        if self._fitted:
            self._scale = fit
        self._cx = q.x() - (anchor.x() - self.width() / 2) / self._scale
        self._cy = q.y() - (anchor.y() - self.height() / 2) / self._scale
        self._clamp()
        self._view_changed()

    def _apply_fit(self) -> None:
        self._scale = self.fit_scale()
        self._cx, self._cy = self._w / 2, self._h / 2

    def _clamp(self) -> None:
        for attr, size, view in (("_cx", self._w, self.width()), ("_cy", self._h, self.height())):
            half = view / 2 / self._scale
            if size * self._scale <= view:
                setattr(self, attr, size / 2)
            else:
                setattr(self, attr, max(half, min(size - half, getattr(self, attr))))

    def _view_changed(self) -> None:
        self.sources.schedule()
        self.update()

    def resizeEvent(self, event) -> None:
        if self._fitted:
            self._apply_fit()
        else:
            self._scale = max(self.fit_scale(), self._scale)
            self._fitted = self._scale <= self.fit_scale() * 1.001
            self._clamp()
        self.sources.fit_key = None
        self.sources.schedule()
        super().resizeEvent(event)

    # ---------------------------------------------------------------- painting and input
    def paintEvent(self, event) -> None:
        self.painter.paint()

    def render_snapshot(self) -> QPixmap:
        """The view as it looks now, without the swipe offset (for sliding it away)."""
        return self.painter.snapshot()

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS:
            self.gestures.touch(event)
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        self.gestures.mouse_press(event)

    def mouseMoveEvent(self, event) -> None:
        self.gestures.mouse_move(event)

    def mouseReleaseEvent(self, event) -> None:
        self.gestures.mouse_release(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self.gestures.mouse_press(event)  # double taps are told apart on release

    def wheelEvent(self, event) -> None:
        self.gestures.wheel(event)

    def hideEvent(self, event) -> None:
        self.motion.stop()
        self.swipe_dx = 0.0
        super().hideEvent(event)
