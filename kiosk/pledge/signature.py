"""One signature as the pad gave it: strokes of integer points, thinned to a limit, checked
for being a signature at all, stored as compact JSON and rendered to a small PNG.

Points are scaled so that the pad's longer side is ``GRID`` units: a signature keeps its
shape whatever the screen, and 0–1000 integers keep the JSON small (a typical two-character
name of 300 points is some 3 KB).

Limits, stated (README "Pledge wall"):
- ``MAX_POINTS`` points per signature: a longer one is thinned (every k-th point kept,
  each stroke's first and last always), never refused — the visitor did sign.
- Too small to be a signature (refused with a gentle line, nothing stored): a single point
  (fewer than two points, or no ink length), ink shorter than ``MIN_INK`` units (a quarter of
  the pad: the strokes of even a one-character surname written with a finger run longer),
  or a drawing whose bounding box's longer side is under ``MIN_EXTENT`` units (an eighth of
  the pad: a tap, a dot, a tiny tick).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GRID = 1000
MAX_POINTS = 4000
MIN_INK = 250
MIN_EXTENT = 125
PICTURE_WIDTH = 360  # px of the stored PNG (a wall cell is smaller; the PDF prints ~45 mm)
SUPERSAMPLE = 3  # drawn this much larger, then reduced: Pillow's lines are not antialiased
INK = 0x1E  # the ink's grey level (the theme's ink, as grey)

Stroke = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Signature:
    """Strokes in grid units on a ``width`` × ``height`` pad (the longer side is GRID)."""

    strokes: tuple[Stroke, ...]
    width: int
    height: int

    @property
    def points(self) -> int:
        return sum(len(s) for s in self.strokes)

    def ink_length(self) -> float:
        return sum(
            math.dist(a, b) for stroke in self.strokes for a, b in itertools.pairwise(stroke)
        )

    def extent(self) -> int:
        """The longer side of the bounding box of every point."""
        xs = [x for s in self.strokes for x, _ in s]
        ys = [y for s in self.strokes for _, y in s]
        if not xs:
            return 0
        return max(max(xs) - min(xs), max(ys) - min(ys))

    def refusal(self) -> str | None:
        """None for a signature; else the strings key of the gentle line that refuses it."""
        if self.points < 2 or self.ink_length() == 0:
            return "pledge_one_point"
        if self.ink_length() < MIN_INK or self.extent() < MIN_EXTENT:
            return "pledge_too_small"
        return None


def from_pad(
    strokes: Sequence[Sequence[tuple[float, float]]],
    pad_width: float,
    pad_height: float,
    max_points: int = MAX_POINTS,
) -> Signature:
    """The pad's strokes (pad pixels) scaled to the grid and thinned to ``max_points``."""
    scale = GRID / max(pad_width, pad_height, 1.0)
    width, height = round(pad_width * scale), round(pad_height * scale)
    scaled = []
    for stroke in strokes:
        points: list[tuple[int, int]] = []
        for x, y in stroke:
            p = (min(max(round(x * scale), 0), width), min(max(round(y * scale), 0), height))
            if not points or points[-1] != p:
                points.append(p)
        if points:
            scaled.append(tuple(points))
    return Signature(thin(scaled, max_points), width, height)


def thin(strokes: Sequence[Stroke], limit: int) -> tuple[Stroke, ...]:
    """At most ``limit`` points: every k-th point of each stroke, its ends always kept;
    strokes beyond the limit's reach are dropped (only with more strokes than half of it)."""
    total = sum(len(s) for s in strokes)
    if total <= limit:
        return tuple(strokes)
    step = math.ceil(total / limit)
    while True:
        out = []
        for stroke in strokes:
            kept = list(stroke[::step])
            if kept[-1] != stroke[-1]:
                kept.append(stroke[-1])
            out.append(tuple(kept))
        if sum(len(s) for s in out) <= limit:
            return tuple(out)
        if step > total:  # ends alone are too many: keep the first strokes that fit
            kept_strokes, n = [], 0
            for s in out:
                if n + len(s) > limit:
                    break
                kept_strokes.append(s)
                n += len(s)
            return tuple(kept_strokes)
        step += 1


def encode(signature: Signature) -> str:
    """Compact JSON: {"w": …, "h": …, "s": [[x0, y0, x1, y1, …], …]}."""
    flat = [[c for point in stroke for c in point] for stroke in signature.strokes]
    return json.dumps(
        {"w": signature.width, "h": signature.height, "s": flat}, separators=(",", ":")
    )


def decode(text: str) -> Signature:
    data = json.loads(text)
    strokes = tuple(
        tuple((flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)) for flat in data["s"]
    )
    return Signature(strokes, int(data["w"]), int(data["h"]))


def render_png(signature: Signature, path: Path, width: int = PICTURE_WIDTH) -> Path:
    """Draw the signature, cropped to its ink with a margin, into a grey-and-alpha PNG of
    ``width`` pixels at most; written beside ``path`` and renamed (never half a file)."""
    from PIL import Image, ImageDraw  # here: the kiosk window loads Pillow only to sign

    xs = [x for s in signature.strokes for x, _ in s] or [0]
    ys = [y for s in signature.strokes for _, y in s] or [0]
    margin = GRID // 40
    left, top = min(xs) - margin, min(ys) - margin
    box_w, box_h = max(xs) - left + margin, max(ys) - top + margin
    # A 2:1 cell at most as wide as the ink; a tall signature gets a narrower picture.
    box_w = max(box_w, box_h * 2)
    scale = width / box_w
    big = SUPERSAMPLE * scale
    size = (width * SUPERSAMPLE, max(1, round(box_h * big)))
    image = Image.new("LA", size, (INK, 0))
    draw = ImageDraw.Draw(image)
    pen = max(2, round(GRID / 160 * big))
    offset = (box_w - (max(xs) - min(xs))) / 2 - (min(xs) - left)  # centred across
    for stroke in signature.strokes:
        pts = [((x - left + offset) * big, (y - top) * big) for x, y in stroke]
        if len(pts) == 1:
            (x, y), r = pts[0], pen / 2
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(INK, 255))
        else:
            draw.line(pts, fill=(INK, 255), width=pen, joint="curve")
            for x, y in (pts[0], pts[-1]):  # round ends
                r = pen / 2
                draw.ellipse((x - r, y - r, x + r, y + r), fill=(INK, 255))
    small = image.resize((width, max(1, round(size[1] / SUPERSAMPLE))), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    small.save(temp, "PNG", optimize=True)
    temp.replace(path)
    return path
