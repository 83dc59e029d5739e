"""How closely the lyrics follow the song: the highlight's delay after each line's time.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/benchmarks/bench_lyrics.py \\
        [--until SECONDS] [--size 1920x1080]

Plays the demo song (《石灰吟》, made by ``kiosk.demo.song`` in a temporary folder and
imported as an operator would) on the real lyrics screen (``SongScreen``) through the real
libvlc player, on this machine under Xvfb, and prints for each line the delay between its
time in the LRC and the first paint that showed it highlighted, in the player's time: the
player's own reports (polled every 5 ms) date the song on the monotonic clock (their
median offset; the song plays at rate 1), and the paint's monotonic time is put on that
scale. Then the median and the maximum. Target: every delay within 0–100 ms.

Without a sound card libvlc's dummy audio output is used (``--aout=dummy``): its clock is
the system's, as a real output's is; it ends the song ~1.3 s early, after the last line.
``--until`` stops after that many seconds of song (a quick check; the song is 70 s).
Without DISPLAY it re-runs itself under xvfb-run at ``--size``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))


def load() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def bench(tmp: Path, until: float) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.catalog import Catalogue
    from kiosk.catalog.files import MediaStore
    from kiosk.catalog.library import Library
    from kiosk.demo import song
    from kiosk.ingest.importer import Importer
    from kiosk.ingest.lyrics import read_lyrics
    from kiosk.paths import Paths
    from kiosk.playback import PlayerState, VlcEngine, default_options
    from kiosk.settings import Settings
    from kiosk.ui.screen import Context, Visit
    from kiosk.ui.songs.player import SongScreen
    from kiosk.ui.widgets import theme
    from kiosk.ui.widgets.images import ImageLoader

    from catalogues import Nav
    from songs_factories import HighlightTiming

    app = QApplication.instance() or QApplication([])
    folder = tmp / "歌曲"
    folder.mkdir()
    song.render_song(folder / "石灰吟.ogg", folder / "石灰吟.lrc")
    paths = Paths(tmp / "data")
    with Catalogue.open(paths.catalogue) as catalogue:
        Importer(catalogue, MediaStore.at(paths)).run([folder])
        engine = VlcEngine([*default_options(), "--aout=dummy"])
        screen_size = app.primaryScreen().size()
        ctx = Context(
            library=Library(catalogue, MediaStore.at(paths)),
            settings=Settings(),
            visit=Visit("zh", theme.Metrics.for_screen(screen_size.width(), screen_size.height())),
            images=ImageLoader(),
            nav=Nav(),
            films=engine,
        )
        screen = SongScreen(ctx)
        screen.resize(screen_size)
        screen.show()
        (item,) = catalogue.items(["song"])
        screen.enter(key=item["key"])
        timing = HighlightTiming(screen.view, screen.player)
        lines = read_lyrics(ctx.library.work(item).subtitles).lines
        started = time.monotonic()
        while screen.player.state in (PlayerState.LOADED, PlayerState.PLAYING):
            app.processEvents()
            time.sleep(0.001)
            if screen.player.elapsed() >= until or time.monotonic() - started > until + 20:
                break
        changes = [ln for ln in lines if ln.start_s <= screen.player.elapsed()]
        expected = [(screen.view.sung.at(ln.start_s + 1e-3)[0], ln.start_s) for ln in changes]
        delays = timing.delays(expected[: len(timing.paints) - 1])
        screen.leave()
        screen.player.close()
        engine.close()
    print(f"{'line':>4}  {'time':>7}  {'delay':>8}  text")
    for (line, start), delay, lrc in zip(expected, delays, changes, strict=False):
        print(f"{line:>4}  {start:7.2f}  {delay * 1000:6.0f} ms  {lrc.text or '(end)'}")
    ms = [d * 1000 for d in delays]
    print(
        f"{len(ms)} line changes: median {statistics.median(ms):.0f} ms, max {max(ms):.0f} ms,"
        f" min {min(ms):.0f} ms (target 0-100 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--until", type=float, default=1e9, help="seconds of song to play")
    parser.add_argument("--size", default="1920x1080", help="Xvfb screen when run without DISPLAY")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            raise SystemExit("needs a display or xvfb-run (apt install xvfb)")
        screen = f"-screen 0 {args.size}x24"
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", screen, sys.executable, *sys.argv])
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())
    print(f"before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        bench(Path(tmp), args.until)
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
