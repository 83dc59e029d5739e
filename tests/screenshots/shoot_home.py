"""Screenshots of the home screen and the aphorism/history lists, both languages.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_home.py \
        --data-dir DIR --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

DIR holds a catalogue (e.g. the demo one: ~/.local/share/qingfeng-kiosk/demo).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.records import Recorder
from kiosk.settings import Settings
from kiosk.ui import theme
from kiosk.ui.base import Context, Visit
from kiosk.ui.home import HomeScreen
from kiosk.ui.images import ImageLoader
from kiosk.ui.lists import AphorismScreen, HistoryScreen
from kiosk.ui.window import KioskWindow


def settle(app: QApplication, ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    paths = Paths(Path(args.data_dir))
    catalogue = Catalogue.open(paths.catalogue, create=False)
    library = Library(catalogue, MediaStore.at(paths))
    images = ImageLoader()
    settings = Settings()

    def make_context(window):
        return Context(
            library,
            settings,
            Visit("zh", theme.Metrics()),
            images,
            window,
            None,
            None,
            Recorder(catalogue),
        )

    factories = {
        "home": HomeScreen,
        "attract": HomeScreen,
        "aphorisms": AphorismScreen,
        "history": HistoryScreen,
    }
    window = KioskWindow(make_context, factories)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    screen = app.primaryScreen()

    def shot(name: str) -> None:
        settle(app)
        images.wait()
        settle(app)
        screen.grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.home()
    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.home()
        shot(f"home-{lang}")
        window.go("aphorisms")
        shot(f"aphorisms-{lang}")
        window.screens["aphorisms"].show_item(window.screens["aphorisms"].rows[0]["key"])
        shot(f"aphorism-detail-{lang}")
        window.back()
        window.go("history")
        shot(f"history-{lang}")
        history = window.screens["history"]
        history.show_item(next(r["key"] for r in history.rows if r["kind"] == "person"))
        shot(f"history-detail-{lang}")
    window.ctx.visit.set_lang("zh")
    window.ctx.visit.set_large(True)
    window.home()
    shot("home-large-text")
    window.shutdown()


if __name__ == "__main__":
    main()
