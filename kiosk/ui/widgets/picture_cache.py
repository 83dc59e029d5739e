"""Decoded pictures kept for reuse: what was asked for, and one LRU cache bounded in bytes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import NamedTuple

from PySide6.QtGui import QPixmap


class Picture(NamedTuple):
    """One decode of one file: the cache's key.

    ``fit`` says how ``width`` × ``height`` is used: ``"exact"`` decodes at that
    size (0 × 0: the file's own size); ``"fit"`` scales the picture to fit inside
    it and ``"cover"`` to cover it, keeping its aspect ratio and never enlarging it.
    """

    path: str
    width: int = 0
    height: int = 0
    fit: str = "exact"


class PictureCache:
    """Pixmaps by ``Picture``, least recently used dropped first once over ``budget`` bytes.

    A pixmap costs the bytes of the decoded image it was made from
    (``QImage.sizeInBytes()``).  The newest picture stays even when it alone
    is over the budget: it is the one on screen.
    """

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict[Picture, tuple[QPixmap, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Picture) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[Picture]:
        """The keys, least recently used first."""
        return iter(list(self._items))

    def get(self, key: Picture) -> QPixmap | None:
        """The pixmap, now the most recently used."""
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def peek(self, key: Picture) -> QPixmap | None:
        """The pixmap, leaving the order alone (for stand-ins drawn while others load)."""
        item = self._items.get(key)
        return item[0] if item is not None else None

    def put(self, key: Picture, pixmap: QPixmap, cost: int) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        self._items[key] = (pixmap, cost)
        self.bytes += cost
        while self.bytes > self.budget and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0
