"""Songs in the attract loop (real catalogue, real libvlc): only with sound on, their lyrics
card following the song, recorded in ``plays`` like a film."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from test_attract import Loop, content, import_into

from kiosk.paths import Paths
from kiosk.playback import VlcEngine, default_options

from factories import make_image
from needs import needs
from songs_factories import make_lrc, make_song

LRC = "[00:00.40]千锤万凿出深山，\n[00:01.20]烈火焚烧若等闲。\n[00:02.00]粉骨碎身浑不怕，\n"


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("media")
    return {
        "p1": make_image(d / "p1.jpg", (600, 800), color=(168, 40, 30)),
        "s1": make_song(d / "s1.wav", 5.0),  # ends ~1.3 s early on the dummy output
    }


@pytest.fixture
def engine() -> VlcEngine:
    needs("libvlc")
    eng = VlcEngine([*default_options(), "--aout=dummy"])  # no sound card on test machines
    yield eng
    eng.close()


def songs_catalogue(tmp_path: Path, media: dict[str, Path]) -> Paths:
    usb = content(
        tmp_path / "usb",
        media,
        [("p1", "poster", "p1", "海报"), ("song-a", "song", "s1", "石灰吟")],
    )
    make_lrc(usb / "song-a.lrc", LRC)  # beside song-a.wav: its lyrics
    paths = Paths(tmp_path / "data")
    import_into(paths, usb)
    return paths


KINDS = ("poster", "song")


def test_without_sound_in_the_loop_songs_are_left_out_with_a_log_line(
    qtbot, tmp_path, media, engine, caplog
) -> None:
    paths = songs_catalogue(tmp_path, media)
    caplog.set_level(logging.INFO, "kiosk.ui.attract.songs")
    loop = Loop(qtbot, paths, films=engine, attract={"kinds": KINDS, "audio": False})
    loop.screen.enter()
    qtbot.waitUntil(lambda: len(loop.completed("p1")) >= 2, timeout=10000)
    assert loop.screen.playlist.order() == ["p1"]
    assert "song-a" not in {k for k, _ in loop.started}
    assert "leaves songs out: [attract] audio is off" in caplog.text
    loop.close()


def test_with_sound_a_song_plays_its_lyrics_and_is_recorded(qtbot, tmp_path, media, engine):
    paths = songs_catalogue(tmp_path, media)
    loop = Loop(qtbot, paths, films=engine, attract={"kinds": KINDS, "audio": True})
    songs = loop.screen.loop.songs
    lines: list[int] = []
    loop.screen.enter()
    assert loop.screen.playlist.order() == ["p1", "song-a"]
    qtbot.waitUntil(lambda: ("song-a", "song") in loop.started, timeout=10000)
    assert songs.player.volume() == loop.ctx.settings.playback.volume
    assert not songs.player.is_muted()
    while not loop.completed("song-a"):
        qtbot.wait(20)
        if songs.current >= 0 and (not lines or lines[-1] != songs.current):
            lines.append(songs.current)
        assert loop.screen.layer.isVisible()  # the card, never night alone
        if len(lines) > 10:
            break
    assert lines[:3] == [0, 1, 2], lines
    qtbot.waitUntil(lambda: loop.completed("p1") and len(loop.started) >= 3, timeout=10000)
    song_plays = [p for p in loop.plays() if p["item_key"] == "song-a"]
    assert (song_plays[0]["context"], song_plays[0]["outcome"]) == ("loop", "completed")
    assert song_plays[0]["seconds"] >= 3.0
    loop.close()
