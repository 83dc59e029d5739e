"""A small catalogue for the Content page's tests, imported from a real sheet and real
pictures through the Importer: two posters, three aphorisms, and a region map that shows
the first poster's picture (so that picture stays used when the poster is deleted)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.library import Library
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths

from factories import make_image


def import_content(src: Path, paths: Paths) -> None:
    make_image(src / "清风.jpg", (320, 240), color=(216, 200, 160))
    make_image(src / "明月.jpg", (240, 320), color=(160, 184, 200))
    rows = [
        ["p1", "poster", "清风.jpg", "清风海报", "Clear wind"],
        ["p2", "poster", "明月.jpg", "明月海报", "Bright moon"],
        ["a1", "aphorism", "", "廉者，民之表也", "Integrity leads the people"],
        ["a2", "aphorism", "", "贪者，民之贼也", "Greed robs the people"],
        ["a3", "aphorism", "", "清风两袖", "Two sleeves of clear wind"],
        ["county", "map", "清风.jpg", "县域图", "County map"],
    ]
    with open(src / "content.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["key", "kind", "file", "title_zh", "title_en"])
        writer.writerows(rows)
    with Catalogue.open(paths.catalogue) as cat:
        report = Importer(cat, MediaStore.at(paths)).run([src / "content.csv"])
        assert not report.rejected, report.rejected


@contextmanager
def content_library(tmp_path: Path) -> Iterator[Library]:
    """The library of that catalogue, imported under ``tmp_path``."""
    paths = Paths(tmp_path / "data")
    import_content(tmp_path / "src", paths)
    catalogue = Catalogue.open(paths.catalogue)
    try:
        yield Library(catalogue, MediaStore.at(paths))
    finally:
        catalogue.close()


def panel_changes(library: Library) -> list[tuple]:
    """(action, key, fields) of each change recorded as made in the panel, in order."""
    rows = ChangeLog(library.catalogue).changes()
    return [(r["action"], r["item_key"], r["fields"]) for r in rows if r["source"] == "panel"]


# The Content page's sizes: portrait is a 1080×1920 panel at half scale, since the test
# screen (1920×1080) must hold it (events outside the screen do not reach the widgets).
PAGE_SIZES = [(1920, 1080, 1.0), (540, 960, 0.5)]
PAGE_IDS = ["landscape", "portrait"]


def show_page(qtbot, ctx, size: tuple[int, int, float]):
    """The Content page on ``ctx``, shown at ``size`` (width, height, scale) and entered."""
    from kiosk.ui.operator.content import ContentScreen

    width, height, scale = size
    ctx.visit.set_scale(scale)
    screen = ContentScreen(ctx)
    qtbot.addWidget(screen, before_close_func=lambda w: w.leave())
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    screen.enter()
    return screen
