"""The gallery screen on a real catalogue: grid, opening works, swiping, back, text, records.

The catalogue is the one ``test_zoom`` builds with the real importer (made
once per session); the navigator is a tiny recorder of go/back/home.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScroller
from test_zoom import build_gallery_catalogue

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui.gallery.screen import GalleryScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav

CALLIGRAPHY = ["scroll", "four-knows", "big", "family"]


@pytest.fixture(scope="session")
def gallery_data(tmp_path_factory):
    return build_gallery_catalogue(tmp_path_factory.getbasetemp() / "gallery-catalogue")


@pytest.fixture
def catalogue(gallery_data, tmp_path):
    copy = tmp_path / "catalogue.sqlite"
    shutil.copy(gallery_data.catalogue, copy)
    with Catalogue.open(copy) as cat:
        yield cat


@pytest.fixture
def ctx(catalogue, gallery_data):
    images = ImageLoader()
    context = Context(
        Library(catalogue, MediaStore.at(gallery_data)),
        Settings(),
        Visit("zh", theme.Metrics()),
        images,
        Nav(),
        records=Recorder(catalogue),
    )
    yield context
    images.wait()


@pytest.fixture
def screen(qtbot, ctx):
    gallery = GalleryScreen(ctx)
    gallery.resize(1920, 1080)
    qtbot.addWidget(gallery)
    gallery.show()
    qtbot.waitExposed(gallery)
    yield gallery
    gallery.leave()
    gallery.loader.wait()


def settle(screen: GalleryScreen) -> None:
    for _ in range(5):
        screen.loader.deliver()
        if not screen.loader.busy():
            break
    screen.zoom.repaint()


def tap_card(qtbot, screen: GalleryScreen, row: int) -> None:
    rect = screen.grid.visualRect(screen.model.index(row))
    qtbot.mouseClick(screen.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def swipe(qtbot, screen: GalleryScreen, dx: int) -> None:
    view = screen.zoom
    y = view.height() // 2
    x0 = view.width() // 2 - dx // 2
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(x0, y))
    for i in range(1, 11):
        QTest.mouseMove(view, QPoint(x0 + dx * i // 10, y))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x0 + dx, y))


# --------------------------------------------------------------------------- the grid


def test_grid_shows_every_work_of_the_kind(screen, ctx, qtbot):
    screen.enter(kind="calligraphy")
    assert [w.key for w in screen.works] == CALLIGRAPHY
    assert screen.title_label.text() == "廉政书画"
    assert screen.grid.isVisible() and not screen.empty_label.isVisible()
    cell = screen.grid.gridSize()
    assert cell.width() >= 90 and cell.height() >= 90  # touch targets at 1080p
    rects = [screen.grid.visualRect(screen.model.index(i)) for i in range(len(CALLIGRAPHY))]
    assert all(screen.grid.viewport().rect().intersects(r) for r in rects)
    assert len({r.y() for r in rects}) == 1  # one row of four on a landscape screen
    # Thumbnails arrive off the GUI thread and keep their aspect ratio.
    qtbot.waitUntil(lambda: len(screen.model.thumbs) == len(CALLIGRAPHY), timeout=5000)
    scroll = screen.model.thumbs["scroll"]
    assert scroll.width() / scroll.height() == pytest.approx(20000 / 1600, rel=0.1)
    assert QScroller.hasScroller(screen.grid.viewport())


def test_posters_and_an_empty_kind(screen):
    screen.enter(kind="poster")
    assert [w.key for w in screen.works] == ["poster-a", "poster-b"]
    assert screen.title_label.text() == "公益海报"
    screen.enter(kind="film")  # no still works of this kind here
    assert screen.works == [] and screen.empty_label.isVisible()
    assert screen.empty_label.text() == "暂无内容"


def test_tapping_a_card_opens_the_work_fitted(screen, qtbot):
    screen.enter(kind="calligraphy")
    tap_card(qtbot, screen, 1)
    assert screen.index == 1
    assert screen.pages.currentWidget() is screen.work_outer
    zoom = screen.zoom
    assert zoom.work.key == "four-knows" and zoom.is_fitted()
    qtbot.waitUntil(lambda: zoom.width() > 1000)
    assert zoom.is_fitted()
    settle(screen)
    shown = zoom.image_rect()
    assert shown.height() == pytest.approx(zoom.height()) or shown.width() == pytest.approx(
        zoom.width()
    )
    assert screen.work_title.text() == "四知"
    assert "第 2 件，共 4 件" in screen.work_line.text()


def test_zoom_in_a_work_reaches_full_detail_of_the_scroll(screen, qtbot):
    screen.enter(kind="calligraphy", key="scroll")
    zoom = screen.zoom
    qtbot.waitUntil(lambda: zoom.width() > 1000)
    settle(screen)
    zoom.zoom_to(1.0, QPointF(zoom.width() / 2, zoom.height() / 2))
    settle(screen)
    assert zoom.level() == 0
    wanted = zoom.wanted_tiles()
    assert wanted and all(zoom.tile_key(*k) in zoom.loader.cache for k in wanted)


# --------------------------------------------------------------------------- moving between works


def test_swipe_moves_to_the_next_and_previous_work(screen, ctx, qtbot):
    screen.enter(kind="calligraphy")
    screen.open_work(1)
    qtbot.waitUntil(lambda: screen.zoom.width() > 1000)
    swipe(qtbot, screen, -700)
    assert screen.index == 2 and screen.zoom.work.key == "big"
    qtbot.waitUntil(lambda: not screen.zoom.is_moving(), timeout=2000)
    swipe(qtbot, screen, +700)
    assert screen.index == 1
    qtbot.waitUntil(lambda: not screen.zoom.is_moving(), timeout=2000)
    # Zoomed in, the same drag pans the work instead.
    screen.zoom.zoom_to(screen.zoom.fit_scale() * 3)
    swipe(qtbot, screen, -400)
    assert screen.index == 1
    # Buttons do the same; the first work has no previous one.
    screen.next_button.clicked.emit()
    assert screen.index == 2
    screen.open_work(0)
    assert not screen.prev_button.isEnabled() and not screen.zoom.has_prev
    swipe(qtbot, screen, +700)
    assert screen.index == 0


def test_back_closes_the_work_then_leaves(screen, ctx, qtbot):
    screen.enter(kind="calligraphy")
    tap_card(qtbot, screen, 2)
    assert screen.index == 2
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert screen.index is None and screen.pages.currentWidget() is screen.grid_page
    assert ctx.nav.calls == []
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert ctx.nav.calls == [("back", None, {})]


def test_a_work_opened_directly_goes_back_where_the_visitor_came_from(screen, ctx):
    screen.enter(kind="calligraphy", key="big")
    assert screen.index == 2 and screen.direct
    screen.go_back()
    assert ctx.nav.calls == [("back", None, {})]
    screen.enter(kind="calligraphy")  # back again later: the grid
    assert screen.index is None


def test_a_handscroll_opens_at_its_right_end_filling_the_height(screen, qtbot):
    screen.enter(kind="calligraphy", key="scroll")
    zoom = screen.zoom
    qtbot.waitUntil(lambda: zoom.width() > 1000)
    rect = zoom.image_rect()
    assert abs(rect.height() - zoom.height()) < 2
    assert abs(rect.right() - zoom.width()) < 2  # unrolled from the right, as it is read
    assert rect.left() < 0


def test_tap_toggles_the_text_panel(screen, ctx, qtbot):
    screen.enter(kind="calligraphy", key="scroll")
    zoom = screen.zoom
    qtbot.waitUntil(lambda: zoom.width() > 1000)
    assert not screen.caption_open()
    with qtbot.waitSignal(zoom.tapped, timeout=2000):
        qtbot.mouseClick(zoom, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert screen.caption_open()
    panel = screen.caption
    assert panel.title.text() == "爱莲说（手卷）"
    assert panel.meta.text() == "北宋 · 1063年 · 周敦颐"
    assert "水陆草木之花" in panel.text.text()
    assert panel.source.text() == "出处：周敦颐《爱莲说》"
    assert screen.about_button._text() == "收起说明"
    # The work moves aside for the text, still filling the height (a handscroll opens
    # at its reading start, its short side filling the view).
    assert zoom.width() < screen.work_page.width() - panel.width() + 1
    assert abs(zoom.image_rect().height() - zoom.height()) < 2
    screen.about_button.clicked.emit()
    assert not screen.caption_open()


def test_language_switch_relabels_everything(screen, ctx, qtbot):
    screen.enter(kind="calligraphy")
    screen.open_work(0)
    screen.toggle_caption()
    ctx.visit.set_lang("en")
    assert screen.title_label.text() == "Calligraphy"
    assert screen.back_button._text() == "Back"
    assert screen.prev_button._text() == "Previous" and screen.next_button._text() == "Next"
    assert screen.work_title.text() == "On the Love of the Lotus (handscroll)"
    assert screen.work_line.text().startswith("1 of 4")
    panel = screen.caption
    assert panel.title.text() == "On the Love of the Lotus (handscroll)"
    assert panel.alt_title.text() == "爱莲说（手卷）" and not panel.alt_title.isHidden()
    assert panel.meta.text() == "Northern Song · 1063 · Zhou Dunyi"
    assert "very many are lovable" in panel.text.text()
    assert panel.source.text() == "Source: Zhou Dunyi, On the Love of the Lotus"
    # A work without English falls back to Chinese.
    screen.open_work(3)
    screen.toggle_caption()
    assert panel.title.text() == "Bao Zheng's Family Instruction"
    ctx.visit.set_lang("zh")
    assert panel.title.text() == "包拯家训" and panel.alt_title.isHidden()


def test_large_text_mode_enlarges_and_reflows(screen, ctx, qtbot):
    screen.enter(kind="calligraphy")
    normal_cell = screen.grid.gridSize()
    normal_font = screen.grid.card_title_font().pixelSize()
    screen.open_work(1)
    screen.toggle_caption()
    normal_text = screen.caption.text.font().pixelSize()
    ctx.visit.set_large(True)
    assert screen.grid.card_title_font().pixelSize() > normal_font
    assert screen.caption.text.font().pixelSize() == 40 > normal_text
    screen.go_back()
    assert screen.grid.gridSize().width() > normal_cell.width()  # fewer, wider columns


# --------------------------------------------------------------------------- records and reset


def test_opened_works_are_recorded(screen, ctx, catalogue, qtbot):
    screen.enter(kind="calligraphy")
    tap_card(qtbot, screen, 1)
    screen.step(+1)
    screen.go_back()
    screen.open_work(0)
    screen.leave()
    plays = catalogue.plays()
    assert [p["item_key"] for p in plays] == ["four-knows", "big", "scroll"]
    assert {p["context"] for p in plays} == {"visitor"}
    assert {p["outcome"] for p in plays} == {"completed"}
    assert all(p["seconds"] >= 0 for p in plays)
    # Coming back to the work left open starts a new showing.
    screen.enter(kind="calligraphy")
    screen.reset()
    assert [p["item_key"] for p in catalogue.plays()][-1] == "scroll"
    assert len(catalogue.plays()) == 4


def test_reset_closes_the_work_and_scrolls_to_the_top(screen, qtbot):
    screen.enter(kind="photo")
    screen.enter(kind="calligraphy")
    screen.open_work(2)
    screen.zoom.zoom_to(1.0)
    screen.toggle_caption()
    screen.reset()
    assert screen.index is None and not screen.caption_open()
    assert screen.pages.currentWidget() is screen.grid_page
    assert screen.zoom.work is None
    assert screen.grid.verticalScrollBar().value() == 0
