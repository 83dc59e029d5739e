"""The staging folder bundles are unpacked into: one bundle at a time per data folder
(a lock file), and whatever a killed apply left there removed by the next one (or by
the next start of the kiosk)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"


class Staging:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextmanager
    def area(self) -> Iterator[Path]:
        """A fresh empty folder inside staging, removed afterwards; waits while another
        bundle is being applied."""
        with self._locked(wait=True):
            self._clear()
            area = Path(tempfile.mkdtemp(dir=self.folder, prefix="bundle-"))
            try:
                yield area
            finally:
                shutil.rmtree(area, ignore_errors=True)

    def clear_leftovers(self) -> bool:
        """Remove what an interrupted apply left; False when one is running now."""
        if not self.folder.is_dir():
            return True
        with self._locked(wait=False) as got:
            if got:
                self._clear()
            return got

    def leftovers(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.name != LOCK_NAME)

    def _clear(self) -> None:
        for path in self.leftovers():
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)

    @contextmanager
    def _locked(self, *, wait: bool) -> Iterator[bool]:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            got = _lock(fd, wait)
            try:
                yield got
            finally:
                if got:
                    _unlock(fd)
        finally:
            os.close(fd)


if os.name == "nt":
    import msvcrt

    def _lock(fd: int, wait: bool) -> bool:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not wait:
                    return False
                time.sleep(0.5)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int, wait: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
