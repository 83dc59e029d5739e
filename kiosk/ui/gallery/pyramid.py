"""A tile pyramid's geometry: which level suits a scale, where its tiles lie, which are in view.

Level 0 is the work at full size, level k at 1/2**k, cut into square tiles of
``TileSpec.tile_size`` px; rectangles are in the work's full-resolution pixels.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from kiosk.catalog.library import TileSpec


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
