"""Drawing at frame scale: painted and night backgrounds, the English caption band, the closing
card, a quotation in vertical columns."""

from __future__ import annotations

from PIL import Image, ImageDraw

from kiosk.demo.artwork.faces import font
from kiosk.demo.artwork.palette import INK_SOFT, NIGHT, PAPER, mix
from kiosk.demo.artwork.textures import paper
from kiosk.demo.artwork.typeset import draw_vertical

NIGHT_PAPER = (0x2A, 0x27, 0x22)


def frame_scale(size: tuple[int, int]) -> float:
    """Sizes below are given for a 720-line frame; this turns them into pixels."""
    return size[1] / 720


def centred(card: Image.Image, y: float, text: str, role: str, size: float, fill) -> None:
    """A line centred across ``card`` on the baseline ``y`` (a fraction of its height), in the
    face ``role`` at ``size`` (for a 720-line frame)."""
    face = font(role, int(size * frame_scale(card.size)))
    ImageDraw.Draw(card).text(
        (card.width / 2, card.height * y), text, font=face, fill=fill, anchor="ms"
    )


def caption_overlay(size, text: str, en: str = "", dark: bool = False) -> Image.Image:
    """The English rendering of a line, in a quiet band at the top of the picture.

    The Chinese line ``text`` is not drawn: it is the film's subtitle (SRT), which
    the player shows at the bottom, so the two never sit on top of each other.
    """
    k = frame_scale(size)
    w = size[0]
    ov = Image.new("RGBA", size, (0, 0, 0, 0))
    if not en:
        return ov
    band = Image.new("L", size, 0)
    bd = ImageDraw.Draw(band)
    depth = int(110 * k)
    for i in range(depth):
        bd.line(
            [(0, i), (w, i)],
            fill=int(min(1.0, (depth - i) / (40 * k + 1)) * (215 if dark else 205)),
        )
    ov.paste((*(NIGHT if dark else PAPER), 255), (0, 0), band)
    d = ImageDraw.Draw(ov)
    fe = font("serif", int(24 * k))
    d.text(
        (w / 2, int(52 * k)),
        en,
        font=fe,
        fill=(*(mix(INK_SOFT, PAPER, 0.45) if dark else INK_SOFT), 255),
        anchor="ms",
    )
    return ov


def paper_card(size, seed) -> Image.Image:
    return paper(size, seed, PAPER, scale=max(0.3, frame_scale(size) * 0.5))


def night_card(size, seed) -> Image.Image:
    return paper(size, seed, NIGHT_PAPER, scale=max(0.3, frame_scale(size) * 0.5), mottle=2.0)


def credits_card(card: Image.Image, source: str, ink, soft) -> Image.Image:
    """The closing card: the demo film's name, and beneath it where its text comes from."""
    centred(card, 0.47, "清风展陈 · 演示影片", "serif", 34, ink)
    centred(card, 0.55, source, "serif", 22, soft)
    return card


def vertical_quote(
    img: Image.Image, cols: list[str], size_px: int, color, right: float, top: float
) -> float:
    f = font("kai", size_px)
    x = right
    for c in cols:
        draw_vertical(img, c, f, x, top, size_px * 1.08, color)
        x -= size_px * 1.45
    return x
