"""Ink plants drawn from bezier strokes: lotus, bamboo and plum."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from kiosk.demo.artwork.palette import CELADON, INK, SEAL, mix
from kiosk.demo.artwork.strokes import Layer, paste_mask
from kiosk.demo.artwork.textures import fbm1d, fbm2d


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
        twigs += _culm(culms, nodes, rng, s, (w, h), pad, unit, lean)
    for bx, by, side in twigs:
        near = rng.random() < 0.6
        _twig(leaves_near if near else leaves_far, nodes, rng, (bx, by), side, unit)
    culms.ink(canvas, mix(INK, CELADON, 0.25), (x0, y0), blur=1.0 * scale, opacity=0.62)
    leaves_far.ink(canvas, mix(INK, CELADON, 0.35), (x0, y0), blur=1.0 * scale, opacity=0.42)
    nodes.ink(canvas, INK, (x0, y0), blur=0.5 * scale, opacity=0.88)
    leaves_near.ink(canvas, INK, (x0, y0), blur=0.6 * scale, opacity=0.9)


def _culm(
    culms: Layer,
    nodes: Layer,
    rng: np.random.Generator,
    s: int,
    size: tuple[int, int],
    pad: int,
    unit: float,
    lean: float,
) -> list[tuple[float, float, int]]:
    """Stalk ``s``, segment by segment from the ground up, with a node at each joint.

    Returns where twigs grow: (x, y, side), side 1 to the right and -1 to the left.
    """
    w, h = size
    twigs: list[tuple[float, float, int]] = []
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
    return twigs


def _twig(
    leaves: Layer, nodes: Layer, rng: np.random.Generator, at, side: int, unit: float
) -> None:
    """A thin twig rising to one side, with one or two groups of leaves along it."""
    bx, by = at
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
        _leaf_group(leaves, rng, p, side, unit)


def _leaf_group(leaves: Layer, rng: np.random.Generator, p, side: int, unit: float) -> None:
    """Three to five leaves fanning out from one point and drooping (个, 介)."""
    k = int(rng.integers(3, 6))
    spread = 0.35 + 0.25 * rng.random()
    droop = math.radians(90 + side * (20 + 45 * rng.random()))
    for j in range(k):
        a = droop + (j - (k - 1) / 2) * spread + rng.normal(0, 0.08)
        length = unit * (0.32 + 0.16 * rng.random())
        off = rng.random() * unit * 0.03
        base = (p[0] + math.cos(a) * off, p[1] + math.sin(a) * off)
        _leaf_stroke(
            leaves,
            base,
            a,
            length,
            length * (0.11 + 0.03 * rng.random()),
            int(215 + rng.random() * 40),
            bend=rng.normal(0, 0.05),
        )


def plum(canvas: Image.Image, box, seed: int, scale: float = 1.0, from_right: bool = True) -> None:
    """A plum branch entering from one side: angular ink wood, red five-petal blossoms."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    rng = np.random.default_rng(seed)
    unit = max(min(w, h), 0.45 * max(w, h))
    wood = PlumWood((w, h), rng, unit)
    sgn = -1 if from_right else 1
    start = (w if from_right else 0, h * 0.12)
    base = math.pi if from_right else 0.0
    wood.branch(start, base + sgn * -0.35, unit * 0.85, unit * 0.035, 2)
    wood.branch((start[0], start[1] + unit * 0.06), base + sgn * -0.75, unit * 0.5, unit * 0.022, 1)
    dry = fbm2d(w, h, rng, cell=max(2, 3 * scale), octaves=2)
    dry_img = Image.fromarray((np.clip(0.5 + dry * 0.9, 0, 1) * 255).astype(np.uint8))
    wood.mask = ImageChops.multiply(wood.mask, dry_img)
    wood.ink(canvas, INK, (x0, y0), blur=0.7 * scale, opacity=0.9)
    petals = Layer((w, h))
    dots = Layer((w, h))
    for bx, by, size in wood.blossoms:
        _blossom(petals, dots, rng, (bx, by), unit, size)
    petals.ink(canvas, SEAL, (x0, y0), blur=1.2 * scale, opacity=0.8)
    dots.ink(canvas, INK, (x0, y0), blur=0.3 * scale)


class PlumWood(Layer):
    """The old wood of a plum: angular branches that fork, with where blossoms go."""

    def __init__(self, size: tuple[int, int], rng: np.random.Generator, unit: float):
        super().__init__(size)
        self.rng, self.unit = rng, unit
        self.blossoms: list[tuple[float, float, float]] = []  # x, y, size (< 1: a bud)

    def branch(self, p, ang: float, length: float, width: float, depth: int) -> None:
        """A branch of a few kinked segments from ``p``; it forks ``depth`` times more."""
        rng = self.rng
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
            self.stroke(
                [pts[i], pts[i + 1]], w0, w1, shade=int(215 + 40 * rng.random()), n=8, taper=0
            )
            jx, jy = pts[i + 1]
            self.draw.ellipse((jx - w1 / 2, jy - w1 / 2, jx + w1 / 2, jy + w1 / 2), fill=235)
            if depth > 0 and rng.random() < 0.55:
                fork = a + rng.choice([-1, 1]) * (0.5 + 0.5 * rng.random())
                self.branch(pts[i + 1], fork, length * 0.5, w1 * 0.6, depth - 1)
            if rng.random() < 0.6:
                self.blossoms.append((jx, jy, 1.0))
        end = pts[-1]
        for _ in range(int(rng.integers(1, 3))):
            spread = self.unit * 0.02
            self.blossoms.append(
                (end[0] + rng.normal(0, spread), end[1] + rng.normal(0, spread), 0.6)
            )
        self._spurs(pts, a, length, width)

    def _spurs(self, pts, a: float, length: float, width: float) -> None:
        """A few short spurs (the "thorn" twigs of plum) at the joints."""
        for q in pts[1:-1]:
            if self.rng.random() < 0.5:
                sa = a + self.rng.choice([-1, 1]) * 0.9
                sl = length * 0.08
                tip = (q[0] + math.cos(sa) * sl, q[1] + math.sin(sa) * sl)
                self.stroke([q, tip], width * 0.18 + 1, 1, 230, n=6, taper=0)


def _blossom(petals: Layer, dots: Layer, rng: np.random.Generator, at, unit: float, size: float):
    """Five round petals with stamens as dots; a bud (``size`` < 1) is one small dab."""
    bx, by = at
    r = unit * (0.014 + 0.008 * rng.random()) * size
    if size < 1:
        petals.draw.ellipse((bx - r * 0.6, by - r * 0.6, bx + r * 0.6, by + r * 0.6), fill=230)
        return
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
