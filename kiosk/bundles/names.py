"""File names inside a bundle: which are safe to unpack on Linux and on Windows."""

from __future__ import annotations

import re
import unicodedata

from kiosk.strings import Text, text

MAX_PATH_CHARS = 1024
MAX_PART_CHARS = 255
MAX_DEPTH = 32

_DRIVE = re.compile(r"^[A-Za-z]:")
# Characters Windows refuses in a name, the backslash, and control characters.
_BAD_CHARS = re.compile(r'[<>:"|?*\\\x00-\x1f\x7f]')
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}


def path_problem(name: str) -> Text | None:
    """What makes ``name`` (a member of a bundle, ``/``-separated) unsafe, if anything."""
    if name.startswith(("/", "\\")):
        return text("hostile_absolute", name=name)
    if _DRIVE.match(name):
        return text("hostile_drive", name=name)
    parts = name.split("/")
    if ".." in parts or ".." in name.split("\\"):
        return text("hostile_parent", name=name)
    if (
        len(name) > MAX_PATH_CHARS
        or len(parts) > MAX_DEPTH
        or any(
            part in ("", ".")
            or len(part) > MAX_PART_CHARS
            or _BAD_CHARS.search(part)
            or part != part.rstrip(" .")
            or part.split(".")[0].lower() in _RESERVED
            for part in parts
        )
    ):
        return text("hostile_name", name=name)
    return None


def folded(name: str) -> str:
    """The form under which two names are the same file on a case-insensitive disk."""
    return unicodedata.normalize("NFC", name).casefold()
