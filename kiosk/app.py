"""Starting the kiosk: settings, catalogue, playback, window — in that order.

``run()`` is what ``kiosk run`` and ``kiosk demo`` call.  Expected trouble
(no libvlc, no Chinese font, a broken settings file) is logged in one sentence
and the kiosk carries on with what it can show; a bug is logged with its
traceback and the process exits non-zero for the supervisor to restart it.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.logs import RecentErrors
from kiosk.paths import Paths
from kiosk.pin import PinGuard, load_pin_hash
from kiosk.rotation import Rotation, rotate
from kiosk.settings import Settings
from kiosk.strings import tr
from kiosk.supervisor.protocol import EXIT_OPERATOR, BeatWriter

log = logging.getLogger(__name__)

EXIT_BUG = 70
#: Test-only: see ``_crash_for_tests``.
CRASH_FOR_TESTS = "QINGFENG_TEST_CRASH_AFTER_S"


@dataclass(frozen=True)
class RunOptions:
    windowed: bool = False
    screen: int | None = None
    size: tuple[int, int] | None = None  # windowed size, for development and tests
    rotate: int | None = None  # degrees clockwise; None: the [display] rotate setting
    # Set by the supervisor (kiosk.supervisor) for the kiosk it runs:
    heartbeat_fd: int | None = None  # where the heartbeat goes
    safe_since: str | None = None  # safe mode (stills only, no films) since then, UTC
    start_at: tuple[str, bool] | None = None  # (key, after): where the attract loop begins
    # Tests: the clock the opening hours are kept by (None: the machine's local time).
    clock: Callable[[], datetime] | None = None


def screen_factories(operator: dict[str, Any], start_at: tuple[str, bool] | None = None):
    """Every screen by name; the operator screens get their dependencies passed in."""
    from kiosk.ui.attract.screen import AttractScreen
    from kiosk.ui.cases.page import CaseScreen
    from kiosk.ui.cases.section import CasesScreen
    from kiosk.ui.closed.screen import ClosedScreen
    from kiosk.ui.films.library import FilmLibraryScreen
    from kiosk.ui.films.player import FilmPlayerScreen
    from kiosk.ui.gallery.screen import GalleryScreen
    from kiosk.ui.history.detail import ItemScreen
    from kiosk.ui.history.hub import HistoryScreen
    from kiosk.ui.history.lists import AphorismScreen, KindListScreen
    from kiosk.ui.history.map import MapScreen
    from kiosk.ui.history.timeline import TimelineScreen
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.operator.content import ContentScreen
    from kiosk.ui.operator.panel import OperatorScreen
    from kiosk.ui.operator.pinpad import PinScreen
    from kiosk.ui.operator.report_page import ReportPage
    from kiosk.ui.operator.usb_screen import UsbScreen
    from kiosk.ui.pledge.admin import PledgeAdminPage
    from kiosk.ui.pledge.screen import PledgeScreen
    from kiosk.ui.pledge.wall import PledgeWallScreen
    from kiosk.ui.programme.couplet import CoupletScreen
    from kiosk.ui.programme.riddles import RiddlesScreen
    from kiosk.ui.quiz.group import GroupScreen
    from kiosk.ui.quiz.screen import QuizScreen
    from kiosk.ui.search.screen import SearchScreen
    from kiosk.ui.songs.library import SongsScreen
    from kiosk.ui.songs.player import SongScreen

    return {
        "attract": lambda ctx: AttractScreen(ctx, start_at=start_at),
        "closed": ClosedScreen,
        "home": HomeScreen,
        "films": FilmLibraryScreen,
        "film": FilmPlayerScreen,
        "songs": SongsScreen,
        "song": SongScreen,
        "gallery": GalleryScreen,
        "aphorisms": AphorismScreen,
        "history": HistoryScreen,
        "people": lambda ctx: KindListScreen(ctx, "person"),
        "places": lambda ctx: KindListScreen(ctx, "place"),
        "events": lambda ctx: KindListScreen(ctx, "event"),
        "topics": lambda ctx: KindListScreen(ctx, "topic"),
        "timeline": TimelineScreen,
        "map": MapScreen,
        "item": ItemScreen,
        "cases": CasesScreen,
        "case": CaseScreen,
        "search": SearchScreen,
        "couplet": CoupletScreen,
        "riddles": RiddlesScreen,
        "quiz": QuizScreen,
        "quiz_group": GroupScreen,
        "pledge": PledgeScreen,
        "pledge_wall": PledgeWallScreen,
        "pledge_admin": PledgeAdminPage,
        "content": ContentScreen,
        "pin": lambda ctx: PinScreen(ctx, operator["guard"], operator["load_hash"]),
        "operator": lambda ctx: OperatorScreen(
            ctx, operator["status"], operator["set_volume"], operator["reload"], operator["quit"]
        ),
        "report": lambda ctx: ReportPage(ctx, operator["report"], operator["save_report"]),
        "usb": lambda ctx: UsbScreen(ctx, operator["reload"]),
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
        # exit(), not quit(): Qt 6's quit() first asks windows to close, and the
        # locked-down kiosk window refuses.
        app.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


@dataclass
class Kiosk:
    """Everything a running kiosk holds, so it can be closed in order."""

    app: object
    window: object
    catalogue: Catalogue
    films: object | None
    images: object
    rotation: Rotation | None = None
    hours: object | None = None  # kiosk.ui.closed.keeper.HoursKeeper

    def close(self) -> None:
        if self.hours is not None:
            self.hours.stop()
        self.window.shutdown()
        if self.films is not None:
            self.films.close()
        self.images.wait()
        self.catalogue.close()
        if self.rotation is not None:
            self.rotation.restore()
            self.rotation = None


def build(
    paths: Paths, settings: Settings, options: RunOptions, content: Paths | None = None
) -> Kiosk:
    """Create the application objects and show the window in the attract loop.

    ``paths`` is the data folder (settings, logs, operator PIN); ``content`` the
    catalogue and media to show, when they live elsewhere (the demo).
    """
    content = content or paths
    os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "0")
    from PySide6.QtWidgets import QApplication

    from kiosk.records import Recorder
    from kiosk.ui.screen import Context, Visit
    from kiosk.ui.widgets import theme
    from kiosk.ui.widgets.images import ImageLoader
    from kiosk.ui.window import KioskWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("qingfeng-kiosk")
    fonts_problem = None
    if theme.missing_chinese_fonts():
        fonts_problem = (
            "No Chinese font is installed, so Chinese text cannot be shown: install "
            "fonts-noto-cjk (Debian/UOS/Kylin) and restart."
        )
        log.error("%s", fonts_problem)

    catalogue = Catalogue.open(content.catalogue)
    library = Library(catalogue, MediaStore.at(content), settings.pledge.keep)
    if options.safe_since is None:
        films, films_problem = _open_playback(settings)
    else:  # safe mode: libvlc, the usual suspect of repeated crashes, is not even loaded
        films, films_problem = None, tr("safe_mode_band", "en")
        log.warning("safe mode since %s: stills only, no films", options.safe_since)
    records = Recorder(catalogue)
    images = ImageLoader(settings.display.picture_cache_bytes())

    def make_context(window: KioskWindow) -> Context:
        visit = Visit(settings.exhibition.default_language, theme.Metrics())
        return Context(
            library,
            settings,
            visit,
            images,
            window,
            films,
            films_problem,
            records,
            fonts_problem=fonts_problem,
            films_off="films_unavailable" if options.safe_since is None else "films_safe_mode",
        )

    recent = RecentErrors()
    logging.getLogger().addHandler(recent)
    started = time.monotonic()
    holder: dict[str, Any] = {}

    def status() -> dict[str, Any]:
        attract = holder["window"].screens.get("attract")
        broken = attract.broken_items() if attract is not None else []
        return {
            "broken": broken,
            "last_errors": list(recent.lines),
            "uptime_s": time.monotonic() - started,
            "films_problem": films_problem,
            "safe_since": options.safe_since,
            "clock_problem": holder["hours"].clock_problem,
        }

    def set_volume(volume: int) -> None:
        holder["volume"] = volume
        for screen in holder["window"].screens.values():
            if hasattr(screen, "set_volume"):
                screen.set_volume(volume)

    def reload() -> None:
        library.invalidate()  # every screen re-reads the catalogue when next shown
        for screen in holder["window"].screens.values():
            if hasattr(screen, "reload"):
                screen.reload()

    operator = {
        "guard": PinGuard(settings.operator.max_tries, settings.operator.lockout_s),
        "load_hash": lambda: load_pin_hash(paths),
        "status": status,
        "set_volume": set_volume,
        "reload": reload,
        "quit": lambda: app.exit(EXIT_OPERATOR),
        # The Report page: this month from the catalogue, and saved to a USB stick (the
        # report's libraries are loaded only when an operator asks).
        "report": lambda lang: _report_module().this_month(content.catalogue, settings, lang),
        "save_report": lambda lang: _usb_export().save_to_stick(content.catalogue, settings, lang),
    }
    window = KioskWindow(
        make_context, screen_factories(operator, options.start_at), locked_down=not options.windowed
    )
    holder["window"] = window
    holder["hours"] = hours = _keep_hours(window, settings, options)
    screens = app.screens()
    index = options.screen if options.screen is not None else settings.display.screen
    if 0 <= index < len(screens):
        target = screens[index]
    else:
        log.warning(
            "screen %d not found (%d connected); using the primary screen", index, len(screens)
        )
        target = app.primaryScreen()
    rotation = None
    degrees = options.rotate if options.rotate is not None else settings.display.rotate
    if options.windowed:
        w, h = options.size or (1280, 720)
        window.resize(w, h)
        window.show()
    else:
        if degrees:
            rotation, problem = rotate(degrees, target.name(), app.platformName())
            if problem:
                log.error("%s", problem)
        # A bare X server has no window manager: size the window before fullscreen,
        # and again whenever the screen changes (turned, or its resolution changed).
        window.setGeometry(target.geometry())
        target.geometryChanged.connect(window.setGeometry)
        window.showFullScreen()
    hours.start()  # before the window starts: it may start on the closed screen
    window.start()
    log.info(
        "kiosk started on %s (%dx%d), catalogue %s",
        target.name(),
        window.width(),
        window.height(),
        content.catalogue,
    )
    return Kiosk(app, window, catalogue, films, images, rotation, hours)


def _report_module():
    from kiosk.reporting import build

    return build


def _usb_export():
    from kiosk.usb import export

    return export


def _fleet_chores(paths: Paths, content: Paths, settings: Settings):
    """The watch folder and the records folder of ``[content]`` (kiosk.fleet.chores);
    relative folders are in the data folder."""
    from kiosk.fleet.chores import Chores
    from kiosk.fleet.watch import WatchFolder

    wanted = settings.content
    watch = None
    if wanted.watch_folder:
        folder = paths.data_dir / Path(wanted.watch_folder).expanduser()
        watch = WatchFolder(folder, paths.data_dir / "watch-folder.json", clock=time.monotonic)
    records = None
    if wanted.records_folder:
        out = paths.data_dir / Path(wanted.records_folder).expanduser()

        def records(day):
            from kiosk.catalog import Catalogue
            from kiosk.reporting.export import write_daily_records

            with Catalogue.open(content.catalogue, create=False) as catalogue:
                return write_daily_records(catalogue, settings, out, day)

    return Chores(content.data_dir, watch, records)


def run(paths: Paths, settings: Settings, options: RunOptions, content: Paths | None = None) -> int:
    kiosk = build(paths, settings, options, content)
    _install_crash_handler(kiosk.app)
    _quit_on_signals(kiosk.app)
    chores = _fleet_chores(paths, content or paths, settings).start()
    heartbeat = None
    if options.heartbeat_fd is not None:
        from kiosk.ui.heartbeat import Heartbeat

        heartbeat = Heartbeat(
            kiosk.window, BeatWriter(options.heartbeat_fd), lambda: kiosk.app.exit(0), kiosk.app
        )
        heartbeat.start()
    _crash_for_tests(kiosk.app)
    # What is made by now lives as long as the kiosk: out of the collector's full passes,
    # which otherwise walk it all (43–94 ms each here: a stalled frame of the ticker).
    gc.collect()
    gc.freeze()
    code = kiosk.app.exec()
    if heartbeat is not None:
        heartbeat.writer.close()
    chores.stop()
    kiosk.close()
    return code


def _keep_hours(window, settings: Settings, options: RunOptions):
    """The opening hours of ``[hours]``, kept by the window's clock."""
    from kiosk.display_power import DisplayPower
    from kiosk.schedule.hours import OpeningHours
    from kiosk.schedule.opening import Opening
    from kiosk.ui.closed.keeper import HoursKeeper

    opening = Opening(OpeningHours.from_settings(settings.hours))
    keeper = HoursKeeper(window, opening, DisplayPower(), options.clock or datetime.now)
    window.screen("closed").touched.connect(keeper.touched)
    return keeper


def _crash_for_tests(app) -> None:
    """``QINGFENG_TEST_CRASH_AFTER_S=N``: raise inside the GUI N seconds after the start.

    For the supervisor's tests only (a real crash in the event loop, handled like any
    bug); read once here.
    """
    after = os.environ.get(CRASH_FOR_TESTS)
    if not after:
        return
    from PySide6.QtCore import QTimer

    def crash() -> None:
        raise RuntimeError(f"{CRASH_FOR_TESTS}={after}: a crash asked for by a test")

    QTimer.singleShot(int(float(after) * 1000), app, crash)


def _open_playback(settings: Settings):
    from kiosk import playback

    options = list(settings.playback.vlc_options) or None
    try:
        return playback.VlcEngine(options), None
    except playback.PlaybackUnavailable as e:
        log.error("%s", e)
        return None, str(e)


def data_paths(data_dir: Path | None) -> Paths:
    return Paths.default(data_dir)
