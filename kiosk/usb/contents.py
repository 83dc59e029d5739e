"""What a stick holds, as the import will see it: files by the kind their folder names,
sheets, subtitles and content bundles, counted for the operator before they confirm.

The folders and files are understood by the importer's own ``Sources``; what is left out
is the stick's housekeeping (the recycle bin, ``System Volume Information``, hidden files)
and the records this kiosk exported to it.  Content bundles are read at the top of the
stick; each goes to the import as a source of its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.ingest.sources import IGNORED_NAMES, SUBTITLE_SUFFIXES, Sources
from kiosk.usb.export import is_records_folder

BUNDLE_SUFFIX = ".bundle"
# What Windows, macOS and Android keep on a stick (the recycle bin holds deleted files).
HOUSEKEEPING = {
    "system volume information",
    "$recycle.bin",
    "recycler",
    "recycled",
    "lost.dir",
    "found.000",
    "android",
    "autorun.inf",
}


@dataclass
class StickContents:
    """What ``read_stick`` found; ``sources`` is what the import is given, in order."""

    root: Path
    sources: list[Path] = field(default_factory=list)
    by_kind: Counter[str] = field(default_factory=Counter)  # files in a folder named a kind
    unsorted: int = 0  # files in no such folder: their content makes them a film or a photo
    subtitles: int = 0
    sheets: list[str] = field(default_factory=list)  # as named on the stick
    bundles: list[str] = field(default_factory=list)
    total_bytes: int = 0

    @property
    def files(self) -> int:
        return sum(self.by_kind.values()) + self.unsorted + self.subtitles

    @property
    def empty(self) -> bool:
        return not (self.files or self.sheets or self.bundles)


def _skipped(entry: Path) -> bool:
    name = entry.name
    return (
        name.startswith((".", "~$"))
        or name.lower() in HOUSEKEEPING | IGNORED_NAMES
        or (entry.is_dir() and is_records_folder(name))
    )


def read_stick(root: Path) -> StickContents:
    """Read the folders of the stick at ``root`` (an ``OSError`` when it is pulled out)."""
    found = StickContents(root)
    entries = sorted(e for e in root.iterdir() if not _skipped(e))
    bundles = [e for e in entries if e.is_file() and e.suffix.lower() == BUNDLE_SUFFIX]
    found.sources = [e for e in entries if e not in bundles] + bundles
    found.bundles = [b.name for b in bundles]
    sources = Sources(found.sources[: len(found.sources) - len(bundles)])
    found.sheets = [sources.where(p) for p in sources.sheets]
    for path in sources.loose:
        if path.suffix.lower() in SUBTITLE_SUFFIXES:
            found.subtitles += 1
        elif kind := sources.kind_from_folder(path):
            found.by_kind[kind] += 1
        else:
            found.unsorted += 1
    for path in [*sources.sheets, *sources.loose, *bundles]:
        try:
            found.total_bytes += path.stat().st_size
        except OSError:
            continue  # gone since the walk: the import will say so
    return found
