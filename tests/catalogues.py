"""What UI tests share: a catalogue imported once per module by the real importer and
copied per test, a navigator that records where a screen asked to go, and a screen shown
as the window shows it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from kiosk.catalog import Catalogue
from kiosk.catalog.files import MediaStore
from kiosk.ingest.importer import Importer
from kiosk.paths import Paths


def import_once(sources: Path, where: Path) -> Path:
    """Import ``sources`` into a new data folder under ``where``; nothing may be rejected."""
    paths = Paths(where / "data")
    with Catalogue.open(paths.catalogue) as catalogue:
        report = Importer(catalogue, MediaStore.at(paths)).run([sources])
        assert report.rejected == [], report.rejected
    return paths.data_dir


def private_copy(built: Path, tmp_path: Path) -> Paths:
    """A test's own copy of an imported data folder (tests may write plays, break files)."""
    shutil.copytree(built, tmp_path / "data")
    return Paths(tmp_path / "data")


class Nav:
    """Records what a screen asked the window to do."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None, dict[str, Any]]] = []

    def go(self, screen: str, **args: Any) -> None:
        self.calls.append(("go", screen, args))

    def back(self) -> None:
        self.calls.append(("back", None, {}))

    def home(self) -> None:
        self.calls.append(("home", None, {}))


def show(qtbot, screen):
    """``screen`` shown at 1920x1080, and left before it is closed, as the window leaves a
    screen: no timer of it outlives the test (the operator panel's refresh would read the
    catalogue the fixtures have closed)."""
    qtbot.addWidget(screen, before_close_func=lambda w: w.leave())
    screen.resize(1920, 1080)
    screen.show()
    qtbot.waitExposed(screen)
    return screen
