"""Screenshots of the songs: the list, the lyrics screen mid-song (zh, en, large text), the
attract loop's lyrics card, and the home screen with its songs tile; real libvlc.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_songs.py \
        --data-dir ~/.local/share/qingfeng-kiosk/demo --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR is copied to a scratch folder first; the demo song (《石灰吟》, made by
``kiosk.demo.song``) is imported into the copy if it has no song yet.
"""

from __future__ import annotations

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
from kiosk.ui.attract.screen import AttractScreen
from kiosk.ui.home import HomeScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.songs.library import SongsScreen
from kiosk.ui.songs.player import SongScreen
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow

from harness import arguments, settle


def wait_for(condition, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get there in time")
        settle(30)


def with_song(data_dir: Path) -> Path:
    """A scratch copy of the catalogue, with the demo song (its row of the demo's songs.csv)
    imported if it has none."""
    from kiosk.demo import media, song
    from kiosk.ingest.importer import Importer

    scratch = Path(tempfile.mkdtemp(prefix="songs-shots-"))
    shutil.copytree(data_dir, scratch / "data")
    paths = Paths(scratch / "data")
    with Catalogue.open(paths.catalogue) as catalogue:
        if not catalogue.items(["song"]):
            folder = scratch / "songs"
            (row,) = media.read_sheet(media.SONGS, media.SONG_COLUMNS)
            audio = folder / row["file"]
            audio.parent.mkdir(parents=True)
            song.render_song(audio, audio.with_suffix(".lrc"))
            shutil.copyfile(media.SONGS, folder / "songs.csv")
            report = Importer(catalogue, MediaStore.at(paths)).run([folder])
            assert not report.rejected, report.rejected
    return paths.data_dir


def main() -> None:
    args = arguments(__doc__).parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    paths = Paths(with_song(Path(args.data_dir).expanduser()))
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    images = ImageLoader()
    attract = {"audio": True, "kinds": ("song",), "crossfade_ms": 300}
    settings = Settings().with_overrides(attract=attract)
    engine = VlcEngine([*default_options(), "--aout=dummy"])
    geometry = app.primaryScreen().geometry()

    def make_context(window):
        return Context(
            library,
            settings,
            Visit("zh", theme.Metrics.for_screen(geometry.width(), geometry.height())),
            images,
            window,
            engine,
            None,
            Recorder(catalogue),
        )

    factories = {
        "home": HomeScreen,
        "attract": AttractScreen,
        "songs": SongsScreen,
        "song": SongScreen,
    }
    window = KioskWindow(make_context, factories)
    window.setGeometry(geometry)
    window.showFullScreen()
    ctx = window.ctx

    def shot(name: str, ms: int = 500) -> None:
        settle(ms)
        images.wait()
        settle(200)
        path = out / f"{name}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    window.home()
    shot("home-songs-tile-zh")
    key = library.works(["song"])[0].key
    for lang in ("zh", "en"):
        ctx.visit.set_lang(lang)
        window.go("songs")
        shot(f"songs-{lang}")
        window.go("song", key=key)
        player: SongScreen = window.screen("song")
        wait_for(lambda p=player: p.player is not None and p.player.elapsed() > 0.3)
        player.seek(47.0)  # the second line of the second pass
        wait_for(lambda p=player: p.player.elapsed() >= 47.2)
        player.toggle_pause()
        shot(f"song-lyrics-{lang}", 800)
        player.toggle_pause()
        window.back()
    ctx.visit.set_lang("zh")
    ctx.visit.set_large(True)
    window.go("song", key=key)
    player = window.screen("song")
    wait_for(lambda: player.player is not None and player.player.elapsed() > 0.3)
    player.seek(20.0)
    wait_for(lambda: player.player.elapsed() >= 20.2)
    player.toggle_pause()
    shot("song-lyrics-large-text", 800)
    window.go("songs")
    shot("songs-large-text")
    ctx.visit.set_large(False)
    window.go("song", key="no-such-song")
    shot("song-missing-zh")
    window.go("attract")
    loop = window.screen("attract").loop
    wait_for(lambda: loop.songs.current == 0)
    shot("loop-song-card-first-line", 700)
    wait_for(lambda: loop.songs.current == 1, 12.0)
    shot("loop-song-card-second-line", 700)
    window.shutdown()
    engine.close()


if __name__ == "__main__":
    main()
