"""Screenshots of the PIN pad (empty, typing, wrong, locked, no PIN set) and the operator panel.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_operator.py \
        --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

A small catalogue and a PIN (1234) are made in a temporary data directory.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.pin import PinGuard, load_pin_hash, save_pin
from kiosk.settings import Settings
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.pinpad import PinScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow

from harness import arguments, settle

PIN = "1234"


def seed(catalogue: Catalogue) -> None:
    counts = {"film": 6, "poster": 24, "calligraphy": 18, "photo": 40, "aphorism": 32}
    counts |= {"person": 12, "place": 5, "event": 9, "topic": 3}
    counts |= {"case": 3, "couplet": 5, "riddle": 12, "ticker": 9}  # the programme's own kinds
    with catalogue.transaction():
        for kind, n in counts.items():
            for i in range(n):
                catalogue.upsert_item(
                    {"key": f"{kind}-{i}", "kind": kind, "title_zh": f"{kind} {i}"}
                )


def main() -> None:
    parser = arguments(__doc__, data_dir=False)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    tmp = tempfile.TemporaryDirectory()
    paths = Paths(Path(tmp.name))
    catalogue = Catalogue.open(paths.catalogue)
    seed(catalogue)
    library = Library(catalogue, MediaStore.at(paths))
    images = ImageLoader()
    settings = Settings()
    now = [1000.0]
    guard = PinGuard(5, 60.0, clock=lambda: now[0])
    status = {
        "broken": [
            "store/3f/3fa2c9e1d0b7…/县纪委警示教育片_2023_final_v2.mp4",
            "store/a1/a19e02…/包拯家训_高清扫描.tif",
        ],
        "last_errors": [
            "09:12 cannot show 包拯家训_高清扫描.tif: truncated file",
            "09:40 film 县纪委警示教育片_2023_final_v2.mp4 stopped: codec not supported",
        ],
        "uptime_s": 3 * 3600 + 27 * 60,
        "films_problem": None,
    }

    def make_context(window):
        return Context(library, settings, Visit("zh", theme.Metrics()), images, window)

    factories = {
        "pin": lambda ctx: PinScreen(ctx, guard, lambda: load_pin_hash(paths)),
        "operator": lambda ctx: OperatorScreen(
            ctx,
            status=lambda: status,
            set_volume=lambda v: None,
            reload=lambda: None,
            quit=lambda: None,
        ),
    }
    factories["home"] = factories["attract"] = factories["pin"]  # stand-ins
    window = KioskWindow(make_context, factories)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    screen = app.primaryScreen()

    def shot(name: str) -> None:
        settle()
        screen.grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.go("pin")
    pin: PinScreen = window.screens["pin"]
    shot("pin-unset")
    save_pin(paths, PIN)
    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.go("pin")
        shot(f"pin-{lang}")
        for d in "12":
            pin.type_digit(d)
        shot(f"pin-typing-{lang}")
        for d in "99":
            pin.type_digit(d)
        pin.confirm()
        shot(f"pin-wrong-{lang}")
        for _ in range(4):
            for d in "0000":
                pin.type_digit(d)
            pin.confirm()
        now[0] += 8.2
        pin.update_lock()
        shot(f"pin-locked-{lang}")
        now[0] += 60
        pin.update_lock()
        for d in PIN:
            pin.type_digit(d)
        pin.confirm()
        assert window.current == "operator", window.current
        shot(f"operator-{lang}")
        operator: OperatorScreen = window.screens["operator"]
        operator.reload_content()
        operator.ask_exit()
        shot(f"operator-confirm-exit-{lang}")
        window.home()
    window.ctx.visit.set_lang("zh")
    status["films_problem"] = window.ctx.tr("films_unavailable")
    status["broken"] = [f"store/{i:02x}/broken-file-{i}.jpg" for i in range(7)]
    window.go("operator")
    shot("operator-problems")
    window.ctx.visit.set_large(True)
    shot("operator-large-text")
    window.go("pin")
    shot("pin-large-text")
    window.shutdown()
    catalogue.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
