"""What the screenshot scripts share: a fullscreen kiosk window on a catalogue, and shots.

Run the scripts under Xvfb at the size to shoot (1920x1080x24 or 1080x1920x24).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui.home import HomeScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow


def arguments(doc: str | None, *, data_dir: bool = True) -> argparse.ArgumentParser:
    """A script's command line: ``--out`` (and ``--data-dir``), described by ``doc``."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    if data_dir:
        parser.add_argument("--data-dir", required=True, help="a folder holding catalogue.sqlite")
    parser.add_argument("--out", required=True, help="the folder the PNG files go to")
    return parser


def settle(ms: int = 300) -> None:
    """Let the event loop run for ``ms`` (animations, layouts, decoded pictures)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@dataclass
class Harness:
    app: QApplication
    window: KioskWindow
    images: ImageLoader
    out: Path
    waits: list[Callable[[], None]] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        """Save the whole screen once pictures have loaded."""
        settle()
        for _ in range(3):
            self.images.wait()
            for wait in self.waits:
                wait()
            settle(150)
        path = self.out / f"{name}.png"
        self.app.primaryScreen().grabWindow(0).save(str(path))
        print(path)
        return path


def open_kiosk(data_dir: str, out: str, screens: dict, settings: Settings | None = None) -> Harness:
    """The kiosk window, fullscreen, on the catalogue in ``data_dir``, at home (with
    ``settings``, or the defaults)."""
    app = QApplication.instance() or QApplication([])
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    paths = Paths(Path(data_dir))
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    settings = settings or Settings()
    images = ImageLoader(settings.display.picture_cache_bytes())
    geometry = app.primaryScreen().geometry()

    def make_context(window: KioskWindow) -> Context:
        metrics = theme.Metrics.for_screen(geometry.width(), geometry.height())
        return Context(
            library,
            settings,
            Visit("zh", metrics),
            images,
            window,
            None,
            None,
            Recorder(catalogue),
        )

    factories = {"home": HomeScreen, "attract": HomeScreen, **screens}
    window = KioskWindow(make_context, factories)
    window.setGeometry(geometry)
    window.showFullScreen()
    window.home()
    settle()
    return Harness(app, window, images, target)
