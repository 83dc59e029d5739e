"""Deep zoom: one work fitted to the view, pinch/wheel to zoom, drag to pan, fling, double-tap.

Coordinates are the work's full-resolution pixels ("image px"); ``scale`` is
screen px per image px, from *fit* (the whole work visible) up to
``MAX_SCALE`` (two screen px per pixel of the largest scan).

What is drawn comes from pictures decoded in worker threads (``TileLoader``:
``QRunnable`` on its own ``QThreadPool`` producing ``QImage``; the ``QPixmap``
is made on the GUI thread and kept in an LRU cache bounded in bytes):

- a work with a tile pyramid (``Work.tiles``: level 0 full size, level k at
  1/2**k, 512 px tiles) shows the tiles of the level that matches the scale,
  asking only for those in view.  A tile still loading is drawn from the
  nearest coarser tile in the cache (or the finer ones, after zooming out),
  and under everything lies the pyramid's one-tile top level, so the picture
  never has holes;
- any other work shows its display rendition, first decoded at the size that
  fits the view (sharp and quick), in full when zoomed past that, and — for
  originals of at most ``ORIGINAL_MAX_PIXELS`` that are larger than the
  rendition — the original itself when zoomed past the rendition's pixels.

``paintEvent`` only draws cached pixmaps; nothing is decoded on the GUI thread.

Input: one finger (or the mouse) drags, with a fling that decelerates; two
fingers pinch around their midpoint; the wheel zooms around the cursor; a
double tap zooms in ×2 at that point, or back to fit.  At fit a horizontal
drag does not pan: the work follows the finger and a fling (or a drag past
a fifth of the width) asks for the next or previous work (``swipeRequested``);
``slide_to`` then slides the new work in (250 ms).  A single tap, once the
double-tap interval has passed, emits ``tapped``.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEasingCurve,
    QElapsedTimer,
    QEvent,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QRunnable,
    QSize,
    QSizeF,
    Qt,
    QThreadPool,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QColorSpace,
    QEventPoint,
    QGuiApplication,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from kiosk.catalog.library import TileSpec, Work
from kiosk.ui.widgets import theme

log = logging.getLogger(__name__)

#: Deepest zoom: two screen px per image px of the largest scan (1.0 is full detail).
MAX_SCALE = 2.0
#: Originals without tiles are decoded for deep zoom only up to this size (~128 MB decoded).
ORIGINAL_MAX_PIXELS = 32_000_000
#: Originals shown for deep zoom: JPEG (no transparency to flatten; an embedded ICC
#: profile is converted to sRGB like the renditions; CMYK ones are left to the rendition).
_ORIGINAL_SUFFIXES = {".jpg", ".jpeg"}
#: Pictures kept decoded, in bytes (tiles are 1 MB each).
CACHE_BYTES = 192 * 1024 * 1024
#: Fling: velocity falls by e every FLING_TAU_S; it stops below FLING_STOP_PX_S.
FLING_TAU_S = 0.33
FLING_STOP_PX_S = 40.0
FLING_MIN_PX_S = 250.0
FLING_MAX_PX_S = 8000.0
#: Swipe between works: a drag past this fraction of the width, or a fling this fast.
SWIPE_FRACTION = 0.2
SWIPE_MIN_PX_S = 700.0
SLIDE_MS = 250
ZOOM_ANIM_MS = 260
#: Longest press-to-release that still counts as a tap.
TAP_MAX_MS = 350
#: Progress line appears when pictures in view are missing for longer than this.
PROGRESS_AFTER_MS = 300

Key = tuple[str, int, int]  # path, decode width, decode height (0, 0: natural size)
TileKey = tuple[int, int, int]  # level, col, row


# --------------------------------------------------------------------------- loading


class PixmapCache:
    """QPixmaps by key, least recently used dropped first once over ``limit`` bytes."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.bytes = 0
        self._items: OrderedDict[Key, QPixmap] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Key) -> bool:
        return key in self._items

    def get(self, key: Key) -> QPixmap | None:
        pixmap = self._items.get(key)
        if pixmap is not None:
            self._items.move_to_end(key)
        return pixmap

    def peek(self, key: Key) -> QPixmap | None:
        return self._items.get(key)

    def put(self, key: Key, pixmap: QPixmap) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= _cost(old)
        self._items[key] = pixmap
        self.bytes += _cost(pixmap)
        while self.bytes > self.limit and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self.bytes -= _cost(dropped)

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


def _cost(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4


#: Posted to a TileLoader when a worker has put a result in its mailbox.
_RESULT_EVENT = QEvent.Type(QEvent.registerEventType())


class _Decode(QRunnable):
    """Decode one file into a QImage (scaled while reading when asked); runs in the pool.

    The result goes into the loader's mailbox (a thread-safe queue) and a plain
    event wakes the loader on the GUI thread.  No Python ``Signal.emit`` here:
    PySide6 6.12.0 drops a reference to ``True`` on every Python-side emit, and
    a tile pyramid decodes thousands of tiles.
    """

    def __init__(self, key: Key, loader: TileLoader) -> None:
        super().__init__()
        self.key = key
        self.mailbox = loader.mailbox
        self.target = loader
        self.cancelled = False  # set from the GUI thread; read here (a plain flag)

    def run(self) -> None:
        natural = QSize()
        image = QImage()
        if not self.cancelled:
            path, w, h = self.key
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            natural = reader.size()
            if w > 0 and h > 0 and natural.isValid():
                reader.setScaledSize(QSize(w, h))
            image = reader.read()
            if image.isNull():
                log.warning("cannot show %s: %s", path, reader.errorString())
            elif image.format() == QImage.Format.Format_CMYK8888:
                log.info("not showing the CMYK original %s: its rendition stands in", path)
                image = QImage()
            else:
                space = image.colorSpace()
                if space.isValid() and space != QColorSpace(QColorSpace.NamedColorSpace.SRgb):
                    image.convertToColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
            if not image.isNull() and image.format() not in (
                QImage.Format.Format_RGB32,
                QImage.Format.Format_ARGB32_Premultiplied,
            ):
                image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.mailbox.put((self, image, natural))
        with contextlib.suppress(RuntimeError):  # the loader is gone (its screen was closed)
            QCoreApplication.postEvent(self.target, QEvent(_RESULT_EVENT))
        self.target = None


class TileLoader(QObject):
    """Decodes pictures off the GUI thread into a shared, byte-bounded pixmap cache.

    ``request(key)`` queues a decode unless the key is cached, queued or known
    to fail; listeners added with ``add_listener`` are called with the key on
    the GUI thread once it is cached (or has failed).  Queued work that is no
    longer wanted is dropped by ``keep_only``.
    """

    def __init__(
        self, cache: PixmapCache | None = None, threads: int = 2, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.cache = cache or PixmapCache()
        self.pool = QThreadPool()  # not a child: workers may finish after the loader is gone
        self.pool.setMaxThreadCount(threads)
        self.mailbox: queue.SimpleQueue = queue.SimpleQueue()
        self._listeners: list[weakref.WeakMethod] = []
        self._pending: dict[Key, tuple[_Decode, str]] = {}
        self._failed: set[Key] = set()
        self.natural_sizes: dict[str, QSize] = {}
        self.decoded = 0  # count of finished decodes (tests, benchmarks)

    def add_listener(self, method: Callable[[Key], None]) -> None:
        """Call the bound ``method`` with each key that is cached (or failed); held weakly."""
        self._listeners.append(weakref.WeakMethod(method))

    def pending(self, key: Key) -> bool:
        return key in self._pending

    def busy(self) -> bool:
        """True while decodes are queued or running."""
        return bool(self._pending)

    def has_failed(self, key: Key) -> bool:
        return key in self._failed

    def request(self, key: Key, priority: int = 0, tag: str = "view") -> bool:
        """Queue ``key``; True if a decode was queued now."""
        if key in self.cache or key in self._failed:
            return False
        queued = self._pending.get(key)
        if queued is not None:
            if queued[1] != tag and tag == "view":  # a prefetch the view now needs
                self._pending[key] = (queued[0], tag)
            return False
        job = _Decode(key, self)
        self._pending[key] = (job, tag)
        self.pool.start(job, priority)
        return True

    def keep_only(self, wanted: Iterable[Key], tag: str = "view") -> None:
        """Cancel queued decodes of ``tag`` that are not in ``wanted``."""
        keep = set(wanted)
        for key, (job, job_tag) in list(self._pending.items()):
            if job_tag == tag and key not in keep:
                job.cancelled = True
                del self._pending[key]

    def event(self, event: QEvent) -> bool:
        if event.type() == _RESULT_EVENT:
            self._drain()
            return True
        return super().event(event)

    def _drain(self) -> None:
        while True:
            try:
                job, image, natural = self.mailbox.get_nowait()
            except queue.Empty:
                return
            self._finish(job, image, natural)

    def _finish(self, job: _Decode, image: QImage, natural: QSize) -> None:
        key = job.key
        entry = self._pending.get(key)
        mine = entry is not None and entry[0] is job
        if mine:
            del self._pending[key]
        if natural.isValid():
            self.natural_sizes[key[0]] = natural
        if image.isNull():
            if mine:  # a real failure, not a cancelled job
                self._failed.add(key)
                self._tell(key)
            return
        self.decoded += 1
        self.cache.put(key, QPixmap.fromImage(image))
        self._tell(key)

    def _tell(self, key: Key) -> None:
        alive = []
        for ref in self._listeners:
            method = ref()
            if method is not None and shiboken6.isValid(method.__self__):
                alive.append(ref)
                method(key)
        self._listeners = alive

    def wait(self) -> None:
        """Block until queued decodes are done, and take their results (tests, shutdown)."""
        self.pool.waitForDone()
        self._drain()


# --------------------------------------------------------------------------- geometry


def level_for(scale: float, levels: int) -> int:
    """The pyramid level to show at ``scale``: the coarsest that is still at least as sharp."""
    if scale <= 0:
        return levels - 1
    return max(0, min(levels - 1, math.floor(math.log2(1.0 / scale) + 1e-9)))


def level_size(spec: TileSpec, level: int) -> tuple[int, int]:
    f = 1 << level
    return math.ceil(spec.width / f), math.ceil(spec.height / f)


def tile_grid(spec: TileSpec, level: int) -> tuple[int, int]:
    lw, lh = level_size(spec, level)
    return math.ceil(lw / spec.tile_size), math.ceil(lh / spec.tile_size)


def tile_rect(spec: TileSpec, level: int, col: int, row: int) -> QRectF:
    """The part of the work (in image px) that tile ``col, row`` of ``level`` shows."""
    f = 1 << level
    lw, lh = level_size(spec, level)
    ts = spec.tile_size
    x0, y0 = col * ts, row * ts
    x1, y1 = min(x0 + ts, lw), min(y0 + ts, lh)
    return QRectF(
        x0 * f, y0 * f, min(x1 * f, spec.width) - x0 * f, min(y1 * f, spec.height) - y0 * f
    )


def tiles_in(spec: TileSpec, level: int, area: QRectF) -> list[tuple[int, int]]:
    """Tiles of ``level`` that cover ``area`` (image px), row by row."""
    if area.isEmpty():
        return []
    span = spec.tile_size * (1 << level)
    cols, rows = tile_grid(spec, level)
    c0 = max(0, math.floor(area.left() / span))
    r0 = max(0, math.floor(area.top() / span))
    c1 = min(cols - 1, math.floor((area.right() - 1e-6) / span))
    r1 = min(rows - 1, math.floor((area.bottom() - 1e-6) / span))
    return [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]


@dataclass
class _Whole:
    """A whole-picture source of a work without tiles, and its sharpness (px per image px)."""

    key: Key
    res: float


# --------------------------------------------------------------------------- the view


class ZoomView(QWidget):
    """Shows one ``Work``; see the module docstring for gestures and loading."""

    tapped = Signal(QPointF)
    swipeRequested = Signal(int)  # +1 next, -1 previous

    def __init__(
        self,
        loader: TileLoader | None = None,
        parent: QWidget | None = None,
        *,
        background: QColor = theme.PAPER,
    ) -> None:
        super().__init__(parent)
        self.loader = loader or TileLoader(parent=self)
        self.loader.add_listener(self._on_loaded)
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
        self._wholes: list[_Whole] = []
        self._fit_key: Key | None = None
        self._display_key: Key | None = None
        self.has_prev = self.has_next = True
        self.touch_slop = 20.0
        # gesture state
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
        self._tap_timer = QTimer(self)
        self._tap_timer.setSingleShot(True)
        self._tap_timer.timeout.connect(self._emit_tap)
        self._last_tap: tuple[int, QPointF] | None = None
        self._tap_pos = QPointF()
        # motion
        self._velocity = QPointF()
        self._fling_timer = QTimer(self)
        self._fling_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._fling_timer.setInterval(16)
        self._fling_timer.timeout.connect(self._fling_step)
        self._fling_clock = QElapsedTimer()
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._anim_step)
        self._anim_plan: tuple = ()
        self._swipe_dx = 0.0
        self._slide_from: QPixmap | None = None
        self._slide_dir = 0
        self._slide_anim = QVariantAnimation(self)
        self._slide_anim.setDuration(SLIDE_MS)
        self._slide_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._slide_anim.valueChanged.connect(self._slide_step)
        self._slide_anim.finished.connect(self._slide_done)
        self._snap_anim = QVariantAnimation(self)
        self._snap_anim.setDuration(180)
        self._snap_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._snap_anim.valueChanged.connect(self._snap_step)
        # loading progress
        self._missing_since: int | None = None
        self._progress = 1.0
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(self.update)
        self.paint_ms: deque[float] = deque(maxlen=240)
        #: Tiles queued for decoding, in order (level, col, row): tests and benchmarks.
        self.requested: deque[TileKey] = deque(maxlen=4096)

    # ---------------------------------------------------------------- the work
    def set_work(self, work: Work | None, placeholder: QPixmap | None = None) -> None:
        """Show ``work`` fitted (``placeholder``, e.g. its thumbnail, until pictures load)."""
        self._stop_motion()
        self.work = work
        self.placeholder = placeholder if placeholder and not placeholder.isNull() else None
        self._wholes = []
        self._fit_key = self._display_key = None
        self._missing_since = None
        self._swipe_dx = 0.0
        w, h = self._work_size(work)
        self._w, self._h = float(w), float(h)
        self._fitted = True
        self._apply_fit()
        self._schedule()
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
        self._set_view(scale, q, anchor)

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
        self._stop_motion()
        self._swipe_dx = 0.0
        self._fitted = True
        self._apply_fit()
        self._view_changed()

    def animate_to_fit(self) -> None:
        self._animate(self.fit_scale(), anchor=None)

    def animate_zoom(self, scale: float, anchor: QPointF) -> None:
        self._animate(scale, anchor=anchor)

    def is_moving(self) -> bool:
        return (
            self._fling_timer.isActive()
            or self._anim.state() == QVariantAnimation.State.Running
            or self._slide_anim.state() == QVariantAnimation.State.Running
            or self._snap_anim.state() == QVariantAnimation.State.Running
        )

    def _set_view(self, scale: float, q: QPointF, anchor: QPointF) -> None:
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
        self._schedule()
        self.update()

    def resizeEvent(self, event) -> None:
        if self._fitted:
            self._apply_fit()
        else:
            self._scale = max(self.fit_scale(), self._scale)
            self._fitted = self._scale <= self.fit_scale() * 1.001
            self._clamp()
        self._fit_key = None
        self._schedule()
        super().resizeEvent(event)

    # ---------------------------------------------------------------- what to load
    def wanted_tiles(self) -> list[TileKey]:
        """Tiles of the current level covering the view, nearest the centre first."""
        spec = self.work.tiles if self.work else None
        if spec is None or self.width() <= 0:
            return []
        level = level_for(self._scale, spec.levels)
        area = self.visible_rect()
        mid = area.center()
        found = tiles_in(spec, level, area)
        found.sort(key=lambda cr: _dist2(tile_rect(spec, level, *cr).center(), mid))
        return [(level, c, r) for c, r in found]

    def tile_key(self, level: int, col: int, row: int) -> Key:
        assert self.work is not None and self.work.tiles is not None
        return (str(self.work.tiles.tile(level, col, row)), 0, 0)

    def _schedule(self) -> None:
        """Ask for what the current view needs; drop queued work it no longer needs."""
        work = self.work
        if work is None:
            self.loader.keep_only(())  # closed: nothing it asked for is needed now
            return
        if self.width() <= 1 or self.height() <= 1:
            return
        wanted: list[Key] = []
        if work.tiles is not None:
            spec = work.tiles
            top = spec.levels - 1
            base = self.tile_key(top, 0, 0)
            wanted.append(base)
            if self.loader.request(base, priority=100):
                self.requested.append((top, 0, 0))
            for i, (level, col, row) in enumerate(self.wanted_tiles()):
                key = self.tile_key(level, col, row)
                wanted.append(key)
                if self.loader.request(key, priority=50 - min(i, 40)):
                    self.requested.append((level, col, row))
        else:
            self._plan_wholes()
            need = self._whole_to_load()
            if need is not None:
                wanted.append(need.key)
                self.loader.request(need.key, priority=60 if need.key == self._fit_key else 10)
            if self._fit_key is not None:
                wanted.append(self._fit_key)
        self.loader.keep_only(wanted)

    def _plan_wholes(self) -> None:
        """The whole-picture sources of a work without tiles, sharpest last."""
        work = self.work
        if work is None or (work.display is None and work.original is None):
            self._wholes = []
            return
        display = work.display or work.original
        assert display is not None
        fit = self.fit_scale()
        fw, fh = max(1, round(self._w * fit)), max(1, round(self._h * fit))
        self._fit_key = (str(display), fw, fh)
        wholes = [_Whole(self._fit_key, fit)]
        natural = self.loader.natural_sizes.get(str(display))
        display_res = natural.width() / self._w if natural is not None else None
        if display_res is None or display_res > fit * 1.05:
            self._display_key = (str(display), 0, 0)
            # Until its size is known, assume the rendition is what fit needs ×2.
            wholes.append(_Whole(self._display_key, display_res or fit * 2))
        original = work.original
        if (
            original is not None
            and work.display is not None
            and original.suffix.lower() in _ORIGINAL_SUFFIXES
            and self._w * self._h <= ORIGINAL_MAX_PIXELS
            and display_res is not None
            and display_res < 0.95
        ):
            wholes.append(_Whole((str(original), 0, 0), 1.0))
        self._wholes = wholes

    def _whole_to_load(self) -> _Whole | None:
        """The least sharp source that is sharp enough for the view (or the sharpest)."""
        usable = [w for w in self._wholes if not self.loader.has_failed(w.key)]
        if not usable:
            return None
        need = self._scale * 0.98
        for whole in usable:
            if whole.res >= need:
                return whole
        return usable[-1]

    def prefetch(self, work: Work) -> None:
        """Start decoding what ``work`` needs at fit (the next or previous work)."""
        if self.width() <= 1 or self.height() <= 1:
            return
        if work.tiles is not None:
            spec = work.tiles
            fit = min(self.width() / spec.width, self.height() / spec.height)
            level = level_for(fit, spec.levels)
            keys = [(spec.levels - 1, 0, 0)]
            keys += [
                (level, c, r)
                for c, r in tiles_in(spec, level, QRectF(0, 0, spec.width, spec.height))
            ]
            for lv, c, r in keys[:24]:
                self.loader.request((str(spec.tile(lv, c, r)), 0, 0), priority=-10, tag="prefetch")
        elif (work.display or work.original) and work.width and work.height:
            path = work.display or work.original
            fit = min(self.width() / work.width, self.height() / work.height)
            key = (str(path), max(1, round(work.width * fit)), max(1, round(work.height * fit)))
            self.loader.request(key, priority=-10, tag="prefetch")

    def _on_loaded(self, key: Key) -> None:
        work = self.work
        if work is None:
            return
        folder = str(work.tiles.folder) if work.tiles else None
        path = key[0]
        if (
            (folder and path.startswith(folder))
            or (work.display and path == str(work.display))
            or (work.original and path == str(work.original))
        ):
            if work.tiles is None:
                self._schedule()  # the rendition's size is known now: plan the sharper ones
            self.update()

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event) -> None:
        t0 = time.perf_counter()
        p = QPainter(self)
        self._paint_background(p)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._slide_from is not None:
            p.drawPixmap(
                QPointF(self._swipe_dx - self._slide_dir * self.width(), 0), self._slide_from
            )
        if self._swipe_dx:
            p.translate(self._swipe_dx, 0)
        complete = self._paint_work(p)
        p.resetTransform()
        self._paint_progress(p, complete)
        p.end()
        self.paint_ms.append((time.perf_counter() - t0) * 1000)

    def _paint_background(self, p: QPainter) -> None:
        """Paper around the work (the work itself always paints every pixel it covers)."""
        view = QRect(self.rect())
        if self.work is None or self._slide_from is not None or self._swipe_dx:
            p.fillRect(view, self.background)
            return
        work = self._snap(QRectF(0, 0, self._w, self._h)).intersected(view)
        if work.isEmpty():
            p.fillRect(view, self.background)
            return
        for band in (
            QRect(view.left(), view.top(), view.width(), work.top() - view.top()),
            QRect(view.left(), work.bottom() + 1, view.width(), view.bottom() - work.bottom()),
            QRect(view.left(), work.top(), work.left() - view.left(), work.height()),
            QRect(work.right() + 1, work.top(), view.right() - work.right(), work.height()),
        ):
            if band.width() > 0 and band.height() > 0:
                p.fillRect(band, self.background)

    def render_snapshot(self) -> QPixmap:
        """The view as it looks now, without the swipe offset (for sliding it away)."""
        out = QPixmap(self.size())
        out.fill(self.background)
        p = QPainter(out)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_work(p)
        p.end()
        return out

    def _paint_work(self, p: QPainter) -> bool:
        """Draw the work; True when everything in view is drawn at the wanted sharpness."""
        work = self.work
        if work is None:
            return True
        target = self.image_rect()
        if work.tiles is not None:
            return self._paint_tiles(p, work.tiles, target)
        return self._paint_whole(p, target)

    def _snap(self, r: QRectF) -> QRect:
        """Image-px rect to whole view px, so neighbouring tiles meet without seams."""
        tl = self.to_view(r.topLeft())
        br = self.to_view(r.bottomRight())
        x0, y0 = math.floor(tl.x() + 0.5), math.floor(tl.y() + 0.5)
        x1, y1 = math.floor(br.x() + 0.5), math.floor(br.y() + 0.5)
        return QRect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))

    def _paint_placeholder(self, p: QPainter, target: QRectF) -> None:
        if self.placeholder is not None:
            p.drawPixmap(target, self.placeholder, QRectF(self.placeholder.rect()))
        else:
            p.fillRect(target, theme.PAPER_DEEP)

    def _paint_tiles(self, p: QPainter, spec: TileSpec, target: QRectF) -> bool:
        cache = self.loader.cache
        level = level_for(self._scale, spec.levels)
        area = self.visible_rect()
        if self._swipe_dx:
            area = QRectF(0, 0, self._w, self._h)
        tiles = tiles_in(spec, level, area)
        drawn: list[tuple[QRect, QPixmap]] = []
        fallbacks: list[tuple[int, int]] = []
        for col, row in tiles:
            pixmap = cache.get(self.tile_key(level, col, row))
            if pixmap is not None:
                drawn.append((self._snap(tile_rect(spec, level, col, row)), pixmap))
            else:
                fallbacks.append((col, row))
        if fallbacks:
            # Coarser tiles stand in for the missing ones; the thumbnail under what has none.
            stand_ins: list[tuple[QRectF, QPixmap, QRectF]] = []
            bare = False
            for col, row in fallbacks:
                found = self._coarser(spec, level, col, row)
                if found is None:
                    bare = True
                else:
                    stand_ins.extend(found)
                stand_ins.extend(self._finer(spec, level, col, row))
            if bare:
                self._paint_placeholder(p, target.intersected(QRectF(self.rect())))
            for rect, pixmap, source in stand_ins:
                p.drawPixmap(rect, pixmap, source)
        for rect, pixmap in drawn:
            p.drawPixmap(rect, pixmap)
        total = len(tiles)
        self._note_progress(total - len(fallbacks), total)
        return not fallbacks

    def _coarser(
        self, spec: TileSpec, level: int, col: int, row: int
    ) -> list[tuple[QRectF, QPixmap, QRectF]] | None:
        want = tile_rect(spec, level, col, row)
        for up in range(level + 1, spec.levels):
            shift = up - level
            pc, pr = col >> shift, row >> shift
            pixmap = self.loader.cache.peek(self.tile_key(up, pc, pr))
            if pixmap is None:
                continue
            parent = tile_rect(spec, up, pc, pr)
            f = 1 << up
            source = QRectF(
                (want.left() - parent.left()) / f,
                (want.top() - parent.top()) / f,
                want.width() / f,
                want.height() / f,
            ).intersected(QRectF(pixmap.rect()))
            return [(QRectF(self._snap(want)), pixmap, source)]
        return None

    def _finer(
        self, spec: TileSpec, level: int, col: int, row: int
    ) -> list[tuple[QRectF, QPixmap, QRectF]]:
        if level == 0:
            return []
        out = []
        cols, rows = tile_grid(spec, level - 1)
        for c in (2 * col, 2 * col + 1):
            for r in (2 * row, 2 * row + 1):
                if c < cols and r < rows:
                    pixmap = self.loader.cache.peek(self.tile_key(level - 1, c, r))
                    if pixmap is not None:
                        rect = QRectF(self._snap(tile_rect(spec, level - 1, c, r)))
                        out.append((rect, pixmap, QRectF(pixmap.rect())))
        return out

    def _paint_whole(self, p: QPainter, target: QRectF) -> bool:
        cache = self.loader.cache
        best = self._whole_to_load()
        chosen: QPixmap | None = None
        sharp = False
        if best is not None:
            chosen = cache.get(best.key)
            sharp = chosen is not None
        if chosen is None:  # any loaded source, sharpest first
            for whole in reversed(self._wholes):
                chosen = cache.get(whole.key)
                if chosen is not None:
                    break
        if chosen is None:
            self._paint_placeholder(p, target)
            self._note_progress(0, 1)
            return best is None
        # Draw only the part in view: image px → the pixmap's px.
        visible = self.visible_rect()
        if self._swipe_dx:
            visible = QRectF(0, 0, self._w, self._h)
        kx, ky = chosen.width() / self._w, chosen.height() / self._h
        source = QRectF(
            visible.left() * kx, visible.top() * ky, visible.width() * kx, visible.height() * ky
        )
        p.drawPixmap(QRectF(self._snap(visible)), chosen, source)
        self._note_progress(1 if sharp else 0, 1)
        return sharp

    def _note_progress(self, have: int, total: int) -> None:
        self._progress = have / total if total else 1.0
        if have >= total:
            self._missing_since = None
        elif self._missing_since is None:
            self._missing_since = self._clock.elapsed()
            self._progress_timer.start(PROGRESS_AFTER_MS + 10)

    def _paint_progress(self, p: QPainter, complete: bool) -> None:
        """A thin line along the top while pictures in view have been loading > 300 ms."""
        if complete or self._missing_since is None:
            return
        if self._clock.elapsed() - self._missing_since < PROGRESS_AFTER_MS:
            return
        h = max(2, round(self.height() / 360))
        track = QColor(theme.INK)
        track.setAlpha(28)
        p.fillRect(QRectF(0, 0, self.width(), h), track)
        bar = QColor(theme.INK_SOFT)
        bar.setAlpha(150)
        p.fillRect(QRectF(0, 0, self.width() * max(0.04, self._progress), h), bar)

    # ---------------------------------------------------------------- input: touch
    def event(self, event: QEvent) -> bool:
        etype = event.type()
        if etype in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event) -> None:
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
                self._set_view(s0 * dist / d0, q, mid)
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
        self._stop_motion()
        self._tap_timer.stop()
        self._last_tap = None
        if self._swipe_dx:
            self._snap_back()
        self._drag = None
        self._moved = True
        self._pinch = (self._scale, dist, self.to_image(mid))

    # ---------------------------------------------------------------- input: mouse
    def mousePressEvent(self, event) -> None:
        if self._touching or event.button() != Qt.MouseButton.LeftButton:
            return
        self._mouse_down = True
        self._press(event.position(), self._clock.elapsed())

    def mouseMoveEvent(self, event) -> None:
        if self._touching or not self._mouse_down:
            return
        self._move(event.position(), self._clock.elapsed())

    def mouseReleaseEvent(self, event) -> None:
        if self._touching or event.button() != Qt.MouseButton.LeftButton or not self._mouse_down:
            return
        self._mouse_down = False
        self._release(event.position(), self._clock.elapsed())

    def mouseDoubleClickEvent(self, event) -> None:
        self.mousePressEvent(event)  # double taps are told apart in _release

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y()
        if not delta or self.work is None:
            return
        self._stop_motion()
        self.zoom_by(1.0015**delta, event.position())  # one notch (120) ≈ ×1.2
        event.accept()

    # ---------------------------------------------------------------- gestures
    def _press(self, pos: QPointF, now: int) -> None:
        self._stopper = self.is_moving()  # a touch that stops a fling is not a tap
        self._stop_motion()
        self._press_pos = QPointF(pos)
        self._press_ms = now
        self._moved = False
        self._start_drag(pos, now)

    def _start_drag(self, pos: QPointF, now: int, *, after_pinch: bool = False) -> None:
        self._last = QPointF(pos)
        self._samples.clear()
        self._samples.append((now, QPointF(pos)))
        fitted_swipe = self.is_fitted() and not after_pinch and self.work is not None
        self._drag = "swipe" if fitted_swipe else "pan"

    def _move(self, pos: QPointF, now: int) -> None:
        if self._drag is None:
            return
        if not self._moved:
            if (pos - self._press_pos).manhattanLength() < self.touch_slop:
                return
            self._moved = True
            self._tap_timer.stop()
            self._last_tap = None
        delta = pos - self._last
        self._last = QPointF(pos)
        self._samples.append((now, QPointF(pos)))
        while len(self._samples) > 2 and now - self._samples[0][0] > 100:
            self._samples.popleft()
        if self._drag == "pan":
            self.pan_by(delta.x(), delta.y())
        else:
            going = self._swipe_dx + delta.x()
            blocked = (going < 0 and not self.has_next) or (going > 0 and not self.has_prev)
            self._swipe_dx += delta.x() * (0.3 if blocked else 1.0)
            self.update()

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
                self._fling(velocity)
        else:
            self._end_swipe(velocity.x())

    def _end_drag(self) -> None:
        drag, self._drag = self._drag, None
        if drag == "swipe" and self._swipe_dx:
            self._snap_back()

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
            self.double_tap(pos)
            return
        self._last_tap = (now, QPointF(pos))
        self._tap_pos = QPointF(pos)
        self._tap_timer.start(interval)

    def _emit_tap(self) -> None:
        self._last_tap = None
        self.tapped.emit(self._tap_pos)

    def double_tap(self, pos: QPointF) -> None:
        """Zoom in ×2 at ``pos``, or back to fit when already zoomed."""
        if self.work is None:
            return
        if self.is_fitted():
            self.animate_zoom(min(self.max_scale(), self._scale * 2), pos)
        else:
            self.animate_to_fit()

    # ---------------------------------------------------------------- motion
    def _stop_motion(self) -> None:
        self._fling_timer.stop()
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
        if self._snap_anim.state() == QVariantAnimation.State.Running:
            self._snap_anim.stop()
        if self._slide_anim.state() == QVariantAnimation.State.Running:
            self._slide_anim.stop()
            self._slide_done()

    def _fling(self, velocity: QPointF) -> None:
        self._velocity = QPointF(velocity)
        self._fling_clock.start()
        self._fling_timer.start()

    def _fling_step(self) -> None:
        dt = max(1, self._fling_clock.restart()) / 1000.0
        decay = math.exp(-dt / FLING_TAU_S)
        # Distance covered under exponential decay over dt.
        step = self._velocity * FLING_TAU_S * (1 - decay)
        self._velocity *= decay
        moved = self.pan_by(step.x(), step.y())
        if not moved or math.hypot(self._velocity.x(), self._velocity.y()) < FLING_STOP_PX_S:
            self._fling_timer.stop()

    def _animate(self, scale: float, anchor: QPointF | None) -> None:
        self._stop_motion()
        fit = self.fit_scale()
        scale = max(fit, min(self.max_scale(), scale))
        if anchor is None:  # to fit: the centre glides to the middle
            plan = ("centre", self._scale, scale, QPointF(self._cx, self._cy))
        else:
            plan = ("anchor", self._scale, scale, QPointF(anchor), self.to_image(anchor))
        self._anim_plan = plan
        self._anim.setDuration(ZOOM_ANIM_MS)
        self._anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._anim.start()

    def _anim_step(self, value: float) -> None:
        if not self._anim_plan:
            return
        kind, s0, s1 = self._anim_plan[:3]
        scale = s0 * (s1 / s0) ** float(value)
        if kind == "anchor":
            anchor, q = self._anim_plan[3], self._anim_plan[4]
            self._set_view(scale, q, anchor)
        else:
            c0 = self._anim_plan[3]
            t = float(value)
            q = QPointF(c0.x() + (self._w / 2 - c0.x()) * t, c0.y() + (self._h / 2 - c0.y()) * t)
            self._set_view(scale, q, QPointF(self.width() / 2, self.height() / 2))

    # ---------------------------------------------------------------- swiping
    def _end_swipe(self, vx: float) -> None:
        dx = self._swipe_dx
        direction = 0
        if dx < -self.width() * SWIPE_FRACTION or (vx < -SWIPE_MIN_PX_S and dx < 0):
            direction = 1
        elif dx > self.width() * SWIPE_FRACTION or (vx > SWIPE_MIN_PX_S and dx > 0):
            direction = -1
        if (direction == 1 and not self.has_next) or (direction == -1 and not self.has_prev):
            direction = 0
        if direction:
            self.swipeRequested.emit(direction)
            if self._swipe_dx and self._slide_anim.state() != QVariantAnimation.State.Running:
                self._snap_back()  # nobody took the swipe
        elif dx:
            self._snap_back()

    def _snap_back(self) -> None:
        self._snap_anim.stop()
        self._snap_anim.setStartValue(float(self._swipe_dx))
        self._snap_anim.setEndValue(0.0)
        self._snap_anim.start()

    def _snap_step(self, value: float) -> None:
        self._swipe_dx = float(value)
        self.update()

    def slide_to(self, work: Work, direction: int, placeholder: QPixmap | None = None) -> None:
        """Show ``work``, sliding in from the right (+1) or the left (-1) over 250 ms."""
        snapshot = self.render_snapshot() if self.width() > 1 else None
        offset = self._swipe_dx
        self.set_work(work, placeholder)
        if snapshot is None:
            return
        self._slide_from = snapshot
        self._slide_dir = direction
        self._slide_anim.setStartValue(float(offset + direction * self.width()))
        self._slide_anim.setEndValue(0.0)
        self._swipe_dx = offset + direction * self.width()
        self._slide_anim.start()

    def _slide_step(self, value: float) -> None:
        self._swipe_dx = float(value)
        self.update()

    def _slide_done(self) -> None:
        self._slide_from = None
        self._slide_dir = 0
        self._swipe_dx = 0.0
        self.update()

    def hideEvent(self, event) -> None:
        self._stop_motion()
        self._swipe_dx = 0.0
        super().hideEvent(event)


def _dist2(a: QPointF, b: QPointF) -> float:
    return (a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2


__all__ = [
    "CACHE_BYTES",
    "MAX_SCALE",
    "ORIGINAL_MAX_PIXELS",
    "PixmapCache",
    "TileLoader",
    "ZoomView",
    "level_for",
    "tile_rect",
    "tiles_in",
]
