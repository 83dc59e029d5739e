"""End to end (issue 13): the real `kiosk run` under Xvfb with real VLC, on a catalogue holding
every one of the programme's kinds, judged by what it recorded: a couplet, a riddle, a
warning case and a song shown in the loop and completed, and the ticker's line recorded
as passes across the screen, with nothing failed and one thing on screen at a time."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time

import pytest

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer, import_lines

from factories import make_image
from needs import needs
from songs_factories import make_lrc, make_song

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.x11, pytest.mark.timeout(600)]

SETTINGS = """
[attract]
kinds = ["poster", "couplet", "riddle", "case", "song"]
poster_s = 1.5
couplet_s = 1.5
riddle_s = 2.0
case_s = 1.5
crossfade_ms = 300
audio = true

[ticker]
speed = 800

[touch]
idle_timeout_s = 30
"""

SHEET = (
    "key,kind,title_zh,title_en,upper_zh,lower_zh,style,hint_zh,answer_zh,person_zh,outcome_zh,"
    "date,source_zh,file,lyrics\n"
    "couplet-e2e,couplet,,,吃百姓之饭穿百姓之衣,得一官不荣失一官不辱,hall,,,,,,内乡县衙,,\n"
    "riddle-e2e,riddle,千里相逢,,,,,打一字,重,,,,,,\n"
    "case-e2e,case,成克杰受贿案,,,,,,,成克杰，原全国人大常委会副委员长,判处死刑,2000-08-22,"
    "全国人大常委会公告,,\n"
    "song-e2e,song,石灰吟,,,,,,,,,,,songs/song.ogg,songs/song.lrc\n"
    "ticker-e2e,ticker,尔俸尔禄，民膏民脂，下民易虐，上天难欺。,,,,,,,,,,,,\n"
)
PROGRAMME = ("couplet-e2e", "riddle-e2e", "case-e2e", "song-e2e")


def plays(paths):
    with Catalogue.open(paths.catalogue) as cat:
        return cat.plays()


def test_kiosk_run_shows_and_records_every_programme_kind(tmp_path, paths):
    needs("libvlc")
    src = tmp_path / "content"
    make_image(src / "posters" / "清风.jpg", (1600, 900))
    (src / "songs").mkdir(parents=True)
    make_song(src / "songs" / "song.ogg", seconds=6.0)
    make_lrc(src / "songs" / "song.lrc", "[00:00.20]千锤万凿出深山\n[00:01.50]烈火焚烧若等闲\n")
    (src / "programme.csv").write_text(SHEET, encoding="utf-8")
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([src])
        assert report.rejected == [], import_lines(report, "en")
        assert {r["kind"] for r in cat.items(["couplet", "riddle", "case", "song", "ticker"])} == {
            "couplet",
            "riddle",
            "case",
            "song",
            "ticker",
        }
    paths.config_file.write_text(SETTINGS, encoding="utf-8")

    env = {**os.environ}
    env.pop("QT_QPA_PLATFORM", None)  # the kiosk picks its platform itself, as installed
    # Its output goes to a file, not a pipe: with no sound card libvlc's ALSA lines fill a
    # pipe nobody reads until the end, and the kiosk would block writing its log.
    output = tmp_path / "kiosk.out"
    with open(output, "w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--data-dir", str(paths.data_dir), "run"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        done = False
        while time.monotonic() < deadline and proc.poll() is None:
            completed = {r["item_key"] for r in plays(paths) if r["outcome"] == "completed"}
            if set(PROGRAMME) | {"ticker-e2e"} <= completed:
                done = True
                break
            time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        out = output.read_text(errors="replace")
    assert done, f"recorded so far: {plays(paths)}\n{out}"
    assert proc.returncode == 0, out
    assert "Traceback" not in out

    rows = plays(paths)
    assert all(r["context"] == "loop" for r in rows)
    assert [r for r in rows if r["outcome"] == "failed"] == []
    for row in rows:
        if row["item_key"] == "song-e2e" and row["outcome"] == "completed":
            assert 4.0 <= row["seconds"] <= 8.0, row  # the song played to its end
    # The loop's items follow one another without overlapping (the ticker's passes run
    # beside them, along the bottom).
    shown = [r for r in rows if r["item_key"] != "ticker-e2e"]
    for a, b in itertools.pairwise(shown):
        assert a["started_at"] <= a["ended_at"] <= b["ended_at"]
