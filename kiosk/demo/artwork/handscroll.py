"""The handscroll (手卷): the longest work, built section by section from the right."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from kiosk.demo.artwork.brush import chunks, draw_block, fit_block, write_column
from kiosk.demo.artwork.landscape import default_ridges, mountains, water_lines
from kiosk.demo.artwork.mounts import SILK, SILK_DEEP, turned_rod
from kiosk.demo.artwork.palette import CELADON, XUAN, Color, mix
from kiosk.demo.artwork.plants import lotus
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.artwork.textures import paper, silk
from kiosk.demo.artwork.typeset import clean
from kiosk.demo.artwork.work import Work


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
    turned_rod(img, (W - rod, 0, W, H), horizontal=False)
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
    cols = chunks(col_text, per)
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
    turned_rod(img, (0, 0, rod, H), horizontal=False)
    return img
