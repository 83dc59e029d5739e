"""End to end: the real `kiosk run` with real VLC under Xvfb, judged by what it recorded."""

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
from kiosk.ingest.importer import Importer

from factories import make_image, make_video
from needs import needs

# The kiosk is given 90 s to show everything, and 30 s to stop.
pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.x11, pytest.mark.timeout(600)]

SETTINGS = """
[attract]
poster_s = 1.5
calligraphy_s = 1.5
aphorism_s = 1.5
crossfade_ms = 300

[touch]
idle_timeout_s = 30
"""


def plays(paths):
    with Catalogue.open(paths.catalogue) as cat:
        return cat.plays()


def test_kiosk_run_cycles_items_and_plays_films_to_the_end(tmp_path, paths):
    needs("libvlc")
    src = tmp_path / "content"
    make_image(src / "posters" / "清风.jpg", (1600, 900))
    make_image(src / "calligraphy" / "廉.jpg", (900, 1600))
    make_video(src / "films" / "film-a.mp4", seconds=2.0, size=(640, 360))
    make_video(src / "films" / "film-b.mp4", seconds=2.5, size=(640, 360))  # not a duplicate
    (src / "aphorisms.csv").write_text(
        "key,kind,title_zh,title_en,author_zh,source_zh\n"
        "si-zhi,aphorism,天知，神知，我知，子知。,Heaven knows.,杨震,《后汉书·杨震列传》\n",
        encoding="utf-8",
    )
    with Catalogue.open(paths.catalogue) as cat:
        assert Importer(cat, MediaStore.at(paths)).run([src]).rejected == []
    paths.config_file.write_text(SETTINGS, encoding="utf-8")

    env = {**os.environ}
    env.pop("QT_QPA_PLATFORM", None)  # the kiosk picks its platform itself, as installed
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--data-dir", str(paths.data_dir), "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        done = False
        while time.monotonic() < deadline and proc.poll() is None:
            rows = plays(paths)
            films = {
                r["item_key"]
                for r in rows
                if r["outcome"] == "completed" and r["item_key"].startswith("film-")
            }
            stills = {
                r["item_key"]
                for r in rows
                if r["outcome"] == "completed" and not r["item_key"].startswith("film-")
            }
            if len(films) == 2 and len(stills) == 3:
                done = True
                break
            time.sleep(0.5)
        assert proc.poll() is None, proc.stdout.read()
        assert done, f"recorded so far: {plays(paths)}"
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "Traceback" not in out

    rows = plays(paths)
    assert all(r["context"] == "loop" for r in rows)
    for row in rows:
        if row["outcome"] == "completed" and row["item_key"].startswith("film-"):
            assert 1.5 <= row["seconds"] <= 4.0, row  # played to the end, not cut short
    failed = [r for r in rows if r["outcome"] == "failed"]
    assert failed == []
    # Timestamps are ordered and never overlap: one thing on screen at a time.
    for a, b in itertools.pairwise(rows):
        assert a["started_at"] <= a["ended_at"] <= b["ended_at"]
