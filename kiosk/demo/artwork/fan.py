"""The folding-fan leaf (扇面): a pleated paper band on silk, written along its ribs."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.brush import brush_glyph
from kiosk.demo.artwork.mounts import SILK
from kiosk.demo.artwork.palette import CALLI_INK, INK
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.artwork.strokes import paste_mask
from kiosk.demo.artwork.textures import paper, silk
from kiosk.demo.artwork.typeset import clean
from kiosk.demo.artwork.work import Work

SIGNATURE = "清风展陈演示"


@dataclass(frozen=True)
class Leaf:
    """The leaf's shape: a band between two arcs around the rivet at (cx, cy)."""

    cx: float
    cy: float
    R: float  # outer radius
    r: float  # inner radius
    a0: float  # the angle of the left end, radians
    span: float

    @classmethod
    def for_size(cls, W: int, H: int) -> Leaf:
        R = min(W * 0.47, H * 0.86)
        span = math.radians(140)
        return cls(W / 2, H * 0.93, R, R * 0.42, -math.pi / 2 - span / 2, span)

    def at(self, theta: float, rad: float) -> tuple[float, float]:
        return self.cx + math.cos(theta) * (rad), self.cy + math.sin(theta) * (rad)


def calligraphy_fan(work: Work, sc: float) -> Image.Image:
    """A folding-fan leaf (扇面): columns along the ribs, alternately long and short."""
    W, H = (int(v * sc) for v in work.spec.get("size", (6000, 3800)))
    img = silk((W, H), work.seed, SILK, sc)
    leaf = Leaf.for_size(W, H)
    _draw_leaf(img, leaf, work.seed, sc)
    _write(img, leaf, work)
    return img


def _draw_leaf(img: Image.Image, leaf: Leaf, seed: int, sc: float) -> None:
    """The pleated paper band with a soft shadow beneath it."""
    W, H = img.size
    cx, cy, R, r, a0, span = leaf.cx, leaf.cy, leaf.R, leaf.r, leaf.a0, leaf.span
    mask = Image.new("L", (W, H), 0)
    md = ImageDraw.Draw(mask)
    deg0, deg1 = math.degrees(a0), math.degrees(a0 + span)
    md.pieslice((cx - R, cy - R, cx + R, cy + R), deg0, deg1, fill=255)
    md.pieslice((cx - r, cy - r, cx + r, cy + r), deg0 - 1, deg1 + 1, fill=0)
    sheet = paper((W, H), seed + 7, (0xEE, 0xE2, 0xC8), sc)
    # pleats: alternate faint light and shade between the ribs
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    ang = np.arctan2(yy - cy, xx - cx)
    ribs = 30
    ph_ = np.mod((ang - a0) / span * ribs, 1.0)
    pleat = 1.0 - 0.035 * np.abs(ph_ - 0.5) * 2
    del yy, xx, ang
    la = np.asarray(sheet, np.float32) * pleat[..., None]
    sheet = Image.fromarray(np.clip(la, 0, 255).astype(np.uint8))
    shadow = mask.filter(ImageFilter.GaussianBlur(max(1, 10 * sc))).point(lambda v: v // 4)
    paste_mask(img, INK, shadow, (int(6 * sc), int(8 * sc)))
    img.paste(sheet, (0, 0), mask.filter(ImageFilter.GaussianBlur(max(0.5, sc))))


def fan_columns(text: str, long_n: int, short_n: int) -> list[str]:
    """``text`` in columns of ``long_n`` and ``short_n`` characters by turns."""
    cols: list[str] = []
    i, k = 0, 0
    while i < len(text):
        n = long_n if k % 2 == 0 else short_n
        cols.append(text[i : i + n])
        i += n
        k += 1
    return cols


def _write(img: Image.Image, leaf: Leaf, work: Work) -> None:
    """The text in long and short columns from the right end of the leaf, then the signature
    and its seal."""
    long_n = int(work.spec.get("long", 5))
    cols = fan_columns(clean(work.row["body_zh"]), long_n, int(work.spec.get("short", 2)))
    n_cols = len(cols) + 2  # + signature
    band = leaf.R - leaf.r
    pitch = band * 0.84 / long_n
    size = int(pitch * 0.84)
    rng = np.random.default_rng(work.seed)
    for j, colt in enumerate([*cols, None]):
        theta = leaf.a0 + leaf.span * (1 - (j + 0.75) / n_cols)
        turn = -math.degrees(theta) - 90  # upright along the rib
        rad = leaf.R - band * 0.06 - pitch / 2
        if colt is None:
            colt = SIGNATURE
            s = int(size * 0.45)
            step = s * 1.15
            rad = leaf.R - band * 0.1
        else:
            s, step = size, pitch
        for c in colt:
            g = brush_glyph(c, s, rng)
            g = g.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True)
            gx, gy = leaf.at(theta, rad)
            paste_mask(img, CALLI_INK, g, (gx - g.width / 2, gy - g.height / 2))
            rad -= step
        if j == len(cols):
            s1 = seal("清风", int(size * 0.5), work.seed, "white")
            s1 = s1.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True)
            gx, gy = leaf.at(theta, rad - size * 0.3)
            stamp(img, s1, (gx - s1.width / 2, gy - s1.height / 2))
