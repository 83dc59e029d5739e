"""Posters and calligraphy for the bundled demo, drawn with Pillow and numpy.

Everything is procedural and seeded, so a work renders the same way on every
machine: xuan paper with fibres, ink-wash mountains, lotus, bamboo and plum
drawn from bezier strokes, red seals, and text typeset in vertical columns
read right to left.  Every renderer takes ``scale`` (1.0 = the real size) so
tests can render at a fraction of the size in a moment.

The calligraphy here is *typeset* in a Kai font; the catalogue says so, and
the signature column says so too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from kiosk.errors import KioskError
from kiosk.fonts import find

# Colours from VISUAL.md.
PAPER = (0xF4, 0xEF, 0xE4)
PAPER_DEEP = (0xE9, 0xE1, 0xD0)
INK = (0x1E, 0x1B, 0x18)
INK_SOFT = (0x5C, 0x55, 0x4D)
SEAL = (0xA8, 0x28, 0x1E)
CELADON = (0x5E, 0x7D, 0x6A)
NIGHT = (0x14, 0x12, 0x0F)
XUAN = (0xEF, 0xE6, 0xD2)  # warm, slightly aged xuan paper
CALLI_INK = (0x1A, 0x17, 0x15)

Color = tuple[int, int, int]

_FONT_PACKAGES = {
    "serif": "fonts-noto-cjk",
    "serif-bold": "fonts-noto-cjk",
    "sans": "fonts-noto-cjk",
    "sans-bold": "fonts-noto-cjk",
    "kai": "fonts-arphic-ukai",
}

# Punctuation left out of calligraphy (classical works are unpunctuated).
PUNCT = "，。、；：！？「」『』“”‘’（）《》〈〉·—…,.;:!?\"'()"


class FontMissing(KioskError):
    """A font role the demo needs has no installed face."""


@cache
def font(role: str, size: int) -> ImageFont.FreeTypeFont:
    found = find(role)
    if found is None:
        raise FontMissing(
            f"no '{role}' font with Chinese glyphs is installed; "
            f"install the Debian package {_FONT_PACKAGES.get(role, 'fonts-noto-cjk')}"
        )
    return ImageFont.truetype(str(found.path), max(4, int(size)), index=found.index)


def check_fonts() -> None:
    """Raise FontMissing, naming the package, if a face the demo uses is missing."""
    for role in ("serif", "serif-bold", "kai"):
        font(role, 12)


def mix(a: Color, b: Color, t: float) -> Color:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# noise


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


# ---------------------------------------------------------------------------
# paper and silk


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


# ---------------------------------------------------------------------------
# compositing helpers


def blend_color(canvas: Image.Image, color: Color, alpha: np.ndarray, xy=(0, 0)) -> None:
    """Paint ``color`` onto ``canvas`` through a float alpha array in [0, 1]."""
    a = Image.fromarray(np.clip(alpha * 255.0 + 0.5, 0, 255).astype(np.uint8))
    canvas.paste(color, (int(xy[0]), int(xy[1]), int(xy[0]) + a.width, int(xy[1]) + a.height), a)


def paste_mask(canvas: Image.Image, color: Color, mask: Image.Image, xy=(0, 0)) -> None:
    canvas.paste(
        color, (int(xy[0]), int(xy[1]), int(xy[0]) + mask.width, int(xy[1]) + mask.height), mask
    )


def bezier(points: Sequence[tuple[float, float]], n: int = 48) -> np.ndarray:
    """Points along a bezier curve of any degree (de Casteljau), shape (n, 2)."""
    p = np.asarray(points, np.float64)
    t = np.linspace(0.0, 1.0, n)[:, None, None]
    q = np.broadcast_to(p, (n, *p.shape)).copy()
    while q.shape[1] > 1:
        q = q[:, :-1] * (1 - t) + q[:, 1:] * t
    return q[:, 0]


def stroke_polygon(path: np.ndarray, widths: np.ndarray) -> list[tuple[float, float]]:
    """Outline of a brush stroke of varying width along ``path``."""
    d = np.gradient(path, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])[:, None]
    norm[norm == 0] = 1
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1) / norm
    left = path + nrm * (widths[:, None] / 2)
    right = path - nrm * (widths[:, None] / 2)
    pts = np.concatenate([left, right[::-1]])
    return [tuple(p) for p in pts]


class Layer:
    """An L mask the size of a region, drawn with ImageDraw and then inked."""

    def __init__(self, size: tuple[int, int]):
        self.mask = Image.new("L", size, 0)
        self.draw = ImageDraw.Draw(self.mask)

    def stroke(self, ctrl, w0: float, w1: float, shade: int = 255, n: int = 60, taper=0.15):
        path = bezier(ctrl, n)
        t = np.linspace(0, 1, n)
        widths = w0 + (w1 - w0) * t
        if taper:
            widths = widths * np.clip(np.minimum(t, 1 - t) / taper, 0.25, 1.0)
        self.draw.polygon(stroke_polygon(path, widths), fill=shade)
        return path

    def ink(self, canvas, color, xy=(0, 0), blur: float = 0.0, opacity: float = 1.0):
        m = self.mask
        if blur > 0:
            m = m.filter(ImageFilter.GaussianBlur(blur))
        if opacity < 1:
            m = m.point(lambda v: int(v * opacity))
        paste_mask(canvas, color, m, xy)


# ---------------------------------------------------------------------------
# ink-wash motifs


@dataclass
class Ridge:
    base: float  # ridge height as a fraction of the box height (from the top)
    amp: float  # peak height as a fraction of the box height
    alpha: float
    color: Color
    mist: float  # how far (fraction of box height) the wash reaches below the ridge
    cell: float = 0.35  # horizontal feature size, fraction of box width
    karst: tuple[tuple[float, float, float], ...] = ()  # steep peaks: (centre x, height, width)


def mountains(
    canvas: Image.Image,
    box: tuple[int, int, int, int],
    seed: int,
    ridges: Sequence[Ridge],
    fade_bottom: float = 0.25,
    fade_left: float = 0.0,
    fade_right: float = 0.0,
) -> None:
    """Layered ink-wash ridgelines fading into mist, far to near."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    k = 2 if max(w, h) > 1200 else 1  # work at half size; the wash is soft anyway
    sw, sh = max(2, w // k), max(2, h // k)
    rng = np.random.default_rng(seed)
    ys = np.arange(sh, dtype=np.float32)[:, None]
    fade = np.ones((sh, 1), np.float32)
    if fade_bottom > 0:
        fb = fade_bottom * sh
        fade = np.clip((sh - ys) / fb, 0, 1) ** 1.3
    if fade_left > 0:
        xs_ = np.arange(sw, dtype=np.float32)[None, :]
        fade = fade * np.clip(xs_ / (fade_left * sw), 0, 1) ** 1.5
    if fade_right > 0:
        xs_ = np.arange(sw, dtype=np.float32)[None, :]
        fade = fade * np.clip((sw - xs_) / (fade_right * sw), 0, 1) ** 1.5
    for r in ridges:
        n = fbm1d(sw, rng, cell=r.cell * sw, octaves=6)
        fine = fbm1d(sw, rng, cell=r.cell * sw * 0.08, octaves=3)
        peaks = 0.88 * n**1.4 + 0.12 * fine
        if r.karst:
            xs = np.linspace(0, 1, sw, dtype=np.float32)
            bumps = np.zeros(sw, np.float32)
            for cx, ph, pw in r.karst:
                bump = ph * np.exp(-((np.abs(xs - cx) / (pw * 1.3)) ** 2.6))
                bumps = np.maximum(bumps, bump)
            peaks = bumps * (0.9 + 0.1 * fine) + 0.12 * n
        ridge = (r.base - r.amp * peaks) * sh
        d = ys - ridge[None, :]
        edge = np.clip(d / max(1.0, 1.2 / k * 2), 0, 1)
        mist = max(2.0, r.mist * sh)
        body = np.exp(-np.clip(d, 0, None) / mist)
        streak = fbm2d(sw, sh, rng, cell=max(3, sw * 0.012), octaves=3, aspect=4.0)
        tex = fbm2d(sw, sh, rng, cell=max(3, sw * 0.05), octaves=4)
        body = body * (0.7 + 0.3 * streak) * (0.75 + 0.5 * tex)
        body = np.maximum(body, 0.06 * (d > 0))
        alpha = np.clip(r.alpha * edge * body * fade, 0, 1)
        a_img = Image.fromarray((alpha * 255).astype(np.uint8))
        if k > 1:
            a_img = a_img.resize((w, h), Image.Resampling.BICUBIC)
        paste_mask(canvas, r.color, a_img, (x0, y0))


def default_ridges(near: Color = INK, far: Color = CELADON, strength: float = 1.0) -> list[Ridge]:
    return [
        Ridge(0.42, 0.32, 0.30 * strength, mix(far, PAPER, 0.35), 0.30, 0.5),
        Ridge(0.60, 0.30, 0.42 * strength, mix(far, near, 0.35), 0.22, 0.33),
        Ridge(0.78, 0.26, 0.62 * strength, mix(near, far, 0.25), 0.14, 0.22),
        Ridge(0.93, 0.16, 0.80 * strength, near, 0.08, 0.15),
    ]


def karst_ridges(seed: int, side: str = "right", strength: float = 1.0) -> list[Ridge]:
    """Sheer pillar peaks rising out of mist (壁立千仞), massed on one side."""
    rng = np.random.default_rng(seed)

    def flip(x: float) -> float:
        return 1 - x if side == "left" else x

    far = tuple(
        (flip(0.35 + 0.6 * rng.random()), 0.5 + 0.3 * rng.random(), 0.03 + 0.03 * rng.random())
        for _ in range(5)
    )
    mid = ((flip(0.72), 0.85, 0.07), (flip(0.9), 0.7, 0.05), (flip(0.55), 0.45, 0.04))
    near = ((flip(0.84), 1.0, 0.06), (flip(0.97), 0.8, 0.05))
    return [
        Ridge(0.62, 0.45, 0.28 * strength, mix(CELADON, PAPER, 0.3), 0.28, 0.3, far),
        Ridge(0.80, 0.62, 0.45 * strength, mix(CELADON, INK, 0.35), 0.2, 0.3, mid),
        Ridge(0.97, 0.86, 0.70 * strength, mix(INK, CELADON, 0.2), 0.12, 0.3, near),
    ]


def water_lines(canvas, box, seed, color=INK_SOFT, scale=1.0, density=1.0) -> None:
    """Sparse, wavering horizontal strokes for still water."""
    x0, y0, x1, y1 = box
    rng = np.random.default_rng(seed)
    lay = Layer((x1 - x0, y1 - y0))
    w, h = x1 - x0, y1 - y0
    n = int(10 * density * max(1, h / (300 * scale + 1)))
    for _ in range(n):
        y = rng.random() ** 1.4 * h
        cx = rng.random() * w
        length = w * (0.05 + rng.random() * 0.18) * (0.4 + y / h)
        ctrl = [
            (cx - length / 2, y),
            (cx - length / 6, y + rng.normal(0, 3 * scale)),
            (cx + length / 6, y + rng.normal(0, 3 * scale)),
            (cx + length / 2, y),
        ]
        wdt = max(1.0, (1.5 + 2.5 * y / h) * scale * 1.6)
        lay.stroke(ctrl, wdt, wdt * 0.6, shade=int(70 + rng.random() * 110), taper=0.3)
    lay.ink(canvas, color, (x0, y0), blur=0.6 * scale)


def sun(canvas, center, radius, color=SEAL, alpha=0.92, scale=1.0) -> None:
    r = int(radius)
    size = 2 * r + 8
    m = Image.new("L", (size, size), 0)
    ImageDraw.Draw(m).ellipse((4, 4, 4 + 2 * r, 4 + 2 * r), fill=int(255 * alpha))
    m = m.filter(ImageFilter.GaussianBlur(max(0.8, 1.5 * scale)))
    rng = np.random.default_rng(r)
    tex = fbm2d(size, size, rng, cell=max(2, size * 0.08), octaves=4)
    m = Image.fromarray((np.asarray(m, np.float32) * (0.86 + 0.14 * tex)).astype(np.uint8))
    paste_mask(canvas, color, m, (center[0] - r - 4, center[1] - r - 4))


def moon_wash(canvas, box, center, radius, seed, strength=0.13) -> None:
    """烘云托月: wash the sky lightly and leave the moon as bare paper."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = np.random.default_rng(seed)
    sw, sh = max(2, w // 4), max(2, h // 4)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy, rr = (center[0] - x0) / 4, (center[1] - y0) / 4, radius / 4
    dist = np.hypot(xx - cx, yy - cy)
    halo = np.clip((dist - rr) / (rr * 0.18), 0, 1)
    cloud = fbm2d(sw, sh, rng, cell=sw * 0.25, octaves=4)
    glow = np.exp(-np.clip(dist - rr, 0, None) / (rr * 2.2))
    alpha = strength * halo * (0.25 + 0.75 * glow) * (0.5 + 0.9 * cloud)
    top = np.clip(1 - yy / sh * 0.6, 0.4, 1)
    alpha = np.clip(alpha * top, 0, 1)
    a_img = Image.fromarray((alpha * 255).astype(np.uint8)).resize((w, h), Image.Resampling.BICUBIC)
    paste_mask(canvas, mix(INK, CELADON, 0.3), a_img, (x0, y0))


def _leaf_blob(rng, radius: float, squash: float, angle: float, scale: float) -> Image.Image:
    """One lotus leaf seen from the side: a dark wash with lighter veins (alpha mask)."""
    R = radius
    size = int(2 * R + 8)
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) - size / 2
    ca, sa = math.cos(angle), math.sin(angle)
    u = xx * ca + yy * sa
    v = (-xx * sa + yy * ca) / squash
    r = np.hypot(u, v)
    th = np.arctan2(v, u)
    edge_noise = fbm1d(720, rng, cell=40, octaves=4)
    idx = ((th + math.pi) / (2 * math.pi) * 719).astype(np.int32)
    rim = R * (0.86 + 0.14 * edge_noise[idx])
    inside = np.clip((rim - r) / max(1.0, 2.0 * scale), 0, 1)
    tone = 0.55 + 0.45 * np.clip(r / rim, 0, 1) ** 2.2
    tex = fbm2d(size, size, rng, cell=max(3, R * 0.25), octaves=4)
    tone = tone * (0.7 + 0.45 * tex)
    nveins = int(rng.integers(9, 14))
    off = rng.random() * math.pi
    phase = np.mod(th * nveins / (2 * math.pi) + off, 1.0)
    vdist = np.abs(phase - 0.5) * (2 * math.pi / nveins) * r
    vein = np.clip(vdist / max(1.0, 2.2 * scale), 0, 1)
    tone = tone * (0.62 + 0.38 * vein)
    centre = np.exp(-((r / (R * 0.08)) ** 2))
    tone = tone * (1 - 0.5 * centre)
    return Image.fromarray(np.clip(inside * tone * 255, 0, 255).astype(np.uint8))


def _petal(center, angle, length, width, bulge=0.5) -> list[tuple[float, float]]:
    cx, cy = center
    ca, sa = math.cos(angle), math.sin(angle)
    pts = []
    n = 28
    for side in (1, -1):
        rng_ = range(n + 1) if side == 1 else range(n, -1, -1)
        for i in rng_:
            t = i / n
            half = width / 2 * math.sin(math.pi * t) ** 0.75 * (1 - 0.35 * t) * (1 + bulge * 0.2)
            x = length * t
            y = side * half
            pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def lotus(canvas: Image.Image, box, seed: int, scale: float = 1.0, flowers: int = 2) -> None:
    """A clump of lotus: broad leaves in ink, pale red flowers outlined in fine ink."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = np.random.default_rng(seed)
    leaf_color = mix(INK, CELADON, 0.28)
    stems = Layer((w, h))
    leaves: list[tuple[float, float, float]] = []
    unit = min(w, h)
    # leaves: big and low, a smaller one higher
    for i in range(3):
        R = unit * (0.26 - 0.05 * i) * (0.9 + 0.2 * rng.random())
        lx = w * (0.22 + 0.28 * i + rng.normal(0, 0.04))
        ly = h * (0.62 - 0.14 * (i % 2) + rng.normal(0, 0.03))
        leaves.append((lx, ly, R))
    # flowers rise above the leaves
    heads = []
    for i in range(flowers):
        fx = w * (0.38 + 0.3 * i + rng.normal(0, 0.03))
        fy = h * (0.22 + 0.12 * i + rng.normal(0, 0.02))
        heads.append((fx, fy, unit * (0.13 - 0.02 * i)))
    bud = (w * (0.72 + rng.normal(0, 0.03)), h * 0.34, unit * 0.05)
    for tx, ty, _ in [*leaves, *heads, bud]:
        bx = tx + rng.normal(0, w * 0.04)
        ctrl = [(bx, h * 1.02), (bx + (tx - bx) * 0.3 + rng.normal(0, w * 0.03), h * 0.8), (tx, ty)]
        path = stems.stroke(
            ctrl, 7 * scale * unit / 1000 * 1.6, 5 * scale * unit / 1000 * 1.6, 200, taper=0
        )
        # small thorn dots along the stem
        for p in path[5:-5:6]:
            r = max(1.0, 2.2 * scale * unit / 1000 * 1.5)
            side = 1 if rng.random() < 0.5 else -1
            stems.draw.ellipse(
                (p[0] + side * r * 2 - r, p[1] - r, p[0] + side * r * 2 + r, p[1] + r), fill=170
            )
    stems.ink(canvas, mix(INK, CELADON, 0.15), (x0, y0), blur=0.7 * scale, opacity=0.85)
    for lx, ly, R in leaves:
        m = _leaf_blob(rng, R, 0.42 + 0.18 * rng.random(), rng.normal(0, 0.18), scale)
        m = m.filter(ImageFilter.GaussianBlur(max(0.6, 1.2 * scale)))
        paste_mask(
            canvas,
            leaf_color,
            m.point(lambda v: int(v * 0.86)),
            (x0 + lx - m.width / 2, y0 + ly - m.height / 2),
        )
    for fx, fy, size in heads:
        _flower(canvas, (x0 + fx, y0 + fy), size, rng, scale)
    _bud(canvas, (x0 + bud[0], y0 + bud[1]), bud[2], scale)


def _flower(canvas, center, size, rng, scale) -> None:
    cx, cy = center
    pad = int(size * 1.6)
    fill = Layer((2 * pad, 2 * pad))
    line = Layer((2 * pad, 2 * pad))
    c = (pad, pad + size * 0.35)
    lw = max(1, round(2.2 * scale * size / 130))
    # back petals, then side, then front ones (drawn last so they cover)
    angles = [-90 - 28, -90 + 28, -90 - 60, -90 + 60, -90 - 8, -90 + 10, -90 - 95, -90 + 95]
    for i, a in enumerate(angles):
        ang = math.radians(a + rng.normal(0, 4))
        length = size * (1.05 - 0.08 * (i // 2) + rng.normal(0, 0.04))
        pts = _petal(c, ang, length, size * 0.62)
        tip = (c[0] + math.cos(ang) * length, c[1] + math.sin(ang) * length)
        sub = Layer(fill.mask.size)
        sub.draw.polygon(pts, fill=255)
        # a wash that deepens towards the tip
        yy, xx = np.mgrid[0 : sub.mask.height, 0 : sub.mask.width].astype(np.float32)
        dist = np.hypot(xx - tip[0], yy - tip[1]) / length
        grad = np.clip(1.15 - dist, 0.12, 1.0) ** 1.6
        cover = np.asarray(sub.mask, np.float32) / 255 * grad
        cur = np.asarray(fill.mask, np.float32) / 255
        new = np.maximum(cur * (1 - np.asarray(sub.mask, np.float32) / 255), cover)
        fill.mask = Image.fromarray((np.clip(new, 0, 1) * 255).astype(np.uint8))
        fill.draw = ImageDraw.Draw(fill.mask)
        # erase the line layer under this petal, then outline it
        line.mask.paste(0, (0, 0), sub.mask)
        line.draw.line([*pts, pts[0]], fill=235, width=lw, joint="curve")
    petal_color = mix(SEAL, (215, 120, 110), 0.45)
    fill.ink(canvas, petal_color, (cx - pad, cy - pad), blur=1.2 * scale, opacity=0.78)
    line.ink(canvas, mix(INK, SEAL, 0.25), (cx - pad, cy - pad), blur=0.4 * scale, opacity=0.8)


def _bud(canvas, center, size, scale) -> None:
    cx, cy = center
    lay = Layer((int(size * 3), int(size * 3)))
    c = (size * 1.5, size * 2.2)
    lay.draw.polygon(_petal(c, math.radians(-90), size * 1.7, size * 1.1), fill=200)
    lay.ink(
        canvas,
        mix(SEAL, (215, 120, 110), 0.4),
        (cx - size * 1.5, cy - size * 1.5),
        blur=1.0 * scale,
        opacity=0.75,
    )
    out = Layer(lay.mask.size)
    out.draw.line(
        _petal(c, math.radians(-90), size * 1.7, size * 1.1),
        fill=220,
        width=max(1, round(2 * scale)),
    )
    out.ink(canvas, mix(INK, SEAL, 0.25), (cx - size * 1.5, cy - size * 1.5), opacity=0.8)


def _leaf_stroke(lay: Layer, base, angle, length, width, shade, bend=0.08) -> None:
    """A bamboo leaf: one brush stroke pressed down near the base, lifted to a fine tip."""
    ca, sa = math.cos(angle), math.sin(angle)
    n = 28
    top, bot = [], []
    for i in range(n + 1):
        t = i / n
        if t < 0.25:
            half = width / 2 * math.sin(t / 0.25 * math.pi / 2) ** 0.8
        else:
            half = width / 2 * ((1 - t) / 0.75) ** 0.9
        x = length * t
        yoff = bend * length * math.sin(math.pi * t * 0.9)
        top.append((x, yoff + half))
        bot.append((x, yoff - half * 0.8))
    pts = [*top, *bot[::-1]]
    lay.draw.polygon(
        [(base[0] + x * ca - y * sa, base[1] + x * sa + y * ca) for x, y in pts], fill=shade
    )


def bamboo(
    canvas: Image.Image, box, seed: int, scale: float = 1.0, stalks: int = 3, lean=0.04
) -> None:
    """Ink bamboo: segmented culms with dark nodes, twigs, and leaves in groups of 个/介."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = np.random.default_rng(seed)
    unit = min(w, h * 0.55)
    # leaves may rise above the box: draw on taller layers, with the box at the bottom
    pad = min(int(unit * 0.6), y0)
    y0 -= pad
    culms = Layer((w, h + pad))
    nodes = Layer((w, h + pad))
    leaves_far = Layer((w, h + pad))
    leaves_near = Layer((w, h + pad))
    twigs: list[tuple[float, float, int]] = []
    for s in range(stalks):
        width = unit * (0.05 - 0.01 * s) * (0.9 + 0.2 * rng.random())
        x = w * (0.28 + 0.22 * s + rng.normal(0, 0.03))
        y = pad + h * 1.02
        dx = (lean + rng.normal(0, 0.015)) * (1 if s % 2 == 0 else -0.7)
        top = pad + h * (0.12 + 0.12 * s + 0.04 * rng.random())
        seg = h * (0.13 + 0.03 * rng.random())
        first = True
        while y > top:
            ny = max(top, y - seg * (0.55 if first else 0.85 + 0.3 * rng.random()))
            first = False
            nx = x + dx * (y - ny)
            gap = width * 0.2
            culms.stroke(
                [(x, y - gap), ((x + nx) / 2 + width * 0.05, (y + ny) / 2), (nx, ny + gap)],
                width,
                width * 0.96,
                shade=int(185 + rng.random() * 50),
                n=12,
                taper=0,
            )
            nodes.stroke(
                [
                    (nx - width * 0.55, ny + gap * 0.2),
                    (nx, ny - gap * 0.6),
                    (nx + width * 0.55, ny + gap * 0.2),
                ],
                width * 0.2,
                width * 0.16,
                shade=245,
                n=16,
                taper=0.35,
            )
            if ny < pad + h * 0.7 and rng.random() < 0.7:
                twigs.append((nx, ny, 1 if rng.random() < 0.5 else -1))
            x, y = nx, ny
        twigs.append((x, y, 1 if rng.random() < 0.5 else -1))
    for bx, by, side in twigs:
        near = rng.random() < 0.6
        lay = leaves_near if near else leaves_far
        tl = unit * (0.3 + 0.3 * rng.random())
        ang = math.radians(-90 + side * (35 + 25 * rng.random()))
        end = (bx + math.cos(ang) * tl, by + math.sin(ang) * tl)
        path = nodes.stroke(
            [
                (bx, by),
                (bx + math.cos(ang) * tl * 0.5 + side * tl * 0.08, by + math.sin(ang) * tl * 0.5),
                end,
            ],
            unit * 0.008 + 1,
            unit * 0.004 + 1,
            shade=230,
            n=20,
            taper=0,
        )
        groups = int(rng.integers(1, 3))
        for g in range(groups):
            p = path[-1] if g == 0 else path[int(len(path) * (0.4 + 0.3 * rng.random()))]
            k = int(rng.integers(3, 6))
            spread = 0.35 + 0.25 * rng.random()
            droop = math.radians(90 + side * (20 + 45 * rng.random()))
            for j in range(k):
                a = droop + (j - (k - 1) / 2) * spread + rng.normal(0, 0.08)
                length = unit * (0.32 + 0.16 * rng.random())
                off = rng.random() * unit * 0.03
                base = (p[0] + math.cos(a) * off, p[1] + math.sin(a) * off)
                _leaf_stroke(
                    lay,
                    base,
                    a,
                    length,
                    length * (0.11 + 0.03 * rng.random()),
                    int(215 + rng.random() * 40),
                    bend=rng.normal(0, 0.05),
                )
    culms.ink(canvas, mix(INK, CELADON, 0.25), (x0, y0), blur=1.0 * scale, opacity=0.62)
    leaves_far.ink(canvas, mix(INK, CELADON, 0.35), (x0, y0), blur=1.0 * scale, opacity=0.42)
    nodes.ink(canvas, INK, (x0, y0), blur=0.5 * scale, opacity=0.88)
    leaves_near.ink(canvas, INK, (x0, y0), blur=0.6 * scale, opacity=0.9)


def plum(canvas: Image.Image, box, seed: int, scale: float = 1.0, from_right: bool = True) -> None:
    """A plum branch entering from one side: angular ink wood, red five-petal blossoms."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = np.random.default_rng(seed)
    wood = Layer((w, h))
    unit = max(min(w, h), 0.45 * max(w, h))
    sgn = -1 if from_right else 1
    blossoms: list[tuple[float, float, float]] = []

    def branch(p, ang, length, width, depth):
        pts = [p]
        segs = int(rng.integers(3, 5))
        cur, a = p, ang
        for _ in range(segs):
            a += rng.normal(0, 0.35)
            step = length / segs * (0.7 + 0.6 * rng.random())
            cur = (cur[0] + math.cos(a) * step, cur[1] + math.sin(a) * step)
            pts.append(cur)
        for i in range(len(pts) - 1):
            w0 = width * (1 - i / len(pts) * 0.7)
            w1 = width * (1 - (i + 1) / len(pts) * 0.7)
            wood.stroke(
                [pts[i], pts[i + 1]], w0, w1, shade=int(215 + 40 * rng.random()), n=8, taper=0
            )
            wood.draw.ellipse(
                (
                    pts[i + 1][0] - w1 / 2,
                    pts[i + 1][1] - w1 / 2,
                    pts[i + 1][0] + w1 / 2,
                    pts[i + 1][1] + w1 / 2,
                ),
                fill=235,
            )
            if depth > 0 and rng.random() < 0.55:
                branch(
                    pts[i + 1],
                    a + rng.choice([-1, 1]) * (0.5 + 0.5 * rng.random()),
                    length * 0.5,
                    w1 * 0.6,
                    depth - 1,
                )
            if rng.random() < 0.6:
                blossoms.append((pts[i + 1][0], pts[i + 1][1], 1.0))
        end = pts[-1]
        for _ in range(int(rng.integers(1, 3))):
            blossoms.append(
                (end[0] + rng.normal(0, unit * 0.02), end[1] + rng.normal(0, unit * 0.02), 0.6)
            )
        # a few short spurs (the "thorn" twigs of plum)
        for q in pts[1:-1]:
            if rng.random() < 0.5:
                sa = a + rng.choice([-1, 1]) * 0.9
                sl = length * 0.08
                wood.stroke(
                    [q, (q[0] + math.cos(sa) * sl, q[1] + math.sin(sa) * sl)],
                    width * 0.18 + 1,
                    1,
                    230,
                    n=6,
                    taper=0,
                )

    start = (w if from_right else 0, h * 0.12)
    base = math.pi if from_right else 0.0
    branch(start, base + sgn * -0.35, unit * 0.85, unit * 0.035, 2)
    branch((start[0], start[1] + unit * 0.06), base + sgn * -0.75, unit * 0.5, unit * 0.022, 1)
    dry = fbm2d(w, h, rng, cell=max(2, 3 * scale), octaves=2)
    dry_img = Image.fromarray((np.clip(0.5 + dry * 0.9, 0, 1) * 255).astype(np.uint8))
    wood.mask = ImageChops.multiply(wood.mask, dry_img)
    wood.ink(canvas, INK, (x0, y0), blur=0.7 * scale, opacity=0.9)
    petals = Layer((w, h))
    dots = Layer((w, h))
    for bx, by, size in blossoms:
        r = unit * (0.014 + 0.008 * rng.random()) * size
        if size < 1:
            petals.draw.ellipse((bx - r * 0.6, by - r * 0.6, bx + r * 0.6, by + r * 0.6), fill=230)
            continue
        rot = rng.random() * math.tau
        for k in range(5):
            a = rot + k * math.tau / 5
            px, py = bx + math.cos(a) * r * 0.85, by + math.sin(a) * r * 0.85
            petals.draw.ellipse(
                (px - r * 0.62, py - r * 0.62, px + r * 0.62, py + r * 0.62),
                fill=int(140 + 80 * rng.random()),
            )
        for _ in range(7):
            a = rng.random() * math.tau
            px, py = bx + math.cos(a) * r * 0.55, by + math.sin(a) * r * 0.55
            d = max(1.0, r * 0.08)
            dots.draw.ellipse((px - d, py - d, px + d, py + d), fill=230)
    petals.ink(canvas, SEAL, (x0, y0), blur=1.2 * scale, opacity=0.8)
    dots.ink(canvas, INK, (x0, y0), blur=0.3 * scale)


# ---------------------------------------------------------------------------
# seals


def seal(text: str, size: int, seed: int, style: str = "white", color: Color = SEAL) -> Image.Image:
    """A red seal impression (RGBA).  ``white``: characters cut out (白文); ``red``: 朱文."""
    rng = np.random.default_rng(seed)
    n = len(text)
    cols = 1 if n <= 2 else 2
    rows = math.ceil(n / cols)
    w = size if cols == 2 or n == 1 else int(size * 0.62)
    h = size
    if n == 2 and cols == 1:
        w = int(size * 0.6)
    img = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(img)
    border = max(1, int(size * (0.05 if style == "white" else 0.06)))
    pad = border * (1.6 if style == "white" else 2.2)
    if style == "white":
        d.rectangle((0, 0, w - 1, h - 1), fill=255)
    else:
        d.rectangle(
            (border / 2, border / 2, w - 1 - border / 2, h - 1 - border / 2),
            outline=255,
            width=border,
        )
    cw = (w - 2 * pad) / cols
    ch = (h - 2 * pad) / rows
    fsize = int(min(cw, ch) * 1.02)
    f = font("serif-bold" if style == "white" else "kai", fsize)
    for i, c in enumerate(text):
        col = i // rows
        row = i % rows
        cx = w - pad - cw * (col + 0.5)
        cy = pad + ch * (row + 0.5)
        glyph = Image.new("L", (int(cw * 1.2) + 4, int(ch * 1.2) + 4), 0)
        gd = ImageDraw.Draw(glyph)
        gd.text((glyph.width / 2, glyph.height / 2), c, font=f, fill=255, anchor="mm")
        bb = glyph.getbbox()
        if bb:
            glyph = glyph.crop(bb).resize(
                (max(1, int(cw * 0.92)), max(1, int(ch * 0.92))), Image.Resampling.LANCZOS
            )
            pos = (int(cx - glyph.width / 2), int(cy - glyph.height / 2))
            if style == "white":
                img.paste(0, (*pos, pos[0] + glyph.width, pos[1] + glyph.height), glyph)
            else:
                img.paste(255, (*pos, pos[0] + glyph.width, pos[1] + glyph.height), glyph)
    # worn edges and uneven paste
    a = np.asarray(img, np.float32) / 255
    noise = fbm2d(w, h, rng, cell=max(2, size * 0.05), octaves=3)
    speck = rng.random((h, w)) < 0.012
    a = a * np.clip(0.72 + 0.5 * noise, 0, 1)
    a[speck] *= 0.25
    yy, xx = np.mgrid[0:h, 0:w]
    ed = np.minimum(np.minimum(xx, w - 1 - xx), np.minimum(yy, h - 1 - yy)).astype(np.float32)
    chip = fbm2d(w, h, rng, cell=max(2, size * 0.03), octaves=2)
    a[(ed < size * 0.02) & (chip < 0.3)] = 0
    mask = Image.fromarray((np.clip(a, 0, 1) * 235).astype(np.uint8))
    mask = mask.filter(ImageFilter.GaussianBlur(max(0.3, size / 500)))
    out = Image.new("RGBA", (w, h), (*color, 0))
    out.putalpha(mask)
    return out


def stamp(canvas: Image.Image, s: Image.Image, xy) -> None:
    canvas.paste(s.convert("RGB"), (int(xy[0]), int(xy[1])), s.getchannel("A"))


# ---------------------------------------------------------------------------
# text


def clean(text: str) -> str:
    """The characters a calligrapher would write: no punctuation, no spaces."""
    return "".join(c for c in text if c not in PUNCT and not c.isspace())


def glyph_box(f: ImageFont.FreeTypeFont, ch: str) -> tuple[int, int, int, int]:
    return f.getbbox(ch)


# Vertical presentation forms for punctuation that has a direction.
VERTICAL_FORMS = str.maketrans(
    {
        "“": "﹁",
        "”": "﹂",
        "‘": "﹃",
        "’": "﹄",
        "《": "︽",
        "》": "︾",
        "—": "︱",
        "…": "︙",
        "（": "︵",
        "）": "︶",
        "「": "﹁",
        "」": "﹂",
    }
)
VPUNCT = PUNCT + "﹁﹂﹃﹄︽︾︱︙︵︶"


def draw_vertical(
    img: Image.Image,
    text: str,
    f: ImageFont.FreeTypeFont,
    x: float,
    y: float,
    step: float,
    fill: Color,
) -> float:
    """One column, characters upright and centred on ``x``; punctuation centred in a short cell.

    Returns the y after the last character.
    """
    d = ImageDraw.Draw(img)
    for c in text.translate(VERTICAL_FORMS):
        if c == " ":
            y += step * 0.5
            continue
        if c == "︱":
            bb = f.getbbox(c)
            d.text(
                (x - (bb[0] + bb[2]) / 2, y + step / 2 - (bb[1] + bb[3]) / 2), c, font=f, fill=fill
            )
            y += step
            continue
        if c in VPUNCT:
            bb = f.getbbox(c)
            gw, gh = bb[2] - bb[0], bb[3] - bb[1]
            d.text((x - gw / 2 - bb[0], y + step * 0.25 - gh / 2 - bb[1]), c, font=f, fill=fill)
            y += step * 0.5
            continue
        d.text((x, y + step / 2), c, font=f, fill=fill, anchor="mm")
        y += step
    return y


def wrap_en(text: str, f: ImageFont.FreeTypeFont, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if f.getlength(trial) <= width or not line:
                line = trial
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


_NO_START = set("，。、；：！？」』”’）》〉…")


def wrap_zh(text: str, f: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Character wrap with the rule that no line starts with closing punctuation."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for c in para:
            if f.getlength(line + c) <= width or not line:
                line += c
            elif c in _NO_START:
                line += c  # hang it
            else:
                lines.append(line)
                line = c
        lines.append(line)
    return lines


def text_block(
    img: Image.Image,
    lines: Sequence[str],
    f: ImageFont.FreeTypeFont,
    x: float,
    y: float,
    leading: float,
    fill: Color,
    align: str = "left",
    width: float = 0,
) -> float:
    d = ImageDraw.Draw(img)
    for line in lines:
        lx = x
        if align == "center":
            lx = x + (width - f.getlength(line)) / 2
        elif align == "right":
            lx = x + width - f.getlength(line)
        d.text((lx, y), line, font=f, fill=fill, anchor="ls")
        y += leading
    return y


def rule(img, xy0, xy1, color=INK, width=2) -> None:
    ImageDraw.Draw(img).line([xy0, xy1], fill=color, width=max(1, int(width)))


def split_source(source: str) -> str:
    return f"——{source}"


_SENT = re.compile(r"(?<=[。！？；])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s]


# ---------------------------------------------------------------------------
# posters


@dataclass
class Work:
    """The fields of one sheet row plus its layout spec."""

    key: str
    row: dict[str, str]
    spec: dict[str, Any]

    @property
    def seed(self) -> int:
        return int(self.spec.get("seed", sum(map(ord, self.key))))


def _poster_texts(work: Work) -> dict[str, str]:
    r, s = work.row, work.spec
    return {
        "headline": s.get("headline", r["title_zh"]),
        "quote": s.get("quote", r["body_zh"]),
        "source": r["source_zh"],
        "en": s.get("quote_en", r["body_en"]),
        "source_en": r["source_en"],
        "title_en": r["title_en"],
    }


def _footer(img: Image.Image, sc: float, margin: int, y: int, width: int, color=INK_SOFT) -> None:
    f = font("serif", int(34 * sc))
    fe = font("serif", int(28 * sc))
    rule(img, (margin, y), (margin + width, y), mix(INK_SOFT, PAPER, 0.4), max(1, 2 * sc))
    d = ImageDraw.Draw(img)
    d.text((margin, y + int(58 * sc)), "廉洁文化 · 公益宣传", font=f, fill=color, anchor="ls")
    d.text(
        (margin + width, y + int(58 * sc)),
        "Integrity culture · public-service poster",
        font=fe,
        fill=color,
        anchor="rs",
    )


def _english_bottom(img: Image.Image, t: dict[str, str], sc: float, m: int) -> int:
    """Title and translation in English, set just above the footer; returns the block's top."""
    W, H = img.size
    ef = font("serif", int(44 * sc))
    eb = font("serif-bold", int(52 * sc))
    lead = 44 * sc * 1.45
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, W - 2 * m)
    bottom = H - 230 * sc
    top = int(bottom - lead * len(lines) - 80 * sc)
    d = ImageDraw.Draw(img)
    d.text((m, top + 52 * sc), t["title_en"], font=eb, fill=INK, anchor="ls")
    text_block(img, lines, ef, m, top + 52 * sc + 80 * sc, lead, INK_SOFT)
    return top


def _motif(name: str, canvas, box, seed, sc) -> None:
    if name == "mountains":
        mountains(canvas, box, seed, default_ridges())
    elif name == "mountains-light":
        mountains(canvas, box, seed, default_ridges(strength=0.7))
    elif name == "lotus":
        lotus(canvas, box, seed, sc)
    elif name == "bamboo":
        bamboo(canvas, box, seed, sc)
    elif name == "plum":
        plum(canvas, box, seed, sc)
    elif name == "plum-left":
        plum(canvas, box, seed, sc, from_right=False)
    elif name == "karst":
        mountains(canvas, box, seed, karst_ridges(seed, "right"), fade_bottom=0.35)
    elif name == "karst-left":
        mountains(canvas, box, seed, karst_ridges(seed, "left"), fade_bottom=0.35)
    elif name == "water":
        water_lines(canvas, box, seed, scale=sc)
    elif name == "none":
        pass
    else:
        raise ValueError(f"unknown motif {name!r}")


def poster_portrait_vertical(work: Work, sc: float) -> Image.Image:
    """Portrait: a tall vertical headline on the right, the quotation in columns beside it,
    a painted scene across the lower part, English beneath."""
    W, H = int(2160 * sc), int(3840 * sc)
    t = _poster_texts(work)
    img = paper((W, H), work.seed, PAPER, sc)
    m = int(180 * sc)
    motif = work.spec.get("motif", "mountains")
    scene_top = int(H * work.spec.get("scene_top", 0.52))
    en_top = _english_bottom(img, t, sc, m)
    if work.spec.get("disc"):
        cx, cy, r = W * 0.34, H * 0.30, W * 0.13
        if work.spec["disc"] == "moon":
            moon_wash(img, (0, 0, W, int(H * 0.72)), (int(cx), int(cy)), int(r), work.seed)
        else:
            sun(img, (int(cx), int(cy)), int(r), scale=sc)
    _motif(motif, img, (0, scene_top, W, en_top - int(30 * sc)), work.seed + 1, sc)
    # headline, vertical Kai, right
    head = clean(t["headline"].replace(" ", "")) if " " not in t["headline"] else t["headline"]
    n = len(head.replace(" ", ""))
    hsize = int(min(300 * sc, (H * 0.46) / max(n, 2)))
    hf = font("kai", hsize)
    hx = W - m - hsize * 0.55
    head_end = draw_vertical(img, head, hf, hx, m, hsize * 1.04, INK)
    # quotation in serif columns to the left of the headline
    qf = font("serif", int(64 * sc))
    step = 64 * sc * 1.18
    col_len = int((H * 0.40) / step)
    q = t["quote"]
    cols = _columns(q, col_len)
    x = hx - hsize * 0.6 - 120 * sc
    for col in cols:
        draw_vertical(img, col, qf, x, m + hsize * 0.2, step, INK)
        x -= 64 * sc * 1.75
    sf = font("serif", int(44 * sc))
    draw_vertical(
        img,
        "——" + t["source"],
        sf,
        x - 10 * sc,
        m + hsize * 0.2 + step * 0.5,
        44 * sc * 1.1,
        INK_SOFT,
    )
    # seal under the headline
    s = seal(work.spec.get("seal", "清风"), int(150 * sc), work.seed)
    stamp(img, s, (hx - s.width / 2, head_end + 40 * sc))
    _footer(img, sc, m, int(H - 150 * sc), W - 2 * m)
    return img


def _columns(text: str, col_len: int) -> list[str]:
    """Split into columns of at most ``col_len`` cells, breaking after punctuation if possible;
    punctuation takes half a cell."""
    cols: list[str] = []
    cur = ""
    used = 0.0
    for c in text:
        cost = 0.5 if c in PUNCT else 1.0
        if used + cost > col_len and c not in PUNCT:
            cols.append(cur)
            cur, used = "", 0.0
        cur += c
        used += cost
    if cur:
        cols.append(cur)
    return cols


def poster_landscape_side(work: Work, sc: float) -> Image.Image:
    """Landscape: a painting occupies one side; headline, quotation and English on the other."""
    W, H = int(3840 * sc), int(2160 * sc)
    t = _poster_texts(work)
    img = paper((W, H), work.seed, PAPER, sc)
    m = int(200 * sc)
    motif = work.spec.get("motif", "lotus")
    art_left = work.spec.get("art_side", "left") == "left"
    split = int(W * 0.5)
    if art_left:
        art_box = (int(60 * sc), int(H * 0.12), split + int(80 * sc), H - int(150 * sc))
        tx = split + int(160 * sc)
    else:
        art_box = (split - int(80 * sc), int(H * 0.06), W - int(60 * sc), H - int(150 * sc))
        tx = m
    if work.spec.get("disc") == "sun":
        sun(
            img,
            (int((art_box[0] + art_box[2]) / 2 + 300 * sc), int(H * 0.28)),
            int(170 * sc),
            scale=sc,
        )
    _motif(motif, img, art_box, work.seed + 1, sc)
    tw = (W - m - tx) if art_left else (split - int(200 * sc) - m)
    d = ImageDraw.Draw(img)
    # small label and rule
    lf = font("serif", int(38 * sc))
    y = int(H * 0.17)
    d.text((tx, y), work.spec.get("label", "廉 · 清风"), font=lf, fill=SEAL, anchor="ls")
    rule(img, (tx, y + 36 * sc), (tx + 160 * sc, y + 36 * sc), SEAL, 3 * sc)
    # headline lines (split at spaces)
    parts = t["headline"].split(" ")
    hsize = int(
        min((210 if len(parts[0]) > 3 else 300) * sc, tw / max(len(p) for p in parts) * 0.98)
    )
    hf = font("kai", hsize)
    y += int(70 * sc) + hsize
    for p in parts:
        d.text((tx, y), p, font=hf, fill=INK, anchor="ls")
        y += int(hsize * 1.18)
    y += int(30 * sc)
    qf = font("serif", int(56 * sc))
    lines = wrap_zh(t["quote"], qf, tw)
    y = text_block(img, lines, qf, tx, y, 56 * sc * 1.7, INK)
    sf = font("serif", int(42 * sc))
    d.text((tx + tw, y + 10 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="rs")
    y += int(110 * sc)
    ef = font("serif", int(40 * sc))
    lines = wrap_en(t["en"], ef, tw)
    y = text_block(img, lines, ef, tx, y, 40 * sc * 1.5, INK_SOFT)
    d.text(
        (tx, y + 8 * sc),
        "— " + t["source_en"],
        font=font("serif", int(34 * sc)),
        fill=INK_SOFT,
        anchor="ls",
    )
    s = seal(work.spec.get("seal", "廉"), int(130 * sc), work.seed)
    stamp(img, s, (tx + tw - s.width, int(H * 0.17) - s.height + 10 * sc))
    _footer(img, sc, m, int(H - 120 * sc), W - 2 * m)
    return img


def poster_centre(work: Work, sc: float) -> Image.Image:
    """Centred and classical: double rules, a large headline, the text, a painted band."""
    portrait = work.spec.get("orientation", "portrait") == "portrait"
    W, H = (int(2160 * sc), int(3840 * sc)) if portrait else (int(3840 * sc), int(2160 * sc))
    t = _poster_texts(work)
    img = paper((W, H), work.seed, PAPER, sc)
    m = int((200 if portrait else 260) * sc)
    cw = W - 2 * m
    d = ImageDraw.Draw(img)
    motif = work.spec.get("motif", "mountains-light")
    band_top = int(H * (0.66 if portrait else 0.58))
    y = int(H * (0.10 if portrait else 0.13))
    rule(img, (m, y), (W - m, y), INK, 4 * sc)
    rule(img, (m, y + 14 * sc), (W - m, y + 14 * sc), INK, 1.5 * sc)
    lf = font("serif", int(40 * sc))
    d.text(
        (W / 2, y + 90 * sc),
        work.spec.get("label", "家 风 · 家 训"),
        font=lf,
        fill=SEAL,
        anchor="ms",
    )
    parts = t["headline"].split(" ")
    hsize = int(min((260 if portrait else 230) * sc, cw / max(len(p) for p in parts) * 0.9))
    hf = font("kai", hsize)
    y += int(170 * sc) + hsize
    for p in parts:
        d.text((W / 2, y), p, font=hf, fill=INK, anchor="ms")
        y += int(hsize * 1.2)
    y += int(20 * sc)
    qsize = 58 if portrait else 54
    qf = font("serif", int(qsize * sc))
    qw = cw * (0.88 if portrait else 0.72)
    lines = wrap_zh(t["quote"], qf, qw)
    y = text_block(img, lines, qf, (W - qw) / 2, y, qsize * sc * 1.75, INK, "center", qw)
    sf = font("serif", int(42 * sc))
    d.text(((W + qw) / 2, y + 6 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="rs")
    y += int(100 * sc)
    ef = font("serif", int(40 * sc))
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, qw)
    y = text_block(img, lines, ef, (W - qw) / 2, y, 40 * sc * 1.5, INK_SOFT, "center", qw)
    band_top = max(band_top, int(y + 40 * sc))
    _motif(motif, img, (0, band_top, W, H - int(170 * sc)), work.seed + 1, sc)
    s = seal(work.spec.get("seal", "清白"), int(140 * sc), work.seed)
    stamp(img, s, (W - m - s.width, int(H * (0.10 if portrait else 0.13)) + 40 * sc))
    _footer(img, sc, m, int(H - 130 * sc), cw)
    return img


def poster_disc(work: Work, sc: float) -> Image.Image:
    """Minimal: a red sun, one vertical line of large Kai, the verse small beside it."""
    portrait = work.spec.get("orientation", "portrait") == "portrait"
    W, H = (int(2160 * sc), int(3840 * sc)) if portrait else (int(3840 * sc), int(2160 * sc))
    t = _poster_texts(work)
    img = paper((W, H), work.seed, PAPER, sc)
    m = int(200 * sc)
    motif = work.spec.get("motif", "water")
    en_top = _english_bottom(img, t, sc, m)
    sun(img, (int(W * 0.62), int(H * 0.25)), int(min(W, H) * 0.16), scale=sc)
    _motif(motif, img, (0, int(H * 0.58), W, en_top - int(40 * sc)), work.seed + 1, sc)
    head = t["headline"]
    hsize = int(min(260 * sc, H * 0.62 / len(head)))
    hf = font("kai", hsize)
    hx = W - m - hsize * 0.5
    head_end = draw_vertical(img, head, hf, hx, m, hsize * 1.05, INK)
    qf = font("serif", int(54 * sc))
    step = 54 * sc * 1.2
    cols = sentences(t["quote"])
    pitch = 54 * sc * 1.8
    x = m + 20 * sc + pitch * len(cols)  # the source column sits leftmost
    for col in cols:  # right to left
        draw_vertical(img, col, qf, x, H * 0.2, step, INK)
        x -= pitch
    sf = font("serif", int(40 * sc))
    draw_vertical(img, "——" + t["source"], sf, x, H * 0.2 + step * 0.5, 40 * sc * 1.1, INK_SOFT)
    s = seal(work.spec.get("seal", "丹心"), int(140 * sc), work.seed)
    stamp(img, s, (hx - s.width / 2, head_end + 40 * sc))
    _footer(img, sc, m, int(H - 150 * sc), W - 2 * m)
    return img


def poster_panorama(work: Work, sc: float) -> Image.Image:
    """Landscape: mountains and water across the width; text in the open sky above."""
    W, H = int(3840 * sc), int(2160 * sc)
    t = _poster_texts(work)
    img = paper((W, H), work.seed, PAPER, sc)
    m = int(220 * sc)
    motif = work.spec.get("motif", "mountains")
    if work.spec.get("disc") == "sun":
        sun(img, (int(W * 0.78), int(H * 0.30)), int(120 * sc), scale=sc)
    d = ImageDraw.Draw(img)
    parts = t["headline"].split(" ")
    hsize = int(min(190 * sc, (W * 0.55) / max(len(p) for p in parts)))
    hf = font("kai", hsize)
    y = int(m + hsize * 0.9)
    for p in parts:
        d.text((m, y), p, font=hf, fill=INK, anchor="ls")
        y += int(hsize * 1.2)
    qf = font("serif", int(50 * sc))
    qw = W * 0.42
    lines = wrap_zh(t["quote"], qf, qw)
    y = text_block(img, lines, qf, m, y + 10 * sc, 50 * sc * 1.7, INK)
    sf = font("serif", int(38 * sc))
    d.text((m, y + 4 * sc), "——" + t["source"], font=sf, fill=INK_SOFT, anchor="ls")
    ef = font("serif", int(38 * sc))
    lines = wrap_en(t["en"] + "  — " + t["source_en"], ef, qw)
    text_block(img, lines, ef, m, y + 90 * sc, 38 * sc * 1.5, INK_SOFT)
    if motif == "karst-sea":
        box = (int(W * 0.45), int(H * 0.04), W, int(H * 0.80))
        mountains(img, box, work.seed + 1, karst_ridges(work.seed, "right"), 0.3, fade_left=0.3)
        water_lines(
            img,
            (int(W * 0.3), int(H * 0.74), W, int(H * 0.9)),
            work.seed + 2,
            scale=sc,
            density=1.5,
        )
    else:
        ridges = [
            Ridge(r.base, r.amp * 1.3, r.alpha, r.color, r.mist, r.cell * 1.4)
            for r in default_ridges()
        ]
        box = (int(W * 0.36), int(H * 0.3), W, int(H * 0.84))
        mountains(img, box, work.seed + 1, ridges, 0.3, fade_left=0.4)
        water_lines(
            img,
            (int(W * 0.05), int(H * 0.78), int(W * 0.95), int(H * 0.9)),
            work.seed + 2,
            scale=sc,
        )
    s = seal(work.spec.get("seal", "清风"), int(130 * sc), work.seed)
    stamp(img, s, (m - s.width - 40 * sc, int(m)))
    _footer(img, sc, m, int(H - 120 * sc), W - 2 * m)
    return img


POSTER_LAYOUTS: dict[str, Callable[[Work, float], Image.Image]] = {
    "portrait-vertical": poster_portrait_vertical,
    "landscape-side": poster_landscape_side,
    "centre": poster_centre,
    "disc": poster_disc,
    "panorama": poster_panorama,
}


def render_poster(work: Work, scale: float = 1.0) -> Image.Image:
    layout = work.spec.get("layout", "centre")
    try:
        fn = POSTER_LAYOUTS[layout]
    except KeyError:
        raise ValueError(f"{work.key}: unknown poster layout {layout!r}") from None
    return fn(work, scale)


# ---------------------------------------------------------------------------
# calligraphy

SILK = (0xC9, 0xCC, 0xBC)  # pale celadon-grey mounting silk
SILK_DEEP = (0x9E, 0xA8, 0x97)  # the narrow strips (隔水, 惊燕)
WALL = (0xDB, 0xD4, 0xC6)
WOOD = (0x4A, 0x33, 0x24)


def _brush_glyph(ch: str, size: int, rng: np.random.Generator) -> Image.Image:
    """One character as an ink mask: Kai glyph, a hair of tilt and size change, soft bleed,
    and now and then a dry-brush streak."""
    s = max(4, int(size * (0.97 + 0.06 * rng.random())))
    f = font("kai", s)
    pad = int(s * 0.35) + 4
    m = Image.new("L", (s + 2 * pad, s + 2 * pad), 0)
    ImageDraw.Draw(m).text((m.width / 2, m.height / 2), ch, font=f, fill=255, anchor="mm")
    angle = rng.normal(0, 1.2)
    m = m.rotate(angle, resample=Image.Resampling.BICUBIC)
    bleed = s / 260
    if bleed > 0.4:
        m = m.filter(ImageFilter.GaussianBlur(bleed))
        m = m.point(lambda v: 0 if v < 30 else min(255, int((v - 30) * 1.35)))
    if s > 40:
        a = np.asarray(m, np.float32)
        tone = 0.86 + 0.14 * rng.random()
        tex = fbm2d(m.width, m.height, rng, cell=max(2, s * 0.05), octaves=2)
        a = a * tone * (0.9 + 0.1 * tex)
        if rng.random() < 0.25:  # dry brush: streaks where the ink ran thin
            streak = fbm2d(m.width, m.height, rng, cell=max(2, s * 0.03), octaves=2, aspect=0.25)
            a = a * np.where(streak > 0.72, 0.55, 1.0)
        m = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return m


def write_column(
    canvas: Image.Image,
    text: str,
    x: float,
    y: float,
    size: int,
    pitch: float,
    rng: np.random.Generator,
    color: Color = CALLI_INK,
) -> float:
    """Brush-set one vertical column centred on ``x`` from ``y``; returns the y after it."""
    for c in text:
        if c == " ":
            y += pitch * 0.6
            continue
        g = _brush_glyph(c, size, rng)
        jx = rng.normal(0, size * 0.025)
        paste_mask(canvas, color, g, (x - g.width / 2 + jx, y + pitch / 2 - g.height / 2))
        y += pitch
    return y


def _chunks(text: str, n: int) -> list[str]:
    return [text[i : i + n] for i in range(0, len(text), n)]


def _sign_text(work: Work) -> str:
    src = clean(work.row["source_zh"].replace("（节选）", "").replace("（其二）", ""))
    return f"录{src} 清风展陈演示 电脑字体"


@dataclass
class Block:
    """Columns of text laid out right to left inside a box."""

    title: str
    body: list[str]
    sign: str
    size: int
    pitch: float  # vertical, per character
    col: float  # horizontal, per column

    def width(self) -> float:
        return self.col * (len(self.body) + (1.15 if self.title else 0) + 0.5)


def fit_block(work: Work, box_w: float, box_h: float, per_column: int, title: bool = True) -> Block:
    text = clean(work.row["body_zh"])
    body = _chunks(text, per_column)
    ttl = clean(work.spec.get("title", work.row["title_zh"].split("（")[0])) if title else ""
    n_cols = len(body) + (1.15 if ttl else 0) + 0.9
    pitch = box_h / per_column
    col = pitch * float(work.spec.get("column_ratio", 1.3))
    if col * n_cols > box_w:
        col = box_w / n_cols
        pitch = min(pitch, col / 1.12)
    size = int(pitch * 0.86)
    return Block(ttl, body, _sign_text(work), size, pitch, col)


def draw_block(canvas: Image.Image, block: Block, right: float, top: float, seed: int) -> float:
    """Draw title, body and signature columns from ``right`` leftwards; returns the left edge."""
    rng = np.random.default_rng(seed)
    x = right - block.col / 2
    # a leading seal (引首章) beside the top of the first column
    s3 = seal("廉", int(block.size * 0.3), seed + 2, "red")
    stamp(canvas, s3, (right - s3.width * 0.4, top - s3.height * 0.15))
    if block.title:
        tsize = int(block.size * 0.8)
        write_column(
            canvas, block.title, x, top + block.pitch * 0.3, tsize, block.pitch * 0.82, rng
        )
        x -= block.col * 1.15
    for colt in block.body:
        write_column(canvas, colt, x, top, block.size, block.pitch, rng)
        x -= block.col
    # signature: smaller characters in one or more columns, then two seals beneath
    colh = max(len(c) for c in block.body) * block.pitch
    ssize = max(4, int(min(block.size * 0.36, colh / 15)))
    spitch = ssize * 1.12
    sz = max(6, int(min(block.size * 0.5, ssize * 2.4)))
    y0 = top + min(block.pitch * 1.0, colh * 0.1)
    room = max(3, int((top + colh - y0 - 2.5 * sz) / spitch))
    cols: list[str] = []
    for phrase in block.sign.split(" "):
        if cols and len(cols[-1]) + 1 + len(phrase) <= room:
            cols[-1] += " " + phrase
        else:
            cols.extend(_chunks(phrase, room))
    x += block.col * 0.5 - ssize * 0.9
    y = y0
    for i, colt in enumerate(cols):
        y = write_column(canvas, colt, x, y0, ssize, spitch, rng, mix(CALLI_INK, INK_SOFT, 0.2))
        if i < len(cols) - 1:
            x -= ssize * 1.5
    s1 = seal("清风", sz, seed, "white")
    stamp(canvas, s1, (x - s1.width / 2, y + ssize * 0.6))
    s2 = seal("展陈", sz, seed + 1, "red")
    stamp(canvas, s2, (x - s2.width / 2, y + ssize * 0.6 + s1.height + sz * 0.25))
    return x - ssize


def _mount_sheet(
    size, border: float, seed: int, sc: float
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """Silk mount around a sheet of xuan paper (镜片); returns the canvas and the paper box."""
    W, H = size
    img = silk(size, seed, SILK, sc)
    b = int(border)
    strip = max(2, int(border * 0.12))
    d = ImageDraw.Draw(img)
    d.rectangle(
        (b - strip, b - strip, W - b + strip - 1, H - b + strip - 1),
        fill=mix(SILK_DEEP, PAPER, 0.2),
    )
    pbox = (b, b, W - b, H - b)
    p = paper((W - 2 * b, H - 2 * b), seed + 7, XUAN, sc)
    img.paste(p, (b, b))
    # a faint shadow at the paper's edge
    sh = Image.new("L", (W, H), 0)
    ImageDraw.Draw(sh).rectangle(pbox, outline=60, width=max(1, int(3 * sc)))
    paste_mask(
        img, INK, sh.filter(ImageFilter.GaussianBlur(max(1, 4 * sc))).point(lambda v: v // 3)
    )
    return img, pbox


def calligraphy_sheet(work: Work, sc: float) -> Image.Image:
    W, H = (int(v * sc) for v in work.spec.get("size", (5000, 3600)))
    border = min(W, H) * 0.07
    img, (px0, py0, px1, py1) = _mount_sheet((W, H), border, work.seed, sc)
    pw, ph = px1 - px0, py1 - py0
    mx, my = pw * 0.09, ph * 0.1
    block = fit_block(
        work,
        pw - 2 * mx,
        ph - 2 * my,
        int(work.spec.get("per_column", 7)),
        work.spec.get("title_column", True),
    )
    bw = block.width()
    right = px0 + (pw + bw) / 2
    draw_block(img, block, right, py0 + my, work.seed)
    return img


def calligraphy_painting(work: Work, sc: float) -> Image.Image:
    """Ink bamboo with the poem inscribed in the open upper corner."""
    W, H = (int(v * sc) for v in work.spec.get("size", (3600, 5600)))
    border = min(W, H) * 0.07
    img, (px0, py0, px1, py1) = _mount_sheet((W, H), border, work.seed, sc)
    pw, ph = px1 - px0, py1 - py0
    bamboo(img, (px0, int(py0 + ph * 0.3), int(px0 + pw * 0.62), py1), work.seed + 3, sc, stalks=3)
    mx, my = pw * 0.08, ph * 0.06
    block = fit_block(work, pw * 0.42, ph * 0.36, int(work.spec.get("per_column", 7)), True)
    draw_block(img, block, px1 - mx, py0 + my, work.seed)
    return img


def calligraphy_hanging(work: Work, sc: float) -> Image.Image:
    """A hanging scroll (立轴): 天头 with 惊燕 ribbons, the work, 地头 and a roller."""
    W, H = (int(v * sc) for v in work.spec.get("size", (3000, 12000)))
    img = paper((W, H), work.seed + 5, WALL, sc, mottle=0.4)
    d = ImageDraw.Draw(img)
    mw = int(W * 0.84)
    mx0 = (W - mw) // 2
    top = int(H * 0.03)
    bottom = int(H * 0.975)
    # hanging cord
    cw = max(1, int(6 * sc))
    d.line(
        [(mx0 + mw * 0.3, top), (W / 2, H * 0.008), (mx0 + mw * 0.7, top)],
        fill=mix(WOOD, PAPER, 0.3),
        width=cw,
    )
    body = silk((mw, bottom - top), work.seed, SILK, sc)
    img.paste(body, (mx0, top))
    # 天杆: a thin wooden batten across the top
    d.rectangle((mx0 - int(6 * sc), top, mx0 + mw + int(6 * sc), top + int(H * 0.006)), fill=WOOD)
    # 惊燕 ribbons
    tian_end = int(H * 0.2)
    rw = max(2, int(mw * 0.018))
    for fx in (0.33, 0.67):
        x = int(mx0 + mw * fx)
        d.rectangle((x - rw // 2, top + int(H * 0.006), x + rw // 2, tian_end), fill=SILK_DEEP)
        d.line(
            [(x - rw // 2, top + int(H * 0.006)), (x - rw // 2, tian_end)],
            fill=mix(SILK_DEEP, INK, 0.2),
            width=1,
        )
    # 隔水 above and below the work, then the work with narrow side borders
    side = int(mw * 0.085)
    gs = int(H * 0.012)
    wy0, wy1 = tian_end + gs, int(H * 0.80)
    d.rectangle((mx0, tian_end, mx0 + mw, wy0), fill=SILK_DEEP)
    d.rectangle((mx0, wy1, mx0 + mw, wy1 + gs), fill=SILK_DEEP)
    px0, px1 = mx0 + side, mx0 + mw - side
    p = paper((px1 - px0, wy1 - wy0), work.seed + 7, XUAN, sc)
    img.paste(p, (px0, wy0))
    edge = max(1, int(3 * sc))
    d.rectangle((px0 - edge, wy0, px0, wy1), fill=mix(SILK_DEEP, PAPER, 0.2))
    d.rectangle((px1, wy0, px1 + edge, wy1), fill=mix(SILK_DEEP, PAPER, 0.2))
    pw, ph = px1 - px0, wy1 - wy0
    block = fit_block(work, pw * 0.84, ph * 0.9, int(work.spec.get("per_column", 17)), True)
    right = px0 + (pw + block.width()) / 2
    draw_block(img, block, right, wy0 + ph * 0.05, work.seed)
    # roller (地杆) with its two heads
    ry0 = bottom - int(H * 0.004)
    rh = int(H * 0.016)
    _rod(img, (mx0 - int(8 * sc), ry0, mx0 + mw + int(8 * sc), ry0 + rh), horizontal=True)
    hw = int((W - mw) / 2 * 0.85)
    _rod(
        img,
        (mx0 - hw, ry0 - int(rh * 0.25), mx0 - int(4 * sc), ry0 + int(rh * 1.25)),
        horizontal=True,
        dark=True,
    )
    _rod(
        img,
        (mx0 + mw + int(4 * sc), ry0 - int(rh * 0.25), mx0 + mw + hw, ry0 + int(rh * 1.25)),
        horizontal=True,
        dark=True,
    )
    return img


def _rod(img: Image.Image, box, horizontal: bool, dark: bool = False) -> None:
    """A turned wooden rod, shaded as a cylinder."""
    x0, y0, x1, y1 = (int(v) for v in box)
    w, h = max(1, x1 - x0), max(1, y1 - y0)
    n = h if horizontal else w
    t = np.linspace(-1, 1, n, dtype=np.float32)
    shade = 0.55 + 0.45 * np.sqrt(np.clip(1 - t**2, 0, 1)) - 0.15 * t
    base = np.array(mix(WOOD, INK, 0.35) if dark else WOOD, np.float32)
    col = np.clip(base[None, :] * shade[:, None] * 1.25, 0, 255).astype(np.uint8)
    if horizontal:
        arr = np.broadcast_to(col[:, None, :], (h, w, 3))
    else:
        arr = np.broadcast_to(col[None, :, :], (h, w, 3))
    img.paste(Image.fromarray(np.ascontiguousarray(arr)), (x0, y0))


def calligraphy_couplet(work: Work, sc: float) -> Image.Image:
    """A pair of couplet scrolls (对联): first line on the right, second on the left."""
    W, H = (int(v * sc) for v in work.spec.get("size", (4000, 6000)))
    img = paper((W, H), work.seed + 5, WALL, sc, mottle=0.4)
    lines = [clean(p) for p in re.split(r"[；;]", work.row["body_zh"]) if clean(p)]
    sw = int(W * 0.3)
    gap = int(W * 0.16)
    x_right = (W + gap) // 2
    x_left = (W - gap) // 2 - sw
    y0, y1 = int(H * 0.04), int(H * 0.96)
    rng = np.random.default_rng(work.seed)
    last = None
    for i, (x, line) in enumerate(((x_right, lines[0]), (x_left, lines[1]))):
        strip = silk((sw, y1 - y0), work.seed + i, SILK, sc)
        img.paste(strip, (x, y0))
        b = int(sw * 0.09)
        tb = int((y1 - y0) * 0.06)
        p = paper((sw - 2 * b, y1 - y0 - 2 * tb), work.seed + 7 + i, (0xE8, 0xD9, 0xC0), sc)
        img.paste(p, (x + b, y0 + tb))
        ph = y1 - y0 - 2 * tb
        pitch = ph * 0.92 / len(line)
        size = int(min(pitch * 0.88, (sw - 2 * b) * 0.8))
        write_column(img, line, x + sw / 2, y0 + tb + ph * 0.04, size, pitch, rng)
        last = (x + b, y0 + tb, size, pitch)
    # signature on the left scroll, in a narrow column by its left edge
    lx, ly, size, pitch = last
    ssize = max(4, int(size * 0.2))
    sx = lx + ssize * 0.9
    y = write_column(
        img,
        _sign_text(work),
        sx,
        ly + pitch * 2.2,
        ssize,
        ssize * 1.1,
        rng,
        mix(CALLI_INK, INK_SOFT, 0.2),
    )
    s1 = seal("清风", int(size * 0.32), work.seed, "white")
    stamp(img, s1, (sx - s1.width / 2, y + ssize * 0.5))
    s2 = seal("展陈", int(size * 0.32), work.seed + 1, "red")
    stamp(img, s2, (sx - s2.width / 2, y + ssize * 0.5 + s1.height * 1.2))
    return img


def calligraphy_fan(work: Work, sc: float) -> Image.Image:
    """A folding-fan leaf (扇面): columns along the ribs, alternately long and short."""
    W, H = (int(v * sc) for v in work.spec.get("size", (6000, 3800)))
    img = silk((W, H), work.seed, SILK, sc)
    cx, cy = W / 2, H * 0.93
    R = min(W * 0.47, H * 0.86)
    r = R * 0.42
    span = math.radians(140)
    a0 = -math.pi / 2 - span / 2
    # the leaf
    mask = Image.new("L", (W, H), 0)
    md = ImageDraw.Draw(mask)
    deg0, deg1 = math.degrees(a0), math.degrees(a0 + span)
    md.pieslice((cx - R, cy - R, cx + R, cy + R), deg0, deg1, fill=255)
    md.pieslice((cx - r, cy - r, cx + r, cy + r), deg0 - 1, deg1 + 1, fill=0)
    leaf = paper((W, H), work.seed + 7, (0xEE, 0xE2, 0xC8), sc)
    # pleats: alternate faint light and shade between the ribs
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    ang = np.arctan2(yy - cy, xx - cx)
    ribs = 30
    ph_ = np.mod((ang - a0) / span * ribs, 1.0)
    pleat = 1.0 - 0.035 * np.abs(ph_ - 0.5) * 2
    del yy, xx, ang
    la = np.asarray(leaf, np.float32) * pleat[..., None]
    leaf = Image.fromarray(np.clip(la, 0, 255).astype(np.uint8))
    shadow = mask.filter(ImageFilter.GaussianBlur(max(1, 10 * sc))).point(lambda v: v // 4)
    paste_mask(img, INK, shadow, (int(6 * sc), int(8 * sc)))
    img.paste(leaf, (0, 0), mask.filter(ImageFilter.GaussianBlur(max(0.5, sc))))
    # text: long and short columns from the right end of the leaf
    text = clean(work.row["body_zh"])
    long_n, short_n = int(work.spec.get("long", 5)), int(work.spec.get("short", 2))
    cols: list[str] = []
    i, k = 0, 0
    while i < len(text):
        n = long_n if k % 2 == 0 else short_n
        cols.append(text[i : i + n])
        i += n
        k += 1
    n_cols = len(cols) + 2  # + signature
    band = R - r
    pitch = band * 0.84 / long_n
    size = int(pitch * 0.84)
    rng = np.random.default_rng(work.seed)
    for j, colt in enumerate([*cols, None]):
        theta = a0 + span * (1 - (j + 0.75) / n_cols)
        rad = R - band * 0.06 - pitch / 2
        if colt is None:
            colt = "清风展陈演示"
            s = int(size * 0.45)
            step = s * 1.15
            rad = R - band * 0.1
        else:
            s, step = size, pitch
        for c in colt:
            g = _brush_glyph(c, s, rng)
            g = g.rotate(-math.degrees(theta) - 90, resample=Image.Resampling.BICUBIC, expand=True)
            gx = cx + math.cos(theta) * (rad)
            gy = cy + math.sin(theta) * (rad)
            paste_mask(img, CALLI_INK, g, (gx - g.width / 2, gy - g.height / 2))
            rad -= step
        if j == len(cols):
            s1 = seal("清风", int(size * 0.5), work.seed, "white")
            s1 = s1.rotate(
                -math.degrees(theta) - 90, resample=Image.Resampling.BICUBIC, expand=True
            )
            gx = cx + math.cos(theta) * (rad - size * 0.3)
            gy = cy + math.sin(theta) * (rad - size * 0.3)
            stamp(img, s1, (gx - s1.width / 2, gy - s1.height / 2))
    return img


def calligraphy_handscroll(work: Work, sc: float) -> Image.Image:
    """A handscroll (手卷), read from the right: rod, cover silk, frontispiece (引首),
    painting, text, colophon (拖尾), rod."""
    W, H = (int(v * sc) for v in work.spec.get("size", (30000, 3000)))
    img = silk((W, H), work.seed, SILK, sc)
    d = ImageDraw.Draw(img)
    edge = int(H * 0.06)
    ph = H - 2 * edge
    gs = int(H * 0.08)  # 隔水 width
    rod = int(H * 0.035)

    def section(x1: int, width: int, color: Color = XUAN, seed: int = 0) -> int:
        """Paper from x1 - width to x1 (right edge given); returns the left edge."""
        x0 = x1 - width
        p = paper((width, ph), work.seed + 30 + seed, color, sc)
        img.paste(p, (x0, edge))
        line = max(1, int(3 * sc))
        d.rectangle((x0, edge - line, x1, edge), fill=SILK_DEEP)
        d.rectangle((x0, edge + ph, x1, edge + ph + line), fill=SILK_DEEP)
        return x0

    def gap(x1: int) -> int:
        d.rectangle((x1 - gs, edge, x1, edge + ph), fill=SILK_DEEP)
        return x1 - gs

    x = W
    _rod(img, (W - rod, 0, W, H), horizontal=False)
    x -= rod
    cover = int(H * 0.45)
    brocade = silk((cover, H), work.seed + 99, mix(CELADON, SILK_DEEP, 0.5), sc)
    img.paste(brocade, (x - cover, 0))
    # the title label (签条) on the cover
    lw = int(cover * 0.22)
    lx1 = x - int(cover * 0.2)
    d.rectangle((lx1 - lw, int(H * 0.1), lx1, int(H * 0.72)), fill=(0xEE, 0xE4, 0xCF))
    rng = np.random.default_rng(work.seed)
    label = clean(work.spec.get("title", work.row["title_zh"]))
    write_column(img, label, lx1 - lw / 2, H * 0.14, int(lw * 0.62), lw * 0.72, rng)
    x -= cover
    x = gap(x)
    # 引首: large title characters, one per column, read right to left
    title = clean(work.spec.get("frontispiece", "香远益清"))
    fw = int(ph * 0.62 * len(title) + ph * 0.5)
    x0 = section(x, fw, (0xEC, 0xDF, 0xC6), 1)
    size = int(ph * 0.5)
    cxx = x - ph * 0.35
    for c in title:
        write_column(img, c, cxx - size * 0.1, edge + ph * 0.2, size, size * 1.2, rng)
        cxx -= ph * 0.62
    s = seal("清风展陈", int(ph * 0.14), work.seed + 3, "white")
    stamp(img, s, (x0 + ph * 0.12, edge + ph * 0.62))
    x = gap(x0)
    # the text, then the painting to its left, on one long sheet
    block = fit_block(work, 1e9, ph * 0.74, int(work.spec.get("per_column", 6)), True)
    block.col = block.pitch * 1.32
    text_w = int(block.width() + ph * 0.5)
    col_text = clean(work.spec.get("colophon", ""))
    per = int(work.spec.get("colophon_per_column", 13))
    cols = _chunks(col_text, per)
    cp = ph * 0.72 / per
    colophon_w = int(len(cols) * cp * 1.35 + ph * 0.9)
    fixed = rod * 2 + cover + gs * 3 + fw + text_w + colophon_w + int(H * 0.12)
    paint_w = max(int(H * 1.5), W - fixed)
    x0 = section(x, text_w + paint_w, XUAN, 2)
    draw_block(img, block, x - ph * 0.25, edge + ph * 0.13, work.seed + 4)
    pbox = (x0, edge, x0 + paint_w, edge + ph)
    pw = paint_w
    mountains(
        img,
        (x0, edge + int(ph * 0.05), x0 + pw, edge + int(ph * 0.55)),
        work.seed + 5,
        default_ridges(strength=0.45),
        0.5,
        0.08,
        0.08,
    )
    water_lines(
        img,
        (
            x0 + int(pw * 0.05),
            edge + int(ph * 0.6),
            x0 + int(pw * 0.95),
            edge + ph - int(ph * 0.04),
        ),
        work.seed + 6,
        scale=sc * 2,
        density=1.2,
    )
    lotus(
        img,
        (x0 + int(pw * 0.08), edge + int(ph * 0.1), x0 + int(pw * 0.5), edge + ph),
        work.seed + 7,
        sc * 1.4,
    )
    lotus(
        img,
        (x0 + int(pw * 0.5), edge + int(ph * 0.22), x0 + int(pw * 0.9), edge + ph),
        work.seed + 8,
        sc * 1.4,
        flowers=1,
    )
    del pbox
    x = gap(x0)
    # 拖尾: a colophon in small characters
    x0 = section(x, colophon_w, (0xF0, 0xE8, 0xD6), 3)
    csize = int(cp * 0.84)
    cx_ = x - ph * 0.22
    for colt in cols:
        write_column(img, colt, cx_, edge + ph * 0.14, csize, cp, rng)
        cx_ -= cp * 1.35
    s = seal("清风", int(csize * 1.2), work.seed + 9, "white")
    stamp(
        img, s, (cx_ + cp * 1.35 - s.width / 2, edge + ph * 0.14 + cp * len(cols[-1]) + csize * 0.5)
    )
    x = x0 - int(H * 0.12)
    _rod(img, (0, 0, rod, H), horizontal=False)
    return img


CALLIGRAPHY_FORMATS: dict[str, Callable[[Work, float], Image.Image]] = {
    "sheet": calligraphy_sheet,
    "painting": calligraphy_painting,
    "hanging": calligraphy_hanging,
    "couplet": calligraphy_couplet,
    "fan": calligraphy_fan,
    "handscroll": calligraphy_handscroll,
}


def render_calligraphy(work: Work, scale: float = 1.0) -> Image.Image:
    fmt = work.spec.get("format", "sheet")
    try:
        fn = CALLIGRAPHY_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"{work.key}: unknown calligraphy format {fmt!r}") from None
    return fn(work, scale)


def render(work: Work, scale: float = 1.0) -> Image.Image:
    kind = work.row["kind"]
    if kind == "poster":
        return render_poster(work, scale)
    if kind == "calligraphy":
        return render_calligraphy(work, scale)
    raise ValueError(f"{work.key}: artwork cannot draw a {kind!r}")
