"""A bundle's manifest: what it holds (every file's path, size and SHA-256), from whom
(the signer's key id), which version and when, and whether it is the signer's whole
content (``full``). These exact bytes are what the signature covers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.bundles.names import path_problem
from kiosk.strings import Refused, text

FORMAT = "qingfeng-kiosk-bundle"
FORMAT_VERSION = 1
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class FileEntry:
    path: str  # inside the bundle's content, "/"-separated, as the sources laid it out
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    key_id: str
    version: int
    created: str  # ISO 8601, UTC
    full: bool
    sources: tuple[str, ...]  # the top-level names: what ``kiosk import`` is given
    files: tuple[FileEntry, ...]

    @staticmethod
    def default_version(created: datetime) -> int:
        """The creation time as a number, YYYYMMDDhhmmss (UTC): grows with every bundle."""
        return int(created.astimezone(UTC).strftime("%Y%m%d%H%M%S"))

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "key_id": self.key_id,
            "version": self.version,
            "created": self.created,
            "full": self.full,
            "sources": list(self.sources),
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Manifest:
        """The manifest in ``data`` (already verified as signed); ``name`` is the bundle's."""
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw["format"] != FORMAT or raw["format_version"] != FORMAT_VERSION:
                raise ValueError("another format")
            files = tuple(_file(f) for f in raw["files"])
            manifest = cls(
                key_id=_typed(raw["key_id"], str),
                version=_typed(raw["version"], int),
                created=_typed(raw["created"], str),
                full=_typed(raw["full"], bool),
                sources=tuple(_typed(s, str) for s in raw["sources"]),
                files=files,
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise _bad(name) from None
        for path in (*manifest.sources, *(f.path for f in manifest.files)):
            problem = path_problem(path)
            if problem is not None:
                raise Refused("bundle_refused", name=name, why=problem)
        # Each source is one name at the top of the files (what the importer is given).
        tops = {f.path.split("/")[0] for f in manifest.files}
        if set(manifest.sources) != tops or any("/" in s for s in manifest.sources):
            raise _bad(name)
        return manifest


def _bad(name: str) -> Refused:
    return Refused("bundle_refused", name=name, why=text("bundle_bad_manifest"))


def _typed(value: Any, kind: type) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(f"expected {kind.__name__}")
    return value


def _file(raw: Any) -> FileEntry:
    entry = FileEntry(
        _typed(raw["path"], str), _typed(raw["size"], int), _typed(raw["sha256"], str)
    )
    if entry.size < 0 or not _SHA256.match(entry.sha256):
        raise ValueError("bad file entry")
    return entry
