"""The handwriting pad on the search keyboard (kiosk/ui/search/handwriting.py)."""

from __future__ import annotations

HANDWRITING: dict[str, tuple[str, str]] = {
    "hand_toggle": ("手写", "Handwriting"),
    "hand_hint": ("在方格里写一个字", "Write one Chinese character here"),
    "hand_undo": ("退一笔", "Undo stroke"),
    "hand_rewrite": ("重写", "Rewrite"),
    "hand_candidates": ("写好后点选要找的字", "Then tap the character you meant"),
}
