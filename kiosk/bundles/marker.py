"""What makes a file a content bundle, told by its first bytes without opening it as one
(no cryptography loaded): a ZIP whose first member is the marker.  For the watch folder
and the USB stick, which only need to know whether to hand a file to the bundle import."""

from __future__ import annotations

from pathlib import Path

MARKER = "qingfeng-bundle"
MARKER_TEXT = b"Qingfeng Kiosk signed content bundle\n"


def is_bundle(path: Path) -> bool:
    """Whether ``path`` is a bundle, by its first bytes: a ZIP whose first member is the
    marker."""
    try:
        with open(path, "rb") as f:
            head = f.read(30 + len(MARKER))
    except OSError:
        return False
    return head[:4] == b"PK\x03\x04" and head[30:] == MARKER.encode("ascii")
