"""The record of what ``kiosk install`` wrote, kept in the data folder.

Every folder it had to create, every file and link it wrote and the task it registered are
listed in order; ``remove()`` undoes them in reverse, so an uninstall leaves the folders as
they were before the install (a folder that someone has since filled is left in place).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_FILE = "installed.json"
SESSION_MANIFEST_FILE = "installed-session.json"  # what root wrote for --session


class AlreadyThere(Exception):
    """A file that install would write exists and is not its own."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    entries: list[dict] = field(default_factory=list)
    command: list[str] = field(default_factory=list)
    method: str = ""

    # ------------------------------------------------------------ recording
    def make_dirs(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for created in reversed(missing):
            created.mkdir()
            self.entries.append({"kind": "dir", "path": str(created)})

    def write(self, path: Path, data: bytes, mode: int | None = None) -> None:
        if path.exists() or path.is_symlink():
            raise AlreadyThere(path)
        self.make_dirs(path.parent)
        path.write_bytes(data)
        if mode is not None:
            path.chmod(mode)
        self.entries.append({"kind": "file", "path": str(path), "sha256": digest(data)})

    def link(self, path: Path, target: Path) -> None:
        if path.exists() or path.is_symlink():
            raise AlreadyThere(path)
        self.make_dirs(path.parent)
        path.symlink_to(target)
        self.entries.append({"kind": "link", "path": str(path), "target": str(target)})

    def task(self, name: str) -> None:
        self.entries.append({"kind": "task", "name": name})

    # ------------------------------------------------------------ keeping
    def save(self, path: Path) -> None:
        data = {"method": self.method, "command": self.command, "entries": self.entries}
        self.make_dirs(path.parent)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        return cls(list(data["entries"]), list(data["command"]), str(data["method"]))

    # ------------------------------------------------------------ undoing
    def remove(self, delete_task) -> tuple[list[str], list[str]]:
        """Undo every entry, newest first: (paths removed, folders kept because not empty).

        ``delete_task(name)`` unregisters a task (Windows).
        """
        removed: list[str] = []
        kept: list[str] = []
        for entry in reversed(self.entries):
            if entry["kind"] == "task":
                delete_task(entry["name"])
                removed.append(entry["name"])
                continue
            path = Path(entry["path"])
            if entry["kind"] == "dir":
                try:
                    path.rmdir()
                    removed.append(str(path))
                except FileNotFoundError:
                    pass
                except OSError:
                    kept.append(str(path))
                continue
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(str(path))
        self.entries = []
        return removed, kept
