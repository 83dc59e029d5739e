"""Brush strokes: bezier paths, strokes of varying width, masks inked onto a canvas."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from kiosk.demo.artwork.palette import Color


def blend_color(canvas: Image.Image, color: Color, alpha: np.ndarray, xy=(0, 0)) -> None:
    """Paint ``color`` onto ``canvas`` through a float alpha array in [0, 1]."""
    a = Image.fromarray(np.clip(alpha * 255.0 + 0.5, 0, 255).astype(np.uint8))
    canvas.paste(color, (int(xy[0]), int(xy[1]), int(xy[0]) + a.width, int(xy[1]) + a.height), a)


def paste_mask(canvas: Image.Image, color: Color, mask: Image.Image, xy=(0, 0)) -> None:
    canvas.paste(
        color, (int(xy[0]), int(xy[1]), int(xy[0]) + mask.width, int(xy[1]) + mask.height), mask
    )


def bezier(points: Sequence[tuple[float, float]], n: int = 48) -> np.ndarray:
    """Points along a bezier curve of any degree (de Casteljau), shape (n, 2)."""
    p = np.asarray(points, np.float64)
    t = np.linspace(0.0, 1.0, n)[:, None, None]
    q = np.broadcast_to(p, (n, *p.shape)).copy()
    while q.shape[1] > 1:
        q = q[:, :-1] * (1 - t) + q[:, 1:] * t
    return q[:, 0]


def stroke_polygon(path: np.ndarray, widths: np.ndarray) -> list[tuple[float, float]]:
    """Outline of a brush stroke of varying width along ``path``."""
    d = np.gradient(path, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])[:, None]
    norm[norm == 0] = 1
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1) / norm
    left = path + nrm * (widths[:, None] / 2)
    right = path - nrm * (widths[:, None] / 2)
    pts = np.concatenate([left, right[::-1]])
    return [tuple(p) for p in pts]


class Layer:
    """An L mask the size of a region, drawn with ImageDraw and then inked."""

    def __init__(self, size: tuple[int, int]):
        self.mask = Image.new("L", size, 0)
        self.draw = ImageDraw.Draw(self.mask)

    def stroke(self, ctrl, w0: float, w1: float, shade: int = 255, n: int = 60, taper=0.15):
        path = bezier(ctrl, n)
        t = np.linspace(0, 1, n)
        widths = w0 + (w1 - w0) * t
        if taper:
            widths = widths * np.clip(np.minimum(t, 1 - t) / taper, 0.25, 1.0)
        self.draw.polygon(stroke_polygon(path, widths), fill=shade)
        return path

    def ink(self, canvas, color, xy=(0, 0), blur: float = 0.0, opacity: float = 1.0):
        m = self.mask
        if blur > 0:
            m = m.filter(ImageFilter.GaussianBlur(blur))
        if opacity < 1:
            m = m.point(lambda v: int(v * opacity))
        paste_mask(canvas, color, m, xy)
