"""Calligraphy set in Kai with a brush's ink: glyphs with bleed and dry strokes, columns, and
whole blocks of title, text, signature and seals."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.palette import CALLI_INK, INK_SOFT, Color, mix
from kiosk.demo.artwork.seals import seal, stamp
from kiosk.demo.artwork.strokes import paste_mask
from kiosk.demo.artwork.textures import fbm2d
from kiosk.demo.artwork.typeset import clean
from kiosk.demo.artwork.work import Work


def brush_glyph(ch: str, size: int, rng: np.random.Generator) -> Image.Image:
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
        g = brush_glyph(c, size, rng)
        jx = rng.normal(0, size * 0.025)
        paste_mask(canvas, color, g, (x - g.width / 2 + jx, y + pitch / 2 - g.height / 2))
        y += pitch
    return y


def chunks(text: str, n: int) -> list[str]:
    return [text[i : i + n] for i in range(0, len(text), n)]


def sign_text(work: Work) -> str:
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
    body = chunks(text, per_column)
    ttl = clean(work.spec.get("title", work.row["title_zh"].split("（")[0])) if title else ""
    n_cols = len(body) + (1.15 if ttl else 0) + 0.9
    pitch = box_h / per_column
    col = pitch * float(work.spec.get("column_ratio", 1.3))
    if col * n_cols > box_w:
        col = box_w / n_cols
        pitch = min(pitch, col / 1.12)
    size = int(pitch * 0.86)
    return Block(ttl, body, sign_text(work), size, pitch, col)


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
            cols.extend(chunks(phrase, room))
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
