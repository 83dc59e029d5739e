"""The one picture loader: decodes off the GUI thread into one cache with one budget in bytes.

Real JPEG files are decoded by the real loader; the deep-zoom view's tiles come
from the catalogue ``test_zoom`` imports (made once per session).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QColor, QImage, QPixmap
from test_zoom import build_gallery_catalogue

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ui.gallery.zoom import ZoomView
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.widgets.picture_cache import Picture, PictureCache

from factories import make_image

#: 200×100 px decoded as 32-bit RGB.
PICTURE_BYTES = 200 * 100 * 4


@pytest.fixture
def pictures(tmp_path: Path) -> list[Path]:
    return [
        make_image(tmp_path / f"p{i}.jpg", (200, 100), color=(20 * i, 90, 160)) for i in range(8)
    ]


def load_all(loader: ImageLoader, paths: list[Path], owner: QObject) -> dict[str, QPixmap]:
    got: dict[str, QPixmap] = {}
    for path in paths:
        loader.request(path, QSize(400, 400), owner, lambda pm, p=path: got.__setitem__(p.name, pm))
        loader.deliver()
    return got


def test_cache_keeps_to_its_budget_dropping_the_least_recently_used(qtbot):
    cache = PictureCache(budget=3 * 1000)
    for i in range(5):
        cache.put(Picture(f"p{i}"), QPixmap(10, 10), 1000)
        assert cache.bytes <= cache.budget
    assert list(cache) == [Picture("p2"), Picture("p3"), Picture("p4")]
    assert cache.get(Picture("p2")) is not None  # used again: now the most recent
    cache.put(Picture("p5"), QPixmap(10, 10), 1000)
    assert list(cache) == [Picture("p4"), Picture("p2"), Picture("p5")]
    # The newest stays even when it alone is over the budget: it is the one on screen.
    cache.put(Picture("huge"), QPixmap(10, 10), 5000)
    assert list(cache) == [Picture("huge")] and cache.bytes == 5000


def test_loader_keeps_decoded_bytes_within_its_budget(qtbot, pictures):
    loader = ImageLoader(budget_bytes=3 * PICTURE_BYTES + 100)
    owner = QObject()
    got = load_all(loader, pictures[:3], owner)
    assert len(got) == 3 and loader.cache.bytes == 3 * PICTURE_BYTES
    assert all(pm.size() == QSize(200, 100) for pm in got.values())  # fitted, never enlarged
    # The first picture is used again (a cache hit, no decode), then two more arrive.
    before = loader.decoded_count
    load_all(loader, pictures[:1], owner)
    assert loader.decoded_count == before
    load_all(loader, pictures[3:5], owner)
    assert loader.cache.bytes <= loader.cache.budget
    kept = [Path(key.path).name for key in loader.cache]
    assert kept == ["p0.jpg", "p3.jpg", "p4.jpg"]  # p1 and p2 were the least recently used
    assert all(key.fit == "fit" for key in loader.cache)


def test_results_reach_the_gui_thread_and_only_living_owners(qtbot, pictures):
    loader = ImageLoader(budget_bytes=10 * PICTURE_BYTES)
    alive, gone = QObject(), QObject()
    threads: list[threading.Thread] = []
    called: list[str] = []
    loader.request(pictures[0], QSize(100, 100), alive, lambda _: threads.append(current()))
    loader.request(pictures[1], QSize(100, 100), gone, lambda _: called.append("gone"))
    shiboken6.delete(gone)  # e.g. a screen closed while its picture was decoding
    qtbot.waitUntil(lambda: bool(threads) and not loader.busy())
    assert threads == [threading.main_thread()]
    assert called == [] and Picture(str(pictures[1]), 100, 100, "fit") in loader.cache
    # A file that cannot be read calls nobody (and is logged).
    broken = pictures[2].with_name("broken.jpg")
    broken.write_bytes(b"not a picture")
    loader.request(broken, QSize(100, 100), alive, lambda _: called.append("broken"))
    loader.deliver()
    assert called == [] and not loader.busy()


def current() -> threading.Thread:
    return threading.current_thread()


@pytest.fixture(scope="session")
def gallery_data(tmp_path_factory):
    return build_gallery_catalogue(tmp_path_factory.getbasetemp() / "gallery-catalogue")


def test_tiles_and_screen_pictures_share_one_cache(qtbot, gallery_data, pictures):
    with Catalogue.open(gallery_data.catalogue, create=False) as catalogue:
        library = Library(catalogue, MediaStore.at(gallery_data))
        scroll = next(w for w in library.works(["calligraphy"]) if w.key == "scroll")
    loader = ImageLoader(budget_bytes=64 * 1024 * 1024)
    view = ZoomView(loader, background=QColor(0, 255, 0))
    view.resize(1200, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.set_work(scroll)
    while loader.busy():
        loader.deliver()
    tiles = {key for key in loader.cache if key.fit == "exact"}
    assert {view.tile_key(*t) for t in view.wanted_tiles()} <= tiles
    # A screen's pictures land in the same cache, under the same budget.
    load_all(loader, pictures[:2], view)
    assert {key.fit for key in loader.cache} == {"exact", "fit"}
    tile_bytes = sum(_cost(loader, key) for key in tiles)
    assert loader.cache.bytes == tile_bytes + 2 * PICTURE_BYTES
    # Shrink the budget to what the screen's pictures need: the tiles, older, go first.
    loader.cache.budget = 2 * PICTURE_BYTES
    load_all(loader, pictures[2:4], view)
    assert [key.fit for key in loader.cache] == ["fit", "fit"]
    assert loader.cache.bytes <= loader.cache.budget


def _cost(loader: ImageLoader, key: Picture) -> int:
    pixmap = loader.cache.peek(key)
    assert pixmap is not None
    return QImage(pixmap.toImage()).sizeInBytes()


def test_the_view_cancels_only_its_own_stale_decodes(qtbot, gallery_data, pictures):
    with Catalogue.open(gallery_data.catalogue, create=False) as catalogue:
        library = Library(catalogue, MediaStore.at(gallery_data))
        scroll = next(w for w in library.works(["calligraphy"]) if w.key == "scroll")
    loader = ImageLoader(budget_bytes=64 * 1024 * 1024)
    view = ZoomView(loader)
    view.resize(1200, 600)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.set_work(scroll)
    view.zoom_to(1.0)  # a screenful of full-detail tiles queued behind the coarse ones
    tiles = [view.tile_key(*t) for t in view.wanted_tiles()]
    got: list[QPixmap] = []
    loader.request(pictures[0], QSize(100, 100), view, got.append)
    view.set_work(None)  # closed: its queued tiles are dropped, the screen's picture is not
    assert not any(loader.pending(key) for key in tiles)
    assert loader.pending(Picture(str(pictures[0]), 100, 100, "fit"))
    loader.deliver()
    assert len(got) == 1 and not loader.busy()


class _Listener(QObject):
    """A plain QObject owner whose listener is a method of another Python object (as the
    zoom view's sources are)."""


def test_a_listener_is_not_called_once_its_widget_is_deleted(qtbot, pictures):
    from PySide6.QtCore import QCoreApplication, QEvent

    heard: list[Picture] = []

    class Sources:
        def on_loaded(self, key: Picture) -> None:
            heard.append(key)

    loader, sources = ImageLoader(10 * PICTURE_BYTES), Sources()
    living, doomed = _Listener(), _Listener()
    loader.add_listener(sources.on_loaded, living)
    loader.add_listener(sources.on_loaded, doomed)
    doomed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(doomed)
    loader.fetch(Picture(str(pictures[0])))
    loader.deliver()
    # Heard once (for the living owner); the deleted one's listener is dropped, not called.
    assert heard == [Picture(str(pictures[0]))]
