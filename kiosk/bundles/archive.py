"""Opening a bundle: the archive checked, its signature verified, its files unpacked into
staging and each checked against the manifest.

A bundle is a ZIP file (files stored, the manifest deflated): first a marker member that
says what it is (so a bundle is known by its content, whatever its name), then the files
under ``content/``, then ``manifest.json`` and ``manifest.sig``. Everything that could
make unpacking write elsewhere, or too much, is refused from the central directory,
before a single byte is unpacked.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import struct
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles.keys import Keyring
from kiosk.bundles.manifest import Manifest
from kiosk.bundles.marker import MARKER
from kiosk.bundles.names import folded, path_problem
from kiosk.catalog.files import sha256_file
from kiosk.strings import Refused, Text, text

log = logging.getLogger(__name__)

MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
CONTENT = "content/"
SPECIAL = (MARKER, MANIFEST, SIGNATURE)
MAX_SIGNATURE_BYTES = 4096
COPY_CHUNK = 1024 * 1024

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold at most (the README states them)."""

    files: int = 20_000
    bytes: int = 64 * 1024**3  # unpacked, all files together
    ratio: int = 100  # unpacked size over packed size of a compressed file
    manifest_bytes: int = 16 * 1024**2


class OpenBundle:
    """A bundle whose archive is sound and whose manifest is signed by a trusted key;
    ``extract`` unpacks and checks its files. Raises Refused, naming the bundle, else."""

    def __init__(self, path: Path, keyring: Keyring, limits: Limits | None = None) -> None:
        self.path = path
        self.name = path.name
        self.limits = limits or Limits()
        try:
            self.file = open(path, "rb")  # noqa: SIM115 (closed by close())
        except OSError as e:
            raise self.refused("bundle_unreadable", why=e.strerror or e) from None
        # Unpacked files start going to disk at once, while the next is unpacked and the
        # import probes them: the store's own fsync then finds little left to wait for.
        # (POSIX only: on Windows an open file could not be moved into the store.)
        self._flusher = ThreadPoolExecutor(1) if os.name == "posix" else None
        try:
            self._open(keyring)
        except Refused:
            self.close()
            raise

    def _open(self, keyring: Keyring) -> None:
        try:
            self.zip = zipfile.ZipFile(self.file)
            self.members = self._check_members(self.zip.infolist())
            self.manifest_bytes = self._read_special(MANIFEST, self.limits.manifest_bytes)
            signature = self._read_special(SIGNATURE, MAX_SIGNATURE_BYTES)
        except (zipfile.BadZipFile, EOFError, ValueError, struct.error, OSError) as e:
            raise self.refused("bundle_damaged", why=_short(e)) from None
        self.signer = self._verify(signature, keyring)
        self.manifest = Manifest.from_bytes(self.manifest_bytes, self.name)
        if self.manifest.key_id != self.signer:
            raise self.refused("bundle_bad_signature")
        self._match_manifest()

    def refused(self, key: str, **values: object) -> Refused:
        return Refused("bundle_refused", name=self.name, why=text(key, **values))

    def close(self) -> None:
        self.file.close()
        if self._flusher is not None:
            self._flusher.shutdown(wait=True)

    def __enter__(self) -> OpenBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- checks
    def _hostile(self, why: Text) -> Refused:
        return Refused("bundle_refused", name=self.name, why=why)

    def _check_members(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        if not infos or infos[0].filename != MARKER:
            raise self.refused("bundle_not_bundle")
        if len(infos) > limits.files + len(SPECIAL):
            raise self._hostile(text("hostile_too_many", limit=limits.files))
        members: dict[str, zipfile.ZipInfo] = {}
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            problem = path_problem(name)
            if problem is not None:
                raise self._hostile(problem)
            mode = info.external_attr >> 16  # Unix mode; 0 from Windows tools
            if stat.S_ISLNK(mode):
                raise self._hostile(text("hostile_link", name=name))
            if info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
                raise self._hostile(text("hostile_special", name=name))
            if folded(name) in seen:
                raise self._hostile(text("hostile_duplicate", name=name))
            seen.add(folded(name))
            if info.flag_bits & 0x1 or info.compress_type not in (
                zipfile.ZIP_STORED,
                zipfile.ZIP_DEFLATED,
            ):
                raise self._hostile(text("hostile_method", name=name))
            stored = info.compress_type == zipfile.ZIP_STORED
            if stored and info.compress_size != info.file_size:
                raise self.refused("bundle_damaged", why=name)
            big = info.file_size > 64 * 1024
            if not stored and big and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise self._hostile(text("hostile_ratio", name=name, limit=limits.ratio))
            total += info.file_size
            members[name] = info
        if total > limits.bytes:
            raise self._hostile(text("hostile_too_big", size=_mb(total), limit=_mb(limits.bytes)))
        return members

    def _read_special(self, name: str, limit: int) -> bytes:
        info = self.members.get(name)
        if info is None:
            raise self.refused("bundle_missing_part", part=name)
        if info.file_size > limit:
            raise self._hostile(text("hostile_too_big", size=_mb(info.file_size), limit=_mb(limit)))
        return self.zip.read(info)

    def _verify(self, signature: bytes, keyring: Keyring) -> str:
        try:
            sig = json.loads(signature.decode("utf-8"))
            kid, raw = str(sig["key_id"]), bytes.fromhex(sig["signature"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise self.refused("bundle_bad_signature") from None
        key = keyring.get(kid)
        if key is None:
            raise self.refused("bundle_untrusted", key_id=kid)
        if not key.verifies(raw, self.manifest_bytes):
            raise self.refused("bundle_bad_signature")
        return kid

    def _match_manifest(self) -> None:
        """Every file of the manifest is in the archive with its size, and nothing else."""
        listed = {CONTENT + f.path: f for f in self.manifest.files}
        for name, info in self.members.items():
            if name in SPECIAL:
                continue
            entry = listed.get(name)
            if entry is None:
                raise self.refused("bundle_extra_file", path=name.removeprefix(CONTENT))
            if entry.size != info.file_size:
                raise self.refused("bundle_file_changed", path=entry.path)
        for name, entry in listed.items():
            if name not in self.members:
                raise self.refused("bundle_file_missing", path=entry.path)

    # ----------------------------------------------------------------- unpack
    def extract(self, root: Path, progress: Progress | None = None) -> dict[Path, str]:
        """Unpack every file into ``root`` and check it against the manifest; the SHA-256
        of each unpacked file, by its resolved path."""
        progress = progress or (lambda done, total, label: None)
        files = self.manifest.files
        hashes: dict[Path, str] = {}
        inside = root.resolve()
        for n, entry in enumerate(files, start=1):
            progress(n - 1, len(files), entry.path)
            dest = inside.joinpath(*entry.path.split("/"))
            if inside not in dest.resolve().parents:  # path_problem() already refused these
                raise self._hostile(text("hostile_parent", name=entry.path))
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._unpack(self.members[CONTENT + entry.path], dest)
                sha = sha256_file(dest)
            except (zipfile.BadZipFile, EOFError, ValueError, struct.error) as e:
                raise self.refused("bundle_damaged", why=_short(e)) from None
            if sha != entry.sha256 or dest.stat().st_size != entry.size:
                raise self.refused("bundle_file_changed", path=entry.path)
            hashes[dest] = sha
            if self._flusher is not None:
                self._flusher.submit(_flush, dest)
            log.debug("bundle: file %d of %d checked: %s", n, len(files), entry.path)
        if files:
            progress(len(files), len(files), "")
        return hashes

    def _unpack(self, info: zipfile.ZipInfo, dest: Path) -> None:
        with open(dest, "xb", buffering=0) as out:
            if info.compress_type == zipfile.ZIP_STORED:
                _copy_range(self.file, out, self._data_offset(info), info.file_size)
                return
            with self.zip.open(info) as member:
                left = info.file_size
                while chunk := member.read(min(COPY_CHUNK, left + 1)):
                    left -= len(chunk)
                    if left < 0:  # more than it declared: refused, whatever the CRC says
                        raise ValueError(f"{info.filename} is longer than declared")
                    _write_all(out, chunk)

    def _data_offset(self, info: zipfile.ZipInfo) -> int:
        """Where a stored member's bytes start: after its local header (APPNOTE 4.3.7:
        30 bytes, then the name and the extra field, whose lengths are at 26 and 28)."""
        self.file.seek(info.header_offset)
        head = self.file.read(30)
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile(f"no local header for {info.filename}")
        name_len, extra_len = struct.unpack("<HH", head[26:30])
        return info.header_offset + 30 + name_len + extra_len


def _copy_range(src, out, offset: int, count: int) -> None:
    """Copy ``count`` bytes of ``src`` from ``offset`` into ``out``: in the kernel where it
    can (Linux copy_file_range), else through a buffer. Fewer bytes: the file is cut short."""
    in_fd, out_fd, done = src.fileno(), out.fileno(), 0  # out is unbuffered
    fast = hasattr(os, "copy_file_range")
    while done < count:
        want = min(count - done, 1 << 30)
        if fast:
            try:
                n = os.copy_file_range(in_fd, out_fd, want, offset + done)
            except OSError as e:
                if e.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                    raise
                fast = False
                continue
        else:
            src.seek(offset + done)
            chunk = src.read(min(want, COPY_CHUNK))
            _write_all(out, chunk)
            n = len(chunk)
        if n == 0:
            raise EOFError("the bundle ends before its last file does")
        done += n


def _flush(path: Path) -> None:
    """Write a file's data to disk (it may have been moved into the store meanwhile)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        log.debug("bundle: could not flush %s early", path)
    finally:
        os.close(fd)


def _write_all(out, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[out.write(view) :]


def _mb(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB"


def _short(e: BaseException) -> str:
    return str(e).splitlines()[0][:200] if str(e) else e.__class__.__name__
