"""Seeded textures: fractal value noise, xuan paper with fibres, mounting silk."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from kiosk.demo.artwork.palette import XUAN, Color, mix


def fbm2d(
    w: int, h: int, rng: np.random.Generator, cell: float, octaves: int = 4, aspect: float = 1.0
) -> np.ndarray:
    """Fractal value noise in [0, 1], float32 (h, w). ``aspect`` > 1 stretches it vertically."""
    w, h = max(1, w), max(1, h)
    out = np.zeros((h, w), np.float32)
    amp, total = 1.0, 0.0
    for o in range(octaves):
        c = max(1.5, cell / 2**o)
        gw = max(2, int(w / c) + 2)
        gh = max(2, int(h / (c * aspect)) + 2)
        grid = rng.random((gh, gw), dtype=np.float32)
        up = Image.fromarray(grid).resize((w, h), Image.Resampling.BICUBIC)
        out += amp * np.asarray(up)
        total += amp
        amp *= 0.5
    out /= total
    lo, hi = float(out.min()), float(out.max())
    return (out - lo) / max(hi - lo, 1e-6)


def fbm1d(n: int, rng: np.random.Generator, cell: float, octaves: int = 5) -> np.ndarray:
    return fbm2d(n, 1, rng, cell, octaves)[0]


def _fibre_tile(size: int, rng: np.random.Generator, scale: float) -> Image.Image:
    """A grey tile around 250 with grain and a few fibres (multiply it onto a colour)."""
    grain = np.clip(128 + rng.normal(0.0, 40.0, (size, size)), 0, 255).astype(np.uint8)
    grain = Image.fromarray(grain).filter(ImageFilter.GaussianBlur(max(0.4, 0.8 * scale)))
    grain = (np.asarray(grain, np.float32) - 128) / 40 * 1.6
    cloud = fbm2d(size, size, rng, cell=max(4, 60 * scale), octaves=3)
    base = 250.0 + grain * 4.0 + (cloud - 0.5) * 6.0
    tile = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(tile)
    n = int(size * size / 1600)
    for _ in range(n):
        x, y = rng.random(2) * size
        length = (10 + rng.random() * 70) * max(scale, 0.25)
        ang = rng.random() * math.pi
        pts = []
        for i in range(6):
            t = i / 5
            bend = math.sin(t * math.pi) * rng.normal(0, 0.25)
            pts.append(
                (
                    x + math.cos(ang + bend) * length * t,
                    y + math.sin(ang + bend) * length * t,
                )
            )
        shade = int(232 + rng.random() * 14) if rng.random() < 0.7 else 255
        draw.line(pts, fill=shade, width=1)
    return tile.filter(ImageFilter.GaussianBlur(0.35))


def paper(
    size: tuple[int, int], seed: int, color: Color = XUAN, scale: float = 1.0, mottle: float = 1.0
) -> Image.Image:
    """Xuan paper: a warm colour, fine fibres and soft mottling; cheap even at 30000 px."""
    w, h = size
    rng = np.random.default_rng(seed)
    ts = 512 if max(w, h) < 1500 else 1024
    tiles = [_fibre_tile(ts, rng, max(scale, 0.3)) for _ in range(2)]
    tex = Image.new("L", (w, h))
    for ty in range(0, h, ts):
        for tx in range(0, w, ts):
            t = tiles[int(rng.integers(2))]
            k = int(rng.integers(4))
            if k == 1:
                t = t.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
            elif k == 2:
                t = t.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
            elif k == 3:
                t = t.transpose(Image.Transpose.ROTATE_180)
            tex.paste(t, (tx, ty))
    # Soft, large-scale unevenness of tone (cheap: computed small, scaled up).
    sw, sh = max(2, w // 64), max(2, h // 64)
    m = fbm2d(sw, sh, rng, cell=max(2, 10), octaves=3)
    m = 255 - (m * 10 * mottle)
    mot = Image.fromarray(m.astype(np.uint8)).resize((w, h), Image.Resampling.BILINEAR)
    tex = ImageChops.multiply(tex, mot)
    base = Image.new("RGB", (w, h), color)
    return ImageChops.multiply(base, Image.merge("RGB", (tex, tex, tex)))


def silk(size: tuple[int, int], seed: int, color: Color, scale: float, pattern: bool = True):
    """Mounting silk: a soft sheen and a faint woven lattice."""
    w, h = size
    img = paper(size, seed, color, scale, mottle=0.5)
    if pattern and w > 8 and h > 8:
        step = max(6, int(46 * scale))
        motif = Image.new("L", (step, step), 0)
        d = ImageDraw.Draw(motif)
        c = step / 2
        r = step * 0.28
        d.polygon([(c, c - r), (c + r, c), (c, c + r), (c - r, c)], outline=255)
        d.point([(c, c)], fill=255)
        tile = Image.new("L", (w, h), 0)
        for y in range(0, h, step):
            for x in range(0, w, step):
                tile.paste(motif, (x, y))
        light = Image.new("RGB", (w, h), mix(color, (255, 255, 255), 0.35))
        img.paste(light, (0, 0), tile.point(lambda v: v * 0.22))
    return img
