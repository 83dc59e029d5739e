"""The demo's region map: a schematic location sketch, drawn with Pillow.

A map of China with wrong or unapproved borders may not be shown in public,
and the demo has no approved map data, so this sketch draws no coastline, no
boundary and no country shape: only paper, a faint latitude/longitude
graticule every 5° with degree labels, a north arrow, and a title that says
what it is.  The kiosk pins the places on it from their latitude and
longitude; no place is drawn here.

The picture is equirectangular: the same number of pixels per degree across
and down, so a place's position is linear in its longitude and latitude
within the bounds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from PIL import Image, ImageDraw

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.palette import INK_SOFT, PAPER, PAPER_DEEP, mix
from kiosk.demo.artwork.textures import fbm2d

Bounds = tuple[float, float, float, float]  # west, south, east, north

LONG_SIDE = 3000  # pixels on the long side at scale 1
GRID_STEP = 5  # degrees between graticule lines
MARGIN_DEG = 3.0  # room around the outermost places
TITLE = "位置示意图 · Location sketch"
NOTE = "不含行政区界线 · No boundaries shown"

GRID = mix(PAPER, INK_SOFT, 0.22)
FRAME = mix(PAPER, INK_SOFT, 0.45)
LABEL = mix(PAPER, INK_SOFT, 0.8)


def bounds_around(points: Iterable[tuple[float, float]], margin: float = MARGIN_DEG) -> Bounds:
    """Whole-degree bounds holding every (lat, lon) point with ``margin`` degrees to spare."""
    lats, lons = zip(*points, strict=True)
    return (
        math.floor(min(lons) - margin),
        math.floor(min(lats) - margin),
        math.ceil(max(lons) + margin),
        math.ceil(max(lats) + margin),
    )


def size_for(bounds: Bounds, scale: float = 1.0) -> tuple[int, int, int]:
    """(width, height, pixels per degree): the long side about ``LONG_SIDE`` × scale."""
    west, south, east, north = bounds
    per_degree = max(1, round(LONG_SIDE * scale / max(east - west, north - south)))
    return round((east - west) * per_degree), round((north - south) * per_degree), per_degree


def degrees(value: float, positive: str, negative: str) -> str:
    hemisphere = positive if value > 0 else negative if value < 0 else ""
    return f"{abs(value):g}°{hemisphere}"


def render(bounds: Bounds, scale: float = 1.0, seed: int = 7) -> Image.Image:
    west, south, east, north = bounds
    w, h, ppd = size_for(bounds, scale)
    sc = ppd * max(east - west, north - south) / LONG_SIDE  # drawing scale, 1.0 at full size

    def px(v: float) -> int:
        return max(1, round(v * sc))

    img = _paper((w, h), seed)
    draw = ImageDraw.Draw(img)

    def x_of(lon: float) -> float:
        return (lon - west) * ppd

    def y_of(lat: float) -> float:
        return (north - lat) * ppd

    # Graticule: faint lines every GRID_STEP degrees, short ticks at every degree.
    inset, tick = px(28), px(14)
    draw.rectangle((inset, inset, w - 1 - inset, h - 1 - inset), outline=FRAME, width=px(2))
    for lon in range(math.ceil(west), math.floor(east) + 1):
        x = x_of(lon)
        if lon % GRID_STEP == 0:
            draw.line((x, inset, x, h - inset), fill=GRID, width=px(2))
        draw.line((x, inset, x, inset + tick), fill=FRAME, width=px(2))
        draw.line((x, h - inset - tick, x, h - inset), fill=FRAME, width=px(2))
    for lat in range(math.ceil(south), math.floor(north) + 1):
        y = y_of(lat)
        if lat % GRID_STEP == 0:
            draw.line((inset, y, w - inset, y), fill=GRID, width=px(2))
        draw.line((inset, y, inset + tick, y), fill=FRAME, width=px(2))
        draw.line((w - inset - tick, y, w - inset, y), fill=FRAME, width=px(2))

    label = font("serif", px(40))
    pad = inset + tick + px(10)
    for lon in range(math.ceil(west / GRID_STEP) * GRID_STEP, math.floor(east) + 1, GRID_STEP):
        text = degrees(lon, "E", "W")
        draw.text((x_of(lon) + px(10), pad), text, font=label, fill=LABEL, anchor="lt")
    for lat in range(math.ceil(south / GRID_STEP) * GRID_STEP, math.floor(north) + 1, GRID_STEP):
        text = degrees(lat, "N", "S")
        draw.text((pad, y_of(lat) - px(10)), text, font=label, fill=LABEL, anchor="ls")

    _north_arrow(draw, w - px(150), px(190), px)
    _title(img, px)
    return img


def _paper(size: tuple[int, int], seed: int) -> Image.Image:
    """Paper with a soft, large-scale unevenness of tone and no fibres (they would
    read as rivers or borders on a map)."""
    w, h = size
    rng = np.random.default_rng(seed)
    small = fbm2d(max(2, w // 64), max(2, h // 64), rng, cell=8, octaves=2)
    tone = np.asarray(Image.fromarray(small).resize((w, h), Image.Resampling.BICUBIC))
    # A little grain, so the slow change of tone shows no steps.
    shade = 1.0 - 0.035 * tone + rng.normal(0.0, 0.004, (h, w)).astype(np.float32)
    rgb = shade[..., None] * np.array(PAPER, np.float32)
    return Image.fromarray(np.clip(rgb + 0.5, 0, 255).astype(np.uint8), "RGB")


def _north_arrow(draw: ImageDraw.ImageDraw, cx: int, cy: int, px) -> None:
    """A slender arrow, its head half filled, with N above it."""
    half, head, tail = px(22), px(70), px(90)
    draw.line((cx, cy - head // 2, cx, cy + tail), fill=INK_SOFT, width=px(4))
    tip, base = (cx, cy - head), cy + px(6)
    draw.polygon([tip, (cx - half, base), (cx, base - px(18))], fill=INK_SOFT)
    draw.line([tip, (cx + half, base), (cx, base - px(18)), tip], fill=INK_SOFT, width=px(3))
    draw.text((cx, tip[1] - px(14)), "N", font=font("serif", px(52)), fill=INK_SOFT, anchor="ms")


def _title(img: Image.Image, px) -> None:
    """The title and the note, on a quiet panel in the bottom-right corner."""
    draw = ImageDraw.Draw(img)
    title, note = font("serif", px(54)), font("serif", px(34))
    tw = max(draw.textlength(TITLE, font=title), draw.textlength(NOTE, font=note))
    pad, gap = px(36), px(22)
    right, bottom = img.width - px(80), img.height - px(80)
    box = (right - tw - 2 * pad, bottom - px(54) - gap - px(34) - 2 * pad, right, bottom)
    draw.rounded_rectangle(box, radius=px(12), fill=PAPER_DEEP, outline=FRAME, width=px(2))
    draw.text((right - pad, bottom - pad), NOTE, font=note, fill=LABEL, anchor="rd")
    y = bottom - pad - px(34) - gap
    draw.text((right - pad, y), TITLE, font=title, fill=INK_SOFT, anchor="rd")
