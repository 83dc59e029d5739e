"""Which USB sticks are plugged in, asked again every few seconds while the panel is open.

Linux: the mount points below ``/media`` and ``/run/media`` (where udisks, and so every
desktop of Debian, UOS and Kylin, mounts a stick), read from ``/proc/self/mountinfo``.
Windows: the drive letters the system calls removable.  Anywhere: the folders of
``[content] usb_folders``, each a stick while it exists and holds something (or is a mount
point) — an fstab mount point, a drive letter, or a test's temporary folder.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kiosk.strings import Refused

MOUNT_PARENTS = (Path("/media"), Path("/run/media"))
MOUNTINFO = Path("/proc/self/mountinfo")
DRIVE_REMOVABLE = 2  # GetDriveTypeW's answer for a USB stick or a card reader
_ESCAPED = re.compile(r"\\([0-7]{3})")  # mountinfo writes space, tab, newline, \ as \ooo


class StickRemoved(Exception):
    """The stick was pulled out before the import could write anything."""


class NoStick(Refused):
    """No USB stick is there to write to."""

    def __init__(self) -> None:
        super().__init__("rep_panel_no_stick")


@dataclass(frozen=True)
class Stick:
    """A plugged-in stick: where it is, the name the operator knows it by, and whether it
    was a mount point when found (it must stay one to count as still plugged in)."""

    root: Path
    label: str
    mounted: bool = False

    def present(self) -> bool:
        """Still plugged in: its folder is there (and still mounted, if it was)."""
        try:
            return self.root.is_dir() and (not self.mounted or os.path.ismount(self.root))
        except OSError:
            return False


def mount_points(mountinfo: str, parents: Iterable[Path] = MOUNT_PARENTS) -> list[Path]:
    """The mount points in the text of ``/proc/self/mountinfo`` that lie below ``parents``."""
    below = []
    for line in mountinfo.splitlines():
        fields = line.split()
        if len(fields) < 5:
            continue
        point = Path(_ESCAPED.sub(lambda m: chr(int(m[1], 8)), fields[4]))
        if any(parent in point.parents for parent in parents):
            below.append(point)
    # A stick's own mounts inside it (rare) are not sticks of their own.
    return sorted(p for p in set(below) if not any(q in p.parents for q in below))


def removable_letters(mask: int, drive_type: Callable[[str], int]) -> list[str]:
    """Windows: the roots (``E:\\``) among the drives in ``mask`` (GetLogicalDrives' bit per
    letter, A = bit 0) that ``drive_type`` (GetDriveTypeW) calls removable.  A: and B: are
    floppy drives where they exist at all."""
    roots = []
    for i in range(2, 26):
        if mask & (1 << i):
            root = f"{chr(ord('A') + i)}:\\"
            if drive_type(root) == DRIVE_REMOVABLE:
                roots.append(root)
    return roots


def _windows_roots() -> list[str]:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    # A card reader without a card must not bring up "There is no disk in the drive".
    kernel32.SetErrorMode(0x0001 | 0x8000)  # SEM_FAILCRITICALERRORS | SEM_NOOPENFILESERRORBOX
    return removable_letters(kernel32.GetLogicalDrives(), kernel32.GetDriveTypeW)


def _holds_something(folder: Path) -> bool:
    try:
        if os.path.ismount(folder):
            return True
        with os.scandir(folder) as entries:
            return next(entries, None) is not None
    except OSError:
        return False


class DriveFinder:
    """The sticks plugged in now; see the module docstring.  Cheap enough to ask on the
    GUI thread every two seconds (one small file read and a few ``stat`` calls)."""

    def __init__(
        self,
        folders: Iterable[str | Path] = (),
        *,
        platform: str = sys.platform,
        mountinfo: Path = MOUNTINFO,
        windows_roots: Callable[[], list[str]] = _windows_roots,
    ) -> None:
        self.folders = [Path(f).expanduser() for f in folders]
        self.platform = platform
        self.mountinfo = mountinfo
        self.windows_roots = windows_roots

    def sticks(self) -> list[Stick]:
        found = [
            Stick(f, f.name or str(f), os.path.ismount(f))
            for f in self.folders
            if _holds_something(f)
        ]
        if self.platform == "win32":
            roots = [r for r in self.windows_roots() if os.path.isdir(r)]  # a card in the reader
            found += [Stick(Path(r), r.rstrip("\\")) for r in roots]
        elif self.platform.startswith("linux"):
            try:
                text = self.mountinfo.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            found += [Stick(p, p.name, True) for p in mount_points(text)]
        seen: set[Path] = set()
        unique = []
        for stick in found:
            if stick.root not in seen:
                seen.add(stick.root)
                unique.append(stick)
        return unique
