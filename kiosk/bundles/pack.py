"""``kiosk bundle``: the sources packed with their manifest and its signature.

The files are what ``kiosk import`` would find in the sources, each under its name as
the operator knows it (the folder given, then the path inside it), so that importing the
unpacked bundle is importing the sources. Each file is read once, in chunks: hashed and
written together. The bundle appears under its name only complete.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from kiosk.bundles.archive import CONTENT, COPY_CHUNK, MANIFEST, SIGNATURE
from kiosk.bundles.keys import FORMAT as KEY_FORMAT
from kiosk.bundles.keys import SECRET, SECRET_SUFFIX, SecretKey
from kiosk.bundles.manifest import FileEntry, Manifest
from kiosk.bundles.marker import MARKER, MARKER_TEXT
from kiosk.bundles.names import folded, path_problem
from kiosk.ingest.sources import Sources
from kiosk.strings import Refused

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


def make_bundle(
    sources: Sequence[Path],
    secret: SecretKey,
    out: Path,
    *,
    full: bool = False,
    version: int | None = None,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Manifest:
    """Write the bundle of ``sources`` signed with ``secret`` to ``out``; its manifest."""
    progress = progress or (lambda done, total, label: None)
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    found = Sources(sources)
    if found.missing:
        raise Refused("no_such_source", path=found.missing[0])
    files = _files(found, out)
    entries: list[FileEntry] = []
    part = out.with_name(f".{out.name}.part")
    stamp = created.timetuple()[:6]
    try:
        with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            zf.writestr(_info(MARKER, stamp), MARKER_TEXT)
            for n, (name, path) in enumerate(files, start=1):
                progress(n - 1, len(files), name)
                entries.append(_add(zf, name, path, stamp))
            progress(len(files), len(files), "")
            manifest = Manifest(
                key_id=secret.public.key_id,
                version=version if version is not None else Manifest.default_version(created),
                created=created.isoformat(),
                full=full,
                sources=tuple(dict.fromkeys(name.split("/")[0] for name, _ in files)),
                files=tuple(entries),
            )
            signed = manifest.to_bytes()
            zf.writestr(_info(MANIFEST, stamp, deflate=True), signed)
            signature = {"key_id": secret.public.key_id, "signature": secret.sign(signed).hex()}
            zf.writestr(_info(SIGNATURE, stamp), json.dumps(signature, indent=1))
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, out)
    finally:
        part.unlink(missing_ok=True)
    return manifest


def _files(found: Sources, out: Path) -> list[tuple[str, Path]]:
    """(name in the bundle, file) for every file the sources hold, checked: a name that
    could not be unpacked everywhere, two names for one file on a case-insensitive disk,
    or a secret key among them is refused."""
    skip = {out.resolve(), out.with_name(f".{out.name}.part").resolve()}
    files: list[tuple[str, Path]] = []
    seen: dict[str, str] = {}
    for path in sorted({*found.sheets, *found.loose}):
        if path in skip:
            continue
        name = found.where(path)
        problem = path_problem(name)
        if problem is not None:
            raise Refused("bundle_source_unsafe", why=problem)
        if folded(name) in seen:
            raise Refused("bundle_source_twice", name=name, other=seen[folded(name)])
        seen[folded(name)] = name
        if _is_secret_key(path):
            raise Refused("bundle_secret_key_in_sources", name=name)
        files.append((name, path))
    if not files:
        raise Refused("bundle_nothing")
    return files


def _is_secret_key(path: Path) -> bool:
    if path.suffix.lower() == SECRET_SUFFIX:
        return True
    try:
        if path.stat().st_size > 4096:
            return False
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return (
        isinstance(data, dict) and data.get("format") == KEY_FORMAT and data.get("type") == SECRET
    )


def _info(name: str, stamp: tuple[int, ...], *, deflate: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _add(zf: zipfile.ZipFile, name: str, path: Path, stamp: tuple[int, ...]) -> FileEntry:
    # Stored as they are: media are compressed already, a stored file is copied out of the
    # bundle without passing through Python, and nothing of ours looks like a zip bomb.
    info = _info(CONTENT + name, stamp)
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as src, zf.open(info, "w", force_zip64=True) as dest:
        while chunk := src.read(COPY_CHUNK):
            h.update(chunk)
            dest.write(chunk)
            size += len(chunk)
    log.debug("bundle: packed %s (%d bytes)", name, size)
    return FileEntry(name, size, h.hexdigest())
