"""The demo's colours (from VISUAL.md) and how two of them mix."""

from __future__ import annotations

# Colours from VISUAL.md.
PAPER = (0xF4, 0xEF, 0xE4)
PAPER_DEEP = (0xE9, 0xE1, 0xD0)
INK = (0x1E, 0x1B, 0x18)
INK_SOFT = (0x5C, 0x55, 0x4D)
SEAL = (0xA8, 0x28, 0x1E)
CELADON = (0x5E, 0x7D, 0x6A)
NIGHT = (0x14, 0x12, 0x0F)
XUAN = (0xEF, 0xE6, 0xD2)  # warm, slightly aged xuan paper
CALLI_INK = (0x1A, 0x17, 0x15)

Color = tuple[int, int, int]


def mix(a: Color, b: Color, t: float) -> Color:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]
