"""The type faces the demo draws with, and the error that names a missing one."""

from __future__ import annotations

from functools import cache

from PIL import ImageFont

from kiosk.errors import KioskError
from kiosk.fonts import find

_FONT_PACKAGES = {
    "serif": "fonts-noto-cjk",
    "serif-bold": "fonts-noto-cjk",
    "sans": "fonts-noto-cjk",
    "sans-bold": "fonts-noto-cjk",
    "kai": "fonts-arphic-ukai",
}


class FontMissing(KioskError):
    """A font role the demo needs has no installed face."""


@cache
def font(role: str, size: int) -> ImageFont.FreeTypeFont:
    found = find(role)
    if found is None:
        raise FontMissing(
            f"no '{role}' font with Chinese glyphs is installed; "
            f"install the Debian package {_FONT_PACKAGES.get(role, 'fonts-noto-cjk')}"
        )
    return ImageFont.truetype(str(found.path), max(4, int(size)), index=found.index)


def check_fonts() -> None:
    """Raise FontMissing, naming the package, if a face the demo uses is missing."""
    for role in ("serif", "serif-bold", "kai"):
        font(role, 12)
