"""The PIN pad and the operator panel, driven by clicks (pytest-qt) over a real catalogue."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.pin import PinGuard, hash_pin
from kiosk.settings import Settings
from kiosk.strings import tr
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.pinpad import PinScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav, show

RIGHT = "2580"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(RIGHT)


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def library(tmp_path):
    paths = Paths(tmp_path / "data")
    catalogue = Catalogue.open(paths.catalogue)
    with catalogue.transaction():
        for kind, n in {"film": 2, "poster": 3, "aphorism": 4, "person": 1}.items():
            for i in range(n):
                catalogue.upsert_item({"key": f"{kind}-{i}", "kind": kind, "title_zh": kind})
    yield Library(catalogue, MediaStore.at(paths))
    catalogue.close()


@pytest.fixture
def nav() -> Nav:
    return Nav()


@pytest.fixture
def ctx(qtbot, library, nav) -> Context:
    return Context(library, Settings(), Visit("zh", theme.Metrics()), ImageLoader(), nav)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guard(clock) -> PinGuard:
    return PinGuard(5, 60.0, clock=clock)


@pytest.fixture
def pad(qtbot, ctx, guard, stored) -> PinScreen:
    screen = show(qtbot, PinScreen(ctx, guard, lambda: stored))
    screen.enter()
    return screen


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, LEFT)


def type_pin(qtbot, pad: PinScreen, digits: str, ok: bool = True) -> None:
    for d in digits:
        click(qtbot, pad.keys[d])
    if ok:
        click(qtbot, pad.keys["ok"])


def no_popups(screen) -> None:
    assert not screen.findChildren(QDialog)
    assert not screen.findChildren(QFileDialog)
    assert not screen.findChildren(QMenu)


# ================================================================== PIN pad
def test_pad_has_twelve_large_keys(pad) -> None:
    assert set(pad.keys) == {*"0123456789", "delete", "ok"}
    for key in pad.keys.values():
        assert key.width() >= 120 and key.height() >= 120
    assert pad.back_button.geometry().left() >= 40 and pad.back_button.geometry().top() >= 40


def test_typing_shows_dots_never_digits(qtbot, pad) -> None:
    type_pin(qtbot, pad, "147", ok=False)
    assert pad.typed_count() == 3
    assert pad.dots.count == 3
    for label in (pad.title_label, pad.message, pad.detail):
        assert "147" not in label.text()
    assert not pad.keys["ok"].isEnabled()  # fewer than 4 digits
    click(qtbot, pad.keys["delete"])
    assert pad.typed_count() == 2
    click(qtbot, pad.keys["4"])
    click(qtbot, pad.keys["4"])
    assert pad.keys["ok"].isEnabled()


def test_at_most_eight_digits(qtbot, pad) -> None:
    type_pin(qtbot, pad, "123456789", ok=False)
    assert pad.typed_count() == 8
    assert not pad.keys["9"].isEnabled()


def test_right_pin_opens_the_panel(qtbot, pad, nav) -> None:
    type_pin(qtbot, pad, RIGHT)
    assert nav.calls == [("go", "operator", {})]
    assert pad.typed_count() == 0


def test_wrong_pin_shows_a_red_line_and_stays(qtbot, pad, nav) -> None:
    type_pin(qtbot, pad, "1111")
    assert nav.calls == []
    assert pad.state == "wrong"
    assert pad.message.text() == tr("pin_wrong", "zh") == "密码错误"
    assert pad.message.palette().windowText().color() == theme.SEAL
    assert pad.typed_count() == 0
    click(qtbot, pad.keys["5"])  # typing again clears the message
    assert pad.state == "hint"
    assert pad.message.text() == tr("pin_hint", "zh")


def test_wrong_then_right(qtbot, pad, nav) -> None:
    type_pin(qtbot, pad, "0000")
    type_pin(qtbot, pad, RIGHT)
    assert nav.calls == [("go", "operator", {})]


def test_five_wrong_lock_the_pad_then_it_opens_again(qtbot, pad, nav, clock) -> None:
    for _ in range(4):
        type_pin(qtbot, pad, "1111")
        assert pad.state == "wrong"
    assert pad.detail.text() == tr("pin_tries_left", "zh").format(n=1)
    type_pin(qtbot, pad, "1111")
    assert pad.state == "locked"
    assert pad.message.text() == "尝试次数过多，请稍后再试"
    assert "60" in pad.detail.text()
    assert all(not key.isEnabled() for key in pad.keys.values())
    type_pin(qtbot, pad, RIGHT)  # clicks on disabled keys do nothing
    assert pad.typed_count() == 0 and nav.calls == []
    clock.now += 30
    pad.update_lock()
    assert pad.detail.text() == tr("pin_wait", "zh").format(n=30)
    clock.now += 30
    pad.update_lock()
    assert pad.state == "hint"
    assert pad.keys["1"].isEnabled()
    type_pin(qtbot, pad, RIGHT)
    assert nav.calls == [("go", "operator", {})]


def test_lockout_survives_leaving_the_pad(qtbot, pad, clock) -> None:
    for _ in range(5):
        type_pin(qtbot, pad, "1111")
    pad.leave()
    pad.enter()
    assert pad.state == "locked"
    clock.now += 61
    pad.leave()
    pad.enter()
    assert pad.state == "hint"


def test_leaving_forgets_the_digits(qtbot, pad) -> None:
    type_pin(qtbot, pad, "25", ok=False)
    pad.leave()
    assert pad.typed_count() == 0
    pad.enter()
    assert pad.typed_count() == 0


def test_no_pin_set_the_pad_cannot_open(qtbot, ctx, guard, nav) -> None:
    pad = show(qtbot, PinScreen(ctx, guard, lambda: None))
    pad.enter()
    assert pad.state == "unset"
    assert pad.message.text() == tr("pin_unset", "zh")
    assert "kiosk set-pin" in pad.detail.text()
    assert not any(key.isEnabled() for key in pad.keys.values())
    type_pin(qtbot, pad, RIGHT)
    assert nav.calls == []


def test_pin_removed_while_typing(qtbot, ctx, guard, nav, stored) -> None:
    current: list[str | None] = [stored]
    pad = show(qtbot, PinScreen(ctx, guard, lambda: current[0]))
    pad.enter()
    current[0] = None
    type_pin(qtbot, pad, RIGHT)
    assert pad.state == "unset" and nav.calls == []


def test_back_key(qtbot, pad, nav) -> None:
    click(qtbot, pad.back_button)
    assert nav.calls == [("back", None, {})]


def test_pad_in_english(qtbot, pad, ctx) -> None:
    ctx.visit.set_lang("en")
    assert pad.title_label.text() == "Operator PIN"
    type_pin(qtbot, pad, "1111")
    assert pad.message.text() == "Wrong PIN"
    assert pad.keys["ok"].text() == "OK"


def test_keyboard_digits(qtbot, pad, nav) -> None:
    for d in RIGHT:
        qtbot.keyClick(pad, d)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert nav.calls == [("go", "operator", {})]
    no_popups(pad)


# ================================================================== panel
class Panel:
    def __init__(self) -> None:
        self.volumes: list[int] = []
        self.reloads = 0
        self.quits = 0
        self.status: dict[str, Any] = {
            "broken": ["store/ab/abcd.jpg", "store/cd/cdef.mp4"],
            "last_errors": ["first problem", "latest problem"],
            "uptime_s": 2 * 3600 + 5 * 60 + 30,
            "films_problem": None,
        }

    def set_volume(self, value: int) -> None:
        self.volumes.append(value)

    def reload(self) -> None:
        self.reloads += 1

    def quit(self) -> None:
        self.quits += 1


@pytest.fixture
def panel_calls() -> Panel:
    return Panel()


@pytest.fixture
def panel(qtbot, ctx, panel_calls) -> OperatorScreen:
    screen = OperatorScreen(
        ctx,
        status=lambda: panel_calls.status,
        set_volume=panel_calls.set_volume,
        reload=panel_calls.reload,
        quit=panel_calls.quit,
        volume=lambda: 60,
    )
    show(qtbot, screen)
    screen.enter()
    return screen


def test_panel_shows_counts_and_status(panel) -> None:
    numbers = {kind: labels[0].text() for kind, labels in panel.count_labels.items()}
    assert numbers["film"] == "2"
    assert numbers["poster"] == "3"
    assert numbers["aphorism"] == "4"
    assert numbers["person"] == "1"
    assert numbers["calligraphy"] == "0"
    assert "10" in panel.total_label.text()
    assert panel.row_values["uptime"].text() == "2 小时 5 分"
    assert panel.row_values["playback"].text() == tr("films_ok", "zh")
    assert panel.row_values["broken"].text() == "2"
    assert panel.broken_lines.lines == ["store/ab/abcd.jpg", "store/cd/cdef.mp4"]
    assert panel.error_lines.shown()[0] == "latest problem"  # newest first
    no_popups(panel)


def test_panel_shows_film_problem_and_many_broken(panel, panel_calls) -> None:
    panel_calls.status["films_problem"] = "VLC missing"
    panel_calls.status["broken"] = [f"f{i}.jpg" for i in range(9)]
    panel.refresh()
    assert panel.row_values["playback"].text() == "VLC missing"
    assert panel.row_values["broken"].text() == "9"
    assert panel.broken_lines.shown() == ["f0.jpg", "f1.jpg", "另有 7 条"]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_full_status_card_is_never_squeezed_it_scrolls(qtbot, panel, panel_calls, ctx, size):
    """Many problems in large text: the card keeps the height its lines need (before, its
    rows were pressed on top of each other); the page scrolls instead."""
    panel_calls.status["films_problem"] = "VLC missing"
    panel_calls.status["broken"] = [f"store/{i:02x}/broken-{i}.jpg" for i in range(9)]
    panel.resize(*size)
    ctx.visit.set_large(True)
    panel.retranslate()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.width() == size[0])
    QTest.qWait(50)
    card = panel.status_card
    assert card.height() >= card.minimumSizeHint().height()
    names = panel.row_names
    assert panel.broken_lines.geometry().bottom() < names["recent_errors"].geometry().top()


def test_panel_says_safe_mode_and_since_when(panel, panel_calls, ctx) -> None:
    from datetime import UTC, datetime

    since = datetime(2026, 12, 6, 13, 40, tzinfo=UTC)
    local = since.astimezone().strftime("%Y-%m-%d %H:%M")
    panel_calls.status.update(films_problem="safe", safe_since=since.isoformat())
    panel.refresh()
    assert panel.row_values["playback"].text() == tr("safe_mode_status", "zh").format(since=local)
    ctx.visit.set_lang("en")
    panel.refresh()
    assert panel.row_values["playback"].text() == tr("safe_mode_status", "en").format(since=local)


def test_panel_nothing_broken(panel, panel_calls) -> None:
    panel_calls.status.update(broken=[], last_errors=[])
    panel.refresh()
    assert panel.row_values["broken"].text() == "无"
    assert not panel.broken_lines.isVisible()


def test_volume_buttons_and_slider(qtbot, panel, panel_calls) -> None:
    assert panel.slider.value() == 60
    assert panel_calls.volumes == []  # showing the panel changes nothing
    click(qtbot, panel.louder)
    click(qtbot, panel.louder)
    click(qtbot, panel.quieter)
    assert panel_calls.volumes == [65, 70, 65]
    slider = panel.slider
    qtbot.mouseClick(slider, LEFT, pos=QPoint(round(slider.x_for(20)), slider.height() // 2))
    assert panel_calls.volumes[-1] == 20
    assert panel.volume_value.text() == "20"
    qtbot.mouseClick(slider, LEFT, pos=QPoint(slider.width() - 1, slider.height() // 2))
    assert panel_calls.volumes[-1] == 100
    click(qtbot, panel.louder)  # already at 100: nothing to change
    assert panel_calls.volumes[-1] == 100 and panel_calls.volumes.count(100) == 1
    assert slider.height() >= 96


def test_reload(qtbot, panel, panel_calls, library) -> None:
    library.catalogue.upsert_item({"key": "poster-new", "kind": "poster", "title_zh": "新"})
    click(qtbot, panel.reload_button)
    assert panel_calls.reloads == 1
    assert panel.count_labels["poster"][0].text() == "4"
    assert panel.reload_note.text().startswith("内容已重新载入")


def test_exit_needs_confirming(qtbot, panel, panel_calls) -> None:
    click(qtbot, panel.exit_button)
    assert panel_calls.quits == 0
    assert panel.confirm_box.isVisible() and not panel.exit_button.isVisible()
    click(qtbot, panel.exit_no)
    assert panel_calls.quits == 0
    assert panel.exit_button.isVisible() and not panel.confirm_box.isVisible()
    click(qtbot, panel.exit_button)
    click(qtbot, panel.exit_yes)
    assert panel_calls.quits == 1


def test_leaving_cancels_a_pending_exit(qtbot, panel, panel_calls) -> None:
    click(qtbot, panel.exit_button)
    panel.leave()
    panel.enter()
    assert panel.exit_button.isVisible() and not panel.confirm_box.isVisible()
    assert panel_calls.quits == 0


def test_back_goes_home_not_to_the_pad(qtbot, panel, nav) -> None:
    click(qtbot, panel.back_button)
    assert nav.calls == [("home", None, {})]


def test_panel_in_english_and_portrait(qtbot, panel, ctx) -> None:
    ctx.visit.set_lang("en")
    assert panel.title_label.text() == "Operator panel"
    assert panel.row_names["uptime"].text() == "Uptime"
    assert panel.row_values["uptime"].text() == "2 h 5 min"
    panel.resize(1080, 1920)
    qtbot.waitUntil(
        lambda: panel.status_card.geometry().bottom() < panel.slider.mapTo(panel, QPoint(0, 0)).y()
    )


def test_built_as_the_app_builds_it(qtbot, ctx, panel_calls) -> None:
    """Positional callables; without a volume getter the panel remembers what it set."""
    screen = show(
        qtbot,
        OperatorScreen(
            ctx,
            lambda: panel_calls.status,
            panel_calls.set_volume,
            panel_calls.reload,
            panel_calls.quit,
        ),
    )
    screen.enter()
    assert screen.slider.value() == ctx.settings.playback.volume
    click(qtbot, screen.quieter)
    screen.leave()
    screen.enter()
    assert screen.slider.value() == ctx.settings.playback.volume - 5
    assert panel_calls.volumes == [ctx.settings.playback.volume - 5]


def test_recent_problems_in_the_operators_language_and_the_clock_once(
    panel, panel_calls, ctx
) -> None:
    import logging

    from kiosk.logs import RecentErrors
    from kiosk.settings import load

    recent = RecentErrors()
    log = logging.getLogger("kiosk.test.recent")
    log.addHandler(recent)
    try:
        _settings, problems = load(_write_toml("[display]\nrotate = 45\n"))
        log.warning("%s", problems[0].render("en"), extra={"said": problems[0]})
        log.warning("the clock looks wrong", extra={"panel": False})  # shown in its own place
        log.warning("plain English line\nwith a second line")
    finally:
        log.removeHandler(recent)
    panel_calls.status.update(
        last_errors=list(recent.lines), clock_problem=("clock_jump", {"before": "a", "now": "b"})
    )
    panel.refresh()
    clock, plain, setting = panel.error_lines.lines  # the newest first, the clock once
    assert clock == tr("clock_jump", "zh").format(before="a", now="b")
    assert plain.endswith(" plain English line")  # after its time
    assert setting.endswith(
        " kiosk.toml [display] rotate：应为以下之一：0、90、180、270；使用默认值"
    )
    ctx.visit.set_lang("en")
    panel.refresh()
    assert panel.error_lines.lines[-1].endswith("must be one of 0, 90, 180, 270; using the default")


def _write_toml(body: str):
    import tempfile
    from pathlib import Path

    path = Path(tempfile.mkdtemp()) / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    return path
