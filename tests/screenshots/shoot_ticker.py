"""Screenshots of the rules ticker: along the attract loop over a picture and over a film
(its subtitles above the band), in large text, Chinese only, and on the home screen.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_ticker.py \
        --data-dir DIR --out screenshots/ticker/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/ticker/portrait

DIR holds a catalogue (the demo one). It is not changed: the script works on a copy of
its catalogue (the media are linked), into which the cited lines of
docs/research/kinds/tickers.csv are imported when it holds no ticker lines.

    01-over-picture.png     a poster, the caption and hint, the band scrolling below
    02-over-film.png        a film with its subtitles, the band below the video
    03-large-text.png       the same loop in large text: a taller band
    04-zh-only.png          ``[ticker] languages = "zh"``
    05-home.png             the home screen with ``[ticker] on_home = true``
    06-home-en.png          the same in English
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests' helpers

from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths
from kiosk.playback import PlaybackUnavailable, VlcEngine, default_options
from kiosk.playlist import AttractPlaylist
from kiosk.settings import Settings

from harness import arguments, open_kiosk, settle
from tickers import cited_lines, fullscreen_attract

POSTER, FILM = "poster-si-zhi", "film-si-zhi-que-jin"


def with_lines(data_dir: Path) -> Path:
    """A copy of ``data_dir``'s catalogue beside links to its media, with ticker lines."""
    copy = Path(tempfile.mkdtemp(prefix="ticker-shots-")) / "data"
    copy.mkdir()
    shutil.copy2(data_dir / "catalogue.sqlite", copy / "catalogue.sqlite")
    for name in ("store", "renditions"):
        if (data_dir / name).exists():
            (copy / name).symlink_to((data_dir / name).resolve())
    paths = Paths(copy)
    with Catalogue.open(paths.catalogue) as cat:
        if not cat.items(["ticker"]):
            lines = cited_lines(copy.parent / "lines")
            report = Importer(cat, MediaStore.at(paths)).run([lines])
            assert not report.rejected, report.rejected
    return copy


def full(ticker) -> int:
    """Milliseconds until the band, filling from the right, is full."""
    return int(1000 * ticker.width() / ticker.speed) + 500


def main() -> None:
    args = arguments(__doc__).parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = with_lines(Path(args.data_dir))
    app = QApplication.instance() or QApplication([])
    paths = Paths(data)
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    try:
        films = VlcEngine([*default_options(), "--aout=dummy"])
    except PlaybackUnavailable:
        films = None

    def shot(name: str) -> None:
        path = out / f"{name}.png"
        app.primaryScreen().grabWindow(0).save(str(path))
        print(path, flush=True)

    def loop_of(keys: list[str], *, large: bool = False, ticker=None):
        settings = Settings().with_overrides(
            attract={"poster_s": 60.0, "film_max_s": 60.0}, ticker=ticker or {}
        )
        window, screen = fullscreen_attract(library, settings, films, large=large)

        def source(kinds, on=None):
            works = {w.key: w for w in library.works(list(kinds), on=on)}
            return [works[k] for k in keys if k in works]

        screen.playlist = AttractPlaylist(source, settings.attract, kinds=("poster", "film"))
        settle(300)
        screen.enter()
        return window, screen

    for name, keys, large, ticker in (
        ("01-over-picture", [POSTER], False, None),
        ("02-over-film", [FILM], False, None),
        ("03-large-text", [POSTER], True, None),
        ("04-zh-only", [POSTER], False, {"languages": "zh"}),
    ):
        if keys == [FILM] and films is None:
            continue
        window, screen = loop_of(keys, large=large, ticker=ticker)
        full_ms = full(screen.ticker)
        settle(full_ms)
        shot(name)
        screen.leave()
        window.close()
        settle(200)
    if films is not None:
        films.close()
    catalogue.close()

    kiosk = open_kiosk(str(data), str(out), {}, Settings().with_overrides(ticker={"on_home": True}))
    kiosk.window.home()
    settle(full_ms)
    kiosk.shot("05-home")
    kiosk.window.ctx.visit.set_lang("en")
    settle(1500)
    kiosk.shot("06-home-en")
    kiosk.window.shutdown()
    shutil.rmtree(data.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
