"""The songs screens on a real catalogue (real importer, a real song) and the real libvlc:
the list, the lyrics following the player, play/pause, seek, and the records."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.lyrics import read_lyrics
from kiosk.paths import Paths
from kiosk.playback import PlayerState, VlcEngine, default_options
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui.screen import Context, Visit
from kiosk.ui.songs.library import SongsScreen
from kiosk.ui.songs.player import SongScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.cards import destination
from kiosk.ui.widgets.images import ImageLoader

from catalogues import Nav, import_once, private_copy
from needs import needs
from songs_factories import HighlightTiming, make_lrc, make_song

SIZE = (1920, 1080)
LRC = (
    "[ti:石灰吟]\n"
    "[00:01.00][00:07.00]千锤万凿出深山，\n"
    "[00:02.50]烈火焚烧若等闲。\n"
    "[00:04.00]粉骨碎身浑不怕，\n"
    "[00:05.50]要留清白在人间。\n"
    "[00:09.00]\n"
)
# in time order: the first line is sung twice, so it shows twice
SHOWN = [
    "千锤万凿出深山，",
    "烈火焚烧若等闲。",
    "粉骨碎身浑不怕，",
    "要留清白在人间。",
    "千锤万凿出深山，",
]
# the shown line and the time of each change, in order
SUNG = [(0, 1.0), (1, 2.5), (2, 4.0), (3, 5.5), (4, 7.0), (-1, 9.0)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("usb") / "歌曲"
    root.mkdir()
    make_song(root / "shi.flac", 12.0)
    make_lrc(root / "shi.lrc", LRC)
    make_song(root / "quiet.mp3", 3.0)  # no lyrics
    with open(root / "songs.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["编号", "类型", "文件", "标题", "英文标题", "作者", "出处"])
        writer.writerow(
            ["song-shy", "歌曲", "shi.flac", "石灰吟", "Ode to Lime", "于谦（传）", "演示"]
        )
        writer.writerow(["song-quiet", "歌曲", "quiet.mp3", "无词曲", "", "", ""])
    return import_once(root, tmp_path_factory.mktemp("built"))


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
    eng = VlcEngine([*default_options(), "--aout=dummy"])  # no sound card on test machines
    yield eng
    eng.close()


@pytest.fixture
def ctx(qapp, paths: Paths, catalogue: Catalogue, engine: VlcEngine) -> Context:
    images = ImageLoader()
    context = Context(
        library=Library(catalogue, MediaStore.at(paths)),
        settings=Settings(),
        visit=Visit("zh", theme.Metrics.for_screen(*SIZE)),
        images=images,
        nav=Nav(),
        films=engine,
        records=Recorder(catalogue),
    )
    yield context
    images.wait()


@pytest.fixture
def song(qtbot, ctx: Context):
    screen = SongScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    yield screen
    screen.leave()
    if screen.player is not None:
        screen.player.close()


def plays(catalogue: Catalogue) -> list[dict[str, Any]]:
    keys = {item["id"]: item["key"] for item in catalogue.items(["song"])}
    return [{**row, "key": keys.get(row["item_id"])} for row in catalogue.plays()]


def test_the_list_shows_every_song_and_a_tap_opens_it(qtbot, ctx: Context) -> None:
    screen = SongsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    screen.enter()
    assert [row.work.key for row in screen.rows] == ["song-shy", "song-quiet"]
    row = screen.rows[0]
    assert row.work.duration_s == pytest.approx(12.0, abs=0.1)
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert ctx.nav.calls[-1] == ("go", "song", {"key": "song-shy"})
    assert destination("song", "song-shy") == ("song", {"key": "song-shy"})


def test_the_highlight_follows_the_real_player_within_100_ms(qtbot, song, catalogue) -> None:
    song.enter(key="song-shy")
    assert song.view.sung.texts == SHOWN
    assert "于谦（传）" in song.byline.text() and song.title() == "石灰吟"
    timing = HighlightTiming(song.view, song.player)
    with qtbot.waitSignal(song.player.ended, timeout=20000):
        pass
    assert timing.paints[0][1] == -1  # nothing sung before the first line
    delays = timing.delays(SUNG)
    assert all(-0.02 <= d <= 0.1 for d in delays), delays
    rows = plays(catalogue)
    assert [(r["key"], r["context"], r["outcome"]) for r in rows] == [
        ("song-shy", "visitor", "completed")
    ]


def test_pause_holds_the_line_and_play_goes_on(qtbot, song) -> None:
    song.enter(key="song-shy")
    qtbot.waitUntil(lambda: song.view.current == 1, timeout=5000)
    qtbot.mouseClick(song.controls.play_pause, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: song.player.state == PlayerState.PAUSED, timeout=2000)
    assert song.controls.play_pause.icon == "play"
    held = song.player.elapsed()
    qtbot.wait(1800)
    assert song.view.current == 1 and song.player.elapsed() == pytest.approx(held, abs=0.05)
    assert not song.busy()
    qtbot.mouseClick(song.controls.play_pause, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: song.view.current == 2, timeout=4000)
    assert song.controls.play_pause.icon == "pause" and song.busy()


def test_a_tap_or_a_drag_on_the_seek_bar_moves_song_and_lyrics(qtbot, song) -> None:
    song.enter(key="song-shy")
    qtbot.waitUntil(lambda: song.player.elapsed() > 0.3, timeout=5000)
    seek = song.controls.seek
    left, right = seek._track()
    y = seek.height() // 2
    at = QPoint(int(left + (right - left) * 5.0 / 12.0), y)  # a tap at 5 s: the third line
    qtbot.mousePress(seek, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseRelease(seek, Qt.MouseButton.LeftButton, pos=at)
    assert song.view.current == 2
    qtbot.waitUntil(lambda: song.player.elapsed() >= 4.8, timeout=3000)
    qtbot.waitUntil(lambda: song.view.current == 3, timeout=2000)  # 5.5 s comes on
    back = QPoint(int(left + (right - left) * 3.0 / 12.0), y)  # dragged back to 3 s
    qtbot.mousePress(seek, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(seek, back)
    assert song.controls.elapsed == pytest.approx(3.0, abs=0.2)
    qtbot.mouseRelease(seek, Qt.MouseButton.LeftButton, pos=back)
    assert song.view.current == 1
    qtbot.waitUntil(lambda: 3.0 <= song.player.elapsed() < 4.0, timeout=3000)


def test_leaving_mid_song_records_skipped(qtbot, song, catalogue) -> None:
    song.enter(key="song-shy")
    qtbot.waitUntil(lambda: song.view.current == 0, timeout=5000)
    song.leave()
    assert [(r["key"], r["outcome"]) for r in plays(catalogue)] == [("song-shy", "skipped")]


def test_a_song_without_lyrics_says_so_and_plays(qtbot, song, ctx) -> None:
    song.enter(key="song-quiet")
    assert song.message.isVisible() and song.message.text() == "这首歌没有歌词。"
    qtbot.waitUntil(lambda: song.player.elapsed() > 0.2, timeout=5000)
    ctx.visit.set_lang("en")
    assert song.message.text() == "This song has no lyrics."


def test_lyrics_reflow_in_large_text(qtbot, song, ctx) -> None:
    from kiosk.ui.songs.lyrics import line_font

    song.enter(key="song-shy")
    normal = line_font(ctx.m, song.view.height())[0].pixelSize()
    ctx.visit.set_large(True)
    assert line_font(song.view.m, song.view.height())[0].pixelSize() > normal
    assert song.deck.height() >= ctx.m.touch_min


def test_a_missing_song_or_no_vlc_is_said_calmly(qtbot, ctx) -> None:
    ctx.films = None
    screen = SongScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(*SIZE)
    screen.show()
    screen.enter(key="song-shy")
    assert screen.mode == "unavailable" and not screen.deck.isVisible()
    screen.enter(key="no-such-song")
    assert screen.mode == "missing" and screen.message.text() == "这首歌已不在展陈中。"


def test_stored_lyrics_are_clean_utf8(ctx) -> None:
    work = ctx.library.work(ctx.library.item("song-shy"))
    text = work.subtitles.read_text("utf-8")
    assert text.startswith("[00:01.000]千锤万凿出深山，\n") and "[ti:" not in text
    assert len(read_lyrics(work.subtitles).lines) == 6
