"""Painting the deep-zoom view from pictures already decoded: nothing is decoded here.

Tiles of the level in view are drawn where they are cached; a tile still
loading is drawn from the nearest coarser tile in the cache (or the finer
ones, after zooming out), and the placeholder (the work's thumbnail) lies under
what has neither.  A work without tiles shows the sharpest whole picture
loaded.  A thin line along the top tells that pictures in view have been
loading for longer than ``PROGRESS_AFTER_MS``.
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QPointF, QRect, QRectF, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap

from kiosk.catalog.library import TileSpec
from kiosk.ui.gallery.pyramid import level_for, tile_grid, tile_rect, tiles_in
from kiosk.ui.gallery.zoom_sources import ZoomSources
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.picture_cache import PictureCache

if TYPE_CHECKING:
    from kiosk.ui.gallery.zoom import ZoomView

#: Progress line appears when pictures in view are missing for longer than this.
PROGRESS_AFTER_MS = 300

StandIn = tuple[QRectF, QPixmap, QRectF]  # where, what, which part of it


class ZoomPainter:
    """Draws ``view`` from ``cache``, the pictures ``sources`` planned."""

    def __init__(self, view: ZoomView, sources: ZoomSources, cache: PictureCache) -> None:
        self.view, self.sources, self.cache = view, sources, cache
        self._clock = QElapsedTimer()
        self._clock.start()
        self._missing_since: int | None = None
        self._progress = 1.0
        self._progress_timer = QTimer(view)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.timeout.connect(view.update)
        self.paint_ms: deque[float] = deque(maxlen=240)

    def new_work(self) -> None:
        self._missing_since = None

    def paint(self) -> None:
        view = self.view
        t0 = time.perf_counter()
        p = QPainter(view)
        self._paint_background(p)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if view.slide_from is not None:
            p.drawPixmap(QPointF(view.swipe_dx - view.slide_dir * view.width(), 0), view.slide_from)
        if view.swipe_dx:
            p.translate(view.swipe_dx, 0)
        complete = self._paint_work(p)
        p.resetTransform()
        self._paint_progress(p, complete)
        p.end()
        self.paint_ms.append((time.perf_counter() - t0) * 1000)

    def _paint_background(self, p: QPainter) -> None:
        """Paper around the work (the work itself always paints every pixel it covers)."""
        view = self.view
        area = QRect(view.rect())
        if view.work is None or view.slide_from is not None or view.swipe_dx:
            p.fillRect(area, view.background)
            return
        size = view.image_size()
        work = self.snap(QRectF(0, 0, size.width(), size.height())).intersected(area)
        if work.isEmpty():
            p.fillRect(area, view.background)
            return
        for band in (
            QRect(area.left(), area.top(), area.width(), work.top() - area.top()),
            QRect(area.left(), work.bottom() + 1, area.width(), area.bottom() - work.bottom()),
            QRect(area.left(), work.top(), work.left() - area.left(), work.height()),
            QRect(work.right() + 1, work.top(), area.right() - work.right(), work.height()),
        ):
            if band.width() > 0 and band.height() > 0:
                p.fillRect(band, view.background)

    def snapshot(self) -> QPixmap:
        """The view as it looks now, without the swipe offset (for sliding it away)."""
        view = self.view
        out = QPixmap(view.size())
        out.fill(view.background)
        p = QPainter(out)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_work(p)
        p.end()
        return out

    def _paint_work(self, p: QPainter) -> bool:
        """Draw the work; True when everything in view is drawn at the wanted sharpness."""
        work = self.view.work
        if work is None:
            return True
        target = self.view.image_rect()
        if work.tiles is not None:
            return self._paint_tiles(p, work.tiles, target)
        return self._paint_whole(p, target)

    def snap(self, r: QRectF) -> QRect:
        """Image-px rect to whole view px, so neighbouring tiles meet without seams."""
        tl = self.view.to_view(r.topLeft())
        br = self.view.to_view(r.bottomRight())
        x0, y0 = math.floor(tl.x() + 0.5), math.floor(tl.y() + 0.5)
        x1, y1 = math.floor(br.x() + 0.5), math.floor(br.y() + 0.5)
        return QRect(x0, y0, max(1, x1 - x0), max(1, y1 - y0))

    def _paint_placeholder(self, p: QPainter, target: QRectF) -> None:
        placeholder = self.view.placeholder
        if placeholder is not None:
            p.drawPixmap(target, placeholder, QRectF(placeholder.rect()))
        else:
            p.fillRect(target, theme.PAPER_DEEP)

    def _area(self) -> QRectF:
        """The part of the work to draw, in image px (all of it while it slides)."""
        view = self.view
        if view.swipe_dx:
            size = view.image_size()
            return QRectF(0, 0, size.width(), size.height())
        return view.visible_rect()

    def _paint_tiles(self, p: QPainter, spec: TileSpec, target: QRectF) -> bool:
        key = self.sources.tile_key
        level = level_for(self.view.scale(), spec.levels)
        tiles = tiles_in(spec, level, self._area())
        drawn: list[tuple[QRect, QPixmap]] = []
        fallbacks: list[tuple[int, int]] = []
        for col, row in tiles:
            pixmap = self.cache.get(key(level, col, row))
            if pixmap is not None:
                drawn.append((self.snap(tile_rect(spec, level, col, row)), pixmap))
            else:
                fallbacks.append((col, row))
        if fallbacks:
            # Coarser tiles stand in for the missing ones; the thumbnail under what has none.
            stand_ins: list[StandIn] = []
            bare = False
            for col, row in fallbacks:
                found = self._coarser(spec, level, col, row)
                if found is None:
                    bare = True
                else:
                    stand_ins.extend(found)
                stand_ins.extend(self._finer(spec, level, col, row))
            if bare:
                self._paint_placeholder(p, target.intersected(QRectF(self.view.rect())))
            for rect, pixmap, source in stand_ins:
                p.drawPixmap(rect, pixmap, source)
        for rect, pixmap in drawn:
            p.drawPixmap(rect, pixmap)
        total = len(tiles)
        self._note_progress(total - len(fallbacks), total)
        return not fallbacks

    def _coarser(self, spec: TileSpec, level: int, col: int, row: int) -> list[StandIn] | None:
        want = tile_rect(spec, level, col, row)
        for up in range(level + 1, spec.levels):
            shift = up - level
            pc, pr = col >> shift, row >> shift
            pixmap = self.cache.peek(self.sources.tile_key(up, pc, pr))
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
            return [(QRectF(self.snap(want)), pixmap, source)]
        return None

    def _finer(self, spec: TileSpec, level: int, col: int, row: int) -> list[StandIn]:
        if level == 0:
            return []
        out = []
        cols, rows = tile_grid(spec, level - 1)
        for c in (2 * col, 2 * col + 1):
            for r in (2 * row, 2 * row + 1):
                if c < cols and r < rows:
                    pixmap = self.cache.peek(self.sources.tile_key(level - 1, c, r))
                    if pixmap is not None:
                        rect = QRectF(self.snap(tile_rect(spec, level - 1, c, r)))
                        out.append((rect, pixmap, QRectF(pixmap.rect())))
        return out

    def _paint_whole(self, p: QPainter, target: QRectF) -> bool:
        best = self.sources.whole_to_load()
        chosen: QPixmap | None = None
        sharp = False
        if best is not None:
            chosen = self.cache.get(best.key)
            sharp = chosen is not None
        if chosen is None:  # any loaded source, sharpest first
            for whole in reversed(self.sources.wholes):
                chosen = self.cache.get(whole.key)
                if chosen is not None:
                    break
        if chosen is None:
            self._paint_placeholder(p, target)
            self._note_progress(0, 1)
            return best is None
        # Draw only the part in view: image px → the pixmap's px.
        visible = self._area()
        size = self.view.image_size()
        kx, ky = chosen.width() / size.width(), chosen.height() / size.height()
        source = QRectF(
            visible.left() * kx, visible.top() * ky, visible.width() * kx, visible.height() * ky
        )
        p.drawPixmap(QRectF(self.snap(visible)), chosen, source)
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
        view = self.view
        h = max(2, round(view.height() / 360))
        track = QColor(theme.INK)
        track.setAlpha(28)
        p.fillRect(QRectF(0, 0, view.width(), h), track)
        bar = QColor(theme.INK_SOFT)
        bar.setAlpha(150)
        p.fillRect(QRectF(0, 0, view.width() * max(0.04, self._progress), h), bar)
