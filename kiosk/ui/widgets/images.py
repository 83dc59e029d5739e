"""Loading pictures off the GUI thread.

Workers decode into ``QImage`` (scaled while reading, so a 3840-px rendition
bound for a 400-px tile is never decoded in full); the GUI thread turns the
result into a ``QPixmap``, keeps it in a small LRU cache and hands it to the
widgets that asked.  A widget that has gone away by then is simply skipped.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPixmap

log = logging.getLogger(__name__)

Key = tuple[str, int, int, bool]


class _Signals(QObject):
    done = Signal(object, QImage)  # key, image (null on failure)


class _Load(QRunnable):
    def __init__(self, key: Key, path: Path, size: QSize, signals: _Signals, cover: bool) -> None:
        super().__init__()
        self.key, self.path, self.size, self.signals = key, path, size, signals
        self.mode = (
            Qt.AspectRatioMode.KeepAspectRatioByExpanding
            if cover
            else Qt.AspectRatioMode.KeepAspectRatio
        )

    def run(self) -> None:
        reader = QImageReader(str(self.path))
        reader.setAutoTransform(True)
        full = reader.size()
        if full.isValid() and self.size.isValid():
            target = full.scaled(self.size, self.mode)
            if target.width() < full.width():  # never decode larger than the file
                reader.setScaledSize(target)
        image = reader.read()
        if image.isNull():
            log.warning("cannot show %s: %s", self.path, reader.errorString())
        self.signals.done.emit(self.key, image)


def load_image(path: Path, size: QSize | None = None) -> QImage:
    """Decode synchronously (for workers of other modules and for tests)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if size is not None and reader.size().isValid():
        reader.setScaledSize(reader.size().scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class ImageLoader(QObject):
    """``request(path, size, owner, callback)``: callback(QPixmap) on the GUI thread.

    The picture is scaled to fit ``size``, or with ``cover=True`` to cover it
    (for cropping into a tile).
    """

    def __init__(self, cache_bytes: int = 160 * 1024 * 1024, threads: int = 2) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(threads)
        self._signals = _Signals()
        self._signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._cache: OrderedDict[Key, QPixmap] = OrderedDict()
        self._cache_bytes = 0
        self._limit = cache_bytes
        self._waiting: dict[Key, list[tuple[QObject, Callable[[QPixmap], None]]]] = {}

    def request(
        self,
        path: Path | None,
        size: QSize,
        owner: QObject,
        callback: Callable[[QPixmap], None],
        *,
        cover: bool = False,
    ) -> None:
        if path is None:
            return
        key = (str(path), size.width(), size.height(), cover)
        pixmap = self._cache.get(key)
        if pixmap is not None:
            self._cache.move_to_end(key)
            callback(pixmap)
            return
        waiting = self._waiting.setdefault(key, [])
        waiting.append((owner, callback))
        if len(waiting) == 1:
            self._pool.start(_Load(key, path, size, self._signals, cover))

    @Slot(object, QImage)
    def _done(self, key: Key, image: QImage) -> None:
        waiting = self._waiting.pop(key, [])
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image)
        self._remember(key, pixmap)
        for owner, callback in waiting:
            if shiboken6.isValid(owner):
                callback(pixmap)

    def _remember(self, key: Key, pixmap: QPixmap) -> None:
        cost = pixmap.width() * pixmap.height() * 4
        self._cache[key] = pixmap
        self._cache_bytes += cost
        while self._cache_bytes > self._limit and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= old.width() * old.height() * 4

    def clear(self) -> None:
        self._cache.clear()
        self._cache_bytes = 0

    def wait(self) -> None:
        """Block until queued loads are decoded (tests, shutdown)."""
        self._pool.waitForDone()
