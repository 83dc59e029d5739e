"""Screenshots of the film library and the film player, both languages, real VLC output.

    .venv/bin/kiosk --data-dir /tmp/films-demo demo --no-window     # two films with subtitles
    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_films.py \
        --data-dir /tmp/films-demo/demo --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue with films. ``--fill N`` first copies it to a scratch
folder and imports N more (synthetic) films, to see a fuller grid.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.playback import VlcEngine, default_options
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui.films.library import FilmLibraryScreen
from kiosk.ui.films.player import FilmPlayerScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow

from harness import arguments, settle
from xinput import xtest_click

FILLER_TITLES = [
    ("警钟长鸣", "The Alarm Bell Rings On"),
    ("初心如磐", "A Resolve as Firm as Rock"),
    ("清白传家", "Passing Down a Clean Name"),
    ("一念之差", "One Wrong Thought"),
    ("两袖清风", "Nothing in the Sleeves but the Breeze"),
    ("廉洁从政的历史回望：从包拯到海瑞", "Integrity in Office, from Bao Zheng to Hai Rui"),
]


def wait_for(condition, timeout_s: float = 15.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get there in time")
        settle(50)


def filled_copy(data_dir: Path, n: int) -> Path:
    """A copy of the catalogue with ``n`` synthetic films more."""
    from kiosk.ingest.importer import Importer

    from factories import make_video

    scratch = Path(tempfile.mkdtemp(prefix="films-shots-"))
    shutil.copytree(data_dir, scratch / "data")
    src = scratch / "src"
    rows = []
    for i, (zh, en) in enumerate(FILLER_TITLES[:n]):
        make_video(src / f"f{i}.mp4", seconds=3.0 + i, size=(640, 360))
        rows.append([f"filler-{i}", "film", f"f{i}.mp4", zh, en, 10 + i])
    with open(src / "films.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "file", "title_zh", "title_en", "sort_order"])
        writer.writerows(rows)
    paths = Paths(scratch / "data")
    with Catalogue.open(paths.catalogue) as catalogue:
        report = Importer(catalogue, MediaStore.at(paths)).run([src])
        assert not report.rejected, report.rejected
    return paths.data_dir


def first_cue_middle(srt: Path, after: float = 4.0) -> float:
    """The middle of the first subtitle cue starting after ``after`` seconds."""
    text = srt.read_text("utf-8-sig")
    for a, b in re.findall(r"(\d+:\d+:\d+,\d+) --> (\d+:\d+:\d+,\d+)", text):
        start, end = (_seconds(a), _seconds(b))
        if start >= after:
            return (start + end) / 2
    return after


def _seconds(stamp: str) -> float:
    h, m, rest = stamp.split(":")
    s, ms = rest.split(",")
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--fill", type=int, default=0)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    data_dir = Path(args.data_dir)
    if args.fill:
        data_dir = filled_copy(data_dir, args.fill)
    paths = Paths(data_dir)
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    images = ImageLoader()
    settings = Settings()
    engine = VlcEngine([*default_options(), "--aout=dummy"])

    def make_context(window):
        return Context(
            library,
            settings,
            Visit("zh", theme.Metrics()),
            images,
            window,
            engine,
            None,
            Recorder(catalogue),
        )

    factories = {"home": FilmLibraryScreen, "films": FilmLibraryScreen, "film": FilmPlayerScreen}
    window = KioskWindow(make_context, factories)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    screen = app.primaryScreen()
    ctx = window.ctx
    suffix = "-filled" if args.fill else ""

    def shot(name: str, ms: int = 400) -> None:
        settle(ms)
        images.wait()
        settle(ms)
        path = out / f"{name}{suffix}.png"
        screen.grabWindow(0).save(str(path))
        print(path)

    for lang in ("zh", "en"):
        ctx.visit.set_lang(lang)
        window.go("films")
        shot(f"films-{lang}")
    if args.fill:
        # A film damaged in the store after import: the calm failure card.
        from factories import truncate

        ctx.visit.set_lang("zh")
        damaged = library.work(library.item("filler-0")).original
        truncate(damaged, 0.3).replace(damaged)
        window.go("film", key="filler-0")
        player = window.screen("film")
        wait_for(lambda: player.mode == "failed")
        shot("film-failed-zh")
        window.shutdown()
        engine.close()
        return
    # Without libvlc: the library with its notice.
    ctx.visit.set_lang("zh")
    ctx.films = None
    window.screen("films").reload()
    shot("films-no-vlc-zh")
    ctx.films = engine
    window.screen("films").reload()

    key = library.works(["film"])[0].key
    work = library.work(library.item(key))
    player: FilmPlayerScreen = window.screen("film")
    for lang in ("zh", "en"):
        ctx.visit.set_lang(lang)
        window.go("film", key=key)
        wait_for(lambda: player.player is not None and player.player.elapsed() > 0.5)
        at = first_cue_middle(work.subtitles) if work.subtitles else 8.0
        player.seek(at - 0.6)
        wait_for(lambda at=at: player.player.elapsed() >= at - 0.3)
        player.toggle_pause()  # hold the frame with its subtitle; the controls stay
        shot(f"film-controls-{lang}", 700)
        player.toggle_pause()
        player.fade_controls()
        shot(f"film-playing-{lang}", 900)
        # A real tap on the playing film reaches Qt (VLC does not take it): controls return.
        centre = player.surface.mapToGlobal(player.surface.rect().center())
        if xtest_click(centre.x(), centre.y()):
            wait_for(lambda: player.controls.isVisible(), 3.0)
            print("a tap on the video showed the controls")
        player.seek(work.duration_s - 1.5)
        wait_for(lambda: player.mode == "ended")
        shot(f"film-end-{lang}")
        window.back()
    ctx.visit.set_lang("zh")
    ctx.visit.set_large(True)
    window.go("films")
    shot("films-large-text")
    window.go("film", key="no-such-film")
    shot("film-missing-large-text")
    ctx.visit.set_large(False)
    window.back()
    window.shutdown()
    engine.close()


if __name__ == "__main__":
    main()
