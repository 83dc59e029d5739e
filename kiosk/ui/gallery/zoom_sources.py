"""What the deep-zoom view asks the picture loader for, and in which order.

- A work with a tile pyramid (``Work.tiles``): its one-tile top level first
  (it lies under everything, so the picture never has holes), then the tiles
  of the level that matches the scale that are in view, nearest the centre
  first.  Queued tiles the view has left behind are cancelled.
- Any other work: its display rendition decoded at the size that fits the
  view (sharp and quick), in full when zoomed past that, and — for JPEG
  originals of at most ``ORIGINAL_MAX_PIXELS`` that are larger than the
  rendition — the original itself when zoomed past the rendition's pixels.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize

from kiosk.catalog.library import Work
from kiosk.ui.gallery.pyramid import level_for, tile_rect, tiles_in
from kiosk.ui.widgets.images import PREFETCH, ImageLoader
from kiosk.ui.widgets.picture_cache import Picture

if TYPE_CHECKING:
    from kiosk.ui.gallery.zoom import ZoomView

#: Originals without tiles are decoded for deep zoom only up to this size (~128 MB decoded).
ORIGINAL_MAX_PIXELS = 32_000_000
#: Originals shown for deep zoom: JPEG (no transparency to flatten; an embedded ICC
#: profile is converted to sRGB like the renditions; CMYK ones are left to the rendition).
_ORIGINAL_SUFFIXES = {".jpg", ".jpeg"}

TileKey = tuple[int, int, int]  # level, col, row


@dataclass
class Whole:
    """A whole-picture source of a work without tiles, and its sharpness (px per image px)."""

    key: Picture
    res: float


class ZoomSources:
    """Plans and queues the pictures ``view`` needs; repaints it when they arrive."""

    def __init__(self, view: ZoomView, loader: ImageLoader) -> None:
        self.view = view
        self.loader = loader
        self.tag = f"zoom-{id(view)}"  # this view's queued decodes (cancelled by keep_only)
        self.wholes: list[Whole] = []
        self.fit_key: Picture | None = None
        self._display_size: QSize | None = None  # the work's rendition, once known
        #: Tiles queued for decoding, in order (level, col, row): tests and benchmarks.
        self.requested: deque[TileKey] = deque(maxlen=4096)
        loader.add_listener(self._on_loaded, view)

    def new_work(self) -> None:
        self.wholes = []
        self.fit_key = None
        self._display_size = None

    def tile_key(self, level: int, col: int, row: int) -> Picture:
        work = self.view.work
        assert work is not None and work.tiles is not None
        return Picture(str(work.tiles.tile(level, col, row)))

    def wanted_tiles(self) -> list[TileKey]:
        """Tiles of the current level covering the view, nearest the centre first."""
        view = self.view
        spec = view.work.tiles if view.work else None
        if spec is None or view.width() <= 0:
            return []
        level = level_for(view.scale(), spec.levels)
        area = view.visible_rect()
        mid = area.center()
        found = tiles_in(spec, level, area)
        found.sort(key=lambda cr: _dist2(tile_rect(spec, level, *cr).center(), mid))
        return [(level, c, r) for c, r in found]

    def schedule(self) -> None:
        """Ask for what the current view needs; drop queued work it no longer needs."""
        view, loader = self.view, self.loader
        work = view.work
        if work is None:
            loader.keep_only((), self.tag)  # closed: nothing it asked for is needed now
            return
        if view.width() <= 1 or view.height() <= 1:
            return
        wanted: list[Picture] = []
        if work.tiles is not None:
            top = work.tiles.levels - 1
            base = self.tile_key(top, 0, 0)
            wanted.append(base)
            if loader.fetch(base, priority=100, tag=self.tag):
                self.requested.append((top, 0, 0))
            for i, (level, col, row) in enumerate(self.wanted_tiles()):
                key = self.tile_key(level, col, row)
                wanted.append(key)
                if loader.fetch(key, priority=50 - min(i, 40), tag=self.tag):
                    self.requested.append((level, col, row))
        else:
            self.plan_wholes()
            need = self.whole_to_load()
            if need is not None:
                wanted.append(need.key)
                priority = 60 if need.key == self.fit_key else 10
                loader.fetch(need.key, priority=priority, tag=self.tag)
            if self.fit_key is not None:
                wanted.append(self.fit_key)
        loader.keep_only(wanted, self.tag)

    def plan_wholes(self) -> None:
        """The whole-picture sources of a work without tiles, sharpest last."""
        view = self.view
        work = view.work
        if work is None or (work.display is None and work.original is None):
            self.wholes = []
            return
        display = work.display or work.original
        assert display is not None
        w, h = view.image_size().width(), view.image_size().height()
        fit = view.fit_scale()
        self.fit_key = Picture(str(display), max(1, round(w * fit)), max(1, round(h * fit)))
        wholes = [Whole(self.fit_key, fit)]
        if self._display_size is None:
            self._display_size = self.loader.natural_size(str(display))
        natural = self._display_size
        display_res = natural.width() / w if natural is not None else None
        if display_res is None or display_res > fit * 1.05:
            # Until its size is known, assume the rendition is what fit needs ×2.
            wholes.append(Whole(Picture(str(display)), display_res or fit * 2))
        original = work.original
        if (
            original is not None
            and work.display is not None
            and original.suffix.lower() in _ORIGINAL_SUFFIXES
            and w * h <= ORIGINAL_MAX_PIXELS
            and display_res is not None
            and display_res < 0.95
        ):
            wholes.append(Whole(Picture(str(original)), 1.0))
        self.wholes = wholes

    def whole_to_load(self) -> Whole | None:
        """The least sharp source that is sharp enough for the view (or the sharpest)."""
        usable = [w for w in self.wholes if not self.loader.has_failed(w.key)]
        if not usable:
            return None
        need = self.view.scale() * 0.98
        for whole in usable:
            if whole.res >= need:
                return whole
        return usable[-1]

    def prefetch(self, work: Work) -> None:
        """Start decoding what ``work`` needs at fit (the next or previous work)."""
        vw, vh = self.view.width(), self.view.height()
        if vw <= 1 or vh <= 1:
            return
        if work.tiles is not None:
            spec = work.tiles
            fit = min(vw / spec.width, vh / spec.height)
            level = level_for(fit, spec.levels)
            keys = [(spec.levels - 1, 0, 0)]
            keys += [
                (level, c, r)
                for c, r in tiles_in(spec, level, QRectF(0, 0, spec.width, spec.height))
            ]
            for lv, c, r in keys[:24]:
                self.loader.fetch(Picture(str(spec.tile(lv, c, r))), -10, PREFETCH)
        elif (work.display or work.original) and work.width and work.height:
            path = work.display or work.original
            fit = min(vw / work.width, vh / work.height)
            size = max(1, round(work.width * fit)), max(1, round(work.height * fit))
            self.loader.fetch(Picture(str(path), *size), -10, PREFETCH)

    def _on_loaded(self, key: Picture) -> None:
        work = self.view.work
        if work is None:
            return
        folder = str(work.tiles.folder) if work.tiles else None
        path = key.path
        if (
            (folder and path.startswith(folder))
            or (work.display and path == str(work.display))
            or (work.original and path == str(work.original))
        ):
            if work.tiles is None:
                self.schedule()  # the rendition's size is known now: plan the sharper ones
            self.view.update()


def _dist2(a: QPointF, b: QPointF) -> float:
    return (a.x() - b.x()) ** 2 + (a.y() - b.y()) ** 2
