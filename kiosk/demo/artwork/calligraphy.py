"""Calligraphy formats: a mounted sheet, a painting with its poem, a hanging scroll, a couplet,
a fan leaf and a handscroll."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw

from kiosk.demo.artwork.brush import draw_block, fit_block, sign_text, write_column
from kiosk.demo.artwork.fan import calligraphy_fan
from kiosk.demo.artwork.handscroll import calligraphy_handscroll
from kiosk.demo.artwork.mounts import SILK, SILK_DEEP, WALL, WOOD, mount_sheet, turned_rod
from kiosk.demo.artwork.palette import CALLI_INK, INK, INK_SOFT, PAPER, XUAN, mix
from kiosk.demo.artwork.plants import bamboo
from kiosk.demo.artwork.seals import seal, stamp
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
    mw = int(W * 0.84)
    mx0 = (W - mw) // 2
    top = int(H * 0.03)
    bottom = int(H * 0.975)
    tian_end = _hanging_top(img, work, sc, (mx0, top, mx0 + mw, bottom))
    px0, wy0, px1, wy1 = _hanging_sheet(img, work, sc, mx0, mw, tian_end)
    pw, ph = px1 - px0, wy1 - wy0
    block = fit_block(work, pw * 0.84, ph * 0.9, int(work.spec.get("per_column", 17)), True)
    right = px0 + (pw + block.width()) / 2
    draw_block(img, block, right, wy0 + ph * 0.05, work.seed)
    _hanging_roller(img, sc, mx0, mw, bottom)
    return img


def _hanging_top(img: Image.Image, work: Work, sc: float, mount) -> int:
    """The cord, the silk mount, the 天杆 batten and the 惊燕 ribbons; returns where 天头 ends."""
    W, H = img.size
    mx0, top, mx1, bottom = mount
    mw = mx1 - mx0
    d = ImageDraw.Draw(img)
    cw = max(1, int(6 * sc))
    d.line(
        [(mx0 + mw * 0.3, top), (W / 2, H * 0.008), (mx0 + mw * 0.7, top)],
        fill=mix(WOOD, PAPER, 0.3),
        width=cw,
    )
    body = silk((mw, bottom - top), work.seed, SILK, sc)
    img.paste(body, (mx0, top))
    d.rectangle((mx0 - int(6 * sc), top, mx0 + mw + int(6 * sc), top + int(H * 0.006)), fill=WOOD)
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
    return tian_end


def _hanging_sheet(
    img: Image.Image, work: Work, sc: float, mx0: int, mw: int, tian_end: int
) -> tuple[int, int, int, int]:
    """隔水 above and below the work, then its paper with narrow side borders; returns the
    paper's box."""
    H = img.height
    d = ImageDraw.Draw(img)
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
    return px0, wy0, px1, wy1


def _hanging_roller(img: Image.Image, sc: float, mx0: int, mw: int, bottom: int) -> None:
    """The roller (地杆) at the foot, with its two darker heads."""
    W, H = img.size
    ry0 = bottom - int(H * 0.004)
    rh = int(H * 0.016)
    turned_rod(img, (mx0 - int(8 * sc), ry0, mx0 + mw + int(8 * sc), ry0 + rh), horizontal=True)
    hw = int((W - mw) / 2 * 0.85)
    y0, y1 = ry0 - int(rh * 0.25), ry0 + int(rh * 1.25)
    turned_rod(img, (mx0 - hw, y0, mx0 - int(4 * sc), y1), horizontal=True, dark=True)
    turned_rod(img, (mx0 + mw + int(4 * sc), y0, mx0 + mw + hw, y1), horizontal=True, dark=True)


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


CALLIGRAPHY_FORMATS: dict[str, Callable[[Work, float], Image.Image]] = {
    "sheet": calligraphy_sheet,
    "painting": calligraphy_painting,
    "hanging": calligraphy_hanging,
    "couplet": calligraphy_couplet,
    "fan": calligraphy_fan,
    "handscroll": calligraphy_handscroll,
}


def render_calligraphy(work: Work, scale: float = 1.0) -> Image.Image:
    return work.choose(CALLIGRAPHY_FORMATS, "format", "sheet", "calligraphy format")(work, scale)
