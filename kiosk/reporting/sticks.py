"""Where a USB stick is mounted, for "save to USB": the report's own small finder.

Linux: the folders the desktop mounts removable drives in (``/media/<user>/<label>``,
``/run/media/<user>/<label>``), writable ones only; Windows: drives of the removable
type.  The newest mount wins when there are several.
"""

from __future__ import annotations

import getpass
import os
import string
import sys
from pathlib import Path

from kiosk.strings import Refused


class NoStick(Refused):
    """No USB stick is there to write to."""

    def __init__(self) -> None:
        super().__init__("rep_panel_no_stick")


def find_stick(roots: list[Path] | None = None) -> Path:
    """The folder of the USB stick to write to; NoStick when there is none."""
    found = _windows_drives() if sys.platform == "win32" else _mounted(roots)
    if not found:
        raise NoStick()
    return max(found, key=lambda p: p.stat().st_mtime)


def _mounted(roots: list[Path] | None) -> list[Path]:
    user = _user()
    roots = roots or [Path("/media") / user, Path("/run/media") / user]
    found = []
    for root in roots:
        try:
            found += [p for p in root.iterdir() if p.is_dir() and os.access(p, os.W_OK)]
        except OSError:  # no such folder, or not ours to read
            continue
    return found


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _windows_drives() -> list[Path]:
    import ctypes

    removable = 2  # DRIVE_REMOVABLE
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return [
        Path(f"{letter}:\\")
        for letter in string.ascii_uppercase
        if kernel.GetDriveTypeW(f"{letter}:\\") == removable and Path(f"{letter}:\\").exists()
    ]
