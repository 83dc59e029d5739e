"""The kiosk window on a real catalogue: tap to home, navigation, idle reset, lock-down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk, RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.settings import Settings

from factories import make_image

ENTITY_SHEET = (
    "key,kind,title_zh,title_en,author_zh,source_zh,year\n"
    "yang-zhen,person,杨震,Yang Zhen,,,\n"
    "a1,aphorism,天知，神知，我知，子知,Heaven knows,杨震,《后汉书·杨震列传》,\n"
    "e1,event,杨震暮夜却金,Yang Zhen refuses the gold,,,\n"
)


@pytest.fixture
def kiosk(qtbot, tmp_path, paths):
    src = tmp_path / "content"
    make_image(src / "posters" / "p1.jpg", (800, 600))
    make_image(src / "calligraphy" / "c1.jpg", (600, 900))
    (src / "sheet.csv").write_text(ENTITY_SHEET, encoding="utf-8")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([src])
        assert report.rejected == []
    settings = Settings().with_overrides(
        touch={"idle_timeout_s": 1.0}, attract={"poster_s": 0.5, "calligraphy_s": 0.5}
    )
    k: Kiosk = build(paths, settings, RunOptions(windowed=False))
    k.window.locked_down = True
    qtbot.waitExposed(k.window)
    yield k
    k.close()


def tap(widget, pos: QPoint | None = None) -> None:
    pos = pos or widget.rect().center()
    for etype in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            etype,
            QPointF(pos),
            QPointF(widget.mapToGlobal(pos)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def test_starts_in_the_loop_and_a_tap_goes_home(kiosk, qtbot):
    window = kiosk.window
    assert window.current == "attract"
    tap(window.stack.currentWidget())
    assert window.current == "home"
    home = window.screens["home"]
    labels = [t.section.label for t in home.tiles]
    assert labels == ["calligraphy", "posters", "aphorisms", "history"]  # no films here


def test_tiles_lead_to_screens_and_back_returns(kiosk, qtbot):
    window = kiosk.window
    tap(window.stack.currentWidget())
    home = window.screens["home"]
    aphorism_tile = next(t for t in home.tiles if t.section.label == "aphorisms")
    tap(aphorism_tile)
    assert window.current == "aphorisms"
    screen = window.screens["aphorisms"]
    assert [r["key"] for r in screen.rows] == ["a1"]
    tap(screen.back_button)
    assert window.current == "home"


def test_idle_reset_returns_to_the_loop_and_default_language(kiosk, qtbot):
    window = kiosk.window
    tap(window.stack.currentWidget())
    window.ctx.visit.set_lang("en")
    window.ctx.visit.set_large(True)
    window.go("history")
    qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    assert window.ctx.lang == "zh" and not window.ctx.m.large
    assert window.history == []
    (session,) = kiosk.catalogue.db["sessions"].rows
    assert session["ended_at"] is not None and "history" in session["screens"]


def test_a_visits_language_and_large_text_are_recorded_in_its_session(kiosk, qtbot):
    window = kiosk.window
    tap(window.stack.currentWidget())
    home = window.screens["home"]
    tap(home.lang_button)
    tap(home.large_button)
    assert window.ctx.lang == "en" and window.ctx.m.large
    qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    tap(window.stack.currentWidget())  # the next visitor keeps the defaults
    assert window.current == "home"
    qtbot.waitUntil(lambda: window.current == "attract", timeout=5000)
    rows = kiosk.catalogue.db.execute(
        "SELECT languages, large_text FROM sessions WHERE ended_at IS NOT NULL ORDER BY id"
    )
    assert rows.fetchall() == [("zh,en", 1), ("zh", 0)]


def test_visitors_cannot_close_or_escape(kiosk, qtbot):
    window = kiosk.window
    window.close()  # what Alt+F4 or a window manager asks for
    assert window.isVisible()
    for key, mods in [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ]:
        event = QKeyEvent(QEvent.Type.KeyPress, key, mods)
        assert window.eventFilter(window, event) is True
    assert window.isVisible()


def test_long_press_in_the_corner_opens_the_pin_pad(kiosk, qtbot):
    window = kiosk.window
    window.hold.hold_s = 0.2
    target = window.stack.currentWidget()
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(10, 10),
        QPointF(window.mapToGlobal(QPoint(10, 10))),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, press)
    qtbot.waitUntil(lambda: window.current == "pin", timeout=3000)


def test_ten_sections_stay_three_rows_high_in_landscape(qtbot, paths):
    """Past nine tiles the landscape home takes a fourth column, so every tile keeps room for
    its picture (portrait keeps two columns: the screenshots show it)."""
    with Catalogue.open(paths.catalogue) as cat:
        for kind in (
            "film",
            "poster",
            "calligraphy",
            "aphorism",
            "person",
            "case",
            "riddle",
            "song",
            "question",
            "pledge",
        ):
            cat.upsert_item({"key": f"{kind}-1", "kind": kind, "title_zh": kind})
    k: Kiosk = build(paths, Settings(), RunOptions(windowed=True, size=(1920, 1080)))
    try:
        qtbot.waitExposed(k.window)
        k.window.home()
        home = k.window.screens["home"]
        qtbot.waitUntil(lambda: home.width() == 1920)
        assert len(home.tiles) == 10
        assert len({t.geometry().left() for t in home.tiles}) == 4
        assert len({t.geometry().top() for t in home.tiles}) == 3
    finally:
        k.close()
