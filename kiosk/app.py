"""Starting the kiosk: settings, catalogue, playback, window — in that order.

``run()`` is what ``kiosk run`` and ``kiosk demo`` call.  Expected trouble
(no libvlc, no Chinese font, a broken settings file) is logged in one sentence
and the kiosk carries on with what it can show; a bug is logged with its
traceback and the process exits non-zero for the supervisor to restart it.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.settings import Settings

log = logging.getLogger(__name__)

EXIT_BUG = 70


@dataclass(frozen=True)
class RunOptions:
    windowed: bool = False
    screen: int | None = None
    size: tuple[int, int] | None = None  # windowed size, for development and tests


def screen_factories():
    """Every screen by name, imported when first shown."""
    from kiosk.ui.attract import AttractScreen
    from kiosk.ui.films import FilmLibraryScreen, FilmPlayerScreen
    from kiosk.ui.gallery import GalleryScreen
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.lists import AphorismScreen, HistoryScreen

    return {
        "attract": AttractScreen,
        "home": HomeScreen,
        "films": FilmLibraryScreen,
        "film": FilmPlayerScreen,
        "gallery": GalleryScreen,
        "aphorisms": AphorismScreen,
        "history": HistoryScreen,
    }


def _install_crash_handler(app) -> None:
    def excepthook(etype, value, tb) -> None:
        log.critical(
            "unexpected error, exiting for a restart:\n%s",
            "".join(traceback.format_exception(etype, value, tb)),
        )
        app.exit(EXIT_BUG)

    sys.excepthook = excepthook


def _quit_on_signals(app) -> None:
    """SIGTERM/SIGINT (a supervisor stopping the kiosk) end the event loop cleanly."""
    from PySide6.QtCore import QTimer

    def stop(signum, frame) -> None:
        log.info("signal %d: stopping", signum)
        app.quit()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def run(paths: Paths, settings: Settings, options: RunOptions) -> int:
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "0")
    from PySide6.QtWidgets import QApplication

    from kiosk.records import Recorder
    from kiosk.ui import theme
    from kiosk.ui.base import Context, Visit
    from kiosk.ui.images import ImageLoader
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("qingfeng-kiosk")
    _install_crash_handler(app)
    _quit_on_signals(app)
    if theme.missing_chinese_fonts():
        log.error(
            "No Chinese font is installed, so text cannot be shown; install "
            "fonts-noto-cjk (Debian/UOS/Kylin) and restart."
        )

    catalogue = Catalogue.open(paths.catalogue)
    library = Library(catalogue, MediaStore.at(paths))
    films, films_problem = _open_playback(settings, app)
    records = Recorder(catalogue)
    images = ImageLoader()

    def make_context(window: KioskWindow) -> Context:
        scale = 1.0
        visit = Visit(settings.exhibition.default_language, theme.Metrics(scale))
        return Context(library, settings, visit, images, window, films, films_problem, records)

    factories = screen_factories()
    window = KioskWindow(make_context, factories, locked_down=not options.windowed)
    screens = app.screens()
    index = options.screen if options.screen is not None else settings.display.screen
    target = screens[index] if 0 <= index < len(screens) else app.primaryScreen()
    if index >= len(screens):
        log.warning(
            "screen %d not found (%d connected); using the primary screen", index, len(screens)
        )
    if options.windowed:
        w, h = options.size or (1280, 720)
        window.resize(w, h)
        window.show()
    else:
        # A bare X server has no window manager: size the window before fullscreen.
        window.setGeometry(target.geometry())
        window.showFullScreen()
    window.start()
    log.info(
        "kiosk started on %s (%dx%d), catalogue %s",
        target.name(),
        window.width(),
        window.height(),
        paths.catalogue,
    )
    code = app.exec()
    window.shutdown()
    if films is not None:
        films.close()
    images.wait()
    catalogue.close()
    return code


def _open_playback(settings: Settings, app):
    from kiosk import playback

    options = list(settings.playback.vlc_options) or None
    try:
        return playback.VlcEngine(options), None
    except playback.PlaybackUnavailable as e:
        log.error("%s", e)
        return None, str(e)


def data_paths(data_dir: Path | None) -> Paths:
    return Paths.default(data_dir)
