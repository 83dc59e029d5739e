"""Screenshots of the operator panel with its Report button and of the Report page, in
Chinese, English and large text, over the synthetic month of tests/reporting_month.py (30
November 2026, 18:00 in the hall: a month of visits, showings, an outage and a safe mode).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/screenshots/shoot_report.py \
        --data-dir IGNORED --out screenshots/landscape

``--data-dir`` is accepted (shoot_all.sh passes the demo's) and not used: the demo has no
month of visits to show.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.paths import Paths
from kiosk.reporting.build import this_month
from kiosk.ui.operator.panel import OperatorScreen
from kiosk.ui.operator.report_page import ReportPage
from kiosk.ui.screen import Context, Visit
from kiosk.ui.widgets import theme
from kiosk.ui.widgets.images import ImageLoader
from kiosk.ui.window import KioskWindow
from kiosk.usb.drives import NoStick

import reporting_month as month
from harness import arguments, settle

NOW = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def main() -> None:
    args = arguments(__doc__).parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    tmp = tempfile.TemporaryDirectory()
    paths = Paths(Path(tmp.name))
    catalogue = Catalogue.open(paths.catalogue)
    month.build(catalogue)
    library = Library(catalogue, MediaStore.at(paths))
    geometry = app.primaryScreen().geometry()

    def make_context(window):
        metrics = theme.Metrics.for_screen(geometry.width(), geometry.height())
        return Context(library, month.SETTINGS, Visit("zh", metrics), ImageLoader(), window)

    def no_stick(lang: str):
        raise NoStick()

    factories = {
        "operator": lambda ctx: OperatorScreen(
            ctx, lambda: {"uptime_s": 5400}, lambda v: None, lambda: None, lambda: None
        ),
        "report": lambda ctx: ReportPage(
            ctx, lambda lang: this_month(paths.catalogue, month.SETTINGS, lang, NOW), no_stick
        ),
    }
    factories["home"] = factories["attract"] = factories["operator"]  # stand-ins
    window = KioskWindow(make_context, factories)
    window.setGeometry(geometry)
    window.showFullScreen()

    def shot(name: str) -> None:
        page = window.screens.get("report")
        for _ in range(3):
            if page is not None:
                page.wait()
            settle(400)
        window.grab()
        app.primaryScreen().grabWindow(0).save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    window.go("operator")
    shot("operator-report-button")
    for lang in ("zh", "en"):
        window.ctx.visit.set_lang(lang)
        window.go("report")
        shot(f"report-{lang}")
    window.ctx.visit.set_lang("zh")
    page: ReportPage = window.screens["report"]
    page.save()
    shot("report-no-stick")
    window.ctx.visit.set_large(True)
    shot("report-large-text")
    window.shutdown()
    catalogue.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
