"""Setting type: vertical columns read right to left, wrapping Chinese and English lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from kiosk.demo.artwork.palette import INK, Color

# Punctuation left out of calligraphy (classical works are unpunctuated).
PUNCT = "，。、；：！？「」『』“”‘’（）《》〈〉·—…,.;:!?\"'()"


def clean(text: str) -> str:
    """The characters a calligrapher would write: no punctuation, no spaces."""
    return "".join(c for c in text if c not in PUNCT and not c.isspace())


def glyph_box(f: ImageFont.FreeTypeFont, ch: str) -> tuple[int, int, int, int]:
    return f.getbbox(ch)


# Vertical presentation forms for punctuation that has a direction.
VERTICAL_FORMS = str.maketrans(
    {
        "“": "﹁",
        "”": "﹂",
        "‘": "﹃",
        "’": "﹄",
        "《": "︽",
        "》": "︾",
        "—": "︱",
        "…": "︙",
        "（": "︵",
        "）": "︶",
        "「": "﹁",
        "」": "﹂",
    }
)
VPUNCT = PUNCT + "﹁﹂﹃﹄︽︾︱︙︵︶"


def draw_vertical(
    img: Image.Image,
    text: str,
    f: ImageFont.FreeTypeFont,
    x: float,
    y: float,
    step: float,
    fill: Color,
) -> float:
    """One column, characters upright and centred on ``x``; punctuation centred in a short cell.

    Returns the y after the last character.
    """
    d = ImageDraw.Draw(img)
    for c in text.translate(VERTICAL_FORMS):
        if c == " ":
            y += step * 0.5
            continue
        if c == "︱":
            bb = f.getbbox(c)
            d.text(
                (x - (bb[0] + bb[2]) / 2, y + step / 2 - (bb[1] + bb[3]) / 2), c, font=f, fill=fill
            )
            y += step
            continue
        if c in VPUNCT:
            bb = f.getbbox(c)
            gw, gh = bb[2] - bb[0], bb[3] - bb[1]
            d.text((x - gw / 2 - bb[0], y + step * 0.25 - gh / 2 - bb[1]), c, font=f, fill=fill)
            y += step * 0.5
            continue
        d.text((x, y + step / 2), c, font=f, fill=fill, anchor="mm")
        y += step
    return y


def wrap_en(text: str, f: ImageFont.FreeTypeFont, width: float) -> list[str]:
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if f.getlength(trial) <= width or not line:
                line = trial
            else:
                out.append(line)
                line = word
        out.append(line)
    return out


_NO_START = set("，。、；：！？」』”’）》〉…")


def wrap_zh(text: str, f: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Character wrap with the rule that no line starts with closing punctuation."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for c in para:
            if f.getlength(line + c) <= width or not line:
                line += c
            elif c in _NO_START:
                line += c  # hang it
            else:
                lines.append(line)
                line = c
        lines.append(line)
    return lines


def text_block(
    img: Image.Image,
    lines: Sequence[str],
    f: ImageFont.FreeTypeFont,
    x: float,
    y: float,
    leading: float,
    fill: Color,
    align: str = "left",
    width: float = 0,
) -> float:
    d = ImageDraw.Draw(img)
    for line in lines:
        lx = x
        if align == "center":
            lx = x + (width - f.getlength(line)) / 2
        elif align == "right":
            lx = x + width - f.getlength(line)
        d.text((lx, y), line, font=f, fill=fill, anchor="ls")
        y += leading
    return y


def rule(img, xy0, xy1, color=INK, width=2) -> None:
    ImageDraw.Draw(img).line([xy0, xy1], fill=color, width=max(1, int(width)))


def split_source(source: str) -> str:
    return f"——{source}"


_SENT = re.compile(r"(?<=[。！？；])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s]


def columns(text: str, col_len: int) -> list[str]:
    """Split into columns of at most ``col_len`` cells, breaking after punctuation if possible;
    punctuation takes half a cell."""
    cols: list[str] = []
    cur = ""
    used = 0.0
    for c in text:
        cost = 0.5 if c in PUNCT else 1.0
        if used + cost > col_len and c not in PUNCT:
            cols.append(cur)
            cur, used = "", 0.0
        cur += c
        used += cost
    if cur:
        cols.append(cur)
    return cols
