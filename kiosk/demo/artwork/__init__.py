"""Posters and calligraphy for the bundled demo, drawn with Pillow and numpy.

Everything is procedural and seeded, so a work renders the same way on every
machine: xuan paper with fibres (``textures``), ink-wash mountains and water
(``landscape``), lotus, bamboo and plum drawn from bezier strokes (``strokes``,
``plants``), red seals (``seals``), and text typeset in vertical columns read
right to left (``typeset``, ``brush``).  ``posters`` and ``calligraphy`` (with
``mounts``, ``fan`` and ``handscroll``) compose them into works.  Every renderer takes
``scale`` (1.0 = the real size) so tests can render at a fraction of the size
in a moment.

The calligraphy here is *typeset* in a Kai font; the catalogue says so, and
the signature column says so too.
"""

from __future__ import annotations

from PIL import Image

from kiosk.demo.artwork.calligraphy import render_calligraphy
from kiosk.demo.artwork.faces import FontMissing, check_fonts, font
from kiosk.demo.artwork.posters import render_poster
from kiosk.demo.artwork.typeset import clean
from kiosk.demo.artwork.work import Work

__all__ = ["FontMissing", "Work", "check_fonts", "clean", "font", "render"]


def render(work: Work, scale: float = 1.0) -> Image.Image:
    kind = work.row["kind"]
    if kind == "poster":
        return render_poster(work, scale)
    if kind == "calligraphy":
        return render_calligraphy(work, scale)
    raise ValueError(f"{work.key}: artwork cannot draw a {kind!r}")
