"""Finding font files for the three type roles (no Qt here).

Roles follow VISUAL.md: ``serif`` (Song/Ming) for reading text and headings,
``kai`` for calligraphic display, ``sans`` for interface labels.  On Linux
fontconfig is asked (``fc-match``); on Windows the standard font folder is
searched.  A role with no CJK face returns ``None`` so the caller can say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# fontconfig patterns, best first, per role.
_FC_PATTERNS: dict[str, tuple[str, ...]] = {
    "serif": ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "serif:lang=zh-cn"),
    "serif-bold": ("Noto Serif CJK SC:bold", "Source Han Serif SC:bold", "serif:lang=zh-cn:bold"),
    "kai": ("AR PL UKai CN", "KaiTi", "LXGW WenKai", "AR PL UKai TW"),
    "sans": ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "sans:lang=zh-cn"),
    "sans-bold": ("Noto Sans CJK SC:bold", "WenQuanYi Micro Hei", "sans:lang=zh-cn:bold"),
}

# Windows file names, best first, per role.
_WINDOWS_FILES: dict[str, tuple[str, ...]] = {
    "serif": ("NotoSerifSC-VF.ttf", "simsun.ttc", "STSONG.TTF"),
    "serif-bold": ("NotoSerifSC-VF.ttf", "simsun.ttc"),
    "kai": ("simkai.ttf", "STKAITI.TTF"),
    "sans": ("msyh.ttc", "simhei.ttf"),
    "sans-bold": ("msyhbd.ttc", "msyh.ttc", "simhei.ttf"),
}

ROLES = tuple(_FC_PATTERNS)


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0  # face index inside a .ttc collection


def _covers_chinese(path: Path) -> bool:
    name = path.name.lower()
    return not any(bad in name for bad in ("dejavu", "liberation", "freefont"))


def _fc_match(pattern: str) -> FontFile | None:
    fc = shutil.which("fc-match")
    if fc is None:
        return None
    try:
        out = subprocess.run(
            [fc, "-f", "%{file}\t%{index}\t%{lang}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("\t")
    if len(parts) < 3 or not parts[0]:
        return None
    path = Path(parts[0])
    langs = parts[2].split("|")
    if not path.is_file() or not ("zh-cn" in langs or "zh-tw" in langs):
        return None
    if not _covers_chinese(path):
        return None
    index = int(parts[1]) if parts[1].isdigit() else 0
    return FontFile(path, index)


@cache
def find(role: str) -> FontFile | None:
    """The best installed font file for ``role``, or None if there is none."""
    if role not in _FC_PATTERNS:
        raise ValueError(f"unknown font role {role!r}; known: {', '.join(ROLES)}")
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        for name in _WINDOWS_FILES[role]:
            if (folder / name).is_file():
                return FontFile(folder / name)
        return None
    for pattern in _FC_PATTERNS[role]:
        found = _fc_match(pattern)
        if found is not None:
            return found
    return None


def missing_roles() -> list[str]:
    """Roles that have no Chinese-capable font installed."""
    return [role for role in ("serif", "kai", "sans") if find(role) is None]
