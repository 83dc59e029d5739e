"""A copied DVD (a ``VIDEO_TS`` folder) as one film: its main title set, menus ignored.

A DVD keeps a film as one MPEG-2 program stream cut into files of at most 1 GB,
``VTS_nn_1.VOB`` … ``VTS_nn_9.VOB`` (title set ``nn``); ``VIDEO_TS.VOB`` and
``VTS_nn_0.VOB`` are menus, ``.IFO``/``.BUP`` navigation. The parts are pieces of one
stream, so joined byte for byte they are the whole film: the import stores them joined,
and playback needs nothing special. The main title set is the one with the most bytes.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog.files import CHUNK
from kiosk.ingest.errors import RejectedFile
from kiosk.ingest.rows import kind_named

FOLDER_NAME = "video_ts"
#: What the joined film is stored as (VLC and FFmpeg know a program stream by its content;
#: the suffix only helps a person looking at the store).
SUFFIX = ".vob"
_TITLE_PART = re.compile(r"^vts_(\d\d)_([1-9])\.vob$", re.IGNORECASE)


@dataclass(frozen=True)
class TitleSet:
    number: int
    parts: tuple[Path, ...]  # VTS_nn_1.VOB, VTS_nn_2.VOB, … in order

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.parts)


def is_dvd_folder(path: Path) -> bool:
    return path.name.casefold() == FOLDER_NAME and path.is_dir()


def title_sets(folder: Path) -> list[TitleSet]:
    """The title sets in ``folder`` with their parts, by number."""
    found: dict[int, list[tuple[int, Path]]] = {}
    for path in folder.iterdir():
        match = _TITLE_PART.match(path.name)
        if match and path.is_file():
            found.setdefault(int(match.group(1)), []).append((int(match.group(2)), path))
    return [
        TitleSet(number, tuple(p for _, p in sorted(parts)))
        for number, parts in sorted(found.items())
    ]


def main_title(folder: Path) -> tuple[TitleSet, int]:
    """The title set with the most bytes (the film), and how many sets there are."""
    sets = title_sets(folder)
    if not sets:
        raise RejectedFile("dvd_no_title")
    sizes = {t.number: t.size for t in sets}
    if sum(sizes.values()) == 0:
        raise RejectedFile("file_empty")
    return max(sets, key=lambda t: (sizes[t.number], -t.number)), len(sets)


def sha256_joined(parts: tuple[Path, ...]) -> str:
    """The SHA-256 of the parts joined, without writing them joined."""
    h = hashlib.sha256()
    for part in parts:
        with open(part, "rb") as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
    return h.hexdigest()


def join(parts: tuple[Path, ...], dest: Path) -> Path:
    """Write the parts one after another into ``dest``."""
    with open(dest, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:
                shutil.copyfileobj(f, out, CHUNK)
    return dest


def film_name(folder: Path) -> str:
    """What to call the film of a DVD folder: the folder it was copied into (the disc's
    name), unless that folder only says what kind of things it holds."""
    parent = folder.parent.name
    return parent if parent and kind_named(parent) is None else folder.name
