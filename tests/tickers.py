"""What the ticker's tests, screenshots and benchmark share: the cited lines of the research
notes as a sheet, and the attract screen fullscreen on a catalogue."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

RESEARCH = Path(__file__).resolve().parent.parent / "docs" / "research" / "kinds" / "tickers.csv"


def write_csv(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns or list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def cited_lines(folder: Path) -> Path:
    """``folder`` holding the research notes' ticker lines as a sheet, without their links
    (they name sayings a test catalogue does not hold)."""
    with open(RESEARCH, encoding="utf-8") as f:
        rows = [{k: v for k, v in r.items() if k != "links"} for r in csv.DictReader(f)]
    write_csv(folder / "tickers.csv", rows)
    return folder


def fullscreen_attract(library, settings, films=None, *, large: bool = False):
    """The attract screen in a fullscreen window on the primary screen: (window, screen)."""
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.records import Recorder
    from kiosk.ui.attract.screen import AttractScreen
    from kiosk.ui.screen import Context, Visit
    from kiosk.ui.widgets import theme
    from kiosk.ui.widgets.images import ImageLoader

    geometry = QApplication.primaryScreen().geometry()
    metrics = theme.Metrics.for_screen(geometry.width(), geometry.height(), large)
    ctx = Context(
        library,
        settings,
        Visit("zh", metrics),
        ImageLoader(),
        None,
        films,
        None,
        Recorder(library.catalogue),
    )
    window = QWidget()
    window.setGeometry(geometry)
    screen = AttractScreen(ctx, window)
    screen.setGeometry(0, 0, geometry.width(), geometry.height())
    window.showFullScreen()
    return window, screen
