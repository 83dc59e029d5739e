"""Media stored by content hash beside the catalogue.

Originals live at ``store/<aa>/<sha256>.<ext>``; renditions of one original
in the folder ``renditions/<aa>/<sha256>/``.  Both appear under their final
names only complete (written elsewhere, then renamed), so an interrupted
import never leaves a half-written file where the catalogue looks.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from kiosk.paths import Paths

CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class MediaStore:
    """The folders that hold originals and renditions for one catalogue."""

    def __init__(self, store: Path, renditions: Path, staging: Path) -> None:
        self.store = store
        self.renditions_root = renditions
        self.staging = staging

    @classmethod
    def at(cls, paths: Paths) -> MediaStore:
        """The store of the data directory ``paths``."""
        return cls(paths.store, paths.renditions, paths.staging)

    # Paths are kept relative in the catalogue so a data folder can be moved.
    def original_relpath(self, sha256: str, suffix: str) -> str:
        return f"{sha256[:2]}/{sha256}{suffix.lower()}"

    def original(self, relpath: str) -> Path:
        return self.store / relpath

    def renditions_relpath(self, sha256: str) -> str:
        return f"{sha256[:2]}/{sha256}"

    def rendition(self, relpath: str) -> Path:
        return self.renditions_root / relpath

    def staging_dir(self) -> Path:
        """A fresh scratch folder on the same file system as the store."""
        self.staging.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(dir=self.staging))

    def clear_staging(self) -> None:
        """Remove leftovers of an interrupted import."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def put_original(
        self, src: Path, relpath: str, *, replace: bool = False, move: bool = False
    ) -> Path:
        """Copy ``src`` into the store under ``relpath`` (unless there and not ``replace``).

        ``move``: ``src`` is a finished file in a staging folder (a DVD's parts joined), on
        the store's file system: it is renamed into place rather than copied again.
        """
        dest = self.original(relpath)
        if dest.exists() and not replace:
            return dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        if move:
            with open(src, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(src, dest)
            _fsync_dir(dest.parent)
            return dest
        tmp_dir = self.staging_dir()
        tmp = tmp_dir / dest.name
        try:
            shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, dest)
            _fsync_dir(dest.parent)
        finally:
            shutil.rmtree(tmp_dir, ignore_errors=True)
        return dest

    def put_renditions(self, staged: Path, relpath: str, *, replace: bool = False) -> Path:
        """Move a complete staged renditions folder into place (or keep the one there)."""
        dest = self.rendition(relpath)
        if dest.exists() and replace:
            # Move the damaged folder aside first, so the swap is one rename.
            old = self.staging_dir() / "old"
            os.replace(dest, old)
        if dest.exists():
            shutil.rmtree(staged, ignore_errors=True)
            return dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, dest)
        _fsync_dir(dest.parent)
        return dest
