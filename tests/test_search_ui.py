"""The search screen and its on-screen keyboard, on a real catalogue made by the real importer.

Only the navigator is a stand-in (it records where the screen asked to go).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.settings import Settings
from kiosk.ui.screen import Context, Visit
from kiosk.ui.search.keyboard import BACKSPACE, CLEAR, SPACE, Keyboard
from kiosk.ui.search.screen import SearchScreen, destination
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav, import_once, private_copy
from factories import make_image

SIZE = (1920, 1080)
ROWS = [
    ("bao-zheng", "person", "包拯", "Bao Zheng", "北宋名臣，以清廉公正著称。"),
    ("hai-rui", "person", "海瑞", "Hai Rui", "明代清官，直言敢谏。"),
    ("yang-zhen", "person", "杨震", "Yang Zhen", "东汉太尉，“四知”拒金。"),
    ("aphorism-four-knows", "aphorism", "天知，神知，我知，子知。", "Heaven knows...", "杨震"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sheet of people and an aphorism, and a poster in a ``posters/`` folder, imported once."""
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    with open(root / "items.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "title_zh", "title_en", "summary_zh"])
        writer.writerows(ROWS)
    make_image(root / "posters" / "清白家风.jpg", size=(300, 400))
    return import_once(root, tmp_path_factory.mktemp("built"))


@pytest.fixture
def nav() -> Nav:
    return Nav()


@pytest.fixture
def ctx(qapp, built: Path, tmp_path: Path, nav: Nav):
    paths = private_copy(built, tmp_path)
    images = ImageLoader()
    with Catalogue.open(paths.catalogue) as catalogue:
        yield Context(
            Library(catalogue, MediaStore.at(paths)),
            Settings(),
            Visit("zh", theme.Metrics()),
            images,
            nav,
            None,
            None,
            None,
        )
        images.wait()


@pytest.fixture
def screen(qtbot, ctx: Context) -> SearchScreen:
    s = SearchScreen(ctx)
    qtbot.addWidget(s)
    s.resize(*SIZE)
    s.show()
    qtbot.waitExposed(s)
    s.enter()
    return s


def tap(keyboard: Keyboard, *values: str) -> None:
    for value in values:
        QTest.mouseClick(keyboard, Qt.MouseButton.LeftButton, pos=keyboard.key_center(value))


def keys(screen: SearchScreen) -> list[str]:
    return [hit.key for hit in screen.hits]


def test_empty_screen_shows_the_hint(screen: SearchScreen) -> None:
    assert screen.title_label.text() == "搜索"
    assert screen.field.text() == ""
    assert screen.results.currentWidget() is screen.message
    assert "baozheng" in screen.message.text() and "bz" in screen.message.text()
    assert screen.hits == []


def test_tapping_b_a_o_types_and_finds_bao_zheng(qtbot, screen: SearchScreen) -> None:
    tap(screen.keyboard, "b", "a", "o")
    assert screen.field.text() == "bao"
    qtbot.waitUntil(lambda: "bao-zheng" in keys(screen), timeout=2000)
    assert screen.results.currentWidget() is screen.view
    assert screen.query == "bao"


def test_initials_by_keys_find_bao_zheng_first(qtbot, screen: SearchScreen) -> None:
    tap(screen.keyboard, "b", "z")
    qtbot.waitUntil(lambda: keys(screen)[:1] == ["bao-zheng"], timeout=2000)


def test_physical_keyboard_finds_an_english_word(qtbot, screen: SearchScreen) -> None:
    screen.field.setFocus()
    QTest.keyClicks(screen.field, "Hai Rui")
    assert screen.field.text() == "Hai Rui"
    qtbot.waitUntil(lambda: keys(screen)[:1] == ["hai-rui"], timeout=2000)


def test_chinese_characters_find_the_aphorism_and_the_person(qtbot, screen: SearchScreen) -> None:
    screen.field.insert("杨震")  # as an input method commits it
    qtbot.waitUntil(lambda: "yang-zhen" in keys(screen), timeout=2000)
    assert "aphorism-four-knows" in keys(screen)  # found by its text


def test_backspace_space_and_clear(qtbot, screen: SearchScreen) -> None:
    tapped: list[str] = []
    screen.keyboard.key_tapped.connect(tapped.append)
    tap(screen.keyboard, "h", "a", "i", "x")
    tap(screen.keyboard, BACKSPACE)
    assert screen.field.text() == "hai"
    tap(screen.keyboard, SPACE, "r")
    assert screen.field.text() == "hai r"
    qtbot.waitUntil(lambda: keys(screen)[:1] == ["hai-rui"], timeout=2000)
    assert tapped == ["h", "a", "i", "x", BACKSPACE, SPACE, "r"]  # one emit per tap
    tap(screen.keyboard, CLEAR)
    assert screen.field.text() == ""
    qtbot.waitUntil(lambda: screen.results.currentWidget() is screen.message, timeout=2000)
    assert screen.hits == []


def test_field_clear_button(qtbot, screen: SearchScreen) -> None:
    button = screen.field.clear_button
    assert not button.isVisible()
    tap(screen.keyboard, "b", "z")
    assert button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert screen.field.text() == ""
    assert not button.isVisible()


def test_sliding_off_a_key_cancels_it(screen: SearchScreen) -> None:
    kb = screen.keyboard
    QTest.mousePress(kb, Qt.MouseButton.LeftButton, pos=kb.key_center("q"))
    assert kb._pressed() == {"q"}  # darkened while held
    QTest.mouseMove(kb, kb.key_center("p"))
    QTest.mouseRelease(kb, Qt.MouseButton.LeftButton, pos=kb.key_center("p"))
    assert screen.field.text() == ""


def test_two_fingers_at_once_type_both_letters(qtbot, screen: SearchScreen) -> None:
    kb = screen.keyboard
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    window = kb.window().windowHandle()

    def at(value: str) -> QPoint:
        return kb.mapTo(kb.window(), kb.key_center(value))

    def touch() -> Any:
        return QTest.touchEvent(window, device)

    touch().press(0, at("b")).commit()
    touch().stationary(0).press(1, at("z")).commit()
    assert kb._pressed() == {"b", "z"}  # both darkened while held
    touch().release(0, at("b")).stationary(1).commit()
    assert screen.field.text() == "b"
    touch().release(1, at("z")).commit()
    assert screen.field.text() == "bz"
    assert kb._pressed() == set()
    qtbot.waitUntil(lambda: keys(screen)[:1] == ["bao-zheng"], timeout=2000)


def test_keys_are_touch_sized(screen: SearchScreen) -> None:
    kb = screen.keyboard
    m = screen.ctx.m
    for value in ("q", "a", "m", SPACE, BACKSPACE, CLEAR):
        rect = kb.key_rect(value)
        assert rect.width() >= m.touch_min and rect.height() >= m.touch_min, value
    # Landscape: the keyboard takes about the lower 40 %, inside the bezels.
    top = kb.mapTo(screen, QPoint(0, 0)).y()
    assert 0.33 * SIZE[1] <= SIZE[1] - top <= 0.5 * SIZE[1]
    assert kb.geometry().bottom() <= SIZE[1] - m.bezel


def test_portrait_keyboard_takes_the_lower_third(qtbot, screen: SearchScreen) -> None:
    screen.resize(1080, 1920)
    qtbot.waitUntil(lambda: screen.keyboard.width() == 1080 - 2 * screen.ctx.m.bezel)
    qtbot.waitUntil(lambda: screen.field.y() > screen.back_button.geometry().bottom())
    kb = screen.keyboard
    top = kb.mapTo(screen, QPoint(0, 0)).y()
    assert 1920 - top <= 1920 / 3 + 1
    assert screen.field.width() > 0.8 * 1080  # beneath the header, full width
    for value in ("q", "p", "l"):
        hit = kb.key_rect(value).adjusted(-kb.gap() / 2, 0, kb.gap() / 2, 0)
        assert hit.width() >= screen.ctx.m.touch_min  # the touch target, gaps included
        assert kb.key_rect(value).height() >= screen.ctx.m.touch_min


@pytest.mark.parametrize(
    ("query", "key", "expected"),
    [
        ("baozheng", "bao-zheng", ("item", {"key": "bao-zheng"})),
        ("tian zhi", "aphorism-four-knows", ("item", {"key": "aphorism-four-knows"})),
        ("qingbai", None, ("gallery", {"kind": "poster"})),
    ],
)
def test_tapping_a_result_opens_it(qtbot, screen: SearchScreen, nav: Nav, query, key, expected):
    screen.field.setText(query)
    qtbot.waitUntil(lambda: bool(screen.hits), timeout=2000)
    hit = screen.hits[0]
    if key is not None:
        assert hit.key == key
    view = screen.view
    rect = view.visualRect(screen.model.index(0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    name, args = expected
    assert nav.calls == [("go", name, {**args, "key": hit.key})]


def test_poster_result_shows_its_picture(qtbot, screen: SearchScreen) -> None:
    screen.field.setText("qbjf")
    qtbot.waitUntil(lambda: bool(screen.hits), timeout=2000)
    hit = screen.hits[0]
    assert hit.kind == "poster" and screen.has_picture(hit)
    screen.view.viewport().repaint()
    qtbot.waitUntil(lambda: any(k == hit.key for k, _ in screen._thumbs), timeout=5000)
    person = screen.ctx.library.search("hairui")[0]
    assert not screen.has_picture(person)  # a glyph for its kind instead


def test_destinations() -> None:
    assert destination("film", "f") == ("film", {"key": "f"})
    for kind in ("poster", "calligraphy", "photo"):
        assert destination(kind, "w") == ("gallery", {"kind": kind, "key": "w"})
    for kind in ("person", "place", "event", "topic", "aphorism"):
        assert destination(kind, "h") == ("item", {"key": "h"})


def test_nothing_found(qtbot, screen: SearchScreen) -> None:
    screen.field.setText("xqxqxq")
    qtbot.waitUntil(lambda: screen.query == "xqxqxq", timeout=2000)
    assert screen.hits == []
    assert screen.results.currentWidget() is screen.message
    assert "没有找到" in screen.message.text()


def test_language_switch_relabels(qtbot, screen: SearchScreen) -> None:
    screen.field.setText("hai")
    qtbot.waitUntil(lambda: bool(screen.hits), timeout=2000)
    screen.ctx.visit.set_lang("en")
    assert screen.title_label.text() == "Search"
    assert screen.field.placeholderText() == "People, works, sayings…"
    assert screen.subtitle(screen.hits[0]) == "Person · 海瑞"
    screen.field.clear()
    qtbot.waitUntil(lambda: screen.results.currentWidget() is screen.message, timeout=2000)
    assert "Type pinyin or initials" in screen.message.text()
    screen.field.setText("zzqqxx")
    qtbot.waitUntil(lambda: "Nothing found" in screen.message.text(), timeout=2000)
    screen.ctx.visit.set_large(True)  # large text: cards grow, keys stay touch-sized
    assert screen.view.gridSize().height() > screen.ctx.m.px(96) + 2 * screen.card_padding()
    assert screen.keyboard.key_rect("a").height() >= screen.ctx.m.touch_min


def test_reset_clears_query_and_results(qtbot, screen: SearchScreen) -> None:
    tap(screen.keyboard, "b", "z")
    qtbot.waitUntil(lambda: bool(screen.hits), timeout=2000)
    screen.reset()
    assert screen.field.text() == "" and screen.query == ""
    assert screen.hits == []
    assert screen.results.currentWidget() is screen.message
    assert not screen.field.clear_button.isVisible()


def test_enter_opens_the_first_result(qtbot, screen: SearchScreen, nav: Nav) -> None:
    screen.field.setFocus()
    QTest.keyClicks(screen.field, "bz")
    QTest.keyClick(screen.field, Qt.Key.Key_Return)
    assert nav.calls == [("go", "item", {"key": "bao-zheng"})]


def test_back_button_goes_back(screen: SearchScreen, nav: Nav) -> None:
    b = screen.back_button
    QTest.mouseClick(b, Qt.MouseButton.LeftButton, pos=b.rect().center())
    assert nav.calls == [("back", None, {})]
