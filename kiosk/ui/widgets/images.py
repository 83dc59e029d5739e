"""Loading pictures off the GUI thread: one loader, one thread pool, one cache, one budget.

Workers decode into ``QImage`` (scaled while reading, so a 3840-px rendition
bound for a 400-px card is never decoded in full).  The one rule for handing
results over: a worker emits a signal of the ``ImageLoader``, a ``QObject``
living in the GUI thread, connected queued, so the slot runs on the GUI
thread; only there is a ``QPixmap`` made, cached and handed out.

Screens ask with a callback (``request``); the deep-zoom view asks for tiles
and renditions with a priority and cancels what it no longer needs (``fetch``,
``keep_only``), and hears of every picture that arrives (``add_listener``).
Both draw from the same ``PictureCache``, whose budget is the
``[display] picture_cache_mb`` setting.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColorSpace, QImage, QImageReader, QPixmap

from kiosk.settings import auto_picture_cache_mb
from kiosk.ui.widgets.picture_cache import Picture, PictureCache

log = logging.getLogger(__name__)

#: Tag of a decode queued for later use: any other request for it takes it over.
PREFETCH = "prefetch"
#: Priority of a screen's picture (a card, a placeholder): small and wanted now, so after
#: a tile pyramid's one-tile top level but before the tiles of a zoomed view.
SCREEN_PRIORITY = 80
#: Natural sizes remembered (of files decoded scaled), most recent first.
NATURAL_SIZES = 256
_SRGB = QColorSpace(QColorSpace.NamedColorSpace.SRgb)


def decode(key: Picture) -> tuple[QImage, QSize]:
    """The picture ``key`` asks for (null if it cannot be shown), and the file's own size.

    An embedded colour profile is converted to sRGB; CMYK files (only ever
    originals, whose rendition stands in) are not shown.
    """
    reader = QImageReader(key.path)
    reader.setAutoTransform(True)
    natural = reader.size()
    if natural.isValid() and key.fit == "exact":
        if key.width > 0 and key.height > 0:
            reader.setScaledSize(QSize(key.width, key.height))
    elif natural.isValid():
        mode = (
            Qt.AspectRatioMode.KeepAspectRatioByExpanding
            if key.fit == "cover"
            else Qt.AspectRatioMode.KeepAspectRatio
        )
        target = natural.scaled(QSize(key.width, key.height), mode)
        if target.width() < natural.width():  # never decode larger than the file
            reader.setScaledSize(target)
    image = reader.read()
    if image.isNull():
        log.warning("cannot show %s: %s", key.path, reader.errorString())
        return image, natural
    if image.format() == QImage.Format.Format_CMYK8888:
        log.info("not showing the CMYK original %s: its rendition stands in", key.path)
        return QImage(), natural
    space = image.colorSpace()
    if space.isValid() and space != _SRGB:
        image.convertToColorSpace(_SRGB)
    # The formats a pixmap keeps as they are: converting here, in the worker, spares the GUI thread.
    wanted = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    if image.format() != wanted:
        image = image.convertToFormat(wanted)
    return image, natural


class _Decode(QRunnable):
    """One decode in the pool; its result goes back through the loader's queued signal."""

    def __init__(self, key: Picture, loader: ImageLoader) -> None:
        super().__init__()
        self.key = key
        self.loader: ImageLoader | None = loader  # dropped once told, so it can go
        self.cancelled = False  # set on the GUI thread, read here: a plain flag

    def run(self) -> None:
        image, natural = QImage(), QSize()
        if not self.cancelled:
            image, natural = decode(self.key)
        loader, self.loader = self.loader, None
        with contextlib.suppress(RuntimeError):  # the loader is gone: nobody wants it
            loader.decoded.emit(self, image, natural)


class ImageLoader(QObject):
    """Decodes pictures in a thread pool into one ``PictureCache`` of ``budget_bytes``.

    ``budget_bytes`` None: the automatic size of ``[display] picture_cache_mb``.
    """

    #: Emitted by workers (see the module docstring): job, image (null: failed), natural size.
    decoded = Signal(object, QImage, QSize)

    def __init__(self, budget_bytes: int | None = None, threads: int = 2) -> None:
        super().__init__()
        if budget_bytes is None:
            budget_bytes = auto_picture_cache_mb() * 1024 * 1024
        self.cache = PictureCache(budget_bytes)
        self._pool = QThreadPool()  # not a child: workers may finish after the loader is gone
        self._pool.setMaxThreadCount(threads)
        self.decoded.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._pending: dict[Picture, tuple[_Decode, Hashable]] = {}
        self._callbacks: dict[Picture, list[tuple[QObject, Callable[[QPixmap], None]]]] = {}
        self._listeners: list[tuple[weakref.WeakMethod, weakref.ref]] = []
        self._failed: set[Picture] = set()
        self._natural: OrderedDict[str, QSize] = OrderedDict()
        self.decoded_count = 0  # finished decodes (tests, benchmarks)

    # ---------------------------------------------------------------- screens
    def request(
        self,
        path: Path | None,
        size: QSize,
        owner: QObject,
        callback: Callable[[QPixmap], None],
        *,
        cover: bool = False,
    ) -> None:
        """``callback(pixmap)`` on the GUI thread, unless ``owner`` is gone by then.

        The picture is scaled to fit ``size``, or with ``cover=True`` to cover it
        (for cropping into a tile).  Nothing is called if it cannot be decoded.
        """
        if path is None:
            return
        key = Picture(str(path), size.width(), size.height(), "cover" if cover else "fit")
        pixmap = self.cache.get(key)
        if pixmap is not None:
            callback(pixmap)
            return
        self._callbacks.setdefault(key, []).append((owner, callback))
        self._queue(key, SCREEN_PRIORITY, None)

    # ---------------------------------------------------------------- the zoom view
    def add_listener(self, method: Callable[[Picture], None], owner: QObject) -> None:
        """Call the bound ``method`` with each key that is cached (or failed) while ``owner``
        (the widget it serves) lives; both are held weakly."""
        self._listeners.append((weakref.WeakMethod(method), weakref.ref(owner)))

    def fetch(self, key: Picture, priority: int = 0, tag: Hashable = PREFETCH) -> bool:
        """Queue ``key`` unless cached, queued or known to fail; True if queued now.

        Decodes of a ``tag`` not in ``keep_only(wanted, tag)`` are cancelled.
        """
        if key in self.cache or key in self._failed:
            return False
        return self._queue(key, priority, tag)

    def keep_only(self, wanted: Iterable[Picture], tag: Hashable) -> None:
        """Cancel queued decodes of ``tag`` that are not in ``wanted``."""
        keep = set(wanted)
        for key, (job, job_tag) in list(self._pending.items()):
            if job_tag == tag and key not in keep:
                job.cancelled = True
                del self._pending[key]

    def pending(self, key: Picture) -> bool:
        return key in self._pending

    def busy(self) -> bool:
        """True while decodes are queued or running."""
        return bool(self._pending)

    def has_failed(self, key: Picture) -> bool:
        return key in self._failed

    def natural_size(self, path: str) -> QSize | None:
        """The size of a file decoded scaled (e.g. a rendition fitted to the view), if known."""
        return self._natural.get(path)

    # ---------------------------------------------------------------- work
    def _queue(self, key: Picture, priority: int, tag: Hashable) -> bool:
        queued = self._pending.get(key)
        if queued is not None:
            if queued[1] == PREFETCH or tag is None:  # wanted now, or by a screen: keep it
                self._pending[key] = (queued[0], tag)
            return False
        job = _Decode(key, self)
        self._pending[key] = (job, tag)
        self._pool.start(job, priority)
        return True

    def _finish(self, job: _Decode, image: QImage, natural: QSize) -> None:
        key = job.key
        queued = self._pending.get(key)
        mine = queued is not None and queued[0] is job  # not a job cancelled and asked again
        if mine:
            del self._pending[key]
        if natural.isValid() and key.width > 0:
            self._natural[key.path] = natural
            self._natural.move_to_end(key.path)
            if len(self._natural) > NATURAL_SIZES:
                self._natural.popitem(last=False)
        waiting = self._callbacks.pop(key, []) if mine else []
        if image.isNull():
            if mine:  # a real failure, not a cancelled job
                self._failed.add(key)
                self._tell(key)
            return
        self.decoded_count += 1
        self._failed.discard(key)  # a screen asked again, and this time it could be read
        pixmap = QPixmap.fromImage(image)
        self.cache.put(key, pixmap, image.sizeInBytes())
        for owner, callback in waiting:
            if shiboken6.isValid(owner):
                callback(pixmap)
        self._tell(key)

    def _tell(self, key: Picture) -> None:
        alive = []
        for listener in self._listeners:
            method, owner = listener[0](), listener[1]()
            if method is not None and owner is not None and shiboken6.isValid(owner):
                alive.append(listener)
                method(key)
        self._listeners = alive

    def wait(self) -> None:
        """Block until queued decodes are done (shutdown); results come with the event loop."""
        self._pool.waitForDone()

    def deliver(self) -> None:
        """Block until queued decodes are done and hand their results over now (tests)."""
        self._pool.waitForDone()
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
