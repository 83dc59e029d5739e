"""Handwriting on the search keyboard: Zinnia through ctypes, and a visitor who writes 包
to find 包拯 — on a real catalogue made by the real importer, with touch events.

Only the navigator is a stand-in (it records where the screen asked to go).
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.handwriting import MODEL, LazyRecognizer, Recognizer, is_candidate
from kiosk.settings import Settings
from kiosk.ui.screen import Context, Visit
from kiosk.ui.search.keyboard import BACKSPACE, HANDWRITING, SPACE
from kiosk.ui.search.screen import SearchScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav, import_once, private_copy
from needs import needs
from strokes import Finger, on_pad, standard, written

MISSING_LIBRARY = "libzinnia-not-installed.so.0"
ROWS = [
    ("bao-zheng", "person", "包拯", "Bao Zheng"),
    ("hai-rui", "person", "海瑞", "Hai Rui"),
    ("lian-zheng", "aphorism", "清正廉洁", "Clean and upright"),
]


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    needs("zinnia")
    found = Recognizer.open()
    assert found is not None
    return found


# ------------------------------------------------------------------ the recognizer
@pytest.mark.parametrize("character", ["十", "二", "口"])
def test_simple_characters_written_in_stroke_order_come_first(
    recognizer: Recognizer, character: str
) -> None:
    assert recognizer.recognize(written(character), 1000, 1000)[0] == character


@pytest.mark.parametrize("side", [120, 400, 1600])
def test_the_pad_size_does_not_matter(recognizer: Recognizer, side: int) -> None:
    strokes = on_pad(standard("包"), side)
    assert recognizer.recognize(strokes, side, side, 5)[0] == "包"


def test_candidates_are_chinese_characters_best_first_up_to_n(recognizer: Recognizer) -> None:
    found = recognizer.recognize(standard("口"), 1024, 1024, 7)
    assert len(found) == 7 and len(set(found)) == 7
    assert all(is_candidate(c) for c in found)
    assert not is_candidate("あ") and not is_candidate("AB") and not is_candidate("A")


def test_nothing_written_means_no_candidates(recognizer: Recognizer) -> None:
    assert recognizer.recognize([], 400, 400) == []
    assert recognizer.recognize([[]], 400, 400) == []


def test_a_missing_library_says_which_package_to_install(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.handwriting"):
        assert Recognizer.open(library=MISSING_LIBRARY) is None
    assert "libzinnia0" in caplog.text and MISSING_LIBRARY in caplog.text


def test_a_missing_model_says_which_package_to_install(caplog, tmp_path: Path) -> None:
    needs("zinnia")
    with caplog.at_level(logging.WARNING, logger="kiosk.handwriting"):
        assert Recognizer.open(model=tmp_path / "handwriting-zh_CN.model") is None
    assert "tegaki-zinnia-simplified-chinese" in caplog.text


def test_a_broken_model_is_refused_not_crashed_on(caplog, tmp_path: Path) -> None:
    needs("zinnia")
    broken = tmp_path / "broken.model"
    broken.write_bytes(MODEL.read_bytes()[:4096])
    with caplog.at_level(logging.WARNING, logger="kiosk.handwriting"):
        assert Recognizer.open(model=broken) is None
    assert "tegaki-zinnia-simplified-chinese" in caplog.text


# ------------------------------------------------------------------ the search screen
@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "content"
    root.mkdir()
    with open(root / "items.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "title_zh", "title_en"])
        writer.writerows(ROWS)
    return import_once(root, tmp_path_factory.mktemp("built"))


@pytest.fixture
def ctx(qapp, built: Path, tmp_path: Path):
    paths = private_copy(built, tmp_path)
    images = ImageLoader()
    with Catalogue.open(paths.catalogue) as catalogue:
        yield Context(
            Library(catalogue, MediaStore.at(paths)),
            Settings(),
            Visit("zh", theme.Metrics()),
            images,
            Nav(),
        )
        images.wait()


def shown(qtbot, screen: SearchScreen, size: tuple[int, int] = (1920, 1080)) -> SearchScreen:
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    return screen


@pytest.fixture
def screen(qtbot, ctx: Context, recognizer: Recognizer) -> SearchScreen:
    return shown(qtbot, SearchScreen(ctx, recognizer=lambda: recognizer))


def tap_key(screen: SearchScreen, value: str) -> None:
    kb = screen.keyboard
    Finger(kb).tap(*kb.key_center(value).toTuple())


def write(screen: SearchScreen, character: str) -> None:
    pad = screen.handwriting.pad
    Finger(pad).write(on_pad(standard(character), pad.width()))


def test_a_visitor_finds_bao_zheng_by_writing_bao(qtbot, screen: SearchScreen) -> None:
    assert screen.handwriting is not None and not screen.writing()
    tap_key(screen, HANDWRITING)
    assert screen.writing() and screen.handwriting.isVisible()
    write(screen, "包")
    bar = screen.handwriting.candidates
    qtbot.waitUntil(lambda: "包" in bar.shown(), timeout=2000)
    assert bar.shown()[0] == "包"
    Finger(bar).tap(*bar.candidate_center("包").toTuple())
    assert screen.field.text() == "包"
    qtbot.waitUntil(lambda: [h.key for h in screen.hits][:1] == ["bao-zheng"], timeout=2000)
    assert screen.handwriting.pad.is_empty() and bar.shown() == []  # ready for the next one
    assert screen.writing()  # the pad stays for a second character


def test_candidates_follow_each_stroke_and_undo(qtbot, screen: SearchScreen) -> None:
    tap_key(screen, HANDWRITING)
    panel = screen.handwriting
    strokes = on_pad(standard("口"), panel.pad.width())
    finger = Finger(panel.pad)
    finger.stroke(strokes[0])
    assert panel.candidates.candidates  # at once after the first stroke
    finger.write(strokes[1:])
    assert panel.candidates.shown()[0] == "口"
    Finger(panel.undo).tap(*panel.undo.rect().center().toTuple())
    assert panel.pad.stroke_count == 2 and panel.candidates.shown()[0] != "口"
    Finger(panel.rewrite).tap(*panel.rewrite.rect().center().toTuple())
    assert panel.pad.is_empty() and panel.candidates.candidates == []


def test_written_and_typed_mix_in_one_query(qtbot, screen: SearchScreen) -> None:
    tap_key(screen, HANDWRITING)
    tap_key(screen, "h")
    tap_key(screen, "a")
    tap_key(screen, "i")
    tap_key(screen, BACKSPACE)
    tap_key(screen, BACKSPACE)
    tap_key(screen, BACKSPACE)
    write(screen, "海")
    bar = screen.handwriting.candidates
    qtbot.waitUntil(lambda: "海" in bar.shown(), timeout=2000)
    Finger(bar).tap(*bar.candidate_center("海").toTuple())
    qtbot.waitUntil(lambda: [h.key for h in screen.hits][:1] == ["hai-rui"], timeout=2000)


def test_landscape_pad_beside_the_keys_portrait_above(qtbot, screen: SearchScreen) -> None:
    m = screen.ctx.m
    tap_key(screen, HANDWRITING)
    pad, kb = screen.handwriting, screen.keyboard
    assert pad.geometry().left() >= kb.geometry().right()  # beside, at the right
    assert abs(pad.geometry().top() - kb.geometry().top()) <= 1
    check_fits(screen)
    screen.resize(1080, 1920)
    qtbot.waitUntil(lambda: pad.pad.height() >= m.px(300), timeout=2000)
    assert pad.geometry().bottom() < kb.geometry().top()  # above the keys
    assert pad.pad.width() == pad.pad.height()
    check_fits(screen)


def check_fits(screen: SearchScreen) -> None:
    """Keys still touch-sized, the pad square and whole, nothing within the bezel."""
    m = screen.ctx.m
    panel, kb = screen.handwriting, screen.keyboard
    for value in ("q", "p", "m", SPACE, HANDWRITING):
        rect = kb.key_rect(value)
        assert rect.height() >= m.touch_min, value
        if screen.is_landscape():  # (in portrait the keys are as wide as without the pad)
            assert rect.width() >= m.touch_min, value
    if not screen.is_landscape():
        assert kb.width() == screen.width() - 2 * m.bezel
        assert screen.results.height() >= 0.25 * screen.height()  # results keep room
    edge = screen.rect().adjusted(m.bezel, m.bezel, -m.bezel, -m.bezel)
    for widget in (panel, kb, panel.undo, panel.rewrite, panel.candidates):
        top_left = widget.mapTo(screen, QPoint(0, 0))
        assert edge.contains(top_left), widget
        assert edge.contains(top_left + QPoint(widget.width() - 1, widget.height() - 1)), widget
    assert panel.pad.width() == panel.pad.height()
    for button in (panel.undo, panel.rewrite):
        assert button.geometry().right() < panel.width()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_text_and_english_still_fit(qtbot, screen: SearchScreen, lang: str) -> None:
    tap_key(screen, HANDWRITING)
    screen.ctx.visit.set_lang(lang)
    screen.ctx.visit.set_large(True)
    settle(qtbot, screen)
    write(screen, "包")
    check_fits(screen)
    assert screen.handwriting.candidates.shown()[0] == "包"
    screen.resize(1080, 1920)
    settle(qtbot, screen)
    check_fits(screen)


def settle(qtbot, screen: SearchScreen) -> None:
    """Wait until the layout has followed the last change (the slot as tall as asked)."""
    qtbot.waitUntil(lambda: screen._slot.height() == screen._slot.sizeHint().height())
    qtbot.wait(50)


def test_the_idle_reset_puts_the_pad_away(screen: SearchScreen) -> None:
    tap_key(screen, HANDWRITING)
    write(screen, "口")
    screen.reset()
    assert not screen.writing() and screen.handwriting.pad.is_empty()
    assert not screen.keyboard.handwriting_on


def test_without_zinnia_there_is_no_pad_and_no_key(qtbot, ctx: Context) -> None:
    screen = shown(
        qtbot, SearchScreen(ctx, recognizer=lambda: Recognizer.open(library=MISSING_LIBRARY))
    )
    assert screen.handwriting is None
    with pytest.raises(KeyError):
        screen.keyboard.key_rect(HANDWRITING)
    assert screen.keyboard.key_rect(SPACE).width() > 5 * screen.ctx.m.touch_min  # as before
    tap_key(screen, "b")
    tap_key(screen, "z")
    qtbot.waitUntil(lambda: [h.key for h in screen.hits][:1] == ["bao-zheng"], timeout=2000)


def test_the_model_is_in_memory_only_while_visitors_write(qtbot, ctx: Context) -> None:
    """26 MB resident while open: opened by the first character written, closed by the
    idle reset, opened again by the next visitor's."""
    needs("zinnia")
    screen = shown(qtbot, SearchScreen(ctx))  # the kiosk's own recognizer
    assert screen.handwriting is not None
    lazy = screen.handwriting.recognizer
    assert isinstance(lazy, LazyRecognizer) and not lazy.is_open
    tap_key(screen, HANDWRITING)
    write(screen, "包")
    qtbot.waitUntil(lambda: "包" in screen.handwriting.candidates.shown(), timeout=2000)
    assert lazy.is_open
    screen.reset()
    assert not lazy.is_open
    tap_key(screen, HANDWRITING)
    write(screen, "口")
    qtbot.waitUntil(lambda: "口" in screen.handwriting.candidates.shown(), timeout=2000)
    assert lazy.is_open
