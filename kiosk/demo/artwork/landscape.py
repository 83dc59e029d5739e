"""Ink-wash landscape: ridgelines fading into mist, still water, a sun, a moon left bare."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.palette import CELADON, INK, INK_SOFT, PAPER, SEAL, Color, mix
from kiosk.demo.artwork.strokes import Layer, paste_mask
from kiosk.demo.artwork.textures import fbm1d, fbm2d


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
