"""A kill at any moment of ``kiosk import`` leaves the old catalogue, whole: the kill is
sent when the import says (with -v) that it has done file k, or that it is inside its
final transaction, so it is known to land mid-import. After each, ``kiosk check`` passes
and the import run again brings everything in."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.catalog import Catalogue

from commands import kill_when, kiosk
from factories import make_image

PHOTOS = 40
# Rows without a file make the final transaction long enough to be caught in.
SAYINGS = 800

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("usb")
    for i in range(PHOTOS):
        make_image(src / "photos" / f"p{i:02d}.jpg", (1600, 1200), color=(i * 5, 80, 120))
    with open(src / "photos.csv", "w", newline="", encoding="utf-8") as f:
        sheet = csv.writer(f)
        sheet.writerow(["key", "kind", "file", "title_zh"])
        for i in range(PHOTOS):
            sheet.writerow([f"p{i:02d}", "photo", f"photos/p{i:02d}.jpg", f"照片{i}"])
    with open(src / "sayings.csv", "w", newline="", encoding="utf-8") as f:
        sheet = csv.writer(f)
        sheet.writerow(["key", "kind", "title_zh", "title_en", "author_zh", "source_zh"])
        for i in range(SAYINGS):
            sheet.writerow(
                [f"s{i:04d}", "aphorism", f"清廉第{i}条。", f"Saying {i}", "佚名", "《训》"]
            )
    return src


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the catalogue held before: three other photos."""
    src = tmp_path_factory.mktemp("before")
    for i in range(3):
        make_image(src / "photos" / f"old{i}.jpg", (800, 600), color=(200, 40 * i, 30))
    return src


@pytest.mark.parametrize(
    "marker",
    [
        "import: file 1 of",
        f"import: file {PHOTOS // 2} of",
        "import: writing",
    ],
    ids=["after-the-first-file", "after-the-middle-file", "in-the-final-transaction"],
)
def test_a_kill_mid_import_leaves_the_old_catalogue(
    tmp_path: Path, before: Path, source: Path, marker: str
) -> None:
    data = tmp_path / "data"
    assert kiosk(data, "import", str(before), timeout=240).returncode == 0
    with Catalogue.open(data / "catalogue.sqlite", create=False) as cat:
        old = sorted((r["key"], r["media_id"]) for r in cat.items())
    assert len(old) == 3

    said = kill_when(data, marker, "import", str(source))
    reached = {line.split(" ")[1] for line in said if line.startswith("import: ")}
    assert "transaction" not in reached  # "import: transaction committed"
    if marker.startswith("import: file"):
        assert "writing" not in reached  # killed among the files

    checked = kiosk(data, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    with Catalogue.open(data / "catalogue.sqlite", create=False) as cat:
        assert cat.integrity_problems() == []
        assert sorted((r["key"], r["media_id"]) for r in cat.items()) == old  # nothing half-in

    again = kiosk(data, "import", str(source), timeout=240)
    assert again.returncode == 0, again.stderr
    assert kiosk(data, "check").returncode == 0
    with Catalogue.open(data / "catalogue.sqlite", create=False) as cat:
        assert cat.count() == len(old) + PHOTOS + SAYINGS
