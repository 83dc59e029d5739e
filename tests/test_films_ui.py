"""The film screens on a real catalogue (real importer, real tiny films) and the real libvlc.

On the suite's Qt platform (conftest), with libvlc's options from
``playback.default_options()``; nothing but the navigator is a stand-in.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.playback import PlayerState, VlcEngine, default_options
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.strings import tr
from kiosk.ui.films import controls
from kiosk.ui.films.controls import ControlBar
from kiosk.ui.films.library import FilmLibraryScreen
from kiosk.ui.films.look import clock, duration_text
from kiosk.ui.films.player import FilmPlayerScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav, import_once, private_copy
from factories import make_srt, make_video, truncate
from needs import needs

SIZE = (1920, 1080)
FILMS = [
    # key, file, seconds, size, title_zh, title_en
    ("film-two", "two.mp4", 2.0, (320, 180), "两秒短片", "A Two-Second Film"),
    ("film-six", "six.mp4", 6.0, (320, 240), "廉洁家风", "Family Tradition of Integrity"),
    ("film-broken", "broken.mp4", 8.0, (320, 180), "损坏的影片", ""),
]


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An operator's folder: three films (one with Chinese subtitles) and a sheet."""
    root = tmp_path_factory.mktemp("usb") / "films"
    for _key, name, seconds, size, _zh, _en in FILMS:
        make_video(root / name, seconds=seconds, size=size)
    make_srt(root / "six.srt", ((0.0, 3.0, "廉者，政之本也"), (3.0, 6.0, "民之表也")))
    with open(root / "films.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "file", "subtitles", "title_zh", "title_en", "sort_order"])
        for n, (key, name, _s, _size, zh, en) in enumerate(FILMS):
            subs = "six.srt" if name == "six.mp4" else ""
            writer.writerow([key, "警示片", name, subs, zh, en, n])
    return root


@pytest.fixture(scope="module")
def built(sources: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue imported once; each test works on its own copy."""
    return import_once(sources, tmp_path_factory.mktemp("built"))


@pytest.fixture
def paths(built: Path, tmp_path: Path) -> Paths:
    return private_copy(built, tmp_path)


@pytest.fixture
def catalogue(paths: Paths):
    with Catalogue.open(paths.catalogue) as cat:
        yield cat


@pytest.fixture(scope="module")
def engine() -> VlcEngine:
    needs("libvlc")
    # The platform's own video output (it really draws on the X server); no sound
    # card on test machines.
    eng = VlcEngine([*default_options(), "--aout=dummy"])
    yield eng
    eng.close()


@pytest.fixture
def nav() -> Nav:
    return Nav()


@pytest.fixture
def ctx(qapp, paths: Paths, catalogue: Catalogue, engine: VlcEngine, nav: Nav) -> Context:
    images = ImageLoader()
    context = Context(
        library=Library(catalogue, MediaStore.at(paths)),
        settings=Settings(),
        visit=Visit("zh", theme.Metrics.for_screen(*SIZE)),
        images=images,
        nav=nav,
        films=engine,
        records=Recorder(catalogue),
    )
    yield context
    images.wait()


@pytest.fixture
def library(qtbot, ctx: Context) -> FilmLibraryScreen:
    screen = FilmLibraryScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    screen.enter()
    return screen


@pytest.fixture
def player(qtbot, ctx: Context) -> FilmPlayerScreen:
    screen = FilmPlayerScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    yield screen
    screen.leave()
    if screen.player is not None:
        screen.player.close()


def start(qtbot, screen: FilmPlayerScreen, key: str) -> None:
    """Enter the player with ``key`` and wait for the first frame."""
    screen.enter(key=key)
    assert screen.player is not None
    with qtbot.waitSignal(screen.player.started, timeout=8000):
        pass


def plays(catalogue: Catalogue) -> list[dict[str, Any]]:
    by_id = {item["id"]: item["key"] for item in catalogue.items(["film"])}
    return [{**row, "key": by_id.get(row["item_id"])} for row in catalogue.plays()]


# --- formatting ---------------------------------------------------------------------------------


def test_lengths_are_minutes_or_clock_time() -> None:
    assert duration_text(12 * 60 + 10, "zh") == "12 分钟"
    assert duration_text(12 * 60 + 10, "en") == "12 min"
    assert duration_text(42.4, "zh") == "0:42"
    assert duration_text(2.04, "en") == "0:02"
    assert duration_text(None, "zh") == ""
    assert clock(3725.9) == "1:02:05"
    assert clock(59.9) == "0:59"


# --- the library --------------------------------------------------------------------------------


def test_grid_lists_every_film_with_title_length_and_poster(qtbot, library) -> None:
    tiles = library.tiles
    assert [t.work.key for t in tiles] == [key for key, *_ in FILMS]
    assert [t.title() for t in tiles] == ["两秒短片", "廉洁家风", "损坏的影片"]
    assert [t.duration() for t in tiles] == ["0:02", "0:06", "0:08"]
    assert library.title_label.text() == "警示教育片"
    assert not library.notice.isVisible()
    qtbot.waitUntil(lambda: all(t.pixmap is not None for t in tiles), timeout=5000)
    for tile in tiles:  # the poster frame keeps the film's aspect
        w, h = tile.work.width, tile.work.height
        assert abs(tile.pixmap.width() / tile.pixmap.height() - w / h) < 0.02
        assert tile.width() >= 90 and tile.height() >= 90
    # Three columns on a landscape panel, tiles side by side on one row.
    assert library.columns() == 3
    assert len({t.y() for t in tiles}) == 1


def test_portrait_grid_has_two_columns(qtbot, library) -> None:
    library.resize(1080, 1920)
    qtbot.waitUntil(lambda: library.columns() == 2)
    tiles = library.tiles
    assert tiles[0].y() == tiles[1].y() < tiles[2].y()


def test_tapping_a_film_opens_the_player(qtbot, library, nav: Nav) -> None:
    tile = library.tiles[1]
    # Through the window, so the kinetic scroller sees the press first, as with a finger.
    centre = tile.mapTo(library, tile.rect().center())
    window = library.windowHandle()
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseRelease(
        window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre, 60
    )
    qtbot.waitUntil(lambda: nav.calls != [])
    assert nav.calls == [("go", "film", {"key": "film-six"})]


def test_language_switch_relabels_the_library(qtbot, library, ctx: Context) -> None:
    ctx.visit.set_lang("en")
    assert library.title_label.text() == "Cautionary films"
    titles = [t.title() for t in library.tiles]
    assert titles == ["A Two-Second Film", "Family Tradition of Integrity", "损坏的影片"]
    assert library.back_button._text() == "Back"
    ctx.visit.set_lang("zh")
    assert library.title_label.text() == "警示教育片"
    assert library.tiles[0].title() == "两秒短片"


def test_without_vlc_the_library_shows_a_calm_notice(qtbot, ctx: Context, nav: Nav) -> None:
    ctx.films = None
    ctx.films_problem = "Films cannot play: VLC is not installed."
    screen = FilmLibraryScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    screen.enter()
    assert screen.notice.isVisible()
    assert screen.notice.text() == tr("films_unavailable", "zh")
    assert len(screen.tiles) == 3
    ctx.visit.set_lang("en")
    assert screen.notice.text() == tr("films_unavailable", "en")
    # The player says the same, calmly, instead of playing.
    player = FilmPlayerScreen(ctx)
    qtbot.addWidget(player)
    player.resize(*SIZE)
    player.show()
    player.enter(key="film-two")
    assert player.mode == "unavailable" and player.player is None
    assert player.card.isVisible() and not player.card.replay.isVisible()
    assert player.card.message == tr("films_unavailable", "en")
    assert player.back_button.isVisible() and not player.card.back.isVisible()
    qtbot.mouseClick(player.back_button, Qt.MouseButton.LeftButton)
    assert nav.calls == [("back", None, {})]


# --- the player ---------------------------------------------------------------------------------


def test_plays_to_the_end_and_records_completed(qtbot, player, ctx, catalogue) -> None:
    player.enter(key="film-two")
    assert player.player.volume() == ctx.settings.playback.volume
    assert player.controls.isVisible() and player.back_button.isVisible()
    assert player.controls.play_pause.icon == "pause"
    qtbot.waitUntil(lambda: player.mode == "ended", timeout=10000)
    (row,) = plays(catalogue)
    assert (row["key"], row["outcome"], row["context"]) == ("film-two", "completed", "visitor")
    assert 1.9 <= row["seconds"] <= 3.0, row["seconds"]
    assert player.card.isVisible() and player.card.replay.isVisible()
    assert player.card.heading == "两秒短片"
    assert not player.surface.isVisible() and not player.controls.isVisible()
    # Watch again: a new showing.
    qtbot.mouseClick(player.card.replay, Qt.MouseButton.LeftButton)
    assert player.mode == "playing" and not player.card.isVisible()
    with qtbot.waitSignal(player.player.started, timeout=8000):
        pass
    player.leave()
    assert [r["outcome"] for r in plays(catalogue)] == ["completed", "skipped"]


def test_leaving_mid_film_records_skipped(qtbot, player, catalogue, nav) -> None:
    start(qtbot, player, "film-six")
    assert player.player.path.name.endswith(".mp4")
    qtbot.mouseClick(player.back_button, Qt.MouseButton.LeftButton)
    assert nav.calls == [("back", None, {})]
    player.leave()  # the window calls leave() as it switches screens
    assert player.player.state == PlayerState.IDLE
    (row,) = plays(catalogue)
    assert (row["key"], row["outcome"]) == ("film-six", "skipped")
    assert row["seconds"] < 5.0


def test_a_corrupt_film_records_failed_and_shows_a_calm_message(
    qtbot, player, ctx, catalogue
) -> None:
    work = ctx.library.work(ctx.library.item("film-broken"))
    cut = truncate(work.original, 0.3)  # the stored file is damaged while the kiosk runs
    work.original.chmod(0o644)
    cut.replace(work.original)
    player.enter(key="film-broken")
    qtbot.waitUntil(lambda: player.mode == "failed", timeout=15000)
    (row,) = plays(catalogue)
    assert (row["key"], row["outcome"]) == ("film-broken", "failed")
    assert row["reason"].startswith("ended after")
    assert player.card.isVisible() and not player.card.replay.isVisible()
    assert player.card.message == tr("film_failed", "zh")
    assert player.back_button.isVisible()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [player]  # no dialog


def test_a_film_missing_from_the_store_fails_calmly(qtbot, player, ctx, catalogue) -> None:
    ctx.library.work(ctx.library.item("film-two")).original.unlink()
    player.enter(key="film-two")
    qtbot.waitUntil(lambda: player.mode == "failed", timeout=15000)
    (row,) = plays(catalogue)
    assert row["outcome"] == "failed" and row["reason"]


def test_an_unknown_key_shows_a_notice(qtbot, player, catalogue) -> None:
    player.enter(key="no-such-film")
    assert player.mode == "missing" and player.card.isVisible()
    assert plays(catalogue) == []


def test_dragging_the_seek_bar_seeks(qtbot, player) -> None:
    start(qtbot, player, "film-six")
    seek = player.controls.seek
    assert seek.duration == pytest.approx(6.0, abs=0.2)
    left, right = seek._track()
    y = seek.height() // 2
    qtbot.mousePress(seek, Qt.MouseButton.LeftButton, pos=QPoint(int(left) + 2, y))
    assert seek.dragging and player.controls.isVisible()
    target = QPoint(int(left + (right - left) * 0.75), y)
    qtbot.mouseMove(seek, target)
    assert player.controls.elapsed == pytest.approx(4.5, abs=0.2)
    qtbot.mouseRelease(seek, Qt.MouseButton.LeftButton, pos=target)
    assert not seek.dragging
    qtbot.waitUntil(lambda: player.player.elapsed() >= 4.2, timeout=3000)
    assert player.mode == "playing"


def test_controls_fade_when_left_alone_and_return_on_a_tap(qtbot, ctx, monkeypatch) -> None:
    monkeypatch.setattr(controls, "CONTROLS_HIDE_MS", 200)
    screen = FilmPlayerScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    try:
        start(qtbot, screen, "film-six")
        qtbot.waitUntil(lambda: not screen.controls.isVisible(), timeout=3000)
        assert not screen.back_button.isVisible()
        # A tap on the film itself (the video surface hands it to Qt).
        qtbot.mouseClick(screen.surface, Qt.MouseButton.LeftButton)
        assert screen.controls.isVisible() and screen.back_button.isVisible()
        # Paused, the controls stay.
        qtbot.mouseClick(screen.controls.play_pause, Qt.MouseButton.LeftButton)
        assert screen.player.state == PlayerState.PAUSED
        assert screen.controls.play_pause.icon == "play"
        assert not screen.fade.timer.isActive()
        qtbot.mouseClick(screen.controls.play_pause, Qt.MouseButton.LeftButton)
        assert screen.player.state == PlayerState.PLAYING
        assert screen.fade.timer.isActive()
    finally:
        screen.leave()
        screen.player.close()


def test_subtitled_film_is_framed_above_the_controls(qtbot, player, ctx) -> None:
    start(qtbot, player, "film-six")
    work = ctx.library.work(ctx.library.item("film-six"))
    assert work.subtitles is not None and work.subtitles.is_file()
    film = player.surface.geometry()
    assert abs(film.width() / film.height() - 4 / 3) < 0.01
    assert player.controls.geometry().top() >= film.bottom()
    assert player.controls.geometry().bottom() <= SIZE[1] - 40
    assert player.controls.play_pause.height() >= 96
    assert player.back_button.height() >= 96
    # Portrait: the film in the middle, the controls beneath it.
    player.resize(1080, 1920)
    qtbot.waitUntil(lambda: player.surface.width() == 1080)
    film = player.surface.geometry()
    assert film.top() > 300
    assert film.bottom() < player.controls.geometry().top() < film.bottom() + 60


def test_reset_stops_and_forgets_the_film(qtbot, player, catalogue) -> None:
    start(qtbot, player, "film-six")
    player.reset()
    assert player.player.state == PlayerState.IDLE
    assert player.mode == "idle" and player.work is None
    assert not player.surface.isVisible()
    assert [r["outcome"] for r in plays(catalogue)] == ["skipped"]


def test_language_switch_relabels_the_end_card(qtbot, player, ctx) -> None:
    player.enter(key="film-two")
    qtbot.waitUntil(lambda: player.mode == "ended", timeout=10000)
    ctx.visit.set_lang("en")
    assert player.card.heading == "A Two-Second Film"
    assert player.card.message == tr("film_ended", "en")
    assert player.card.replay.text() == "Watch again"
    assert player.back_button.text() == "Back"


def test_taps_and_drags_keep_references_to_true(qtbot, library, ctx: Context) -> None:
    """PySide6 6.12.0 loses a reference to True on every Python-side Signal.emit();
    the film widgets call their listeners directly, so a long day of taps is safe."""
    bar = ControlBar(ctx)
    qtbot.addWidget(bar)
    bar.resize(1600, 96)
    bar.set_times(0.0, 60.0)
    bar.show()
    seeks: list[float] = []
    bar.seek.seek_requested.connect(seeks.append)
    before = sys.getrefcount(True)
    for i in range(30):
        qtbot.mouseClick(library.tiles[i % 3], Qt.MouseButton.LeftButton)
        qtbot.mousePress(bar.seek, Qt.MouseButton.LeftButton, pos=QPoint(100, 48))
        for x in range(200, 1400, 100):
            qtbot.mouseMove(bar.seek, QPoint(x, 48))
        qtbot.mouseRelease(bar.seek, Qt.MouseButton.LeftButton, pos=QPoint(1400, 48))
    assert len(seeks) == 30 and len(ctx.nav.calls) == 30
    # The bug loses one per emit: hundreds here (30 taps, 12 moves each). Other code may
    # free a few objects holding True meanwhile (a garbage collection, a worker thread).
    assert sys.getrefcount(True) >= before - 100


def test_the_grid_scrolls_with_a_finger_drag(qtbot, library, nav: Nav) -> None:
    library.resize(1080, 900)  # two columns, two rows: taller than the view
    bar = library.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    # Through the window, as the platform delivers a finger (touch arrives as mouse).
    window = library.windowHandle()
    viewport = library.scroll.viewport()
    start = viewport.mapTo(library, QPoint(viewport.width() // 2, viewport.height() - 60))
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for dy in range(0, 420, 20):
        pos = start - QPoint(0, dy)
        QTest.mouseMove(window, pos, 8)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos, 8)
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    assert nav.calls == []  # a drag is not a tap
    library.reset()
    assert bar.value() == 0
