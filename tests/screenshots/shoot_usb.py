"""Screenshots of the USB stick behind the PIN: the panel's offer, the USB page with what the
stick holds, the import in progress, its results, a stick pulled out, records exported.

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_usb.py \
        --out screenshots/landscape
    xvfb-run -s "-screen 0 1080x1920x24" ... --out screenshots/portrait

A small catalogue and a stick folder (real pictures, a sheet, a broken file) are made in a
temporary folder; ``--data-dir`` is accepted for shoot_all.sh and not used, so the demo
catalogue is never changed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.settings import Settings
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.usb_screen import DONE, EXPORTED, IMPORTING, REMOVED, SUMMARY, UsbScreen
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow
from kiosk.usb.drives import Stick

from harness import arguments, settle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from factories import make_image

STATUS = {"broken": [], "last_errors": [], "uptime_s": 2 * 3600 + 5 * 60, "films_problem": None}


def fill_stick(stick: Path) -> None:
    names = ["清风徐来", "两袖清风", "廉洁奉公", "家风传承", "警钟长鸣", "慎独慎微"]
    for i, name in enumerate(names):
        make_image(stick / "海报" / f"{name}.jpg", (1200, 1600), color=(150, 40 + 20 * i, 30))
    for i in range(3):
        make_image(stick / "书画" / f"书法{i + 1}.png", (900, 1400), color=(230, 220 - 30 * i, 200))
    make_image(stick / "活动合影.jpg", (1600, 1000), color=(90, 110, 130))
    (stick / "海报" / "海报说明.docx").write_bytes(b"PK\x03\x04 a Word file")
    (stick / "书画" / "扫描失败.jpg").write_bytes(b"\xff\xd8\xff\xe0 cut off")
    (stick / "人物与格言.csv").write_text(
        "类别,标题,英文标题\n格言,吾日三省吾身,I examine myself three times a day\n", "utf-8"
    )
    (stick / "System Volume Information").mkdir()


def wait_for(page: UsbScreen, *states: str) -> None:
    while page.state not in states:
        settle(100)


def main() -> None:
    parser = arguments(__doc__, data_dir=False)
    parser.add_argument("--data-dir", help="not used (see above)")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    tmp = tempfile.TemporaryDirectory()
    paths = Paths(Path(tmp.name) / "data")
    stick = Path(tmp.name) / "KINGSTON"
    fill_stick(stick)
    catalogue = Catalogue.open(paths.catalogue)
    with catalogue.transaction():
        for i in range(12):
            catalogue.upsert_item({"key": f"aphorism-{i}", "kind": "aphorism", "title_zh": "格言"})
    library = Library(catalogue, MediaStore.at(paths))
    settings = Settings().with_overrides(
        content={"usb_folders": (str(stick),)}, exhibition={"kiosk_name": "县纪委展厅一号机"}
    )
    hold, held = threading.Event(), threading.Event()

    def before_each(done: int, total: int) -> None:
        if done == 4 and not hold.is_set():  # stop mid-way for the picture
            held.set()
            hold.wait(30)

    def make_context(window):
        return Context(library, settings, Visit("zh", theme.Metrics()), ImageLoader(), window)

    factories = {
        "operator": lambda ctx: OperatorScreen(
            ctx, lambda: STATUS, lambda v: None, lambda: None, lambda: None
        ),
        "usb": lambda ctx: UsbScreen(ctx, library.invalidate, before_each=before_each),
    }
    factories["home"] = factories["attract"] = factories["operator"]  # stand-ins
    window = KioskWindow(make_context, factories)
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()

    def shot(name: str) -> None:
        settle()
        app.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.go("operator")
    shot("usb-offer-zh")
    page: UsbScreen = window.screen("usb")
    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.go("usb", stick=Stick(stick, stick.name), action="import")
        wait_for(page, SUMMARY)
        shot(f"usb-summary-{lang}")
    window.ctx.visit.set_lang("zh")
    page.confirm_import()
    while not held.is_set():
        settle(50)
    settle(300)  # the progress signal reaches the page
    assert page.state == IMPORTING
    shot("usb-importing-zh")
    hold.set()
    wait_for(page, DONE)
    shot("usb-results-zh")
    window.ctx.visit.set_lang("en")
    shot("usb-results-en")
    window.ctx.visit.set_lang("zh")
    window.go("usb", stick=Stick(stick, stick.name), action="export")
    wait_for(page, EXPORTED)
    shot("usb-exported-zh")
    # A second stick, pulled out mid-import.
    other = Path(tmp.name) / "新加卷"
    fill_stick(other)
    hold.clear()
    held.clear()
    window.go("usb", stick=Stick(other, other.name), action="import")
    wait_for(page, SUMMARY)
    page.confirm_import()
    while not held.is_set():
        settle(50)
    shutil.rmtree(other)
    hold.set()
    wait_for(page, REMOVED)
    shot("usb-removed-zh")
    window.ctx.visit.set_large(True)
    shot("usb-removed-large-text")
    window.shutdown()
    catalogue.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
