"""The deep-zoom view on a real catalogue: fit, wheel and pinch zoom, tiles, panning, flings.

The catalogue is made once per session by the real importer from real JPEGs,
among them a 20000×1600 handscroll (32 MP: above the importer's tile
threshold, so it gets a real tile pyramid) and a 6000×3000 scan (below it: a
display rendition plus the original).  Pictures are painted in bands of
known colours so a grab of the view shows whether the right pixels landed.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library, Work
from kiosk.ingest.images import TILES_MIN_PIXELS
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths
from kiosk.ui.gallery.pyramid import level_for, tile_rect, tiles_in
from kiosk.ui.gallery.zoom import ZoomView
from kiosk.ui.gallery.zoom_motion import FLING_TAU_S
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.widgets.picture_cache import Picture

from factories import make_image

SCROLL = (20000, 1600)  # 32 MP, 12.5:1: its display rendition is smaller, so it gets tiles
BIG = (6000, 3000)
#: Colours of the handscroll's four vertical bands, left to right.
BANDS = [(180, 40, 30), (40, 120, 60), (30, 60, 160), (200, 170, 40)]
SHEET_COLUMNS = [
    "key",
    "kind",
    "file",
    "title_zh",
    "title_en",
    "era_zh",
    "era_en",
    "author_zh",
    "author_en",
    "source_zh",
    "source_en",
    "body_zh",
    "body_en",
    "year",
]


def _banded(path: Path, size: tuple[int, int], colours: list[tuple[int, int, int]]) -> Path:
    """A JPEG in vertical bands of ``colours`` with a black square at the top-left corner."""
    w, h = size
    im = Image.new("RGB", size, colours[0])
    draw = ImageDraw.Draw(im)
    for i, colour in enumerate(colours):
        draw.rectangle((i * w // len(colours), 0, (i + 1) * w // len(colours) - 1, h - 1), colour)
    draw.rectangle((0, 0, h // 4, h // 4), (0, 0, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "JPEG", quality=80)
    return path


def build_gallery_catalogue(base: Path) -> Paths:
    """A data directory with calligraphy, posters and a photo, imported for real (once)."""
    paths = Paths(base / "data")
    if paths.catalogue.exists():
        return paths
    src = base / "source"
    assert SCROLL[0] * SCROLL[1] >= TILES_MIN_PIXELS
    _banded(src / "scroll.jpg", SCROLL, BANDS)
    _banded(src / "big.jpg", BIG, [(90, 90, 90), (150, 150, 150)])
    make_image(src / "four-knows.jpg", (1200, 800), color=(235, 225, 200))
    make_image(src / "family.jpg", (600, 900), color=(220, 210, 190))
    make_image(src / "poster-a.jpg", (900, 1200), color=(160, 30, 30))
    make_image(src / "poster-b.png", (1200, 900), color=(30, 60, 120))
    make_image(src / "photo.jpg", (800, 600), color=(90, 110, 90))
    rows = [
        dict(
            key="scroll",
            kind="calligraphy",
            file="scroll.jpg",
            title_zh="爱莲说（手卷）",
            title_en="On the Love of the Lotus (handscroll)",
            era_zh="北宋",
            era_en="Northern Song",
            author_zh="周敦颐",
            author_en="Zhou Dunyi",
            source_zh="周敦颐《爱莲说》",
            source_en="Zhou Dunyi, On the Love of the Lotus",
            body_zh="水陆草木之花，可爱者甚蕃。",
            body_en="Of the flowers of plants and trees, very many are lovable.",
            year="1063",
        ),
        dict(
            key="four-knows",
            kind="calligraphy",
            file="four-knows.jpg",
            title_zh="四知",
            title_en="The Four Knows",
            era_zh="东汉",
            era_en="Eastern Han",
            body_zh="天知，神知，我知，子知。",
            body_en="Heaven knows, the spirits know, I know, you know.",
            source_zh="《后汉书·杨震列传》",
            source_en="Book of the Later Han",
        ),
        dict(
            key="big",
            kind="calligraphy",
            file="big.jpg",
            title_zh="正气歌",
            title_en="Song of the Righteous Spirit",
            era_zh="南宋",
            era_en="Southern Song",
            year="1281",
        ),
        dict(
            key="family",
            kind="calligraphy",
            file="family.jpg",
            title_zh="包拯家训",
            title_en="Bao Zheng's Family Instruction",
        ),
        dict(key="poster-a", kind="poster", file="poster-a.jpg", title_zh="清白", title_en="Clean"),
        dict(key="poster-b", kind="poster", file="poster-b.png", title_zh="俭以养德"),
        dict(key="photo", kind="photo", file="photo.jpg", title_zh="展厅", title_en="The hall"),
    ]
    with open(src / "works.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, SHEET_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    with Catalogue.open(paths.catalogue) as catalogue:
        report = Importer(catalogue, MediaStore.at(paths)).run([src])
    assert report.rejected == [], report.rejected
    return paths


@pytest.fixture(scope="session")
def gallery_data(tmp_path_factory) -> Paths:
    return build_gallery_catalogue(tmp_path_factory.getbasetemp() / "gallery-catalogue")


@pytest.fixture
def library(gallery_data, tmp_path):
    """The shared media with a private copy of the catalogue file (records stay per test)."""
    copy = tmp_path / "catalogue.sqlite"
    shutil.copy(gallery_data.catalogue, copy)
    with Catalogue.open(copy) as catalogue:
        yield Library(catalogue, MediaStore.at(gallery_data))


def work(library: Library, key: str) -> Work:
    return next(w for w in library.works(["calligraphy", "poster", "photo"]) if w.key == key)


@pytest.fixture
def view(qtbot):
    loader = ImageLoader(192 * 1024 * 1024)
    zoom = ZoomView(loader, background=QColor(0, 255, 0))  # green: a hole would show
    zoom.resize(1200, 600)
    qtbot.addWidget(zoom)
    zoom.show()
    qtbot.waitExposed(zoom)
    yield zoom
    loader.wait()


def settle(view: ZoomView, qtbot) -> None:
    """Let queued decodes finish and their results reach the view (which may ask for more)."""
    for _ in range(5):
        view.loader.deliver()
        if not view.loader.busy():
            break
    assert not view.loader.busy()
    view.repaint()


def wheel(view: ZoomView, at: QPointF, notches: int = 1) -> None:
    event = QWheelEvent(
        at,
        view.mapToGlobal(at),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def grab_colour(view: ZoomView, x: int, y: int) -> QColor:
    return view.grab().toImage().pixelColor(x, y)


def close(c: QColor, rgb: tuple[int, int, int], tol: int = 24) -> bool:
    return all(abs(a - b) <= tol for a, b in zip((c.red(), c.green(), c.blue()), rgb, strict=True))


# --------------------------------------------------------------------------- geometry


def test_level_and_tile_geometry(library):
    spec = work(library, "scroll").tiles
    assert spec is not None and (spec.width, spec.height) == SCROLL
    assert level_for(1.0, spec.levels) == 0
    assert level_for(2.0, spec.levels) == 0
    assert level_for(0.5, spec.levels) == 1
    assert level_for(0.49, spec.levels) == 1
    assert level_for(0.26, spec.levels) == 1
    assert level_for(0.25, spec.levels) == 2
    assert level_for(1e-6, spec.levels) == spec.levels - 1
    # Tiles of a level cover the work exactly, the last column and row clipped.
    last = tile_rect(spec, 0, 39, 3)
    assert last.right() == SCROLL[0] and last.bottom() == SCROLL[1]
    assert tiles_in(spec, 0, QRectF(0, 0, 512, 512)) == [(0, 0)]
    assert tiles_in(spec, 0, QRectF(500, 500, 20, 20)) == [(0, 0), (1, 0), (0, 1), (1, 1)]
    assert tiles_in(spec, 3, QRectF(0, 0, *SCROLL)) == [(c, 0) for c in range(5)]


# --------------------------------------------------------------------------- fit and tiles


def test_opens_fitted_and_asks_only_for_the_fit_level(view, library, qtbot):
    scroll = work(library, "scroll")
    view.set_work(scroll)
    fit = min(1200 / SCROLL[0], 600 / SCROLL[1])
    assert view.scale() == pytest.approx(fit)
    assert view.is_fitted()
    assert view.visible_rect() == QRectF(0, 0, *SCROLL)
    shown = view.image_rect()
    assert shown.width() == pytest.approx(1200) and shown.center().y() == pytest.approx(300)
    spec = scroll.tiles
    level = level_for(fit, spec.levels)
    assert level == 4  # 1/16: 1250×100 px, three tiles
    assert set(view.requested) == {(spec.levels - 1, 0, 0)} | {(4, c, 0) for c in range(3)}
    settle(view, qtbot)
    # The bands come out where they are in the scan (left band red, right band yellow).
    assert close(grab_colour(view, 1200 * 1 // 8, 300), BANDS[0])
    assert close(grab_colour(view, 1200 * 7 // 8, 300), BANDS[3])


def test_wheel_zooms_to_full_detail_asking_only_for_visible_tiles(view, library, qtbot):
    scroll = work(library, "scroll")
    spec = scroll.tiles
    view.set_work(scroll)
    settle(view, qtbot)
    anchor = QPointF(900, 300)
    under = view.to_image(anchor)
    last = view.scale()
    steps = 0
    while view.scale() < 1.0:
        before = len(view.requested)
        wheel(view, anchor, notches=2)
        steps += 1
        assert view.scale() > last
        last = view.scale()
        # The point under the cursor stays under it.
        assert view.to_image(anchor).x() == pytest.approx(under.x(), abs=1.0)
        level = level_for(view.scale(), spec.levels)
        visible = view.visible_rect()
        for lv, c, r in list(view.requested)[before:]:
            if lv == spec.levels - 1:
                continue  # the one-tile base
            assert lv == level
            assert tile_rect(spec, lv, c, r).intersects(visible)
    assert steps < 40
    view.zoom_to(1.0, anchor)  # exactly full detail: one image px per screen px
    settle(view, qtbot)
    visible = view.visible_rect()
    assert visible.width() == pytest.approx(1200) and visible.height() == pytest.approx(600)
    wanted = {(0, c, r) for c, r in tiles_in(spec, 0, visible)}
    assert set(view.wanted_tiles()) == wanted
    cached = {k for k in wanted if view.tile_key(*k) in view.loader.cache}
    assert cached == wanted
    # Deeper than full detail is allowed up to ×2, no further.
    for _ in range(20):
        wheel(view, anchor, notches=3)
    assert view.scale() == pytest.approx(view.max_scale()) == pytest.approx(2.0)


class TouchSpy(QObject):
    """Where the view really got the touch points (window mapping may shift them a little)."""

    def __init__(self) -> None:
        super().__init__()
        self.mids: list[QPointF] = []

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate):
            points = [p.position() for p in event.points()]
            if len(points) == 2:
                self.mids.append((points[0] + points[1]) / 2)
        return False


def test_pinch_zooms_around_the_fingers(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    settle(view, qtbot)
    spy = TouchSpy()
    view.installEventFilter(spy)
    device = QTest.createTouchDevice()
    start = view.scale()
    QTest.touchEvent(view, device).press(0, QPoint(500, 300)).press(1, QPoint(700, 300)).commit()
    under = view.to_image(spy.mids[0])
    QTest.touchEvent(view, device).move(0, QPoint(400, 300)).move(1, QPoint(800, 300)).commit()
    assert view.scale() == pytest.approx(start * 2, rel=0.01)
    QTest.touchEvent(view, device).move(0, QPoint(200, 300)).move(1, QPoint(1000, 300)).commit()
    assert view.scale() == pytest.approx(start * 4, rel=0.01)
    # The point of the work between the fingers stays between them.
    assert view.to_image(spy.mids[-1]).x() == pytest.approx(under.x(), abs=1)
    QTest.touchEvent(view, device).release(0, QPoint(200, 300)).release(1, QPoint(1000, 300))
    QTest.touchEvent(view, device).commit()
    view.removeEventFilter(spy)
    assert not view.is_fitted()
    # A pinch is not a tap: nothing toggles afterwards.
    with qtbot.assertNotEmitted(view.tapped, wait=450):
        pass


def test_one_finger_drags_when_zoomed(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    view.zoom_to(0.5)
    device = QTest.createTouchDevice()
    before = view.center()
    QTest.touchEvent(view, device).press(0, QPoint(600, 300)).commit()
    for x in range(590, 400, -10):
        QTest.touchEvent(view, device).move(0, QPoint(x, 300)).commit()
    QTest.touchEvent(view, device).release(0, QPoint(400, 300)).commit()
    view.motion.stop()  # whatever fling followed, the drag itself moved the work by 200 px
    assert view.center().x() >= before.x() + 200 / 0.5 - 1


def test_panning_clamps_at_the_edges(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    view.zoom_to(1.0, QPointF(600, 300))
    assert not view.pan_by(0, 0)
    view.pan_by(10**7, 10**7)  # far past the top-left
    assert view.visible_rect().topLeft() == QPointF(0, 0)
    assert not view.pan_by(50, 50)  # already at the edge: nothing moves
    view.pan_by(-(10**7), -(10**7))
    r = view.visible_rect()
    assert r.right() == pytest.approx(SCROLL[0]) and r.bottom() == pytest.approx(SCROLL[1])
    # With the mouse: a drag to the right at the left edge cannot uncover anything.
    view.pan_by(10**7, 0)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    for x in range(320, 900, 20):
        QTest.mouseMove(view, QPoint(x, 300))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 300))
    assert view.visible_rect().left() == 0
    assert grab_colour(view, 5, 300) != QColor(0, 255, 0)


def test_fling_decelerates_and_stops(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    view.zoom_to(1.0, QPointF(0, 300))
    start = view.center().x()
    view.motion.fling(QPointF(-3000, 0))  # 3000 px/s to the left: the view travels right
    assert view.is_moving()
    qtbot.waitUntil(lambda: not view.is_moving(), timeout=3000)
    # Exponential slow-down: it travels v·τ at most, and most of that before it stops.
    travelled = view.center().x() - start
    assert 0.7 * 3000 * FLING_TAU_S < travelled <= 3000 * FLING_TAU_S + 1


def test_quick_mouse_drag_flings(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    view.zoom_to(1.0, QPointF(600, 300))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 300))
    for x in (860, 800, 720):
        QTest.mouseMove(view, QPoint(x, 300))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(700, 300))
    assert view.is_moving()
    qtbot.waitUntil(lambda: not view.is_moving(), timeout=3000)


def test_no_holes_while_sharper_tiles_load(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    settle(view, qtbot)
    view.zoom_to(1.0, QPointF(600, 300))  # level-0 tiles are queued, not decoded yet
    image = view.grab().toImage()
    green = QColor(0, 255, 0)
    holes = sum(
        image.pixelColor(x, y) == green for x in range(0, 1200, 25) for y in range(0, 600, 25)
    )
    assert holes == 0
    settle(view, qtbot)
    assert not view.loader.busy()


def test_double_tap_zooms_in_twice_and_back_to_fit(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    fit = view.scale()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.waitUntil(lambda: not view.is_moving())
    assert view.scale() == pytest.approx(fit * 2)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.waitUntil(lambda: not view.is_moving())
    assert view.is_fitted()


def test_single_tap_is_reported_once_the_double_tap_time_is_over(view, library, qtbot):
    view.set_work(work(library, "four-knows"))
    with qtbot.waitSignal(view.tapped, timeout=2000) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(400, 200))
    assert blocker.args[0] == QPointF(400, 200)
    assert view.is_fitted()


def test_reset_returns_to_fit(view, library, qtbot):
    view.set_work(work(library, "scroll"))
    view.zoom_to(1.5, QPointF(100, 100))
    view.pan_by(-300, 0)
    view.reset()
    assert view.is_fitted() and view.visible_rect() == QRectF(0, 0, *SCROLL)


# --------------------------------------------------------------------------- without tiles


def test_scan_without_tiles_uses_fit_size_then_rendition_then_original(view, library, qtbot):
    big = work(library, "big")
    assert big.tiles is None and (big.width, big.height) == BIG
    view.set_work(big)
    settle(view, qtbot)
    fit_key = view.sources.fit_key
    assert fit_key is not None and fit_key[0] == str(big.display)
    assert (fit_key.width, fit_key.height) == (1200, 600)
    assert fit_key in view.loader.cache
    view.zoom_to(0.5, QPointF(600, 300))  # beyond fit: the whole display rendition (3840 px)
    settle(view, qtbot)
    assert Picture(str(big.display)) in view.loader.cache
    view.zoom_to(1.0, QPointF(600, 300))  # beyond the rendition: the original itself
    settle(view, qtbot)
    original = Picture(str(big.original))
    assert original in view.loader.cache
    assert view.loader.cache.peek(original).width() == BIG[0]
    assert view.sources.whole_to_load().key == original
    # Left half dark grey, right half light grey: the original's pixels are on screen.
    view.center_on(QPointF(BIG[0] * 0.75, BIG[1] / 2))
    assert close(grab_colour(view, 600, 300), (150, 150, 150))


def test_small_work_has_no_deeper_source_than_its_rendition(view, library, qtbot):
    small = work(library, "four-knows")
    view.set_work(small)
    view.zoom_to(2.0)
    settle(view, qtbot)
    keys = [w.key.path for w in view.sources.wholes]
    assert str(small.original) not in keys  # the rendition already has every pixel


# --------------------------------------------------------------------------- swipe


def test_drag_at_fit_asks_for_the_next_work(view, library, qtbot):
    view.set_work(work(library, "four-knows"))
    with qtbot.waitSignal(view.swipeRequested) as blocker:
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 300))
        for x in range(880, 400, -40):
            QTest.mouseMove(view, QPoint(x, 300))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert blocker.args == [1]
    view.has_prev = False
    with qtbot.assertNotEmitted(view.swipeRequested):
        qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
        for x in range(320, 900, 40):
            QTest.mouseMove(view, QPoint(x, 300))
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(900, 300))
    qtbot.waitUntil(lambda: not view.is_moving())
    assert view.swipe_dx == 0


def test_slide_to_the_next_work_takes_a_quarter_second(view, library, qtbot):
    view.set_work(work(library, "four-knows"))
    view.slide_to(work(library, "family"), +1)
    assert view.work.key == "family" and view.is_moving()
    qtbot.waitUntil(lambda: not view.is_moving(), timeout=1000)
    assert view.swipe_dx == 0 and view.is_fitted()


def test_zooming_and_panning_keep_references_to_true(view, library, qtbot):
    """PySide6 6.12.0 lost a reference to True on every Python-side Signal.emit.

    The loader emits once per decoded tile: with such a binding a long visit
    would end in a crash (bool_dealloc).  pyproject.toml excludes that release;
    this catches another like it where it would hurt.
    """
    view.set_work(work(library, "scroll"))
    settle(view, qtbot)
    before = sys.getrefcount(True)
    for _ in range(60):
        view.zoom_by(1.05, QPointF(600, 300))
        view.pan_by(-7, 0)
        view.repaint()
    settle(view, qtbot)
    assert sys.getrefcount(True) >= before - 5
    assert view.loader.decoded_count > 10
