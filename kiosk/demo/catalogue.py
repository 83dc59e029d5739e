"""Building the demo catalogue through the same import path operators use."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from kiosk.catalog import Catalogue
from kiosk.catalog.changes import ChangeLog
from kiosk.catalog.files import MediaStore
from kiosk.catalog.report import Report
from kiosk.demo import media
from kiosk.ingest.importer import Importer, Progress
from kiosk.paths import DATA_SOURCES, Paths

DEMO_SHEETS = DATA_SOURCES / "demo"


def build_demo(
    paths: Paths,
    *,
    say: Callable[[str], None] = lambda line: None,
    progress: Progress | None = None,
    scale: float = 1.0,
    jobs: int | None = None,
) -> Report:
    """Render the demo media (once), put the demo sheets beside it, import it all.

    ``scale`` and ``jobs`` are passed to ``media.build`` (tests build small).
    """
    out_dir: Path = paths.demo_build
    out_dir.mkdir(parents=True, exist_ok=True)
    say("preparing demo artwork, films and map (first run takes a minute) …")
    media.build(out_dir, say, scale=scale, jobs=jobs)
    for sheet in sorted(DEMO_SHEETS.glob("*.csv")):
        target = out_dir / sheet.name
        if not target.exists() or target.read_bytes() != sheet.read_bytes():
            shutil.copyfile(sheet, target)
    demo = paths.demo
    with Catalogue.open(demo.catalogue) as catalogue:
        changes = ChangeLog(catalogue, "demo")
        return Importer(catalogue, MediaStore.at(demo), progress, changes).run([out_dir])
