"""The operator's Content page driven by taps (pytest-qt) over a catalogue imported from a
real sheet and real pictures: hide, show, reorder, dates and schedule typed on the keypad,
a refused value, search on the visitors' keyboard, delete, and what the loop then shows."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from kiosk.catalog.check import check_catalogue
from kiosk.playlist import AttractPlaylist
from kiosk.settings import Settings
from kiosk.ui.operator.content import ContentScreen
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav
from content_sources import PAGE_IDS, PAGE_SIZES, content_library, panel_changes, show_page

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def library(tmp_path):
    with content_library(tmp_path) as opened:
        yield opened


@pytest.fixture
def nav() -> Nav:
    return Nav()


@pytest.fixture
def ctx(qtbot, library, nav) -> Context:
    return Context(library, Settings(), Visit("zh", theme.Metrics()), ImageLoader(), nav)


@pytest.fixture(params=PAGE_SIZES, ids=PAGE_IDS)
def page(request, qtbot, ctx) -> ContentScreen:
    return show_page(qtbot, ctx, request.param)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT)


def tap_kind(qtbot, page: ContentScreen, kind: str) -> None:
    """Scroll the strip of kinds to ``kind`` (as a finger would) and tap it."""
    button = page.kind_buttons[kind]
    page.kinds_area.ensureWidgetVisible(button)
    click(qtbot, button)


def tap_row(qtbot, page: ContentScreen, key: str) -> None:
    keys = [row["key"] for row in page.list.rows]
    index = page.list.model_.index(keys.index(key))
    page.list.scrollTo(index)
    rect = page.list.visualRect(index)
    qtbot.mouseClick(page.list.viewport(), LEFT, pos=rect.center())
    assert page.editor.item["key"] == key


def type_on_keypad(qtbot, page: ContentScreen, field: str, chars: str) -> None:
    edit = page.editor.fields[field]
    page.editor_area.ensureWidgetVisible(edit)
    qtbot.mouseClick(edit, LEFT, pos=QPoint(10, 10))
    assert page.left.currentWidget() is page.keypad and page.keypad.field is edit
    click(qtbot, page.keypad.keypad.keys["clear"])
    for ch in chars:
        click(qtbot, page.keypad.keypad.keys[ch])


def loop_order(library) -> list[str]:
    settings = Settings()
    playlist = AttractPlaylist(
        library.works, settings.attract, kinds=["poster", "aphorism"], now=datetime.now
    )
    return sorted(playlist.order())


def test_the_panel_opens_the_content_page(qtbot, ctx, nav) -> None:
    panel = OperatorScreen(ctx, dict, lambda v: None, lambda: None, lambda: None)
    qtbot.addWidget(panel, before_close_func=lambda w: w.leave())
    panel.resize(1920, 1080)
    panel.show()
    qtbot.waitExposed(panel)
    click(qtbot, panel.content_button)
    assert nav.calls == [("go", "content", {})]


def test_kinds_with_counts_and_the_list(qtbot, page) -> None:
    assert page.kind == "poster"  # the first kind that holds anything
    assert page.kind_buttons["poster"].text() == "海报 2"
    assert page.kind_buttons["film"].text() == "影片 0"
    assert [r["key"] for r in page.list.rows] == ["p1", "p2"]
    tap_kind(qtbot, page, "aphorism")
    assert [r["key"] for r in page.list.rows] == ["a1", "a2", "a3"]
    assert page.count_label.text() == "共 3 项"
    assert page.side.currentWidget() is page.hint
    assert not page.findChildren(QDialog)


def test_hide_and_show(qtbot, page, library) -> None:
    # The attract loop as it runs: its playlist read once, read again when the library
    # says the catalogue changed (at its next item).
    loop = AttractPlaylist(library.works, Settings().attract, kinds=["poster", "aphorism"])
    library.changed(loop)
    assert "p2" in loop.order()
    tap_row(qtbot, page, "p2")
    assert page.editor.state_label.text() == "展示中"
    click(qtbot, page.editor.toggle_button)
    assert page.editor.state_label.text() == "已隐藏"
    assert "已隐藏" in page.list.subtitle(page.list.rows[1])
    assert library.changed(loop)
    loop.rebuild()
    assert "p2" not in loop.order()  # the loop no longer shows it
    assert [w.key for w in library.works(["poster"])] == ["p1"]
    assert library.item("p2") is None  # nor do the visitors' screens
    click(qtbot, page.editor.toggle_button)
    assert loop_order(library) == ["a1", "a2", "a3", "p1", "p2"]
    assert panel_changes(library) == [("hidden", "p2", None), ("shown", "p2", None)]


def test_reorder_with_the_buttons_and_a_typed_position(qtbot, page, library) -> None:
    tap_kind(qtbot, page, "aphorism")
    tap_row(qtbot, page, "a1")
    assert not page.editor.up_button.isEnabled()
    click(qtbot, page.editor.down_button)
    assert [r["key"] for r in page.list.rows] == ["a2", "a1", "a3"]
    assert page.editor.position_label.text() == "第 2 位，共 3 位"
    qtbot.mouseClick(page.editor.position_field, LEFT, pos=QPoint(10, 10))
    click(qtbot, page.keypad.keypad.keys["3"])
    click(qtbot, page.editor.move_button)
    assert [r["key"] for r in page.list.rows] == ["a2", "a3", "a1"]
    assert [w.key for w in library.works(["aphorism"])] == ["a2", "a3", "a1"]
    qtbot.mouseClick(page.editor.position_field, LEFT, pos=QPoint(10, 10))
    click(qtbot, page.keypad.keypad.keys["9"])
    click(qtbot, page.editor.move_button)
    assert page.editor.message.text() == "“9”不是位置：请输入 1 到 3 之间的数字"
    assert [c[1] for c in panel_changes(library)] == ["a1", "a1"]


def test_dates_and_schedule_typed_on_the_keypad(qtbot, page, library) -> None:
    tap_row(qtbot, page, "p1")
    type_on_keypad(qtbot, page, "valid_from", "2027-01-01")
    type_on_keypad(qtbot, page, "weekdays", "6,7")
    page.editor.festival.step(1)  # 元旦
    type_on_keypad(qtbot, page, "days_before", "3")
    click(qtbot, page.keypad.keypad.keys["done"])
    assert page.left.currentIndex() == 0  # the list is back
    click(qtbot, page.editor.save_button)
    item = library.catalogue.item("p1")
    assert (item["valid_from"], item["weekdays"], item["festival"], item["days_before"]) == (
        "2027-01-01",
        "6,7",
        "元旦",
        3,
    )
    assert page.editor.message.text() == "已保存"
    assert panel_changes(library) == [
        ("changed", "p1", "days_after,days_before,festival,valid_from,weekdays")
    ]


def test_a_bad_schedule_value_is_refused_and_nothing_saved(qtbot, page, library) -> None:
    tap_row(qtbot, page, "p2")
    before = library.catalogue.item("p2")
    type_on_keypad(qtbot, page, "weekdays", "1-5")
    type_on_keypad(qtbot, page, "hours", "25:00-26:00")
    click(qtbot, page.editor.save_button)
    said = page.editor.message.text()
    assert said.startswith("未保存：时段：“25:00-26:00”，25:00 不是一天中的时刻")
    assert "\n" not in said
    assert page.editor.message.palette().windowText().color() == theme.SEAL
    assert library.catalogue.item("p2") == before
    assert panel_changes(library) == []
    page.ctx.visit.set_lang("en")
    click(qtbot, page.editor.save_button)
    assert page.editor.message.text().startswith("Not saved: Hours: '25:00-26:00'")


def test_search_with_the_visitors_keyboard_finds_hidden_items(qtbot, page, library) -> None:
    library.edits.set_shown("p2", False)
    click(qtbot, page.field)
    assert page.keyboard.isVisible()
    kb = page.keyboard.keyboard
    for ch in "mingyue":
        qtbot.mouseClick(kb, LEFT, pos=kb.key_center(ch))
    qtbot.waitUntil(lambda: [r["key"] for r in page.list.rows] == ["p2"])
    assert page.count_label.text() == "找到 1 项"
    click(qtbot, page.keyboard.done)
    assert not page.keyboard.isVisible()


def test_delete_after_confirming(qtbot, page, library) -> None:
    store = library.store
    p2 = library.catalogue.item("p2")
    media = library.catalogue.media(p2["media_id"])
    original = store.original(media["path"])
    assert original.is_file()
    tap_row(qtbot, page, "p2")
    click(qtbot, page.editor.delete_button)
    assert page.editor.confirm_box.isVisible()
    assert "明月海报" in page.editor.confirm_box.label.text()
    click(qtbot, page.editor.confirm_box.no)  # cancel: nothing happens
    assert library.catalogue.item("p2") is not None
    click(qtbot, page.editor.delete_button)
    click(qtbot, page.editor.confirm_box.yes)
    assert library.catalogue.item("p2") is None
    assert not original.exists()
    assert [r["key"] for r in page.list.rows] == ["p1"]
    assert page.side.currentWidget() is page.hint
    assert page.hint.text() == "已删除“明月海报”"
    assert page.kind_buttons["poster"].text() == "海报 1"
    assert loop_order(library) == ["a1", "a2", "a3", "p1"]
    assert check_catalogue(library.catalogue, store).ok
    assert panel_changes(library) == [("deleted", "p2", None)]


def test_leaving_closes_the_keypad_and_a_pending_delete(qtbot, page) -> None:
    tap_row(qtbot, page, "p1")
    click(qtbot, page.editor.delete_button)
    type_on_keypad(qtbot, page, "hours", "9")
    page.leave()
    assert not page.editor.confirm_box.isVisible()
    assert page.left.currentIndex() == 0 and page.keypad.field is None
