"""The kiosk as the supervisor's child, in this process: its heartbeat over a real pipe,
the attract loop starting at the item it is told, and safe mode (no films, said why)."""

from __future__ import annotations

import contextlib
import os

import pytest

from kiosk.app import RunOptions, build
from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.settings import Settings
from kiosk.strings import tr
from kiosk.supervisor.protocol import BeatReader, BeatWriter
from kiosk.ui.heartbeat import Heartbeat

from factories import make_image

pytestmark = pytest.mark.x11

SETTINGS = Settings().with_overrides(attract={"poster_s": 3.0, "crossfade_ms": 100})


@pytest.fixture
def keys(tmp_path, paths) -> list[str]:
    src = tmp_path / "content"
    for name, color in (("清风", (190, 40, 40)), ("明月", (40, 160, 60)), ("松竹", (40, 60, 180))):
        make_image(src / "posters" / f"{name}.jpg", (800, 600), color=color)
    with Catalogue.open(paths.catalogue) as cat:
        assert Importer(cat, MediaStore.at(paths)).run([src]).rejected == []
        return [i["key"] for i in cat.items()]


def beats_from(read_fd: int):
    """The beats read so far from the pipe, and ``read()``: read more, True once one of
    them says the first frame is on screen."""
    os.set_blocking(read_fd, False)
    reader, beats = BeatReader(), []

    def read() -> bool:
        with contextlib.suppress(BlockingIOError):
            beats.extend(reader.feed(os.read(read_fd, 65536)))
        return any(b.frame for b in beats)

    return beats, read


def test_heartbeats_name_the_item_resumed_at_and_the_first_frame(qtbot, keys, paths) -> None:
    resume = keys[2]  # not the first of the loop
    options = RunOptions(windowed=True, size=(800, 600), start_at=(resume, False))
    kiosk = build(paths, SETTINGS, options)
    shown = []
    kiosk.window.screens["attract"].item_started.connect(lambda key, how: shown.append(key))
    read_fd, write_fd = os.pipe()
    stopped = []
    heartbeat = Heartbeat(kiosk.window, BeatWriter(write_fd), lambda: stopped.append(True))
    beats, read = beats_from(read_fd)

    try:
        heartbeat.start()
        qtbot.waitUntil(read, timeout=15000)
        assert not beats[0].frame  # the start, before anything is painted
        framed = [b for b in beats if b.frame]
        assert shown[0] == resume  # the loop began where it was told
        assert framed[0].key == resume  # the first frame is that item, not a dark window
        os.close(read_fd)  # the supervisor is gone: the next beat stops the kiosk
        heartbeat.beat()
        assert stopped == [True]
    finally:
        heartbeat.writer.close()
        kiosk.close()


def test_a_first_item_ready_at_once_counts_as_the_first_frame(qtbot, tmp_path, paths) -> None:
    # An aphorism card is ready within window.start(), before the heartbeat exists: its
    # first frame must still be told (it once waited for the next item, 12 s later).
    sheet = tmp_path / "sayings.csv"
    sheet.write_text("kind,title_zh,title_en\naphorism,廉者，民之表也,Integrity\n", "utf-8")
    with Catalogue.open(paths.catalogue) as cat:
        assert Importer(cat, MediaStore.at(paths)).run([sheet]).rejected == []
    settings = SETTINGS.with_overrides(attract={"aphorism_s": 600.0})
    kiosk = build(paths, settings, RunOptions(windowed=True, size=(800, 600)))
    assert kiosk.window.screens["attract"].current_key is not None  # began in build()
    read_fd, write_fd = os.pipe()
    heartbeat = Heartbeat(kiosk.window, BeatWriter(write_fd), lambda: None)
    _beats, read = beats_from(read_fd)

    try:
        heartbeat.start()
        qtbot.waitUntil(read, timeout=5000)
    finally:
        heartbeat.writer.close()
        os.close(read_fd)
        kiosk.close()


def test_safe_mode_loads_no_films_and_says_why(qtbot, keys, paths) -> None:
    since = "2026-12-06T10:00:00.000+00:00"
    kiosk = build(paths, SETTINGS, RunOptions(windowed=True, size=(800, 600), safe_since=since))
    try:
        assert kiosk.films is None
        films = kiosk.window.screen("films")
        films.retranslate()
        assert films.notice.text() == tr("films_safe_mode", "zh")  # not "VLC is missing"
        attract = kiosk.window.screens["attract"]
        assert attract.band.notice == tr("safe_mode_band", "en")
        assert "film" not in attract.playlist.kinds
    finally:
        kiosk.close()
