"""Colours, type and spacing from VISUAL.md, in one place.

Sizes are given for a 1920×1080 screen and scaled by the screen's short side,
so a portrait 1080×1920 panel gets the same physical sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase

PAPER = QColor("#F4EFE4")
PAPER_DEEP = QColor("#E9E1D0")
INK = QColor("#1E1B18")
INK_SOFT = QColor("#5C554D")
SEAL = QColor("#A8281E")
CELADON = QColor("#5E7D6A")
NIGHT = QColor("#14120F")
# Couplets (kiosk/ui/widgets/couplet.py): festival couplets are gold on a deep festival
# red; hall couplets ink on a wood-toned board.
FESTIVAL_RED = QColor("#9E1A17")
FESTIVAL_GOLD = QColor("#F2D27C")
BOARD = QColor("#D8C09A")

# Font families, best first, per role.
_FAMILIES = {
    "serif": ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "SimSun", "Songti SC"),
    "kai": ("AR PL UKai CN", "KaiTi", "STKaiti", "LXGW WenKai"),
    "sans": ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "Source Han Sans SC"),
}


# Latin companions: English text set in a CJK face gets full-width quotes and
# apostrophes, so English is set in these first (Chinese falls back to the CJK face).
_LATIN = {
    "serif": ("Noto Serif", "Source Serif 4", "Georgia", "DejaVu Serif"),
    "kai": ("Noto Serif", "Georgia", "DejaVu Serif"),
    "sans": ("Noto Sans", "Source Sans 3", "Segoe UI", "DejaVu Sans"),
}


def latin_family(role: str) -> str | None:
    installed = set(QFontDatabase.families())
    return next((name for name in _LATIN[role] if name in installed), None)


def family(role: str) -> str | None:
    """The installed family for a role, or None if no Chinese face is installed."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for name in _FAMILIES[role]:
        if name in installed:
            return name
    return None


def missing_chinese_fonts() -> bool:
    return not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen; ``large`` is the large-text mode for elderly visitors."""

    scale: float = 1.0
    large: bool = False

    @classmethod
    def for_screen(cls, width: int, height: int, large: bool = False) -> Metrics:
        return cls(min(width, height) / 1080.0, large)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    # VISUAL.md sizes at 1080p.
    @property
    def margin(self) -> int:
        return self.px(96)

    @property
    def gutter(self) -> int:
        return self.px(24)

    @property
    def radius(self) -> int:
        return self.px(12)

    @property
    def bezel(self) -> int:
        return self.px(40)

    @property
    def touch_min(self) -> int:
        return self.px(96)

    def font(self, role: str, size: float, *, bold: bool = False, lang: str = "zh") -> QFont:
        """A face for ``role``; ``lang="en"`` puts the Latin companion first."""
        font = QFont()
        cjk = [f for f in (family(role), family("sans")) if f]
        latin = latin_family(role) if lang == "en" else None
        families = list(dict.fromkeys(([latin] if latin else []) + cjk))
        if families:
            font.setFamilies(families)
        font.setPixelSize(self.px(size))
        font.setBold(bold)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def reading(self, lang: str = "zh") -> QFont:
        return self.font("serif", 40 if self.large else 30, lang=lang)

    def label(self, lang: str = "zh") -> QFont:
        return self.font("sans", 34 if self.large else 28, lang=lang)

    def caption(self, lang: str = "zh") -> QFont:
        return self.font("sans", 30 if self.large else 26, lang=lang)

    def heading(self, lang: str = "zh") -> QFont:
        return self.font("serif", 64, bold=True, lang=lang)

    def section(self, lang: str = "zh") -> QFont:
        return self.font("serif", 44, bold=True, lang=lang)

    def display(self, size: float = 96) -> QFont:
        return self.font("kai", size)
