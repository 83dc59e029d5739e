"""libvlc plays every container the importer accepts — WMV, FLV, AVI, RM/RMVB, MPEG-2
(.mpg, .vob), HEVC in MP4 and MKV — and a DVD's joined title set from start to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kiosk.ingest.importer import Importer
from kiosk.playback import FilmPlayer, PlayerState

from formats_factories import FILMS, make_dvd, make_film

#: The factory films' moving bar (cream) on their blue-grey ground.
BAR, GROUND = np.array((240, 220, 160)), np.array((70, 90, 110))


def share_near(frame: np.ndarray, colour: np.ndarray, tolerance: int = 40) -> float:
    return float((np.abs(frame.astype(int) - colour).max(axis=2) <= tolerance).mean())


def plays_to_the_end(qtbot, player: FilmPlayer, film: Path, seconds: float, shot: Path) -> None:
    """``film`` starts, shows real decoded pictures and ends normally after ``seconds``."""
    player.load(film, expected_duration=seconds)
    with qtbot.waitSignal(player.started, timeout=8000):
        player.play()
    assert player.state == PlayerState.PLAYING
    qtbot.wait(300)
    assert player.snapshot(shot)
    with Image.open(shot) as im:
        frame = np.asarray(im.convert("RGB"))
    assert frame.shape == (240, 320, 3)
    assert share_near(frame, GROUND) > 0.5 and share_near(frame, BAR) > 0.03
    with qtbot.waitSignal(player.ended, timeout=int(seconds * 1000) + 6000) as blocker:
        pass
    assert blocker.args == [True, "end of film"]
    assert player.duration() == pytest.approx(seconds, abs=0.2)
    assert player.elapsed() >= seconds - 0.35


@pytest.mark.parametrize("name", list(FILMS))
def test_libvlc_plays_each_container(qtbot, player, tmp_path, name):
    film = make_film(tmp_path / f"警示片{FILMS[name][3]}", name, seconds=2.0)
    plays_to_the_end(qtbot, player, film, 2.0, tmp_path / "frame.png")


def test_libvlc_plays_a_dvd_title_set_as_one_film(qtbot, player, catalogue, store, tmp_path):
    make_dvd(tmp_path / "in" / "镜鉴", seconds=3.0, parts=3)
    report = Importer(catalogue, store).run([tmp_path / "in"])
    assert report.rejected == []
    (item,) = catalogue.items()
    media = catalogue.media(item["media_id"])
    # Three parts, joined: played through without a stop at the joins.
    plays_to_the_end(qtbot, player, store.original(media["path"]), 3.0, tmp_path / "frame.png")
