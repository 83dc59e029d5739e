"""What one import was given: the sheets and media files in it, and how to name them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kiosk.ingest import rows as rowlib
from kiosk.ingest.dvd import is_dvd_folder
from kiosk.ingest.sheets import is_sheet

#: Subtitles beside a film (the importer pairs them by name).
SUBTITLE_SUFFIXES = {".srt"}

IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


class Sources:
    """The folders and files of one import, searched (folders recursively, in name order).

    A DVD folder (``VIDEO_TS``) is one film: it is listed itself, its files are not."""

    def __init__(self, sources: Iterable[Path]) -> None:
        self.roots = [Path(s).resolve() for s in sources]
        self.missing: list[Path] = []
        self.sheets: list[Path] = []
        self.loose: list[Path] = []  # media and subtitle files
        for src in self.roots:
            if not src.exists():
                self.missing.append(src)
            elif is_dvd_folder(src):
                self.loose.append(src)
            elif src.is_dir():
                for path in _walk(src):
                    (self.sheets if is_sheet(path) else self.loose).append(path)
            else:
                (self.sheets if is_sheet(src) else self.loose).append(src)

    def where(self, path: Path) -> str:
        """A file's name as the operator knows it: from the folder they imported."""
        for root in self.roots:
            try:
                return path.relative_to(root.parent).as_posix()
            except ValueError:
                continue
        return str(path)

    def kind_from_folder(self, path: Path) -> str | None:
        """The kind the nearest folder named after one says: among the folders imported,
        or the folder of a file imported by itself."""
        for root in self.roots:
            if path == root or root in path.parents:
                anchor = root.parent if root.is_dir() else root.parent.parent
                for part in reversed(path.relative_to(anchor).parent.parts):
                    kind = rowlib.kind_named(part)
                    if kind:
                        return kind
        return None


def _walk(root: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        dvds = [d for d in dirnames if is_dvd_folder(Path(dirpath, d))]
        found += [Path(dirpath, d).resolve() for d in dvds]
        dirnames[:] = [d for d in dirnames if d not in dvds]
        for name in sorted(filenames):
            if name.startswith(".") or name.lower() in IGNORED_NAMES or name.startswith("~$"):
                continue
            found.append(Path(dirpath, name).resolve())
    return found
