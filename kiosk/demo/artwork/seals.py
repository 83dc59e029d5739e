"""Red seal impressions, cut in white (白文) or red (朱文), and stamping them."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.palette import SEAL, Color
from kiosk.demo.artwork.textures import fbm2d


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
