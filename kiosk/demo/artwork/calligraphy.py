"""Calligraphy formats: a mounted sheet, a painting with its poem, a hanging scroll, a couplet,
a fan leaf and a handscroll."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.brush import brush_glyph, draw_block, fit_block, sign_text, write_column
from kiosk.demo.artwork.handscroll import calligraphy_handscroll
from kiosk.demo.artwork.mounts import SILK, SILK_DEEP, WALL, WOOD, mount_sheet, turned_rod
from kiosk.demo.artwork.palette import CALLI_INK, INK, INK_SOFT, PAPER, XUAN, mix
from kiosk.demo.artwork.plants import bamboo
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.artwork.strokes import paste_mask
from kiosk.demo.artwork.textures import paper, silk
from kiosk.demo.artwork.typeset import clean
from kiosk.demo.artwork.work import Work


def calligraphy_sheet(work: Work, sc: float) -> Image.Image:
    W, H = (int(v * sc) for v in work.spec.get("size", (5000, 3600)))
    border = min(W, H) * 0.07
    img, (px0, py0, px1, py1) = mount_sheet((W, H), border, work.seed, sc)
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
    img, (px0, py0, px1, py1) = mount_sheet((W, H), border, work.seed, sc)
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
    turned_rod(img, (mx0 - int(8 * sc), ry0, mx0 + mw + int(8 * sc), ry0 + rh), horizontal=True)
    hw = int((W - mw) / 2 * 0.85)
    turned_rod(
        img,
        (mx0 - hw, ry0 - int(rh * 0.25), mx0 - int(4 * sc), ry0 + int(rh * 1.25)),
        horizontal=True,
        dark=True,
    )
    turned_rod(
        img,
        (mx0 + mw + int(4 * sc), ry0 - int(rh * 0.25), mx0 + mw + hw, ry0 + int(rh * 1.25)),
        horizontal=True,
        dark=True,
    )
    return img


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
        sign_text(work),
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
            g = brush_glyph(c, s, rng)
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
