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
    return Handscroll(work, sc).draw()


class Handscroll:
    """The scroll is unrolled from the right; each part is drawn to the left of the one before
    and returns its left edge."""

    def __init__(self, work: Work, sc: float) -> None:
        self.work, self.sc = work, sc
        W, H = (int(v * sc) for v in work.spec.get("size", (30000, 3000)))
        self.img = silk((W, H), work.seed, SILK, sc)
        self.d = ImageDraw.Draw(self.img)
        self.edge = int(H * 0.06)
        self.ph = H - 2 * self.edge  # the height of the paper
        self.gs = int(H * 0.08)  # 隔水 width
        self.rod = int(H * 0.035)
        self.cover_w = int(H * 0.45)
        self.rng = np.random.default_rng(work.seed)

    def draw(self) -> Image.Image:
        W, H = self.img.size
        turned_rod(self.img, (W - self.rod, 0, W, H), horizontal=False)
        x = self.gap(self.cover(W - self.rod))
        x, front_w = self.frontispiece(x)
        x = self.gap(x)
        cols, cp, colophon_w = self._colophon_layout()
        x = self.gap(self.text_and_painting(x, front_w + colophon_w))
        self.colophon(x, cols, cp, colophon_w)
        turned_rod(self.img, (0, 0, self.rod, H), horizontal=False)
        return self.img

    def section(self, x1: int, width: int, color: Color = XUAN, seed: int = 0) -> int:
        """Paper from x1 - width to x1 (right edge given); returns the left edge."""
        x0 = x1 - width
        p = paper((width, self.ph), self.work.seed + 30 + seed, color, self.sc)
        self.img.paste(p, (x0, self.edge))
        line = max(1, int(3 * self.sc))
        self.d.rectangle((x0, self.edge - line, x1, self.edge), fill=SILK_DEEP)
        self.d.rectangle((x0, self.edge + self.ph, x1, self.edge + self.ph + line), fill=SILK_DEEP)
        return x0

    def gap(self, x1: int) -> int:
        self.d.rectangle((x1 - self.gs, self.edge, x1, self.edge + self.ph), fill=SILK_DEEP)
        return x1 - self.gs

    def cover(self, x: int) -> int:
        """Brocade cover silk with the title label (签条)."""
        H, cover = self.img.height, self.cover_w
        brocade = silk((cover, H), self.work.seed + 99, mix(CELADON, SILK_DEEP, 0.5), self.sc)
        self.img.paste(brocade, (x - cover, 0))
        lw = int(cover * 0.22)
        lx1 = x - int(cover * 0.2)
        self.d.rectangle((lx1 - lw, int(H * 0.1), lx1, int(H * 0.72)), fill=(0xEE, 0xE4, 0xCF))
        label = clean(self.work.spec.get("title", self.work.row["title_zh"]))
        write_column(self.img, label, lx1 - lw / 2, H * 0.14, int(lw * 0.62), lw * 0.72, self.rng)
        return x - cover

    def frontispiece(self, x: int) -> tuple[int, int]:
        """引首: large title characters, one per column, read right to left.

        Returns its left edge and its width.
        """
        ph, edge = self.ph, self.edge
        title = clean(self.work.spec.get("frontispiece", "香远益清"))
        fw = int(ph * 0.62 * len(title) + ph * 0.5)
        x0 = self.section(x, fw, (0xEC, 0xDF, 0xC6), 1)
        size = int(ph * 0.5)
        cxx = x - ph * 0.35
        for c in title:
            write_column(self.img, c, cxx - size * 0.1, edge + ph * 0.2, size, size * 1.2, self.rng)
            cxx -= ph * 0.62
        s = seal("清风展陈", int(ph * 0.14), self.work.seed + 3, "white")
        stamp(self.img, s, (x0 + ph * 0.12, edge + ph * 0.62))
        return x0, fw

    def _colophon_layout(self) -> tuple[list[str], float, int]:
        """The colophon's columns, their pitch, and its width."""
        col_text = clean(self.work.spec.get("colophon", ""))
        per = int(self.work.spec.get("colophon_per_column", 13))
        cols = chunks(col_text, per)
        cp = self.ph * 0.72 / per
        return cols, cp, int(len(cols) * cp * 1.35 + self.ph * 0.9)

    def text_and_painting(self, x: int, others_w: int) -> int:
        """The text, then the painting to its left, on one long sheet: the painting takes
        what the other parts (``others_w`` wide, with rods, cover and gaps) leave."""
        work, ph, edge = self.work, self.ph, self.edge
        W, H = self.img.size
        block = fit_block(work, 1e9, ph * 0.74, int(work.spec.get("per_column", 6)), True)
        block.col = block.pitch * 1.32
        text_w = int(block.width() + ph * 0.5)
        fixed = self.rod * 2 + self.cover_w + self.gs * 3 + others_w + text_w + int(H * 0.12)
        paint_w = max(int(H * 1.5), W - fixed)
        x0 = self.section(x, text_w + paint_w, XUAN, 2)
        draw_block(self.img, block, x - ph * 0.25, edge + ph * 0.13, work.seed + 4)
        self.painting(x0, paint_w)
        return x0

    def painting(self, x0: int, pw: int) -> None:
        """Misty hills over water, and lotus in front."""
        img, work, ph, edge, sc = self.img, self.work, self.ph, self.edge, self.sc
        hills = (x0, edge + int(ph * 0.05), x0 + pw, edge + int(ph * 0.55))
        mountains(img, hills, work.seed + 5, default_ridges(strength=0.45), 0.5, 0.08, 0.08)
        water = (
            x0 + int(pw * 0.05),
            edge + int(ph * 0.6),
            x0 + int(pw * 0.95),
            edge + ph - int(ph * 0.04),
        )
        water_lines(img, water, work.seed + 6, scale=sc * 2, density=1.2)
        near = (x0 + int(pw * 0.08), edge + int(ph * 0.1), x0 + int(pw * 0.5), edge + ph)
        lotus(img, near, work.seed + 7, sc * 1.4)
        far = (x0 + int(pw * 0.5), edge + int(ph * 0.22), x0 + int(pw * 0.9), edge + ph)
        lotus(img, far, work.seed + 8, sc * 1.4, flowers=1)

    def colophon(self, x: int, cols: list[str], cp: float, width: int) -> None:
        """拖尾: a colophon in small characters, sealed at its end."""
        ph, edge = self.ph, self.edge
        self.section(x, width, (0xF0, 0xE8, 0xD6), 3)
        csize = int(cp * 0.84)
        cx_ = x - ph * 0.22
        for colt in cols:
            write_column(self.img, colt, cx_, edge + ph * 0.14, csize, cp, self.rng)
            cx_ -= cp * 1.35
        s = seal("清风", int(csize * 1.2), self.work.seed + 9, "white")
        y = edge + ph * 0.14 + cp * len(cols[-1]) + csize * 0.5
        stamp(self.img, s, (cx_ + cp * 1.35 - s.width / 2, y))
