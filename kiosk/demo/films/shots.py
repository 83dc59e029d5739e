"""Shots and how frames are made from them: pans, overlays fading in and out, crossfades."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PIL import Image

FPS = 25
FADE = 1.0  # crossfade between shots, seconds


@dataclass
class Caption:
    start: float
    end: float
    text: str


@dataclass
class Shot:
    start: float
    duration: float
    background: Image.Image  # at least the frame size; wider or taller ones pan
    pan: tuple[float, float] = (0.0, 0.0)  # start and end offset, fraction of the spare width
    overlay: Image.Image | None = None  # RGBA, frame size
    overlay_in: float = 0.8  # seconds after the start when the overlay fades in
    overlay_out: float | None = None  # seconds before the end when it fades out
    captions: list[Caption] = field(default_factory=list)
    # overlays shown one after another: (local start, local end, RGBA image)
    timed: list[tuple[float, float, Image.Image]] = field(default_factory=list)

    @property
    def end(self) -> float:
        return self.start + self.duration

    def frame(self, t: float, size: tuple[int, int]) -> Image.Image:
        bg = self.background
        w, h = size
        if bg.size == size:
            img = bg  # a still card: no work per frame
        else:
            u = min(1.0, max(0.0, (t - self.start) / self.duration))
            e = 0.5 - 0.5 * math.cos(math.pi * u)  # ease in and out
            view_w = w * bg.height / h
            spare = max(0.0, bg.width - view_w)
            x = spare * (self.pan[0] + (self.pan[1] - self.pan[0]) * e)
            # a resize with a fractional box is a cheap sub-pixel pan
            img = bg.resize(size, Image.Resampling.BILINEAR, box=(x, 0, x + view_w, bg.height))
        if self.overlay is not None:
            local = t - self.start
            a = min(1.0, max(0.0, (local - self.overlay_in) / 0.8))
            if self.overlay_out is not None:
                a = min(a, max(0.0, (self.duration - self.overlay_out - local) / 0.6 + 1.0))
            if a > 0:
                img = paste_faded(img, self.overlay, a)
        return img


class Reel:
    """Shots laid end to end, each starting a crossfade (``FADE``) before the last one ends."""

    def __init__(self) -> None:
        self.shots: list[Shot] = []
        self._next = 0.0

    def add(self, duration: float, background: Image.Image, **kw) -> Shot:
        shot = Shot(self._next, duration, background, **kw)
        self.shots.append(shot)
        self._next += duration - FADE
        return shot

    @property
    def duration(self) -> float:
        return self._next + FADE


def paste_faded(img: Image.Image, overlay: Image.Image, a: float) -> Image.Image:
    """``img`` with an RGBA overlay at opacity ``a``; only the overlay's bounding box is touched."""
    box = overlay.getbbox()
    if box is None:
        return img
    region = img.crop(box)
    part = overlay.crop(box)
    full = region.copy()
    full.paste(part, (0, 0), part)
    out = img.copy()
    out.paste(full if a >= 1 else Image.blend(region, full, a), box[:2])
    return out


def compose(shots: list[Shot], t: float, size: tuple[int, int]) -> Image.Image:
    """The frame at ``t`` seconds: the shots showing then, crossfaded."""
    active = [s for s in shots if s.start <= t < s.end]
    if not active:
        active = [shots[-1]]
    img = active[0].frame(t, size)
    img = _with_timed_overlays(active[0], img, t)
    for s in active[1:]:
        a = min(1.0, (t - s.start) / FADE)
        nxt = _with_timed_overlays(s, s.frame(t, size), t)
        img = Image.blend(img, nxt, 0.5 - 0.5 * math.cos(math.pi * a))
    return img


def _with_timed_overlays(shot: Shot, img: Image.Image, t: float) -> Image.Image:
    local = t - shot.start
    for t0, t1, ov in shot.timed:
        if t0 <= local < t1:
            a = min(1.0, (local - t0) / 0.6, (t1 - local) / 0.5)
            if a > 0:
                img = paste_faded(img, ov, a)
    return img
