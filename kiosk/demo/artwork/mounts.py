"""Mounting: silk colours, a sheet mounted in silk (镜片), turned wooden rods."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.palette import INK, PAPER, XUAN, mix
from kiosk.demo.artwork.strokes import paste_mask
from kiosk.demo.artwork.textures import paper, silk

SILK = (0xC9, 0xCC, 0xBC)  # pale celadon-grey mounting silk
SILK_DEEP = (0x9E, 0xA8, 0x97)  # the narrow strips (隔水, 惊燕)
WALL = (0xDB, 0xD4, 0xC6)
WOOD = (0x4A, 0x33, 0x24)


def mount_sheet(
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


def turned_rod(img: Image.Image, box, horizontal: bool, dark: bool = False) -> None:
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
